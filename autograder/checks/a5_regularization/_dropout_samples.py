"""Judging dropout by the properties of what it returns (the probes: worker/probes/regularization.py).

A correct dropout may draw its mask in any way (torch.rand or torch.bernoulli, in any order, on CPU or CUDA),
so masks are never compared with the reference's. For each run ("part") of the probe the grader reads off the
reference's sample the kept fraction f and the factor s that kept values were multiplied by (x / (1 - p) in
training mode, x itself in eval mode), and then asks of the student's sample:

    kept fraction        within K standard errors of f for two independent samples: K * sqrt(2 f (1 - f) / n)
                         (K = 6: a correct implementation fails with probability below 1e-8, and the probe's
                         seed is fixed anyway); exactly f where f is 0 or 1 (p = 1, eval mode, p = 0)
    kept values          y = s * x, to the dtype's tolerance; every other element exactly 0
    gradient             dy/dx * upstream = s * upstream on the kept elements, 0 on the dropped ones, on the
                         student's own mask

Reading f and s off a sample, rather than from a formula, keeps the comparison symmetric: the hint machinery
(autograder/hints.py) runs each known mistake through the same probe and recognises a student's sample of the
same wrong distribution (p taken as the keep probability, survivors not rescaled, ...).
"""
from __future__ import annotations

import math

import torch

from ...feedback import TOLERANCES, Mismatch
from ...worker.wire import WireTensor

K = 6.0

# The probes seed torch's global generator with the check's seed plus this offset. Never with the seed that made
# the inputs: torch.manual_seed(s) restarts the very stream torch.Generator().manual_seed(s) drew the inputs from,
# and a mask drawn from it would be correlated with x (alpha dropout's mean came out 12 standard errors off).
PROBE_SEED_OFFSET = 100_000

PART_NAMES = {
    "train": "in training mode",
    "second": "on a second call in training mode",
    "eval": "in eval mode",
    "p0": "with p=0",
    "p1": "with p=1",
    "inplace": "with inplace=True",
}


def as_tensor(value) -> torch.Tensor | None:
    """A float64 CPU copy of a tensor from either side (the worker's arrive as WireTensor), else None."""
    if isinstance(value, WireTensor):
        value = value.tensor
    if isinstance(value, torch.Tensor):
        return value.detach().to("cpu", torch.float64)
    return None


def check_device(value, expected_device, where) -> Mismatch | None:
    if expected_device and isinstance(value, WireTensor) and value.device.split(":")[0] != expected_device:
        return Mismatch(where, f"the result is on {value.device}, but the input was on {expected_device}: "
                               "create the mask on the input's device (e.g. torch.rand_like(x))")
    return None


def kept_fraction_tolerance(f: float, n_expected: int, n_got: int) -> float:
    return K * math.sqrt(f * (1 - f) / n_expected + f * (1 - f) / n_got)


def scale_of(x: torch.Tensor, y: torch.Tensor) -> float | None:
    """The factor kept elements were multiplied by (the median of y / x over nonzero y), None if none kept."""
    kept = y != 0
    if not bool(kept.any()):
        return None
    return float((y[kept] / x[kept]).median())


def _fmt_scale(s: float, p: float) -> str:
    if abs(s - 1.0) < 1e-12:
        return "x itself"
    if p < 1 and abs(s - 1.0 / (1.0 - p)) < 1e-9 * s:
        return f"x / (1 - p) = {s:.6g} x"
    return f"{s:.6g} x"


def _first(mask: torch.Tensor) -> tuple:
    flat = int(mask.reshape(-1).nonzero()[0])
    return tuple(int(i) for i in torch.unravel_index(torch.tensor(flat), mask.shape))


