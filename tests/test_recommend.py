"""The recommender agrees with the trade-offs on the kinds of project they name, and says which decided."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from scaffold.needs import Needs, Recommendation
from scaffold.questions import NEED_CHOICES, NEED_KEYS, NEED_QUESTIONS
from scaffold.recommend import recommend
from scaffold.tradeoffs import BY_ID, TRADEOFFS, markdown_table

REPO = Path(__file__).resolve().parents[1]


def deciding(rec: Recommendation) -> set[str]:
    """The winner's largest single contributions: the trade-offs that decided it."""
    own = [r for r in rec.reasons if r.framework == rec.framework]
    top = max(r.points for r in own)
    return {r.tradeoff for r in own if r.points == top}


# (scenario, needs, expected framework, the trade-off that decided it)
SCENARIOS = [
    ("content site run from an admin", dict(admin_interface="yes", complex_data_model="yes"), "django", "T02"),
    ("SaaS with roles and tenants", dict(user_accounts="yes", multi_tenant="yes"), "django", "T07"),
    ("marketplace with accounts", dict(user_accounts="yes", maintenance="long"), "django", "T03"),
    ("ML inference API", dict(project_type="ml_api", data_store="none"), "fastapi", "T22"),
    ("webhook processor", dict(project_type="microservice", data_store="none"), "flask", "T14"),
    ("serverless endpoint", dict(project_type="microservice", footprint_critical="yes"), "flask", "T15"),
    ("beginner learning the web", dict(project_type="learning"), "flask", "T16"),
    ("prototype, requirements unclear", dict(project_type="prototype"), "flask", "T17"),
    ("JSON API for a mobile app", dict(project_type="api", user_accounts="yes"), "fastapi", "T20"),
    ("streaming service", dict(project_type="microservice", async_needed="yes"), "fastapi", "T21"),
    (
        "API beside an admin and accounts",
        dict(project_type="api", admin_interface="yes", user_accounts="yes"),
        "django",
        "T02",
    ),
    ("small server-rendered site", dict(), "flask", "T27"),
    ("unusual architecture", dict(custom_architecture="yes", project_type="microservice"), "flask", "T12"),
    ("Django team building an API", dict(project_type="api", team_expertise="django"), "django", "T25"),
    ("Flask team building an API", dict(project_type="api", team_expertise="flask"), "flask", "T18"),
    ("FastAPI team on a microservice", dict(project_type="microservice", team_expertise="fastapi"), "fastapi", "T26"),
    (
        "large long-lived team on a web app",
        dict(team_size="large", maintenance="long", user_accounts="yes"),
        "django",
        "T05",
    ),
    ("document-store API", dict(project_type="api", data_store="non_relational"), "fastapi", "T20"),
]


@pytest.mark.parametrize(
    ("needs", "framework", "decided_by"), [s[1:] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS]
)
def test_scenarios_follow_the_tradeoffs(needs: dict[str, str], framework: str, decided_by: str) -> None:
    rec = recommend(Needs(**needs))
    assert rec.framework == framework, rec.ranking
    assert decided_by in deciding(rec), [(r.tradeoff, r.points) for r in rec.reasons]
    assert BY_ID[decided_by].favours == framework


def test_fastapi_team_still_gets_django_for_a_multi_user_site() -> None:
    rec = recommend(Needs(user_accounts="yes", admin_interface="yes", team_expertise="fastapi"))
    assert rec.framework == "django"
    assert ("fastapi", -3, "T29") in [(r.framework, r.points, r.tradeoff) for r in rec.reasons]


def test_learning_counts_against_django() -> None:
    rec = recommend(Needs(project_type="learning"))
    assert dict(rec.ranking)["django"] < 0
    assert "T28" in {r.tradeoff for r in rec.reasons if r.points < 0}


