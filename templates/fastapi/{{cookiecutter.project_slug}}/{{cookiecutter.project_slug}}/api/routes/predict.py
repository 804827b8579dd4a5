"""Predictions from the model loaded at start-up (main.py), never per request."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from {{ cookiecutter.project_slug }}.ml.model import FORMAT, Model
from {{ cookiecutter.project_slug }}.schemas.prediction import (
    Batch,
    BatchAnswer,
    Measurements,
    ModelInfo,
    Prediction,
    PredictionAnswer,
)

router = APIRouter(tags=["model"])


def get_model(request: Request) -> Model:
    model: Model = request.app.state.model
    return model


ModelDep = Annotated[Model, Depends(get_model)]


def feature_rows(instances: list[Measurements], model: Model) -> list[list[float]]:
    return [[getattr(instance, name) for name in model.features] for instance in instances]


async def predict_rows(model: Model, instances: list[Measurements]) -> list[Prediction]:
    # Inference is CPU work: in a worker thread, so the event loop goes on answering other requests
    # while a larger model computes.
    results = await run_in_threadpool(model.predict, feature_rows(instances, model))
    return [Prediction(label=r.label, probabilities=r.probabilities) for r in results]


@router.post("/predict")
async def predict(measurements: Measurements, model: ModelDep) -> PredictionAnswer:
    """The most probable label for one flower, and every label's probability."""
    (prediction,) = await predict_rows(model, [measurements])
    return PredictionAnswer(**prediction.model_dump(), model_version=model.version)


@router.post("/predict/batch")
async def predict_batch(batch: Batch, model: ModelDep) -> BatchAnswer:
    """Predictions for up to 100 flowers, in the order sent."""
    predictions = await predict_rows(model, batch.instances)
    return BatchAnswer(predictions=predictions, model_version=model.version)


@router.get("/model")
async def model_info(model: ModelDep) -> ModelInfo:
    """Which model answers: its version, the SHA-256 of its artifact, and the input it takes."""
    return ModelInfo(
        version=model.version,
        sha256=model.sha256,
        format=FORMAT,
        features=list(model.features),
        labels=list(model.labels),
        metrics=dict(model.metrics),
        input_schema=Measurements.model_json_schema(),
    )
