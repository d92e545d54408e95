"""Activation functions: ReLU, Leaky ReLU, ELU, SELU, GELU and the learnable PReLU.

Each function mirrors its ``torch.nn.functional`` namesake in value **and gradient**. We build every
function from elementary tensor operations (``torch.where``, ``torch.expm1``, ``torch.erf``, ...), so
autograd derives the backward pass for us; no hand-written backward is needed.

Two conventions every function here shares with torch:

- **At the kink** (``x == 0``) the derivative is the one of the *negative* branch:
  ``relu'(0) = 0``, ``leaky_relu'(0) = negative_slope``, ``elu'(0) = alpha``,
  ``selu'(0) = scale * alpha``, and PReLU's ``weight``. Writing the branch test as ``x > 0``
  (positive branch only for strictly positive inputs) gives exactly this.
- **``inplace=True``** (where torch's functional has the argument) writes the result into ``input`` and
  returns ``input``, as torch does. We compute the result out of place and copy it in, so here it saves
  no memory; like torch's, it fails on a leaf tensor that requires grad.

Why ``torch.where`` needs care: autograd differentiates *both* branches and multiplies the unused one by
zero. If the unused branch overflows (``exp(1000) = inf``), ``0 * inf = nan`` poisons the gradient, so we
only ever feed the exponential non-positive numbers.
"""
from __future__ import annotations

import math

import torch

# SELU's constants (Klambauer et al., 2017), to the precision torch uses.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def _write_result(input: torch.Tensor, result: torch.Tensor, inplace: bool) -> torch.Tensor:
    """Return ``result``, or copy it into ``input`` and return ``input`` when ``inplace``."""
    return input.copy_(result) if inplace else result


def relu(input: torch.Tensor, inplace: bool = False) -> torch.Tensor:
    r"""Rectified linear unit, :math:`\operatorname{relu}(x) = \max(0, x)`.

    .. math::
        \operatorname{relu}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}
        \qquad (\text{so } \operatorname{relu}'(0) = 0\text{, as in torch})

    NaN stays NaN (as in torch). Mirrors ``torch.nn.functional.relu``.
    """
    # Test `x <= 0` (not `x > 0`) for the zero branch so that NaN, for which every comparison is False,
    # falls through to `input` and propagates, like torch's relu.
    result = torch.where(input < 0, 0.0, input)
    return _write_result(input, result, inplace)


def leaky_relu(input: torch.Tensor, negative_slope: float = 0.01, inplace: bool = False) -> torch.Tensor:
    r"""Leaky ReLU, :math:`\operatorname{leaky\_relu}(x) = x` for :math:`x > 0`, else :math:`\text{negative\_slope} \cdot x`.

    .. math::
        \operatorname{leaky\_relu}'(x) = \begin{cases} 1 & x > 0 \\ \text{negative\_slope} & x \le 0 \end{cases}

    Note this is *not* :math:`\max(x, \text{negative\_slope} \cdot x)` when ``negative_slope > 1``.
    Mirrors ``torch.nn.functional.leaky_relu``.
    """
    result = torch.where(input > 0, input, input * negative_slope)
    return _write_result(input, result, inplace)


def elu(input: torch.Tensor, alpha: float = 1.0, inplace: bool = False) -> torch.Tensor:
    r"""Exponential linear unit (Clevert et al., 2015).

    .. math::
        \operatorname{elu}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}
        \qquad
        \operatorname{elu}'(x) = \begin{cases} 1 & x > 0 \\ \alpha\, e^{x} & x \le 0 \end{cases}

    so :math:`\operatorname{elu}'(0) = \alpha`. Use ``torch.expm1`` for :math:`e^x - 1` (accurate near 0),
    and never exponentiate a large positive number (see the module docstring).
    Mirrors ``torch.nn.functional.elu``.
    """
    # Only the non-positive part goes through the exponential; positive entries become 0 there, so the
    # unused branch stays finite and its zero gradient stays zero.
    non_positive = torch.where(input > 0, 0.0, input)
    result = torch.where(input > 0, input, alpha * torch.expm1(non_positive))
    return _write_result(input, result, inplace)


