"""Probes for a6's smaller pieces: the smoothed loss, the parameter groups, and evaluate.

    label_smoothing  value and gradient (with respect to the logits) for each case
    groups           which weight decay each named parameter of a small network gets (or "absent"/"twice")
    evaluate         the loss and accuracy returned, and how the model was run: its mode and autograd during
                     each forward, its mode afterwards, and whether its running statistics moved
"""
from __future__ import annotations

import torch
from torch import nn

PROBES = {"label_smoothing", "groups", "evaluate"}


def label_smoothing(module, cases):
    out = []
    for case in cases:
        logits = case["logits"].clone().requires_grad_(True)
        loss = module.label_smoothing_cross_entropy(logits, case["target"], case["smoothing"])
        loss.backward()
        grad = logits.grad if logits.grad is not None else "no gradient reached the logits"
        out.append({"loss": loss.detach(), "grad": grad})
    return out


class Norm(nn.Module):
    """A normalization-like layer with a 1-D scale and shift (what the rule must recognise by shape alone)."""

    def __init__(self, features, **factory):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(features, **factory))
        self.bias = nn.Parameter(torch.zeros(features, **factory))

    def forward(self, x):
        return x * self.weight[:, None] + self.bias[:, None]


def groups(module, weight_decay, dtype_probe):
    """parameter_groups on Conv1d -> Norm -> PReLU -> Linear, with a frozen Linear (left out) between."""
    factory = {"dtype": dtype_probe.dtype, "device": dtype_probe.device}
    model = nn.Sequential()
    model.add_module("conv", nn.Conv1d(2, 4, 3, **factory))
    model.add_module("norm", Norm(4, **factory))
    model.add_module("act", nn.PReLU(4, **factory))
    model.add_module("flat", nn.Flatten())
    model.add_module("frozen", nn.Linear(8, 8, **factory))
    model.add_module("head", nn.Linear(8, 3, bias=False, **factory))
    for p in model.frozen.parameters():
        p.requires_grad_(False)
    names = {id(p): name for name, p in model.named_parameters()}
    returned = module.parameter_groups(model, weight_decay)
    if not isinstance(returned, list) or not all(isinstance(g, dict) and "params" in g for g in returned):
        return {"groups": f"not a list of dicts with 'params' (got {type(returned).__name__})"}
    decay = {name: "absent" for name in names.values()}
    order = []
    for group in returned:
        for p in group["params"]:
            name = names.get(id(p), "a tensor that is not one of the model's parameters")
            order.append(name)
            decay[name] = "twice" if decay.get(name, "absent") != "absent" else float(group.get("weight_decay", 0.0))
    return {"groups": "a list of dicts with 'params'", "weight_decay": decay,
            "groups_are_not_empty": all(len(list(g["params"])) > 0 for g in returned)}


class Recorder(nn.Module):
    """Linear with dropout and a running mean: records the mode and autograd state of every forward."""

    def __init__(self, weight, bias):
        super().__init__()
        self.linear = nn.Linear(weight.shape[1], weight.shape[0], dtype=weight.dtype, device=weight.device)
        with torch.no_grad():
            self.linear.weight.copy_(weight)
            self.linear.bias.copy_(bias)
        self.dropout = nn.Dropout(0.5)
        self.register_buffer("running_mean", torch.zeros(weight.shape[1], dtype=weight.dtype, device=weight.device))
        self.seen = []

    def forward(self, x):
        self.seen.append({"training": self.training, "grad": torch.is_grad_enabled()})
        if self.training:
            self.running_mean.mul_(0.9).add_(0.1 * x.mean(dim=0).detach())
        return self.linear(self.dropout(x))


def evaluate(module, weight, bias, batches, start_in_train_mode, seed):
    torch.manual_seed(seed)
    model = Recorder(weight, bias)
    model.train(start_in_train_mode)
    result = module.evaluate(model, [(b["x"], b["y"]) for b in batches])
    if not (isinstance(result, tuple) and len(result) == 2):
        return {"returned": f"not a (loss, accuracy) pair: {type(result).__name__}"}
    loss, accuracy = result
    # in the order the feedback should name a difference: how the model was run first, then the numbers
    return {"returned": "a (loss, accuracy) pair", "forwards": model.seen,
            "mode_afterwards_train": model.training,
            "running_mean_unchanged": bool((model.running_mean == 0).all()),
            "loss_is_a_python_float": type(loss) is float, "accuracy_is_a_python_float": type(accuracy) is float,
            "loss": float(loss) if isinstance(loss, (int, float, torch.Tensor)) else repr(loss),
            "accuracy": float(accuracy) if isinstance(accuracy, (int, float, torch.Tensor)) else repr(accuracy)}
