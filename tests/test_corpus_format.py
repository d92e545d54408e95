"""Every corpus module is well formed, for every assignment (autograder/corpus.py says what the two kinds are).

A mistake: a docstring saying what the slip is; COMPONENT, FILE as the assignment declares them; a HINT that
teaches without giving the solution away; a name `<component id>__<slip>.py`; CHANGES that apply, or a drop-in
that says why in DROP_IN. An alternative: the same without HINT or CHANGES, named `<component id>.py` (or
`<component id>__<how>.py`). Every component has 2 to 6 mistakes and at least one alternative.
"""
import ast
from pathlib import Path

import pytest

from autograder.checks import ASSIGNMENTS
from autograder.corpus import definition_lines, read_header, source_with

from grading import corpus
from support import SOLUTIONS

MISTAKES = [p for a in sorted(ASSIGNMENTS) for p in corpus("mistakes", a)]
ALTERNATIVES = [p for a in sorted(ASSIGNMENTS) for p in corpus("alternatives", a)]
HINT_LENGTH = (60, 500)   # characters: enough to teach, short enough to read in the report
MISTAKES_PER_COMPONENT = (2, 6)
MORE_MISTAKES = {  # components whose checks cover more than one idea, so more slips are realistic
    "Adam": 7,      # bias correction, eps placement, amsgrad's maximum, maximize, and both weight decays
    "train": 16,    # a whole training loop: each of its process facts (order, zero_grad, clipping, schedule,
}                   # eval mode, checkpoint, early stopping, ...) has the slip students make


def ids(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def component_definition(assignment: str, filename: str, component: str) -> str:
    source = (SOLUTIONS / assignment / filename).read_text()
    first, last = definition_lines(source, component)
    return "".join(source.splitlines(keepends=True)[first:last + 1])


def check_header(path: Path, header: dict):
    assignment = ASSIGNMENTS[path.parent.name]
    assert ast.get_docstring(ast.parse(path.read_text())), "a docstring says what this module does differently"
    component = header.get("COMPONENT")
    assert component in assignment.components(), f"COMPONENT {component!r} is not a component of {assignment.name}"
    assert header.get("FILE") == assignment.file_of(component), f"{component} belongs in {assignment.file_of(component)}"
    return assignment, component


@pytest.mark.parametrize("path", MISTAKES, ids=ids)
def test_mistake_format(path):
    header = read_header(path)
    assignment, component = check_header(path, header)
    cid = assignment.component_id(component)
    slip = path.stem[len(cid) + 2:]
    assert path.stem.startswith(cid + "__") and slip and slip[0] != "_", f"name it {cid}__<slip>.py"
    hint = header.get("HINT")
    assert isinstance(hint, str) and HINT_LENGTH[0] <= len(hint) <= HINT_LENGTH[1], \
        f"a HINT of {HINT_LENGTH[0]} to {HINT_LENGTH[1]} characters (has {len(hint or '')})"
    solution_lines = {line.strip() for line in component_definition(assignment.name, header["FILE"], component)
                      .splitlines() if len(line.strip()) >= 25}
    given_away = [line for line in solution_lines if line in hint]
    assert not given_away, f"the HINT quotes the solution: {given_away}"
    if "CHANGES" in header:
        assert "DROP_IN" not in header, "a list of changes is not a drop-in"
        changes = header["CHANGES"]
        assert changes and all(isinstance(c, tuple) and len(c) == 2 and c[0] != c[1] for c in changes)
        reference = (SOLUTIONS / assignment.name / header["FILE"]).read_text()
        built = source_with(reference, path)   # raises CorpusError unless every `old` occurs exactly once
        compile(built, str(path), "exec")
        assert not any(len(old.strip()) >= 40 and old.strip() in hint for old, _ in changes), \
            "the HINT quotes the reference text the change replaces"
    else:
        assert isinstance(header.get("DROP_IN"), str) and header["DROP_IN"].strip(), (
            "a mistake is a list of CHANGES to the reference; a whole drop-in must say why in DROP_IN = '...'")
        defined = {n.name for n in ast.parse(path.read_text()).body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
        assert component in defined, f"a drop-in defines {component}"


@pytest.mark.parametrize("path", ALTERNATIVES, ids=ids)
def test_alternative_format(path):
    header = read_header(path)
    assignment, component = check_header(path, header)
    cid = assignment.component_id(component)
    assert path.stem == cid or path.stem.startswith(cid + "__"), f"name it {cid}.py or {cid}__<how>.py"
    assert "HINT" not in header and "CHANGES" not in header, "an alternative is a correct drop-in: no HINT, no CHANGES"
    defined = {n.name for n in ast.parse(path.read_text()).body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    assert component in defined, f"an alternative defines {component}"


@pytest.mark.parametrize("assignment", sorted(ASSIGNMENTS))
def test_every_component_has_mistakes_and_an_alternative(assignment):
    mistakes = [read_header(p)["COMPONENT"] for p in corpus("mistakes", assignment)]
    alternatives = {read_header(p)["COMPONENT"] for p in corpus("alternatives", assignment)}
    for component in ASSIGNMENTS[assignment].components():
        low, high = MISTAKES_PER_COMPONENT[0], MORE_MISTAKES.get(component, MISTAKES_PER_COMPONENT[1])
        assert low <= mistakes.count(component) <= high, f"{component} has {mistakes.count(component)} mistakes"
        assert component in alternatives, f"{component} has no alternative"
