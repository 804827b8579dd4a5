"""Benchmarks: scaffold against the tools a user would pick instead, and the footprint of what it generates.

    python benchmarks/run.py [--quick] [--json] [--only startup,generate,recommend,serve,lists,io,newtotest]

Everything it compares is installed into its own virtual environments under ``benchmarks/.work/`` (made with
uv, reused between runs): scaffold from this checkout, cookiecutter, copier, and Django for
``django-admin startproject``. Each measurement runs several times after a warm-up; the table shows the
median with min-max, and each target ratio. Timings are wall-clock on whatever machine runs it: compare
ratios from one run, not figures across machines.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from http.client import HTTPConnection
from pathlib import Path

import jinja2

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "benchmarks" / ".work"
HELLO = REPO / "benchmarks" / "hello"
IO = REPO / "benchmarks" / "io"
FRAMEWORKS = ("django", "flask", "fastapi")
PEERS = {
    "scaffold": [str(REPO)],
    # The templates' post_gen hook lays out the Python with ruff, so plain cookiecutter needs it too.
    "cookiecutter": ["cookiecutter==2.7.1", "ruff>=0.17.6,<0.18"],
    "copier": ["copier"],
    "django": ["Django>=5.2,<5.3"],
}


@dataclass
class Row:
    group: str
    name: str
    unit: str
    samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def cell(self) -> str:
        fmt = "{:,.0f}" if self.unit in ("req/s", "ms") else "{:,.1f}"
        low, high = min(self.samples), max(self.samples)
        spread = f" ({fmt.format(low)}-{fmt.format(high)})" if len(self.samples) > 1 else ""
        return f"{fmt.format(self.median)}{spread}"


@dataclass
class Ratio:
    name: str
    value: float
    target: str
    met: bool


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    ratios: list[Ratio] = field(default_factory=list)

    def row(self, group: str, name: str, unit: str) -> Row:
        row = Row(group, name, unit)
        self.rows.append(row)
        return row

    def get(self, name: str) -> Row:
        return next(r for r in self.rows if r.name == name)

    def ratio(self, name: str, numerator: str, denominator: str, limit: float, *, at_most: bool = True) -> None:
        value = self.get(numerator).median / self.get(denominator).median
        target = f"{'<=' if at_most else '>='} {limit:g}x"
        self.ratios.append(Ratio(name, round(value, 2), target, value <= limit if at_most else value >= limit))


# -- environments ----------------------------------------------------------------------------------------


def uv() -> str:
    found = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
    if not Path(found).exists():
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "uv"], check=True)
        found = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
    return found


def venv_for(name: str, requirements: Sequence[str]) -> Path:
    """A venv of its own for one tool, made once; this checkout's scaffold is reinstalled on every run."""
    path = WORK / "venvs" / name
    stamp = path / ".requirements"
    wanted = "\n".join(requirements)
    python = str(path / "bin" / "python")
    if not (stamp.is_file() and stamp.read_text() == wanted):
        shutil.rmtree(path, ignore_errors=True)
        subprocess.run([uv(), "venv", "-q", "--python", sys.executable, str(path)], check=True)
        subprocess.run([uv(), "pip", "install", "-q", "--python", python, *requirements], check=True)
        stamp.write_text(wanted)
    elif name == "scaffold":
        subprocess.run(
            [uv(), "pip", "install", "-q", "--reinstall-package", "scaffold", "--python", python, *requirements],
            check=True,
        )
    return path / "bin"


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env.update({"HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1"})
    return env


# -- timing ----------------------------------------------------------------------------------------------


