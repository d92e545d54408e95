"""Watching a training loop from the outside: a tiny model whose every forward, backward and optimizer step is
recorded, whatever the loop looks like inside (a6's train is the student's; no name of theirs is patched).

    forward   a forward pre-hook on the model: its mode, whether autograd was on, and which split each input
              row is (rows are looked up by their exact bytes: an augmented row is in no split)
    backward  a hook on every parameter, called with the incoming gradient *before* it is added to .grad: was
              .grad still holding an earlier gradient (zero_grad forgotten)?
    step      torch's global optimizer-step hooks (every torch.optim.Optimizer subclass calls them, the
              student's included): the learning rates, each parameter's gradient against the one that came
              in with the backward (clipped by what factor?), and each parameter's weight decay

Only the outermost step is recorded (Lookahead's step runs its inner optimizer's step inside it).
"""
from __future__ import annotations

import math

import torch
from torch import nn
from torch.optim.optimizer import register_optimizer_step_post_hook, register_optimizer_step_pre_hook


class Preempted(BaseException):
    """Raised from the model to stop a run midway, as a killed job would (BaseException: `except Exception`
    in a training loop does not swallow it)."""


class Scale(nn.Module):
    """A per-feature scale and shift, ``y = x * weight + bias``: stands in for a normalization layer's γ and β."""

    def __init__(self, features, dtype, device):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(features, dtype=dtype, device=device))
        self.bias = nn.Parameter(torch.zeros(features, dtype=dtype, device=device))

    def forward(self, x):
        return x * self.weight + self.bias


class Puppet(nn.Module):
    """Linear -> Scale -> ReLU -> Dropout -> Linear, plus a frozen parameter and one the forward never uses.

    With a ``script`` (a list of positive numbers, one per epoch) the eval-mode output on validation rows is
    not computed but dictated: logits ``a_e`` on the true class and 0 elsewhere, with ``a_e`` chosen so that
    the cross-entropy is exactly ``script[e]``: ``a = -log((exp(L) - 1) / (C - 1))``. The epoch e is read
    off the number of optimizer steps taken so far (``watch.steps // steps_per_epoch - 1``).
    """

    def __init__(self, state: dict, dropout: float = 0.0):
        super().__init__()
        w1, w2 = state["hidden.weight"], state["out.weight"]
        dtype, device = w1.dtype, w1.device
        self.hidden = nn.Linear(w1.shape[1], w1.shape[0], dtype=dtype, device=device)
        self.norm = Scale(w1.shape[0], dtype, device)
        self.dropout = nn.Dropout(dropout)
        self.out = nn.Linear(w2.shape[1], w2.shape[0], dtype=dtype, device=device)
        self.frozen = nn.Parameter(state["frozen"].clone(), requires_grad=False)
        self.unused = nn.Parameter(state["unused"].clone())
        self.load_state_dict(state)
        self.watch: Watch | None = None
        self.script = None

    def forward(self, x):
        h = self.dropout(torch.relu(self.norm(self.hidden(x))))
        logits = self.out(h) + self.frozen.sum()
        if self.script is not None and not self.training:
            return self.watch.scripted_logits(x, logits, self.script)
        return logits


def row_key(row: torch.Tensor) -> bytes:
    return row.detach().to("cpu").contiguous().numpy().tobytes()


