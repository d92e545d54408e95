"""Writing the results for people: a score table and the feedback, as text (the one place results become words).

Gradescope's results.json is gradescope.py; the web page is html_report.py.
"""
from __future__ import annotations

from collections import OrderedDict

from .grade import CheckResult


def by_component(results: list[CheckResult]) -> "OrderedDict[tuple[str, str], list[CheckResult]]":
    groups = OrderedDict()
    for r in results:
        groups.setdefault((r.assignment, r.component), []).append(r)
    return groups


def table(results: list[CheckResult]) -> str:
    """Per-assignment, per-component scores."""
    lines, current = [], None
    total = total_max = 0.0
    for (assignment, component), rs in by_component(results).items():
        if assignment != current:
            a_score = sum(r.score for r in results if r.assignment == assignment)
            a_max = sum(r.max_score for r in results if r.assignment == assignment)
            lines.append(f"{assignment:<34}{a_score:7.2f} / {a_max:<7.2f}")
            current = assignment
        score, max_score = sum(r.score for r in rs), sum(r.max_score for r in rs)
        total += score
        total_max += max_score
        filled = round(10 * score / max_score) if max_score else 0
        bar = "#" * filled + "." * (10 - filled)
        lines.append(f"  {component:<28}  {score:6.2f} / {max_score:<6.2f} {bar}")
    lines.append(f"{'TOTAL':<34}{total:7.2f} / {total_max:<7.2f}")
    return "\n".join(lines)


def besides_variants(r: CheckResult) -> list[str]:
    """Why the check did not run, its hint and its notes, as feedback lines."""
    return ([r.reason] if r.reason else []) + ([f"Hint: {r.hint}"] if r.hint else []) + r.notes


def check_lines(r: CheckResult) -> list[str]:
    """A check's feedback: its variants, those that said the same merged ("[cpu/float64, cpu/float32] passed"),
    then why it did not run, the hint and the notes."""
    said: dict[str, list[str]] = {}
    for v in r.variants:
        said.setdefault(v.message, []).append(v.label)
    return [f"[{', '.join(labels)}] {message}" for message, labels in said.items()] + besides_variants(r)


def check_text(r: CheckResult) -> str:
    return "\n".join(check_lines(r))


def what_it_said(r: CheckResult) -> frozenset[str]:
    """What a check said, without the [device/dtype] labels (to spot a component that failed one way)."""
    return frozenset([v.message for v in r.variants if v.outcome != "skipped"] + besides_variants(r))


def failed_alike(rs: list[CheckResult]) -> bool:
    """Every check of a component failed, for the same reason (a missing file, a stub, a syntax error): say it once."""
    return len(rs) > 1 and all(not r.passed for r in rs) and len({what_it_said(r) for r in rs}) == 1


def feedback_text(results: list[CheckResult], show_passed: bool = False) -> str:
    """Feedback for every check that lost points (and, if asked, those that did not). When every check of a
    component failed for the same reason (a missing file, a stub, a syntax error), it is said once."""
    out = []
    for (assignment, component), rs in by_component(results).items():
        if failed_alike(rs):
            max_score = sum(r.max_score for r in rs)
            out.append(f"{assignment} / {component} / all {len(rs)} checks  [0.00/{max_score:.2f}, FAILED]")
            out += ["    " + line.replace("\n", "\n    ") for line in sorted(what_it_said(rs[0]))]
            continue
        for r in rs:
            if r.passed and not show_passed:
                continue
            status = "passed" if r.passed else "FAILED"
            out.append(f"{r.assignment} / {r.component} / {r.name}  [{r.score:.2f}/{r.max_score:.2f}, {status}]")
            out += ["    " + line.replace("\n", "\n    ") for line in check_lines(r)]
    return "\n".join(out) if out else "Every check passed."
