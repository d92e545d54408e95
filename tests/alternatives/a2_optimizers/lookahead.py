"""Lookahead keeping the slow weights as a list per group and the counter as a tensor; the slow update as
a lerp. Written without Optimizer.__init__ (like torch's own wrappers), sharing the inner groups."""
from collections import OrderedDict

import torch

COMPONENT = "Lookahead"
FILE = "optimizers.py"


class Lookahead(torch.optim.Optimizer):
    def __init__(self, optimizer, k=5, alpha=0.5):
        if k < 1 or not 0 <= alpha <= 1:
            raise ValueError("bad k or alpha")
        self.optimizer, self.k, self.alpha = optimizer, k, alpha
        self.defaults = optimizer.defaults
        self.state = {}  # parameter -> its slow copy
        self.counter = torch.zeros((), dtype=torch.int64)
        for hooks in ("_optimizer_step_pre_hooks", "_optimizer_step_post_hooks"):
            setattr(self, hooks, OrderedDict())

    @property
    def param_groups(self):
        return self.optimizer.param_groups

    def add_param_group(self, param_group):
        self.optimizer.add_param_group(param_group)

    def zero_grad(self, set_to_none=True):
        self.optimizer.zero_grad(set_to_none)

    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        with torch.no_grad():
            for group in self.param_groups:
                for p in group["params"]:
                    if p.grad is not None and p not in self.state:
                        self.state[p] = torch.clone(p).detach()
            self.optimizer.step()
            self.counter += 1
            if int(self.counter) % self.k == 0:
                for p, slow in self.state.items():
                    slow.lerp_(p, self.alpha)
                    p.copy_(slow)
        return loss

    def state_dict(self):
        params = [p for group in self.param_groups for p in group["params"]]
        slow = [self.state[p] if p in self.state else None for p in params]
        return {"inner": self.optimizer.state_dict(), "slow": slow, "counter": self.counter.clone()}

    def load_state_dict(self, state_dict):
        self.optimizer.load_state_dict(state_dict["inner"])
        params = [p for group in self.param_groups for p in group["params"]]
        self.state = {p: s.to(p).clone() for p, s in zip(params, state_dict["slow"]) if s is not None}
        self.counter = state_dict["counter"].clone()
