"""The smallest Flask app with the same /health answer: the floor a generated Flask app is measured against."""

from flask import Flask

app = Flask(__name__)


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
