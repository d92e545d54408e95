"""Assignment 2: optimizers, written the way torch.optim writes its for-loop kernels.

Every class here subclasses torch.optim.Optimizer and mirrors the torch.optim class of the same name
(torch 2.13): the same signature and defaults, and the same numbers for every argument. The base class
does the bookkeeping you get for free:

    self.param_groups   a list of dicts, each {"params": [tensors...], "lr": ..., <hyperparameters>}
    self.state          a dict: parameter tensor -> dict of that parameter's state (empty at first)
    state_dict() / load_state_dict() / zero_grad() / add_param_group()

so an optimizer only writes `__init__` (check and store the hyperparameters) and `step`. In `step`, read
the hyperparameters from each group (a learning rate changed with `group["lr"] = ...` must take effect),
skip parameters whose `.grad` is None (and create no state for them), create a parameter's state the first
time it has a gradient, with tensors on the parameter's own device and dtype (`torch.zeros_like(p)`), and
keep the step counter as a plain number in that state, so state_dict() saves it.

torch's constructors also take flags that choose between its implementations (foreach, fused,
capturable, differentiable). They do not change the numbers; they are accepted here so that code written
for torch runs unchanged, and a value asking for an implementation this file does not have is refused.
"""
from collections import defaultdict

import torch
from torch.optim import Optimizer


def check_implementation_flags(foreach=None, fused=None, capturable=False, differentiable=False):
    """Refuse torch's implementation choices that a plain for-loop kernel does not provide."""
    if foreach:
        raise ValueError("foreach=True asks for torch's multi-tensor kernels; this for-loop implementation "
                         "has none (leave foreach=None or False; the numbers are the same)")
    if fused:
        raise ValueError("fused=True asks for torch's fused kernels; this for-loop implementation has none "
                         "(leave fused=None or False; the numbers are the same)")
    if capturable:
        raise ValueError("capturable=True (CUDA graph capture) is not supported by this for-loop implementation")
    if differentiable:
        raise ValueError("differentiable=True (autograd through the step) is not supported by this "
                         "for-loop implementation")


def check_learning_rate(lr):
    if isinstance(lr, torch.Tensor):
        raise ValueError("a Tensor lr is only used by torch's capturable/fused kernels; pass a float")
    if not 0.0 <= lr:
        raise ValueError(f"Invalid learning rate: {lr}")


class SGD(Optimizer):
    r"""Stochastic gradient descent, optionally with momentum (mirrors torch.optim.SGD).

    For every parameter θ with gradient, at step t = 1, 2, ...:

        g ← ∇f(θ)                        (g ← -∇f(θ) if maximize)
        if weight_decay λ ≠ 0:   g ← g + λ·θ
        if momentum μ ≠ 0:
            b ← g                          at the first step (no dampening)
            b ← μ·b + (1 - τ)·g            afterwards (τ = dampening)
            g ← g + μ·b   if nesterov,  else  g ← b
        θ ← θ - lr·g

    The learning rate multiplies the step, not the buffer, so changing lr changes the very next step.
    """

    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
                 maximize=False, foreach=None, differentiable=False, fused=None):
        check_learning_rate(lr)
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        # Accepted for torch's signature; only the for-loop values are allowed.
        check_implementation_flags(foreach=foreach, fused=fused, differentiable=differentiable)
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
                        state["momentum_buffer"] = grad.clone()
                    else:
                        state["momentum_buffer"].mul_(momentum).add_(grad, alpha=1 - dampening)
                    buf = state["momentum_buffer"]
                    # Nesterov looks one step ahead: the gradient plus the momentum it is about to get
                    grad = buf

                p.add_(grad, alpha=-lr)
        return loss


