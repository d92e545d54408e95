"""Does a component merely call its PyTorch counterpart? A static look at the student's source.

The source is parsed, never run, here in the grader. For each component (a top-level class or function, or
a top-level assignment to its name) we collect every dotted name it uses, including those used by the
file's own helper functions it calls, resolve import aliases (`from torch import optim as o` makes `o.Adam`
mean `torch.optim.Adam`), and look them up in the component's forbidden list. This is the fast first look;
the run-time watch (worker/trace.py, torch_use.py) judges what actually runs, whatever it is called.
"""
from __future__ import annotations

import ast

from .parse import parse


def _dotted(node) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return ".".join([node.id] + parts[::-1])
    return None


def _aliases(tree: ast.Module) -> dict[str, str]:
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                names[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                names[a.asname or a.name] = f"{node.module}.{a.name}"
    return names


def _resolve(name: str, aliases: dict[str, str]) -> str:
    head, _, rest = name.partition(".")
    if head in aliases:
        return aliases[head] + ("." + rest if rest else "")
    return name


def _used_names(node) -> list[tuple[str, int]]:
    found = []
    for sub in ast.walk(node):
        if isinstance(sub, (ast.Attribute, ast.Name)):
            name = _dotted(sub)
            if name:
                found.append((name, getattr(sub, "lineno", 0)))
        elif isinstance(sub, ast.Constant) and isinstance(sub.value, str) and sub.value.count(".") >= 1:
            found.append((sub.value, getattr(sub, "lineno", 0)))  # getattr(torch.optim, "Adam")-style strings
    return found


def find_counterpart_use(source: str, component: str, forbidden: list[str]) -> str | None:
    """A sentence naming the forbidden use (with its line), or None. Unparseable source returns None."""
    if not forbidden:
        return None
    try:
        tree = parse(source)
    except (SyntaxError, ValueError):
        return None
    aliases = _aliases(tree)
    top = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            top.setdefault(node.name, []).append(node)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    top.setdefault(t.id, []).append(node)
        elif isinstance(node, ast.ImportFrom):
            for a in node.names:  # `from torch.optim import Adam` defines the component as torch's
                top.setdefault(a.asname or a.name, []).append(node)
    seen, todo = set(), [component]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for node in top.get(name, []):
            uses = _used_names(node)
            if isinstance(node, ast.ImportFrom):
                uses = [(f"{node.module}.{a.name}", node.lineno) for a in node.names if (a.asname or a.name) == name]
            for used, line in uses:
                full = _resolve(used, aliases)
                for bad in forbidden:
                    if full == bad or full.startswith(bad + "."):
                        return f"{component} uses {bad} (line {line})"
                head = used.split(".")[0]
                if head in top and head not in seen:
                    todo.append(head)
    return None
