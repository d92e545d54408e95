"""One name per component (Assignment.component_id): its check module, its marker in the public tests, and
the names of its mistakes and alternatives (tests/test_corpus_format.py) all derive from it by one rule."""
import importlib.util
import json
import os
import subprocess
import sys

import pytest

from autograder.checks import ASSIGNMENTS

from support import ROOT, SOLUTIONS

CHECKS = ROOT / "autograder" / "checks"
BUILTIN_MARKS = {"parametrize", "skipif", "skip", "xfail", "filterwarnings", "usefixtures"}


def test_the_rule():
    a1, a4, a5 = ASSIGNMENTS["a1_initialization"], ASSIGNMENTS["a4_normalization"], ASSIGNMENTS["a5_regularization"]
    assert a1.component_id("kaiming_normal_") == "kaiming_normal" and a1.component_id("PReLU") == "prelu"
    assert a4.component_id("clip_grad_norm_") == "clip_grad_norm" and a4.component_id("BatchNorm1d") == "batchnorm1d"
    assert a5.component_id("dropout") == "dropout" and a5.component_id("Dropout") == "dropout_module"
    assert a5.component_id("AlphaDropout") == "alphadropout"


@pytest.mark.parametrize("name", sorted(ASSIGNMENTS))
def test_each_component_has_its_check_module_and_shared_modules_start_with_an_underscore(name):
    assignment = ASSIGNMENTS[name]
    ids = {assignment.component_id(c) for c in assignment.components()}
    assert len(ids) == len(assignment.components()), "two components share a name"
    modules = {p.stem for p in (CHECKS / name).glob("*.py") if p.name != "__init__.py"}
    assert ids <= modules, f"components without a check module: {ids - modules}"
    assert all(m.startswith("_") for m in modules - ids), f"not one component's, not marked shared: {modules - ids}"


PLUGIN = """
import json, os
def pytest_collection_finish(session):
    marks = {m.name for item in session.items for m in item.iter_markers()}
    with open(os.environ["MARKS_OUT"], "w") as f:
        json.dump(sorted(marks), f)
"""


@pytest.mark.parametrize("name", sorted(ASSIGNMENTS))
def test_the_public_tests_mark_each_component_by_its_name(name, tmp_path):
    """The markers conftest.py declares, and those the collected public tests carry, are the component ids."""
    assignment = ASSIGNMENTS[name]
    spec = importlib.util.spec_from_file_location(f"conftest_{name}", SOLUTIONS / name / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    ids = {assignment.component_id(c) for c in assignment.components()}
    assert set(conftest.MARKERS) == ids
    (tmp_path / "list_marks.py").write_text(PLUGIN)
    out = tmp_path / "marks.json"
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "MARKS_OUT": str(out)}
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "list_marks",
                           "-p", "no:cacheprovider", "."], cwd=SOLUTIONS / name, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:]
    used = set(json.loads(out.read_text())) - BUILTIN_MARKS
    assert used <= ids, f"unknown markers: {used - ids}"
    assert ids <= used, f"components whose public checks carry no marker: {ids - used}"
