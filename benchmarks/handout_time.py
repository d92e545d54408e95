"""How long each handout takes to run top to bottom on the reference solutions, on the CPU, one at a time.

    python benchmarks/handout_time.py [a1_initialization ...]

A student runs a handout in one sitting: it should finish within 2 minutes (a6, which trains about 35 short
runs, within 3) on a 2-core machine. Prints one line per handout and ends with
`RESULT <assignment>=<seconds> ... total=<seconds>`.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import nbclient
import nbformat

SOLUTIONS = Path(__file__).resolve().parent.parent / "solutions"
TARGET_S = {"a6_pipeline": 180}   # seconds; every other handout 120
TARGET_DEFAULT_S = 120


def run(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    nbclient.NotebookClient(nb, timeout=900, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("assignments", nargs="*", help="default: every handout")
    args = parser.parse_args()
    paths = sorted(SOLUTIONS.glob("*/handout.ipynb"))
    if args.assignments:
        paths = [p for p in paths if p.parent.name in args.assignments]
    os.environ.setdefault("TRAINKIT_CACHE", tempfile.mkdtemp(prefix="trainkit-cache-"))
    figures = {}
    for path in paths:
        name = path.parent.name
        figures[name] = run(path)
        target = TARGET_S.get(name, TARGET_DEFAULT_S)
        verdict = "within" if figures[name] <= target else "OVER"
        print(f"{name:20s} {figures[name]:6.1f} s   ({verdict} its {target} s target)", flush=True)
    print("RESULT " + " ".join(f"{name}={s:.1f}" for name, s in figures.items())
          + f" total={sum(figures.values()):.1f}")


if __name__ == "__main__":
    main()
