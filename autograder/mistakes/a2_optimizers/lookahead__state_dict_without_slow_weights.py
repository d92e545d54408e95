"""Lookahead whose state_dict holds only the inner optimizer's state (no slow weights, no counter)."""
from collections import defaultdict

import torch
from torch.optim import Optimizer

COMPONENT = "Lookahead"
FILE = "optimizers.py"
HINT = ("Your Lookahead does not resume correctly from a state_dict: the slow weights and the count "
        "of fast steps are part of its state, next to the inner optimizer's. Re-read handout section "
        "7 (saving and loading).")


class Lookahead(Optimizer):
    """Lookahead whose state_dict holds only the inner optimizer's state (no slow weights, no counter)"""

    def __init__(self, optimizer, k=5, alpha=0.5):
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"Lookahead wraps a torch.optim.Optimizer, got {type(optimizer).__name__}")
        if not (isinstance(k, int) and k >= 1):
            raise ValueError(f"Invalid k: {k} (the number of fast steps between syncs must be an int >= 1)")
        if not 0.0 <= alpha <= 1.0:
            raise ValueError(f"Invalid alpha: {alpha} (the slow weights' step size must be in [0, 1])")
        self.optimizer = optimizer
        self.k = k
        self.alpha = alpha
        # Optimizer.__init__ sets up hooks and bookkeeping. Given the inner optimizer's group dicts and
        # defaults, it keeps them as they are (every key is already set) ...
        super().__init__(optimizer.param_groups, optimizer.defaults)
        # ... in a list of its own: share the inner optimizer's list instead, so groups added later appear
        # in both (Optimizer.add_param_group fills them in from self.defaults, the inner optimizer's).
        self.param_groups = optimizer.param_groups
        # number of inner (fast) steps taken so far
        self.fast_steps = 0

    @torch.no_grad()
    def step(self, closure=None):
        """One inner step, and after every k-th one, the slow-weight update; returns the closure's loss."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()

        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None and p not in self.state:
                    # slow weights: where the parameter was before its first fast step
                    self.state[p]["slow_param"] = p.detach().clone()

        self.optimizer.step()  # the gradients are already there; the closure ran above
        self.fast_steps += 1

        if self.fast_steps % self.k == 0:
            for group in self.param_groups:
                for p in group["params"]:
                    if p not in self.state:
                        continue  # never had a gradient: it has not moved
                    slow = self.state[p]["slow_param"]
                    slow.add_(p - slow, alpha=self.alpha)  # slow ← slow + α·(fast - slow)
                    p.copy_(slow)                           # fast ← slow
        return loss

    def state_dict(self):
        """The inner optimizer's state_dict, plus the slow weights and the step counter."""
        params = [p for group in self.param_groups for p in group["params"]]
        return {"optimizer": self.optimizer.state_dict()}  # the mistake: slow weights and counter left out

    def load_state_dict(self, state_dict):
        """Load what state_dict() returned (into a Lookahead over the same parameters)."""
        self.optimizer.load_state_dict(state_dict["optimizer"])
        # Loading gives the inner optimizer a new list of groups: share it again.
        self.param_groups = self.optimizer.param_groups
        params = [p for group in self.param_groups for p in group["params"]]
        self.state = defaultdict(dict)
        self.fast_steps = 0

