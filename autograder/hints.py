"""The mistake corpus as a source of hints.

Each module in autograder/mistakes/<assignment>/ is one realistic wrong implementation of one component (see
CONTRIBUTING.md). When a student's output is wrong, the grader runs the same probe on each known mistake for
that component, on the same inputs; if the student's output matches a mistake's, the feedback gives that
mistake's HINT, which names the likely slip without showing the solution.
"""
from __future__ import annotations

import ast
import functools
import threading
from pathlib import Path

from . import feedback, references
from .check import Check, Variant

MISTAKES = Path(__file__).resolve().parent / "mistakes"
_lock = threading.Lock()


def read_header(path: Path) -> dict:
    """COMPONENT, FILE and HINT of a corpus module, read without running it."""
    values = {}
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and isinstance(node.value, ast.Constant):
            values[node.targets[0].id] = node.value.value
    return values


@functools.cache
def corpus(assignment: str) -> list[tuple[Path, dict]]:
    folder = MISTAKES / assignment
    return [(p, read_header(p)) for p in sorted(folder.glob("*.py")) if p.name != "__init__.py"]


@functools.cache
def build(assignment: str, filename: str, mistake_path: Path):
    """The reference file with one component replaced by the mistake (what the corpus tests submit, too)."""
    source = (references.SOLUTIONS / assignment / filename).read_text() + "\n\n" + mistake_path.read_text()
    return references.load_source(source, f"mistake_{mistake_path.stem}", references.SOLUTIONS / assignment)


def matching_hint(assignment: str, check: Check, filename: str, inputs: dict, got, dtype: str) -> str | None:
    for path, header in corpus(assignment):
        if header.get("COMPONENT") != check.component or not header.get("HINT"):
            continue
        try:
            with _lock:
                module = build(assignment, filename, path)
            expected = references.run_probe(module, check, Variant("cpu", dtype), inputs)
        except Exception:
            continue  # a mistake that cannot run on these inputs says nothing about them
        if (check.compare or feedback.compare_outputs)(expected, got, dtype) is None:
            return header["HINT"]
    return None
