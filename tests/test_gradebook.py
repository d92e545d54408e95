"""The class gradebook (tools/gradebook.py), on results built by hand: nothing is graded, so these run in a second.

Columns per assignment and component, a failed student's empty row and note, late days, submission times from
Gradescope's metadata and from file times, the Canvas import file, atomic writes and nbgrader's written points.
"""
import csv
import datetime as dt
import json
import os
import sys
import zipfile

import pytest

from support import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import gradebook  # noqa: E402

UTC = dt.timezone.utc
PST = dt.timezone(dt.timedelta(hours=-8))
DUE = dt.datetime(2026, 12, 1, 23, 59, tzinfo=PST)
ASSIGNMENTS = {"a2_optimizers": ["SGD", "Adam"], "a4_normalization": ["LayerNorm"], "a5_regularization": ["dropout"]}


def results(*tests):
    """A results.json as the grader writes it: tests tagged [assignment, component]."""
    tests = [{"name": f"{a} / {c} / check {i}", "score": s, "max_score": m, "tags": [a, c]}
             for i, (a, c, s, m) in enumerate(tests)]
    return {"score": sum(t["score"] for t in tests), "tests": tests}


@pytest.fixture
def graded():
    return {"ada": results(("a2_optimizers", "SGD", 2.0, 2.0), ("a2_optimizers", "Adam", 1.0, 2.0),
                           ("a2_optimizers", "Adam", 1 / 3, 2.0), ("a5_regularization", "dropout", 1.5, 3.0)),
            "bob": results(("a2_optimizers", "SGD", 0.5, 2.0)),
            "eve": None}


def test_columns_per_assignment_and_component_and_a_failed_students_empty_row(graded):
    notes = {"ada": "", "bob": "", "eve": "not a readable zip: File is not a zip file"}
    when = {"ada": dt.datetime(2026, 12, 1, 12, 0, tzinfo=PST), "bob": None, "eve": DUE + dt.timedelta(days=2.5)}
    fields, table = gradebook.rows(graded, notes, ASSIGNMENTS, when, DUE)
    assert fields == ["student", "a2_optimizers", "a2_optimizers/SGD", "a2_optimizers/Adam",
                      "a5_regularization", "a5_regularization/dropout", "total", "submitted", "late days", "note"]
    ada, bob, eve = table
    assert ada == {"student": "ada", "a2_optimizers": 3.33, "a2_optimizers/SGD": 2.0, "a2_optimizers/Adam": 1.33,
                   "a5_regularization": 1.5, "a5_regularization/dropout": 1.5, "total": 4.83,
                   "submitted": "2026-12-01T12:00:00-08:00", "late days": 0, "note": ""}
    assert bob["a2_optimizers/Adam"] == bob["a5_regularization"] == "" and bob["total"] == 0.5
    assert bob["submitted"] == bob["late days"] == ""
    assert all(eve[c] == "" for c in fields[1:7]) and "not a readable zip" in eve["note"]
    assert eve["late days"] == 3, "a broken submission still has a time"
    fields, _ = gradebook.rows(graded, notes, ASSIGNMENTS, when, None)
    assert "late days" not in fields and fields[-2:] == ["submitted", "note"]


def test_a_student_with_only_a_note_still_gets_a_row():
    fields, table = gradebook.rows({}, {"zed": "grading was stopped after 3600 s"}, ASSIGNMENTS, {}, None)
    assert fields == ["student", "total", "submitted", "note"]
    assert table == [{"student": "zed", "total": "", "submitted": "", "note": "grading was stopped after 3600 s"}]


@pytest.mark.parametrize("late, days", [(dt.timedelta(0), 0), (-dt.timedelta(hours=5), 0),
                                        (dt.timedelta(minutes=1), 1), (dt.timedelta(days=1), 1),
                                        (dt.timedelta(days=2.5), 3)])
