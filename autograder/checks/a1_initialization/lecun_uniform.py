"""Hidden checks for lecun_uniform_ (the probe: autograder/worker/probes/initializers.py).

Judged by the statistics of the weights drawn (_sampling.py): U(-b, b) with b = sqrt(3 / fan_in), variance
1 / fan_in. torch has no LeCun initializer, but kaiming_uniform_(nonlinearity="linear") is the same thing.
"""
from ._sampling import sample_check
from ._shapes import CONV3D, LINEAR

COMPONENT = "lecun_uniform_"
FORBIDDEN = ["torch.nn.init.kaiming_uniform_", "torch.nn.init.kaiming_uniform"]
TORCH_CODE = ["torch.nn.init.kaiming_uniform_"]
CHECKS = [
    sample_check(COMPONENT, "Linear weight", 1.5, 1141, LINEAR, {}, uniform=True, device_proxy=True),
    sample_check(COMPONENT, "Conv3d weight", 1.5, 1142, CONV3D, {}, uniform=True),
]
