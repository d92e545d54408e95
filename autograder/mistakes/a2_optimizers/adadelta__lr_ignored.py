"""Adadelta that ignores lr (the original paper has no learning rate)."""
import torch
from torch.optim import Optimizer

COMPONENT = "Adadelta"
FILE = "optimizers.py"
HINT = ("With lr other than 1.0 your steps are off by exactly that factor: torch's Adadelta scales "
        "the step by lr (default 1.0, the paper's method). Re-read handout section 6.")


class Adadelta(Optimizer):
    """Adadelta that ignores lr (the original paper has no learning rate)"""

    def __init__(self, params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0, foreach=None, *, capturable=False,
                 maximize=False, differentiable=False):
        if not 0.0 <= rho <= 1.0:
            raise ValueError(f"Invalid rho value: {rho}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = dict(lr=lr, rho=rho, eps=eps, weight_decay=weight_decay, maximize=maximize,
                        capturable=capturable, foreach=foreach, differentiable=differentiable)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        """Take one optimization step; `closure` (optional) re-evaluates the model and returns the loss."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()

        for group in self.param_groups:
            lr, rho, eps = group["lr"], group["rho"], group["eps"]
            weight_decay, maximize = group["weight_decay"], group["maximize"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    # number of steps this parameter has taken
                    state["step"] = 0
                    # running average of squared gradients v
                    state["square_avg"] = torch.zeros_like(p)
                    # running average of squared updates u
                    state["acc_delta"] = torch.zeros_like(p)

                state["step"] += 1
                grad = -p.grad if maximize else p.grad
                if weight_decay != 0:
                    grad = grad.add(p, alpha=weight_decay)

                square_avg, acc_delta = state["square_avg"], state["acc_delta"]
                square_avg.mul_(rho).addcmul_(grad, grad, value=1 - rho)
                std = square_avg.add(eps).sqrt_()
                delta = acc_delta.add(eps).sqrt_().div_(std).mul_(grad)  # uses u from the previous step
                acc_delta.mul_(rho).addcmul_(delta, delta, value=1 - rho)
                p.sub_(delta)  # the mistake: lr ignored
        return loss

