from django.conf import settings
from django.db import models
from django.urls import reverse


class Note(models.Model):
    """A short text shared on the site; its author may edit it."""

    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notes",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        # Pages list notes in this order: a page is a walk along the index, never a sort.
        indexes = [models.Index(fields=["-created_at", "-id"], name="notes_newest_first_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("notes:detail", args=[self.pk])
