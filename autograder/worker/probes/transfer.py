"""Probes for a6's transfer learning (transfer.py): freeze_, unfreeze_, discriminative_groups.

Every probe builds the same small network, whose submodule names test the prefix rule:

    stem        Conv1d -> BatchNorm1d
    stem_extra  Conv1d -> BatchNorm1d      ("stem" must not cover it: a prefix ends at a dot)
    blocks.0    Conv1d -> BatchNorm1d
    blocks.1    Conv1d -> BatchNorm1d
    head        Flatten -> Linear          (the new task's layer)

    freeze         freeze_, then the training loop's model.train() and a few AdamW steps with weight decay on
                   every parameter that still requires a gradient: which parameters and batch-norm statistics
                   changed, which modules are in train mode, which parameters require a gradient
    unfreeze       freeze_ then unfreeze_ (in eval mode, then model.train()): the modes and requires_grad
    groups         discriminative_groups: the rate and weight decay each named parameter gets
"""
from __future__ import annotations

import torch
from torch import nn

from . import raised

PROBES = {"freeze", "unfreeze", "groups"}


def _network(x: torch.Tensor) -> nn.Module:
    factory = {"dtype": x.dtype, "device": x.device}
    torch.manual_seed(0)
    model = nn.Sequential()
    model.add_module("stem", nn.Sequential(nn.Conv1d(2, 4, 3, padding=1, **factory), nn.BatchNorm1d(4, **factory)))
    model.add_module("stem_extra", nn.Sequential(nn.Conv1d(4, 4, 3, padding=1, **factory),
                                                 nn.BatchNorm1d(4, **factory)))
    blocks = nn.Sequential(*[nn.Sequential(nn.Conv1d(4, 4, 3, padding=1, **factory), nn.BatchNorm1d(4, **factory))
                             for _ in range(2)])
    model.add_module("blocks", blocks)
    model.add_module("head", nn.Sequential(nn.Flatten(), nn.Linear(4 * x.shape[-1], 3, **factory)))
    return model


def _modes(model: nn.Module) -> dict:
    return {name: module.training for name, module in model.named_modules() if name}


def freeze(module, x, target, prefixes, steps):
    model = _network(x)
    before = {name: t.detach().clone() for name, t in list(model.named_parameters()) + list(model.named_buffers())}
    returned = module.freeze_(model, prefixes)
    model.train()                       # what every training loop does at the start of an epoch
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=0.05, weight_decay=0.1)
    for _ in range(steps):
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), target).backward()
        optimizer.step()
    after = dict(list(model.named_parameters()) + list(model.named_buffers()))
    return {"returns_the_model": returned is model,
            "requires_grad": {name: p.requires_grad for name, p in model.named_parameters()},
            "in_train_mode": _modes(model),
            "changed": {name: not torch.equal(before[name], after[name].detach()) for name in before},
            "an unknown prefix raises": raised(lambda: module.freeze_(_network(x), ["trunk"]))}


def unfreeze(module, x, frozen, unfrozen):
    model = _network(x)
    module.freeze_(model, frozen)
    model.eval()
    returned = module.unfreeze_(model, unfrozen)
    in_eval = _modes(model)             # unfreezing in eval mode keeps the model in eval mode
    model.train()
    return {"returns_the_model": returned is model,
            "requires_grad": {name: p.requires_grad for name, p in model.named_parameters()},
            "in_train_mode_after_unfreezing_in_eval": in_eval,
            "in_train_mode_after_model_train": _modes(model),
            "an unknown prefix raises": raised(lambda: module.unfreeze_(_network(x), ["trunk"]))}


def _number(value):
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else \
        f"not a number: {value!r}"


def groups(module, x, frozen, head_prefix, base_lr, backbone_factor, weight_decay):
    model = _network(x)
    for prefix in frozen:
        for p in model.get_submodule(prefix).parameters():
            p.requires_grad_(False)
    names = {id(p): name for name, p in model.named_parameters()}
    returned = module.discriminative_groups(model, head_prefix, base_lr, backbone_factor, weight_decay)
    if not isinstance(returned, list) or not all(isinstance(g, dict) and "params" in g for g in returned):
        return {"groups": f"not a list of dicts with 'params' (got {type(returned).__name__})"}
    lr = {name: "absent" for name in names.values()}
    decay = dict(lr)
    for group in returned:
        for p in group["params"]:
            name = names.get(id(p), "a tensor that is not one of the model's parameters")
            twice = lr.get(name) not in (None, "absent")
            lr[name] = "twice" if twice else _number(group.get("lr"))
            decay[name] = "twice" if twice else _number(group.get("weight_decay"))
    bad = lambda **change: raised(lambda: module.discriminative_groups(  # noqa: E731
        _network(x), **{"head_prefix": head_prefix, "base_lr": base_lr, "backbone_factor": backbone_factor,
                        "weight_decay": weight_decay, **change}))
    return {"lr": lr, "weight_decay": decay, "groups_are_not_empty": all(len(g["params"]) > 0 for g in returned),
            "raises": {"unknown head_prefix": bad(head_prefix="classifier"), "base_lr 0": bad(base_lr=0.0),
                       "negative backbone_factor": bad(backbone_factor=-0.1),
                       "negative weight_decay": bad(weight_decay=-1.0)}}
