"""a1_initialization: the hidden checks, one file per component.

Fans and gains are compared exactly; initializers by the statistics of the weights they draw (sampling.py),
never by their values; activations by values and gradients (activation_checks.py); PReLU also by its weight.
"""
from ...check import Assignment
from . import (elu, fans, gains, gelu, kaiming_normal, kaiming_uniform, leaky_relu, lecun_normal, lecun_uniform,
               prelu, relu, selu, xavier_normal, xavier_uniform)

_INITIALIZERS = [fans, gains, xavier_uniform, xavier_normal, kaiming_uniform, kaiming_normal, lecun_uniform,
                 lecun_normal]
_ACTIVATIONS = [relu, leaky_relu, elu, selu, gelu, prelu]
_COMPONENTS = _INITIALIZERS + _ACTIVATIONS

ASSIGNMENT = Assignment(
    name="a1_initialization",
    files={"initializers.py": [m.COMPONENT for m in _INITIALIZERS],
           "activations.py": [m.COMPONENT for m in _ACTIVATIONS]},
    checks=[c for m in _COMPONENTS for c in m.CHECKS],
    forbidden={m.COMPONENT: m.FORBIDDEN for m in _COMPONENTS},
    tripwires={m.COMPONENT: m.TRIPWIRES for m in _COMPONENTS},
)
