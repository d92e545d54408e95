"""Penalty checks shared by l1_penalty and l2_penalty (the probe: worker/probes/regularization.py, penalty).

The penalty's value and its gradient with respect to every parameter are compared with the reference's. The
parameters come in a few shapes with a few exact zeros (|w| has a kink there), handed over as a list or as a
generator like model.parameters(), which can be walked only once.
"""
from __future__ import annotations

import torch

from ...check import Check

SHAPES = ((7, 5), (5,), (3, 2, 4))


def describe_penalty_path(path: tuple) -> str:
    if path[:1] == ("value",):
        return "the penalty's value"
    if len(path) >= 2 and path[0] == "grads":
        return f"the penalty's gradient with respect to parameter {path[1]}"
    return "the result" + "".join(f"[{p!r}]" for p in path)


def penalty_check(component: str, name: str, points: float, seed: int, lam: float, pass_as: str,
                  device_proxy: bool = False) -> Check:
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        params = [torch.randn(shape, generator=g, dtype=torch.float64) * 2.0 for shape in SHAPES]
        params[0][0, :2] = 0.0
        return {"function": component, "params": params, "lam": lam, "pass_as": pass_as}
    return Check(component, name, points, "regularization.penalty", make_inputs,
                 describe_path=describe_penalty_path, device_proxy=device_proxy)
