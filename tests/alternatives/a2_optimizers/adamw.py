"""AdamW written on its own (not through Adam): decay as θ ← θ - lr·λ·θ, moments as lerps, one combined step."""
import torch

COMPONENT = "AdamW"
FILE = "optimizers.py"


class AdamW(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False, foreach=None, capturable=False, differentiable=False, fused=None):
        super().__init__(params, dict(lr=lr, betas=tuple(betas), eps=eps, weight_decay=weight_decay,
                                      amsgrad=amsgrad, maximize=maximize, foreach=foreach, capturable=capturable,
                                      differentiable=differentiable, fused=fused, decoupled_weight_decay=True))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            lr, (b1, b2), eps, wd = group["lr"], group["betas"], group["eps"], group["weight_decay"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if "step" not in state:
                    state["step"], state["exp_avg"], state["exp_avg_sq"] = 0, torch.zeros_like(p), torch.zeros_like(p)
                    if group["amsgrad"]:
                        state["max_exp_avg_sq"] = torch.zeros_like(p)
                g = -p.grad if group["maximize"] else p.grad
                state["step"] = t = state["step"] + 1
                p.add_(p, alpha=-lr * wd)
                state["exp_avg"].lerp_(g, 1 - b1)
                state["exp_avg_sq"].mul_(b2).add_(g * g * (1 - b2))
                v = state["exp_avg_sq"]
                if group["amsgrad"]:
                    v = torch.max(state["max_exp_avg_sq"], v, out=state["max_exp_avg_sq"])
                step = (state["exp_avg"] / (1 - b1 ** t)) / ((v / (1 - b2 ** t)).sqrt() + eps)
                p.sub_(lr * step)
        return loss
