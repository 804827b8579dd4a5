"""The question registry is the one list: every template, hook and prompt agrees with it."""

from __future__ import annotations

import itertools
import json

import pytest

from scaffold.needs import FRAMEWORKS, Needs
from scaffold.questions import (
    BY_KEY,
    KNOWN_KEYS,
    OPTION_KEYS,
    OPTION_QUESTIONS,
    QUESTIONS,
    STACK_KEYS,
)
from scaffold.recommend import suggest_stack
from scaffold.templates import load_template


def test_keys_are_unique_and_every_choice_has_its_own_words() -> None:
    assert len({q.key for q in QUESTIONS}) == len(QUESTIONS)
    assert set(KNOWN_KEYS) == {q.key for q in QUESTIONS} | {"framework"}
    for question in QUESTIONS:
        words = list(question.choices.values())
        assert len(set(words)) == len(words), question.key
        if question.kind == "need":
            assert question.default in question.values, question.key
        if question.kind == "option":
            assert question.suggest is not None, f"{question.key} needs a suggest rule"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_each_template_narrows_the_registry_and_nothing_else(framework: str) -> None:
    template = load_template(framework)
    spec = json.loads((template.path / "cookiecutter.json").read_text(encoding="utf-8"))
    public = {key for key in spec if not key.startswith("_")}
    assert public == set(STACK_KEYS), "a template key missing from the registry, or the other way round"
    for key in OPTION_KEYS:
        assert set(spec[key]) <= set(BY_KEY[key].values), key
    # Plain cookiecutter shows __prompts__; they say what scaffold's prompts say.
    assert spec["__prompts__"] == {key: BY_KEY[key].prompt for key in STACK_KEYS}


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_suggestions_are_values_the_registry_knows(framework: str) -> None:
    samples = itertools.product(BY_KEY["project_type"].values, BY_KEY["data_store"].values)
    for project_type, data_store in samples:
        for accounts in ("yes", "no"):
            needs = Needs(project_type=project_type, data_store=data_store, user_accounts=accounts)
            suggested = suggest_stack(needs, framework)
            assert set(suggested) == set(OPTION_KEYS)
            for key, value in suggested.items():
                assert value in BY_KEY[key].values, (key, value)


def test_each_option_labels_its_own_none() -> None:
    nones = {q.key: q.choices["none"] for q in OPTION_QUESTIONS if "none" in q.choices}
    assert len(set(nones.values())) == len(nones) > 1
