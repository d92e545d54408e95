"""Regularization: dropout and its variants, weight penalties, max-norm constraints, MC dropout.

Everything here fights overfitting, the gap between what a network does on the data it was trained on
and what it does on data it has never seen. Two families:

- *noise* during training: ``dropout``/``Dropout`` (zero random units, rescale the rest) and
  ``AlphaDropout`` (the variant that keeps a SELU network self-normalizing);
- *constraints on the weights*: the penalties ``l1_penalty`` and ``l2_penalty`` added to the loss, and the
  hard constraint ``max_norm_`` applied after each optimizer step.

``mc_dropout_predict`` turns dropout into an uncertainty estimate at test time.

Conventions (the same as PyTorch's): ``p`` is always the probability of *dropping* a unit; every tensor
made here lives on the input's device with the input's dtype. None of these functions may call their
PyTorch counterparts (``F.dropout``, ``nn.Dropout``, ``F.alpha_dropout``, ``torch.renorm``, ...).
"""
from __future__ import annotations

from typing import Iterable

import torch

# SELU's constants (Klambauer et al., 2017, "Self-Normalizing Neural Networks").
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
# The value SELU saturates to for very negative inputs: lim_{x -> -inf} selu(x) = -scale * alpha.
# AlphaDropout sets dropped units to this value instead of 0 ("alpha prime" in the paper).
SELU_ALPHA_PRIME = -SELU_SCALE * SELU_ALPHA      # -1.7580993408473766

# The epsilon torch.renorm adds to the norm before dividing, so max_norm_ matches it exactly.
RENORM_EPS = 1e-7


def _check_probability(p: float) -> None:
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")


def dropout(x: torch.Tensor, p: float = 0.5, training: bool = True) -> torch.Tensor:
    """Inverted dropout: zero each element of ``x`` with probability ``p``, scale the survivors by 1/(1-p).

        mask_i ~ Bernoulli(1 - p)            (1 = keep, drawn independently for every element)
        y_i    = x_i * mask_i / (1 - p)      if training
        y      = x                           if not training (the very same tensor, unchanged)

    The scale keeps the expectation: E[y_i] = x_i (1 - p) / (1 - p) = x_i, so the next layer sees inputs of
    the same size in training and at test time, and nothing needs to change at test time. The gradient is
    dy_i/dx_i = mask_i / (1 - p). Edge cases: ``p = 0`` returns ``x`` itself; ``p = 1`` drops everything
    and returns zeros (not ``0/0 = nan``). A fresh mask is drawn on every call, on ``x``'s device, from
    PyTorch's global random number generator (``torch.rand``/``torch.bernoulli``), so
    ``torch.manual_seed`` makes it repeatable.
    """
    _check_probability(p)
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return x * torch.zeros((), dtype=x.dtype, device=x.device)   # keeps the graph: gradient 0
    keep = torch.rand(x.shape, dtype=x.dtype, device=x.device) >= p  # P(keep) = 1 - p
    return x * keep.to(x.dtype)


class Dropout(torch.nn.Module):
    """Dropout as a layer (mirrors ``torch.nn.Dropout``): ``dropout(x, p, self.training)``.

    It drops units in training mode (``model.train()``) and is the identity in eval mode
    (``model.eval()``). With ``inplace=True`` the result is written into ``x`` and ``x`` is returned
    (in training mode; in eval mode ``x`` is returned untouched either way).
    """

    def __init__(self, p: float = 0.5, inplace: bool = False):
        super().__init__()
        _check_probability(p)
        self.p = p
        self.inplace = inplace

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = dropout(x, self.p, self.training)
        if self.inplace and y is not x:
            return x.copy_(y)
        return y

    def extra_repr(self) -> str:
        return f"p={self.p}, inplace={self.inplace}"


class AlphaDropout(torch.nn.Module):
    """Alpha dropout for SELU networks (mirrors ``torch.nn.AlphaDropout``; Klambauer et al., 2017).

    Plain dropout sets units to 0, but 0 is not "off" for SELU: SELU's off value is its negative
    saturation alpha' = -scale * alpha (about -1.758). Alpha dropout sets dropped units to alpha', then
    applies an affine correction so that an input with mean 0 and variance 1 keeps mean 0 and variance 1
    (the fixed point SELU networks rely on):

        mask_i ~ Bernoulli(1 - p)
        y_i    = a * (x_i * mask_i + alpha' * (1 - mask_i)) + b
        a      = ((1 - p) * (1 + p * alpha'^2)) ** -1/2
        b      = -a * alpha' * p

    Eval mode and ``p = 0``: the identity (``x`` itself). ``p = 1``: all zeros, as in torch. ``inplace``
    as in ``Dropout``.
    """

    def __init__(self, p: float = 0.5, inplace: bool = False):
        super().__init__()
        _check_probability(p)
        self.p = p
        self.inplace = inplace

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p == 0.0:
            return x
        p = self.p
        if p == 1.0:
            y = x * torch.zeros((), dtype=x.dtype, device=x.device)
        else:
            keep = (torch.rand(x.shape, dtype=x.dtype, device=x.device) >= p).to(x.dtype)
            a = ((1.0 - p) * (1.0 + p * SELU_ALPHA_PRIME**2)) ** -0.5
            b = -a * SELU_ALPHA_PRIME * p
            y = a * (x * keep + SELU_ALPHA_PRIME * (1.0 - keep)) + b
        if self.inplace:
            return x.copy_(y)
        return y

    def extra_repr(self) -> str:
        return f"p={self.p}, inplace={self.inplace}"


