"""The class gradebook: grades.csv's rows from the grader's results, late days, a Canvas import, nbgrader's points.

Pure functions over data that tools/grade_class.py gathers (each student's results.json, notes, submission
times), so the gradebook can be built and tested without grading anyone. Both CSVs are written atomically
(a temporary file in the same folder, then os.replace): a reader, or a run killed mid-write, never sees half a
file.
"""
from __future__ import annotations

import csv
import io
import datetime as dt
import json
import os
import re
import tempfile
from pathlib import Path

METADATA = ("submission_metadata.yml", "submission_metadata.json")   # Gradescope's export, and its container's
CANVAS_IDS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Integration ID", "Section"]  # as Canvas exports
CANVAS_MATCH = ["SIS User ID", "SIS Login ID", "ID"]                 # our student name is looked up in this order


def _load_yaml(text: str):
    """yaml.safe_load that also reads Ruby's tagged values (`!ruby/object:BigDecimal 18:0.95e2` -> the plain
    string): Gradescope writes its export from Ruby, and one odd score must not hide every submission time."""
    import yaml   # PyYAML: only needed when a Gradescope export is read

    class Loader(yaml.SafeLoader):
        pass

    def untagged(loader, suffix, node):
        construct = {yaml.MappingNode: loader.construct_mapping, yaml.SequenceNode: loader.construct_sequence}
        return construct.get(type(node), loader.construct_scalar)(node)

    Loader.add_multi_constructor("!", untagged)
    return yaml.load(text, Loader=Loader)


