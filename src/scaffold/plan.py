"""From answers (given up front or asked) to a complete plan: needs, recommendation, framework, stack, target.

Plain functions the CLI calls and tests drive directly. ``prompter=None`` means ``--no-input``: every
unanswered question takes its default, which for stack options is the recommendation's suggestion.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import InputError
from .needs import DEFAULT_NEEDS, FRAMEWORKS, NEED_KEYS, Needs, Recommendation
from .questions import FRAMEWORK_WORDS, NEED_QUESTIONS, OPTION_ASK_IF, OPTION_WORDS
from .recommend import recommend, suggest_stack
from .stack import check_slug, check_text, derive_slug, resolve_options, resolve_text
from .templates import OPTION_KEYS, TEXT_KEYS, Template, load_template

NOTHING: Mapping[str, str] = MappingProxyType({})

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

    def metadata(self) -> dict[str, Any]:
        """The ``.scaffold.json`` of the project: enough to render the same project again."""
        return {
            "scaffold_version": __version__,
            "framework": self.framework,
            "answers": {"needs": self.recommendation.needs.as_dict(), "stack": dict(self.stack)},
            "recommendation": self.recommendation.to_json(),
            **({"preset": self.preset.record()} if self.preset else {}),
        }


def gather_needs(given: Mapping[str, str], prompter: Prompter | None, defaults: Mapping[str, str] = NOTHING) -> Needs:
    """The needs given up front, plus (interactively) those still worth asking; ``defaults`` pre-fill them."""
    answers = {**DEFAULT_NEEDS.as_dict(), **{k: v for k, v in {**defaults, **given}.items() if k in NEED_KEYS}}
    if prompter is not None:
        for question in NEED_QUESTIONS:
            if question.key not in given and question.ask_if(answers):
                answers[question.key] = prompter.select(question.text, question.choices, answers[question.key])
    return Needs.from_mapping(answers)


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


def gather_options(
    template: Template, suggested: Mapping[str, str], given: Mapping[str, str], prompter: Prompter | None
) -> dict[str, str]:
    answers = {k: given[k] for k in OPTION_KEYS if k in given}
    resolved = resolve_options(template, suggested, answers)
    if prompter is None:
        return resolved
    for key, choices in template.options.items():
        ask_if = OPTION_ASK_IF.get(key)
        if key in given or len(choices) < 2 or (ask_if is not None and not ask_if(resolved)):
            continue
        words = {value: OPTION_WORDS.get(value, value) for value in choices}
        answers[key] = prompter.select(template.label(key), words, resolved[key])
        resolved = resolve_options(template, suggested, answers)
    return resolved


def _name_problem(value: str, template: Template) -> str | None:
    try:
        check_text("project_name", value)
        check_slug(derive_slug(value), source=f"project_name={value}", taken=template.top_level_modules)
    except InputError as err:
        return err.message
    return None


def gather_text(
    template: Template,
    given: Mapping[str, str],
    directory: Path | None,
    prompter: Prompter | None,
    preset_defaults: Mapping[str, str] = NOTHING,
) -> dict[str, str]:
    answers = {k: given[k] for k in TEXT_KEYS if k in given}
    fallback = directory.absolute().name if directory is not None else None
    defaults = {**template.text_defaults, **{k: v for k, v in preset_defaults.items() if k in TEXT_KEYS}}
    if fallback:
        defaults["project_name"] = fallback
    if prompter is None:
        answers = {**{k: v for k, v in defaults.items() if k != "project_name"}, **answers}
    else:
        for key in ("project_name", "description", "author_name", "author_email"):
            if key in answers:
                continue
            validate: Callable[[str], str | None] = (
                (lambda v: _name_problem(v, template)) if key == "project_name" else _text_problem(key)
            )
            answers[key] = prompter.text(template.label(key), defaults[key], validate)
    return resolve_text(template, answers, fallback)


def _text_problem(key: str) -> Callable[[str], str | None]:
    def validate(value: str) -> str | None:
        try:
            check_text(key, value)
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
    defaults: Mapping[str, str] = NOTHING
    allowed = FRAMEWORKS
    if preset is not None:
        given, defaults, allowed = preset.apply(given), preset.defaults, preset.frameworks
    rec = recommend(gather_needs(given, prompter, defaults))
    if prompter is not None:
        show(rec)
    chosen = choose_framework(rec, given.get("framework"), prompter, allowed, defaults.get("framework"))
    template = load_template(chosen, preset.template_dir(chosen) if preset else None)
    suggested = {**suggest_stack(rec.needs, chosen), **{k: v for k, v in defaults.items() if k in OPTION_KEYS}}
    options = gather_options(template, suggested, given, prompter)
    text = gather_text(template, given, directory, prompter, defaults)
    target = directory if directory is not None else Path.cwd() / text["project_slug"]
    return Plan(chosen, template, rec, {**text, **options}, target.absolute(), preset)
