"""Grade a whole class: every submission in a folder, several at once, resumable, into a gradebook for the LMS.

    python tools/grade_class.py SUBMISSIONS_DIR OUT_DIR [--jobs N] [--force] [--device cpu|cuda|all]
        [--due 2026-12-01T23:59:00-08:00] [--canvas ROSTER.csv] [--nbgrader-export FILE.csv] [--similarity [T]]

Each entry of SUBMISSIONS_DIR (a folder or a .zip, named after the student) is graded as `python -m autograder
grade` grades it, in its own sandboxed workers, so nothing one student does reaches another's results. `--jobs`
grader processes run at once (default: one per core; each grades one student at a time with one worker and one
thread, and stays up from one student to the next: autograder/batch.py). They share one reference cache,
OUT_DIR/.reference-cache (autograder/output_cache.py), so each reference output is computed once per class.

OUT_DIR gets, per student, <student>.json (Gradescope's format, the feedback included), <student>.html (the
feedback page) and <student>.done.json (what was graded: the submission's and the grader's digests, the note);
and grades.csv (tools/gradebook.py), rewritten atomically after every student. A rerun skips each student whose
submission and grader are unchanged (`--force` regrades all), so an interrupted run (Ctrl-C, kill -9) loses at
most the submissions in flight. A fault in one submission (a hang, a crash, a broken zip) costs only that
student, and the note column says what happened.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
import gradebook  # noqa: E402

STUDENT_TIMEOUT_S = 3600   # one student's whole grading; a check's own limits stop a hang long before this


def submission_digest(entry: Path) -> str:
    """What the student handed in, as a digest: a zip's bytes, or a folder's file names and contents."""
    h = hashlib.sha256()
    files = [entry] if entry.is_file() else sorted(p for p in entry.rglob("*") if p.is_file())
    for path in files:
        h.update(str(path.relative_to(entry if entry.is_dir() else entry.parent)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def grader_digest() -> str:
    """The grader's version: its code, the references, the course library (a change regrades everyone)."""
    from autograder.output_cache import source_digest
    return source_digest(ROOT / "autograder", ROOT / "solutions", ROOT / "lib")


class Progress:
    """Counts, the students in flight with the assignment each is at, and an estimate of the time left."""

    def __init__(self, total: int, stream=sys.stderr):
        self.total, self.done, self.start, self.stream = total, 0, time.monotonic(), stream
        self.tty, self.at, self.lock = stream.isatty(), {}, threading.Lock()

    def line(self) -> str:
        elapsed = time.monotonic() - self.start
        left = f"{elapsed / self.done * (self.total - self.done) / 60:.1f} min left" if self.done else "..."
        flight = ", ".join(f"{s} ({a})" for s, a in sorted(self.at.items()))
        return f"[{self.done}/{self.total}] {left}" + (f"  grading: {flight}" if flight else "")

    def working(self, student: str, what: str) -> None:
        with self.lock:
            self.at[student] = what
            if self.tty:
                self.stream.write("\r\033[K" + self.line()[:200])
                self.stream.flush()

    def finished(self, student: str, said: str) -> None:
        with self.lock:
            self.done += 1
            self.at.pop(student, None)
            self.stream.write(("\r\033[K" if self.tty else "") + f"{student}: {said}\n")
            if self.tty:
                self.stream.write(self.line()[:200])
            else:
                self.stream.write(self.line() + "\n")
            self.stream.flush()


def _die_with_parent() -> None:
    """In the grader, before exec: killed when the tool is (kill -9 included), never left grading alone."""
    import ctypes
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG


