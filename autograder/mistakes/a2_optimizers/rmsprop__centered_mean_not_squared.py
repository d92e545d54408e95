"""RMSprop centered subtracting the running mean ḡ instead of its square ḡ²."""
import torch
from torch.optim import Optimizer

COMPONENT = "RMSprop"
FILE = "optimizers.py"
HINT = ("With centered=True your steps differ (and can be NaN): the variance estimate is v - ḡ², the "
        "mean of squares minus the square of the mean. Re-read handout section 3 (centered).")


class RMSprop(Optimizer):
    """RMSprop centered subtracting the running mean ḡ instead of its square ḡ²"""

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False,
                 capturable=False, foreach=None, maximize=False, differentiable=False):
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= momentum:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not 0.0 <= alpha:
            raise ValueError(f"Invalid alpha value: {alpha}")
        defaults = dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps, centered=centered,
                        weight_decay=weight_decay, capturable=capturable, foreach=foreach,
                        maximize=maximize, differentiable=differentiable)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        """Take one optimization step; `closure` (optional) re-evaluates the model and returns the loss."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()

        for group in self.param_groups:
            lr, alpha, eps, momentum = group["lr"], group["alpha"], group["eps"], group["momentum"]
            weight_decay, centered, maximize = group["weight_decay"], group["centered"], group["maximize"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    # number of steps this parameter has taken
                    state["step"] = 0
                    # running average of squared gradients v
                    state["square_avg"] = torch.zeros_like(p)
                    if momentum > 0:
                        # velocity b of the normalized steps
                        state["momentum_buffer"] = torch.zeros_like(p)
                    if centered:
                        # running average of gradients ḡ
                        state["grad_avg"] = torch.zeros_like(p)

                state["step"] += 1
                grad = -p.grad if maximize else p.grad
                if weight_decay != 0:
                    grad = grad.add(p, alpha=weight_decay)

                square_avg = state["square_avg"]
                square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
                if centered:
                    grad_avg = state["grad_avg"]
                    grad_avg.mul_(alpha).add_(grad, alpha=1 - alpha)
                    # v - ḡ² estimates the variance of the gradient
                    denom = square_avg.sub(grad_avg).sqrt_().add_(eps)  # the mistake: ḡ, not ḡ²
                else:
                    denom = square_avg.sqrt().add_(eps)

                if momentum > 0:
                    buf = state["momentum_buffer"]
                    buf.mul_(momentum).addcdiv_(grad, denom)  # momentum of the already-normalized step
                    p.add_(buf, alpha=-lr)
                else:
                    p.addcdiv_(grad, denom, value=-lr)
        return loss

