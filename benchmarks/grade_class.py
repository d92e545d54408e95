"""How long grading a class takes: N varied whole a1-a5 submissions through tools/grade_class.py, then the rerun.

    python benchmarks/grade_class.py [--students 100] [--jobs N] [--keep DIR]

The class is made from the examples and the mistake corpus, seeded: most students hand in the correct files
with zero to three typical mistakes applied (autograder/corpus.py), some leave an assignment as the stubs,
some hand in examples/broken's assignments (a syntax error, a hang, a crash, a missing file), and a few send a
broken zip. It prints the wall time, submissions per minute and the peak memory of the whole process tree
(the tool, its graders and their sandboxed workers), then reruns to show that up-to-date students cost almost
nothing, and ends with one line:

    RESULT students=100 seconds=512.3 rerun_seconds=3.1 peak_rss_mb=2300

Target (issue 13), on a 2-core machine: 100 submissions in 10 minutes or less, the rerun in 10 s or less.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
from autograder.corpus import CorpusError, read_header, source_with  # noqa: E402
from autograder.runner import tree_rss_bytes  # noqa: E402
from make_examples import without_markers  # noqa: E402

GRADED = ["a1_initialization", "a2_optimizers", "a3_schedules", "a4_normalization", "a5_regularization"]
EXAMPLES, STUBS = ROOT / "examples", ROOT / "assignments"
MISTAKES, SOLUTIONS = ROOT / "autograder" / "mistakes", ROOT / "solutions"


def with_mistakes(assignment: str, folder: Path, rng: random.Random, count: int) -> None:
    """Apply `count` corpus mistakes (each a change or a drop-in) to the reference files in `folder`."""
    sources = {p.name: p.read_text() for p in (SOLUTIONS / assignment).glob("*.py")}
    for path in rng.sample(sorted((MISTAKES / assignment).glob("[!_]*.py")), count):
        file = read_header(path)["FILE"]
        try:
            sources[file] = source_with(sources[file], path)
        except CorpusError:
            continue   # two mistakes in the same lines: keep the first
    for file in (folder / assignment).glob("*.py"):
        if file.name in sources:
            file.write_text(without_markers(sources[file.name]))


def make_student(folder: Path, rng: random.Random) -> Path:
    """One student's whole a1-a5 hand-in, in `folder` (a folder, or a zip beside it)."""
    kind = rng.choices(["mistakes", "correct", "stub", "broken", "bad zip"], [60, 20, 10, 6, 4])[0]
    for assignment in GRADED:
        shutil.copytree(EXAMPLES / "correct" / assignment, folder / assignment)
        if kind == "mistakes":
            with_mistakes(assignment, folder, rng, rng.randint(0, 3))
    if kind == "stub":
        name = rng.choice(GRADED)
        shutil.rmtree(folder / name)
        shutil.copytree(STUBS / name, folder / name)
    if kind == "broken":
        name = rng.choice(GRADED)
        shutil.rmtree(folder / name)
        if (EXAMPLES / "broken" / name).is_dir():
            shutil.copytree(EXAMPLES / "broken" / name, folder / name)
    if kind == "bad zip":
        shutil.rmtree(folder)
        folder.with_suffix(".zip").write_bytes(b"PK\x03\x04 not really a zip")
        return folder.with_suffix(".zip")
    if rng.random() < 0.3:   # some hand in the zip `autograder pack` makes
        with zipfile.ZipFile(folder.with_suffix(".zip"), "w") as z:
            for path in sorted(folder.rglob("*.py")):
                z.write(path, path.relative_to(folder).as_posix())
        shutil.rmtree(folder)
        return folder.with_suffix(".zip")
    return folder


def timed_run(command: list[str]) -> tuple[float, int]:
    """(wall seconds, peak resident memory of the whole process tree in bytes)."""
    peak, start = [0], time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT)
    stop = threading.Event()

    def watch():
        while not stop.wait(0.5):
            peak[0] = max(peak[0], tree_rss_bytes(process.pid))

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    if process.wait() != 0:
        sys.exit(f"grade_class failed with exit status {process.returncode}")
    stop.set()
    return time.monotonic() - start, peak[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="make the class and the results here (kept afterwards)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="class-"))
    submissions, out = work / "submissions", work / "out"
    shutil.rmtree(work, ignore_errors=True)
    submissions.mkdir(parents=True)
    rng = random.Random(13)
    for i in range(args.students):
        student = submissions / f"student{i:03d}"
        student.mkdir()
        make_student(student, rng)
    command = [sys.executable, "tools/grade_class.py", str(submissions), str(out), "--device", "cpu",
               "--jobs", str(args.jobs)]
    print(f"grading {args.students} whole a1-a5 submissions, {args.jobs} at once ({os.cpu_count()} cores)")
    seconds, peak = timed_run(command)
    rerun, rerun_peak = timed_run(command)
    print(f"\nfirst run: {seconds:.1f} s ({args.students / seconds * 60:.1f} submissions per minute), "
          f"peak memory {peak / 2**20:.0f} MiB; rerun (all up to date): {rerun:.1f} s")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    print(f"RESULT students={args.students} seconds={seconds:.1f} rerun_seconds={rerun:.1f} "
          f"peak_rss_mb={max(peak, rerun_peak) / 2**20:.0f}")


if __name__ == "__main__":
    main()
