"""Comparing a student's output with the reference's, and wording what differs so that it teaches.

The comparison walks both outputs in order (for a trajectory: step by step, parameter by parameter), so the
first difference it reports is the first one that happened. Tolerances fit the dtype: float64 must agree to
about 1e-9 relative (the SPEC's "same numbers"), float32 to what float32 arithmetic allows.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch

from .worker.wire import Unsupported, WireTensor

TOLERANCES = {  # dtype -> (rtol, atol relative to the largest expected magnitude, at least 1)
    "float64": (1e-9, 1e-12),
    "float32": (2e-5, 2e-6),
    "float16": (2e-3, 2e-3),
    "bfloat16": (1e-2, 1e-2),
}


@dataclass
class Mismatch:
    path: tuple              # where in the output, e.g. ("params", 3, 1)
    message: str             # what differs, for the student
    credit: float = field(default=0.0, kw_only=True)   # the fraction of the variant's points still earned
    expected: str | None = field(default=None, kw_only=True)  # the first differing value, where there is one:
    got: str | None = field(default=None, kw_only=True)       # what the report's expected/got table shows


def _fmt(x) -> str:
    return f"{x:.10g}" if isinstance(x, float) else repr(x)


def compare_outputs(expected, got, dtype: str, path: tuple = (), expected_device: str | None = None):
    """None when `got` matches `expected` within the dtype's tolerance, else the first Mismatch."""
    if isinstance(got, Unsupported):
        return Mismatch(path, f"expected a plain torch.Tensor or number, got {got.type_name}; "
                              "return ordinary tensors (a Tensor subclass is not accepted)")
    if isinstance(expected, torch.Tensor):
        if not isinstance(got, WireTensor):
            return Mismatch(path, f"expected a tensor of shape {tuple(expected.shape)}, got {type(got).__name__}")
        return _compare_tensor(expected, got, dtype, path, expected_device)
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return Mismatch(path, f"expected a dict, got {type(got).__name__}")
        for key in expected:
            if key not in got:
                return Mismatch(path + (key,), f"missing entry {key!r}")
            found = compare_outputs(expected[key], got[key], dtype, path + (key,), expected_device)
            if found:
                return found
        return None
    if isinstance(expected, (list, tuple)):
        if not isinstance(got, list) or len(got) != len(expected):
            n = len(got) if isinstance(got, list) else type(got).__name__
            return Mismatch(path, f"expected {len(expected)} items, got {n}")
        for i, (e, g) in enumerate(zip(expected, got)):
            found = compare_outputs(e, g, dtype, path + (i,), expected_device)
            if found:
                return found
        return None
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        return None if got == expected and type(got) is type(expected) else \
            Mismatch(path, f"expected {_fmt(expected)}, got {_fmt(got)}", expected=_fmt(expected), got=_fmt(got))
    if isinstance(expected, (int, float)):
        if isinstance(got, WireTensor) and got.tensor.numel() == 1:
            got = got.tensor.item()
        if isinstance(got, bool) or not isinstance(got, (int, float)):
            return Mismatch(path, f"expected the number {_fmt(expected)}, got {type(got).__name__}")
        try:
            expected, got = float(expected), float(got)
        except OverflowError:  # an int beyond float's range
            return Mismatch(path, f"expected {_fmt(expected)}, got a number too large for a float")
        rtol, atol = TOLERANCES.get(dtype, TOLERANCES["float32"])
        if math.isnan(expected) and math.isnan(got):
            return None
        if not abs(got - expected) <= atol * max(1.0, abs(expected)) + rtol * abs(expected):
            return Mismatch(path, f"expected {_fmt(expected)}, got {_fmt(got)}", expected=_fmt(expected),
                            got=_fmt(got))
        return None
    return Mismatch(path, f"expected {type(expected).__name__}, got {type(got).__name__}: the types differ")


def _compare_tensor(expected: torch.Tensor, got: WireTensor, dtype: str, path, expected_device):
    g = got.tensor
    if expected_device and got.device.split(":")[0] != expected_device:
        return Mismatch(path, f"the result is on {got.device}, but the inputs were on {expected_device}: "
                              "create tensors on the input's device (e.g. torch.zeros_like(p))")
    if tuple(g.shape) != tuple(expected.shape):
        return Mismatch(path, f"expected shape {tuple(expected.shape)}, got {tuple(g.shape)}")
    if g.dtype != expected.dtype:
        return Mismatch(path, f"expected dtype {expected.dtype}, got {g.dtype}: keep the input's dtype")
    e = expected.detach().to("cpu")
    if not e.is_floating_point():
        bad = (g != e)
        if bad.any():
            idx = tuple(int(i) for i in bad.nonzero()[0])
            return Mismatch(path, f"at index {idx}: expected {e[idx].item()}, got {g[idx].item()}",
                            expected=f"{e[idx].item()} at index {idx}", got=str(g[idx].item()))
        return None
    rtol, atol = TOLERANCES.get(dtype, TOLERANCES["float32"])
    e64, g64 = e.double(), g.double()
    finite = torch.isfinite(e64)
    scale = max(1.0, float(e64[finite].abs().max())) if finite.any() else 1.0
    close = (g64 - e64).abs() <= atol * scale + rtol * e64.abs()
    close |= (torch.isnan(e64) & torch.isnan(g64)) | ((e64 == g64) & ~torch.isnan(e64))  # inf == inf
    if bool(close.all()):
        return None
    flat = int((~close).reshape(-1).nonzero()[0])
    idx = tuple(int(i) for i in torch.unravel_index(torch.tensor(flat), e.shape)) if e.dim() else ()
    ev, gv = e64[idx].item(), g64[idx].item()
    where = f"at index {idx}" if idx else "value"
    count = int((~close).sum())
    rel = abs(gv - ev) / abs(ev) if ev else float("inf")
    return Mismatch(path, f"{where}: expected {_fmt(ev)}, got {_fmt(gv)} (relative error {rel:.2g}; "
                          f"{count} of {e.numel()} elements differ)",
                    expected=f"{_fmt(ev)} {where}" if idx else _fmt(ev), got=_fmt(gv))