class Grader:
    """One long-lived `python -m autograder.batch` (a grader process, which never runs student code): grades
    the submissions it is sent one after another, each in its own sandboxed workers. One per thread of the
    pool; after a crash or a time-out the next submission gets a fresh one."""

    def __init__(self, out: Path, device: str):
        self.out, self.device, self.process = out, device, None

    def start(self) -> None:
        with open(self.out / "grader.log", "a") as log:   # a fault in the grader itself, for the instructor
            self.process = subprocess.Popen([sys.executable, "-m", "autograder.batch"], cwd=ROOT, text=True,
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                                            start_new_session=True, preexec_fn=_die_with_parent)

    def close(self) -> None:
        process, self.process = self.process, None   # also called by the time-limit timer's thread
        if process is not None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            process.wait()

    def grade(self, entry: Path, progress: Progress) -> dict:
        """Grade one entry; returns the record for <student>.done.json."""
        student, out = entry.stem, self.out
        for suffix in (".json", ".html"):   # never let an earlier run's report stand for this submission
            (out / f"{student}{suffix}").unlink(missing_ok=True)
        argv = ["grade", str(entry), "--device", self.device, "--parallel", "1", "--json", str(out / f"{student}.json"),
                "--html", str(out / f"{student}.html"), "--reference-cache", str(out / ".reference-cache")]
        if self.process is None or self.process.poll() is not None:
            self.start()
        process, start = self.process, time.monotonic()
        timer = threading.Timer(STUDENT_TIMEOUT_S, self.close)
        timer.start()
        answer = None
        try:
            process.stdin.write(json.dumps({"argv": argv}) + "\n")
            process.stdin.flush()
            for line in process.stdout:
                message = json.loads(line)
                if "at" in message:
                    progress.working(student, f"{message['at']} done")
                else:
                    answer = message
                    break
        except (OSError, ValueError):   # the grader died under us (killed at the time limit, or crashed)
            pass
        finally:
            timer.cancel()
        seconds = time.monotonic() - start
        if answer is None:
            self.close()
            returncode, said = -9, ""
        else:
            returncode, said = answer["returncode"], answer["said"]
        note = ""
        if returncode == 2:
            note = said.removeprefix("error: ")
        elif returncode != 0:
            note = (f"grading was stopped after {STUDENT_TIMEOUT_S} s" if seconds >= STUDENT_TIMEOUT_S
                    else f"the grader failed (exit status {returncode}): {said[:200]}")
        elif not (out / f"{student}.json").is_file():
            note = "the grader wrote no results"
        return {"returncode": returncode, "note": note, "seconds": round(seconds, 1)}


def graded_record(out: Path, student: str) -> dict | None:
    """<student>.done.json, or None when the student has not been graded (or the record is damaged)."""
    try:
        return json.loads((out / f"{student}.done.json").read_text())
    except (OSError, ValueError):
        return None


def up_to_date(record: dict | None, out: Path, student: str, stamp: dict) -> bool:
    if record is None:
        return False
    graded = record.get("returncode") == 2 or (out / f"{student}.json").is_file()
    return graded and all(record.get(k) == v for k, v in stamp.items())