def _time(value) -> dt.datetime | None:
    """A timestamp as YAML or JSON gives it (a datetime, or text like `2026-11-30 23:59:01.123456000 -08:00`)."""
    if isinstance(value, str):
        m = re.fullmatch(r"(\S+)[T ](\d\d:\d\d:\d\d)(?:\.(\d+))?\s*(Z|[-+]\d\d:?\d\d)?", value.strip())
        if not m:
            return None
        date, clock, fraction, zone = m.groups()
        zone = "+00:00" if zone in (None, "Z") else zone
        value = dt.datetime.fromisoformat(f"{date}T{clock}.{(fraction or '0')[:6]:0<6}{zone}")
    if not isinstance(value, dt.datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _record(value) -> dict:
    """One submission's metadata with Ruby's leading ':' taken off the keys: {"created_at", "sid", ...}."""
    record = {str(k).lstrip(":"): v for k, v in value.items()} if isinstance(value, dict) else {}
    people = record.get("submitters") or record.get("users") or [{}]
    first = {str(k).lstrip(":"): v for k, v in people[0].items()} if isinstance(people[0], dict) else {}
    return {"created_at": _time(record.get("created_at")),
            **{k: "" if first.get(k) is None else str(first[k]) for k in ("sid", "name", "email")}}


def read_gradescope_export(path: Path) -> dict[str, dict]:
    """Each submission folder of a Gradescope export (`submission_<id>`) -> {"created_at": aware datetime or
    None, "sid", "name", "email"} (the first submitter's), from the export's one top-level
    submission_metadata.yml. ValueError, in one line, when the file is not such a mapping."""
    try:
        data = _load_yaml(Path(path).read_text(encoding="utf-8"))
    except Exception as error:   # yaml's errors span lines; the tool prints one
        raise ValueError(f"{path}: not readable as YAML ({type(error).__name__})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not Gradescope's submission metadata (a mapping of submission folders)")
    return {str(folder): _record(value) for folder, value in data.items()}


def submission_time(entry: Path, metadata: dict[str, dict] | None = None) -> dt.datetime | None:
    """When a student handed in `entry` (a folder or a .zip), timezone-aware, or None when unknown.

    In order: the class export's `metadata` (read_gradescope_export) for the entry's name; a Gradescope
    submission_metadata.yml (export) or .json (autograder container) inside the folder, its `created_at`;
    else the newest modification time of the folder's files (links not followed) or the zip's own, in UTC.
    File times are what the copy says, so they are only as good as the way the submissions were collected."""
    entry = Path(entry)
    for name in (entry.name, entry.stem):
        if metadata and name in metadata and metadata[name].get("created_at"):
            return metadata[name]["created_at"]
    if entry.is_dir() and not entry.is_symlink():
        for name in METADATA:
            try:
                text = (entry / name).read_text(encoding="utf-8")
                data = json.loads(text) if name.endswith(".json") else _load_yaml(text)
            except Exception:   # absent or unreadable: the file times below still say something
                continue
            if isinstance(data, dict):
                records = ([data] if any(str(k).lstrip(":") == "created_at" for k in data)
                           else [data[entry.name]] if entry.name in data else list(data.values()))
                times = [t for t in (_record(r)["created_at"] for r in records) if t]
                if len(times) == 1:
                    return times[0]
        stamps = [p.lstat().st_mtime for p in entry.rglob("*") if p.is_file() and not p.is_symlink()]
    else:
        stamps = [entry.lstat().st_mtime] if entry.exists() else []
    return dt.datetime.fromtimestamp(max(stamps), dt.timezone.utc) if stamps else None


def _aware(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo else when.astimezone()   # a due date without an offset is the machine's local time


def late_days(submitted: dt.datetime | None, due: dt.datetime | None) -> int | str:
    """Whole days late, rounded up (a minute late is one day); 0 when on time; "" when either time is unknown."""
    if submitted is None or due is None:
        return ""
    late = _aware(submitted) - _aware(due)
    return max(0, -(-late // dt.timedelta(days=1)))


def rows(results: dict[str, dict | None], notes: dict[str, str], assignments: dict[str, list[str]],
         submitted: dict[str, dt.datetime | None], due: dt.datetime | None) -> tuple[list[str], list[dict]]:
    """grades.csv's (fieldnames, rows): one row per student (results' order, then notes' others).

    `results`: student -> the results.json the grader wrote (each test tagged [assignment, component]), or None
    when grading failed: that row's scores stay empty and `notes` says why. `assignments`: each assignment's
    components in report order. Columns: student; per assignment graded for anyone, its total and then
    "<assignment>/<component>" for each component; total; submitted (ISO 8601); late days (only with `due`);
    note. Scores are rounded to 2 decimals; a score nobody was graded on is ""."""
    order = {name: list(components) for name, components in assignments.items()}
    graded: dict[str, set[str]] = {}
    for result in results.values():
        for test in (result or {}).get("tests", []):
            assignment, component = (list(test.get("tags") or []) + ["", ""])[:2]
            if not assignment:
                continue   # an untagged test counts in the total only
            graded.setdefault(assignment, set()).add(component)
            if component not in order.setdefault(assignment, []):
                order[assignment].append(component)   # a component the caller did not list still shows
    columns = [c for a in order if a in graded for c in [a, *(f"{a}/{comp}" for comp in order[a])]]
    fields = ["student", *columns, "total", "submitted", *(["late days"] if due else []), "note"]
    table = []
    for student in dict.fromkeys([*results, *notes]):
        result, when = results.get(student), submitted.get(student)
        row = dict.fromkeys(fields, "") | {"student": student, "note": notes.get(student, "")}
        row["submitted"] = when.isoformat(timespec="seconds") if when else ""
        if due:
            row["late days"] = late_days(when, due)
        if result is not None:
            sums: dict[str, float] = {}
            for test in result.get("tests", []):
                assignment, component = (list(test.get("tags") or []) + ["", ""])[:2]
                for column in (assignment, f"{assignment}/{component}"):
                    sums[column] = sums.get(column, 0.0) + float(test.get("score") or 0)
            row |= {column: round(score, 2) for column, score in sums.items() if column in row}
            row["total"] = round(float(result.get("score", sum(sums.get(a, 0.0) for a in graded))), 2)
        table.append(row)
    return fields, table


def write_atomically(path: Path, text: str) -> None:
    """Write a file atomically: a temporary file in the same folder, flushed to disk, then os.replace, so a
    reader, or a run killed mid-write, never sees half of it. Private to its owner (mode 0600): it holds
    students' grades or code."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_csv(path: Path, fieldnames: list[str], rows: list[dict]) -> None:
    """Write a CSV atomically (write_atomically)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fieldnames)
    writer.writeheader()
    writer.writerows(rows)
    write_atomically(path, buffer.getvalue())


def canvas_export(rows: list[dict], roster: Path, out: Path, assignments: list[str]) -> list[str]:
    """Write `out`, a CSV that Canvas's gradebook import takes: the roster's identifying columns (Student, ID,
    SIS User ID, SIS Login ID, Integration ID and Section, those it has) and one column per assignment.

    `roster` is Canvas's gradebook export. Its rows without a Canvas ID ("Points Possible", "Manual Posting")
    are not students and are left out. An assignment whose column the roster already has, as "<name> (<id>)",
    keeps that header, so the import updates that assignment rather than creating another. Our student (the
    submission's name) is matched to the roster by SIS User ID, then SIS Login ID, then Canvas ID, ignoring
    case and surrounding spaces. A roster student we have no grade for gets empty cells (Canvas leaves those
    grades as they are). Returns our students the roster does not have, for the tool to warn about."""
    with open(roster, newline="", encoding="utf-8-sig") as f:   # Canvas's export may start with a BOM
        reader = csv.DictReader(f)
        header = [h.strip() for h in reader.fieldnames or []]
        missing = [c for c in ("Student", "ID") if c not in header]
        if missing:
            raise ValueError(f"{roster} is not a Canvas gradebook export: no column {', '.join(missing)}")
        people = [{k.strip(): (v or "").strip() for k, v in r.items() if k} for r in reader]
    people = [p for p in people if p.get("ID") and "points possible" not in p.get("Student", "").lower()]
    ids = [c for c in CANVAS_IDS if c in header]
    titles = {a: next((h for h in header if re.fullmatch(re.escape(a) + r" \(\d+\)", h)), a) for a in assignments}
    keys = {column: {p[column].casefold(): p for p in reversed(people) if p.get(column)} for column in CANVAS_MATCH}
    grades, unknown = {}, []
    for row in rows:
        student = str(row["student"]).strip().casefold()
        person = next((keys[c][student] for c in CANVAS_MATCH if student in keys[c]), None)
        if person is None:
            unknown.append(row["student"])
        else:
            grades[person["ID"]] = row
    table = [{**{c: p.get(c, "") for c in ids},
              **{titles[a]: grades.get(p["ID"], {}).get(a, "") for a in assignments}} for p in people]
    write_csv(out, [*ids, *titles.values()], table)
    return unknown


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
    """Add each student's written-answer points per assignment to their row ("<assignment> written", matched by
    nbgrader's student id = our student name); returns the new columns."""
    scores = read_nbgrader_export(path)
    fields = [f"{name} written" for name in sorted({assignment for _, assignment in scores})]
    for row in rows:
        for (student, assignment), score in scores.items():
            if student == row["student"]:
                row[f"{assignment} written"] = round(score, 2)
    return fields
