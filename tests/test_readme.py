"""The README tells the truth: its commands are the ones CI runs, and it documents every option."""

from __future__ import annotations

import re
from pathlib import Path

import click

from scaffold.cli import cli

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_two_newcomer_commands_and_ci_runs_the_test_one() -> None:
    install_and_run, test = quick_start_commands()
    assert "scaffold new" in install_and_run
    assert "pytest" in test
    ci_lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci_lines


def test_every_command_and_option_is_documented() -> None:
    assert isinstance(cli, click.Group)
    for name, command in cli.commands.items():
        assert f"scaffold {name}" in README
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in README, (name, opt)


def test_no_placeholder_line_is_left() -> None:
    assert not re.findall(r"^[A-Z][A-Z_]+$", README, re.M), "a placeholder line is left in README.md"
