"""Hidden checks for gelu (the probe: autograder/worker/probes/activations.py).

GELU is smooth, so there is no kink to check; the exact form and the tanh approximation differ by about 1e-4,
far beyond float64's and float32's tolerances, so using one for the other shows.
"""
from ._activation_checks import function_check

COMPONENT = "gelu"
FORBIDDEN = ["torch.nn.functional.gelu", "torch.nn.GELU", "torch._C._nn.gelu"]
TORCH_CODE = ["torch.nn.functional.gelu", "torch.nn.GELU"]
TORCH_OPERATORS = ["gelu", "gelu_"]
CHECKS = [
    function_check(COMPONENT, "approximate='none' (exact, through erf)", 2.5, 1241, {}, device_proxy=True),
    function_check(COMPONENT, "approximate='tanh'", 2.5, 1242, {"approximate": "tanh"}),
]
