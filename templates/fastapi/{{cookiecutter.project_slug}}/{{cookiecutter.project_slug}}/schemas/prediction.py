"""The model's input and output: what `POST /predict` accepts and answers."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

# Measured lengths: positive, finite and below a metre; the model was trained on 0.1 to 7.9 cm.
Centimetres = Annotated[float, Field(gt=0, le=100, allow_inf_nan=False)]
MAX_BATCH = 100


class Measurements(BaseModel):
    """One iris flower, measured in centimetres. The fields are the model's features, in its order."""

    model_config = ConfigDict(extra="forbid")

    sepal_length: Centimetres
    sepal_width: Centimetres
    petal_length: Centimetres
    petal_width: Centimetres


class Batch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    instances: list[Measurements] = Field(min_length=1, max_length=MAX_BATCH)


class Prediction(BaseModel):
    label: str
    #: Every label's probability; they sum to 1.
    probabilities: dict[str, float]


class PredictionAnswer(Prediction):
    model_version: str


class BatchAnswer(BaseModel):
    predictions: list[Prediction]
    model_version: str


class ModelInfo(BaseModel):
    version: str
    sha256: str
    format: str
    features: list[str]
    labels: list[str]
    metrics: dict[str, float]
    input_schema: dict[str, object]
