"""Adadelta with the ratio of the two RMS values under one square root: Δ = √((u + eps)/(v + eps))·g."""
import torch

COMPONENT = "Adadelta"
FILE = "optimizers.py"


class Adadelta(torch.optim.Optimizer):
    def __init__(self, params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0, foreach=None, *, capturable=False,
                 maximize=False, differentiable=False):
        super().__init__(params, dict(lr=lr, rho=rho, eps=eps, weight_decay=weight_decay, maximize=maximize,
                                      capturable=capturable, foreach=foreach, differentiable=differentiable))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            rho, eps = group["rho"], group["eps"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state.update(step=0, square_avg=torch.zeros_like(p), acc_delta=torch.zeros_like(p))
                state["step"] += 1
                g = -p.grad if group["maximize"] else p.grad
                if group["weight_decay"]:
                    g = g + group["weight_decay"] * p
                v = state["square_avg"] = rho * state["square_avg"] + (1 - rho) * g * g
                delta = torch.sqrt((state["acc_delta"] + eps) / (v + eps)) * g
                state["acc_delta"] = rho * state["acc_delta"] + (1 - rho) * delta * delta
                p.sub_(group["lr"] * delta)
        return loss