def test_late_days_round_up(late, days):
    assert gradebook.late_days((DUE + late).astimezone(UTC), DUE) == days


def test_late_days_unknown():
    assert gradebook.late_days(None, DUE) == gradebook.late_days(DUE, None) == ""


GRADESCOPE = """\
submission_301:
  :submitters:
  - :name: Ada Lovelace
    :sid: '1815'
    :email: ada@example.edu
  :created_at: 2026-12-01 23:59:01.123456000 -08:00
  :score: !ruby/object:BigDecimal 18:0.95e1
  :status: processed
submission_302:
  :submitters:
  - :name: Bob
    :sid: 42
    :email: bob@example.edu
  :created_at: 2026-11-30 10:00:00.000000000 -08:00
"""


def test_submission_time_from_a_gradescope_export(tmp_path):
    (tmp_path / "submission_metadata.yml").write_text(GRADESCOPE)
    export = gradebook.read_gradescope_export(tmp_path / "submission_metadata.yml")
    ada = dt.datetime(2026, 12, 1, 23, 59, 1, 123456, tzinfo=PST)
    assert export["submission_301"] == {"created_at": ada, "sid": "1815", "name": "Ada Lovelace",
                                        "email": "ada@example.edu"}
    assert export["submission_302"]["sid"] == "42"
    folder = tmp_path / "submission_301"
    folder.mkdir()
    (folder / "optimizers.py").write_text("")
    assert gradebook.submission_time(folder, export) == ada
    assert gradebook.late_days(gradebook.submission_time(folder, export), DUE) == 1
    (folder / "submission_metadata.yml").write_text(GRADESCOPE.split("submission_302")[0])
    assert gradebook.submission_time(folder) == ada, "one submission's metadata inside its own folder"
    (folder / "submission_metadata.yml").unlink()
    (folder / "submission_metadata.json").write_text(json.dumps({"id": 301, "created_at": "2026-12-01T23:59:01-08:00",
                                                                 "previous_submissions": []}))
    assert gradebook.submission_time(folder) == ada.replace(microsecond=0), "the autograder container's file"


def test_an_unusable_gradescope_export_is_one_line(tmp_path):
    (tmp_path / "bad.yml").write_text("a: [unclosed\n")
    with pytest.raises(ValueError, match="not readable as YAML") as error:
        gradebook.read_gradescope_export(tmp_path / "bad.yml")
    assert "\n" not in str(error.value)


def test_submission_time_from_file_times(tmp_path):
    folder = tmp_path / "ada"
    (folder / "a2_optimizers").mkdir(parents=True)
    for name, stamp in (("a2_optimizers/optimizers.py", 1_800_000_000), ("notes.txt", 1_800_000_500)):
        (folder / name).write_text("x")
        os.utime(folder / name, (stamp, stamp))
    (folder / "submission_metadata.yml").write_text(":created_at: [not a time\n")   # unreadable: file times
    os.utime(folder / "submission_metadata.yml", (1_700_000_000, 1_700_000_000))
    assert gradebook.submission_time(folder) == dt.datetime.fromtimestamp(1_800_000_500, UTC)
    archive = tmp_path / "bob.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a2_optimizers/optimizers.py", "")
    os.utime(archive, (1_800_000_900, 1_800_000_900))
    assert gradebook.submission_time(archive) == dt.datetime.fromtimestamp(1_800_000_900, UTC)
    assert gradebook.submission_time(archive).tzinfo is not None
    (tmp_path / "empty").mkdir()
    assert gradebook.submission_time(tmp_path / "empty") is None


ROSTER = [["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "a2_optimizers (5501)", "Quiz 1 (5502)",
           "Current Score"],
          ["    Points Possible", "", "", "", "", "40", "5", "(read only)"],
          ["Lovelace, Ada", "101", "1815", "ada", "Sec 1", "", "4", "80"],
          ["Hopper, Grace", "102", "1906", "ghopper", "Sec 1", "", "5", "100"],
          ["Turing, Alan", "103", "", "turing", "Sec 2", "", "3", "60"],
          ["Student, Test", "104", "", "", "Sec 1", "", "", ""]]


