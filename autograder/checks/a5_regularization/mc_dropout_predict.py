"""Hidden checks for mc_dropout_predict(model, x, n_samples) (autograder/checks/a5_regularization).

The probe (worker/probes/regularization.py, mc_dropout) builds Linear -> BatchNorm1d -> ReLU -> Dropout ->
Linear with given weights and running statistics, and calls mc_dropout_predict twice: on a model that is
training but whose batch norm is frozen (eval mode), and on a model in eval mode. Checked:

    side effects     batch norm's running statistics untouched (exactly); every module's training flag put
                     back exactly as it was, module by module; no autograd graph on the results
    statistics       mean and std of the n_samples stochastic passes, elementwise within K = 6 standard
                     errors of the reference's: |mean_g - mean_e| <= K * sqrt((std_e^2 + std_g^2) / T),
                     |std_g - std_e| <= K * sqrt(2 / T) * max(std_e, std_g); and std > 0 (dropout was on)
"""
from __future__ import annotations

import math

import torch

from ...check import Check
from ...feedback import Mismatch, compare_outputs
from ._dropout_samples import PROBE_SEED_OFFSET, K, as_tensor, check_device

COMPONENT = "mc_dropout_predict"
FORBIDDEN = []   # torch has no MC dropout; isinstance(module, torch.nn.Dropout) is a legitimate use
TORCH_CODE = []

MODULES = ["the Sequential", "Linear", "BatchNorm1d", "ReLU", "Dropout", "Linear"]


def _modes(flags) -> str:
    return ", ".join(f"{m} {'train' if f else 'eval'}" for m, f in zip(MODULES, flags))


def compare_mc_dropout(expected, got, dtype, expected_device=None) -> Mismatch | None:
    if not isinstance(got, dict):
        return Mismatch((), f"expected the probe's record, got {type(got).__name__}")
    for key in ("running_mean", "running_var", "num_batches_tracked"):
        found = compare_outputs(expected[key], got.get(key), dtype, (key,), expected_device)
        if found:
            return Mismatch((key,), f"batch norm's {key} changed during the predictions ({found.message}): batch "
                                    "norm must stay in eval mode, using and not updating its running statistics")
    for key, when in (("modes_after_mixed", "a training model with a frozen (eval-mode) batch norm"),
                      ("modes_after_eval", "a model in eval mode")):
        if got.get(key) != expected[key]:
            flags = got.get(key)
            return Mismatch((key,), f"after mc_dropout_predict on {when}, the modules' modes should be back to "
                                    f"[{_modes(expected[key])}], got "
                                    f"[{_modes(flags) if isinstance(flags, list) else flags}]")
    if got.get("requires_grad") != expected["requires_grad"]:
        return Mismatch(("requires_grad",), "the mean and std carry an autograd graph (requires_grad=True): run "
                                            "the passes without recording gradients")
    T = expected["n_samples"]
    for key in ("mean", "std"):
        if as_tensor(got.get(key)) is None:
            return Mismatch((key,), f"expected a tensor, got {type(got.get(key)).__name__}")
        wrong_device = check_device(got[key], expected_device, (key,))
        if wrong_device:
            return wrong_device
        if as_tensor(got[key]).shape != as_tensor(expected[key]).shape:
            return Mismatch((key,), f"expected shape {tuple(as_tensor(expected[key]).shape)}, "
                                    f"got {tuple(as_tensor(got[key]).shape)}")
    mean_e, mean_g = as_tensor(expected["mean"]), as_tensor(got["mean"])
    std_e, std_g = as_tensor(expected["std"]), as_tensor(got["std"])
    if not bool((std_g > 0).all()):
        return Mismatch(("std",), "some std entries are 0: the passes did not differ, so dropout was not active "
                                  "during the predictions")
    mean_tolerance = K * torch.sqrt((std_e ** 2 + std_g ** 2) / T) + 1e-6
    std_tolerance = K * math.sqrt(2.0 / T) * torch.maximum(std_e, std_g) + 1e-6
    for key, e, g, tolerance in (("mean", mean_e, mean_g, mean_tolerance), ("std", std_e, std_g, std_tolerance)):
        wrong = (g - e).abs() > tolerance
        if bool(wrong.any()):
            i = tuple(int(v) for v in wrong.nonzero()[0])
            return Mismatch((key,), f"the {key} over {T} passes at index {i} is {g[i].item():.5g}, expected about "
                                    f"{e[i].item():.5g} (within {tolerance[i].item():.3g}); dropout should be on "
                                    "and everything else in eval mode")
    return None


def mc_inputs(seed: int, n_samples: int):
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        hidden, width_in, outputs = 16, 6, 3
        state = {
            "p": 0.3,
            "0.weight": torch.randn(hidden, width_in, generator=g, dtype=torch.float64) / math.sqrt(width_in),
            "0.bias": torch.randn(hidden, generator=g, dtype=torch.float64) * 0.1,
            "1.weight": 1.0 + 0.2 * torch.randn(hidden, generator=g, dtype=torch.float64),
            "1.bias": 0.2 * torch.randn(hidden, generator=g, dtype=torch.float64),
            "1.running_mean": 0.5 * torch.randn(hidden, generator=g, dtype=torch.float64),
            "1.running_var": 0.5 + torch.rand(hidden, generator=g, dtype=torch.float64),
            "1.num_batches_tracked": torch.tensor(37),
            "4.weight": torch.randn(outputs, hidden, generator=g, dtype=torch.float64) / math.sqrt(hidden),
            "4.bias": torch.randn(outputs, generator=g, dtype=torch.float64) * 0.1,
        }
        return {"state": state, "x": torch.randn(8, width_in, generator=g, dtype=torch.float64),
                "n_samples": n_samples, "seed": PROBE_SEED_OFFSET + seed}
    return make_inputs


CHECKS = [
    Check(COMPONENT, "Linear-BatchNorm-ReLU-Dropout-Linear, 300 samples, mixed and eval modes", 6,
          "regularization.mc_dropout", mc_inputs(5700, 300), describe_path=lambda path: "the prediction",
          compare=compare_mc_dropout, device_proxy=True),
]
