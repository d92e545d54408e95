"""Hidden checks for LayerNorm (autograder/checks/a4_normalization). The probe: worker/probes/normalization.py.

Statistics per sample over the trailing normalized_shape dims (one dim and several), never over the batch;
the biased variance with eps under the square root; elementwise weight and bias of normalized_shape, and
their absence (elementwise_affine=False, bias=False). Train and eval mode compute the same thing.
"""
from ._layer_scenarios import layer_check
from ._torch_counterparts import NORMALIZATION_FORBIDDEN, NORMALIZATION_OPERATORS, NORMALIZATION_TORCH_CODE

COMPONENT = "LayerNorm"
FORBIDDEN = NORMALIZATION_FORBIDDEN
TORCH_CODE = NORMALIZATION_TORCH_CODE
TORCH_OPERATORS = NORMALIZATION_OPERATORS
CHECKS = [
    layer_check(COMPONENT, "normalized_shape=6 on a (3, 4, 6) input", 3, 4300,
                args=[6], kwargs={}, shape=(3, 4, 6), modes=["train", "eval"], parameter_shape=(6,),
                device_proxy=True),
    layer_check(COMPONENT, "normalized_shape=(3, 4): two trailing dims of a (5, 3, 4) input", 3, 4301,
                args=[[3, 4]], kwargs={}, shape=(5, 3, 4), modes=["train"], parameter_shape=(3, 4)),
    layer_check(COMPONENT, "normalized_shape=(2, 3, 2), elementwise_affine=False, eps=0.1", 2, 4302,
                args=[[2, 3, 2]], kwargs={"elementwise_affine": False, "eps": 0.1}, shape=(2, 2, 3, 2),
                modes=["train"], parameter_shape=None),
    layer_check(COMPONENT, "bias=False on a (6, 5) input", 2, 4303,
                args=[5], kwargs={"bias": False}, shape=(6, 5), modes=["train"], parameter_shape=(5,)),
]