def test_canvas_export_matches_by_sis_id_and_reports_unknown_students(tmp_path):
    roster = tmp_path / "roster.csv"
    with open(roster, "w", newline="", encoding="utf-8-sig") as f:   # Canvas's export starts with a BOM
        csv.writer(f).writerows(ROSTER)
    rows = [{"student": "1815", "a2_optimizers": 33.5, "a4_normalization": 7.0},
            {"student": "Turing", "a2_optimizers": 12.0, "a4_normalization": ""},   # by SIS Login ID
            {"student": "103x", "a2_optimizers": 1.0, "a4_normalization": 1.0}]
    unknown = gradebook.canvas_export(rows, roster, tmp_path / "canvas.csv", ["a2_optimizers", "a4_normalization"])
    assert unknown == ["103x"]
    written = list(csv.reader(open(tmp_path / "canvas.csv", newline="")))
    assert written[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "a2_optimizers (5501)",
                          "a4_normalization"], "an existing assignment keeps its Canvas header"
    assert written[1:] == [["Lovelace, Ada", "101", "1815", "ada", "Sec 1", "33.5", "7.0"],
                           ["Hopper, Grace", "102", "1906", "ghopper", "Sec 1", "", ""],
                           ["Turing, Alan", "103", "", "turing", "Sec 2", "12.0", ""],
                           ["Student, Test", "104", "", "", "Sec 1", "", ""]], "no Points Possible row, no student"
    assert not list(tmp_path.glob("*.tmp"))


def test_canvas_export_refuses_a_roster_without_its_columns_in_one_line(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,email\nada,ada@example.edu\n")
    with pytest.raises(ValueError, match="not a Canvas gradebook export: no column Student, ID") as error:
        gradebook.canvas_export([], roster, tmp_path / "canvas.csv", ["a2_optimizers"])
    assert "\n" not in str(error.value) and not (tmp_path / "canvas.csv").exists()


def test_write_csv_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "grades.csv"
    gradebook.write_csv(path, ["student", "total"], [{"student": "ada", "total": 1.5}])
    assert path.read_text().splitlines() == ["student,total", "ada,1.5"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grades.csv"], "no temporary file left"
    with pytest.raises(ValueError):   # a row that does not fit: the old file stays whole
        gradebook.write_csv(path, ["student"], [{"student": "bob", "surprise": 1}])
    assert path.read_text().splitlines() == ["student,total", "ada,1.5"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grades.csv"]
    replaced = []
    monkeypatch.setattr(gradebook.os, "replace", lambda a, b: replaced.append((a, b)) or os.rename(a, b))
    gradebook.write_csv(path, ["student"], [{"student": "cy"}])
    assert replaced and os.path.dirname(replaced[0][0]) == str(tmp_path), "renamed from the same folder"


def test_nbgrader_written_points_merge_by_student_id(tmp_path):
    export = tmp_path / "written.csv"
    export.write_text("assignment,duedate,timestamp,student_id,last_name,first_name,email,raw_score,late_submission"
                      "_penalty,score,max_score\na5_regularization,,,ada,,,,4.5,0,4.5,6\n"
                      "a5_regularization,,,bob,,,,3.333,0,3.333,6\n")
    table = [{"student": "ada", "note": ""}, {"student": "cy", "note": ""}, {"student": "bob", "note": ""}]
    assert gradebook.merge_nbgrader_export(table, export) == ["a5_regularization written"]
    assert [r.get("a5_regularization written", "") for r in table] == [4.5, "", 3.33]
    export.write_text("student_id,assignment,score\nada,a5_regularization,lots\n")
    with pytest.raises(ValueError, match="line 2: the score is not a number"):
        gradebook.read_nbgrader_export(export)
