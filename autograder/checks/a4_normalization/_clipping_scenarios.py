"""Gradients to clip for the hidden checks (the probes: autograder/worker/probes/clipping.py).

Every call is made from a seed the student never sees: parameters of several shapes whose gradients differ
in scale (so a per-parameter norm, or a coefficient applied to the wrong tensors, shows), some parameters
without a gradient, and the parameters handed over as a list, a generator or a single tensor.
"""
from __future__ import annotations

import torch

from ...check import Check

SHAPES = ((4, 3), (5,), (2, 3, 2), (3,))


def clipping_call(generator: torch.Generator, *, grad_scales: tuple, without_grad: tuple = (),
                  set_entries: tuple = (), pass_as: str = "list", **arguments) -> dict:
    """One call: len(grad_scales) parameters of SHAPES (in turn), gradient i drawn at scale grad_scales[i]
    (None for the indices in without_grad), then each (parameter, flat index, value) of set_entries written
    into those gradients (an inf, a nan, a large negative entry), plus the clipping function's `arguments`."""
    shapes = [SHAPES[i % len(SHAPES)] for i in range(len(grad_scales))]
    params = [torch.randn(s, generator=generator, dtype=torch.float64) for s in shapes]
    grads = [None if i in without_grad else scale * torch.randn(s, generator=generator, dtype=torch.float64)
             for i, (s, scale) in enumerate(zip(shapes, grad_scales))]
    for i, flat_index, value in set_entries:
        grads[i].view(-1)[flat_index] = value
    return {"params": params, "grads": grads, "pass_as": pass_as, **arguments}


def describe_clipping_path(labels: list[str]):
    """Words for where a difference is, e.g. "call 2 (norm_type=inf), grad of parameter 1"."""
    what = {"grads": "grad of parameter {}",
            "grad_is_same_tensor": "parameter {}, whether .grad is still the same tensor (clipped in place)",
            "params": "value of parameter {} (clipping must leave parameters alone)"}

    def describe(path: tuple) -> str:
        if not path:
            return "the result"
        call = f"call {path[0] + 1} ({labels[path[0]]})" if len(labels) > 1 else labels[0]
        if len(path) >= 3 and path[1] in what:
            return f"{call}, " + what[path[1]].format(path[2])
        if len(path) >= 2 and path[1] == "total_norm":
            return f"{call}, the total norm it returns"
        if len(path) >= 2 and path[1] == "raised":
            return f"{call}, the exception it raises (None: none)"
        return f"{call}, " + "".join(f"[{p!r}]" for p in path[1:])
    return describe


def clipping_check(component: str, name: str, points: float, seed: int, calls: list[dict],
                   device_proxy: bool = False) -> Check:
    """calls: [{"label": "norm_type=1", "grad_scales": (...), "without_grad": (...), "pass_as": ...,
    plus the function's arguments}, ...], each made into a call by clipping_call from the check's seed."""
    probe = "clipping.clip_norm" if component == "clip_grad_norm_" else "clipping.clip_value"
    labels = [c["label"] for c in calls]

    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        calls_made = [clipping_call(g, **{k: v for k, v in call.items() if k != "label"}) for call in calls]
        return {"calls": calls_made}

    return Check(component=component, name=name, points=points, probe=probe, make_inputs=make_inputs,
                 describe_path=describe_clipping_path(labels), device_proxy=device_proxy)
