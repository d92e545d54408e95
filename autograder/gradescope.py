"""Gradescope's results.json: what a student sees at once, and what waits until the grades are published.

    {"score", "execution_time", "output", "output_format": "md", "visibility", "stdout_visibility": "hidden",
     "tests": [{"name", "score", "max_score", "status", "output", "output_format": "md", "tags", "visibility"}]}

A component's public check (Check.public: its plain case, which the public tests run too) is "visible" at once,
its expected and got values included: they tell the student nothing the public tests do not. Every other
check is hidden until the instructor publishes the grades ("after_published"; `--hidden-visibility` says
otherwise), so its scenario cannot be fitted to. The total is always visible, with a plain word that passing
the public checks is not full marks. The grader's stdout holds every check's feedback, so it stays hidden.
"""
from __future__ import annotations

import json
from pathlib import Path

from .grade import CheckResult
from .report import besides_variants

VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")   # Gradescope's words
HIDDEN_VISIBILITY = "after_published"


def _cell(text: str | None) -> str:
    """A markdown table cell: one line, no column breaks."""
    return "" if text is None else text.replace("|", "\\|").replace("\n", " ")


def check_markdown(r: CheckResult) -> str:
    """One check's feedback in markdown: the score, an expected/got table for the variants whose comparison
    named the differing values, the other variants' messages, then why it did not run, the hint and notes."""
    status = "passed" if r.passed else "failed"
    lines = [f"**{status}**: {r.score:.2f} of {r.max_score:.2f} points", ""]
    table = [v for v in r.variants if v.expected is not None]
    if table:
        lines += ["| variant | where | expected | got |", "|---|---|---|---|"]
        lines += [f"| {v.label} | {_cell(v.where)} | `{_cell(v.expected)}` | `{_cell(v.got)}` |" for v in table]
        lines.append("")
    said: dict[str, list[str]] = {}
    for v in r.variants:
        if v.expected is None:
            said.setdefault(v.message, []).append(v.label)
    for message, labels in said.items():
        first, _, rest = message.partition("\n")
        lines.append(f"- {', '.join(labels)}: {first}")
        if rest.strip():
            lines += ["", "  ```", *[f"  {line}" for line in rest.splitlines()], "  ```"]
    for line in besides_variants(r):
        first, _, rest = line.partition("\n")
        bold = first.startswith("Hint:")
        lines += ["", f"**Hint:**{first[5:]}" if bold else first]
        if rest.strip():
            lines += ["```", rest, "```"]
    return "\n".join(lines).strip()


def summary_markdown(results: list[CheckResult], header: str, hidden_visibility: str) -> str:
    """The submission's text: the header, the total, and what the student sees now and later."""
    total, total_max = sum(r.score for r in results), sum(r.max_score for r in results)
    public = [r for r in results if r.public]
    lines = [*(f"{line}  " for line in header.splitlines()), "",
             f"**Total: {total:.2f} / {total_max:.2f}**", ""]
    if hidden_visibility == "visible":
        lines.append(f"All {len(results)} checks are shown below.")
        return "\n".join(lines)
    when = {"hidden": "kept by your instructor", "after_due_date": "shown after the due date",
            "after_published": "shown when your instructor publishes the grades"}[hidden_visibility]
    passed = sum(r.passed for r in public)
    lines.append(f"Shown now: the {len(public)} public checks, one per component, the cases your own public "
                 f"tests run ({passed} passed, {sum(r.score for r in public):.2f} / "
                 f"{sum(r.max_score for r in public):.2f} points). The other {len(results) - len(public)} checks "
                 f"(more arguments, seeds, devices and dtypes) are {when}. Passing the public checks is not "
                 "full marks: the total above counts every check.")
    return "\n".join(lines)


def gradescope(results: list[CheckResult], execution_time: float, header: str,
               hidden_visibility: str = HIDDEN_VISIBILITY) -> dict:
    if hidden_visibility not in VISIBILITIES:
        raise ValueError(f"hidden_visibility must be one of {', '.join(VISIBILITIES)}, not {hidden_visibility!r}")
    return {
        "score": round(sum(r.score for r in results), 4),
        "execution_time": round(execution_time, 2),
        "output": summary_markdown(results, header, hidden_visibility),
        "output_format": "md",
        "visibility": hidden_visibility,   # the default for a test that says nothing (each one does)
        "stdout_visibility": "hidden",
        "tests": [{
            "name": f"{r.assignment} / {r.component} / {r.name}",
            "score": round(r.score, 4),
            "max_score": r.max_score,
            "status": "passed" if r.passed else "failed",
            "output": check_markdown(r),
            "output_format": "md",
            "tags": [r.assignment, r.component],
            "visibility": "visible" if r.public else hidden_visibility,
        } for r in results],
    }


def unusable(reason: str, header: str = "") -> dict:
    """The results.json of a submission that could not be graded at all: score 0 and the reason, shown at once
    (Gradescope says "autograder failed" when there is no results.json)."""
    return {"score": 0.0, "execution_time": 0.0, "output_format": "md", "visibility": "visible",
            "stdout_visibility": "hidden", "tests": [],
            "output": "\n".join([*(f"{line}  " for line in header.splitlines()),
                                 f"**This submission could not be graded:** {reason}", "",
                                 "Nothing was graded, so the score is 0. Fix what the line above says and submit "
                                 "again (`python -m autograder pack NAME` builds a zip the grader accepts)."]).strip()}


def write_json(path: str, data: dict) -> None:
    """Written atomically: a reader never sees half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2))
    tmp.replace(target)
