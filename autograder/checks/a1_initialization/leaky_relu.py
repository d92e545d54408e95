"""Hidden checks for leaky_relu (the probe: autograder/worker/probes/activations.py)."""
from ._activation_checks import function_check, inplace_check

COMPONENT = "leaky_relu"
FORBIDDEN = ["torch.nn.functional.leaky_relu", "torch.nn.functional.leaky_relu_", "torch.nn.LeakyReLU",
             "torch.nn.functional.prelu", "torch.prelu", "torch._C._nn.leaky_relu"]
TORCH_CODE = ["torch.nn.functional.leaky_relu", "torch.nn.functional.leaky_relu_", "torch.nn.LeakyReLU",
              "torch.nn.functional.prelu", "torch.prelu"]
TORCH_OPERATORS = ["leaky_relu", "leaky_relu_", "prelu", "_prelu_kernel", "rrelu", "rrelu_with_noise"]
CHECKS = [
    function_check(COMPONENT, "default negative_slope, away from 0", 2, 1211, {}, device_proxy=True),
    function_check(COMPONENT, "negative_slope=0.2", 1.5, 1212, {"negative_slope": 0.2}),
    function_check(COMPONENT, "negative_slope=2.5 (a slope above 1)", 1, 1213, {"negative_slope": 2.5}),
    function_check(COMPONENT, "at exactly x = 0: leaky_relu'(0) = negative_slope, as in torch", 1, 1214,
                   {"negative_slope": 0.3}, kind="kink"),
    inplace_check(COMPONENT, 0.5, 1215, {"negative_slope": 0.2}),
]
