"""Scripted scheduler runs for the hidden checks (the probe is autograder/worker/probes/schedules.py).

A run builds a trusted torch.optim.SGD or Adam with three parameter groups whose starting rates come from a
seed the student never sees (spread over two orders of magnitude, so a schedule that mixes up groups or
uses one group's rate for all shows at once), then the student's scheduler, and records every group's lr
and get_last_lr() after construction and after every optimizer.step(); scheduler.step(). Runs are long
(60 to 150 steps) so that late events happen: holds after the end, restarts, a cosine past T_max.

Learning rates are Python floats: the dtype and the device say nothing about them, so these checks run once,
in float64 on the CPU (the device proxy variant still catches a tensor made on the default device).
"""
from __future__ import annotations

import torch

from ...check import Check

GROUPS = 3


def group_start(seed: int) -> dict:
    """The optimizer's starting point from a seed: three starting rates in [0.01, 2] and a parameter per group."""
    g = torch.Generator().manual_seed(seed)
    exponents = torch.empty(GROUPS, dtype=torch.float64).uniform_(-2.0, 0.3, generator=g)
    return {"group_lrs": [float(10 ** e) for e in exponents],
            "params": [torch.randn(2, generator=g, dtype=torch.float64) for _ in range(GROUPS)]}


def describe_group_value(key: str, group) -> str:
    """("lr", 1) -> "group 1's lr"; ("betas", 0, 0) -> "group 0's betas[0] (beta1)"."""
    if key == "lr":
        return f"group {group}'s lr"
    if key == "get_last_lr":
        return f"get_last_lr()[{group}]"
    if key == "momentum":
        return f"group {group}'s momentum"
    return f"group {group}'s {key}"


def describe_record_path(when, path: tuple) -> str:
    """path = (record index, key, group[, index]); `when(t)` words the moment of record t."""
    if not path:
        return "the list of recorded steps"
    moment = when(path[0])
    if len(path) == 1:
        return f"{moment}, the recorded values"
    if len(path) == 2:
        return f"{moment}, {path[1]} (one value per parameter group)"
    what = describe_group_value(path[1], path[2])
    if path[1] == "betas" and len(path) >= 4:
        what += f"[{path[3]}]" + (" (beta1)" if path[3] == 0 else " (beta2)")
    return f"{moment}, {what}"


def schedule_moments(reload_at: int | None = None, epochs: list | None = None):
    """A function t -> "after step t" (and how it was reached), for describe_record_path."""
    def when(t: int) -> str:
        if t == 0:
            return "at construction (before any step)"
        moment = f"after step {t}" if epochs is None else f"after step {t}, scheduler.step({epochs[t - 1]:.6g})"
        if reload_at is not None and t > reload_at:
            moment += f" (resumed from state_dict() saved after step {reload_at})"
        return moment
    return when


def schedule_check(component: str, name: str, points: float, seed: int, kwargs: dict, steps: int, *,
                   optimizer: str = "SGD", optimizer_kwargs: dict | None = None, reload_at: int | None = None,
                   epochs: list | None = None, cycled: str | None = None, device_proxy: bool = False) -> Check:
    """A check that runs `component(optimizer, **kwargs)` for `steps` steps and compares every recorded value.

    reload_at: after that step, the run continues in a fresh optimizer and scheduler loaded from state dicts.
    epochs: the steps are scheduler.step(epoch) with these explicit epochs.
    cycled: "momentum" (SGD) or "betas" (Adam): also record what OneCycleLR cycles.
    """
    def make_inputs() -> dict:
        return {"component": component, **group_start(seed), "kwargs": kwargs, "steps": steps,
                "optimizer": optimizer, "optimizer_kwargs": optimizer_kwargs or {}, "reload_at": reload_at,
                "epochs": epochs, "cycled": cycled}

    when = schedule_moments(reload_at, epochs)
    return Check(component=component, name=name, points=points, probe="schedules.schedule",
                 make_inputs=make_inputs, describe_path=lambda path: describe_record_path(when, path),
                 dtypes=("float64",), cpu_only=True, device_proxy=device_proxy)
