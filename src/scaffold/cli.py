"""The command line: Click options -> answers -> plan -> render. Errors become one line and an exit code here."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .errors import InputError

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

# Only click is imported up front: the rest loads inside the command that needs it, so that
# `scaffold --help` and shell completion stay close to a bare Click program's start-up time.


class ScaffoldGroup(click.Group):
    """Runs a command and turns every error a user can cause into one line on stderr and an exit code.

    This is the one place where errors become output: a :class:`ScaffoldError` as it is, a system or library
    error through :func:`scaffold.errors.translate` (naming the path and the reason), an interrupt as the
    message :data:`scaffold.signals.progress` makes true.
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = self._run(args, prog_name or "scaffold", complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, args: Sequence[str] | None, prog_name: str, complete_var: str | None, **extra: Any) -> int:
        from .errors import translate
        from .signals import exit_code, handled, progress

        try:
            with handled():
                result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
                _flush_stdout()
            return result if isinstance(result, int) else 0
        except click.ClickException as err:
            _say(f"Error: {err.format_message()}")
            return err.exit_code
        except (click.Abort, KeyboardInterrupt) as err:
            if isinstance(err.__context__, EOFError):  # Click's Abort for an input that ended (stdin closed)
                _say("Error: the input ended (stdin closed); pass --no-input to take the defaults")
                return 2
            _say(progress.message())
            return exit_code(err)
        except Exception as err:
            scaffold_error = translate(err)
            if scaffold_error is None:
                raise
            with suppress(OSError):
                _flush_stdout()
            _say(f"Error: {scaffold_error.message}")
            return scaffold_error.exit_code


def _flush_stdout() -> None:
    """Flush now, so a full or closed stdout is an error here and not a traceback at interpreter exit."""
    stream = sys.stdout
    if stream is None:
        return
    try:
        stream.flush()
    except OSError as err:
        # Nothing more can reach stdout: point it at /dev/null so the exit flush cannot fail again.
        with suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
        raise OSError(err.errno, err.strerror, "stdout") from err


def _say(line: str) -> None:
    with suppress(OSError, ValueError, AttributeError):
        click.echo(line, err=True)


