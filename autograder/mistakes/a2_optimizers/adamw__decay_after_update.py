"""AdamW shrinking the weights after the Adam step instead of before it: with weight decay every step
differs slightly (the decay uses the updated weights)."""
import torch

COMPONENT = "AdamW"
FILE = "optimizers.py"
HINT = ("Your AdamW steps differ slightly: torch shrinks θ by lr·λ·θ before the Adam update, using "
        "the weights from before this step. Re-read handout section 4 (AdamW, the order of the "
        "update).")
DROP_IN = "AdamW inherits its step from Adam, where the slip would go: an edit there would break Adam as well"


class AdamW(Adam):
    """AdamW shrinking the weights after the Adam step instead of before it."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False, foreach=None, capturable=False, differentiable=False, fused=None):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, foreach=foreach, maximize=maximize,
                         capturable=capturable, differentiable=differentiable, fused=fused,
                         decoupled_weight_decay=True)

    @torch.no_grad()
    def step(self, closure=None):
        """Take one optimization step; `closure` (optional) re-evaluates the model and returns the loss."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()

        for group in self.param_groups:
            lr, (beta1, beta2), eps = group["lr"], group["betas"], group["eps"]
            weight_decay, amsgrad, maximize = group["weight_decay"], group["amsgrad"], group["maximize"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    # number of steps this parameter has taken (t in the bias corrections)
                    state["step"] = 0
                    # running average of gradients m
                    state["exp_avg"] = torch.zeros_like(p)
                    # running average of squared gradients v
                    state["exp_avg_sq"] = torch.zeros_like(p)
                    if amsgrad:
                        # largest v seen so far
                        state["max_exp_avg_sq"] = torch.zeros_like(p)

                state["step"] += 1
                step = state["step"]
                grad = -p.grad if maximize else p.grad
                if weight_decay != 0:
                    if not group["decoupled_weight_decay"]:
                        grad = grad.add(p, alpha=weight_decay)

                exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
                exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)

                bias_correction1 = 1 - beta1 ** step
                bias_correction2 = 1 - beta2 ** step
                if amsgrad:
                    torch.maximum(state["max_exp_avg_sq"], exp_avg_sq, out=state["max_exp_avg_sq"])
                    second_moment = state["max_exp_avg_sq"]
                else:
                    second_moment = exp_avg_sq
                # √v̂ + eps with v̂ = v / (1 - β2^t); eps is added after the square root
                denom = (second_moment.sqrt() / bias_correction2 ** 0.5).add_(eps)
                p.addcdiv_(exp_avg, denom, value=-lr / bias_correction1)
                if weight_decay != 0 and group["decoupled_weight_decay"]:
                    p.mul_(1 - lr * weight_decay)
        return loss

    def __setstate__(self, state):
        super().__setstate__(state)
        for group in self.param_groups:  # as in torch: AdamW's decay is always decoupled
            group["decoupled_weight_decay"] = True