def time_command(
    argv: Sequence[str],
    runs: int,
    env: dict[str, str],
    cwd: Path | None = None,
    before: Callable[[], None] | None = None,
) -> list[float]:
    """Milliseconds per run, after one warm-up run; ``before`` resets state outside the timing."""
    samples = []
    for attempt in range(runs + 1):
        if before:
            before()
        started = time.perf_counter()
        subprocess.run(argv, check=True, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = (time.perf_counter() - started) * 1000
        if attempt:
            samples.append(elapsed)
    return samples


def startup(report: Report, bins: dict[str, Path], runs: int, env: dict[str, str]) -> None:
    cases = {
        "python -c pass": [str(bins["scaffold"] / "python"), "-c", "pass"],
        'python -c "import click"': [str(bins["scaffold"] / "python"), "-c", "import click"],
        "scaffold --help": [str(bins["scaffold"] / "scaffold"), "--help"],
        "scaffold --version": [str(bins["scaffold"] / "scaffold"), "--version"],
        "cookiecutter --help": [str(bins["cookiecutter"] / "cookiecutter"), "--help"],
        "copier --help": [str(bins["copier"] / "copier"), "--help"],
        "django-admin --version": [str(bins["django"] / "django-admin"), "--version"],
    }
    for name, argv in cases.items():
        report.row("start-up", name, "ms").samples = time_command(argv, runs, env)
    report.ratio("scaffold --help / import click", "scaffold --help", 'python -c "import click"', 1.5)


def generate(report: Report, bins: dict[str, Path], runs: int, env: dict[str, str]) -> None:
    out = WORK / "generate"

    def reset() -> None:
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)

    for framework in FRAMEWORKS:
        template = REPO / "templates" / framework
        ours = f"scaffold new --no-input ({framework})"
        theirs = f"cookiecutter --no-input ({framework})"
        report.row("generate", ours, "ms").samples = time_command(
            [str(bins["scaffold"] / "scaffold"), "new", str(out / "p"), "--no-input", "--framework", framework],
            runs,
            env,
            before=reset,
        )
        report.row("generate", theirs, "ms").samples = time_command(
            [str(bins["cookiecutter"] / "cookiecutter"), "--no-input", "-o", str(out), str(template)],
            runs,
            env,
            before=reset,
        )
        report.ratio(f"{ours} / cookiecutter", ours, theirs, 1.1)
    report.row("generate", "django-admin startproject", "ms").samples = time_command(
        [str(bins["django"] / "django-admin"), "startproject", "p", str(out)], runs, env, before=reset
    )
    shutil.rmtree(out, ignore_errors=True)


def recommend(report: Report, bins: dict[str, Path], runs: int, env: dict[str, str]) -> None:
    argv = [
        str(bins["scaffold"] / "scaffold"),
        "recommend",
        "--no-input",
        "--json",
        "--set",
        "project_type=api",
        "--set",
        "team_expertise=django",
    ]
    report.row("recommend", "scaffold recommend --json", "ms").samples = time_command(argv, runs, env)


# -- serving ---------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker_pid(server: int) -> int:
    """The process that answers requests: gunicorn's single worker, or the server itself (uvicorn)."""
    children = Path(f"/proc/{server}/task/{server}/children")
    pids = [int(p) for p in children.read_text().split()] if children.exists() else []
    return pids[0] if pids else server


@dataclass
class Load:
    rps: float
    p50_ms: float
    p99_ms: float


def wrk_ms(text: str) -> float:
    """A wrk latency ("812.00us", "3.41ms", "1.20s") in milliseconds."""
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    raise ValueError(f"unknown wrk latency {text!r}")


#: What the platform's TLS-terminating proxy adds to a user's request. Probes of /health come without it,
#: over plain HTTP, as a load balancer sends them; the apps answer those without redirecting.
FORWARDED = {"X-Forwarded-Proto": "https"}


