"""AdamW adding the weight decay to the gradient (Adam with L2), not decoupled."""
import torch
from torch.optim import Optimizer

COMPONENT = "AdamW"
FILE = "optimizers.py"
DROP_IN = ("a step of its own: as a change, AdamW would inherit Adam.step, and the example submission's "
           "Adam slip (tools/make_examples.py) would reach it")
HINT = ("Your AdamW steps differ: in AdamW the decay is decoupled, the weights shrink directly by "
        "lr·λ·θ and the decay never enters m or v. Added to the gradient it gets rescaled by the "
        "adaptive denominator. Re-read handout section 4 (AdamW).")


class AdamW(Optimizer):
    """AdamW adding the weight decay to the gradient (Adam with L2), not decoupled"""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False, foreach=None, capturable=False, differentiable=False, fused=None):
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if isinstance(betas[0], torch.Tensor) or isinstance(betas[1], torch.Tensor):
            raise ValueError("Tensor betas are only used by torch's capturable kernels; pass floats")
        if not 0.0 <= betas[0] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
        if not 0.0 <= betas[1] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = dict(lr=lr, betas=tuple(betas), eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                        maximize=maximize, foreach=foreach, capturable=capturable,
                        differentiable=differentiable, fused=fused,
                        decoupled_weight_decay=True)
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
                    if False:  # the mistake: the decay goes into the gradient
                        p.mul_(1 - lr * weight_decay)
                    else:
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
        return loss

