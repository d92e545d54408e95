"""Scripted runs of a normalization layer for the hidden checks (the probe: autograder/worker/probes/normalization.py).

Every run is made from a seed the student never sees. Inputs have a different mean and spread in every
channel (or feature), so statistics taken over the wrong dims, or shared between channels, show at once;
the batches drift from one to the next, so running statistics keep moving; every backward pass uses a
random upstream gradient (never all ones, under which many wrong gradients still sum correctly); and weight
and bias get random values (the defaults, ones and zeros, hide a weight or bias applied in the wrong place).
"""
from __future__ import annotations

import torch

from ...check import Check

WHAT = {
    "output": "output",
    "grad_input": "grad of the input",
    "grad_weight": "grad of weight",
    "grad_bias": "grad of bias",
    "running_mean": "running_mean after this batch",
    "running_var": "running_var after this batch",
    "num_batches_tracked": "num_batches_tracked after this batch",
}


def describe_layer_path(modes: list[str]):
    """Words for where a difference is, e.g. "batch 3 (train mode), grad of weight"."""
    def describe(path: tuple) -> str:
        if path and path[0] == "parameter_names":
            return "the names in named_parameters() (sorted; running statistics are buffers, not parameters)"
        if path and path[0] == "state_dict_keys":
            return "the names in state_dict() (sorted)"
        if len(path) >= 3 and path[0] == "batches":
            return f"batch {path[1] + 1} ({modes[path[1]]} mode), {WHAT.get(path[2], path[2])}"
        return "output " + "".join(f"[{p!r}]" for p in path)
    return describe


def channel_offsets_and_scales(generator: torch.Generator, channels: int) -> tuple[torch.Tensor, torch.Tensor]:
    """A mean in [-1.5, 1.5] and a spread in [0.5, 3] for each channel: different enough that shared or
    misplaced statistics show, while a mean stays within a few spreads of zero, so that float32 keeps enough
    digits for correct implementations written in different ways (x·scale + shift, say) to agree."""
    offsets = 3 * torch.rand(channels, generator=generator, dtype=torch.float64) - 1.5
    scales = 0.5 + 2.5 * torch.rand(channels, generator=generator, dtype=torch.float64)
    return offsets, scales


def channel_varied_input(generator: torch.Generator, shape: tuple, offsets: torch.Tensor,
                         scales: torch.Tensor) -> torch.Tensor:
    """Random numbers whose dim 1 entries each have their own mean (offsets) and spread (scales)."""
    along_dim_1 = [1, shape[1]] + [1] * (len(shape) - 2)
    x = torch.randn(shape, generator=generator, dtype=torch.float64)
    return x * scales.reshape(along_dim_1) + offsets.reshape(along_dim_1)


def layer_check(component: str, name: str, points: float, seed: int, *, args: list, kwargs: dict,
                shape: tuple, modes: list[str], parameter_shape: tuple | None,
                device_proxy: bool = False) -> Check:
    """A check that builds `component(*args, **kwargs)`, runs one batch of `shape` per entry of `modes`
    ("train" or "eval"), and compares every output, gradient and running statistic, and the names of the
    parameters and of the state_dict entries.

    parameter_shape: the shape of weight and bias (None when the layer has neither); the bias is left out
    when kwargs say bias=False.
    """
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        channels = shape[1]
        offsets, scales = channel_offsets_and_scales(g, channels)
        batches = []
        for mode in modes:
            drift = 0.3 * torch.randn(channels, generator=g, dtype=torch.float64)
            x = channel_varied_input(g, shape, offsets + drift, scales)
            upstream = torch.randn(shape, generator=g, dtype=torch.float64)
            batches.append({"x": x, "upstream": upstream, "train": mode == "train"})
        weight = bias = None
        if parameter_shape is not None:
            weight = 1 + 0.5 * torch.randn(parameter_shape, generator=g, dtype=torch.float64)
            if kwargs.get("bias", True):
                bias = torch.randn(parameter_shape, generator=g, dtype=torch.float64)
        return {"component": component, "args": args, "kwargs": kwargs, "weight": weight, "bias": bias,
                "batches": batches}

    return Check(component=component, name=name, points=points, probe="normalization.layer_batches",
                 make_inputs=make_inputs, describe_path=describe_layer_path(modes), device_proxy=device_proxy)
