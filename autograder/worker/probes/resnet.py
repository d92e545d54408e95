"""Probes for a6's model, ResidualBlock1d and ResNet1d (model.py), built from the student's own a1–a5 parts.

    forward   the component built from `kwargs`, loaded with the weights and running statistics in `state`
              (the check makes them from the spec's names and shapes): a train-mode forward and its backward
              (the gradients with respect to the input and to every parameter), the running statistics it
              left, then an eval-mode forward on other signals
    dropout   with dropout=0.5: two eval-mode forwards (the same, and without dropout), two train-mode forwards
              (different: fresh masks); with dropout=1.0 a train-mode forward, which is deterministic (all that
              follows the dropout sees zeros) and so shows where the dropout sits
    init      a freshly built component, seeded: its state_dict (judged by its statistics: the random draws of
              a correct initialization differ from the reference's), whether each residual block of a ResNet1d
              is the identity on non-negative signals, and the error an even kernel_size raises

Every probe first reports the model's state_dict names and shapes (part of the spec); when they differ from
the check's, nothing else can be compared and nothing else is run. The model is built under
``torch.device(<the inputs' device>)`` and then converted to the inputs' dtype, as a training script would
build it and move it: a tensor the student's forward makes without device= still lands where the device-proxy
variant catches it. The model only ever sees copies of the inputs (they are shared with the hint machinery).
"""
from __future__ import annotations

import contextlib

import torch

from . import raised

PROBES = {"forward", "dropout", "init"}


@contextlib.contextmanager
def _full_float32():
    """cuDNN may run float32 convolutions in TF32 (about 3 significant digits) by default on recent GPUs; two
    correct models that pad or pool differently would then differ far beyond float32's tolerance."""
    before = torch.backends.cudnn.allow_tf32, torch.backends.cuda.matmul.allow_tf32
    torch.backends.cudnn.allow_tf32 = torch.backends.cuda.matmul.allow_tf32 = False
    try:
        yield
    finally:
        torch.backends.cudnn.allow_tf32, torch.backends.cuda.matmul.allow_tf32 = before


def _build(module, component, kwargs, like: torch.Tensor):
    with torch.device(like.device):
        model = getattr(module, component)(**kwargs)
    return model.to(like.dtype)


def _names_and_shapes(model) -> dict:
    return {name: list(t.shape) for name, t in model.state_dict().items()}


def _loaded(module, component, kwargs, state, like):
    """(the model with `state` loaded, or None when its state_dict names or shapes differ; those names)."""
    model = _build(module, component, kwargs, like)
    names = _names_and_shapes(model)
    if names != {name: list(t.shape) for name, t in state.items()}:
        return None, names
    model.load_state_dict(state)
    return model, names


def _plain(value):
    return value.detach().clone() if isinstance(value, torch.Tensor) else f"not a tensor: {type(value).__name__}"


def forward(module, component, kwargs, state, x, upstream, x_eval, seed):
    with _full_float32():
        return _forward(module, component, kwargs, state, x, upstream, x_eval, seed)


def _forward(module, component, kwargs, state, x, upstream, x_eval, seed):
    torch.manual_seed(seed)
    model, names = _loaded(module, component, kwargs, state, x)
    if model is None:
        return {"state_dict": names}
    model.train()
    leaf = x.clone().requires_grad_(True)
    y = model(leaf)
    out = {"state_dict": names, "train_output": _plain(y)}
    if not isinstance(y, torch.Tensor) or y.shape != upstream.shape:
        return out
    if not y.requires_grad:
        return out | {"input_grad": "no gradient: the output does not depend on the input through autograd"}
    y.backward(upstream)
    out["input_grad"] = _plain(leaf.grad) if leaf.grad is not None else "no gradient reached the input"
    out["param_grads"] = {name: _plain(p.grad) if p.grad is not None else "no gradient"
                          for name, p in model.named_parameters()}
    out["buffers_after_train_forward"] = {name: _plain(b) for name, b in model.named_buffers()}
    model.eval()
    with torch.no_grad():
        out["eval_output"] = _plain(model(x_eval.clone()))
    return out


def dropout(module, component, kwargs, state, x, seed):
    with _full_float32():
        return _dropout(module, component, kwargs, state, x, seed)


def _dropout(module, component, kwargs, state, x, seed):
    torch.manual_seed(seed)
    model, names = _loaded(module, component, kwargs | {"dropout": 0.5}, state, x)
    if model is None:
        return {"state_dict": names}
    with torch.no_grad():
        model.eval()            # first, while the running statistics are still the loaded ones
        first_eval, second_eval = model(x.clone()), model(x.clone())
        model.train()
        first_train, second_train = model(x.clone()), model(x.clone())
        all_dropped, _ = _loaded(module, component, kwargs | {"dropout": 1.0}, state, x)
        all_dropped.train()
        train_with_dropout_1 = all_dropped(x.clone())
    return {"state_dict": names, "eval_output": _plain(first_eval),
            "eval_forwards_agree": torch.equal(first_eval, second_eval),
            "train_forwards_differ": not torch.equal(first_train, second_train),
            "train_output_with_dropout_1": _plain(train_with_dropout_1)}


def init(module, component, kwargs, like, seed, nonnegative=None):
    """`nonnegative` (ResNet1d only): signals [N, channels, L] >= 0 fed to each block in train mode."""
    torch.manual_seed(seed)
    model = _build(module, component, kwargs, like)
    out = {"state_dict": _names_and_shapes(model),
           "values": {name: t.detach().clone() for name, t in model.state_dict().items()}}
    if nonnegative is not None:
        blocks = getattr(model, "blocks", None)
        if not isinstance(blocks, torch.nn.Sequential):
            return out | {"blocks_are_the_identity": f"model.blocks is a {type(blocks).__name__}, not nn.Sequential"}
        model.train()
        with torch.no_grad():
            out["blocks_are_the_identity"] = [torch.equal(block(nonnegative.clone()), nonnegative) for block in blocks]
    else:
        out["even_kernel_size"] = raised(lambda: module.ResidualBlock1d(4, kernel_size=4))
    return out
