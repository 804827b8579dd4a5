"""Figures from the client checks, one JSON line each, for the closing note and the CI budget."""

from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[1] / ".artifacts"
LOG = ARTIFACTS / "clients.jsonl"


def record(kind: str, label: str, **figures: int | float | str) -> None:
    """Append one line to ``tests/.artifacts/clients.jsonl``; a lock keeps xdist workers' lines whole."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    line = json.dumps(
        {"kind": kind, "label": label, **figures, "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
        sort_keys=True,
    )
    with open(LOG, "a", encoding="utf-8") as log:
        fcntl.flock(log, fcntl.LOCK_EX)
        try:
            log.write(line + "\n")
            log.flush()
            os.fsync(log.fileno())
        finally:
            fcntl.flock(log, fcntl.LOCK_UN)
