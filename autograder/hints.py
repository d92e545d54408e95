"""The mistake corpus as a source of hints.

Each module in autograder/mistakes/<assignment>/ is one realistic wrong implementation of one component (see
CONTRIBUTING.md). When a student's output is wrong, the grader runs the same probe on each known mistake for
that component, on the same inputs; if the student's output matches a mistake's, the feedback gives that
mistake's HINT, which names the likely slip without showing the solution.
"""
from __future__ import annotations

import copy
import functools
import threading
from pathlib import Path

from . import feedback, references
from .check import Check, Variant
from .corpus import read_header, source_with

MISTAKES = Path(__file__).resolve().parent / "mistakes"
_lock = threading.Lock()


@functools.cache
def corpus(assignment: str) -> list[tuple[Path, dict]]:
    folder = MISTAKES / assignment
    return [(p, read_header(p)) for p in sorted(folder.glob("*.py")) if p.name != "__init__.py"]


@functools.cache
def build(assignment: str, filename: str, mistake_path: Path):
    """The reference file with one component replaced by the mistake (what the corpus tests submit, too)."""
    source = source_with((references.SOLUTIONS / assignment / filename).read_text(), mistake_path)
    return references.load_source(source, f"mistake_{mistake_path.stem}", references.SOLUTIONS / assignment)


def _run_mistake(assignment: str, filename: str, path: Path, check: Check, variant: Variant, inputs: dict):
    with _lock:
        module = build(assignment, filename, path)
    # a copy each: a mistake that writes into its inputs must not change them for the next one
    return references.run_probe(module, check, variant, copy.deepcopy(inputs))


def matching_hint(assignment: str, check: Check, filename: str, inputs: dict, got, dtype: str) -> str | None:
    for path, header in corpus(assignment):
        if header.get("COMPONENT") != check.component or not header.get("HINT"):
            continue
        try:
            variant = Variant("cpu", dtype)
            code = references.source_digest(references.SOLUTIONS, path)   # the reference with this mistake
            expected = references.stored(code, check, variant, inputs, lambda: _run_mistake(
                assignment, filename, path, check, variant, inputs))
        except Exception:
            continue  # a mistake that cannot run on these inputs says nothing about them
        try:
            same = check.same_mistake(expected, got) if check.same_mistake is not None else \
                (check.compare or feedback.compare_outputs)(expected, got, dtype) is None
        except Exception:
            continue  # a mistake whose output cannot be compared with the student's is not theirs
        if same:
            return header["HINT"]
    return None
