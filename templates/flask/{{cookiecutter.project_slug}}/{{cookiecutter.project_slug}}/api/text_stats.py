"""Text statistics: a stateless resource that validates its input and computes a result."""

import re
from typing import Any

from flask.views import MethodView
from marshmallow import Schema, fields, validate

from .blueprint import Blueprint

blp = Blueprint(
    "text_stats", __name__, url_prefix="/api/v1/text-stats", description="Count what is in a text."
)

MAX_TEXT_LENGTH = 100_000
WORD = re.compile(r"\w+(?:['’-]\w+)*")


class TextSchema(Schema):
    text = fields.String(required=True, validate=validate.Length(min=1, max=MAX_TEXT_LENGTH))


class TextStatsSchema(Schema):
    characters = fields.Integer(required=True)
    words = fields.Integer(required=True)
    unique_words = fields.Integer(required=True)
    lines = fields.Integer(required=True)


def text_stats(text: str) -> dict[str, int]:
    words = [word.casefold() for word in WORD.findall(text)]
    return {
        "characters": len(text),
        "words": len(words),
        "unique_words": len(set(words)),
        "lines": len(text.splitlines()),
    }


@blp.route("/")
class TextStats(MethodView):
    @blp.arguments(TextSchema)
    @blp.response(200, TextStatsSchema)
    def post(self, data: dict[str, Any]) -> dict[str, int]:
        """Count the characters, words, distinct words (case-insensitive) and lines of a text."""
        return text_stats(data["text"])