class Adagrad(Optimizer):
    r"""Adagrad: per-coordinate step sizes from the sum of all squared gradients (mirrors torch.optim.Adagrad).

    For every parameter θ with gradient, at its step t = 1, 2, ...:

        g ← ∇f(θ)                        (g ← -∇f(θ) if maximize)
        lr_t ← lr / (1 + (t - 1)·lr_decay)
        if weight_decay λ ≠ 0:   g ← g + λ·θ
        s ← s + g²                       (s starts at initial_accumulator_value)
        θ ← θ - lr_t · g / (√s + eps)

    Like torch, every parameter's sum starts at the initial_accumulator_value given to the constructor
    (a parameter group's own value for it is ignored).
    """

    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10,
                 foreach=None, *, maximize=False, differentiable=False, fused=None):
        check_learning_rate(lr)
        if not 0.0 <= lr_decay:
            raise ValueError(f"Invalid lr_decay value: {lr_decay}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not 0.0 <= initial_accumulator_value:
            raise ValueError(f"Invalid initial_accumulator_value value: {initial_accumulator_value}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        # Accepted for torch's signature; only the for-loop values are allowed.
        check_implementation_flags(foreach=foreach, fused=fused, differentiable=differentiable)
        defaults = dict(lr=lr, lr_decay=lr_decay, eps=eps, weight_decay=weight_decay,
                        initial_accumulator_value=initial_accumulator_value, foreach=foreach,
                        maximize=maximize, differentiable=differentiable, fused=fused)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        """Take one optimization step; `closure` (optional) re-evaluates the model and returns the loss."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()

        for group in self.param_groups:
            lr, lr_decay, eps = group["lr"], group["lr_decay"], group["eps"]
            weight_decay, maximize = group["weight_decay"], group["maximize"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    # number of steps this parameter has taken
                    state["step"] = 0
                    # running sum of squared gradients (torch uses the constructor's starting value)
                    state["sum"] = torch.full_like(p, self.defaults["initial_accumulator_value"])

                state["step"] += 1
                grad = -p.grad if maximize else p.grad
                if weight_decay != 0:
                    grad = grad.add(p, alpha=weight_decay)
                decayed_lr = lr / (1 + (state["step"] - 1) * lr_decay)  # the first step uses lr itself

                state["sum"].addcmul_(grad, grad)
                std = state["sum"].sqrt().add_(eps)  # eps outside the root: it only guards against 0
                p.addcdiv_(grad, std, value=-decayed_lr)
        return loss


class RMSprop(Optimizer):
    r"""RMSprop: divide by a running root-mean-square of the gradients (mirrors torch.optim.RMSprop).

    For every parameter θ with gradient:

        g ← ∇f(θ)                        (g ← -∇f(θ) if maximize)
        if weight_decay λ ≠ 0:   g ← g + λ·θ
        v ← α·v + (1 - α)·g²             (v, ḡ, b start at 0)
        if centered:
            ḡ ← α·ḡ + (1 - α)·g
            d ← √(v - ḡ²) + eps          (a running standard deviation instead of the RMS)
        else:
            d ← √v + eps
        if momentum μ > 0:
            b ← μ·b + g / d
            θ ← θ - lr·b
        else:
            θ ← θ - lr · g / d
    """

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False,
                 capturable=False, foreach=None, maximize=False, differentiable=False):
        check_learning_rate(lr)
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= momentum:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not 0.0 <= alpha:
            raise ValueError(f"Invalid alpha value: {alpha}")
        # Accepted for torch's signature; only the for-loop values are allowed.
        check_implementation_flags(foreach=foreach, capturable=capturable, differentiable=differentiable)
        defaults = dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps, centered=centered,
                        weight_decay=weight_decay, capturable=capturable, foreach=foreach,
                        maximize=maximize, differentiable=differentiable)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        """Take one optimization step; `closure` (optional) re-evaluates the model and returns the loss."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()

        for group in self.param_groups:
            lr, alpha, eps, momentum = group["lr"], group["alpha"], group["eps"], group["momentum"]
            weight_decay, centered, maximize = group["weight_decay"], group["centered"], group["maximize"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    # number of steps this parameter has taken
                    state["step"] = 0
                    # running average of squared gradients v
                    state["square_avg"] = torch.zeros_like(p)
                    if momentum > 0:
                        # velocity b of the normalized steps
                        state["momentum_buffer"] = torch.zeros_like(p)
                    if centered:
                        # running average of gradients ḡ
                        state["grad_avg"] = torch.zeros_like(p)

                state["step"] += 1
                grad = -p.grad if maximize else p.grad
                if weight_decay != 0:
                    grad = grad.add(p, alpha=weight_decay)

                square_avg = state["square_avg"]
                square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
                if centered:
                    grad_avg = state["grad_avg"]
                    grad_avg.mul_(alpha).add_(grad, alpha=1 - alpha)
                    # v - ḡ² estimates the variance of the gradient
                    denom = square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_().add_(eps)
                else:
                    denom = square_avg.sqrt().add_(eps)

                if momentum > 0:
                    buf = state["momentum_buffer"]
                    buf.mul_(momentum).addcdiv_(grad, denom)  # momentum of the already-normalized step
                    p.add_(buf, alpha=-lr)
                else:
                    p.addcdiv_(grad, denom, value=-lr)
        return loss


class Adam(Optimizer):
    r"""Adam: momentum divided by a running RMS, both bias-corrected (mirrors torch.optim.Adam).

    For every parameter θ with gradient, at its step t = 1, 2, ...:

        g ← ∇f(θ)                        (g ← -∇f(θ) if maximize)
        if weight_decay λ ≠ 0:
            θ ← θ - lr·λ·θ   if decoupled_weight_decay (this is AdamW)
            g ← g + λ·θ      otherwise (an L2 penalty, which then goes through m and v)
        m ← β1·m + (1 - β1)·g            (m, v, v_max start at 0)
        v ← β2·v + (1 - β2)·g²
        m̂ ← m / (1 - β1^t)               (bias corrections: m and v start at 0)
        if amsgrad:
            v_max ← max(v_max, v)        (the max of the raw v, before bias correction)
            v̂ ← v_max / (1 - β2^t)
        else:
            v̂ ← v / (1 - β2^t)
        θ ← θ - lr · m̂ / (√v̂ + eps)
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *,
                 foreach=None, maximize=False, capturable=False, differentiable=False, fused=None,
                 decoupled_weight_decay=False):
        check_learning_rate(lr)
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
        # Accepted for torch's signature; only the for-loop values are allowed.
        check_implementation_flags(foreach=foreach, fused=fused, capturable=capturable,
                                   differentiable=differentiable)
        defaults = dict(lr=lr, betas=tuple(betas), eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                        maximize=maximize, foreach=foreach, capturable=capturable,
                        differentiable=differentiable, fused=fused,
                        decoupled_weight_decay=decoupled_weight_decay)
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
                    if group["decoupled_weight_decay"]:
                        p.mul_(1 - lr * weight_decay)  # shrink θ directly; m and v never see the decay
                    else:
                        grad = grad.add(p, alpha=weight_decay)

                exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
                exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)

                bias_correction1 = 1.0
                bias_correction2 = 1.0
                if amsgrad:
                    torch.maximum(state["max_exp_avg_sq"], exp_avg_sq, out=state["max_exp_avg_sq"])
                    second_moment = state["max_exp_avg_sq"]
                else:
                    second_moment = exp_avg_sq
                # √v̂ + eps with v̂ = v / (1 - β2^t); eps is added after the square root
                denom = (second_moment.sqrt() / bias_correction2 ** 0.5).add_(eps)
                p.addcdiv_(exp_avg, denom, value=-lr / bias_correction1)
        return loss


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


class NAdam(Optimizer):
    r"""NAdam: Adam with Nesterov momentum and a warming-up momentum schedule (mirrors torch.optim.NAdam).

    For every parameter θ with gradient, at its step t = 1, 2, ...:

        g ← ∇f(θ)                        (g ← -∇f(θ) if maximize)
        if weight_decay λ ≠ 0:
            θ ← θ - lr·λ·θ   if decoupled_weight_decay
            g ← g + λ·θ      otherwise
        μ_t     ← β1·(1 - ½·0.96^(t·ψ))          (ψ = momentum_decay)
        μ_{t+1} ← β1·(1 - ½·0.96^((t+1)·ψ))
        Π_t ← μ_1·μ_2·…·μ_t                      (the running product, kept in the state)
        m ← β1·m + (1 - β1)·g                    (m, v start at 0)
        v ← β2·v + (1 - β2)·g²
        v̂ ← v / (1 - β2^t)
        θ ← θ - lr·(1 - μ_t)/(1 - Π_t) · g / (√v̂ + eps)  - lr·μ_{t+1}/(1 - Π_t·μ_{t+1}) · m / (√v̂ + eps)
    """

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3,
                 decoupled_weight_decay=False, *, foreach=None, maximize=False, capturable=False,
                 differentiable=False):
        check_learning_rate(lr)
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
        # Accepted for torch's signature; only the for-loop values are allowed.
        check_implementation_flags(foreach=foreach, capturable=capturable, differentiable=differentiable)
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
                state["mu_product"] *= mu
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


class Adadelta(Optimizer):
    r"""Adadelta: steps scaled by the RMS of past steps over the RMS of gradients (mirrors torch.optim.Adadelta).

    For every parameter θ with gradient:

        g ← ∇f(θ)                        (g ← -∇f(θ) if maximize)
        if weight_decay λ ≠ 0:   g ← g + λ·θ
        v ← ρ·v + (1 - ρ)·g²             (v, u start at 0)
        Δ ← √(u + eps) / √(v + eps) · g  (u from the previous step: update Δ before u)
        u ← ρ·u + (1 - ρ)·Δ²
        θ ← θ - lr·Δ

    eps sits inside both square roots; in the numerator it is what lets the very first step move at all.
    """

    def __init__(self, params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0, foreach=None, *, capturable=False,
                 maximize=False, differentiable=False):
        check_learning_rate(lr)
        if not 0.0 <= rho <= 1.0:
            raise ValueError(f"Invalid rho value: {rho}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        # Accepted for torch's signature; only the for-loop values are allowed.
        check_implementation_flags(foreach=foreach, capturable=capturable, differentiable=differentiable)
        defaults = dict(lr=lr, rho=rho, eps=eps, weight_decay=weight_decay, maximize=maximize,
                        capturable=capturable, foreach=foreach, differentiable=differentiable)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        """Take one optimization step; `closure` (optional) re-evaluates the model and returns the loss."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()

        for group in self.param_groups:
            lr, rho, eps = group["lr"], group["rho"], group["eps"]
            weight_decay, maximize = group["weight_decay"], group["maximize"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    # number of steps this parameter has taken
                    state["step"] = 0
                    # running average of squared gradients v
                    state["square_avg"] = torch.zeros_like(p)
                    # running average of squared updates u
                    state["acc_delta"] = torch.zeros_like(p)

                state["step"] += 1
                grad = -p.grad if maximize else p.grad
                if weight_decay != 0:
                    grad = grad.add(p, alpha=weight_decay)

                square_avg, acc_delta = state["square_avg"], state["acc_delta"]
                square_avg.mul_(rho).addcmul_(grad, grad, value=1 - rho)
                std = square_avg.add(eps).sqrt_()
                delta = acc_delta.add(eps).sqrt_().div_(std).mul_(grad)  # uses u from the previous step
                acc_delta.mul_(rho).addcmul_(delta, delta, value=1 - rho)
                p.add_(delta, alpha=-lr)
        return loss


class Lookahead(Optimizer):
    r"""Lookahead (Zhang et al. 2019): k fast steps forward, then one step back towards the slow weights.

    Wraps any optimizer (the "fast" one). Every call of step() makes one inner step; after every k of them:

        slow ← slow + alpha·(fast - slow)
        fast ← slow

    where "fast" are the parameters themselves and "slow" is a copy of them, made the first time a
    parameter has a gradient. The inner optimizer's own state (momentum, second moments, ...) is kept
    across these syncs. alpha = 1 is the plain inner optimizer; alpha = 0 never moves the weights.

    Lookahead shares the inner optimizer's param_groups (the same list), so `group["lr"] = ...` or
    add_param_group on either one reaches both. Its state_dict holds the inner optimizer's state_dict, the
    slow weights (by parameter index, numbered as torch numbers them in a state_dict) and the counter.
    """

    def __init__(self, optimizer, k=5, alpha=0.5):
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"Lookahead wraps a torch.optim.Optimizer, got {type(optimizer).__name__}")
        if not (isinstance(k, int) and k >= 1):
            raise ValueError(f"Invalid k: {k} (the number of fast steps between syncs must be an int >= 1)")
        if not 0.0 <= alpha <= 1.0:
            raise ValueError(f"Invalid alpha: {alpha} (the slow weights' step size must be in [0, 1])")
        self.optimizer = optimizer
        self.k = k
        self.alpha = alpha
        # Optimizer.__init__ sets up hooks and bookkeeping. Given the inner optimizer's group dicts and
        # defaults, it keeps them as they are (every key is already set) ...
        super().__init__(optimizer.param_groups, optimizer.defaults)
        # ... in a list of its own: share the inner optimizer's list instead, so groups added later appear
        # in both (Optimizer.add_param_group fills them in from self.defaults, the inner optimizer's).
        self.param_groups = optimizer.param_groups
        # number of inner (fast) steps taken so far
        self.fast_steps = 0

    @torch.no_grad()
    def step(self, closure=None):
        """One inner step, and after every k-th one, the slow-weight update; returns the closure's loss."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()

        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None and p not in self.state:
                    # slow weights: where the parameter was before its first fast step
                    self.state[p]["slow_param"] = p.detach().clone()

        self.optimizer.step()  # the gradients are already there; the closure ran above
        self.fast_steps += 1

        if self.fast_steps % self.k == 0:
            for group in self.param_groups:
                for p in group["params"]:
                    if p not in self.state:
                        continue  # never had a gradient: it has not moved
                    slow = self.state[p]["slow_param"]
                    slow.add_(p - slow, alpha=self.alpha)  # slow ← slow + α·(fast - slow)
                    p.copy_(slow)                           # fast ← slow
        return loss

    def state_dict(self):
        """The inner optimizer's state_dict, plus the slow weights and the step counter."""
        params = [p for group in self.param_groups for p in group["params"]]
        return {
            "optimizer": self.optimizer.state_dict(),
            "slow_params": {index: self.state[p]["slow_param"]
                            for index, p in enumerate(params) if p in self.state},
            "fast_steps": self.fast_steps,
        }

    def load_state_dict(self, state_dict):
        """Load what state_dict() returned (into a Lookahead over the same parameters)."""
        self.optimizer.load_state_dict(state_dict["optimizer"])
        # Loading gives the inner optimizer a new list of groups: share it again.
        self.param_groups = self.optimizer.param_groups
        params = [p for group in self.param_groups for p in group["params"]]
        self.state = defaultdict(dict)
        for index, slow in state_dict["slow_params"].items():
            p = params[int(index)]
            self.state[p]["slow_param"] = slow.to(device=p.device, dtype=p.dtype, copy=True)
        self.fast_steps = state_dict["fast_steps"]
