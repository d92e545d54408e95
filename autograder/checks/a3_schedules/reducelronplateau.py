"""Hidden checks for ReduceLROnPlateau (autograder/checks/a3_schedules). The probe: worker/probes/schedules.py.

The scheduler is fed a scripted metric sequence (made from a seed) that mixes clear improvements, improvements
too small to count (below the threshold), flat stretches and setbacks, so that every rule shows: when an
improvement counts (min and max mode, relative and absolute threshold), how many bad evaluations patience
tolerates, the cooldown after a cut, each group's own min_lr, eps (a cut too small to matter is skipped),
a metric given as a 0-dim tensor, and a resume from state_dict().
"""
from __future__ import annotations

import torch

from ...check import Check
from ._scenarios import describe_record_path, group_start
from ._torch_counterparts import SCHEDULE_FORBIDDEN, SCHEDULE_TORCH_CODE

COMPONENT = "ReduceLROnPlateau"
FORBIDDEN = SCHEDULE_FORBIDDEN
TORCH_CODE = SCHEDULE_TORCH_CODE


def metric_sequence(seed: int, count: int, start: float, moves: list[float], mode: str = "min") -> list[float]:
    """A validation loss (mode "min") or accuracy ("max") that moves by one of `moves`, picked at random, at
    each evaluation: a loss is multiplied by (1 + move), an accuracy gets move added."""
    g = torch.Generator().manual_seed(seed)
    picks = torch.randint(len(moves), (count,), generator=g).tolist()
    value, metrics = start, []
    for pick in picks:
        value = value * (1 + moves[pick]) if mode == "min" else value + moves[pick]
        metrics.append(round(value, 6))
    return metrics


def plateau_check(name: str, points: float, seed: int, kwargs: dict, metrics: list[float], group_lrs: list[float],
                  *, reload_at: int | None = None, metric_as_tensor: bool = False,
                  device_proxy: bool = False) -> Check:
    """A check that calls step(metric) for each of `metrics` and compares every group's lr after each call."""
    def make_inputs() -> dict:
        start = group_start(seed)
        return {"params": start["params"], "group_lrs": group_lrs, "kwargs": kwargs,
                "metrics": metrics, "reload_at": reload_at, "metric_as_tensor": metric_as_tensor}

    def when(i: int) -> str:
        if i == 0:
            return "at construction (before any step(metric))"
        moment = f"after step(metric) number {i} (metric {metrics[i - 1]:.6g})"
        if reload_at is not None and i > reload_at:
            moment += f" (resumed from state_dict() saved after number {reload_at})"
        return moment

    return Check(component=COMPONENT, name=name, points=points, probe="schedules.plateau", make_inputs=make_inputs,
                 describe_path=lambda path: describe_record_path(when, path), dtypes=("float64",), cpu_only=True,
                 device_proxy=device_proxy)


CHECKS = [
    plateau_check("min mode, relative threshold 0.01, patience 3, factor 0.3, 60 evaluations", 3, 4200,
                  {"threshold": 0.01, "patience": 3, "factor": 0.3},
                  metric_sequence(4200, 60, 2.0, [-0.08, -0.005, 0.0, 0.02]), [0.8, 0.05, 0.3],
                  device_proxy=True),
    plateau_check("max mode, absolute threshold 0.02, patience 2, cooldown 3, min_lr per group", 3, 4201,
                  {"mode": "max", "threshold_mode": "abs", "threshold": 0.02, "patience": 2, "cooldown": 3,
                   "factor": 0.5, "min_lr": [0.1, 0.0, 0.02]},
                  metric_sequence(4201, 60, 0.3, [0.04, 0.015, 0.0, -0.01], mode="max"), [0.9, 0.01, 0.2]),
    plateau_check("min mode, absolute threshold, cooldown 2, eps 1e-6, metric as a tensor, resumed after 20", 2, 4202,
                  {"threshold_mode": "abs", "threshold": 0.05, "patience": 1, "cooldown": 2, "factor": 0.4,
                   "eps": 1e-6},
                  metric_sequence(4202, 50, 3.0, [-0.1, -0.01, 0.01, 0.0]), [0.5, 4e-6, 0.02],
                  reload_at=20, metric_as_tensor=True),
]
