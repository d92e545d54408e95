"""Hidden checks for xavier_normal_ (the probe: autograder/worker/probes/initializers.py).

Judged by the statistics of the weights drawn (_sampling.py): N(0, std^2) with
std = gain * sqrt(2 / (fan_in + fan_out)), on a Linear and a Conv3d weight, the second with a gain other than 1.
"""
import math

from ._sampling import sample_check
from ._shapes import CONV3D, LINEAR

COMPONENT = "xavier_normal_"
FORBIDDEN = ["torch.nn.init.xavier_normal_", "torch.nn.init.xavier_normal"]
TORCH_CODE = ["torch.nn.init.xavier_normal_"]
CHECKS = [
    sample_check(COMPONENT, "Linear weight, gain 1", 2, 1111, LINEAR, {}, uniform=False, device_proxy=True),
    sample_check(COMPONENT, "Conv3d weight, gain sqrt(2) (relu)", 2, 1112, CONV3D, {"gain": math.sqrt(2)},
                 uniform=False),
]
