"""NAdam with both parts of the Nesterov step combined into one numerator, c1·g + c2·m, before dividing."""
import torch

COMPONENT = "NAdam"
FILE = "optimizers.py"


class NAdam(torch.optim.Optimizer):
    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3,
                 decoupled_weight_decay=False, *, foreach=None, maximize=False, capturable=False,
                 differentiable=False):
        super().__init__(params, dict(lr=lr, betas=tuple(betas), eps=eps, weight_decay=weight_decay,
                                      momentum_decay=momentum_decay, decoupled_weight_decay=decoupled_weight_decay,
                                      maximize=maximize, foreach=foreach, capturable=capturable,
                                      differentiable=differentiable))

    @staticmethod
    def schedule(beta1, psi, t):
        return beta1 * (1.0 - 0.5 * 0.96 ** (t * psi))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            lr, (b1, b2), psi = group["lr"], group["betas"], group["momentum_decay"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                s = self.state[p]
                if not s:
                    s.update(step=0, mu_product=1.0, exp_avg=torch.zeros_like(p), exp_avg_sq=torch.zeros_like(p))
                s["step"] += 1
                t = s["step"]
                g = p.grad.neg() if group["maximize"] else p.grad
                if group["weight_decay"]:
                    if group["decoupled_weight_decay"]:
                        p.mul_(1 - lr * group["weight_decay"])
                    else:
                        g = g + group["weight_decay"] * p
                mu, mu_next = self.schedule(b1, psi, t), self.schedule(b1, psi, t + 1)
                s["mu_product"] = s["mu_product"] * mu
                s["exp_avg"].lerp_(g, 1 - b1)
                s["exp_avg_sq"].lerp_(g * g, 1 - b2)
                denom = (s["exp_avg_sq"] / (1 - b2 ** t)).sqrt() + group["eps"]
                c_grad = (1 - mu) / (1 - s["mu_product"])
                c_momentum = mu_next / (1 - s["mu_product"] * mu_next)
                p.sub_(lr * (c_grad * g + c_momentum * s["exp_avg"]) / denom)
        return loss
