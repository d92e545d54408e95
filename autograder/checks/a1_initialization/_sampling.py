"""Judging an initializer by the statistics of the weights it draws (the probe: worker/probes/initializers.py).

A correct initializer may draw other numbers than the reference (another generator call, another way to make a
uniform), so the grader never compares values. It compares the student's sample with the reference's, statistic
by statistic, each within a tolerance set by the sample size n: K standard errors of the difference between
two independent samples, with K = 6. A correct implementation then fails with a probability below 1e-8 per
statistic (and the seeds are fixed, so a result never changes between runs), while every realistic slip (a
missing sqrt(3), fans swapped, the receptive field, the gain or the mode ignored, wrong parentheses) is tens of
standard errors away. With n of about 3·10^4:

    standard deviation        relative difference <= K / sqrt(n)           (about 3.5%)
    largest |weight|          uniform only: relative difference <= 2e-3    (a uniform sample of n numbers comes
                              within 1e-3 of its bound b, except with probability (1 - 1e-3)^n < e^-25)
    mean                      difference <= K * sqrt(2 / n) * std
    kurtosis E[x^4]/E[x^2]^2  difference <= K * sqrt(48 / n)               (about 0.24; uniform 1.8, normal 3)

Comparing two samples, rather than one sample with a formula, keeps the comparison symmetric: the hint machinery
(autograder/mistakes.py) recognises a student's sample of the same wrong distribution as a known mistake's.
"""
from __future__ import annotations

import math

import torch

from ...check import Check
from ...feedback import Mismatch
from ...worker.wire import WireTensor

K = 6.0
UNIFORM_MAX_RTOL = 2e-3


def _tensor(value):
    if isinstance(value, WireTensor):
        return value.tensor
    return value if isinstance(value, torch.Tensor) else None


def statistics(sample: torch.Tensor) -> dict:
    x = sample.detach().to("cpu", torch.float64).reshape(-1)
    mean = float(x.mean())
    centred = x - mean
    variance = float((centred ** 2).mean())
    return {"n": x.numel(), "mean": mean, "std": math.sqrt(variance), "max_abs": float(x.abs().max()),
            "kurtosis": float((centred ** 4).mean()) / variance ** 2 if variance > 0 else float("nan")}


def _times(got: float, expected: float) -> str:
    return f"{got / expected:.3g} times the expected" if expected else "expected 0"


def compare_statistics(e: dict, g: dict, uniform: bool) -> str | None:
    """A sentence on the first statistic of sample `g` that is out of tolerance of sample `e`, else None."""
    n = min(e["n"], g["n"])
    if abs(g["std"] - e["std"]) > K / math.sqrt(n) * e["std"]:
        return (f"standard deviation {g['std']:.3g}, expected about {e['std']:.3g} "
                f"({_times(g['std'], e['std'])}; a sample of {n} tolerates {100 * K / math.sqrt(n):.1f}%)")
    if uniform and abs(g["max_abs"] - e["max_abs"]) > UNIFORM_MAX_RTOL * e["max_abs"]:
        where = "beyond" if g["max_abs"] > e["max_abs"] else "short of"
        return (f"the right spread, but the largest |weight| is {g['max_abs']:.3g}, {where} the bound "
                f"b = {e['max_abs']:.3g} of the uniform U(-b, b) expected here (a uniform sample this large "
                "reaches within 0.1% of its bound and never beyond)")
    mean_tolerance = K * math.sqrt(2.0 / n) * e["std"]
    if abs(g["mean"] - e["mean"]) > mean_tolerance:
        return (f"not centred on 0: mean {g['mean']:.3g}, expected about {e['mean']:.2g} "
                f"(within {mean_tolerance:.2g})")
    if abs(g["kurtosis"] - e["kurtosis"]) > K * math.sqrt(48.0 / n):
        return (f"the right spread but the wrong shape of distribution: kurtosis E[x^4]/E[x^2]^2 is "
                f"{g['kurtosis']:.3f}, expected about {e['kurtosis']:.3f} (a uniform distribution has 1.8, a "
                "normal one 3)")
    return None


def _compare_sample(expected, got, dtype, expected_device, uniform):
    want, have = _tensor(expected), _tensor(got)
    if have is None:
        return Mismatch(("sample",), f"expected a plain tensor, got {type(got).__name__}")
    if expected_device and isinstance(got, WireTensor) and got.device.split(":")[0] != expected_device:
        return Mismatch(("sample",), f"are on {got.device}, but the tensor was on {expected_device}")
    if have.dtype != want.dtype or tuple(have.shape) != tuple(want.shape):
        return Mismatch(("sample",), f"became {have.dtype} of shape {tuple(have.shape)}; fill the tensor in "
                                     f"place, keeping its dtype {want.dtype} and shape {tuple(want.shape)}")
    if not bool(torch.isfinite(have).all()):
        return Mismatch(("sample",), "contain NaN or inf")
    found = compare_statistics(statistics(want), statistics(have), uniform)
    return None if found is None else Mismatch(("sample",), found)


def sample_compare(uniform: bool):
    """compare(expected, got, dtype, expected_device=None) for the probe initializers.sample: first the facts
    (returned the tensor it filled, works on a leaf that requires grad), then the sample's statistics."""
    def compare(expected, got, dtype, expected_device=None):
        if not isinstance(got, dict):
            return Mismatch((), f"the probe's output is a {type(got).__name__}, not a dict")
        if got.get("returned_it") is not True:
            return Mismatch(("returned_it",), "is not the tensor it was given: an initializer fills `tensor` in "
                                              "place (e.g. tensor.uniform_(-b, b)) and returns that same tensor")
        if expected.get("leaf_error") is None and got.get("leaf_error") is not None:
            return Mismatch(("leaf_error",), f"raised {got['leaf_error'].rstrip('.')}; fill it in place under torch.no_grad() "
                                             "(filling a weight is not part of the model's computation)")
        if got.get("leaf_kept") is not True:
            return Mismatch(("leaf_kept",), "no longer requires grad, or is no longer a leaf, after filling: "
                                            "write into the tensor in place; never detach or replace it")
        return _compare_sample(expected["sample"], got.get("sample"), dtype, expected_device, uniform)
    return compare


def sample_check(component: str, name: str, points: float, seed: int, shape: tuple, kwargs: dict, *,
                 uniform: bool, device_proxy: bool = False) -> Check:
    """A check that fills a weight of `shape` with `component(weight, **kwargs)`, seeded with `seed`, and
    judges the weights by their statistics against the reference's (uniform: also the bound)."""
    def make_inputs() -> dict:
        return {"component": component, "like": torch.zeros((), dtype=torch.float64), "shape": list(shape),
                "kwargs": kwargs, "seed": seed}

    def describe_path(path: tuple) -> str:
        call = f"{component}(weight of shape {list(shape)}{''.join(f', {k}={v!r}' for k, v in kwargs.items())})"
        return {"returned_it": f"what {call} returns",
                "leaf_error": f"{call} on a weight with requires_grad=True (like a layer's weight)",
                "leaf_kept": f"the weight with requires_grad=True, after {call},",
                "sample": f"the weights drawn by {call}"}.get(path[0] if path else "", call)

    return Check(component=component, name=name, points=points, probe="initializers.sample",
                 make_inputs=make_inputs, describe_path=describe_path, compare=sample_compare(uniform),
                 device_proxy=device_proxy)
