"""Where an answer comes from, and which source wins: the answer priority, stated once.

Lowest first (copier's ``AnswersMap`` has the same idea):

1. ``template``  - the registry's default for a need; the template's cookiecutter.json for options and text;
2. ``suggested`` - what the needs call for (``Question.suggest``), and the project folder's name as its name;
3. ``preset``    - a team preset's ``[defaults]``;
4. ``given``     - ``--set``, ``--answers``, ``--framework`` and a preset's ``[locked]`` answers;
5. ``prompted``  - what the user answered at a prompt.

The two upper layers are the user's own choices and are checked strictly: a value the template does not offer
is an error. The lower three are only proposals: one that does not fit the chosen template falls back quietly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

ORDER = ("template", "suggested", "preset", "given", "prompted")


@dataclass
class Answers:
    template: dict[str, str] = field(default_factory=dict)
    suggested: dict[str, str] = field(default_factory=dict)
    preset: dict[str, str] = field(default_factory=dict)
    given: dict[str, str] = field(default_factory=dict)
    prompted: dict[str, str] = field(default_factory=dict)

    def _layers(self) -> tuple[dict[str, str], ...]:
        return tuple(getattr(self, name) for name in ORDER)

    def __contains__(self, key: str) -> bool:
        return any(key in layer for layer in self._layers())

    def __getitem__(self, key: str) -> str:
        for layer in reversed(self._layers()):
            if key in layer:
                return layer[key]
        raise KeyError(key)

    def source(self, key: str) -> str | None:
        """The name of the layer the answer to ``key`` comes from."""
        return next((name for name in reversed(ORDER) if key in getattr(self, name)), None)

    def chosen(self, key: str) -> bool:
        """Whether the user chose this answer (given or prompted), so that it must be honoured or refused."""
        return key in self.given or key in self.prompted

    def view(self, keys: Iterable[str]) -> dict[str, str]:
        """The winning answer of each key that has one."""
        return {key: self[key] for key in keys if key in self}

    def proposal(self, key: str) -> str | None:
        """The best answer below the user's own: a preset default, else a suggestion, else the template's."""
        for layer in (self.preset, self.suggested, self.template):
            if key in layer:
                return layer[key]
        return None


def only(keys: Iterable[str], values: Mapping[str, str]) -> dict[str, str]:
    wanted = set(keys)
    return {key: value for key, value in values.items() if key in wanted}
