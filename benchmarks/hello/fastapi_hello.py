"""The smallest FastAPI app with the same /health answer: the floor a generated FastAPI app is measured against."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}
