"""Grade made-up submissions from the tests: the real grader, real sandboxed workers, in a temp folder."""
from __future__ import annotations

import concurrent.futures
import shutil
import tempfile
from pathlib import Path

import torch

from autograder.checks import ASSIGNMENTS
from autograder.grade import AssignmentGrader
from autograder.runner import Worker
from autograder.corpus import read_header, source_with

from support import ROOT, SOLUTIONS

CUDA = torch.cuda.is_available()  # on a GPU machine the same tests also run every CUDA variant


def make_submission(files: dict[str, str], root: Path | None = None) -> Path:
    """files: {"a2_optimizers/optimizers.py": source, ...} -> a submission folder laid out like assignments/."""
    root = Path(root or tempfile.mkdtemp(prefix="submission-"))
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o755)
    for rel, source in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(source)
    return root


def reference_files(assignment: str) -> dict[str, str]:
    """The reference files of `assignment`, and of the earlier assignments it imports (a6 runs on a1-a5)."""
    return {f"{name}/{f}": (SOLUTIONS / name / f).read_text()
            for name in [*ASSIGNMENTS[assignment].uses, assignment] for f in ASSIGNMENTS[name].files}


def with_dropins(assignment: str, dropins: list[Path]) -> dict[str, str]:
    """The reference files with each corpus module applied to the file it belongs to (autograder/corpus.py)."""
    files = reference_files(assignment)
    for path in dropins:
        key = f"{assignment}/{read_header(path)['FILE']}"
        files[key] = source_with(files[key], path)
    return files


def grade_files(assignment: str, files: dict[str, str], components=None, quick=False, **options):
    root = make_submission(files)
    try:
        return AssignmentGrader(ASSIGNMENTS[assignment], root, cuda=CUDA, components=components, quick=quick,
                                **options).run()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def scores(results) -> dict[str, tuple[float, float]]:
    """component -> (score, max score)."""
    out = {}
    for r in results:
        s, m = out.get(r.component, (0.0, 0.0))
        out[r.component] = (s + r.score, m + r.max_score)
    return out


def grade_many(jobs, parallel: int = 2, isolated: bool = False):
    """grade_files(*job) for each job (assignment, files, components, quick), results in job order.

    The corpus is the project's own trusted code, so by default each of `parallel` workers grades its share of
    the jobs one after another (the worker forgets one submission's modules before importing the next; it is
    replaced only after a time-out or a crash), which saves starting Python and torch for every job.
    `isolated=True` gives every job its own worker, as the grader gives every student's submission."""
    if isolated:
        with concurrent.futures.ThreadPoolExecutor(max_workers=parallel) as pool:
            return list(pool.map(lambda job: grade_files(*job), jobs))
    lanes = [list(range(len(jobs)))[i::parallel] for i in range(parallel)]
    results = [None] * len(jobs)

    def grade_lane(indices):
        root = Path(tempfile.mkdtemp(prefix="submissions-"))
        root.chmod(0o755)
        for i in indices:
            make_submission(jobs[i][1], root / f"s{i}")
        worker = Worker(root, use_cuda=CUDA)
        try:
            for i in indices:
                assignment, _, components, quick = jobs[i]
                results[i] = AssignmentGrader(ASSIGNMENTS[assignment], root / f"s{i}", cuda=CUDA,
                                              components=components, quick=quick, worker=worker).run()
        finally:
            worker.close()
            shutil.rmtree(root, ignore_errors=True)

    with concurrent.futures.ThreadPoolExecutor(max_workers=parallel) as pool:
        list(pool.map(grade_lane, [lane for lane in lanes if lane]))
    return results


def corpus(kind: str, assignment: str) -> list[Path]:
    folder = ROOT / ("autograder/mistakes" if kind == "mistakes" else "tests/alternatives") / assignment
    return sorted(p for p in folder.glob("*.py") if p.name != "__init__.py")
