"""Every realistic mistake loses points on its component; every correct alternative keeps them all.

Each mistake is dropped into a copy of the reference (its source appended to the file, replacing one name)
and graded by the real grader (quick mode: the first CPU variant of each check of that component).
"""
import pytest

from autograder.checks import ASSIGNMENTS
from autograder.corpus import read_header

from grading import corpus, grade_files, grade_many, scores, with_dropins

GRADED = sorted(ASSIGNMENTS)


@pytest.mark.parametrize("assignment", GRADED)
def test_every_mistake_loses_points_on_its_component(assignment):
    mistakes = corpus("mistakes", assignment)
    assert mistakes, f"{assignment} has no mistake corpus"
    headers = [read_header(p) for p in mistakes]
    jobs = [(assignment, with_dropins(assignment, [p]), {h["COMPONENT"]}, True) for p, h in zip(mistakes, headers)]
    survivors = []
    for path, header, results in zip(mistakes, headers, grade_many(jobs)):
        score, max_score = scores(results).get(header["COMPONENT"], (0.0, 0.0))
        assert max_score > 0, f"{path.name}: component {header['COMPONENT']} has no checks"
        if score >= max_score:
            survivors.append(path.name)
    assert not survivors, f"mistakes that kept full marks: {survivors}"


@pytest.mark.parametrize("assignment", GRADED)
def test_every_component_has_mistakes_and_an_alternative(assignment):
    components = set(ASSIGNMENTS[assignment].components())
    with_mistakes = {read_header(p)["COMPONENT"] for p in corpus("mistakes", assignment)}
    with_alternatives = {read_header(p)["COMPONENT"] for p in corpus("alternatives", assignment)}
    assert components <= with_mistakes, f"components without mistakes: {components - with_mistakes}"
    assert components <= with_alternatives, f"components without an alternative: {components - with_alternatives}"


@pytest.mark.parametrize("assignment", GRADED)
def test_correct_alternatives_keep_full_marks(assignment):
    results = grade_files(assignment, with_dropins(assignment, corpus("alternatives", assignment)))
    lost = {r.component + " / " + r.name: r.output for r in results if not r.passed}
    assert not lost, f"alternatives lost points: {lost}"


@pytest.mark.parametrize("assignment", GRADED)
def test_hints_name_the_mistake(assignment):
    """At least one mistake per assignment is recognised and its HINT shown (the hint machinery works)."""
    mistakes = corpus("mistakes", assignment)[:6]
    hinted = []
    for path, results in zip(mistakes, grade_many([(assignment, with_dropins(assignment, [p]),
                                                     {read_header(p)["COMPONENT"]}, True) for p in mistakes])):
        hint = read_header(path)["HINT"]
        if any(hint in r.output for r in results):
            hinted.append(path.name)
    assert hinted, f"none of {[p.name for p in mistakes]} got its hint"
