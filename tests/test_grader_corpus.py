"""Every realistic mistake loses points on its component; every correct alternative keeps them all.

Each mistake is applied to a copy of the reference (autograder/corpus.py) and graded by the real grader
(quick mode: the first CPU variant of each check of that component), many to a worker (tests/grading.py).
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
    batched = grade_many(jobs)
    for path, header, results in zip(mistakes, headers, batched):
        score, max_score = scores(results).get(header["COMPONENT"], (0.0, 0.0))
        assert max_score > 0, f"{path.name}: component {header['COMPONENT']} has no checks"
        if score >= max_score:
            survivors.append(path.name)
    assert not survivors, f"mistakes that kept full marks: {survivors}"
    # They were graded many to a worker; a sample of those graded last, after many others in the same worker,
    # each graded again in its own worker as students are, scores the same.
    sample = sorted({len(jobs) // 2, len(jobs) - 2, len(jobs) - 1})
    alone = grade_many([jobs[i] for i in sample], isolated=True)
    assert [scores(r) for r in alone] == [scores(batched[i]) for i in sample]


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
