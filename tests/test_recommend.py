"""The recommender is faithful to its source articles, scores each claim once, and explains ties and close calls."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from scaffold.needs import FRAMEWORKS, Needs
from scaffold.questions import BY_KEY, NEED_CHOICES, NEED_KEYS, NEED_QUESTIONS
from scaffold.recommend import close_margin, recommend, score
from scaffold.tradeoffs import BY_ID, GROUPS, RETIRED, SOURCES, TRADEOFFS, markdown_table

from .recommend_scenarios import SCENARIOS

REPO = Path(__file__).resolve().parents[1]


def random_needs(rng: random.Random) -> Needs:
    return Needs(**{k: rng.choice(NEED_CHOICES[k]) for k in NEED_KEYS})


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_the_articles_scenarios(scenario) -> None:  # type: ignore[no-untyped-def]
    rec = recommend(Needs(**scenario.needs))
    assert rec.framework in scenario.supported, rec.ranking
    either = len(scenario.supported) > 1
    assert rec.close_call == either, (rec.ranking, "the article says either" if either else "a clear case")
    if either:
        assert rec.runner_up in scenario.supported or rec.tips


def test_the_regression_set_is_large_and_sourced() -> None:
    assert len(SCENARIOS) >= 30
    short = {name[:3] for name in SOURCES}
    assert {s.source for s in SCENARIOS} <= short
    assert {s.source for s in SCENARIOS} == short, "every article contributes a scenario"
    assert all(set(s.supported) <= set(FRAMEWORKS) for s in SCENARIOS)


def test_every_tradeoff_names_its_sources_in_its_own_words() -> None:
    for tradeoff in TRADEOFFS:
        assert tradeoff.sources, tradeoff.id
        assert set(tradeoff.sources) <= set(SOURCES), tradeoff.id
        for says in tradeoff.sources.values():
            assert says.endswith(".") and len(says) < 200, (tradeoff.id, says)
        assert tradeoff.points > 0 and tradeoff.group in GROUPS
        assert tradeoff.why.endswith(".") and tradeoff.why.count(". ") == 0


def test_ids_are_stable_and_retired_ones_stay_retired() -> None:
    ids = [t.id for t in TRADEOFFS]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"T\d\d", i) for i in ids)
    assert not set(ids) & set(RETIRED)
    kept = {"T01", "T02", "T03", "T04", "T05", "T06", "T08", "T12", "T13", "T14", "T15", "T16", "T17", "T18"}
    assert kept <= set(ids), "ids of surviving claims never change"


def test_disagreeing_sources_are_both_entries_and_point_at_each_other() -> None:
    disputed = [t for t in TRADEOFFS if t.disputes]
    assert disputed
    for tradeoff in disputed:
        other = BY_ID[tradeoff.disputes or ""]
        assert other.disputes == tradeoff.id and other.favours != tradeoff.favours


def test_disagreement_is_said_in_the_output() -> None:
    rec = recommend(Needs(traffic="high", team_expertise="flask"))
    assert rec.disagreements == ("T37 (django) and T38 (flask) both apply",)
    assert rec.close_call


def test_a_group_adds_at_most_its_cap() -> None:
    rng = random.Random(11)
    for _ in range(500):
        needs = random_needs(rng)
        totals, reasons = score(needs)
        for group, cap in GROUPS.items():
            for framework in FRAMEWORKS:
                assert sum(r.counted for r in reasons if r.group == group and r.framework == framework) <= cap
        assert totals == {fw: sum(r.counted for r in reasons if r.framework == fw) for fw in FRAMEWORKS}


def test_no_single_answer_moves_a_framework_by_more_than_a_group_cap() -> None:
    """Restatements of one idea share a group, so one answer cannot stack them; project_type picks the groups."""
    rng = random.Random(3)
    largest = max(GROUPS.values())
    for _ in range(300):
        needs = random_needs(rng)
        base = score(needs)[0]
        for key in NEED_KEYS:
            if key == "project_type":
                continue
            for value in NEED_CHOICES[key]:
                moved = score(needs.replace(**{key: value}))[0]
                assert all(abs(moved[fw] - base[fw]) <= largest for fw in FRAMEWORKS), (key, value, needs)


def test_expertise_is_among_the_heaviest_groups() -> None:
    assert GROUPS["expertise"] == max(GROUPS.values())


def test_flask_team_keeps_flask_on_a_bounded_site_with_logins() -> None:
    """004: a team deep in Flask on a well-defined, bounded project; the old table gave Django a 7-7 tie."""
    rec = recommend(Needs(team_expertise="flask", user_accounts="yes", project_size="medium"))
    assert rec.framework == "flask" and not rec.decided_by


def test_ties_are_broken_by_expertise_then_by_the_articles_default() -> None:
    by_expertise = recommend(Needs(project_type="api", team_expertise="django", data_store="non_relational"))
    assert dict(by_expertise.ranking)["django"] == dict(by_expertise.ranking)["fastapi"]
    assert by_expertise.framework == "django" and "your team already knows django" in by_expertise.decided_by
    by_default = recommend(Needs(traffic="high"))
    assert by_default.ranking[0][1] == by_default.ranking[1][1]
    assert by_default.framework == "django" and "the articles' default" in by_default.decided_by


def test_a_tie_outside_the_default_leader_names_the_tied_one_that_goes_first() -> None:
    rec = recommend(Needs(async_needed="yes"))
    assert [fw for fw, points in rec.ranking if points == rec.ranking[0][1]] == ["flask", "fastapi"]
    assert rec.decided_by.endswith("is django, flask, fastapi, so flask goes first")


def test_list_order_never_decides() -> None:
    """Every tie names the rule that broke it, and the rule's winner is the one ranked first."""
    rng = random.Random(5)
    for _ in range(1000):
        rec = recommend(random_needs(rng))
        tied = rec.ranking[0][1] == rec.ranking[1][1]
        assert bool(rec.decided_by) == tied
        if tied:
            assert rec.close_call and rec.framework in rec.decided_by


