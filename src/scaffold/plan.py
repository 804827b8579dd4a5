"""From answers (given up front or asked) to a complete plan: needs, recommendation, framework, stack, target.

Plain functions the CLI calls and tests drive directly. ``prompter=None`` means ``--no-input``: every
unanswered question takes its default, which for stack options is the recommendation's suggestion.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import InputError
from .identity import git_identity
from .layers import Answers
from .needs import FRAMEWORKS, Needs, Recommendation
from .questions import (
    FRAMEWORK_WORDS,
    NEED_DEFAULTS,
    NEED_KEYS,
    NEED_QUESTIONS,
    OPTION_QUESTIONS,
    TEXT_KEYS,
    TEXT_QUESTIONS,
)
from .recommend import recommend, suggest_stack
from .record import ProjectRecord
from .stack import CONFLICTS, check_slug, check_text, derive_slug, resolve_options, resolve_text
from .templates import Template, load_template

if TYPE_CHECKING:
    from .presets import Preset
    from .prompts import Prompter


@dataclass(frozen=True)
class Plan:
    framework: str
    template: Template
    recommendation: Recommendation
    stack: dict[str, str]
    target: Path
    preset: Preset | None = None

    def record(self) -> ProjectRecord:
        """The project's ``.scaffold.json``: enough to render the same project again."""
        return ProjectRecord(
            framework=self.framework,
            needs=self.recommendation.needs.as_dict(),
            stack=dict(self.stack),
            recommendation=self.recommendation.to_json(),
            preset=self.preset.record() if self.preset else None,
            scaffold_version=__version__,
        )


def gather_needs(answers: Answers, prompter: Prompter | None) -> Needs:
    """The needs the answers hold, plus (interactively) those still worth asking."""
    answers.template.update(NEED_DEFAULTS)
    if prompter is not None:
        for question in NEED_QUESTIONS:
            if answers.chosen(question.key) or not question.ask_if(answers.view(NEED_KEYS)):
                continue
            if question.multiple:
                picked = prompter.pick_many(
                    question.prompt, dict(question.choices), question.picked(answers[question.key]), question.hint
                )
                answers.prompted[question.key] = ",".join(picked) or question.default
            else:
                answers.prompted[question.key] = prompter.select(
                    question.prompt, dict(question.choices), answers[question.key], question.hint
                )
    return Needs.from_mapping(answers.view(NEED_KEYS))


def choose_framework(
    rec: Recommendation,
    given: str | None,
    prompter: Prompter | None,
    allowed: tuple[str, ...] = FRAMEWORKS,
    default: str | None = None,
) -> str:
    """The framework given, else (asked, with) the best-ranked allowed one; a preset may add or remove some."""
    if given is not None:
        if given not in allowed:
            raise InputError(f"framework={given} is not allowed; choose one of: {', '.join(allowed)}")
        return given
    scores = dict(rec.ranking)
    ordered = sorted(allowed, key=lambda fw: -scores.get(fw, -(10**6)))  # frameworks the recommender can't rank last
    best = default if default in allowed else ordered[0]
    if prompter is None:
        return best
    words = {fw: f"{FRAMEWORK_WORDS.get(fw, fw)}  (score {scores[fw]})" if fw in scores else fw for fw in ordered}
    return prompter.select("Which framework?", words, best)


def gather_options(template: Template, answers: Answers, prompter: Prompter | None) -> dict[str, str]:
    resolved = resolve_options(template, answers)
    if prompter is None:
        return resolved
    for question in OPTION_QUESTIONS:
        choices = possible(template, resolved, question.key)
        if answers.chosen(question.key) or len(choices) < 2 or not question.ask_if(resolved):
            continue
        words = {value: text for value, text in template.words(question.key).items() if value in choices}
        answers.prompted[question.key] = prompter.select(question.prompt, words, resolved[question.key])
        resolved = resolve_options(template, answers)
    return resolved


def possible(template: Template, resolved: Mapping[str, str], key: str) -> list[str]:
    """The values of ``key`` the answers so far allow.

    An answer a rule would refuse is not offered: Flask's organisations, say, once its API is off.
    """
    return [
        value
        for value in template.options[key]
        if not any(
            conflict.fix_key == key and conflict.applies({**resolved, key: value}, template.framework)
            for conflict in CONFLICTS
        )
    ]


def gather_text(template: Template, answers: Answers, prompter: Prompter | None) -> dict[str, str]:
    if prompter is not None:
        for question in TEXT_QUESTIONS:
            key = question.key
            if answers.chosen(key) or not question.ask_if(answers.view(TEXT_KEYS)):
                continue
            default = answers[key] if key in answers else template.text_defaults[key]
            answers.prompted[key] = prompter.text(question.prompt, default, _text_problem(key, template))
    return resolve_text(template, answers)


def _text_problem(key: str, template: Template) -> Callable[[str], str | None]:
    """The prompt's check for a text answer: the message of the error it would raise, or None."""

    def validate(value: str) -> str | None:
        try:
            check_text(key, value)
            if key == "project_name":
                check_slug(derive_slug(value), source=f"project_name={value}", taken=template.top_level_modules)
        except InputError as err:
            return err.message
        return None

    return validate


def plan_new(
    given: Mapping[str, str],
    *,
    framework: str | None,
    directory: Path | None,
    prompter: Prompter | None,
    show: Callable[[Recommendation], None] = lambda rec: None,
    preset: Preset | None = None,
) -> Plan:
    """Everything ``scaffold new`` needs to render, asking only what was not given and still matters.

    A preset's locked answers count as given (so they are never asked), its defaults pre-fill the questions
    and beat the recommendation's stack suggestions, and its framework list limits the choice.
    """
    given = {**given, **({"framework": framework} if framework else {})}
    allowed = FRAMEWORKS
    answers = Answers(given=dict(given))
    if preset is not None:
        answers = Answers(given=preset.apply(given), preset=dict(preset.defaults))
        allowed = preset.frameworks
    rec = recommend(gather_needs(answers, prompter))
    if prompter is not None:
        show(rec)
    chosen = choose_framework(rec, answers.given.get("framework"), prompter, allowed, answers.preset.get("framework"))
    template = load_template(chosen, preset.template_dir(chosen) if preset else None)
    answers.template.update(template.text_defaults)
    answers.suggested.update(suggest_stack(rec.needs, chosen))
    answers.suggested.update(git_identity())
    if directory is not None:
        answers.suggested["project_name"] = directory.absolute().name
    options = gather_options(template, answers, prompter)
    text = gather_text(template, answers, prompter)
    target = directory if directory is not None else Path.cwd() / text["project_slug"]
    return Plan(chosen, template, rec, {**text, **options}, target.absolute(), preset)
