"""Transfer learning: reuse the layers of a network trained on one task for another (handout section 15).

    freeze_(model, ["stem", "blocks.0"])      # those layers stop learning, their batch norms stop counting
    model.head = torch.nn.Linear(64, 5)       # a new head for the new task
    groups = discriminative_groups(model, "head", base_lr=1e-2, backbone_factor=0.1, weight_decay=1e-2)
    optimizer = AdamW(groups, lr=1e-2)
    ...
    unfreeze_(model, ["blocks.0"])            # later: fine-tune the top of the backbone too

A prefix names a submodule as ``model.named_modules()`` does ("stem", "blocks.0") and covers everything inside
it; "blocks.1" covers "blocks.1.conv1" but not "blocks.10".
"""
from __future__ import annotations

import functools

import torch


def _matching(model: torch.nn.Module, prefixes) -> list[torch.nn.Module]:
    """The submodules named by `prefixes` and everything inside them, each once. ValueError for a prefix
    that names no submodule (a typo must not freeze nothing in silence)."""
    prefixes = [prefixes] if isinstance(prefixes, str) else list(prefixes)
    named = list(model.named_modules())
    found, seen = [], set()
    for prefix in prefixes:
        inside = [m for name, m in named if name == prefix or name.startswith(prefix + ".")]
        if not inside:
            raise ValueError(f"no submodule named {prefix!r} in the model")
        for module in inside:
            if id(module) not in seen:
                seen.add(id(module))
                found.append(module)
    return found


def _has_running_statistics(module: torch.nn.Module) -> bool:
    """A batch-norm layer, torch's or your own a4 one: it keeps running statistics."""
    return isinstance(getattr(module, "running_mean", None), torch.Tensor)


def _stay_in_eval_mode(self: torch.nn.Module, mode: bool = True) -> torch.nn.Module:
    """A frozen batch norm's train(): whatever mode is asked for, it stays in eval mode."""
    return torch.nn.Module.train(self, False)


def freeze_(model: torch.nn.Module, prefixes) -> torch.nn.Module:
    """Freeze the named submodules in place: their parameters stop learning, their batch norms stop counting.

    Every parameter inside gets ``requires_grad=False``, so it gets no gradient, and an optimizer built from
    the trainable parameters only (``discriminative_groups``, ``parameter_groups``) never sees it: no update,
    no weight decay. Every batch-norm layer inside (a module with a ``running_mean``) goes to eval mode and
    *stays* there when the training loop calls ``model.train()``: in train mode it would normalize with the
    new task's batch statistics and overwrite the running statistics it learned, so the frozen layers would
    still change. Returns ``model``. ValueError for a prefix that names no submodule.
    """
    # YOUR CODE HERE
    raise NotImplementedError('Task 6.10 - handout section 15 "Reusing a trained network"')


def unfreeze_(model: torch.nn.Module, prefixes) -> torch.nn.Module:
    """Undo ``freeze_`` for the named submodules, in place: their parameters learn again
    (``requires_grad=True``), and their batch norms follow the model's mode again, starting from the mode the
    model is in now. Returns ``model``. ValueError for a prefix that names no submodule.
    """
    # YOUR CODE HERE
    raise NotImplementedError('Task 6.11 - handout section 15 "Reusing a trained network"')


def discriminative_groups(model: torch.nn.Module, head_prefix: str, base_lr: float, backbone_factor: float,
                          weight_decay: float) -> list[dict]:
    """Parameter groups that train the reused backbone slower than the new head, with a6's decay rule.

        head      (the submodule `head_prefix` and everything inside):  lr = base_lr
        backbone  (every other trainable parameter):                    lr = base_lr * backbone_factor
        in each:  weights (more than one dimension) get `weight_decay`; biases and normalization
                  parameters (one dimension) get 0.0, as parameter_groups does

    Up to four groups, each ``{"params": [...], "lr": ..., "weight_decay": ...}``, backbone first; an empty
    group is left out, and so is every frozen parameter (``requires_grad=False``): it must not be updated,
    and AdamW's decoupled decay would move it even without a gradient. The backbone's features are already
    good: a small rate adjusts them without destroying them, while the new head, starting from random
    weights, needs the full rate. ValueError if `head_prefix` names no submodule, if `base_lr` is not
    positive, or if `backbone_factor` or `weight_decay` is negative.
    """
    # YOUR CODE HERE
    raise NotImplementedError('Task 6.12 - handout section 15 "Reusing a trained network"')
