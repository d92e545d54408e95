"""What the watch over what runs (worker/trace.py) costs a whole grading: examples/correct with it and without.

    python benchmarks/trace_grading.py [--rounds N]

Grades a copy of examples/correct as `python -m autograder grade` does (every assignment, two lanes), once to
warm the reference cache, then N rounds of traced and untraced gradings in turn, so that a busy machine slows
both alike. Prints each grading, the best of each kind and the ratio of the medians; ends with one RESULT
line (issue 14's target: at most 1.15). The watch's cost is mostly per Python call (cProfile) and per ATen
operator (the dispatch mode, on public checks only), so the ratio is higher on an idle machine, where the
fixed costs of a grading (starting workers, importing torch) shrink and the watched work does not.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from autograder.checks import ASSIGNMENTS  # noqa: E402
from autograder.grade import grade  # noqa: E402


def timed(submission: Path, trace: bool) -> float:
    start = time.monotonic()
    results = grade(submission, list(ASSIGNMENTS.values()), cuda=False, trace=trace)
    seconds = time.monotonic() - start
    lost = [f"{r.assignment}/{r.component}" for r in results if not r.passed]
    if lost:
        raise SystemExit(f"examples/correct lost points ({'traced' if trace else 'untraced'}): {lost[:5]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        submission = Path(tmp) / "correct"
        shutil.copytree(ROOT / "examples" / "correct", submission)
        timed(submission, trace=True)   # the reference cache, torch's lazy imports
        seconds = {True: [], False: []}
        for round_ in range(args.rounds):
            for trace in (False, True):
                seconds[trace].append(timed(submission, trace))
                print(f"round {round_ + 1}: {'traced  ' if trace else 'untraced'} {seconds[trace][-1]:6.1f} s")
    traced, plain = min(seconds[True]), min(seconds[False])
    median_ratio = statistics.median(seconds[True]) / statistics.median(seconds[False])
    print(f"best: traced {traced:.1f} s, untraced {plain:.1f} s, {traced / plain:.2f}x (medians: {median_ratio:.2f}x)")
    print(f"RESULT traced_s={traced:.1f} untraced_s={plain:.1f} ratio={traced / plain:.2f} "
          f"median_ratio={median_ratio:.2f}")


if __name__ == "__main__":
    main()
