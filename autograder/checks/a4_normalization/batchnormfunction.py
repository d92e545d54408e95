"""Hidden checks for BatchNormFunction (autograder/checks/a4_normalization). The probe: worker/probes/normalization.py.

The forward output, and the gradients the hand-written backward returns for x, weight and bias under a random
upstream gradient (all three paths from x to the loss: directly through x̂, through the mean, through the
variance); weight and bias that do not require grad (only dx is asked for); weight and bias None (γ = 1,
β = 0); (N, C), (N, C, L) and (N, C, H, W) inputs.
"""
import torch

from ...check import Check
from ._layer_scenarios import channel_offsets_and_scales, channel_varied_input
from ._torch_counterparts import AUTOGRAD_FORBIDDEN, NORMALIZATION_FORBIDDEN, NORMALIZATION_OPERATORS, NORMALIZATION_TORCH_CODE

COMPONENT = "BatchNormFunction"
FORBIDDEN = NORMALIZATION_FORBIDDEN + AUTOGRAD_FORBIDDEN
TORCH_CODE = NORMALIZATION_TORCH_CODE
TORCH_OPERATORS = NORMALIZATION_OPERATORS

WHAT = {"output": "the output of BatchNormFunction.apply",
        "grad_x": "the grad of x your backward returns",
        "grad_weight": "the grad of weight your backward returns",
        "grad_bias": "the grad of bias your backward returns"}


def describe_function_path(path: tuple) -> str:
    return WHAT.get(path[0], str(path)) if path else "the result"


def function_check(name: str, points: float, seed: int, *, shape: tuple, eps: float = 1e-5,
                   affine: bool = True, parameters_require_grad: bool = True, device_proxy: bool = False) -> Check:
    """apply(x, weight, bias, eps) on an input of `shape`, then autograd.grad under a random upstream gradient.
    affine=False passes weight=None and bias=None."""
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        channels = shape[1]
        offsets, scales = channel_offsets_and_scales(g, channels)
        x = channel_varied_input(g, shape, offsets, scales)
        upstream = torch.randn(shape, generator=g, dtype=torch.float64)
        weight = 1 + 0.5 * torch.randn(channels, generator=g, dtype=torch.float64) if affine else None
        bias = torch.randn(channels, generator=g, dtype=torch.float64) if affine else None
        return {"x": x, "weight": weight, "bias": bias, "eps": eps, "upstream": upstream,
                "parameters_require_grad": parameters_require_grad}

    return Check(component=COMPONENT, name=name, points=points, probe="normalization.batch_norm_function",
                 make_inputs=make_inputs, describe_path=describe_function_path, device_proxy=device_proxy)


CHECKS = [
    function_check("(N, C, L) input: output, and the grads of x, weight and bias", 3, 4500, shape=(4, 3, 5),
                   device_proxy=True),
    function_check("(N, C) input, eps=0.1", 2.5, 4501, shape=(6, 4), eps=0.1),
    function_check("(N, C, H, W) input, weight and bias not requiring grad (only dx)", 2.5, 4502,
                   shape=(2, 3, 2, 3), parameters_require_grad=False),
    function_check("weight=None and bias=None (γ = 1, β = 0)", 2, 4503, shape=(5, 2, 3), affine=False),
]
