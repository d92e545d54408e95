"""Hidden checks for lr_range_test (autograder/checks/a3_schedules). The probe: autograder/worker/probes/schedules.py.

A small tanh network fits a noisy linear target from data made from a seed, through batches fewer than the
steps (so they must be started over). The checks compare the rates (geometric growth from start_lr to
end_lr), the bias-corrected smoothed losses, where the test stops (the first smoothed loss above diverge x
the best, included), and that afterwards the model's parameters, the optimizer's state and hyperparameters,
and the model's eval mode are exactly as they were. This one trains a model, so it runs on every device
and dtype.
"""
from __future__ import annotations

import torch

from ...check import Check
from ._torch_counterparts import RANGE_TEST_FORBIDDEN

COMPONENT = "lr_range_test"
FORBIDDEN = RANGE_TEST_FORBIDDEN
TORCH_CODE = []

RESTORED = {
    "parameters": "the model's parameters are exactly as before the test",
    "optimizer state": "the optimizer's state (momentum buffers, Adam's moments) is exactly as before the test",
    "optimizer hyperparameters": "every parameter group's hyperparameters (lr included) are as before the test",
    "eval mode": "the model is back in eval mode, as it was before the test",
}


def describe_range_test_path(path: tuple) -> str:
    if path == ("lrs",) or path == ("losses",):
        return f"the list {path[0]} returned (its length says at which step the test stopped)"
    if len(path) >= 2 and path[0] == "lrs":
        return f"lrs[{path[1]}] (the rate of step {path[1]})"
    if len(path) >= 2 and path[0] == "losses":
        return f"losses[{path[1]}] (the smoothed loss reported after step {path[1]})"
    if len(path) >= 2 and path[0] == "restored":
        return f"afterwards, whether {RESTORED.get(path[1], path[1])}"
    return "output " + "".join(f"[{p!r}]" for p in path)


def range_test_check(name: str, points: float, seed: int, optimizer: str, optimizer_kwargs: dict, kwargs: dict, *,
                     samples: int = 40, batch_size: int = 10, hidden: int = 6, device_proxy: bool = False) -> Check:
    """A check that runs lr_range_test(**kwargs) with `optimizer` on a regression problem made from `seed`."""
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        features = 3
        x = torch.randn(samples, features, generator=g, dtype=torch.float64)
        target_weights = torch.randn(features, 1, generator=g, dtype=torch.float64) * 2
        y = x @ target_weights + 0.1 * torch.randn(samples, 1, generator=g, dtype=torch.float64)
        return {"x": x, "y": y,
                "w1": torch.randn(hidden, features, generator=g, dtype=torch.float64) / features ** 0.5,
                "b1": 0.1 * torch.randn(hidden, generator=g, dtype=torch.float64),
                "w2": torch.randn(1, hidden, generator=g, dtype=torch.float64) / hidden ** 0.5,
                "b2": 0.1 * torch.randn(1, generator=g, dtype=torch.float64),
                "batch_size": batch_size, "optimizer": optimizer, "optimizer_kwargs": optimizer_kwargs,
                "kwargs": kwargs}

    return Check(component=COMPONENT, name=name, points=points, probe="schedules.range_test", make_inputs=make_inputs,
                 describe_path=describe_range_test_path, device_proxy=device_proxy)


CHECKS = [
    range_test_check("SGD with momentum, 1e-4 to 30 over 100 steps: the loss diverges, the test stops early", 4, 4300,
                     "SGD", {"lr": 0.05, "momentum": 0.9},
                     {"start_lr": 1e-4, "end_lr": 30.0, "num_iters": 100}, device_proxy=True),
    range_test_check("Adam, 1e-3 to 0.1 over 30 steps, smooth 0.3, diverge 2.5 (no divergence)", 2.5, 4301,
                     "Adam", {"lr": 0.001},
                     {"start_lr": 1e-3, "end_lr": 0.1, "num_iters": 30, "smooth": 0.3, "diverge": 2.5}),
]
