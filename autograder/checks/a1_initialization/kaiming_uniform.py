"""Hidden checks for kaiming_uniform_ (the probe: autograder/worker/probes/initializers.py).

Judged by the statistics of the weights drawn (_sampling.py): U(-b, b) with
b = calculate_gain(nonlinearity, a) * sqrt(3 / fan_mode). The defaults; mode="fan_out" on a weight whose fans
differ eightfold; and a = sqrt(5), the slope nn.Linear's own reset_parameters uses, which changes the gain.
"""
import math

from ._sampling import sample_check
from ._shapes import CONV1D, CONV2D, LINEAR

COMPONENT = "kaiming_uniform_"
FORBIDDEN = ["torch.nn.init.kaiming_uniform_", "torch.nn.init.kaiming_uniform"]
TORCH_CODE = ["torch.nn.init.kaiming_uniform_"]
CHECKS = [
    sample_check(COMPONENT, "Linear weight, default arguments", 2, 1121, LINEAR, {}, uniform=True,
                 device_proxy=True),
    sample_check(COMPONENT, "Conv2d weight, mode='fan_out', nonlinearity='relu'", 1.5, 1122, CONV2D,
                 {"mode": "fan_out", "nonlinearity": "relu"}, uniform=True),
    sample_check(COMPONENT, "Conv1d weight, a=sqrt(5) (as nn.Linear does)", 1.5, 1123, CONV1D,
                 {"a": math.sqrt(5)}, uniform=True),
]
