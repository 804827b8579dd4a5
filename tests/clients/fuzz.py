"""schemathesis against a running server's OpenAPI document: no 5xx, and every answer is the one documented.

Checks, and why each is in or out:

- ``not_a_server_error``: a 5xx is a bug whatever the input (issue 11 item 3).
- ``status_code_conformance``: every status the API can answer is in its schema, so clients can rely on it.
- ``content_type_conformance``: the Content-Type is the documented one (JSON errors, not an HTML debug page).
- ``response_headers_conformance``: documented headers (``X-Pagination``, ``Allow``) are present and typed.
- ``response_schema_conformance``: every body matches its documented schema.
- ``ignored_auth``: an operation that declares security must refuse a request without, or with invalid,
  credentials. schemathesis removes the credentials we pass only where the schema declares them, so this
  also proves the schema's security schemes match what the app checks.
- ``allow_header_conformance`` and ``unsupported_method``: a method the schema does not list answers 405 with
  an ``Allow`` header naming the documented methods (item 3's 405s).
- ``missing_required_header``: leaving out a required header is a 4xx, not a 5xx or a success.
- Out: ``negative_data_rejection`` (a 4xx for every schema-violating input). Tried on all three templates:
  its only findings were DRF's documented lax parsing (``{"title": 0}`` stored as ``"0"``), which harms no
  client. Invalid input is still generated (mode ``all``), so it may never cause a 5xx, and the status it
  gets must be documented. ``positive_data_acceptance``: valid data may be refused for business reasons (a
  taken user name). ``use_after_free``, ``ensure_resource_availability``, ``object_level_authorization``:
  they need the stateful phase and a second identity; the frameworks' own checks run those flows explicitly.

Phases: examples, coverage (boundary values such as 2**31 and ``\\x00``, which found item 3's 500s) and
fuzzing, each bounded by ``max_examples`` per operation; stateful is out (its length depends on the links).
The run is bounded by the process timeout ``seconds`` too, and it runs in a temporary directory so that no
``.hypothesis`` folder or report lands in the repository. Requests carry ``X-Forwarded-Proto: https``, as
every request through our "proxy" does, so a production server answers instead of redirecting; redirects
are not followed (an undocumented redirect is a failure).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from tests.clients.record import ARTIFACTS, record
from tests.clients.server import Server
from tests.harness import CheckFailed

CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "ignored_auth",
    "allow_header_conformance",
    "unsupported_method",
    "missing_required_header",
)
PHASES = "examples,coverage,fuzzing"
SEED = 11


def schemathesis() -> str:
    found = Path(sys.executable).parent / "schemathesis"
    return str(found) if found.exists() else shutil.which("schemathesis") or "schemathesis"


def fuzz(
    server: Server,
    schema_path: str,
    *,
    label: str,
    headers: Mapping[str, str] | None = None,
    max_examples: int = 25,
    seconds: float = 120,
) -> int:
    """Run schemathesis; CheckFailed with its report on any failure; the number of test cases run."""
    sent = {"X-Forwarded-Proto": "https", **(headers or {})}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="scaffold-fuzz-") as folder:
        report = Path(folder) / "report.json"
        command = [
            schemathesis(),
            "run",
            f"{server.url}{schema_path}",
            "--url",
            server.url,
            "--checks",
            ",".join(CHECKS),
            "--phases",
            PHASES,
            "--max-examples",
            str(max_examples),
            "--seed",
            str(SEED),
            "--workers",
            "1",
            "--max-redirects",
            "0",
            "--request-timeout",
            "10",
            "--continue-on-failure",
            "--generation-database",
            "none",
            "--no-color",
            "--report",
            "json",
            "--report-json-path",
            str(report),
        ]
        for name, value in sent.items():
            command += ["-H", f"{name}: {value}"]
        try:
            proc = subprocess.run(
                command, cwd=folder, capture_output=True, text=True, timeout=seconds, stdin=subprocess.DEVNULL
            )
        except subprocess.TimeoutExpired as err:
            output = (err.stdout or b"").decode() if isinstance(err.stdout, bytes) else err.stdout or ""
            raise CheckFailed(
                f"[fuzz {label}] schemathesis did not finish in {seconds:.0f}s; lower max_examples. Its output:\n"
                f"{output[-6000:]}"
            ) from None
        summary = json.loads(report.read_text()) if report.is_file() else {}
    cases = int(summary.get("test_cases", {}).get("generated", 0))
    failures = summary.get("failures", [])
    server_errors = sum(f["count"] for f in failures if "server error" in f.get("title", "").lower())
    record(
        "fuzz",
        label,
        cases=cases,
        failures=len(failures),
        server_errors=server_errors,
        seconds=round(time.monotonic() - started, 1),
    )
    unauthenticated = (summary.get("warnings") or {}).get("missing_auth") or []
    if proc.returncode != 0 or not cases or unauthenticated:
        why = f"schemathesis exited {proc.returncode} after {cases} test cases"
        if unauthenticated:
            why = f"every answer of {', '.join(unauthenticated)} was 401/403: the credentials given do not work; {why}"
        output = proc.stdout + proc.stderr
        kept = ARTIFACTS / f"fuzz-{re.sub(r'[^A-Za-z0-9_.-]+', '_', label)}.txt"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        kept.write_text(output, encoding="utf-8")
        # Generated payloads can be megabytes on one line; the verdicts are what the message needs.
        digest = "\n".join(
            line if len(line) <= 300 else f"{line[:300]}... ({len(line)} chars)" for line in output.splitlines()
        )
        raise CheckFailed(f"[fuzz {label}] {why}. Full report in {kept}; its end:\n{digest[-8000:]}")
    return cases
