"""Which students' code for the same component is suspiciously alike (`grade_class.py --similarity`).

A component is a top-level class or function of the handout's stub file (SGD, kaiming_uniform_, ...). It is cut
out of each student's file with `ast`, then tokenised and normalised by copydetect (identifiers become V, F or O,
strings S, comments and layout dropped) and fingerprinted by winnowing (Schleimer, Wilkerson and Aiken, 2003:
hash every k-gram of the normalised text and keep the smallest hash of each window of w of them; components are
short, so w = 1 keeps every k-gram, copydetect's default). Renaming variables, rewording comments or
reformatting therefore changes no fingerprint.

Two kinds of fingerprints are ignored, as MOSS does: those of the stub's own code for the component (its
signature and docstring are in every submission), and those more than `common` students share (what everyone
writes, such as `for p in group["params"]:`). For a pair, each side's similarity is the share of its normalised
tokens covered by fingerprints the other also has; a pair is reported when the larger of the two reaches the
threshold. A component shorter than MIN_TOKENS normalised tokens once the stub is removed is never reported:
short code is alike by necessity.

This is evidence for a person to read, never a verdict: similarity.html shows each pair side by side with the
shared code marked, similarity.csv lists the pairs for a spreadsheet.
"""
from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from html import escape
from pathlib import Path

import numpy as np
from copydetect import compare_files
from copydetect.utils import filter_code, get_document_fingerprints, get_token_coverage, highlight_overlap

import gradebook

K = 25           # characters of normalised code per k-gram (copydetect's noise threshold)
WINDOW = 1       # every shared run of K or more normalised characters is seen
MIN_TOKENS = 80  # normalised characters a component needs, beyond the stub's, to be compared at all


@dataclass
class Pair:
    component: str   # "a2_optimizers/optimizers.py:Adam"
    students: tuple[str, str]
    similarity: tuple[float, float]   # share of each side's normalised code that the other also has
    shared: int                       # normalised characters in shared runs, on the first side
    code: tuple[str, str]
    slices: tuple[np.ndarray, np.ndarray]   # where the shared runs are in each side's code


def components(source: str) -> dict[str, str]:
    """The source of each top-level class and function (decorators included), by name; {} when the file does
    not parse."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return {}
    lines = source.splitlines(keepends=True)
    return {node.name: "".join(lines[min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1:
                                     node.end_lineno])
            for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))}


@functools.cache
def _normalised(code: str) -> tuple[str, np.ndarray]:
    """copydetect's tokenising and normalising (the slow part), once per distinct piece of code."""
    return filter_code(code, "component.py", "python")


@dataclass
class Fingerprint:
    """What copydetect's compare_files reads of its CodeFingerprint, made from the normalised code."""
    filtered_code: str
    offsets: np.ndarray
    hashes: set
    hash_idx: dict
    token_coverage: int
    k: int = K


def fingerprint(code: str, boilerplate=None) -> Fingerprint:
    """The winnowed fingerprints of `code`, without those in `boilerplate` (an array of hashes)."""
    filtered, offsets = _normalised(code)
    hashes, idx = get_document_fingerprints(filtered, K, WINDOW, boilerplate)
    return Fingerprint(filtered, offsets, hashes, idx, get_token_coverage(idx, K, len(filtered)))


