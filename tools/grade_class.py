"""Grade a whole class: every submission in a folder, one after another, into a CSV for the LMS.

    python tools/grade_class.py SUBMISSIONS_DIR OUT_DIR [--device cpu|cuda|all] [--nbgrader-export FILE.csv]

Each entry of SUBMISSIONS_DIR (a folder or a .zip, named after the student) is graded by its own run of
`python -m autograder grade`, so one broken submission can never touch another's results. OUT_DIR gets
<student>.json (Gradescope's format, the feedback included), <student>.html (the same feedback as one
self-contained web page to send the student: scores, what lost points, hints, plots) and grades.csv: one row
per student, one column per assignment, and the total. A submission the grader cannot use at all gets an
empty row and its reason.
With --nbgrader-export (the CSV of `nbgrader export`), each assignment there also gets a column
"<assignment> written": the student's written-answer points, matched by student id; the other columns stay.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read_nbgrader_export(path: Path) -> dict[tuple[str, str], float]:
    """(student id, assignment) -> score from nbgrader's export CSV; ValueError names what is wrong."""
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        missing = {"student_id", "assignment", "score"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path} is not an nbgrader export: no column {', '.join(sorted(missing))}")
        try:
            return {(r["student_id"], r["assignment"]): float(r["score"]) for r in reader}
        except ValueError:
            raise ValueError(f"{path}: line {reader.line_num}: the score is not a number") from None


def merge_nbgrader_export(rows: list[dict], path: Path) -> list[str]:
    """Add each student's written-answer points per assignment to their row; returns the new columns."""
    scores = read_nbgrader_export(path)
    fields = [f"{name} written" for name in sorted({assignment for _, assignment in scores})]
    for row in rows:
        for (student, assignment), score in scores.items():
            if student == row["student"]:
                row[f"{assignment} written"] = round(score, 2)
    return fields


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("submissions", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--device", choices=["cpu", "cuda", "all"], default="all")
    parser.add_argument("--nbgrader-export", type=Path, help="nbgrader export CSV: add the written answers")
    args = parser.parse_args(argv)
    if args.nbgrader_export:
        try:                                   # unusable before an hour of grading, not after
            read_nbgrader_export(args.nbgrader_export)
        except (OSError, ValueError) as error:
            print(f"grade_class: {error}", file=sys.stderr)
            return 2
    sys.path.insert(0, str(ROOT))
    from autograder.checks import ASSIGNMENTS

    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    entries = sorted(p for p in args.submissions.iterdir() if p.is_dir() or p.suffix == ".zip")
    for number, entry in enumerate(entries, 1):
        student = entry.stem
        report = args.out / f"{student}.json"
        print(f"[{number}/{len(entries)}] {student}", flush=True)
        done = subprocess.run([sys.executable, "-m", "autograder", "grade", str(entry), "--device", args.device,
                               "--json", str(report), "--html", str(args.out / f"{student}.html")],
                              cwd=ROOT, capture_output=True, text=True)
        row = {"student": student, "note": ""}
        if done.returncode != 0:
            row["note"] = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "grading failed"
        else:
            results = json.loads(report.read_text())
            for name in ASSIGNMENTS:
                tests = [t for t in results["tests"] if t["tags"][0] == name]
                row[name] = round(sum(t["score"] for t in tests), 2) if tests else ""
            row["total"] = round(results["score"], 2)
        rows.append(row)
    written = merge_nbgrader_export(rows, args.nbgrader_export) if args.nbgrader_export else []
    with open(args.out / "grades.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["student", *ASSIGNMENTS, "total", "note", *written])
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {args.out / 'grades.csv'} ({len(rows)} students)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
