"""The mistake corpus and the correct alternatives: reading a module's header, and building the file it makes.

A corpus module names the component it varies and the file it belongs to, and is one of two kinds:

  a change    ``CHANGES = [(old, new), ...]``: the reference file with each ``old`` replaced by ``new`` inside
              the component's own definition (its ``def`` or ``class``, decorators included; ``SCOPE = "name"``
              or ``SCOPE = ["name", ...]`` names the top-level definitions instead, such as a helper the
              component runs). Each ``old`` must occur exactly once there, so a change says in three
              lines what the slip is and stays one slip away from the reference by construction. Every
              mistake is a change unless it cannot be.
  a drop-in   a whole definition of the component (and its helpers), appended to the reference file so that
              it replaces exactly that one name. Every alternative is one; a mistake is one only when its
              slip is a different structure rather than an edit, and says why in ``DROP_IN = "..."``.

``source_with`` builds the file either way; hints.py, tools/make_examples.py and the tests all use it.
"""
from __future__ import annotations

import ast
from pathlib import Path

from .parse import parse


class CorpusError(ValueError):
    """A corpus module that cannot be applied to its reference (an `old` missing or ambiguous)."""


def read_header(path: Path) -> dict:
    """The module-level literals of a corpus module (COMPONENT, FILE, HINT, CHANGES...), read without running it."""
    values = {}
    for node in parse(Path(path).read_text()).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                values[node.targets[0].id] = ast.literal_eval(node.value)
            except (ValueError, TypeError):
                pass  # not a literal: a definition, not part of the header
    return values


def is_change(path: Path) -> bool:
    return "CHANGES" in read_header(path)


def definition_lines(source: str, name: str) -> tuple[int, int]:
    """(first, last) 0-based line numbers of the top-level def or class `name` in `source`, decorators included."""
    for node in parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            first = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
            return first, node.end_lineno - 1
    raise CorpusError(f"the reference file defines no top-level {name}")


def source_with(reference_source: str, path: Path) -> str:
    """The reference file's source with the corpus module at `path` applied (see the module docstring)."""
    header = read_header(path)
    if "CHANGES" not in header:
        return reference_source + "\n\n" + Path(path).read_text()
    scope = header.get("SCOPE", header["COMPONENT"])
    names = [scope] if isinstance(scope, str) else list(scope)
    lines = reference_source.splitlines(keepends=True)
    spans = sorted(definition_lines(reference_source, name) for name in names)
    bodies = ["".join(lines[first:last + 1]) for first, last in spans]
    for old, new in header["CHANGES"]:
        found = sum(body.count(old) for body in bodies)
        if found != 1:
            raise CorpusError(f"{Path(path).name}: {old!r} occurs {found} times in {' and '.join(names)} "
                              f"({header.get('FILE')}), not exactly once")
        bodies = [body.replace(old, new) for body in bodies]
    pieces, at = [], 0
    for (first, last), body in zip(spans, bodies):
        pieces += ["".join(lines[at:first]), body]
        at = last + 1
    return "".join(pieces) + "".join(lines[at:])
