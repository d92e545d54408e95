"""NAdam using μ_t^t for the product μ_1·…·μ_t (as if the momentum schedule were constant)."""
import torch
from torch.optim import Optimizer

COMPONENT = "NAdam"
FILE = "optimizers.py"
HINT = ("Your NAdam steps differ: the momentum coefficient μ_t changes every step, so the product "
        "μ_1·μ_2·…·μ_t has to be accumulated step by step in the state. Re-read handout section 5 "
        "(the momentum schedule and its product).")


class NAdam(Optimizer):
    """NAdam using μ_t^t for the product μ_1·…·μ_t (as if the momentum schedule were constant)"""

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3,
                 decoupled_weight_decay=False, *, foreach=None, maximize=False, capturable=False,
                 differentiable=False):
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= betas[0] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
        if not 0.0 <= betas[1] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not 0.0 <= momentum_decay:
            raise ValueError(f"Invalid momentum_decay value: {momentum_decay}")
        defaults = dict(lr=lr, betas=tuple(betas), eps=eps, weight_decay=weight_decay,
                        momentum_decay=momentum_decay, decoupled_weight_decay=decoupled_weight_decay,
                        maximize=maximize, foreach=foreach, capturable=capturable,
                        differentiable=differentiable)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        """Take one optimization step; `closure` (optional) re-evaluates the model and returns the loss."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()

        for group in self.param_groups:
            lr, (beta1, beta2), eps = group["lr"], group["betas"], group["eps"]
            weight_decay, momentum_decay, maximize = group["weight_decay"], group["momentum_decay"], group["maximize"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    # number of steps this parameter has taken
                    state["step"] = 0
                    # product of the momentum coefficients μ_1·…·μ_t so far
                    state["mu_product"] = 1.0
                    # running average of gradients m
                    state["exp_avg"] = torch.zeros_like(p)
                    # running average of squared gradients v
                    state["exp_avg_sq"] = torch.zeros_like(p)

                state["step"] += 1
                step = state["step"]
                grad = -p.grad if maximize else p.grad
                if weight_decay != 0:
                    if group["decoupled_weight_decay"]:
                        p.mul_(1 - lr * weight_decay)
                    else:
                        grad = grad.add(p, alpha=weight_decay)

                # the momentum schedule: μ_t rises from β1/2 towards β1
                mu = beta1 * (1.0 - 0.5 * 0.96 ** (step * momentum_decay))
                mu_next = beta1 * (1.0 - 0.5 * 0.96 ** ((step + 1) * momentum_decay))
                state["mu_product"] = mu ** step  # the mistake: not the running product
                mu_product = state["mu_product"]
                mu_product_next = mu_product * mu_next

                exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
                exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)

                bias_correction2 = 1 - beta2 ** step
                denom = exp_avg_sq.div(bias_correction2).sqrt_().add_(eps)
                # the Nesterov look-ahead: part current gradient, part momentum of the next step
                p.addcdiv_(grad, denom, value=-lr * (1.0 - mu) / (1.0 - mu_product))
                p.addcdiv_(exp_avg, denom, value=-lr * mu_next / (1.0 - mu_product_next))
        return loss

