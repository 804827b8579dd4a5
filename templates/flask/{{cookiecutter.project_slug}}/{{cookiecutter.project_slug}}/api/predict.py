{% set has_auth = cookiecutter.auth == "yes" -%}
"""Predictions from the model loaded by the application factory, never per request."""

from typing import Any

from flask import Flask, current_app
from flask.views import MethodView
from marshmallow import Schema, fields, validate

from ..config import ConfigError
{%- if has_auth %}
from ..extensions import csrf
{%- endif %}
from ..ml.model import FORMAT, Model, ModelError, load_model
from .blueprint import Blueprint

blp = Blueprint("model", __name__, url_prefix="/api/v1", description="The served model.")
{%- if has_auth %}
# Predictions change nothing and never read the session, so a forged cross-site request gains
# nothing: API clients post without a CSRF token.
csrf.exempt(blp)
{%- endif %}

# Measured lengths: positive, finite and below a metre; the model was trained on 0.1 to 7.9 cm.
MAX_CENTIMETRES = 100
MAX_BATCH = 100


class Number(fields.Float):
    """A JSON number only: marshmallow's Float also takes the string "5.1" (and refuses NaN and
    infinities, as this does)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.make_error("invalid")
        number: float = super()._deserialize(value, attr, data, **kwargs)
        return number


def centimetres() -> Number:
    within = validate.Range(min=0, max=MAX_CENTIMETRES, min_inclusive=False)
    return Number(required=True, validate=within)


class MeasurementsSchema(Schema):
    """One iris flower, measured in centimetres: the model's features, in its order."""

    sepal_length = centimetres()
    sepal_width = centimetres()
    petal_length = centimetres()
    petal_width = centimetres()


class BatchSchema(Schema):
    instances = fields.List(
        fields.Nested(MeasurementsSchema),
        required=True,
        validate=validate.Length(min=1, max=MAX_BATCH),
    )


class PredictionSchema(Schema):
    label = fields.String(required=True)
    probabilities = fields.Dict(keys=fields.String(), values=fields.Float(), required=True)


class PredictionAnswerSchema(PredictionSchema):
    model_version = fields.String(required=True)


class BatchAnswerSchema(Schema):
    predictions = fields.List(fields.Nested(PredictionSchema), required=True)
    model_version = fields.String(required=True)


class ModelInfoSchema(Schema):
    version = fields.String(required=True)
    sha256 = fields.String(required=True)
    format = fields.String(required=True)
    features = fields.List(fields.String(), required=True)
    labels = fields.List(fields.String(), required=True)
    metrics = fields.Dict(keys=fields.String(), values=fields.Float(), required=True)
    input_schema = fields.Dict(required=True)


def input_schema() -> dict[str, Any]:
    """The JSON Schema of one instance, as the OpenAPI document describes MeasurementsSchema."""
    names = list(MeasurementsSchema().fields)
    length = {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_CENTIMETRES}
    return {
        "type": "object",
        "properties": {name: length for name in names},
        "required": names,
        "additionalProperties": False,
    }


def init_model(app: Flask) -> None:
    """Load the model once per process; a missing or broken artifact stops the start (one line)."""
    try:
        model = load_model(app.config["MODEL_PATH"])
    except ModelError as err:
        raise ConfigError(str(err)) from None
    accepted = tuple(MeasurementsSchema().fields)
    if model.features != accepted:
        raise ConfigError(
            f"the model takes {', '.join(model.features)} but the API accepts "
            f"{', '.join(accepted)} (api/predict.py)"
        )
    app.extensions["model"] = model


def served_model() -> Model:
    model: Model = current_app.extensions["model"]
    return model


def predict_rows(instances: list[dict[str, float]]) -> tuple[Model, list[dict[str, Any]]]:
    model = served_model()
    rows = [[instance[name] for name in model.features] for instance in instances]
    answers = [{"label": p.label, "probabilities": p.probabilities} for p in model.predict(rows)]
    return model, answers


@blp.route("/predict")
class Predict(MethodView):
    @blp.arguments(MeasurementsSchema)
    @blp.response(200, PredictionAnswerSchema)
    def post(self, measurements: dict[str, float]) -> dict[str, Any]:
        """The most probable label for one flower, and every label's probability."""
        model, (answer,) = predict_rows([measurements])
        return {**answer, "model_version": model.version}


@blp.route("/predict/batch")
class PredictBatch(MethodView):
    @blp.arguments(BatchSchema)
    @blp.response(200, BatchAnswerSchema)
    def post(self, batch: dict[str, list[dict[str, float]]]) -> dict[str, Any]:
        """Predictions for up to 100 flowers, in the order sent."""
        model, answers = predict_rows(batch["instances"])
        return {"predictions": answers, "model_version": model.version}


@blp.route("/model")
class ModelInfo(MethodView):
    @blp.response(200, ModelInfoSchema)
    def get(self) -> dict[str, Any]:
        """Which model answers: its version, the SHA-256 of its artifact, and the input it takes."""
        model = served_model()
        return {
            "version": model.version,
            "sha256": model.sha256,
            "format": FORMAT,
            "features": list(model.features),
            "labels": list(model.labels),
            "metrics": dict(model.metrics),
            "input_schema": input_schema(),
        }
