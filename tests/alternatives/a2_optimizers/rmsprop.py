"""RMSprop with the running averages written as lerps (v ← v + (1-α)(g² - v)) and the centered
denominator from the variance computed separately."""
import torch

COMPONENT = "RMSprop"
FILE = "optimizers.py"


class RMSprop(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False,
                 capturable=False, foreach=None, maximize=False, differentiable=False):
        super().__init__(params, dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps, centered=centered,
                                      weight_decay=weight_decay, capturable=capturable, foreach=foreach,
                                      maximize=maximize, differentiable=differentiable))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            a = group["alpha"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state.update(step=0, square_avg=torch.zeros_like(p), grad_avg=torch.zeros_like(p),
                                 momentum_buffer=torch.zeros_like(p))
                state["step"] += 1
                g = -p.grad if group["maximize"] else p.grad.clone()
                if group["weight_decay"]:
                    g += group["weight_decay"] * p
                state["square_avg"].lerp_(g * g, 1 - a)
                if group["centered"]:
                    state["grad_avg"].lerp_(g, 1 - a)
                    variance = state["square_avg"] - state["grad_avg"] ** 2
                else:
                    variance = state["square_avg"]
                normalized = g / (variance.sqrt() + group["eps"])
                if group["momentum"] > 0:
                    state["momentum_buffer"].mul_(group["momentum"]).add_(normalized)
                    normalized = state["momentum_buffer"]
                p.sub_(group["lr"] * normalized)
        return loss