def test_close_call_is_reported_with_what_would_tip_it() -> None:
    needs = Needs(project_type="api")
    rec = recommend(needs)
    assert rec.framework == "fastapi" and rec.close_call and rec.runner_up == "flask"
    assert rec.tips
    for tip in rec.tips:  # each tip really puts the runner-up first
        key, value = tip.split("=")
        assert recommend(needs.replace(**{key: value})).framework == "flask"


def test_clear_wins_are_not_close_calls() -> None:
    rec = recommend(Needs(user_accounts="yes", admin_interface="yes", multi_tenant="yes", team_size="large"))
    assert not rec.close_call and rec.tips == ()
    assert rec.ranking[0][1] - rec.ranking[1][1] > close_margin(rec.ranking[0][1])


def test_expertise_accepts_several_frameworks_in_any_order() -> None:
    assert Needs(team_expertise="fastapi,flask").team_expertise == "flask,fastapi"
    both = recommend(Needs(project_type="api", team_expertise="flask,fastapi"))
    assert {"T31", "T26"} <= {r.tradeoff for r in both.reasons}
    with pytest.raises(Exception, match="team_expertise=rails"):
        Needs(team_expertise="rails")


def test_moot_answers_are_set_aside_and_the_output_says_why() -> None:
    rec = recommend(Needs(data_store="none", user_accounts="yes", admin_interface="yes"))
    assert rec.stack["auth"] == "no"
    assert not {"T02", "T03"} & {r.tradeoff for r in rec.reasons}
    assert any(note.startswith("user_accounts=yes is set aside") for note in rec.notes)
    assert recommend(Needs()).notes == ()


