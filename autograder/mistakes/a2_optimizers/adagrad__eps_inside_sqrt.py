"""Adagrad with eps inside the square root: √(s + eps) instead of √s + eps."""
import torch
from torch.optim import Optimizer

COMPONENT = "Adagrad"
FILE = "optimizers.py"
HINT = ("Your steps are far too small for parameters with tiny gradients (and right for large ones): "
        "eps is added after the square root, so it only guards against division by zero. Inside the "
        "root it swamps small sums. Re-read handout section 2 (where eps goes).")


class Adagrad(Optimizer):
    """Adagrad with eps inside the square root: √(s + eps) instead of √s + eps"""

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
                decayed_lr = lr / (1 + (state["step"] - 1) * lr_decay)  # the first step uses lr itself

                state["sum"].addcmul_(grad, grad)
                std = state["sum"].add(eps).sqrt_()  # the mistake: eps inside the root
                p.addcdiv_(grad, std, value=-decayed_lr)
        return loss