def test_every_reason_explains_these_answers_in_one_sentence() -> None:
    rec = recommend(Needs(project_type="api", user_accounts="yes", admin_interface="yes", async_needed="yes"))
    for reason in rec.reasons:
        assert re.fullmatch(r"T\d\d", reason.tradeoff)
        assert reason.why.endswith(".") and reason.why.count(". ") == 0
        assert reason.points == BY_ID[reason.tradeoff].points


def test_close_call_is_reported_with_what_would_tip_it() -> None:
    needs = Needs(project_type="api", team_expertise="django")
    rec = recommend(needs)
    assert rec.close_call and rec.runner_up == "fastapi"
    assert rec.tips
    for tip in rec.tips:  # each tip really puts the runner-up first
        key, value = tip.split("=")
        assert recommend(needs.replace(**{key: value})).framework == "fastapi"


def test_clear_wins_are_not_close_calls() -> None:
    rec = recommend(Needs(user_accounts="yes", admin_interface="yes", multi_tenant="yes"))
    assert not rec.close_call and rec.tips == ()


@pytest.mark.parametrize(
    ("needs", "framework", "expected"),
    [
        (dict(project_type="api", admin_interface="yes", user_accounts="yes"), "django", dict(api="yes", auth="yes")),
        (dict(team_expertise="flask", user_accounts="yes", project_type="api"), "flask", dict(auth="yes", api="yes")),
        (dict(project_type="ml_api", data_store="none"), "fastapi", dict(database="none", auth="no", api="yes")),
        (dict(data_store="non_relational", team_expertise="django"), "django", dict(database="sqlite")),
        (dict(user_accounts="yes", multi_tenant="yes"), "django", dict(database="postgresql", auth="yes")),
        (dict(project_type="learning"), "flask", dict(docker="no", ci="none")),
    ],
)
def test_suggested_stack(needs: dict[str, str], framework: str, expected: dict[str, str]) -> None:
    rec = recommend(Needs(**needs))
    assert rec.framework == framework
    assert {k: rec.stack[k] for k in expected} == expected


def test_questions_skipped_by_ask_if_cannot_change_the_outcome() -> None:
    """A question is skipped only where none of its answers would change the framework or the stack."""
    rng = random.Random(7)
    guarded = [q for q in NEED_QUESTIONS if q.ask_if is not NEED_QUESTIONS[0].ask_if]
    assert guarded
    for _ in range(2000):
        needs = Needs(**{k: rng.choice(NEED_CHOICES[k]) for k in NEED_KEYS})
        for question in guarded:
            if question.ask_if(needs.as_dict()):
                continue
            outcomes = {
                (r.framework, tuple(r.stack.items()))
                for r in (recommend(needs.replace(**{question.key: v})) for v in question.choices)
            }
            assert len(outcomes) == 1, (question.key, needs)


def test_questions_cover_every_need_with_its_choices() -> None:
    assert [q.key for q in NEED_QUESTIONS] != []
    assert {q.key for q in NEED_QUESTIONS} == set(NEED_KEYS)
    for question in NEED_QUESTIONS:
        assert tuple(question.choices) == NEED_CHOICES[question.key]


def test_tradeoff_ids_are_the_documented_ones() -> None:
    assert [t.id for t in TRADEOFFS] == [f"T{i:02d}" for i in range(1, 31)]
    shared = REPO.parent / "shared" / "tradeoffs.md"
    if not shared.is_file():
        pytest.skip("shared/tradeoffs.md is not beside this checkout")
    documented = dict(re.findall(r"^\| (T\d\d) \| (\w+) \|", shared.read_text(encoding="utf-8"), re.M))
    assert documented == {t.id: t.favours for t in TRADEOFFS}


def test_readme_table_is_generated_from_the_data() -> None:
    assert markdown_table() in (REPO / "README.md").read_text(encoding="utf-8")


def test_invalid_need_value_names_the_allowed_ones() -> None:
    with pytest.raises(Exception, match="project_type=blog is not allowed; choose one of: web_app, api"):
        Needs(project_type="blog")
