"""Expected against got as plain series, for the plots of the HTML report (html_report.py).

expected_against_got(check, expected, got) -> at most MAX_PLOTS plot specs, each a dict of plain Python values:
    {"title", "x_label", "y_label", "x": [floats], "expected": [floats], "got": [floats], "log_y": bool}
                 (a series shorter than the other, a run that stopped early, is padded with nan)
    {"kind": "histogram", "title", "x_label", "y_label", "edges": [BINS + 1 floats], "expected": [counts],
     "got": [counts]}
`expected` is the reference's raw output (tensors), `got` the student's as decoded from the worker (WireTensor,
Unsupported). Only outputs that are a trajectory or a curve get plots: an optimizer's parameters over steps, a
schedule's learning rate over steps, the LR range test's rates and losses, an initializer's sample (a histogram);
every other probe gets []. Where a series is plotted is where the grader's own comparison (feedback.py) found the
first difference, so the plot shows what the message names. Never raises: a plot is never worth a check's points.
"""
from __future__ import annotations

import math

import torch

from .feedback import compare_outputs
from .worker.wire import WireTensor

MAX_POINTS = 200   # per series: a page with a hundred plots stays small
MAX_PLOTS = 3
BINS = 40


def _floats(values) -> list[float]:
    """Plain floats, at most MAX_POINTS of them (every k-th); nan stands for anything not finite."""
    values = [float(v) for v in values]
    stride = math.ceil(len(values) / MAX_POINTS) if values else 1
    return [v if math.isfinite(v) else math.nan for v in values[::stride]]


def _curve(title: str, x_label: str, y_label: str, expected: list, got: list, first: int = 0,
           log_y: bool = False) -> dict:
    """One line plot over steps first, first + 1, ...; the shorter series is padded with nan (a run that
    stopped early)."""
    n = max(len(expected), len(got))
    pad = lambda s: list(s) + [math.nan] * (n - len(s))  # noqa: E731
    return {"title": title, "x_label": x_label, "y_label": y_label, "x": _floats(range(first, first + n)),
            "expected": _floats(pad(expected)), "got": _floats(pad(got)), "log_y": log_y}


def _dtype(value) -> str:
    """The dtype the reference output was computed in (it sets the comparison's tolerance)."""
    if isinstance(value, torch.Tensor):
        return str(value.dtype).removeprefix("torch.")
    if isinstance(value, (list, tuple)) and value:
        return _dtype(value[0])
    if isinstance(value, dict) and value:
        return _dtype(next(iter(value.values())))
    return "float64"


def _trajectory(expected: dict, got: dict) -> list[dict]:
    """The element that differs most at the first step where a parameter differs, over every step."""
    mismatch = compare_outputs(expected["params"], got["params"], _dtype(expected["params"]))
    if mismatch is None or len(mismatch.path) < 2:
        return []
    step, i = mismatch.path[:2]
    e = torch.stack([row[i].detach().double().reshape(-1) for row in expected["params"]])
    g = torch.stack([row[i].tensor.double().reshape(-1) for row in got["params"]])
    j = int((g[step] - e[step]).abs().nan_to_num(math.inf).argmax())
    return [_curve(f"parameter {i}, element {j}", "step", "value", e[:, j].tolist(), g[:, j].tolist(),
                   first=1)]


def _schedule(expected: list, got: list) -> list[dict]:
    """The learning rate of the first group that differs (group 0 if no rate does), and the cycled momentum
    or beta1 of that group where that is what differs."""
    n = min(len(expected), len(got))   # a run of the wrong length: where do the steps both took differ?
    mismatch = compare_outputs(expected[:n], got[:n], "float64") or compare_outputs(expected, got, "float64")
    if mismatch is None:
        return []
    path = mismatch.path
    group = path[2] if len(path) > 2 and isinstance(path[2], int) else 0
    plots = [_curve(f"learning rate, group {group}", "step", "lr",
                    [r["lr"][group] for r in expected], [r["lr"][group] for r in got])]
    if len(path) > 2 and path[1] in ("momentum", "betas"):
        pick = (lambda r: r["momentum"][group]) if path[1] == "momentum" else (lambda r: r["betas"][group][0])
        name = "momentum" if path[1] == "momentum" else "beta1"
        plots.append(_curve(f"{name}, group {group}", "step", name, [pick(r) for r in expected],
                            [pick(r) for r in got]))
    return plots


def _range_test(expected: dict, got: dict) -> list[dict]:
    """The rates tried and the smoothed losses, step by step."""
    if compare_outputs({k: expected[k] for k in ("lrs", "losses")}, got, "float64") is None:
        return []
    as_float = lambda v: v.tensor.item() if isinstance(v, WireTensor) else v  # noqa: E731
    return [_curve("learning rate tried", "step", "lr", expected["lrs"], [as_float(v) for v in got["lrs"]],
                   first=1, log_y=True),
            _curve("smoothed loss", "step", "loss", [float(v) for v in expected["losses"]],
                   [as_float(v) for v in got["losses"]], first=1)]


def _sample(expected: dict, got: dict) -> list[dict]:
    """Histograms of the two samples, BINS bins over the range both cover (counts only, so the page stays
    small)."""
    e = expected["sample"].detach().double().reshape(-1)
    g = got["sample"].tensor.double().reshape(-1)
    e, g = e[torch.isfinite(e)], g[torch.isfinite(g)]
    both = torch.cat([e, g])
    lo, hi = float(both.min()), float(both.max())
    if hi <= lo:
        lo, hi = lo - 0.5, hi + 0.5
    edges = torch.linspace(lo, hi, BINS + 1, dtype=torch.float64)
    count = lambda t: torch.histc(t, BINS, lo, hi).tolist()  # noqa: E731
    return [{"kind": "histogram", "title": "values drawn", "x_label": "value", "y_label": "count",
             "edges": _floats(edges.tolist()), "expected": _floats(count(e)), "got": _floats(count(g))}]


PLOTS = {"optimizers.trajectory": _trajectory, "schedules.schedule": _schedule, "schedules.plateau": _schedule,
         "schedules.range_test": _range_test, "initializers.sample": _sample}


def expected_against_got(check, expected, got) -> list[dict]:
    """The plots for one failing variant (see the module docstring); [] for anything unexpected."""
    plot = PLOTS.get(getattr(check, "probe", None))
    if plot is None:
        return []
    try:
        return plot(expected, got)[:MAX_PLOTS]
    except Exception:  # noqa: BLE001 - a malformed output (the student's) gets no plot, never an error
        return []
