"""Grade many submissions in one grader process, one after another (tools/grade_class.py runs one per core).

    python -m autograder.batch
    stdin, one JSON line per submission: {"argv": ["grade", SUBMISSION, "--json", PATH, ...]}
    stdout, JSON lines: {"at": "a2_optimizers"} as each assignment is graded, then {"returncode": 0, "said": LINE}

Each submission is graded by cli.main with the arguments given, exactly as `python -m autograder grade` grades
it: in its own sandboxed workers, into its own results files. What a long-lived process saves is starting Python
and importing torch and the grader for every student (about 2 s each), and it keeps the reference outputs in
memory from one student to the next. Student code never runs here, so nothing one student sends can reach
another's grade but through the strictly decoded values of their own checks. `said` is the last line the grader
wrote to stderr (for an unusable submission, why). A fault in the grader itself is answered with returncode 1
and the error, and the next submission is graded as usual.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import traceback

from . import cli


class Lines(io.TextIOBase):
    """stderr while one submission is graded: reports each assignment graded and keeps the last line."""

    def __init__(self, reply):
        self.reply, self.pending, self.last = reply, "", ""

    def write(self, text: str) -> int:
        self.pending += text
        *lines, self.pending = self.pending.replace("\r", "\n").split("\n")
        for line in filter(None, (ln.strip() for ln in lines)):
            self.last = line
            if line.startswith("graded "):   # cli.Progress: "graded a2_optimizers (74 checks)"
                self.reply({"at": line.removeprefix("graded ").split(" (")[0]})
        return len(text)


def main() -> int:
    replies = sys.stdout

    def reply(message: dict) -> None:
        replies.write(json.dumps(message) + "\n")
        replies.flush()

    for line in sys.stdin:
        if not line.strip():
            continue
        argv = json.loads(line)["argv"]
        lines = Lines(reply)
        with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(lines):
            try:
                returncode = cli.main(argv)
            except SystemExit as exit_:   # argparse refusing the arguments
                returncode = exit_.code if isinstance(exit_.code, int) else 2
            except Exception as exc:  # noqa: BLE001 - a grader fault costs this submission, not the next ones
                traceback.print_exc(file=sys.__stderr__)
                returncode, lines.last = 1, f"{type(exc).__name__}: {exc}"
        lines.write("\n")
        reply({"returncode": returncode, "said": lines.last})
    return 0


if __name__ == "__main__":
    sys.exit(main())
