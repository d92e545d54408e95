"""Scripted optimizer runs for the hidden checks (the probe is autograder/worker/probes/optimizers.py).

Every run is made from a seed the student never sees: parameters of a few shapes, and gradients whose
scales differ by many orders of magnitude between parameters (1e-8 exposes where eps goes; 1e3 exposes a
missing clamp or a wrong power) and drift from step to step.
"""
from __future__ import annotations

import torch

from ...check import Check

SHAPES = ((6,), (3, 4), (2, 2, 3))
GRAD_SCALES = (1e-8, 1.0, 1e3)
LR_FACTORS = {0: 1.0, 12: 0.3, 25: 2.5}   # step -> multiplier of each group's base lr from then on


def describe_trajectory_path(path: tuple) -> str:
    if len(path) >= 3 and path[0] == "params":
        return f"after step {path[1] + 1}, parameter {path[2]} (counting across groups)"
    if len(path) >= 2 and path[0] == "loss":
        return f"the loss returned by step(closure) at step {path[1] + 1}"
    return "output " + "".join(f"[{p!r}]" for p in path)


def trajectory_check(component: str, name: str, points: float, seed: int, kwargs: dict, *, steps: int = 40,
                     groups: list[dict] | None = None, none_grads: bool = False, lr_change: bool = False,
                     reload_at: int | None = None, closure: bool = False, wrap: dict | None = None,
                     device_proxy: bool = False) -> Check:
    """A check that runs `component` for `steps` steps and compares every parameter after every step.

    groups: per-group options (e.g. [{"lr": 0.1}, {"lr": 0.01, "weight_decay": 0.1}]); parameters of SHAPES
    are dealt to the groups in turn. none_grads: parameter 1 never gets a gradient and parameter 2 only on
    even steps. lr_change: every group's lr is multiplied by LR_FACTORS from the given steps on.
    """
    group_options = groups or [{}]

    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        count = max(len(SHAPES), len(group_options))
        shapes = [SHAPES[i % len(SHAPES)] for i in range(count)]
        params = [torch.randn(s, generator=g, dtype=torch.float64) for s in shapes]
        scales = [GRAD_SCALES[i % len(GRAD_SCALES)] for i in range(count)]
        grads = []
        for step in range(steps):
            row = []
            for i, (s, scale) in enumerate(zip(shapes, scales)):
                drift = float(torch.exp(0.5 * torch.randn((), generator=g, dtype=torch.float64)))
                grad = torch.randn(s, generator=g, dtype=torch.float64) * scale * drift
                missing = none_grads and (i == 1 or (i == 2 and step % 2 == 1))
                row.append(None if missing else grad)
            grads.append(row)
        dealt = [[] for _ in group_options]
        for i, p in enumerate(params):
            dealt[i % len(group_options)].append(p)
        base_lrs = [opts.get("lr", kwargs.get("lr", wrap and wrap.get("inner_kwargs", {}).get("lr")))
                    for opts in group_options]
        lrs = None
        if lr_change:
            factor, lrs = 1.0, []
            for step in range(steps):
                factor = LR_FACTORS.get(step, factor)
                lrs.append([lr * factor for lr in base_lrs])
        # parameters are listed group by group, so grads must follow the same order
        order = [i for k in range(len(group_options)) for i in range(count) if i % len(group_options) == k]
        grads = [[row[i] for i in order] for row in grads]
        return {"component": component, "groups": [{"params": ps, "options": o} for ps, o in zip(dealt, group_options)],
                "kwargs": kwargs, "grads": grads, "lrs": lrs, "reload_at": reload_at, "closure": closure,
                "wrap": wrap}

    return Check(component=component, name=name, points=points, probe="optimizers.trajectory",
                 make_inputs=make_inputs, describe_path=describe_trajectory_path, device_proxy=device_proxy)


def standard_checks(component: str, seed: int, base: dict, variants: list[tuple[str, dict]]) -> list[Check]:
    """The checks every torch-mirroring optimizer gets, plus its own argument `variants` (name, kwargs)."""
    checks = [trajectory_check(component, "default arguments, gradients from 1e-8 to 1e3", 2, seed, base,
                               device_proxy=True)]
    for i, (name, extra) in enumerate(variants):
        checks.append(trajectory_check(component, name, 1.5, seed + 1 + i, {**base, **extra}))
    checks += [
        trajectory_check(component, "three parameter groups with their own options", 1, seed + 20, base,
                         groups=[{}, {"lr": base.get("lr", 1e-3) * 0.1}, {"weight_decay": 0.05}]),
        trajectory_check(component, "learning rate changed between steps", 1, seed + 21, base, lr_change=True),
        trajectory_check(component, "parameters whose .grad is None (skipped)", 1, seed + 22, base, none_grads=True),
        trajectory_check(component, "state_dict() into a new optimizer mid-run", 1, seed + 23, base, reload_at=17),
        trajectory_check(component, "step(closure)", 0.5, seed + 24, base, closure=True, steps=8),
    ]
    return checks
