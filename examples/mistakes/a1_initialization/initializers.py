"""Weight initializers: fans, gains, and the Xavier/Glorot, Kaiming/He and LeCun schemes.

Everything here mirrors ``torch.nn.init`` (same signatures, defaults and numbers), plus two LeCun
initializers torch does not have. Each initializer

- fills ``tensor`` **in place** and returns it (so ``xavier_uniform_(layer.weight)`` works on a Parameter),
- runs under ``torch.no_grad()`` (filling a Parameter is not part of the model's computation),
- keeps the tensor's dtype and device (it only writes into existing memory),
- draws its random numbers with ``tensor.uniform_(..., generator=generator)`` or
  ``tensor.normal_(..., generator=generator)``, exactly as torch does, so a ``torch.Generator`` seeded
  the same way gives bit-identical weights to torch's own initializer.

Notation: a weight of shape ``[out_features, in_features, *kernel]`` is used as ``y = W x`` (a ``Linear``
layer computes ``x @ W.T``), so every output sums ``fan_in`` products and every input feeds ``fan_out``
outputs.
"""
from __future__ import annotations

import math
import warnings

import torch

# Every nonlinearity torch.nn.init.calculate_gain knows (its `nn.functional` names).
LINEAR_NONLINEARITIES = ("linear", "conv1d", "conv2d", "conv3d",
                         "conv_transpose1d", "conv_transpose2d", "conv_transpose3d")
SUPPORTED_NONLINEARITIES = LINEAR_NONLINEARITIES + ("sigmoid", "tanh", "relu", "leaky_relu", "selu")


def calculate_fan_in_and_fan_out(tensor: torch.Tensor) -> tuple[int, int]:
    r"""Return ``(fan_in, fan_out)`` of a weight of shape ``[out, in, *kernel]``.

    .. math::
        \text{receptive\_field} = \prod_{k \ge 2} \text{shape}[k], \qquad
        \text{fan\_in} = \text{shape}[1] \cdot \text{receptive\_field}, \qquad
        \text{fan\_out} = \text{shape}[0] \cdot \text{receptive\_field}

    A ``Linear(in, out)`` weight has shape ``[out, in]``: ``fan_in = in``, ``fan_out = out``. A convolution
    weight ``[out_channels, in_channels, kH, kW]`` connects each output to ``in_channels * kH * kW``
    inputs, and each input to ``out_channels * kH * kW`` outputs. Mirrors torch's
    ``torch.nn.init._calculate_fan_in_and_fan_out``; returns Python ints.

    Raises:
        ValueError: if ``tensor`` has fewer than 2 dimensions (a bias has no fan-in/fan-out).
    """
    if tensor.dim() < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    receptive_field_size = 1
    for size in tensor.shape[2:]:  # kernel dimensions of a convolution weight (none for Linear)
        receptive_field_size *= size
    fan_in = tensor.shape[1] * receptive_field_size
    fan_out = tensor.shape[0] * receptive_field_size
    return fan_in, fan_out


def calculate_gain(nonlinearity: str, param: int | float | None = None) -> float:
    r"""Return the recommended gain for a nonlinearity (mirrors ``torch.nn.init.calculate_gain``).

    ================================ ==========================================
    nonlinearity                     gain
    ================================ ==========================================
    linear, conv{1,2,3}d,            :math:`1`
    conv_transpose{1,2,3}d, sigmoid
    tanh                             :math:`5/3`
    relu                             :math:`\sqrt{2}`
    leaky_relu                       :math:`\sqrt{2 / (1 + \text{negative\_slope}^2)}`
    selu                             :math:`3/4`
    ================================ ==========================================

    The gain multiplies the standard deviation of the weights to undo how much the nonlinearity shrinks
    the second moment of its input: ReLU keeps half of it, hence :math:`\sqrt{2}`. For ``leaky_relu``,
    ``param`` is the negative slope (default 0.01); for every other nonlinearity ``param`` is ignored.
    (SELU's 3/4 is torch's empirical choice; for self-normalizing networks use ``"linear"``, i.e. LeCun.)

    Raises:
        ValueError: for a nonlinearity not in the table, or a ``leaky_relu`` ``param`` that is not an
            int or a float (``True``/``False`` are rejected even though ``bool`` subclasses ``int``).
    """
    if nonlinearity not in SUPPORTED_NONLINEARITIES:
        raise ValueError(f"Unsupported nonlinearity {nonlinearity}")
    if nonlinearity == "leaky_relu" and param is not None:
        if isinstance(param, bool) or not isinstance(param, (int, float)):
            raise ValueError(f"negative_slope {param} not a valid number")
    if nonlinearity in LINEAR_NONLINEARITIES or nonlinearity == "sigmoid":
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        negative_slope = 0.01 if param is None else param
        return math.sqrt(2.0 / (1 + negative_slope ** 2))
    return 3.0 / 4  # selu


