"""The only module that imports questionary: turns the questions of :mod:`scaffold.questions` into prompts.

``Prompter(input=..., output=...)`` lets tests drive the real prompts through a prompt_toolkit pipe.
Ctrl-C raises ``KeyboardInterrupt``; an end of input becomes a clear :class:`InputError`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .errors import InputError


class Prompter:
    """Asks one question at a time on the terminal (or on the given prompt_toolkit input/output)."""

    def __init__(self, input: Any = None, output: Any = None) -> None:
        self._io = {"input": input, "output": output} if input is not None else {}

    def select(self, message: str, choices: Mapping[str, str], default: str, hint: str = "") -> str:
        import questionary

        options = [questionary.Choice(title=words, value=value) for value, words in choices.items()]
        extra: dict[str, Any] = {"instruction": f"({hint})"} if hint else {}
        return str(self._ask(questionary.select(message, choices=options, default=default, **extra, **self._io)))

    def pick_many(self, message: str, choices: Mapping[str, str], picked: tuple[str, ...], hint: str = "") -> list[str]:
        """Several of the choices (space toggles, Enter accepts); none picked is an empty list."""
        import questionary

        options = [
            questionary.Choice(title=words, value=value, checked=value in picked) for value, words in choices.items()
        ]
        extra: dict[str, Any] = {"instruction": f"({hint} Space picks, Enter accepts.)"} if hint else {}
        return list(self._ask(questionary.checkbox(message, choices=options, **extra, **self._io)))

    def text(self, message: str, default: str, validate: Callable[[str], str | None]) -> str:
        """Free text, checked as the user types: ``validate`` returns an error message or ``None``.

        The default is a greyed placeholder, not pre-filled text: typing replaces it and Enter on an empty
        line accepts it (with pre-filled text, what the user typed was appended to the default).
        """
        import questionary
        from prompt_toolkit.formatted_text import FormattedText

        def check(value: str) -> bool | str:
            return validate(value or default) or True

        shown = FormattedText([("fg:ansibrightblack", default)])
        answer = str(self._ask(questionary.text(message, validate=check, placeholder=shown, **self._io)))
        return answer or default

    @staticmethod
    def _ask(question: Any) -> Any:
        try:
            answer = question.unsafe_ask()
        except EOFError as err:
            raise InputError("input ended before every question was answered; use --no-input for defaults") from err
        if answer is None:  # prompt_toolkit's way of saying the prompt was cancelled
            raise KeyboardInterrupt
        return answer
