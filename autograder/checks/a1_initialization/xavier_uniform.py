"""Hidden checks for xavier_uniform_ (the probe: autograder/worker/probes/initializers.py).

Judged by the statistics of the weights drawn (_sampling.py): U(-b, b) with b = gain * sqrt(6 / (fan_in + fan_out)),
on a Linear and a Conv2d weight, the second with a gain other than 1.
"""
from ._sampling import sample_check
from ._shapes import CONV2D, LINEAR

COMPONENT = "xavier_uniform_"
FORBIDDEN = ["torch.nn.init.xavier_uniform_", "torch.nn.init.xavier_uniform"]
TORCH_CODE = ["torch.nn.init.xavier_uniform_"]
CHECKS = [
    sample_check(COMPONENT, "Linear weight, gain 1", 2, 1101, LINEAR, {}, uniform=True, device_proxy=True),
    sample_check(COMPONENT, "Conv2d weight, gain 5/3 (tanh)", 2, 1102, CONV2D, {"gain": 5 / 3}, uniform=True),
]
