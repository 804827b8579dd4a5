from django.urls import path

from {{ cookiecutter.project_slug }}.organizations import views

app_name = "organizations"

urlpatterns = [
    path("", views.organization_list, name="list"),
    path("<int:pk>/switch/", views.switch, name="switch"),
    path("members/", views.members, name="members"),
]
