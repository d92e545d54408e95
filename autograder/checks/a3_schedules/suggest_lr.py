"""Hidden checks for suggest_lr (autograder/checks/a3_schedules). The probe: autograder/worker/probes/schedules.py.

Synthetic range-test curves whose steepest descent against log lr is known (and is neither where the loss is
lowest nor where the slope against lr itself is steepest), with noise at small rates and a diverging,
non-finite tail; and the edge cases of the contract: the left end of the steepest pair, the first of a tie,
pairs skipped for a non-finite slope or equal rates, and ValueError for unusable input (the probe reports
the exception's type name).
"""
from __future__ import annotations

import math

import torch

from ...check import Check
from ._torch_counterparts import RANGE_TEST_FORBIDDEN

COMPONENT = "suggest_lr"
FORBIDDEN = RANGE_TEST_FORBIDDEN
TORCH_CODE = []


def range_test_curve(seed: int, points: int, low: float, high: float, steepest: float, noise: float,
                     diverge_at: float | None = None, tail: list[float] | None = None) -> dict:
    """lrs from 10^low to 10^high (geometric); the loss falls fastest at 10^steepest, rises again after its
    minimum, and carries noise of size `noise`; `tail` (e.g. [inf, nan]) is appended as a diverged end."""
    g = torch.Generator().manual_seed(seed)
    lrs = [10 ** (low + (high - low) * i / (points - 1)) for i in range(points)]
    losses = []
    for lr in lrs:
        x = math.log10(lr)
        loss = 2.0 - math.tanh((x - steepest) / 0.4) + 0.8 * max(0.0, x - steepest - 1.5) ** 2
        losses.append(loss + noise * float(torch.randn((), generator=g, dtype=torch.float64)))
    for extra in tail or []:
        lrs.append(lrs[-1] * (lrs[1] / lrs[0]))
        losses.append(extra)
    return {"lrs": lrs, "losses": losses}


def suggestion_check(name: str, points: float, cases: list[tuple[str, dict]]) -> Check:
    """A check that calls suggest_lr on each (description, {"lrs", "losses"}) case."""
    def describe(path: tuple) -> str:
        if not path:
            return "the answers"
        case = f"case {path[0]} ({cases[path[0]][0]})"
        if len(path) >= 2 and path[1] == "raised":
            return f"{case}: the exception raised (None: a rate returned)"
        if len(path) >= 2:
            return f"{case}: the suggested rate"
        return case

    return Check(component=COMPONENT, name=name, points=points, probe="schedules.suggestion",
                 make_inputs=lambda: {"cases": [case for _, case in cases]}, describe_path=describe,
                 dtypes=("float64",), cpu_only=True)


CURVES = [
    ("steepest at 1e-2.5, noise 0.002, 90 points from 1e-6 to 10",
     range_test_curve(4400, 90, -6.0, 1.0, -2.5, 0.002)),
    ("steepest at 1e-4, noise 0.01, a diverged tail [inf, nan]",
     range_test_curve(4401, 60, -7.0, -1.0, -4.0, 0.01, tail=[math.inf, math.nan])),
    ("steepest at 0.03, noisy small rates, 40 points from 1e-5 to 1",
     range_test_curve(4402, 40, -5.0, 0.0, -1.5, 0.02)),
]

EDGE_CASES = [
    ("two points", {"lrs": [0.001, 0.01], "losses": [1.0, 0.5]}),
    ("a tie: the first steepest pair wins", {"lrs": [0.25, 0.5, 1.0, 2.0, 4.0], "losses": [5.0, 4.0, 3.0, 2.5, 2.0]}),
    ("a -inf loss: its pairs are skipped", {"lrs": [1e-4, 1e-3, 1e-2, 1e-1], "losses": [1.0, 0.9, 0.2, -math.inf]}),
    ("a nan loss in the middle", {"lrs": [1e-5, 1e-4, 1e-3, 1e-2, 1e-1], "losses": [2.0, 1.9, math.nan, 1.0, 0.1]}),
    ("two equal rates: that pair is skipped", {"lrs": [1e-3, 1e-3, 1e-2, 1e-1], "losses": [1.0, 0.0, 0.5, 0.6]}),
    ("the loss only rises: the least steep rise", {"lrs": [1e-3, 1e-2, 1e-1, 1.0], "losses": [1.0, 1.5, 1.6, 3.0]}),
    ("one point only", {"lrs": [0.001], "losses": [1.0]}),
    ("lists of different lengths", {"lrs": [1e-3, 1e-2, 1e-1], "losses": [1.0, 0.5]}),
    ("a rate of 0", {"lrs": [0.0, 1e-3, 1e-2], "losses": [1.0, 0.9, 0.4]}),
    ("every loss nan: no finite slope", {"lrs": [1e-3, 1e-2, 1e-1], "losses": [math.nan, math.nan, math.nan]}),
]

CHECKS = [
    suggestion_check("synthetic range-test curves with a known steepest descent", 3, CURVES),
    suggestion_check("edge cases: ties, skipped pairs, and ValueError for unusable input", 2, EDGE_CASES),
]