def load(port: int, seconds: float, path: str = "/health", connections: int = 16) -> Load:
    """Throughput and latency on one path over ``connections`` keep-alive connections: wrk when installed,
    else a Python client with one thread per four connections."""
    url = f"http://127.0.0.1:{port}{path}"
    headers = {} if path == "/health" else FORWARDED
    # wrk counts a redirect as a success: make sure the path itself answers.
    conn = HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers=headers)
    status = conn.getresponse().status
    conn.close()
    if status != 200:
        raise RuntimeError(f"{url} answered {status}, not 200")
    if shutil.which("wrk"):
        out = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{seconds:.0f}s", "--latency"]
            + [arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")]
            + [url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        fields = {line.split()[0]: line.split()[1] for line in out.splitlines() if line.split()}
        if "Non-2xx" in out:
            raise RuntimeError(f"{url} answered errors under load:\n{out}")
        return Load(float(fields["Requests/sec:"]), wrk_ms(fields["50%"]), wrk_ms(fields["99%"]))
    latencies: list[list[float]] = [[] for _ in range(max(4, connections // 4))]
    stop = time.monotonic() + seconds

    def client(slot: int) -> None:
        conn = HTTPConnection("127.0.0.1", port, timeout=5)
        while time.monotonic() < stop:
            began = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{url} answered {response.status} under load")
            latencies[slot].append((time.perf_counter() - began) * 1000)
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(len(latencies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = sorted(ms for slot in latencies for ms in slot)
    return Load(len(every) / seconds, every[len(every) // 2], every[min(len(every) - 1, len(every) * 99 // 100)])


def serve_once(
    command: str, cwd: Path, env: dict[str, str], seconds: float, path: str = "/health", connections: int = 16
) -> tuple[float, float, float, Load]:
    """(ms to first 200, worker RSS after start-up, worker RSS after load, the load on ``path``) for one run."""
    port = free_port()
    env = {**env, "PORT": str(port), "WEB_CONCURRENCY": "1"}
    started = time.perf_counter()
    server = subprocess.Popen(
        ["bash", "-c", f"exec {command}"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while True:
            if server.poll() is not None or time.perf_counter() - started > 60:
                raise RuntimeError(f"`{command}` did not answer /health")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                time.sleep(0.02)
        first = (time.perf_counter() - started) * 1000
        time.sleep(0.5)
        worker = worker_pid(server.pid)
        rss_start = rss_mib(worker)
        measured = load(port, seconds, path, connections)
        return first, rss_start, rss_mib(worker), measured
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)


def dotenv(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line and line[0] != "#")
    return {k.strip(): v.strip().strip("'\"") for k, v in pairs}


HELLO_COMMANDS = {
    "django": "gunicorn --bind 127.0.0.1:$PORT django_hello:application",
    "flask": "gunicorn --bind 127.0.0.1:$PORT flask_hello:app",
    "fastapi": "uvicorn --host 127.0.0.1 --port $PORT fastapi_hello:app",
}


#: What a platform would give the production web process for each kind of variable a template declares.
PRODUCTION_VALUES: dict[str, Callable[[Path], str]] = {
    "secret": lambda project: secrets.token_urlsafe(50),
    "hosts": lambda project: "127.0.0.1,localhost",
    # The developer's database, so that `release` and the server use one file whatever the framework does
    # with a relative SQLite path.
    "database": lambda project: dotenv(project / ".env.development")["DATABASE_URL"],
    "redis": lambda project: "redis://127.0.0.1:6379/0",
}


def production_env(project: Path) -> dict[str, str]:
    """The variables the template declares for production (``__production_env``), as the README tells a
    platform to set them, and no ``.env``: every app is measured as it would serve, DEBUG off, security on.

    The project's ``.env`` is moved to ``.env.development`` first, so that no framework falls back to it.
    """
    (project / ".env").rename(project / ".env.development")
    record = json.loads((project / ".scaffold.json").read_text())
    template = json.loads((REPO / "templates" / record["framework"] / "cookiecutter.json").read_text())
    context = {"cookiecutter": record["answers"]["stack"]}
    env = {}
    for entry in template["__production_env"]:
        name, _, kind = jinja2.Template(entry).render(context).partition("=")
        if name:
            env[name] = PRODUCTION_VALUES[kind](project)
    return env


def prepare(
    bins: dict[str, Path], env: dict[str, str], framework: str, name: str, *sets: str
) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A generated project installed and released (migrated): its folder, its environment and its Procfile."""
    project = WORK / name / f"{framework}_app"
    shutil.rmtree(project, ignore_errors=True)
    project.parent.mkdir(parents=True, exist_ok=True)
    options = [arg for value in sets for arg in ("--set", value)]
    subprocess.run(
        [str(bins["scaffold"] / "scaffold"), "new", str(project), "--no-input", "--framework", framework, *options],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run([uv(), "venv", "-q", "--python", sys.executable, str(project / ".venv")], check=True)
    subprocess.run(
        [uv(), "pip", "install", "-q", "--python", str(project / ".venv" / "bin" / "python"), "-e", ".[dev]"],
        check=True,
        cwd=project,
    )
    app_env = {**env, **production_env(project), "PATH": f"{project / '.venv' / 'bin'}{os.pathsep}{env['PATH']}"}
    if app_env.get("DATABASE_URL", "").startswith("postgres"):
        fresh_postgres_database(app_env["DATABASE_URL"])
    procfile = dict(line.split(": ", 1) for line in (project / "Procfile").read_text().splitlines() if line)
    if procfile.get("release"):
        subprocess.run(
            ["bash", "-c", procfile["release"]], cwd=project, env=app_env, check=True, stdout=subprocess.DEVNULL
        )
    return project, app_env, procfile


#: The layers of each generated worker, in the order it loads them (benchmarks/footprint.py): the server, the
#: framework (all a hello app has), the ORM where it is a library of its own, then the project itself.
FOOTPRINT_LAYERS = {
    "django": ("server=gunicorn.app.wsgiapp", "framework=django.core.wsgi", "project=config.wsgi"),
    "flask": ("server=gunicorn.app.wsgiapp", "framework=flask", "SQLAlchemy=sqlalchemy.orm", "project={slug}.wsgi"),
    "fastapi": (
        "server=uvicorn.main",
        "framework=fastapi",
        "SQLAlchemy=sqlalchemy.ext.asyncio",
        "project={slug}.main:create_app",
    ),
}


def footprint(report: Report, framework: str, project: Path, app_env: dict[str, str]) -> None:
    """One row per layer: the MiB it adds to the worker, measured once (import order is deterministic)."""
    layers = [layer.format(slug=f"{framework}_app") for layer in FOOTPRINT_LAYERS[framework]]
    out = subprocess.run(
        [str(project / ".venv" / "bin" / "python"), str(REPO / "benchmarks" / "footprint.py"), *layers],
        cwd=project,
        env=app_env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for layer, mib in json.loads(out).items():
        report.row(f"footprint {framework}", f"{framework} generated: MiB for the {layer}", "MiB").samples = [mib]


def serve(report: Report, bins: dict[str, Path], runs: int, env: dict[str, str], seconds: float) -> None:
    for framework in FRAMEWORKS:
        project, app_env, procfile = prepare(bins, env, framework, "serve")
        footprint(report, framework, project, app_env)
        for label, command, cwd in (
            ("generated", procfile["web"], project),
            ("hello", HELLO_COMMANDS[framework], HELLO),
        ):
            results = [serve_once(command, cwd, app_env, seconds) for _ in range(runs)]
            group, prefix = f"serve {framework}", f"{framework} {label}"
            report.row(group, f"{prefix}: ms to first 200", "ms").samples = [r[0] for r in results]
            report.row(group, f"{prefix}: worker MiB after start", "MiB").samples = [r[1] for r in results]
            report.row(group, f"{prefix}: worker MiB after load", "MiB").samples = [r[2] for r in results]
            report.row(group, f"{prefix}: req/s", "req/s").samples = [r[3].rps for r in results]
        report.ratio(
            f"{framework} worker memory / hello",
            f"{framework} generated: worker MiB after load",
            f"{framework} hello: worker MiB after load",
            1.3,
        )
        report.ratio(
            f"{framework} /health req/s / hello",
            f"{framework} generated: req/s",
            f"{framework} hello: req/s",
            0.7,
            at_most=False,
        )


#: Each template's list of the example resource, a page of 20, readable without logging in (auth=no), and
#: the table behind it. Django's is its HTML home page: its API needs a login whatever the options.
LISTS = {
    "django": ("/", "notes_note"),
    "flask": ("/api/v1/notes/?page_size=20", "notes"),
    "fastapi": ("/api/v1/items?size=20", "items"),
}
LIST_SIZES = (1_000, 100_000)
#: The databases the lists are measured on: SQLite, each template's default, and PostgreSQL, where the async
#: FastAPI shape is meant to pay (its driver waits on a socket, not on a thread).
LIST_DATABASES = ("sqlite", "postgresql")
START = datetime(2026, 1, 1)


def seed_value(column_type: str, i: int) -> object:
    """A made-up value for a required column of this type: rows one second apart, short text."""
    kind = column_type.upper()
    if "INT" in kind or "BOOL" in kind:
        return i % 100
    if "DATE" in kind or "TIME" in kind:
        return (START + timedelta(seconds=i)).strftime("%Y-%m-%d %H:%M:%S.%f")
    return f"Row {i}"


def seed(database: Path, table: str, rows: int) -> None:
    """Replace the table's rows with ``rows`` made-up ones, filling every required column."""
    with sqlite3.connect(database) as conn:
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()  # cid, name, type, notnull, default, pk
        required = [(name, kind) for _, name, kind, notnull, _, pk in info if notnull and not pk]
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - a constant of this file, not input
        names = ", ".join(name for name, _ in required)
        marks = ", ".join("?" * len(required))
        conn.executemany(
            f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608 - columns read from the schema
            (tuple(seed_value(kind, i) for _, kind in required) for i in range(rows)),
        )


def psql(url: str, *statements: str) -> str:
    """Run each statement on its own (VACUUM cannot share a transaction) and return psql's unaligned output."""
    commands = [arg for statement in statements for arg in ("-c", statement)]
    return subprocess.run(
        ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, *commands],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def fresh_postgres_database(url: str) -> None:
    """Drop and create the database ``url`` names, on the server it names, for one measured project."""
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    server = urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path="/postgres"))
    psql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')


def seed_postgres(url: str, table: str, rows: int) -> None:
    """The PostgreSQL twin of ``seed``: the same made-up rows, then VACUUM ANALYZE as autovacuum would."""
    columns = psql(
        url,
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = "
        f"'{table}' AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO'",
    )
    required = [line.split("|") for line in columns.splitlines() if line]
    expression = {"int": "i % 100", "bool": "i % 2 = 0", "time": "TIMESTAMP '2026-01-01' + i * INTERVAL '1 second'"}
    values = [next((sql for key, sql in expression.items() if key in kind), "'Row ' || i") for _, kind in required]
    names = ", ".join(name for name, _ in required)
    psql(
        url,
        f"TRUNCATE {table} RESTART IDENTITY",
        f"INSERT INTO {table} ({names}) SELECT {', '.join(values)} FROM generate_series(0, {rows - 1}) AS i",
        f"VACUUM ANALYZE {table}",
    )


def lists(report: Report, bins: dict[str, Path], runs: int, env: dict[str, str], seconds: float) -> None:
    """The list endpoint of each template at 1,000 and 100,000 rows, on SQLite and on PostgreSQL: the cost of
    a page as the table grows, and FastAPI's async shape against Flask's sync one on each database."""
    databases = [db for db in LIST_DATABASES if db == "sqlite" or shutil.which("psql")]
    for database in databases:
        label = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[database]
        for framework in FRAMEWORKS:
            project, app_env, procfile = prepare(
                bins, env, framework, "lists", f"database={database}", "auth=no", "api=yes", "task_queue=none"
            )
            path, table = LISTS[framework]
            if database == "sqlite":
                # Flask-SQLAlchemy puts a relative SQLite path in the instance folder, the others beside the
                # project.
                found = [*project.rglob("*.db"), *project.rglob("*.sqlite3")]
                (file,) = [path for path in found if ".venv" not in path.relative_to(project).parts]
            # The sizes take turns, run by run, so that a machine slowing down or speeding up mid-way
            # weighs on both sides of the ratio instead of on whichever size came last.
            loads: dict[int, list[Load]] = {rows: [] for rows in LIST_SIZES}
            for _ in range(runs):
                for rows in LIST_SIZES:
                    if database == "sqlite":
                        seed(file, table, rows)
                    else:
                        seed_postgres(app_env["DATABASE_URL"], table, rows)
                    loads[rows].append(serve_once(procfile["web"], project, app_env, seconds, path)[3])
            for rows in LIST_SIZES:
                prefix = f"{framework} list at {rows:,} rows, {label}"
                group = f"list {framework} {label}"
                report.row(group, f"{prefix}: p50", "ms").samples = [x.p50_ms for x in loads[rows]]
                report.row(group, f"{prefix}: p99", "ms").samples = [x.p99_ms for x in loads[rows]]
                report.row(group, f"{prefix}: req/s", "req/s").samples = [x.rps for x in loads[rows]]
            report.ratio(
                f"{framework} list p50 at 100,000 rows / at 1,000, {label}",
                f"{framework} list at 100,000 rows, {label}: p50",
                f"{framework} list at 1,000 rows, {label}: p50",
                1.5,
            )
        report.ratio(
            f"fastapi list req/s / flask (1,000 rows), {label}",
            f"fastapi list at 1,000 rows, {label}: req/s",
            f"flask list at 1,000 rows, {label}: req/s",
            1.3,
            at_most=False,
        )


#: Connections held open at once on the I/O-bound route, each request waiting 50 ms on the upstream stub.
IO_CONNECTIONS = 256
#: The outbound HTTP client of the I/O-bound route, as the generated FastAPI README recommends it.
AIOHTTP = "aiohttp>=3.13,<4"


def io_bound(report: Report, bins: dict[str, Path], runs: int, env: dict[str, str], seconds: float) -> None:
    """The generated FastAPI app with a route that waits on an upstream (benchmarks/io/): as an ``async def``
    (how the template writes routes) against the previous template's plain ``def`` in the thread pool."""
    project, app_env, _ = prepare(bins, env, "fastapi", "io", "database=none", "auth=no", "task_queue=none")
    shutil.copy(IO / "io_app.py", project / "io_app.py")
    python = project / ".venv" / "bin" / "python"
    # The client the generated README recommends for outbound HTTP; the project itself makes no such call.
    subprocess.run([uv(), "pip", "install", "-q", "--python", str(python), AIOHTTP], check=True)
    port = free_port()
    upstream = subprocess.Popen(
        [str(python), str(IO / "upstream.py"), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 10
        while not port_open(port):
            if time.monotonic() > deadline or upstream.poll() is not None:
                raise RuntimeError("the upstream stub did not start")
            time.sleep(0.05)
        modes = (
            ("async", "generated async def"),
            ("async-httpx2", "async def through httpx2"),
            ("sync", "sync baseline def"),
            ("async-sleep", "async def, 50 ms sleep, no client"),
        )
        for mode, label in modes:
            mode_env = {**app_env, "UPSTREAM_URL": f"http://127.0.0.1:{port}/", "IO_MODE": mode}
            command = "uvicorn io_app:app --host 127.0.0.1 --port $PORT --no-access-log"
            loads = [serve_once(command, project, mode_env, seconds, "/io", IO_CONNECTIONS)[3] for _ in range(runs)]
            prefix = f"fastapi I/O-bound, {IO_CONNECTIONS} connections, {label}"
            report.row("io fastapi", f"{prefix}: req/s", "req/s").samples = [x.rps for x in loads]
            report.row("io fastapi", f"{prefix}: p50", "ms").samples = [x.p50_ms for x in loads]
            report.row("io fastapi", f"{prefix}: p99", "ms").samples = [x.p99_ms for x in loads]
    finally:
        os.killpg(upstream.pid, signal.SIGTERM)
        upstream.wait(timeout=10)
    prefix = f"fastapi I/O-bound, {IO_CONNECTIONS} connections"
    report.ratio(
        "fastapi I/O-bound req/s: async / sync baseline",
        f"{prefix}, generated async def: req/s",
        f"{prefix}, sync baseline def: req/s",
        3.0,
        at_most=False,
    )
    report.ratio(
        "fastapi I/O-bound p99: async / sync baseline",
        f"{prefix}, generated async def: p99",
        f"{prefix}, sync baseline def: p99",
        1.0,
    )


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def new_to_green(report: Report, bins: dict[str, Path], runs: int, env: dict[str, str]) -> None:
    for framework in FRAMEWORKS:
        project = WORK / "green" / f"{framework}_app"
        script = (
            f"rm -rf {project} && {bins['scaffold'] / 'scaffold'} new {project} --no-input --framework {framework}"
            f" && cd {project} && {uv()} venv -q --python {sys.executable} .venv"
            f" && {uv()} pip install -q --python .venv/bin/python -e '.[dev]' && .venv/bin/python -m pytest -q"
        )
        report.row("new to green", f"{framework}: scaffold new -> tests pass", "s").samples = [
            ms / 1000 for ms in time_command(["bash", "-c", script], runs, env)
        ]


# -- output ----------------------------------------------------------------------------------------------


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def markdown(report: Report, meta: dict[str, str]) -> str:
    lines = [
        f"Measured {meta['date']} on {meta['machine']}; load generator: {meta['load']}.",
        "",
        "| group | measurement | median (min-max) | unit |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r.group} | {r.name} | {r.cell()} | {r.unit} |" for r in report.rows]
    lines += ["", "| ratio | value | target | met |", "|---|---|---|---|"]
    lines += [f"| {r.name} | {r.value:.2f}x | {r.target} | {'yes' if r.met else 'NO'} |" for r in report.ratios]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and shorter loads")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--only", default="startup,generate,recommend,serve,lists,io,newtotest")
    args = parser.parse_args()
    runs, serve_runs, seconds = (3, 1, 2.0) if args.quick else (10, 3, 5.0)

    bins = {name: venv_for(name, reqs) for name, reqs in PEERS.items()}
    home = Path(tempfile.mkdtemp(prefix="bench-home-"))
    env = clean_env(home)
    report = Report()
    steps = {
        "startup": lambda: startup(report, bins, runs, env),
        "generate": lambda: generate(report, bins, runs, env),
        "recommend": lambda: recommend(report, bins, runs, env),
        "serve": lambda: serve(report, bins, serve_runs, env, seconds),
        "lists": lambda: lists(report, bins, serve_runs, env, seconds),
        "io": lambda: io_bound(report, bins, serve_runs, env, seconds),
        "newtotest": lambda: new_to_green(report, bins, 1 if args.quick else 3, env),
    }
    for name in args.only.split(","):
        steps[name]()
    shutil.rmtree(home, ignore_errors=True)
    meta = {
        "date": date.today().isoformat(),
        "machine": machine(),
        "load": "wrk -t1 -c16 --latency (-c256 for the I/O-bound rows)"
        if shutil.which("wrk")
        else "bounded Python keep-alive client, a thread per 4 connections",
    }
    if args.json:
        print(
            json.dumps(
                {
                    "meta": meta,
                    "rows": [asdict(r) | {"median": r.median} for r in report.rows],
                    "ratios": [asdict(r) for r in report.ratios],
                },
                indent=2,
            )
        )
    else:
        print(markdown(report, meta))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
