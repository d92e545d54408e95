"""SGD momentum whose buffer starts at (1 - dampening)·g instead of g."""
import torch
from torch.optim import Optimizer

COMPONENT = "SGD"
FILE = "optimizers.py"
HINT = ("Your very first momentum step is too small when dampening is set. torch starts the momentum "
        "buffer at the first gradient itself, undampened; dampening only applies from the second step "
        "on. Re-read handout section 1 (how the buffer starts).")


class SGD(Optimizer):
    """SGD momentum whose buffer starts at (1 - dampening)·g instead of g"""

    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
                 maximize=False, foreach=None, differentiable=False, fused=None):
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                        nesterov=nesterov, maximize=maximize, foreach=foreach,
                        differentiable=differentiable, fused=fused)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        """Take one optimization step; `closure` (optional) re-evaluates the model and returns the loss."""
        loss = None
        if closure is not None:
            with torch.enable_grad():  # the closure computes a loss and calls backward()
                loss = closure()

        for group in self.param_groups:
            lr, momentum, dampening = group["lr"], group["momentum"], group["dampening"]
            weight_decay, nesterov, maximize = group["weight_decay"], group["nesterov"], group["maximize"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                grad = -p.grad if maximize else p.grad
                if weight_decay != 0:
                    grad = grad.add(p, alpha=weight_decay)  # L2 penalty λ/2·|θ|² folded into the gradient

                if momentum != 0:
                    state = self.state[p]
                    if "momentum_buffer" not in state:
                        # velocity b: starts as the first gradient itself, without dampening
                        state["momentum_buffer"] = grad.mul(1 - dampening)  # the mistake
                    else:
                        state["momentum_buffer"].mul_(momentum).add_(grad, alpha=1 - dampening)
                    buf = state["momentum_buffer"]
                    # Nesterov looks one step ahead: the gradient plus the momentum it is about to get
                    grad = grad.add(buf, alpha=momentum) if nesterov else buf

                p.add_(grad, alpha=-lr)
        return loss

