"""Probes for weight initializers: fans, gains, and samples drawn by the initializers.

Fans and gains are plain numbers, compared exactly. An initializer is random, so the probe returns the weights
it drew (a sample of tens of thousands of numbers) and the grader judges the sample's statistics, never its
exact values: a correct student may draw differently from the reference.

Every input carries `like`, a one-element tensor on the variant's device and dtype: every tensor made here is
made like it (never on the default device, which a variant may set to `meta`).
"""
from __future__ import annotations

import inspect

import torch

from . import raised

PROBES = {"fans", "gains", "sample"}


def _pair(result):
    return list(result) if isinstance(result, (tuple, list)) else result


def fans(module, like, shapes, invalid_shapes=()):
    """calculate_fan_in_and_fan_out on an empty weight of each shape; for each of `invalid_shapes` (fewer than
    2 dims), the name of the exception it raises."""
    def weight(shape):
        return torch.empty(shape, dtype=like.dtype, device=like.device)

    return {"fans": [_pair(module.calculate_fan_in_and_fan_out(weight(s))) for s in shapes],
            "errors": [raised(lambda s=s: module.calculate_fan_in_and_fan_out(weight(s))) for s in invalid_shapes]}


def gains(module, cases=(), invalid_cases=()):
    """calculate_gain(nonlinearity, param) for each [nonlinearity, param] in `cases`; for each of
    `invalid_cases`, the name of the exception it raises."""
    return {"gains": [module.calculate_gain(name, param) for name, param in cases],
            "errors": [raised(lambda n=name, p=param: module.calculate_gain(n, p)) for name, param in invalid_cases]}


def _seeded(initializer, seed: int, device: torch.device) -> dict:
    """generator= when the initializer takes one (as torch.nn.init's do), else seed torch's global RNG."""
    if "generator" in inspect.signature(initializer).parameters:
        return {"generator": torch.Generator(device=device).manual_seed(seed)}
    torch.manual_seed(seed)
    return {}


def sample(module, component, like, shape, kwargs, seed):
    """Fill a weight of `shape` with `component(weight, **kwargs)` and report what happened.

    sample          the weight after the call (filled under torch.no_grad(), as a training script does)
    returned_it     whether the initializer returned the very tensor it was given
    leaf_error      None, or the error raised when filling a leaf that requires grad (like a layer's weight)
                    outside torch.no_grad()
    leaf_kept       whether that leaf still requires grad and is still a leaf afterwards
    """
    initializer = getattr(module, component)
    weight = torch.zeros(shape, dtype=like.dtype, device=like.device)
    with torch.no_grad():
        returned = initializer(weight, **kwargs, **_seeded(initializer, seed, like.device))
    leaf = torch.zeros(shape, dtype=like.dtype, device=like.device, requires_grad=True)
    leaf_error = None
    try:
        initializer(leaf, **kwargs, **_seeded(initializer, seed + 1, like.device))
    except NotImplementedError:
        raise
    except Exception as exc:
        leaf_error = f"{type(exc).__name__}: {exc}"[:300]
    return {"returned_it": returned is weight, "leaf_error": leaf_error,
            "leaf_kept": bool(leaf.requires_grad and leaf.is_leaf), "sample": weight.detach().clone()}
