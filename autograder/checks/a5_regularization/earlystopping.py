"""Hidden checks for EarlyStopping (autograder/checks/a5_regularization).

The probe (worker/probes/callbacks.py, early_stopping) feeds scripted metric sequences to step(metric, model)
and records, after every step, the returned bool, best and best_epoch; at the end it mutates the model in
place (as an optimizer would) and calls restore(model), whose weights must be those of the best step: a copy,
not a view of the live parameters. The sequences separate an improvement of exactly min_delta (not an
improvement: the rule is strict), ties in mode="max", a count of bad steps that an improvement resets, and
steps after the first "stop".
"""
import torch

from ...check import Check

COMPONENT = "EarlyStopping"
FORBIDDEN = ["pytorch_lightning", "lightning", "ignite.handlers", "keras.callbacks"]  # ready-made stoppers
TORCH_CODE = []

SCENARIOS = [
    {"kwargs": {"patience": 3, "min_delta": 0.25, "mode": "min"},
     "metrics": [2.0, 1.5, 1.25, 1.3, 1.0, 1.1, 0.9, 1.05, 0.6, 0.7]},
    {"kwargs": {"patience": 2, "mode": "max"},
     "metrics": [0.5, 0.5, 0.6, 0.6, 0.55, 0.7, 0.7, 0.69]},
]


def describe_early_stopping_path(path: tuple) -> str:
    if len(path) >= 4 and path[1] == "steps":
        scenario = SCENARIOS[path[0]]
        what = {"stop": "the value step() returned", "best": "best", "best_epoch": "best_epoch"}.get(path[3], path[3])
        return (f"EarlyStopping({', '.join(f'{k}={v!r}' for k, v in scenario['kwargs'].items())}) fed the metrics "
                f"{scenario['metrics'][:path[2] + 1]}: {what} after step {path[2]} (0-based)")
    if len(path) >= 2 and path[1] == "restored":
        return (f"scenario {path[0]}: the weights after restore(model) (the probe changed the model in place after "
                "the best step, as an optimizer does)")
    return "the result"


def make_inputs() -> dict:
    g = torch.Generator().manual_seed(5800)
    return {"scenarios": SCENARIOS, "weights": torch.randn(3, 4, generator=g, dtype=torch.float64)}


CHECKS = [
    Check(COMPONENT, "min_delta 0.25 in mode min, ties in mode max, best weights restored", 5,
          "callbacks.early_stopping", make_inputs, describe_path=describe_early_stopping_path,
          dtypes=("float64",), cpu_only=True),
]