def xavier_uniform_(tensor: torch.Tensor, gain: float = 1.0,
                    generator: torch.Generator | None = None) -> torch.Tensor:
    r"""Fill ``tensor`` in place from :math:`\mathcal{U}(-a, a)` (Glorot & Bengio, 2010) and return it.

    .. math::
        a = \text{gain} \cdot \sqrt{\frac{6}{\text{fan\_in} + \text{fan\_out}}}

    so that :math:`\operatorname{Var}(W) = a^2/3 = \text{gain}^2 \cdot 2/(\text{fan\_in} + \text{fan\_out})`,
    the compromise between keeping the forward variance (``fan_in``) and the backward variance
    (``fan_out``) constant. Draw with ``tensor.uniform_(-a, a, generator=generator)``.
    """
    fan_in, fan_out = calculate_fan_in_and_fan_out(tensor)
    std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    bound = std  # U(-b, b) has variance b^2 / 3
    with torch.no_grad():
        return tensor.uniform_(-bound, bound, generator=generator)


def xavier_normal_(tensor: torch.Tensor, gain: float = 1.0,
                   generator: torch.Generator | None = None) -> torch.Tensor:
    r"""Fill ``tensor`` in place from :math:`\mathcal{N}(0, \text{std}^2)` (Glorot & Bengio, 2010) and return it.

    .. math::
        \text{std} = \text{gain} \cdot \sqrt{\frac{2}{\text{fan\_in} + \text{fan\_out}}}

    Draw with ``tensor.normal_(0, std, generator=generator)``.
    """
    fan_in, fan_out = calculate_fan_in_and_fan_out(tensor)
    std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    with torch.no_grad():
        return tensor.normal_(0.0, std, generator=generator)


def _check_mode(mode: str) -> str:
    r"""``"fan_in"`` or ``"fan_out"`` (any capitalization), else the ValueError torch raises."""
    mode = mode.lower()
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"Mode {mode} not supported, please use one of ['fan_in', 'fan_out']")
    return mode


def kaiming_uniform_(tensor: torch.Tensor, a: float = 0, mode: str = "fan_in",
                     nonlinearity: str = "leaky_relu",
                     generator: torch.Generator | None = None) -> torch.Tensor:
    r"""Fill ``tensor`` in place from :math:`\mathcal{U}(-b, b)` (He et al., 2015) and return it.

    .. math::
        \text{gain} = \text{calculate\_gain}(\text{nonlinearity}, a), \qquad
        b = \text{gain} \cdot \sqrt{\frac{3}{\text{fan\_mode}}}

    where ``fan_mode`` is ``fan_in`` (``mode="fan_in"``, keeps the forward variance) or ``fan_out``
    (``mode="fan_out"``, keeps the backward variance). ``a`` is the negative slope of the leaky ReLU that
    follows the layer; with the defaults (``a=0``, ``"leaky_relu"``) the gain is exactly ReLU's
    :math:`\sqrt{2}`. Draw with ``tensor.uniform_(-b, b, generator=generator)``.
    A tensor with no elements is returned unchanged, with a warning (as in torch).
    """
    if 0 in tensor.shape:
        warnings.warn("Initializing zero-element tensors is a no-op", stacklevel=2)
        return tensor
    mode = _check_mode(mode)
    fan_in, fan_out = calculate_fan_in_and_fan_out(tensor)
    fan = fan_in if mode == "fan_in" else fan_out
    std = calculate_gain(nonlinearity, a) / math.sqrt(fan)
    bound = math.sqrt(3.0) * std  # U(-b, b) has variance b^2 / 3
    with torch.no_grad():
        return tensor.uniform_(-bound, bound, generator=generator)


