"""Checks shared by the activation functions (the probe: autograder/worker/probes/activations.py).

Values and gradients are compared with the reference on the same device and dtype (float64 to about 1e-9). The
gradient is autograd's for a random upstream gradient, so every element's derivative counts. Three kinds of x:

    random   |x| from 0.05 to about 10, both signs: away from the kink, where every function is smooth
    large    |x| up to 800 in both signs: exp(800) overflows (float32 already at 89), so an exponential in the
             branch torch.where does not take turns the gradient into 0 * inf = nan
    kink     exact zeros among random values: the derivative at 0 follows torch's convention (the branch
             for x <= 0), which each check's name states
"""
from __future__ import annotations

import torch

from ...check import Check

KINDS = {
    "random": "x away from 0 (|x| from 0.05 to about 10)",
    "large": "x with |x| up to 800",
    "kink": "x with exact zeros",
}


def make_x(kind: str, g: torch.Generator) -> torch.Tensor:
    if kind == "random":
        magnitude = 0.05 + 2.5 * torch.randn(6, 9, generator=g, dtype=torch.float64).abs()
        sign = torch.randint(0, 2, (6, 9), generator=g) * 2 - 1
        return sign * magnitude
    if kind == "large":
        extremes = torch.tensor([800.0, -800.0, 750.0, -750.0, 100.0, -100.0, 30.0, -30.0], dtype=torch.float64)
        return torch.cat([extremes, 3 * torch.randn(16, generator=g, dtype=torch.float64)]).reshape(4, 6)
    if kind == "kink":
        x = torch.randn(3, 6, generator=g, dtype=torch.float64)
        x[:, ::2] = 0.0
        return x
    raise ValueError(kind)


def call_text(component: str, kwargs: dict) -> str:
    return f"{component}(x{''.join(f', {k}={v!r}' for k, v in kwargs.items())})"


def function_check(component: str, name: str, points: float, seed: int, kwargs: dict, kind: str = "random",
                   device_proxy: bool = False) -> Check:
    """Value and gradient of component(x, **kwargs) for an x of the given kind (see KINDS)."""
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        x = make_x(kind, g)
        return {"component": component, "x": x, "kwargs": kwargs,
                "upstream": torch.randn(x.shape, generator=g, dtype=torch.float64)}

    def describe_path(path: tuple) -> str:
        call = f"{call_text(component, kwargs)} for {KINDS[kind]}"
        if path and path[0] == "grad":
            return f"the gradient of {call} (autograd, random upstream gradient)"
        return f"the value of {call}"

    return Check(component=component, name=name, points=points, probe="activations.function",
                 make_inputs=make_inputs, describe_path=describe_path, device_proxy=device_proxy)


def inplace_check(component: str, points: float, seed: int, kwargs: dict | None = None) -> Check:
    """inplace=True writes into x and returns x; the default leaves x untouched. Nothing device- or
    dtype-specific, so CPU float64 only."""
    kwargs = kwargs or {}

    def make_inputs() -> dict:
        return {"component": component, "x": make_x("random", torch.Generator().manual_seed(seed)),
                "kwargs": kwargs}

    def describe_path(path: tuple) -> str:
        call = call_text(component, kwargs)
        return {"default_leaves_input": f"does {call} (inplace=False) leave x unchanged",
                "returns_input": f"does {call[:-1]}, inplace=True) return x itself",
                "input_after": f"x after {call[:-1]}, inplace=True)"}.get(path[0] if path else "", call)

    return Check(component=component, name="inplace=True writes into the input and returns it", points=points,
                 probe="activations.inplace", make_inputs=make_inputs, describe_path=describe_path,
                 dtypes=("float64",), cpu_only=True)
