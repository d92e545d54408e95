"""Hidden checks for calculate_gain (the probe: autograder/worker/probes/initializers.py).

Gains are compared to float64 precision: every nonlinearity torch knows, leaky_relu with slopes other than the
default (an int among them), a param that must be ignored (it belongs to leaky_relu only), and the inputs torch
rejects with ValueError (compared by the exception's type name).
"""
import math

from ...check import Check

COMPONENT = "calculate_gain"
FORBIDDEN = ["torch.nn.init.calculate_gain"]
TORCH_CODE = ["torch.nn.init.calculate_gain"]

EVERY_NONLINEARITY = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                      "conv_transpose3d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]


def gains_check(name: str, points: float, cases: list = (), invalid_cases: list = (),
                device_proxy: bool = False) -> Check:
    def make_inputs() -> dict:
        return {"cases": [list(c) for c in cases], "invalid_cases": [list(c) for c in invalid_cases]}

    def describe_path(path: tuple) -> str:
        if len(path) >= 2 and path[0] in ("gains", "errors"):
            nonlinearity, param = (cases if path[0] == "gains" else invalid_cases)[path[1]]
            call = f"calculate_gain({nonlinearity!r}, param={param!r})"
            return call if path[0] == "gains" else f"{call} should raise"
        return "calculate_gain"

    return Check(component=COMPONENT, name=name, points=points, probe="initializers.gains", make_inputs=make_inputs,
                 describe_path=describe_path, dtypes=("float64",), cpu_only=True, device_proxy=device_proxy)


CHECKS = [
    gains_check("every nonlinearity torch knows, default param", 1.5, [(n, None) for n in EVERY_NONLINEARITY],
                device_proxy=True),
    # The ValueErrors come with the stub, so they share a check with gains to compute.
    gains_check("leaky_relu with slopes 0.3, 0, 2 (an int) and sqrt(5); a param other nonlinearities ignore; "
                "unknown nonlinearities and non-numeric slopes raise ValueError", 2.5,
                [("leaky_relu", 0.3), ("leaky_relu", 0), ("leaky_relu", 2), ("leaky_relu", math.sqrt(5)),
                 ("relu", 0.3), ("tanh", 2)],
                invalid_cases=[("gelu", None), ("ReLU", None), ("leaky_relu", "0.3"), ("leaky_relu", False)]),
]
