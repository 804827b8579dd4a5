"""The interview, driven through the real questionary prompts with piped keystrokes (nothing mocked away)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from scaffold.errors import InputError
from scaffold.layers import Answers
from scaffold.needs import Recommendation
from scaffold.plan import gather_needs, plan_new
from scaffold.prompts import Prompter
from scaffold.questions import NEED_DEFAULTS, NEED_QUESTIONS, OPTION_QUESTIONS

ENTER, DOWN, SPACE, BACKSPACE, CTRL_C = "\r", "\x1b[B", " ", "\x7f", "\x03"


def interview(**answers: str) -> tuple[list[str], str]:
    """The need questions the interview asks for these answers (the rest default) and the keys that give them.

    A select starts on its default, so a choice is reached by moving down from there; a checkbox starts on
    its first choice, and Space picks each wanted one on the way down.
    """
    given = {**NEED_DEFAULTS, **answers}
    asked, keys = [], ""
    for q in NEED_QUESTIONS:
        if not q.ask_if(given):
            continue
        asked.append(q.key)
        choices = list(q.choices)
        if q.multiple:
            keys += "".join((SPACE if c in q.picked(given[q.key]) else "") + DOWN for c in choices) + ENTER
        else:
            keys += DOWN * ((choices.index(given[q.key]) - choices.index(q.default)) % len(choices)) + ENTER
    return asked, keys


@pytest.fixture
def keys() -> Iterator[tuple[Prompter, object]]:
    with create_pipe_input() as pipe:
        yield Prompter(input=pipe, output=DummyOutput()), pipe


def test_enter_everywhere_takes_the_defaults(keys: tuple[Prompter, object]) -> None:
    prompter, pipe = keys
    asked, _ = interview()
    pipe.send_text(ENTER * len(asked))  # type: ignore[attr-defined]
    needs = gather_needs(Answers(), prompter)
    assert needs.as_dict() == NEED_DEFAULTS
    assert "learning_goal" not in asked  # asked only of learning projects


def test_arrow_keys_choose_and_skipped_questions_are_not_asked(keys: tuple[Prompter, object]) -> None:
    prompter, pipe = keys
    asked, keys = interview(project_type="ml_api", data_store="none", team_expertise="django,fastapi")
    # With no data store, nothing about accounts, admin or the data model is worth asking.
    assert {"user_accounts", "admin_interface", "complex_data_model", "multi_tenant"}.isdisjoint(asked)
    pipe.send_text(keys)  # type: ignore[attr-defined]
    needs = gather_needs(Answers(), prompter)
    assert (needs.project_type, needs.data_store, needs.team_expertise) == ("ml_api", "none", "django,fastapi")


def test_given_answers_are_not_asked_again(keys: tuple[Prompter, object]) -> None:
    prompter, pipe = keys
    given = {q.key: next(iter(q.choices)) for q in NEED_QUESTIONS}
    needs = gather_needs(Answers(given=given), prompter)  # nothing sent: any prompt would hit the end of input
    assert needs.project_type == "web_app"


def test_end_of_input_is_a_clear_error(keys: tuple[Prompter, object]) -> None:
    prompter, pipe = keys
    pipe.send_text(ENTER)  # type: ignore[attr-defined]
    pipe.close()  # type: ignore[attr-defined]
    with pytest.raises(InputError, match="input ended before every question was answered"):
        gather_needs(Answers(), prompter)


def test_ctrl_c_raises_keyboard_interrupt(keys: tuple[Prompter, object]) -> None:
    prompter, pipe = keys
    pipe.send_text(CTRL_C)  # type: ignore[attr-defined]
    with pytest.raises(KeyboardInterrupt):
        gather_needs(Answers(), prompter)


@pytest.mark.usefixtures("tiny_templates")
def test_full_interview_shows_the_recommendation_then_asks_the_stack(
    keys: tuple[Prompter, object], tmp_path: Path
) -> None:
    prompter, pipe = keys
    shown: list[Recommendation] = []
    # Needs: a learning project, the rest defaults. Framework: accept flask.
    # Stack: database -> none (down x2), so auth is skipped; api, task_queue, docker, ci by Enter.
    # Text: project name typed with a bad value first ("class" is refused as you type), then fixed;
    # the description typed replaces its default rather than adding to it; the authors' defaults by Enter.
    _, needs_keys = interview(project_type="learning")
    pipe.send_text(  # type: ignore[attr-defined]
        needs_keys
        + ENTER
        + DOWN * 2
        + ENTER
        + ENTER * 4
        + BACKSPACE * 40
        + "class"
        + ENTER
        + BACKSPACE * 5
        + "Reading List"
        + ENTER
        + "Books to read."
        + ENTER
        + ENTER * 2
    )
    plan = plan_new({}, framework=None, directory=None, prompter=prompter, show=shown.append)
    assert [r.framework for r in shown] == ["flask"]
    assert plan.framework == "flask"
    assert plan.stack["database"] == "none" and plan.stack["auth"] == "no"
    assert plan.stack["docker"] == "no"  # the recommendation's default for a learning project
    assert plan.stack["project_name"] == "Reading List" and plan.stack["project_slug"] == "reading_list"
    assert plan.stack["description"] == "Books to read."
    assert plan.stack["author_email"]  # the default (git config or the fallback), accepted by Enter
    assert plan.recommendation.needs.project_type == "learning"


@pytest.mark.usefixtures("tiny_templates")
def test_user_overrides_the_recommended_framework(keys: tuple[Prompter, object]) -> None:
    prompter, pipe = keys
    given = {q.key: next(iter(q.choices)) for q in NEED_QUESTIONS}  # each first choice: django wins
    given |= {"project_name": "x", "description": "d", "author_name": "a", "author_email": "a@b.co"}
    # The framework list is in ranking order; Down x2 picks the last, fastapi, whose only api choice is
    # skipped; every other option by Enter.
    pipe.send_text(DOWN * 2 + ENTER + ENTER * (len(OPTION_QUESTIONS) - 1))  # type: ignore[attr-defined]
    plan = plan_new(given, framework=None, directory=None, prompter=prompter)
    assert plan.framework == "fastapi" and plan.stack["api"] == "yes"
    assert plan.recommendation.framework != "fastapi"


def test_the_prompts_do_not_offer_what_an_earlier_answer_rules_out() -> None:
    from scaffold.plan import possible
    from scaffold.templates import load_template

    flask, django = load_template("flask"), load_template("django")
    base = {key: values[0] for key, values in flask.options.items()} | {"auth": "yes", "database": "sqlite"}

    assert possible(flask, {**base, "api": "no"}, "tenancy") == ["no"]
    assert possible(flask, {**base, "api": "no"}, "realtime") == ["no"]
    assert possible(flask, {**base, "api": "yes"}, "tenancy") == ["no", "yes"]
    assert possible(django, {**base, "api": "no"}, "tenancy") == ["no", "yes"]
    assert possible(flask, {**base, "database": "none"}, "auth") == ["no"]
