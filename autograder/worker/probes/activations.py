"""Probes for activation functions: values and gradients, in-place behaviour, and the learnable PReLU.

The gradient is what autograd gives for a random upstream gradient (a vector-Jacobian product), so a wrong
derivative anywhere, at the kink included, shows up as a wrong number. It is taken as the gradient of the
scalar sum(upstream * y), the same numbers as backward(upstream) without its first-call cost (passing a
gradient tensor makes torch import sympy, about two seconds of every worker's time). Every tensor is made from the inputs,
so it lives on the variant's device and dtype.
"""
from __future__ import annotations

import torch

PROBES = {"function", "inplace", "prelu"}


def function(module, component, x, upstream, kwargs):
    """y = component(x, **kwargs) and the gradient of sum(upstream * y) with respect to x."""
    leaf = x.clone().requires_grad_(True)
    y = getattr(module, component)(leaf, **kwargs)
    (grad,) = torch.autograd.grad((upstream * y).sum(), leaf)
    return {"value": y.detach(), "grad": grad}


def inplace(module, component, x, kwargs):
    """inplace=True must write the result into the input and return that same tensor; the default
    (inplace=False) must leave the input untouched."""
    untouched = x.clone()
    getattr(module, component)(untouched, **kwargs)
    target = x.clone()
    returned = getattr(module, component)(target, inplace=True, **kwargs)
    return {"default_leaves_input": bool(torch.equal(untouched, x)), "returns_input": returned is target,
            "input_after": target}


def prelu(module, x, upstream, num_parameters, init=None, weight=None):
    """Build PReLU(num_parameters[, init]) on x's device and dtype, optionally set its slopes to `weight`, and
    report its initial weight, whether the weight is a registered Parameter, the output, and the gradients
    of sum(upstream * output) with respect to the input and to the weight."""
    options = {"device": x.device, "dtype": x.dtype}
    if init is None:
        layer = module.PReLU(num_parameters, **options)
    else:
        layer = module.PReLU(num_parameters, init=init, **options)
    initial = layer.weight.detach().clone()
    registered = any(p is layer.weight for p in layer.parameters())
    if weight is not None and tuple(layer.weight.shape) == tuple(weight.shape):  # else the shape is reported
        with torch.no_grad():
            layer.weight.copy_(weight)
    leaf = x.clone().requires_grad_(True)
    y = layer(leaf)
    (upstream * y).sum().backward()
    weight_grad = layer.weight.grad
    return {"initial_weight": initial, "weight_is_parameter": registered, "value": y.detach(),
            "input_grad": leaf.grad, "weight_grad": None if weight_grad is None else weight_grad.detach().clone()}
