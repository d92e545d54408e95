"""a1_initialization: the hidden checks, one file per component (Assignment.component_id names it).

Fans and gains are compared exactly; initializers by the statistics of the weights they draw (_sampling.py),
never by their values; activations by values and gradients (_activation_checks.py); PReLU also by its weight.
"""
from .. import declare

ASSIGNMENT = declare(
    "a1_initialization",
    files={"initializers.py": ["calculate_fan_in_and_fan_out", "calculate_gain", "xavier_uniform_",
                               "xavier_normal_", "kaiming_uniform_", "kaiming_normal_", "lecun_uniform_",
                               "lecun_normal_"],
           "activations.py": ["relu", "leaky_relu", "elu", "selu", "gelu", "PReLU"]},
)