def compare_part(name, expected: dict, got, x, upstream, p, dtype, expected_device) -> Mismatch | None:
    """One run of dropout: kept fraction, kept values, zeros, gradient (see the module docstring)."""
    where = (name,)
    how = PART_NAMES.get(name, name)
    if not isinstance(got, dict) or "y" not in got:
        return Mismatch(where, f"{how}: no output")
    y_e, y_g = as_tensor(expected["y"]), as_tensor(got["y"])
    if y_g is None:
        return Mismatch(where, f"{how}: expected a tensor, got {type(got['y']).__name__}")
    wrong_device = check_device(got["y"], expected_device, where)
    if wrong_device:
        return wrong_device
    if y_g.shape != y_e.shape:
        return Mismatch(where, f"{how}: expected shape {tuple(y_e.shape)}, got {tuple(y_g.shape)}")
    if isinstance(got["y"], WireTensor) and str(got["y"].tensor.dtype) != f"torch.{dtype}":
        return Mismatch(where, f"{how}: expected dtype {dtype}, got {got['y'].tensor.dtype}: keep the input's dtype")
    if bool(torch.isnan(y_g).any()):
        return Mismatch(where, f"{how}: the output holds nan (0 / 0 somewhere?)")

    n = y_e.numel()
    f_e, f_g = float((y_e != 0).double().mean()), float((y_g != 0).double().mean())
    tolerance = kept_fraction_tolerance(f_e, n, y_g.numel())
    if abs(f_g - f_e) > tolerance:
        expectation = f"about {100 * f_e:.1f}% (a sample of {n} tolerates ±{100 * tolerance:.2f}%)" \
            if tolerance > 0 else f"{100 * f_e:.0f}%"
        return Mismatch(where, f"{how} (p={p}): {100 * f_g:.1f}% of the elements were kept (nonzero), "
                               f"expected {expectation}")

    s = scale_of(x, y_e)
    kept = y_g != 0
    if s is not None and bool(kept.any()):
        rtol, atol = TOLERANCES.get(dtype, TOLERANCES["float32"])
        want = s * x
        scale = max(1.0, float(want.abs().max()))
        wrong = kept & ((y_g - want).abs() > atol * scale + rtol * want.abs())
        if bool(wrong.any()):
            i = _first(wrong)
            return Mismatch(where, f"{how} (p={p}): kept elements should be {_fmt_scale(s, p)}, but at index {i} "
                                   f"x = {x[i].item():.6g} became {y_g[i].item():.6g} (= {y_g[i].item() / x[i].item():.6g} x; "
                                   f"{int(wrong.sum())} of {int(kept.sum())} kept elements are off)")
    elif s is None and bool(kept.any()):
        i = _first(kept)
        return Mismatch(where, f"{how}: every element should be 0, but at index {i} the output is {y_g[i].item():.6g}")

    grad_e, grad_g = expected.get("grad"), got.get("grad")
    if grad_e is None:
        return None
    g_e = as_tensor(grad_e)
    if grad_g is None:
        if s is None and not bool(g_e.any()):
            return None   # p = 1: a result without a graph has the right (zero) gradient
        return Mismatch(where, f"{how}: no gradient reached the input: the output must be computed from x with "
                               "differentiable tensor operations (no .item(), no torch.no_grad(), no new tensor)")
    g_g = as_tensor(grad_g)
    if g_g is None or g_g.shape != y_e.shape:
        return Mismatch(where, f"{how}: the input's gradient has the wrong shape")
    rtol, atol = TOLERANCES.get(dtype, TOLERANCES["float32"])
    want = torch.where(kept, (s or 0.0) * upstream, torch.zeros_like(upstream))
    scale = max(1.0, float(want.abs().max()))
    wrong = (g_g - want).abs() > atol * scale + rtol * want.abs()
    if bool(wrong.any()):
        i = _first(wrong)
        state = "kept" if bool(kept[i]) else "dropped"
        return Mismatch(where, f"{how} (p={p}): the gradient at index {i} (a {state} element) is "
                               f"{g_g[i].item():.6g}, expected {want[i].item():.6g}: dy/dx is the scale on kept "
                               "elements and 0 on dropped ones, on the same mask as the forward pass")
    return None


def compare_invalid(expected, got) -> Mismatch | None:
    if got != expected:
        return Mismatch(("invalid",), f"p outside [0, 1] should raise {expected[0]}; for the values tried, yours "
                                      f"raised {[g or 'nothing' for g in got] if isinstance(got, list) else got}")
    return None


def compare_mask_agreement(expected, got) -> Mismatch | None:
    """Two training-mode calls must draw independent masks: they agree on about f^2 + (1 - f)^2 of the
    elements, not on all of them."""
    first_e, second_e = as_tensor(expected["train"]["y"]) != 0, as_tensor(expected["second"]["y"]) != 0
    first_g, second_g = as_tensor(got["train"]["y"]) != 0, as_tensor(got["second"]["y"]) != 0
    a_e = float((first_e == second_e).double().mean())
    a_g = float((first_g == second_g).double().mean())
    if abs(a_g - a_e) > kept_fraction_tolerance(a_e, first_e.numel(), first_g.numel()):
        return Mismatch(("second",), f"two calls in training mode kept and dropped the same elements "
                                     f"{100 * a_g:.1f}% of the time, expected about {100 * a_e:.1f}% for two "
                                     "independent masks: draw a fresh mask on every call")
    return None


def compare_dropout(expected, got, dtype, expected_device=None) -> Mismatch | None:
    """The compare of the dropout checks: every part the probe ran, then invalid p, then (for the layer) the
    second mask and inplace=True."""
    if not isinstance(got, dict):
        return Mismatch((), f"expected the probe's record, got {type(got).__name__}")
    x, upstream = as_tensor(expected["x"]), as_tensor(expected["upstream"])
    small, small_upstream = as_tensor(expected["small"]), as_tensor(expected["small_upstream"])
    p = expected["p"]
    for name in ("train", "second", "inplace", "eval", "p0", "p1"):
        if name not in expected:
            continue
        if name == "inplace":
            returned = got.get("inplace", {}).get("returned_input") if isinstance(got.get("inplace"), dict) else None
            if returned != expected["inplace"]["returned_input"]:
                return Mismatch(("inplace",), "with inplace=True the layer should write the result into its input "
                                              "and return that same tensor (like torch.nn.Dropout); yours "
                                              + ("returned a new tensor" if returned is False else "did too"))
        big = name in ("train", "second", "inplace")
        found = compare_part(name, expected[name], got.get(name), x if big else small,
                             upstream if big else small_upstream, p, dtype, expected_device)
        if found:
            return found
        if name == "second":
            found = compare_mask_agreement(expected, got)
            if found:
                return found
    return compare_invalid(expected["invalid"], got.get("invalid"))
