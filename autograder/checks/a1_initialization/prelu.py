"""Hidden checks for PReLU (the probe: autograder/worker/probes/activations.py).

The probe builds the layer on the input's device and dtype, reports its weight right after construction (the
default init 0.25, or `init`) and whether that weight is a registered Parameter, then sets distinct slopes per
channel (equal slopes would hide a weight broadcast against the wrong dimension) and compares the output and
the gradients with respect to the input and to the weight.
"""
import torch

from ...check import Check

COMPONENT = "PReLU"
FORBIDDEN = ["torch.nn.PReLU", "torch.nn.functional.prelu", "torch.prelu", "torch._prelu_kernel",
             "torch.nn.functional.leaky_relu", "torch.nn.modules.activation.PReLU"]
TORCH_CODE = ["torch.nn.PReLU", "torch.nn.functional.prelu", "torch.prelu", "torch.nn.functional.leaky_relu"]
TORCH_OPERATORS = ["prelu", "_prelu_kernel", "leaky_relu", "leaky_relu_"]
def prelu_check(name: str, points: float, seed: int, shape: tuple, num_parameters: int, init: float | None = None,
                distinct_slopes: bool = True, zeros: bool = False, device_proxy: bool = False) -> Check:
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        x = 3 * torch.randn(shape, generator=g, dtype=torch.float64)
        if zeros:
            x.reshape(-1)[::3] = 0.0
        weight = None
        if distinct_slopes:
            weight = 0.05 + 0.5 * torch.rand(num_parameters, generator=g, dtype=torch.float64)
        return {"x": x, "upstream": torch.randn(shape, generator=g, dtype=torch.float64),
                "num_parameters": num_parameters, "init": init, "weight": weight}

    def describe_path(path: tuple) -> str:
        layer = f"PReLU({num_parameters}{'' if init is None else f', init={init}'})"
        on = f"on an input of shape {list(shape)}"
        return {"initial_weight": f"{layer}.weight right after construction",
                "weight_is_parameter": f"is {layer}.weight a torch.nn.Parameter listed in parameters()",
                "value": f"the output of {layer} {on}",
                "input_grad": f"the gradient of {layer} {on} with respect to the input",
                "weight_grad": f"the gradient of {layer} {on} with respect to its weight",
                }.get(path[0] if path else "", layer)

    return Check(component=COMPONENT, name=name, points=points, probe="activations.prelu", make_inputs=make_inputs,
                 describe_path=describe_path, device_proxy=device_proxy)


CHECKS = [
    prelu_check("one shared slope, default init 0.25, [N, C, L] input", 2, 1251, (4, 3, 5), 1,
                distinct_slopes=False, device_proxy=True),
    prelu_check("a slope per channel, init=0.1, [N, C] input", 1.5, 1252, (6, 5), 5, init=0.1),
    prelu_check("a slope per channel, [N, C, L] input with L = C (slopes broadcast against L raise no error)",
                1.5, 1253, (3, 4, 4), 4),
    prelu_check("at exactly x = 0: the derivative is the channel's slope, as in torch", 1, 1254, (2, 3, 4), 3,
                zeros=True),
]
