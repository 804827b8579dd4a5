"""The model behind the API: predictions, its description, and a start refusing a bad artifact."""

import asyncio
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from {{ cookiecutter.project_slug }}.core.config import Settings
from {{ cookiecutter.project_slug }}.main import create_app
from {{ cookiecutter.project_slug }}.ml import train
from {{ cookiecutter.project_slug }}.ml.model import DEFAULT_ARTIFACT, Model, load_model

SETOSA = {"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}
VERSICOLOR = {"sepal_length": 6.4, "sepal_width": 3.2, "petal_length": 4.5, "petal_width": 1.5}
VIRGINICA = {"sepal_length": 6.3, "sepal_width": 3.3, "petal_length": 6.0, "petal_width": 2.5}


def test_predict_answers_with_the_trained_model(client: TestClient) -> None:
    response = client.post("/api/v1/predict", json=SETOSA)

    assert response.status_code == 200
    answer = response.json()
    assert answer["label"] == "setosa"
    assert answer["model_version"] == load_model(DEFAULT_ARTIFACT).version
    assert set(answer["probabilities"]) == {"setosa", "versicolor", "virginica"}
    assert sum(answer["probabilities"].values()) == pytest.approx(1.0)


def test_a_batch_is_answered_in_order(client: TestClient) -> None:
    response = client.post(
        "/api/v1/predict/batch", json={"instances": [VIRGINICA, SETOSA, VERSICOLOR]}
    )

    assert response.status_code == 200
    labels = [prediction["label"] for prediction in response.json()["predictions"]]
    assert labels == ["virginica", "setosa", "versicolor"]


def error_fields(response: Any) -> list[str]:
    return [str(error["loc"][-1]) for error in response.json()["detail"]]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({k: v for k, v in SETOSA.items() if k != "petal_width"}, "petal_width"),
        ({**SETOSA, "sepal_length": -1}, "sepal_length"),
        ({**SETOSA, "sepal_width": "wide"}, "sepal_width"),
        ({**SETOSA, "petal_length": 1e9}, "petal_length"),
        ({**SETOSA, "colour": "blue"}, "colour"),
    ],
)
def test_bad_input_is_a_422_that_names_the_field(
    client: TestClient, body: dict[str, Any], field: str
) -> None:
    response = client.post("/api/v1/predict", json=body)

    assert response.status_code == 422
    assert error_fields(response) == [field]


@pytest.mark.parametrize("count", [0, 101])
def test_a_batch_has_one_to_a_hundred_instances(client: TestClient, count: int) -> None:
    response = client.post("/api/v1/predict/batch", json={"instances": [SETOSA] * count})

    assert response.status_code == 422
    assert error_fields(response) == ["instances"]


def test_the_model_describes_itself(client: TestClient) -> None:
    shipped = load_model(DEFAULT_ARTIFACT)

    answer = client.get("/api/v1/model").json()

    assert answer["version"] == shipped.version
    assert answer["sha256"] == shipped.sha256
    assert answer["features"] == list(shipped.features)
    assert sorted(answer["input_schema"]["properties"]) == sorted(SETOSA)
    assert answer["metrics"]["holdout_accuracy"] >= 0.9


def test_inference_runs_off_the_event_loop(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_loop: list[bool] = []
    predict = Model.predict

    def spy(self: Model, rows: Any) -> Any:
        try:
            asyncio.get_running_loop()
            on_loop.append(True)
        except RuntimeError:  # no loop runs in this thread
            on_loop.append(False)
        return predict(self, rows)

    monkeypatch.setattr(Model, "predict", spy)

    assert client.post("/api/v1/predict", json=SETOSA).status_code == 200
    assert on_loop == [False]


def refused_start(settings: Settings, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        create_app(settings)
    assert stopped.value.code == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


def test_a_missing_artifact_stops_the_start_in_one_line(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "artifact.json"

    said = refused_start(settings.model_copy(update={"model_path": missing}), capsys)

    assert said.startswith(f"Refusing to start: no model artifact at {missing}: train one with")


def test_a_corrupt_artifact_stops_the_start_in_one_line(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrupt = tmp_path / "artifact.json"
    corrupt.write_text(
        DEFAULT_ARTIFACT.read_text(encoding="utf-8").replace("setosa", "rose", 1), encoding="utf-8"
    )

    said = refused_start(settings.model_copy(update={"model_path": corrupt}), capsys)

    assert said.startswith(
        f"Refusing to start: the model artifact {corrupt} is corrupt: its sha256"
    )


def test_a_model_with_other_features_stops_the_start_in_one_line(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data.csv"
    # Two well-separated groups: a model the trainer accepts, for other features than the API's.
    rows = "".join(f"{i}.0,narrow\n{i + 100}.0,wide\n" for i in range(1, 21))
    data.write_text("width,label\n" + rows, encoding="utf-8")
    other = tmp_path / "artifact.json"
    assert train.main(["--data", str(data), "--out", str(other), "--quiet"]) == 0

    said = refused_start(settings.model_copy(update={"model_path": other}), capsys)

    assert said.startswith(
        "Refusing to start: the model takes width but the API accepts sepal_length, "
    )
