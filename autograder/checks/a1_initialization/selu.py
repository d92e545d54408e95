"""Hidden checks for selu (the probe: autograder/worker/probes/activations.py)."""
from ._activation_checks import function_check, inplace_check

COMPONENT = "selu"
FORBIDDEN = ["torch.nn.functional.selu", "torch.nn.functional.selu_", "torch.selu", "torch.selu_", "torch.nn.SELU",
             "torch.nn.functional.elu", "torch.nn.functional.elu_", "torch.nn.ELU", "torch._C._nn.elu"]
TORCH_CODE = ["torch.nn.functional.selu", "torch.nn.functional.selu_", "torch.selu", "torch.selu_", "torch.nn.SELU",
              "torch.nn.functional.elu", "torch.nn.functional.elu_"]
TORCH_OPERATORS = ["selu", "selu_", "elu", "elu_", "celu", "celu_"]
CHECKS = [
    function_check(COMPONENT, "values and gradients away from 0", 2, 1231, {}, device_proxy=True),
    function_check(COMPONENT, "|x| up to 800: no inf or nan from the branch not taken", 1.5, 1232, {}, kind="large"),
    function_check(COMPONENT, "at exactly x = 0: selu'(0) = scale * alpha, as in torch", 1, 1233, {}, kind="kink"),
    inplace_check(COMPONENT, 0.5, 1234),
]