def kaiming_normal_(tensor: torch.Tensor, a: float = 0, mode: str = "fan_in",
                    nonlinearity: str = "leaky_relu",
                    generator: torch.Generator | None = None) -> torch.Tensor:
    r"""Fill ``tensor`` in place from :math:`\mathcal{N}(0, \text{std}^2)` (He et al., 2015) and return it.

    .. math::
        \text{std} = \frac{\text{calculate\_gain}(\text{nonlinearity}, a)}{\sqrt{\text{fan\_mode}}}

    with ``a``, ``mode`` and ``nonlinearity`` as in :func:`kaiming_uniform_`.
    Draw with ``tensor.normal_(0, std, generator=generator)``.
    A tensor with no elements is returned unchanged, with a warning (as in torch).
    """
    if 0 in tensor.shape:
        warnings.warn("Initializing zero-element tensors is a no-op", stacklevel=2)
        return tensor
    mode = _check_mode(mode)
    fan_in, fan_out = calculate_fan_in_and_fan_out(tensor)
    fan = fan_in if mode == "fan_in" else fan_out
    std = calculate_gain(nonlinearity, a) / math.sqrt(fan)
    with torch.no_grad():
        return tensor.normal_(0.0, std, generator=generator)


def lecun_uniform_(tensor: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
    r"""Fill ``tensor`` in place from :math:`\mathcal{U}(-b, b)` with variance ``1/fan_in`` (LeCun et al., 1998).

    .. math::
        b = \sqrt{\frac{3}{\text{fan\_in}}}, \qquad \operatorname{Var}(W) = \frac{b^2}{3} = \frac{1}{\text{fan\_in}}

    The initialization SELU networks need to self-normalize. It equals torch's
    ``kaiming_uniform_(tensor, nonlinearity="linear")``, draw for draw.
    Draw with ``tensor.uniform_(-b, b, generator=generator)``.
    A tensor with no elements is returned unchanged, with a warning.
    """
    if 0 in tensor.shape:
        warnings.warn("Initializing zero-element tensors is a no-op", stacklevel=2)
        return tensor
    fan_in, _ = calculate_fan_in_and_fan_out(tensor)
    std = 1.0 / math.sqrt(fan_in)
    bound = math.sqrt(3.0) * std  # U(-b, b) has variance b^2 / 3
    with torch.no_grad():
        return tensor.uniform_(-bound, bound, generator=generator)


def lecun_normal_(tensor: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
    r"""Fill ``tensor`` in place from :math:`\mathcal{N}(0, 1/\text{fan\_in})` (LeCun et al., 1998).

    .. math::
        \text{std} = \frac{1}{\sqrt{\text{fan\_in}}}

    A plain, **untruncated** normal: Keras' ``"lecun_normal"`` draws from a truncated normal (rescaled so
    the variance is still ``1/fan_in``); we do not truncate, so this equals torch's
    ``kaiming_normal_(tensor, nonlinearity="linear")``, draw for draw.
    Draw with ``tensor.normal_(0, std, generator=generator)``.
    A tensor with no elements is returned unchanged, with a warning.
    """
    if 0 in tensor.shape:
        warnings.warn("Initializing zero-element tensors is a no-op", stacklevel=2)
        return tensor
    fan_in, _ = calculate_fan_in_and_fan_out(tensor)
    std = 1.0 / math.sqrt(fan_in)
    with torch.no_grad():
        return tensor.normal_(0.0, std, generator=generator)
