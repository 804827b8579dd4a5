"""The resident memory each layer of a generated web worker adds, in the order the worker loads them.

Run with the generated project's interpreter, in its folder and production environment:

    python footprint.py server=gunicorn.app.wsgiapp framework=flask orm=sqlalchemy.orm app=my_app.wsgi

Each argument is LAYER=MODULE, or LAYER=MODULE:FACTORY to call the module's app factory too. Prints one
JSON object: the interpreter's own MiB, then the MiB each layer added. benchmarks/run.py reads it, to show
which part of a worker's memory the project's own choices account for.
"""

import importlib
import json
import sys


def rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main(layers: list[str]) -> None:
    before = rss_mib()
    added = {"interpreter": round(before, 1)}
    for argument in layers:
        layer, _, target = argument.partition("=")
        module, _, factory = target.partition(":")
        loaded = importlib.import_module(module)
        if factory:
            getattr(loaded, factory)()
        now = rss_mib()
        added[layer] = round(now - before, 1)
        before = now
    print(json.dumps(added))


if __name__ == "__main__":
    main(sys.argv[1:])
