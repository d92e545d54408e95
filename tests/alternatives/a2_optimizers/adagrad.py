"""Adagrad with the step counter kept as a tensor on the parameter's device, and the step written as one
expression θ - lr_t·g/(√s + eps) evaluated out of place."""
import torch

COMPONENT = "Adagrad"
FILE = "optimizers.py"


class Adagrad(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10,
                 foreach=None, *, maximize=False, differentiable=False, fused=None):
        super().__init__(params, dict(lr=lr, lr_decay=lr_decay, eps=eps, weight_decay=weight_decay,
                                      initial_accumulator_value=initial_accumulator_value, foreach=foreach,
                                      maximize=maximize, differentiable=differentiable, fused=fused))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = torch.zeros((), dtype=torch.float64, device=p.device)
                    state["sum"] = torch.zeros_like(p) + self.defaults["initial_accumulator_value"]
                state["step"] += 1
                g = p.grad * (-1.0 if group["maximize"] else 1.0)
                g = g + group["weight_decay"] * p if group["weight_decay"] else g
                state["sum"] = state["sum"] + g * g
                clr = group["lr"] / (1.0 + (state["step"].item() - 1.0) * group["lr_decay"])
                p.copy_(p - clr * (g / (torch.sqrt(state["sum"]) + group["eps"])))
        return loss