def selu(input: torch.Tensor, inplace: bool = False) -> torch.Tensor:
    r"""Scaled exponential linear unit (Klambauer et al., 2017).

    .. math::
        \operatorname{selu}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}
        = \lambda\, \operatorname{elu}(x; \alpha)

    with :math:`\alpha \approx 1.6733` (``SELU_ALPHA``) and :math:`\lambda \approx 1.0507` (``SELU_SCALE``):
    the unique constants for which zero mean and unit variance is a fixed point of a layer with
    LeCun-initialized weights. :math:`\operatorname{selu}'(0) = \lambda\alpha`.
    Mirrors ``torch.nn.functional.selu``.
    """
    result = SELU_SCALE * elu(input, alpha=SELU_ALPHA)
    return _write_result(input, result, inplace)


def gelu(input: torch.Tensor, approximate: str = "none") -> torch.Tensor:
    r"""Gaussian error linear unit (Hendrycks & Gimpel, 2016): :math:`x\,\Phi(x)`.

    ``approximate="none"`` (exact, :math:`\Phi` the standard normal CDF):

    .. math::
        \operatorname{gelu}(x) = \frac{x}{2}\left(1 + \operatorname{erf}\!\left(\frac{x}{\sqrt 2}\right)\right)

    ``approximate="tanh"``:

    .. math::
        \operatorname{gelu}(x) \approx \frac{x}{2}\left(1 + \tanh\!\left(\sqrt{2/\pi}\,(x + 0.044715\,x^3)\right)\right)

    Smooth everywhere, so there is no kink convention: :math:`\operatorname{gelu}'(0) = 1/2`.
    Mirrors ``torch.nn.functional.gelu`` (which has no ``inplace`` argument).

    Raises:
        ValueError: if ``approximate`` is neither ``"none"`` nor ``"tanh"``.
    """
    if approximate not in ("none", "tanh"):
        raise ValueError(f"approximate argument must be either none or tanh, got {approximate!r}")
    if approximate == "tanh":
        inner = math.sqrt(2.0 / math.pi) * (input + 0.044715 * input ** 3)
        return 0.5 * input * (1.0 + torch.tanh(inner))
    return 0.5 * input * (1.0 + torch.erf(input / math.sqrt(2.0)))


class PReLU(torch.nn.Module):
    r"""Parametric ReLU (He et al., 2015): a leaky ReLU whose negative slope is learned.

    .. math::
        \operatorname{prelu}(x)_{n,c,\dots} = \begin{cases} x & x > 0 \\ a_c\, x & x \le 0 \end{cases}
        \qquad
        \frac{\partial\, \operatorname{prelu}(x)}{\partial a_c} = \begin{cases} 0 & x > 0 \\ x & x \le 0 \end{cases}

    ``weight`` is a Parameter of shape ``[num_parameters]``, filled with ``init``. With
    ``num_parameters=1`` one slope is shared by every element (any input shape); otherwise there is one
    slope per channel, and the channel dimension is dim 1 (``[N, C]``, ``[N, C, L]``, ``[N, C, H, W]``, ...),
    so ``num_parameters`` must equal ``input.shape[1]``. Mirrors ``torch.nn.PReLU``.
    """

    def __init__(self, num_parameters: int = 1, init: float = 0.25, device=None, dtype=None) -> None:
        super().__init__()
        self.num_parameters = num_parameters
        self.init = init
        self.weight = torch.nn.Parameter(torch.empty(num_parameters, device=device, dtype=dtype))
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """Set every slope back to ``init``."""
        with torch.no_grad():
            self.weight.fill_(self.init)

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        if self.num_parameters != 1:
            channels = input.shape[1] if input.dim() >= 2 else 1
            if channels != self.num_parameters:
                raise ValueError(f"Mismatch of parameter numbers and input channel size. Found parameter "
                                 f"numbers = {self.num_parameters} and channel size = {channels}.")
        if self.num_parameters == 1:
            slope = self.weight.reshape(())  # one scalar slope: broadcasts against any input shape
        else:
            # [C] -> [C, 1, ..., 1] so it lines up with dim 1 of [N, C, *rest].
            slope = self.weight.reshape(-1, *([1] * (input.dim() - 2)))
        return torch.where(input > 0, input, slope * input)

    def extra_repr(self) -> str:
        return f"num_parameters={self.num_parameters}"