class ClassBook:
    """What grades.csv is made of, kept in memory: each student's results are read once, when they are graded
    (or, for those graded by an earlier run, at the start), so rewriting the file after every student costs that
    student alone, not the whole class again."""

    def __init__(self, entries: list[Path], out: Path, assignments: dict, due, nbgrader_export):
        self.out, self.assignments, self.due, self.nbgrader_export = out, assignments, due, nbgrader_export
        self.order = [e.stem for e in entries]
        self.submitted = {e.stem: gradebook.submission_time(e) for e in entries}
        self.results, self.notes = {}, {}
        self.lock = threading.Lock()

    def remember(self, student: str, record: dict) -> None:
        """Take in a graded student: the note of their record and, when there is none, their results."""
        note, result = record.get("note", ""), None
        if not note:
            try:
                result = json.loads((self.out / f"{student}.json").read_text())
            except (OSError, ValueError):
                note = "the grader's results could not be read"
        with self.lock:
            self.results[student], self.notes[student] = result, note

    def write(self) -> list[dict]:
        """Rewrite grades.csv (atomically) from what is known now, students in folder order; returns the rows."""
        with self.lock:
            graded = [s for s in self.order if s in self.notes]
            fields, rows = gradebook.rows({s: self.results[s] for s in graded}, {s: self.notes[s] for s in graded},
                                          self.assignments, self.submitted, self.due)
            if self.nbgrader_export:
                fields += gradebook.merge_nbgrader_export(rows, self.nbgrader_export)
            gradebook.write_csv(self.out / "grades.csv", fields, rows)
        return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("submissions", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="submissions graded at once")
    parser.add_argument("--force", action="store_true", help="regrade everyone, even those up to date")
    parser.add_argument("--device", choices=["cpu", "cuda", "all"], default="all")
    parser.add_argument("--due", type=dt.datetime.fromisoformat, help="the due date (ISO 8601): a late days column")
    parser.add_argument("--canvas", type=Path, metavar="ROSTER", help="Canvas gradebook export: also write canvas.csv")
    parser.add_argument("--nbgrader-export", type=Path, help="nbgrader export CSV: add the written answers")
    parser.add_argument("--similarity", type=float, nargs="?", const=0.8, metavar="THRESHOLD",
                        help="also write similarity.html/.csv: pairs whose code for a component is this alike")
    args = parser.parse_args(argv)
    if args.nbgrader_export:
        try:                                   # unusable before an hour of grading, not after
            gradebook.read_nbgrader_export(args.nbgrader_export)
        except (OSError, ValueError) as error:
            print(f"grade_class: {error}", file=sys.stderr)
            return 2
    if not args.submissions.is_dir():
        print(f"grade_class: {args.submissions} is not a folder of submissions", file=sys.stderr)
        return 2
    from autograder.checks import ASSIGNMENTS

    args.out.mkdir(parents=True, exist_ok=True)
    entries = sorted(p for p in args.submissions.iterdir()
                     if (p.is_dir() or p.suffix == ".zip") and not p.name.startswith("."))
    grader = grader_digest()
    stamps = {e.stem: {"submission": submission_digest(e), "grader": grader} for e in entries}
    records = {e.stem: graded_record(args.out, e.stem) for e in entries}
    todo = [e for e in entries if args.force or not up_to_date(records[e.stem], args.out, e.stem, stamps[e.stem])]
    print(f"{len(entries)} submissions, {len(entries) - len(todo)} up to date, {len(todo)} to grade "
          f"({args.jobs} at once)", flush=True)
    book = ClassBook(entries, args.out, {name: a.components() for name, a in ASSIGNMENTS.items()}, args.due,
                     args.nbgrader_export)
    for student, record in records.items():
        if record is not None:   # graded by an earlier run: kept, or replaced below once regraded
            book.remember(student, record)

    progress = Progress(len(todo))
    graders, own = [], threading.local()

    def grade_one(entry: Path) -> dict:
        if not hasattr(own, "grader"):
            own.grader = Grader(args.out, args.device)
            graders.append(own.grader)
        return own.grader.grade(entry, progress)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(grade_one, e): e for e in todo}
        for future in as_completed(futures):
            student = futures[future].stem
            record = {**stamps[student], **future.result()}
            gradebook.write_atomically(args.out / f"{student}.done.json", json.dumps(record))
            book.remember(student, record)
            book.write()
            said = record["note"] or "graded"
            progress.finished(student, f"{said} ({record['seconds']} s)")
        for grader in graders:   # before the pool's threads end: a grader dies with the thread that started it
            grader.close()
    rows = book.write()
    print(f"wrote {args.out / 'grades.csv'} ({len(rows)} students)")
    if args.canvas:
        names = [n for n in ASSIGNMENTS if any(n in row for row in rows)]
        unknown = gradebook.canvas_export(rows, args.canvas, args.out / "canvas.csv", names)
        print(f"wrote {args.out / 'canvas.csv'}" + (f"; not in the roster: {', '.join(unknown)}" if unknown else ""))
    if args.similarity is not None:
        write_similarity(entries, args.out, {n: a.files for n, a in ASSIGNMENTS.items()}, args.similarity)
    return 0


def write_similarity(entries: list[Path], out: Path, files: dict, threshold: float) -> None:
    """Find each student's assignment folders as the grader does (zips unpacked, never run), then compare."""
    import similarity
    from autograder.submission import UnusableSubmission, locate

    with tempfile.TemporaryDirectory() as scratch:
        roots = {}
        for entry in entries:
            work = Path(scratch) / entry.stem
            work.mkdir()
            try:
                roots[entry.stem], _ = locate(str(entry), {n: list(f) for n, f in files.items()}, work)
            except UnusableSubmission:
                continue
        pairs = similarity.similar_pairs(roots, files, ROOT / "assignments", threshold)
        similarity.write_report(pairs, out)
    print(f"wrote {out / 'similarity.html'} ({len(pairs)} pairs at {threshold:.0%} or more alike)")


if __name__ == "__main__":
    sys.exit(main())
