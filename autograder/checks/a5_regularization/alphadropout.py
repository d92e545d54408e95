"""Hidden checks for AlphaDropout (autograder/checks/a5_regularization).

Alpha dropout sets dropped units to SELU's saturation value alpha' and then applies y = a * (...) + b, so that
a standard normal input keeps mean 0 and variance 1. The probe (worker/probes/regularization.py, alpha_dropout)
runs AlphaDropout(p) on 10^5 standard normal values in training mode and on a small input in eval mode. Like
dropout it is judged by its sample, never mask by mask; statistics of the student's sample must lie within
K = 6 standard errors of the reference's (two independent samples of n values):

    mean                 |m_g - m_e| <= K * sqrt((v_e + v_g) / n)
    variance             |v_g - v_e| <= K * sqrt((mu4_e - v_e^2 + mu4_g - v_g^2) / n)     (mu4: 4th central moment)
    dropped fraction     the most frequent value is the dropped one; its share within K * sqrt(2 q (1 - q) / n)
    dropped value        a * alpha' + b, to the dtype's tolerance
    kept values          a * x + b with the reference's a and b (fitted on its kept elements), to the tolerance
    eval mode            the identity
"""
from __future__ import annotations

import math

import torch

from ...check import Check
from ...feedback import TOLERANCES, Mismatch, compare_outputs
from ._dropout_samples import PROBE_SEED_OFFSET, K, as_tensor, check_device, kept_fraction_tolerance
from ._torch_counterparts import ALPHA_DROPOUT_FORBIDDEN, ALPHA_DROPOUT_OPERATORS, ALPHA_DROPOUT_TORCH_CODE

COMPONENT = "AlphaDropout"
FORBIDDEN = ALPHA_DROPOUT_FORBIDDEN
TORCH_CODE = ALPHA_DROPOUT_TORCH_CODE
TORCH_OPERATORS = ALPHA_DROPOUT_OPERATORS


def sample_statistics(x: torch.Tensor, y: torch.Tensor) -> dict:
    y, x = y.reshape(-1), x.reshape(-1)
    mean = float(y.mean())
    centred = y - mean
    variance = float((centred ** 2).mean())
    dropped_value = float(torch.mode(y).values)
    dropped = y == dropped_value
    kept_x, kept_y = x[~dropped], y[~dropped]
    if kept_x.numel() >= 2:
        a = float(((kept_x - kept_x.mean()) * (kept_y - kept_y.mean())).sum() / ((kept_x - kept_x.mean()) ** 2).sum())
        b = float(kept_y.mean() - a * kept_x.mean())
    else:
        a = b = float("nan")
    return {"n": y.numel(), "mean": mean, "var": variance, "mu4": float((centred ** 4).mean()),
            "dropped_value": dropped_value, "dropped_fraction": float(dropped.double().mean()), "a": a, "b": b}


def compare_alpha_dropout(expected, got, dtype, expected_device=None) -> Mismatch | None:
    if not isinstance(got, dict) or as_tensor(got.get("train")) is None:
        return Mismatch(("train",), "expected the output tensor")
    wrong_device = check_device(got["train"], expected_device, ("train",))
    if wrong_device:
        return wrong_device
    x, y_e, y_g = as_tensor(expected["x"]), as_tensor(expected["train"]), as_tensor(got["train"])
    if y_g.shape != y_e.shape:
        return Mismatch(("train",), f"expected shape {tuple(y_e.shape)}, got {tuple(y_g.shape)}")
    if bool(torch.isnan(y_g).any()):
        return Mismatch(("train",), "the output holds nan")
    e, g = sample_statistics(x, y_e), sample_statistics(x, y_g)
    n, p = min(e["n"], g["n"]), expected["p"]
    mean_tolerance = K * math.sqrt((e["var"] + g["var"]) / n)
    if abs(g["mean"] - e["mean"]) > mean_tolerance:
        return Mismatch(("train",), f"p={p}, standard normal input: the output's mean is {g['mean']:.4f}, "
                                    f"expected about {e['mean']:.4f} (within {mean_tolerance:.3f})")
    var_tolerance = K * math.sqrt(max(0.0, e["mu4"] - e["var"] ** 2 + g["mu4"] - g["var"] ** 2) / n)
    if abs(g["var"] - e["var"]) > var_tolerance:
        return Mismatch(("train",), f"p={p}, standard normal input: the output's variance is {g['var']:.4f}, "
                                    f"expected about {e['var']:.4f} (within {var_tolerance:.3f})")
    q = e["dropped_fraction"]
    if abs(g["dropped_fraction"] - q) > kept_fraction_tolerance(q, e["n"], g["n"]):
        return Mismatch(("train",), f"p={p}: {100 * g['dropped_fraction']:.1f}% of the outputs share one value "
                                    f"(the dropped units), expected about {100 * q:.1f}%")
    rtol, atol = TOLERANCES.get(dtype, TOLERANCES["float32"])
    if abs(g["dropped_value"] - e["dropped_value"]) > atol * 2 + rtol * abs(e["dropped_value"]):
        return Mismatch(("train",), f"p={p}: dropped units became {g['dropped_value']:.8g}, expected "
                                    f"{e['dropped_value']:.8g} (alpha' after the affine correction: a * alpha' + b)")
    kept = y_g.reshape(-1) != g["dropped_value"]
    want = e["a"] * x.reshape(-1) + e["b"]
    scale = max(1.0, float(want.abs().max()))
    wrong = kept & ((y_g.reshape(-1) - want).abs() > atol * scale + rtol * want.abs())
    if bool(wrong.any()):
        i = int(wrong.nonzero()[0])
        return Mismatch(("train",), f"p={p}: kept units should be a * x + b = {e['a']:.6g} x + {e['b']:.6g}; "
                                    f"x = {x.reshape(-1)[i].item():.6g} became {y_g.reshape(-1)[i].item():.6g} "
                                    f"({int(wrong.sum())} kept units are off)")
    found = compare_outputs(expected["eval"], got.get("eval"), dtype, ("eval",), expected_device)
    if found:
        return Mismatch(("eval",), "in eval mode AlphaDropout is the identity: " + found.message)
    return None


def alpha_inputs(seed: int, p: float):
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        return {"x": torch.randn(100_000, generator=g, dtype=torch.float64),
                "small": torch.randn(30, 20, generator=g, dtype=torch.float64), "p": p, "seed": PROBE_SEED_OFFSET + seed}
    return make_inputs


CHECKS = [
    Check(COMPONENT, "p=0.2 on 10^5 standard normal values, and eval mode", 4, "regularization.alpha_dropout",
          alpha_inputs(5300, 0.2), describe_path=lambda path: "the output", compare=compare_alpha_dropout,
          device_proxy=True),
    Check(COMPONENT, "p=0.6 on 10^5 standard normal values", 3, "regularization.alpha_dropout",
          alpha_inputs(5301, 0.6), describe_path=lambda path: "the output", compare=compare_alpha_dropout),
]