def l1_penalty(params: Iterable[torch.Tensor], lam: float) -> torch.Tensor:
    """The L1 (lasso) penalty lam * sum_w |w| over every element of every tensor in ``params``.

    Add it to the loss: ``loss = loss_fn(model(x), y) + l1_penalty(model.parameters(), 1e-4)``. Its
    gradient is lam * sign(w): a constant pull towards 0 whatever the size of w, which drives small
    weights to exactly 0 (sparsity). ``params`` may be any iterable, a generator such as
    ``model.parameters()`` included. Returns a 0-dim tensor on the parameters' device that autograd
    differentiates (a zero tensor for no parameters).
    """
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    params = list(params)      # a generator can be walked only once
    if not params:
        return torch.zeros(())
    return lam * sum(w.abs().sum() for w in params)


def l2_penalty(params: Iterable[torch.Tensor], lam: float) -> torch.Tensor:
    """The L2 (ridge) penalty lam/2 * sum_w w^2 over every element of every tensor in ``params``.

    The 1/2 makes the gradient exactly lam * w, so with plain SGD one step is
    w <- w - lr * (grad + lam * w) = (1 - lr * lam) * w - lr * grad: "weight decay". Same contract as
    ``l1_penalty`` (any iterable of tensors; a differentiable 0-dim tensor on their device).
    """
    if lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    params = list(params)
    if not params:
        return torch.zeros(())
    return lam / 2 * sum(w.pow(2).sum() for w in params)


@torch.no_grad()
def max_norm_(weight: torch.Tensor, max_norm: float) -> torch.Tensor:
    """Constrain each output unit's incoming weights to an L2 norm of at most ``max_norm``, in place.

    Row i of ``weight`` (index along dim 0, e.g. ``Linear.weight[i]`` feeds output unit i; for a conv
    weight ``[out, in, k]`` row i is everything feeding output channel i) is rescaled when too long:

        n_i = ||weight[i]||_2
        weight[i] <- weight[i] * max_norm / (n_i + 1e-7)      if n_i > max_norm
        weight[i] <- weight[i]                                 otherwise

    exactly like ``weight.copy_(torch.renorm(weight, 2, 0, max_norm))``, epsilon included. Call it after
    ``optimizer.step()``. Runs without autograd (it is a projection, not part of the model) and returns
    ``weight``.
    """
    if max_norm < 0:
        raise ValueError(f"max_norm must be >= 0, got {max_norm}")
    if weight.dim() < 2:
        raise ValueError(f"max_norm_ needs a weight with at least 2 dims (rows = output units), "
                         f"got shape {tuple(weight.shape)}")
    row_norms = weight.reshape(weight.shape[0], -1).norm(p=2, dim=1)
    scale = torch.where(row_norms > max_norm, max_norm / (row_norms + RENORM_EPS),
                        torch.ones_like(row_norms))
    weight.mul_(scale.reshape(-1, *([1] * (weight.dim() - 1))))   # broadcast one factor per row
    return weight


def mc_dropout_predict(model: torch.nn.Module, x: torch.Tensor,
                       n_samples: int = 100) -> tuple[torch.Tensor, torch.Tensor]:
    """Monte Carlo dropout (Gal & Ghahramani, 2016): the mean and spread of ``n_samples`` stochastic passes.

    Each pass runs ``model(x)`` with every dropout module (an instance of one of ``DROPOUT_MODULES``) in
    training mode, so each pass drops a different random subset of units, and every other module in eval
    mode (batch norm uses, and does not update, its running statistics). Then

        mean = 1/T * sum_t y_t
        std  = sqrt( 1/(T-1) * sum_t (y_t - mean)^2 )          (T = n_samples)

    elementwise over the stacked outputs y_1..y_T (the model's outputs as they are: wrap the model with a
    softmax to average probabilities). ``std`` is the *sample* standard deviation (Bessel's correction,
    ``torch.std``'s default), because the T passes are a random sample from the model's predictive
    distribution and we estimate that distribution's spread, not the spread of these T particular
    numbers; 1/(T-1) makes the variance estimate unbiased. (At T = 100 the two differ by 0.5%.) So
    ``n_samples`` must be at least 2.

    No graph is built (no gradients), and every module's ``training`` flag is put back exactly as it was,
    even if the model raises.
    """
    if n_samples < 2:
        raise ValueError(f"n_samples must be at least 2 for a standard deviation, got {n_samples}")
    was_training = {module: module.training for module in model.modules()}
    try:
        model.eval()
        for module in model.modules():
            if isinstance(module, DROPOUT_MODULES):
                module.train()
        with torch.no_grad():
            samples = torch.stack([model(x) for _ in range(n_samples)])
    finally:
        # module.train(mode) would also set its children; set each flag on its own instead.
        for module, mode in was_training.items():
            module.training = mode
    return samples.mean(dim=0), samples.std(dim=0, correction=1)


# The modules mc_dropout_predict switches on: torch's and this file's.
DROPOUT_MODULES = (torch.nn.Dropout, torch.nn.AlphaDropout, Dropout, AlphaDropout)
