"""Hidden checks for elu (the probe: autograder/worker/probes/activations.py)."""
from ._activation_checks import function_check, inplace_check

COMPONENT = "elu"
FORBIDDEN = ["torch.nn.functional.elu", "torch.nn.functional.elu_", "torch.nn.ELU", "torch.nn.functional.celu",
             "torch.celu", "torch._C._nn.elu"]
TORCH_CODE = ["torch.nn.functional.elu", "torch.nn.functional.elu_", "torch.nn.ELU", "torch.nn.functional.celu",
              "torch.celu"]
TORCH_OPERATORS = ["elu", "elu_", "celu", "celu_", "selu", "selu_"]
CHECKS = [
    function_check(COMPONENT, "default alpha, away from 0", 2, 1221, {}, device_proxy=True),
    function_check(COMPONENT, "alpha=0.4", 1.5, 1222, {"alpha": 0.4}),
    function_check(COMPONENT, "|x| up to 800: no inf or nan from the branch not taken", 1.5, 1223, {}, kind="large"),
    function_check(COMPONENT, "at exactly x = 0: elu'(0) = alpha, as in torch", 1, 1224, {"alpha": 0.4},
                   kind="kink"),
    inplace_check(COMPONENT, 0.5, 1225, {"alpha": 0.4}),
]
