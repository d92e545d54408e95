"""Hidden checks for kaiming_normal_ (the probe: autograder/worker/probes/initializers.py).

Judged by the statistics of the weights drawn (_sampling.py): N(0, std^2) with
std = calculate_gain(nonlinearity, a) / sqrt(fan_mode). The defaults; mode="fan_out" with tanh's gain on a
weight whose fans differ fourfold; and a leaky ReLU slope a = 0.5, which changes the gain.
"""
from ._sampling import sample_check
from ._shapes import CONV2D, CONV3D, LINEAR

COMPONENT = "kaiming_normal_"
FORBIDDEN = ["torch.nn.init.kaiming_normal_", "torch.nn.init.kaiming_normal"]
TORCH_CODE = ["torch.nn.init.kaiming_normal_"]
CHECKS = [
    sample_check(COMPONENT, "Conv3d weight, default arguments", 2, 1131, CONV3D, {}, uniform=False,
                 device_proxy=True),
    sample_check(COMPONENT, "Linear weight, mode='fan_out', nonlinearity='tanh'", 1.5, 1132, LINEAR,
                 {"mode": "fan_out", "nonlinearity": "tanh"}, uniform=False),
    sample_check(COMPONENT, "Conv2d weight, a=0.5 (leaky ReLU slope)", 1.5, 1133, CONV2D, {"a": 0.5},
                 uniform=False),
]