class Watch:
    """Attach to a Puppet; record events while a training run goes on (see the module docstring)."""

    def __init__(self, model: Puppet, splits: dict[str, tuple[torch.Tensor, torch.Tensor]], steps_per_epoch: int,
                 interrupt_at_step: int | None = None, first_step: int = 0):
        self.model, self.steps_per_epoch, self.interrupt_at_step = model, steps_per_epoch, interrupt_at_step
        self.rows = {}     # row bytes -> (split, index, label)
        for split, (x, y) in splits.items():
            for i, (row, label) in enumerate(zip(x, y)):
                self.rows[row_key(row)] = (split, i, int(label))
        self.names = {id(p): name for name, p in model.named_parameters()}
        self.events: list[dict] = []
        self.incoming: dict[str, torch.Tensor] = {}       # each parameter's latest incoming gradient
        self.first_incoming: dict[str, torch.Tensor] = {}  # and its very first one
        self.steps = first_step   # optimizer steps taken (a resumed run starts where its checkpoint was)
        self.depth = 0
        self.snapshots: list[dict] = []   # the parameters at the first validation forward of each epoch
        self.decay: dict | None = None
        model.watch = self
        self.handles = [model.register_forward_pre_hook(self._forward)]
        self.handles += [p.register_hook(self._backward(name, p)) for name, p in model.named_parameters()
                         if p.requires_grad]
        self.handles += [register_optimizer_step_pre_hook(self._step), register_optimizer_step_post_hook(self._stepped)]

    def close(self):
        for handle in self.handles:
            handle.remove()
        self.model.watch = None

    # -- hooks ------------------------------------------------------------------------------------------
    def _forward(self, module, args):
        x = args[0]
        splits = [self.rows.get(row_key(row), (None, None, None)) for row in x]
        kinds = {s for s, _, _ in splits}
        event = {"kind": "forward", "training": module.training, "grad": torch.is_grad_enabled(),
                 "split": kinds.pop() if len(kinds) == 1 else "mixed", "index": [i for _, i, _ in splits],
                 "step": self.steps}
        self.events.append(event)
        if event["split"] == "val" and not module.training and (not self.snapshots or
                                                               self.snapshots[-1]["step"] != self.steps):
            self.snapshots.append({"step": self.steps, "params": {n: p.detach().clone() for n, p in
                                                                  module.state_dict().items()}})
        if module.training and self.interrupt_at_step is not None and self.steps >= self.interrupt_at_step:
            raise Preempted(f"the grader stopped this run before step {self.steps}")

    def _backward(self, name, p):
        def hook(grad):
            stale = p.grad is not None and bool(p.grad.abs().sum() > 0)
            self.events.append({"kind": "backward", "name": name, "stale": stale, "step": self.steps})
            self.incoming[name] = grad.detach().clone()
            self.first_incoming.setdefault(name, self.incoming[name])
        return hook

    def _step(self, optimizer, args, kwargs):
        self.depth += 1
        if self.depth > 1:
            return
        params = {self.names[id(p)]: p for group in optimizer.param_groups for p in group["params"]
                  if id(p) in self.names}
        if self.decay is None:
            self.decay = {}
            for group in optimizer.param_groups:
                for p in group["params"]:
                    name = self.names.get(id(p), "?")
                    self.decay[name] = "twice" if name in self.decay else float(group.get("weight_decay", 0.0))
        factors, parallel = {}, True   # .grad = factor x the incoming gradient (clipping scales, nothing else)
        for name, p in params.items():
            if name not in self.incoming:
                continue
            came_in = self.incoming[name].double()
            now = p.grad.detach().double() if p.grad is not None else torch.zeros_like(came_in)
            denominator = float((came_in * came_in).sum())
            factors[name] = float((now * came_in).sum()) / denominator if denominator > 0 else 1.0
            residual = float(((now - factors[name] * came_in) ** 2).sum())
            parallel &= residual <= 1e-12 * max(denominator, 1e-30)
        norm = math.sqrt(sum(float((self.incoming[n].double() ** 2).sum()) for n in factors))
        self.events.append({"kind": "step", "lr": [float(g["lr"]) for g in optimizer.param_groups],
                            "factors": factors, "parallel": parallel, "incoming_norm": norm, "step": self.steps})

    def _stepped(self, optimizer, args, kwargs):
        self.depth -= 1
        if self.depth == 0:
            self.steps += 1

    # -- the scripted validation curve --------------------------------------------------------------------
    def scripted_logits(self, x, logits, script):
        epoch = min(max(self.steps // self.steps_per_epoch - 1, 0), len(script) - 1)
        loss, classes = script[epoch], logits.shape[1]
        a = -math.log(math.expm1(loss) / (classes - 1))
        labels = [self.rows.get(row_key(row), (None, None, 0))[2] for row in x]
        target = torch.tensor(labels, device=logits.device)
        return logits * 0 + a * nn.functional.one_hot(target, classes).to(logits.dtype)
