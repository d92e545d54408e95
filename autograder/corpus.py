"""The mistake corpus and the correct alternatives: reading a module's header, and building the file it makes.

A corpus module names the component it varies and the file it belongs to, and is one of two kinds:

  a drop-in   a whole definition of the component (and its helpers), appended to the reference file so that
              it replaces exactly that one name;
  a change    ``CHANGES = [(old, new), ...]``: the reference file with each ``old`` replaced by ``new``. Each
              ``old`` must occur exactly once in the reference file, so a change says in three lines what the
              slip is and stays one slip away from the reference by construction.

``source_with`` builds the file either way; hints.py, tools/make_examples.py and the tests all use it.
"""
from __future__ import annotations

import ast
from pathlib import Path


class CorpusError(ValueError):
    """A corpus module that cannot be applied to its reference (an `old` missing or ambiguous)."""


def read_header(path: Path) -> dict:
    """The module-level literals of a corpus module (COMPONENT, FILE, HINT, CHANGES...), read without running it."""
    values = {}
    for node in ast.parse(Path(path).read_text()).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                values[node.targets[0].id] = ast.literal_eval(node.value)
            except (ValueError, TypeError):
                pass  # not a literal: a definition, not part of the header
    return values


def is_change(path: Path) -> bool:
    return "CHANGES" in read_header(path)


def source_with(reference_source: str, path: Path) -> str:
    """The reference file's source with the corpus module at `path` applied (see the module docstring)."""
    header = read_header(path)
    if "CHANGES" not in header:
        return reference_source + "\n\n" + Path(path).read_text()
    source = reference_source
    for old, new in header["CHANGES"]:
        found = source.count(old)
        if found != 1:
            raise CorpusError(f"{Path(path).name}: {old!r} occurs {found} times in {header.get('FILE')}, "
                              "not exactly once")
        source = source.replace(old, new)
    return source
