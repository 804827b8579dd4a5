"""The answers about a project (docs/contract.md, "Questions") and what the recommender makes of them.

Plain frozen dataclasses with no third-party imports, so the recommender stays cheap to import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import InputError
from .questions import BY_KEY, NEED_CHOICES, NEED_DEFAULTS, NEED_KEYS, need_value

FRAMEWORKS: tuple[str, ...] = ("django", "flask", "fastapi")


def check_choice(key: str, value: object, allowed: tuple[str, ...] | list[str]) -> None:
    """Raise an :class:`InputError` naming the key, the bad value and the allowed ones."""
    if value not in allowed:
        raise InputError(f"{key}={value!s} is not allowed; choose one of: {', '.join(allowed)}")


class Needs:
    """What the developer is building: one value per need question of :mod:`scaffold.questions`.

    Immutable and checked on creation; unanswered needs take the registry's defaults. Read a need as an
    attribute (``needs.team_size``) or by key (``needs["team_size"]``).
    """

    __slots__ = ("_values",)
    _values: dict[str, str]

    def __init__(self, **answers: str) -> None:
        unknown = sorted(set(answers) - set(NEED_KEYS))
        if unknown:
            raise InputError(f"unknown need '{unknown[0]}'; allowed: {', '.join(NEED_KEYS)}")
        values = {**NEED_DEFAULTS, **{key: need_value(key, value) for key, value in answers.items()}}
        for key, value in values.items():
            check_choice(key, value, NEED_CHOICES[key])
        object.__setattr__(self, "_values", values)

    def __getattr__(self, key: str) -> str:
        try:
            return self._values[key]
        except KeyError:
            raise AttributeError(key) from None

    def __getitem__(self, key: str) -> str:
        return self._values[key]

    def __setattr__(self, key: str, value: object) -> None:
        raise AttributeError("Needs are immutable; use replace()")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Needs) and other._values == self._values

    def __hash__(self) -> int:
        return hash(tuple(self._values.items()))

    def __repr__(self) -> str:
        return f"Needs({', '.join(f'{k}={v!r}' for k, v in self._values.items())})"

    @classmethod
    def from_mapping(cls, answers: Mapping[str, Any]) -> Needs:
        """Build from any mapping, taking only the need keys (other keys belong to the stack)."""
        return cls(**{k: answers[k] for k in NEED_KEYS if k in answers})

    def replace(self, **changes: str) -> Needs:
        return Needs(**{**self._values, **changes})

    def yes(self, key: str) -> bool:
        """Whether a yes/no need is answered yes."""
        return self._values[key] == "yes"

    @property
    def relational(self) -> bool:
        return self.data_store == "relational"

    @property
    def known(self) -> tuple[str, ...]:
        """The frameworks the team already knows well (``team_expertise`` may name several)."""
        return BY_KEY["team_expertise"].picked(self._values["team_expertise"])

    def knows(self, framework: str) -> bool:
        return framework in self.known

    def as_dict(self) -> dict[str, str]:
        return dict(self._values)


DEFAULT_NEEDS = Needs()


@dataclass(frozen=True)
class Reason:
    """One trade-off that applied to these answers: its points, and what they added after the group's cap."""

    framework: str
    points: int
    tradeoff: str
    why: str
    group: str
    #: What the trade-off added once its group's cap was reached (0 when others in the group already filled it).
    counted: int


@dataclass(frozen=True)
class Recommendation:
    """The recommender's answer: the ranking, the reasons behind it, and the stack it suggests."""

    framework: str
    close_call: bool
    ranking: tuple[tuple[str, int], ...]
    reasons: tuple[Reason, ...]
    stack: dict[str, str]
    needs: Needs
    #: For a close call: answers one change away that would put the runner-up first, as "key=value".
    tips: tuple[str, ...] = field(default=())
    #: When the top scores tie: the rule that decided, in words ("" when the scores alone decided).
    decided_by: str = ""
    #: Where the sources disagree about these answers: "T37 (django) and T38 (flask) both apply".
    disagreements: tuple[str, ...] = field(default=())
    #: Answers set aside because another answer made them moot, each with the reason.
    notes: tuple[str, ...] = field(default=())

    @property
    def runner_up(self) -> str:
        return self.ranking[1][0]

    def to_json(self) -> dict[str, Any]:
        """The shape docs/contract.md ("recommend --json") promises."""
        return {
            "framework": self.framework,
            "close_call": self.close_call,
            "ranking": [{"framework": fw, "score": score} for fw, score in self.ranking],
            "reasons": [asdict(r) for r in self.reasons],
            "stack": dict(self.stack),
            "runner_up": self.runner_up,
            "tips": list(self.tips),
            "decided_by": self.decided_by,
            "disagreements": list(self.disagreements),
            "notes": list(self.notes),
        }