def similar_pairs(roots: dict[str, Path], files: dict[str, list[str]], stubs: Path, threshold: float,
                  common: int | None = None) -> list[Pair]:
    """Pairs of students whose code for one component is at least `threshold` alike, most alike first.

    roots: each student's folder holding the assignment folders; files: the files each assignment grades;
    stubs: the folder holding the handout's assignment folders; common: ignore fingerprints more students than
    this share (default: a tenth of the class, at least 3)."""
    common = max(3, len(roots) // 10) if common is None else common
    pairs = []
    for assignment, names in files.items():
        for name in names:
            stub_file = stubs / assignment / name
            stub = components(stub_file.read_text()) if stub_file.is_file() else {}
            students = {s: components(_read(root / assignment / name)) for s, root in sorted(roots.items())}
            for component, stub_code in stub.items():
                code = {s: parts[component] for s, parts in students.items() if component in parts}
                label = f"{assignment}/{name}:{component}"
                pairs += _compare(label, code, np.array(sorted(fingerprint(stub_code).hashes)), common, threshold)
    return sorted(pairs, key=lambda p: (-max(p.similarity), p.component, p.students))


def _read(path: Path) -> str:
    try:
        return path.read_text(errors="replace") if path.is_file() and not path.is_symlink() else ""
    except OSError:
        return ""


def _compare(label: str, code: dict[str, str], boilerplate: np.ndarray, common: int, threshold: float):
    prints = {s: fingerprint(c, boilerplate) for s, c in code.items()}
    holders: dict[int, set[str]] = {}
    for student, fp in prints.items():
        for h in fp.hashes:
            holders.setdefault(h, set()).add(student)
    everyone = np.array(sorted(h for h, who in holders.items() if len(who) > common))
    if len(everyone):
        prints = {s: fingerprint(code[s], np.union1d(boilerplate, everyone)) for s in prints}
    candidates = set()   # only students who share a fingerprint can be alike
    for h, who in holders.items():
        if 2 <= len(who) <= common:
            who = sorted(who)
            candidates.update((a, b) for i, a in enumerate(who) for b in who[i + 1:])
    found = []
    for a, b in sorted(candidates):
        if min(prints[a].token_coverage, prints[b].token_coverage) < MIN_TOKENS:
            continue
        shared, similarity, slices = compare_files(prints[a], prints[b])
        if max(similarity) >= threshold:
            found.append(Pair(label, (a, b), (float(similarity[0]), float(similarity[1])), int(shared),
                              (code[a], code[b]), slices))
    return found


CSS = """body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:100em;padding:0 1em;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}pre{background:#f7f7f7;padding:.6em;overflow-x:auto;
font-size:13px}mark{background:#ffd54f}"""


def write_report(pairs: list[Pair], out: Path) -> None:
    """similarity.csv (one row per pair) and similarity.html (each pair side by side, shared code marked)."""
    rows = [{"component": p.component, "student_a": p.students[0], "student_b": p.students[1],
             "similarity_a": f"{p.similarity[0]:.2f}", "similarity_b": f"{p.similarity[1]:.2f}",
             "shared_tokens": p.shared} for p in pairs]
    gradebook.write_csv(out / "similarity.csv", ["component", "student_a", "student_b", "similarity_a",
                                                 "similarity_b", "shared_tokens"], rows)
    body = [f"<h1>Similar code: {len(pairs)} pairs</h1><p>Evidence for a person to read, not a verdict. "
            "Identifiers, comments and layout are ignored, and so are the stub's code and what many "
            "students share. Marked: code the other side also has.</p>"]
    if pairs:
        body.append("<table><tr><th>component</th><th>students</th><th>alike</th></tr>" + "".join(
            f"<tr><td><a href='#p{i}'>{escape(p.component)}</a></td><td>{escape(' and '.join(p.students))}</td>"
            f"<td>{max(p.similarity):.0%}</td></tr>" for i, p in enumerate(pairs)) + "</table>")
    for i, p in enumerate(pairs):
        sides = "".join(f"<div><h3>{escape(s)} ({sim:.0%} shared)</h3><pre>{_marked(code, cut)}</pre></div>"
                        for s, sim, code, cut in zip(p.students, p.similarity, p.code, p.slices))
        body.append(f"<h2 id='p{i}'>{escape(p.component)}</h2><div class='pair'>{sides}</div>")
    gradebook.write_atomically(out / "similarity.html", "<!doctype html><html><head><meta charset='utf-8'><meta http-equiv="
           "'Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
           f"<title>Similar code</title><style>{CSS}</style></head><body>{''.join(body)}</body></html>")


def _marked(code: str, slices: np.ndarray) -> str:
    if slices.size == 0:
        return escape(code)
    text, _ = highlight_overlap(code, slices, "<mark>", "</mark>", escape_html=True)
    return text

