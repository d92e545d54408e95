"""Adam with explicit bias-corrected moments m̂ = m/(1-β1^t), v̂ = v/(1-β2^t), vectorized with torch._foreach_
ops, and the step counter kept as a float tensor."""
import torch

COMPONENT = "Adam"
FILE = "optimizers.py"


class Adam(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *,
                 foreach=None, maximize=False, capturable=False, differentiable=False, fused=None,
                 decoupled_weight_decay=False):
        super().__init__(params, dict(lr=lr, betas=tuple(betas), eps=eps, weight_decay=weight_decay,
                                      amsgrad=amsgrad, maximize=maximize, foreach=foreach, capturable=capturable,
                                      differentiable=differentiable, fused=fused,
                                      decoupled_weight_decay=decoupled_weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            params = [p for p in group["params"] if p.grad is not None]
            for p in params:
                if not self.state[p]:
                    self.state[p].update(step=torch.tensor(0.0), exp_avg=torch.zeros_like(p),
                                         exp_avg_sq=torch.zeros_like(p), max_exp_avg_sq=torch.zeros_like(p))
            for p in params:
                grad = p.grad.neg() if group["maximize"] else p.grad
                if group["weight_decay"] != 0:
                    if group["decoupled_weight_decay"]:
                        p.sub_(group["lr"] * group["weight_decay"] * p)
                    else:
                        grad = grad + group["weight_decay"] * p
                state = self.state[p]
                state["step"] += 1
                t = state["step"].item()
                state["exp_avg"].lerp_(grad, 1 - beta1)
                state["exp_avg_sq"].lerp_(grad.square(), 1 - beta2)
                v = state["exp_avg_sq"]
                if group["amsgrad"]:
                    state["max_exp_avg_sq"].copy_(torch.maximum(state["max_exp_avg_sq"], v))
                    v = state["max_exp_avg_sq"]
                m_hat = state["exp_avg"] / (1 - beta1 ** t)
                v_hat = v / (1 - beta2 ** t)
                torch._foreach_add_([p], [m_hat / (v_hat.sqrt() + group["eps"])], alpha=-group["lr"])
        return loss
