"""Adagrad decaying the learning rate with t instead of t - 1 (the first step already decayed)."""
import torch
from torch.optim import Optimizer

COMPONENT = "Adagrad"
FILE = "optimizers.py"
HINT = ("With lr_decay > 0 your steps are slightly too small from the very first one: torch's first "
        "step uses lr itself and the decay starts afterwards (it counts t - 1 previous steps). "
        "Re-read handout section 2 (lr_decay and the step count).")


class Adagrad(Optimizer):
    """Adagrad decaying the learning rate with t instead of t - 1 (the first step already decayed)"""

    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10,
                 foreach=None, *, maximize=False, differentiable=False, fused=None):
        if not 0.0 <= lr_decay:
            raise ValueError(f"Invalid lr_decay value: {lr_decay}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not 0.0 <= initial_accumulator_value:
            raise ValueError(f"Invalid initial_accumulator_value value: {initial_accumulator_value}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        defaults = dict(lr=lr, lr_decay=lr_decay, eps=eps, weight_decay=weight_decay,
                        initial_accumulator_value=initial_accumulator_value, foreach=foreach,
                        maximize=maximize, differentiable=differentiable, fused=fused)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        """Take one optimization step; `closure` (optional) re-evaluates the model and returns the loss."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()

        for group in self.param_groups:
            lr, lr_decay, eps = group["lr"], group["lr_decay"], group["eps"]
            weight_decay, maximize = group["weight_decay"], group["maximize"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    # number of steps this parameter has taken
                    state["step"] = 0
                    # running sum of squared gradients (torch uses the constructor's starting value)
                    state["sum"] = torch.full_like(p, self.defaults["initial_accumulator_value"])

                state["step"] += 1
                grad = -p.grad if maximize else p.grad
                if weight_decay != 0:
                    grad = grad.add(p, alpha=weight_decay)
                decayed_lr = lr / (1 + state["step"] * lr_decay)  # the mistake: t, not t - 1

                state["sum"].addcmul_(grad, grad)
                std = state["sum"].sqrt().add_(eps)  # eps outside the root: it only guards against 0
                p.addcdiv_(grad, std, value=-decayed_lr)
        return loss

