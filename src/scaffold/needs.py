"""The answers about a project (CONTRACT section 2) and what the recommender makes of them.

Plain frozen dataclasses with no third-party imports, so the recommender stays cheap to import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .errors import InputError

FRAMEWORKS: tuple[str, ...] = ("django", "flask", "fastapi")

#: Every need, its allowed values and its default (the first value is not always the default).
NEED_CHOICES: dict[str, tuple[str, ...]] = {
    "project_type": ("web_app", "api", "microservice", "ml_api", "prototype", "learning"),
    "admin_interface": ("yes", "no"),
    "user_accounts": ("yes", "no"),
    "data_store": ("relational", "non_relational", "none"),
    "complex_data_model": ("yes", "no"),
    "multi_tenant": ("yes", "no"),
    "team_size": ("solo", "small", "large"),
    "maintenance": ("short", "long"),
    "async_needed": ("yes", "no"),
    "footprint_critical": ("yes", "no"),
    "api_docs": ("yes", "no"),
    "custom_architecture": ("yes", "no"),
    "team_expertise": ("none", "django", "flask", "fastapi"),
}


def check_choice(key: str, value: object, allowed: tuple[str, ...] | list[str]) -> None:
    """Raise an :class:`InputError` naming the key, the bad value and the allowed ones."""
    if value not in allowed:
        raise InputError(f"{key}={value!s} is not allowed; choose one of: {', '.join(allowed)}")


@dataclass(frozen=True)
class Needs:
    """What the developer is building; every field holds one of :data:`NEED_CHOICES`."""

    project_type: str = "web_app"
    admin_interface: str = "no"
    user_accounts: str = "no"
    data_store: str = "relational"
    complex_data_model: str = "no"
    multi_tenant: str = "no"
    team_size: str = "solo"
    maintenance: str = "short"
    async_needed: str = "no"
    footprint_critical: str = "no"
    api_docs: str = "no"
    custom_architecture: str = "no"
    team_expertise: str = "none"

    def __post_init__(self) -> None:
        for key, value in asdict(self).items():
            check_choice(key, value, NEED_CHOICES[key])

    @classmethod
    def from_mapping(cls, answers: Mapping[str, Any]) -> Needs:
        """Build from any mapping, taking only the need keys (other keys belong to the stack)."""
        return cls(**{k: answers[k] for k in NEED_KEYS if k in answers})

    def yes(self, key: str) -> bool:
        """Whether a yes/no need is answered yes."""
        return bool(getattr(self, key) == "yes")

    @property
    def relational(self) -> bool:
        return self.data_store == "relational"

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


NEED_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Needs))
DEFAULT_NEEDS = Needs()


@dataclass(frozen=True)
class Reason:
    """One trade-off that applied to these answers, and the points it gave its framework."""

    framework: str
    points: int
    tradeoff: str
    why: str


@dataclass(frozen=True)
class Recommendation:
    """The recommender's answer: the ranking, the reasons behind it, and the stack it suggests."""

    framework: str
    close_call: bool
    ranking: tuple[tuple[str, int], ...]
    reasons: tuple[Reason, ...]
    stack: dict[str, str]
    needs: Needs
    #: For a close call: single answers that would put the runner-up first, as "key=value".
    tips: tuple[str, ...] = field(default=())

    @property
    def runner_up(self) -> str:
        return self.ranking[1][0]

    def to_json(self) -> dict[str, Any]:
        """The shape CONTRACT section 1 promises for ``recommend --json`` (plus ``runner_up``, ``tips``)."""
        return {
            "framework": self.framework,
            "close_call": self.close_call,
            "ranking": [{"framework": fw, "score": score} for fw, score in self.ranking],
            "reasons": [asdict(r) for r in self.reasons],
            "stack": dict(self.stack),
            "runner_up": self.runner_up,
            "tips": list(self.tips),
        }
