"""Hidden checks for lecun_normal_ (the probe: autograder/worker/probes/initializers.py).

Judged by the statistics of the weights drawn (_sampling.py): an untruncated N(0, 1 / fan_in). torch has no
LeCun initializer, but kaiming_normal_(nonlinearity="linear") is the same thing.
"""
from ._sampling import sample_check
from ._shapes import CONV1D, LINEAR

COMPONENT = "lecun_normal_"
FORBIDDEN = ["torch.nn.init.kaiming_normal_", "torch.nn.init.kaiming_normal"]
TORCH_CODE = ["torch.nn.init.kaiming_normal_"]
CHECKS = [
    sample_check(COMPONENT, "Conv1d weight", 1.5, 1151, CONV1D, {}, uniform=False, device_proxy=True),
    sample_check(COMPONENT, "Linear weight", 1.5, 1152, LINEAR, {}, uniform=False),
]
