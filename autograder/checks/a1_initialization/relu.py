"""Hidden checks for relu (the probe: autograder/worker/probes/activations.py)."""
from ._activation_checks import function_check, inplace_check

COMPONENT = "relu"
FORBIDDEN = ["torch.nn.functional.relu", "torch.nn.functional.relu_", "torch.relu", "torch.relu_", "torch.nn.ReLU",
             "torch.nn.functional.threshold", "torch.nn.functional.threshold_"]
TORCH_CODE = ["torch.nn.functional.relu", "torch.nn.functional.relu_", "torch.relu", "torch.relu_", "torch.nn.ReLU",
              "torch.Tensor.relu", "torch.Tensor.relu_", "torch.nn.functional.threshold"]
TORCH_OPERATORS = ["relu", "relu_", "threshold", "threshold_"]
CHECKS = [
    function_check(COMPONENT, "values and gradients away from 0", 2, 1201, {}, device_proxy=True),
    function_check(COMPONENT, "at exactly x = 0: relu'(0) = 0, as in torch", 1.5, 1202, {}, kind="kink"),
    inplace_check(COMPONENT, 1, 1203),
]
