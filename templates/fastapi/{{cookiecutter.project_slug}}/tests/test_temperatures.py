from typing import Any

import pytest
from fastapi.testclient import TestClient

URL = "/api/v1/temperatures/conversions"


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (100, "celsius", "fahrenheit", 212),
        (32, "fahrenheit", "celsius", 0),
        (0, "kelvin", "celsius", -273.15),
        (-40, "celsius", "fahrenheit", -40),
        (21.5, "celsius", "celsius", 21.5),
    ],
)
def test_converts_between_scales(
    client: TestClient, value: float, source: str, target: str, expected: float
) -> None:
    response = client.post(URL, json={"value": value, "source": source, "target": target})

    assert response.status_code == 200
    assert response.json()["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    "payload",
    [
        {"value": -300, "source": "celsius", "target": "kelvin"},
        {"value": 10, "source": "rankine", "target": "kelvin"},
        {"value": "warm", "source": "celsius", "target": "kelvin"},
        {"value": 10, "source": "celsius"},
        {"value": 10, "source": "celsius", "target": "kelvin", "extra": 1},
    ],
)
def test_rejects_invalid_input_with_422(client: TestClient, payload: dict[str, Any]) -> None:
    assert client.post(URL, json=payload).status_code == 422