def _complete_set(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Complete ``--set`` as KEY= and then KEY=VALUE for the needs, whose values are fixed."""
    from click.shell_completion import CompletionItem

    from .questions import KNOWN_KEYS, NEED_CHOICES

    key, sep, _ = incomplete.partition("=")
    if sep and key in NEED_CHOICES:
        return [CompletionItem(f"{key}={v}") for v in NEED_CHOICES[key] if f"{key}={v}".startswith(incomplete)]
    return [CompletionItem(f"{k}=") for k in KNOWN_KEYS if k.startswith(incomplete)]


def _answer_options(func: Any) -> Any:
    func = click.option("--no-input", is_flag=True, help="Never prompt: unanswered questions take their defaults.")(
        func
    )
    func = click.option(
        "--answers",
        "answers_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Answers from a JSON, YAML or TOML file (a project's .scaffold.json works).",
    )(func)
    return click.option(
        "--set",
        "sets",
        multiple=True,
        metavar="KEY=VALUE",
        shell_complete=_complete_set,
        help="Answer one question; repeatable. Wins over --answers.",
    )(func)


def _complete_framework(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem

    from .needs import FRAMEWORKS

    return [CompletionItem(f) for f in FRAMEWORKS if f.startswith(incomplete)]


def _given(answers_file: Path | None, sets: Sequence[str]) -> dict[str, str]:
    from .answers import load_answers_file, parse_set

    given = load_answers_file(answers_file) if answers_file else {}
    given.update(parse_set(sets))
    return given


def _prompter(no_input: bool) -> Any:
    if no_input:
        return None
    if sys.stdin is None or sys.stdin.closed or not sys.stdin.isatty():
        raise InputError("stdin is not a terminal; pass --no-input to take the defaults, or run in a terminal")
    from .prompts import Prompter

    return Prompter()


def _preset(flag: Path | None) -> Any:
    from .presets import find_preset, load_preset

    path = find_preset(flag, config_dir=Path(click.get_app_dir("scaffold")))
    return load_preset(path) if path is not None else None


_preset_option = click.option(
    "--preset",
    "preset_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A team preset (TOML). Default: $SCAFFOLD_PRESET, then preset.toml in the config folder.",
)


@click.group(cls=ScaffoldGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="scaffold")
def cli() -> None:
    """Recommend Django, Flask or FastAPI for what you are building, then generate a project that works.

    Shell completion: eval "$(_SCAFFOLD_COMPLETE=bash_source scaffold)" (zsh_source, fish_source).
    """


@cli.command("recommend")
@_answer_options
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for scripts.")
def recommend_command(sets: Sequence[str], answers_file: Path | None, no_input: bool, as_json: bool) -> None:
    """Recommend a framework and stack for the answers, with the trade-offs behind it."""
    import json

    from .layers import Answers
    from .plan import gather_needs
    from .recommend import recommend
    from .report import format_recommendation

    given = _given(answers_file, sets)
    rec = recommend(gather_needs(Answers(given=dict(given)), _prompter(no_input)))
    if as_json:
        click.echo(json.dumps(rec.to_json(), indent=2))
    else:
        click.echo(format_recommendation(rec))


@cli.command("new")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.option(
    "--framework",
    shell_complete=_complete_framework,
    help="Use this framework whatever the recommendation: django, flask or fastapi (or a preset's own).",
)
@_answer_options
@_preset_option
@click.option("--dry-run", is_flag=True, help="Print the files it would write; write nothing.")
@click.option("--force", is_flag=True, help="Write into a DIRECTORY that already has files.")
@click.option("--git", "init_git", is_flag=True, help="Then run git init and make the first commit.")
@click.option("--install", is_flag=True, help="Then install into .venv (uv sync --extra dev; pip without uv).")
def new_command(
    directory: Path | None,
    framework: str | None,
    sets: Sequence[str],
    answers_file: Path | None,
    no_input: bool,
    preset_file: Path | None,
    dry_run: bool,
    force: bool,
    init_git: bool,
    install: bool,
) -> None:
    """Generate a project in DIRECTORY (default: ./PROJECT_SLUG)."""
    from .plan import plan_new
    from .render import check_target, preview, render
    from .report import format_recommendation, format_tree

    given = _given(answers_file, sets)
    preset = _preset(preset_file)
    if directory is not None:
        check_target(directory, force=force)  # before any question, so nobody answers in vain
    plan = plan_new(
        given,
        framework=framework,
        directory=directory,
        prompter=_prompter(no_input),
        show=lambda rec: click.echo(format_recommendation(rec) + "\n"),
        preset=preset,
    )
    if dry_run:
        check_target(plan.target, force=force)
        click.echo(format_tree(plan.target.name, preview(plan.template, plan.stack)))
        click.echo("Dry run: nothing was written.", err=True)
        return
    target = render(plan.template, plan.stack, plan.target, force=force, record=plan.record())
    click.echo(f"Created a {plan.framework} project in {target}")
    _aftercare(target, plan.stack, plan.framework, init_git=init_git, install=install)
    click.echo(f"Next: cd {target} and follow its README (install, test, run).")


def _aftercare(target: Path, stack: dict[str, str], framework: str, *, init_git: bool, install: bool) -> None:
    from . import aftercare

    if install:
        how = aftercare.install(target)
        click.echo(f"Installed it with its dev extra into {target / '.venv'} ({how}).")
    if init_git:
        message = f"Start {stack['project_name']} from scaffold {__version__} ({framework})"
        aftercare.init_git(target, stack["author_name"], stack["author_email"], message)
        click.echo("Made a git repository with a first commit.")


@cli.command("update")
@click.argument("directory", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--set",
    "sets",
    multiple=True,
    metavar="KEY=VALUE",
    shell_complete=_complete_set,
    help="Change an answer on the way (e.g. task_queue=celery); repeatable.",
)
@_preset_option
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--force", is_flag=True, help="Update even with uncommitted changes in git.")
def update_command(directory: Path, sets: Sequence[str], preset_file: Path | None, dry_run: bool, force: bool) -> None:
    """Bring a generated project up to the installed templates, keeping your edits (three-way merge).

    All or nothing; exits 1 when it wrote conflict markers to resolve, like git merge.
    """
    from .answers import parse_set
    from .report import format_steps
    from .update import update_project

    outcome = update_project(directory, parse_set(sets), preset=_preset(preset_file), dry_run=dry_run, force=force)
    verb = "Would update" if dry_run else "Updated"
    click.echo(f"{verb} {outcome.plan.target.name} to scaffold {__version__} ({outcome.plan.framework}).")
    click.echo(format_steps(outcome.steps))
    if outcome.conflicts:
        files = ", ".join(outcome.conflicts)
        click.echo(f"{len(outcome.conflicts)} file(s) with conflicts: resolve the <<<<<<< markers in {files}.")
        if not dry_run:
            click.get_current_context().exit(1)  # like `git merge`: the work is done, but a person has to finish it


@cli.command("check")
@click.argument("directory", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@_preset_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for scripts.")
@click.pass_context
def check_command(ctx: click.Context, directory: Path, preset_file: Path | None, as_json: bool) -> None:
    """Exit 0 if the project is on the installed templates and its preset, 1 if behind, 2 if not scaffold's."""
    import json

    from .report import format_check
    from .update import check_project

    result = check_project(directory, preset=_preset(preset_file))
    click.echo(json.dumps(result.to_json(), indent=2) if as_json else format_check(result.to_json()))
    ctx.exit(0 if result.current else 1)


@cli.command("frameworks")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for scripts.")
def frameworks_command(as_json: bool) -> None:
    """List the frameworks with their stack options, choices and defaults."""
    import json

    from .needs import FRAMEWORKS
    from .report import format_frameworks
    from .templates import load_template

    described = [load_template(fw).describe() for fw in FRAMEWORKS]
    if as_json:
        click.echo(json.dumps({"frameworks": described}, indent=2))
    else:
        click.echo(format_frameworks(described))


def main() -> None:
    cli.main(prog_name="scaffold")
