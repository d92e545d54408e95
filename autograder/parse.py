"""ast.parse, one thread at a time.

CPython 3.11.7 (the course's interpreter here) keeps the bookkeeping of ast.parse's node construction in
interpreter-wide state, so two threads parsing at once can fail with "SystemError: AST constructor recursion
depth mismatch" (seen in this suite: grade.py grades assignments in threads side by side, and each parses the
student's source for originality.py, and the mistake corpus for hints.py). Every parse in the grader goes here.
"""
from __future__ import annotations

import ast
import threading

_LOCK = threading.Lock()


def parse(source: str) -> ast.Module:
    with _LOCK:
        return ast.parse(source)
