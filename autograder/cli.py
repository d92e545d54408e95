"""The grader's command line (fixed by SPEC):

    python -m autograder grade SUBMISSION [--assignment NAME ...] [--device cpu|cuda|all] [--json PATH]
                               [--html PATH] [--hidden-visibility WHEN]

and, for students, `python -m autograder pack NAME|all [--from FOLDER] [--out PATH]`: the zip they hand in
(pack.py). Exit status 0 whenever grading finished, whatever the score; 2 with a one-line message when the input
is unusable (with --json, a results.json that says why is written too). Student code never runs in this process:
see grade.py and sandbox.py.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path


class Progress:
    """A one-line progress display on a terminal; a line per finished assignment otherwise."""

    def __init__(self, totals: dict[str, int], stream=None):
        self.totals, self.done, self.stream = totals, {a: 0 for a in totals}, stream or sys.stderr
        self.tty = self.stream.isatty()

    def __call__(self, assignment: str, n: int) -> None:
        self.done[assignment] += n
        if self.tty:
            parts = [f"{a} {self.done[a]}/{self.totals[a]}" for a in self.totals]
            self.stream.write("\rgrading: " + "  ".join(parts) + " ")
            self.stream.flush()
        elif self.done[assignment] == self.totals[assignment]:
            self.stream.write(f"graded {assignment} ({self.totals[assignment]} checks)\n")

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder", description="Grade course submissions.")
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("grade", help="grade one submission")
    g.add_argument("submission", help="a folder like assignments/, one assignment folder, or a .zip of either")
    g.add_argument("--assignment", action="extend", nargs="+", metavar="NAME",
                   help="grade only these assignments (--assignment a1_initialization a2_optimizers, or repeated)")
    g.add_argument("--device", choices=["cpu", "cuda", "all"], default="all",
                   help="cpu: CPU only; cuda: also CUDA (an error if absent); all: CUDA where present (default)")
    g.add_argument("--json", metavar="PATH", help="also write Gradescope's results.json here")
    g.add_argument("--html", metavar="PATH", help="also write the feedback as one self-contained web page here")
    g.add_argument("--hidden-visibility", choices=["hidden", "after_due_date", "after_published", "visible"],
                   default="after_published", help="when Gradescope shows students the checks that are not public "
                   "(default after_published; the public checks and the total are visible at once)")
    g.add_argument("--parallel", type=int, default=2, help="assignments graded at once (default 2)")
    g.add_argument("--reference-cache", metavar="DIR", help="keep reference outputs here across runs (grading a "
                   "class: each is computed once; output_cache.py)")
    g.add_argument("--show-passed", action="store_true", help="list passed checks in the feedback too")
    from . import pack
    pack.add_arguments(sub.add_parser("pack", help="build the zip a student hands in (pack.py)"))
    args = parser.parse_args(argv)
    if args.command == "pack":
        from .checks import ASSIGNMENTS
        return pack.run(args, pack.manifest_from(ASSIGNMENTS))

    import torch

    from . import sandbox
    from .checks import ASSIGNMENTS
    from .grade import grade
    from .gradescope import gradescope, unusable, write_json
    from .report import feedback_text, table
    from .submission import UnusableSubmission, locate

    torch.set_num_threads(1)
    from . import references
    references.use_disk_cache(Path(args.reference_cache) if args.reference_cache else None)
    unknown = [a for a in args.assignment or [] if a not in ASSIGNMENTS]
    if unknown:
        print(f"error: unknown assignment {unknown[0]} (known: {', '.join(ASSIGNMENTS)})", file=sys.stderr)
        return 2
    if args.device == "cuda" and not torch.cuda.is_available():
        print("error: --device cuda asked for, but no CUDA device is available", file=sys.stderr)
        return 2
    cuda = args.device != "cpu" and torch.cuda.is_available()

    start = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="grader-"))
    os.chmod(workdir, 0o755)
    try:
        try:
            root, found = locate(args.submission, {n: list(a.files) for n, a in ASSIGNMENTS.items()}, workdir)
        except UnusableSubmission as exc:
            print(f"error: {exc}", file=sys.stderr)
            if args.json:  # on Gradescope a missing results.json reads "autograder failed": say why instead
                write_json(args.json, unusable(str(exc), f"Submission: {args.submission}"))
            return 2
        names = args.assignment or found
        assignments = [ASSIGNMENTS[n] for n in ASSIGNMENTS if n in names]
        level = sandbox.isolation_level()
        devices = "cpu, cuda" if cuda else "cpu (cuda checks skipped: " + (
            "no CUDA device)" if args.device == "all" else "--device cpu)")
        header = f"Submission: {args.submission}\nIsolation: {sandbox.describe(level)}\nDevices: {devices}"
        print(header, flush=True)
        progress = Progress({a.name: len(a.checks) for a in assignments})
        results = grade(root, assignments, cuda, parallel=args.parallel, progress=progress)
        progress.finish()
        elapsed = time.monotonic() - start
        print()
        print(table(results))
        print()
        print(feedback_text(results, args.show_passed))
        print(f"\nGraded in {elapsed:.1f} s.")
        if args.json:
            write_json(args.json, gradescope(results, elapsed, header, args.hidden_visibility))
        if args.html:
            from .html_report import write_html
            write_html(args.html, results, header, elapsed)
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
