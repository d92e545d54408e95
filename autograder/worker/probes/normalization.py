"""Probes for normalization layers: run a layer through scripted batches and record everything observable.

A layer scenario is plain data the grader makes from a seed:
    component  "BatchNorm1d" | "BatchNorm2d" | "LayerNorm" | "GroupNorm"
    args       positional constructor arguments (num_features; normalized_shape; num_groups, num_channels)
    kwargs     constructor keywords (eps, momentum, affine, track_running_stats, elementwise_affine, bias)
    weight     the values to copy into the layer's weight before the first batch, or None (leave it alone)
    bias       the same for the bias
    batches    [{"x": tensor, "upstream": tensor, "train": bool}, ...]: each batch runs forward in that mode,
               then backward with `upstream` as dL/d(output) (random, never all ones, so that a wrong
               gradient cannot hide behind a sum)

The layer is built on the inputs' device and dtype, so the reference and the student get identical weights.
Recorded: the names of its parameters and of its state_dict() entries (running statistics are buffers, not
parameters an optimizer would update), then per batch the output, the gradients of the input, weight and
bias, and the running statistics after the batch.
The BatchNormFunction probe calls the autograd.Function directly and asks autograd for the gradients its
hand-written backward returns.
"""
from __future__ import annotations

import torch

PROBES = {"layer_batches", "batch_norm_function"}


def _copy_into(parameter, value) -> None:
    """Give the layer's parameter the scenario's values (a layer without that parameter fails loudly)."""
    if value is None:
        return
    if parameter is None:
        raise AttributeError("the layer has no such parameter, but the constructor arguments ask for one")
    with torch.no_grad():
        parameter.copy_(value)


def _buffer_value(layer, name):
    buffer = getattr(layer, name, None)
    return None if buffer is None else buffer.detach().clone()


def layer_batches(module, component, args, kwargs, weight, bias, batches):
    first = batches[0]["x"]
    if component == "LayerNorm" and isinstance(args[0], list):
        args = [tuple(args[0])] + list(args[1:])      # a tuple normalized_shape travels as a list
    layer = getattr(module, component)(*args, **kwargs, device=first.device, dtype=first.dtype)
    _copy_into(getattr(layer, "weight", None), weight)
    _copy_into(getattr(layer, "bias", None), bias)
    parameter_names = ", ".join(sorted(name for name, _ in layer.named_parameters()))
    state_names = ", ".join(sorted(layer.state_dict().keys()))
    history = []
    for batch in batches:
        layer.train(batch["train"])
        x = batch["x"].clone().requires_grad_(True)
        output = layer(x)
        parameters = [getattr(layer, "weight", None), getattr(layer, "bias", None)]
        wanted = [x] + [p for p in parameters if p is not None]
        grads = list(torch.autograd.grad(output, wanted, grad_outputs=batch["upstream"], allow_unused=True))
        grad_input = grads.pop(0)
        grad_of = [None if p is None else grads.pop(0) for p in parameters]
        counter = getattr(layer, "num_batches_tracked", None)
        history.append({
            "output": output.detach().clone(),
            "grad_input": grad_input,
            "grad_weight": grad_of[0],
            "grad_bias": grad_of[1],
            "running_mean": _buffer_value(layer, "running_mean"),
            "running_var": _buffer_value(layer, "running_var"),
            "num_batches_tracked": None if counter is None else int(counter),
        })
    return {"parameter_names": parameter_names, "state_dict_keys": state_names, "batches": history}


def batch_norm_function(module, x, weight, bias, eps, upstream, parameters_require_grad):
    """BatchNormFunction.apply(x, weight, bias, eps), then the gradients of x (and weight and bias when they
    require grad) under the upstream gradient."""
    x = x.clone().requires_grad_(True)
    weight = None if weight is None else weight.clone().requires_grad_(parameters_require_grad)
    bias = None if bias is None else bias.clone().requires_grad_(parameters_require_grad)
    output = module.BatchNormFunction.apply(x, weight, bias, eps)
    wanted = [x] + [p for p in (weight, bias) if p is not None and p.requires_grad]
    grads = list(torch.autograd.grad(output, wanted, grad_outputs=upstream, allow_unused=True))
    result = {"output": output.detach().clone(), "grad_x": grads.pop(0)}
    if weight is not None and weight.requires_grad:
        result["grad_weight"] = grads.pop(0)
    if bias is not None and bias.requires_grad:
        result["grad_bias"] = grads.pop(0)
    return result