@pytest.mark.parametrize(
    ("needs", "framework", "expected"),
    [
        (dict(project_type="api", admin_interface="yes", user_accounts="yes"), "django", dict(api="yes", auth="yes")),
        (dict(team_expertise="flask", user_accounts="yes", project_type="api"), "flask", dict(auth="yes", api="yes")),
        (
            dict(project_type="ml_api", data_store="none"),
            "fastapi",
            dict(database="none", auth="no", api="yes", inference="yes"),
        ),
        (dict(project_type="ml_api", team_expertise="flask"), "flask", dict(api="yes", inference="yes")),
        (dict(project_type="api"), "fastapi", dict(inference="no", tenancy="no", realtime="no")),
        (dict(project_type="api", multi_tenant="yes"), "fastapi", dict(auth="yes", tenancy="yes")),
        (dict(project_type="api", async_needed="yes"), "fastapi", dict(database="sqlite", realtime="yes")),
        (dict(async_needed="yes"), "flask", dict(database="sqlite", api="yes", realtime="yes")),
        (dict(project_type="ml_api", data_store="none", async_needed="yes"), "fastapi", dict(realtime="no")),
        (
            dict(data_store="non_relational", team_expertise="django", team_size="large"),
            "django",
            dict(database="sqlite"),
        ),
        (
            dict(user_accounts="yes", multi_tenant="yes"),
            "django",
            dict(database="postgresql", auth="yes", tenancy="yes"),
        ),
        (dict(multi_tenant="yes"), "django", dict(auth="yes", tenancy="yes")),
        (dict(project_type="learning"), "flask", dict(docker="no", ci="none")),
        (dict(project_size="large"), "django", dict(database="postgresql")),
        (dict(traffic="high", team_expertise="flask"), "flask", dict(database="postgresql")),
        (dict(project_size="small"), "flask", dict(database="sqlite", docker="yes", ci="github")),
    ],
)
def test_suggested_stack(needs: dict[str, str], framework: str, expected: dict[str, str]) -> None:
    rec = recommend(Needs(**needs))
    assert rec.framework == framework
    assert {k: rec.stack[k] for k in expected} == expected


def test_flask_suggests_its_api_where_organisations_or_live_updates_need_its_notes() -> None:
    from scaffold.recommend import suggest_stack

    tenants = suggest_stack(Needs(user_accounts="yes", multi_tenant="yes"), "flask")
    assert (tenants["api"], tenants["tenancy"]) == ("yes", "yes")
    assert suggest_stack(Needs(user_accounts="yes", multi_tenant="yes"), "django")["api"] == "no"


def test_questions_skipped_by_ask_if_cannot_change_the_outcome() -> None:
    """A question is skipped only where none of its answers would change the framework, scores or stack."""
    rng = random.Random(7)
    guarded = [q for q in NEED_QUESTIONS if q.ask_if is not NEED_QUESTIONS[0].ask_if]
    assert len(guarded) >= 5
    for _ in range(2000):
        needs = random_needs(rng)
        for question in guarded:
            if question.ask_if(needs.as_dict()):
                continue
            outcomes = {
                (r.framework, r.ranking, tuple(r.stack.items()))
                for r in (recommend(needs.replace(**{question.key: v})) for v in question.values)
            }
            assert len(outcomes) == 1, (question.key, needs)


def test_every_need_has_plain_words_and_a_reason_to_be_skipped() -> None:
    for question in NEED_QUESTIONS:
        assert question.prompt.endswith("?")
        if question.ask_if is not NEED_QUESTIONS[0].ask_if:
            assert question.moot, question.key
    assert BY_KEY["team_expertise"].multiple
    jargon = re.compile(r"I/O|tenants sharing|standard web-app model|High-concurrency", re.I)
    assert not [q.key for q in NEED_QUESTIONS if jargon.search(q.prompt)]


def test_readme_table_is_generated_from_the_data() -> None:
    assert markdown_table() in (REPO / "README.md").read_text(encoding="utf-8")


def test_invalid_need_value_names_the_allowed_ones() -> None:
    with pytest.raises(Exception, match="project_type=blog is not allowed; choose one of: web_app, api"):
        Needs(project_type="blog")
