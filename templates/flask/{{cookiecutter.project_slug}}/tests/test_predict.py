"""The model behind the API: predictions, its description, and a start refusing a bad artifact."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from {{ cookiecutter.project_slug }} import create_app
from {{ cookiecutter.project_slug }}.config import Config, ConfigError
from {{ cookiecutter.project_slug }}.ml import train
from {{ cookiecutter.project_slug }}.ml.model import DEFAULT_ARTIFACT, load_model

from tests.conftest import PACKAGE, EntryPoint

SETOSA = {"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}
VERSICOLOR = {"sepal_length": 6.4, "sepal_width": 3.2, "petal_length": 4.5, "petal_width": 1.5}
VIRGINICA = {"sepal_length": 6.3, "sepal_width": 3.3, "petal_length": 6.0, "petal_width": 2.5}


def test_predict_answers_with_the_trained_model(client: FlaskClient) -> None:
    response = client.post("/api/v1/predict", json=SETOSA)

    assert response.status_code == 200
    answer = response.json
    assert answer is not None
    assert answer["label"] == "setosa"
    assert answer["model_version"] == load_model(DEFAULT_ARTIFACT).version
    assert set(answer["probabilities"]) == {"setosa", "versicolor", "virginica"}
    assert sum(answer["probabilities"].values()) == pytest.approx(1.0)


def test_a_batch_is_answered_in_order(client: FlaskClient) -> None:
    response = client.post(
        "/api/v1/predict/batch", json={"instances": [VIRGINICA, SETOSA, VERSICOLOR]}
    )

    assert response.status_code == 200
    assert response.json is not None
    labels = [prediction["label"] for prediction in response.json["predictions"]]
    assert labels == ["virginica", "setosa", "versicolor"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({k: v for k, v in SETOSA.items() if k != "petal_width"}, "petal_width"),
        ({**SETOSA, "sepal_length": -1}, "sepal_length"),
        ({**SETOSA, "sepal_width": "wide"}, "sepal_width"),
        ({**SETOSA, "sepal_width": "3.5"}, "sepal_width"),
        ({**SETOSA, "petal_length": True}, "petal_length"),
        ({**SETOSA, "petal_length": 1e9}, "petal_length"),
        ({**SETOSA, "colour": "blue"}, "colour"),
    ],
)
def test_bad_input_is_a_422_that_names_the_field(
    client: FlaskClient, body: dict[str, Any], field: str
) -> None:
    response = client.post("/api/v1/predict", json=body)

    assert response.status_code == 422
    assert response.json is not None
    assert list(response.json["errors"]["json"]) == [field]


@pytest.mark.parametrize("count", [0, 101])
def test_a_batch_has_one_to_a_hundred_instances(client: FlaskClient, count: int) -> None:
    response = client.post("/api/v1/predict/batch", json={"instances": [SETOSA] * count})

    assert response.status_code == 422
    assert response.json is not None
    assert list(response.json["errors"]["json"]) == ["instances"]


def test_the_model_describes_itself(client: FlaskClient) -> None:
    shipped = load_model(DEFAULT_ARTIFACT)

    answer = client.get("/api/v1/model").json

    assert answer is not None
    assert answer["version"] == shipped.version
    assert answer["sha256"] == shipped.sha256
    assert answer["features"] == list(shipped.features)
    assert answer["input_schema"]["required"] == list(SETOSA)
    assert answer["metrics"]["holdout_accuracy"] >= 0.9


def test_the_openapi_document_describes_the_model_routes(client: FlaskClient) -> None:
    document = client.get("/api/docs/openapi.json").json

    assert document is not None
    assert {"/api/v1/predict", "/api/v1/predict/batch", "/api/v1/model"} <= set(document["paths"])


def test_a_missing_artifact_stops_the_app(config: Config, tmp_path: Path) -> None:
    config.MODEL_PATH = tmp_path / "artifact.json"

    with pytest.raises(ConfigError, match="no model artifact at .*: train one with"):
        create_app(config)


def test_a_model_with_other_features_stops_the_app(config: Config, tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    # Two well-separated groups: a model the trainer accepts, for other features than the API's.
    rows = "".join(f"{i}.0,narrow\n{i + 100}.0,wide\n" for i in range(1, 21))
    data.write_text("width,label\n" + rows, encoding="utf-8")
    config.MODEL_PATH = tmp_path / "artifact.json"
    assert train.main(["--data", str(data), "--out", str(config.MODEL_PATH), "--quiet"]) == 0

    with pytest.raises(ConfigError, match="the model takes width but the API accepts sepal_length"):
        create_app(config)


def test_the_production_server_refuses_a_corrupt_artifact_in_one_line(
    production_env: None, entry_point: EntryPoint, tmp_path: Path
) -> None:
    corrupt = tmp_path / "artifact.json"
    corrupt.write_text(
        DEFAULT_ARTIFACT.read_text(encoding="utf-8").replace("setosa", "rose", 1), encoding="utf-8"
    )
    names = ("SECRET_KEY", "TRUSTED_HOSTS", "DATABASE_URL", "REDIS_URL")
    variables = {name: os.environ[name] for name in names if name in os.environ}

    result = entry_point("wsgi", MODEL_PATH=str(corrupt), **variables)

    problem = f"the model artifact {corrupt} is corrupt: its sha256 does not match its content"
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [f"{PACKAGE}.wsgi: {problem}"]


def test_the_flask_command_refuses_a_corrupt_artifact_in_one_line(tmp_path: Path) -> None:
    corrupt = tmp_path / "artifact.json"
    corrupt.write_text(
        DEFAULT_ARTIFACT.read_text(encoding="utf-8").replace("setosa", "rose", 1), encoding="utf-8"
    )
    env = {**os.environ, "MODEL_PATH": str(corrupt)}

    result = subprocess.run(  # noqa: S603 (this interpreter, a fixed program)
        [sys.executable, "-m", "flask", "--app", PACKAGE, "routes"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    problem = f"the model artifact {corrupt} is corrupt: its sha256 does not match its content"
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [f"Error: {problem}"]
