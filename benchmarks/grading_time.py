"""How long grading takes: each assignment alone, then a whole submission, on the CPU.

    python benchmarks/grading_time.py [SUBMISSION] [--repeat N]

Runs the real command line (`python -m autograder grade`) as a student or instructor would, so the figures
include starting Python, the sandboxed workers and importing torch in each. Prints one line per run and the
best of N. Target (issue 3): a whole five-assignment submission in 20 s or less on a 2-core machine.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "autograder", "grade", *args, "--device", "cpu"], cwd=ROOT,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"grading failed: {done.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("submission", nargs="?", default=str(ROOT / "examples" / "correct"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from autograder.checks import ASSIGNMENTS

    print(f"submission: {args.submission}   cores: {os.cpu_count()}   best of {args.repeat}")
    for name in ASSIGNMENTS:
        runs = [timed([args.submission, "--assignment", name]) for _ in range(args.repeat)]
        print(f"  {name:<22} {min(runs):6.1f} s   (runs: {', '.join(f'{r:.1f}' for r in runs)})")
    runs = [timed([args.submission]) for _ in range(args.repeat)]
    print(f"  {'whole submission':<22} {min(runs):6.1f} s   (runs: {', '.join(f'{r:.1f}' for r in runs)})")


if __name__ == "__main__":
    main()
