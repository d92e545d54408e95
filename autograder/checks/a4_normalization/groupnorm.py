"""Hidden checks for GroupNorm (autograder/checks/a4_normalization). The probe: worker/probes/normalization.py.

Statistics per sample and per group of *consecutive* channels (with every position), never over the batch;
group counts between 1 and C, where grouping the wrong channels together shows; one group (each sample over
everything) and C groups (instance norm); per-channel weight and bias, affine=False and bias=False.
"""
from ._layer_scenarios import layer_check
from ._torch_counterparts import NORMALIZATION_FORBIDDEN, NORMALIZATION_OPERATORS, NORMALIZATION_TORCH_CODE

COMPONENT = "GroupNorm"
FORBIDDEN = NORMALIZATION_FORBIDDEN
TORCH_CODE = NORMALIZATION_TORCH_CODE
TORCH_OPERATORS = NORMALIZATION_OPERATORS
CHECKS = [
    layer_check(COMPONENT, "2 groups of 3 channels, (N, C, L) input", 3, 4400,
                args=[2, 6], kwargs={}, shape=(3, 6, 4), modes=["train", "eval"], parameter_shape=(6,),
                device_proxy=True),
    layer_check(COMPONENT, "3 groups of 2 channels, (N, C, H, W) input", 3, 4401,
                args=[3, 6], kwargs={}, shape=(2, 6, 2, 3), modes=["train"], parameter_shape=(6,)),
    layer_check(COMPONENT, "1 group (each sample over everything), affine=False, eps=0.1, (N, C) input", 2,
                4402, args=[1, 4], kwargs={"affine": False, "eps": 0.1}, shape=(5, 4), modes=["train"],
                parameter_shape=None),
    layer_check(COMPONENT, "4 groups of 1 channel (instance norm), bias=False, (N, C, L) input", 2, 4403,
                args=[4, 4], kwargs={"bias": False}, shape=(2, 4, 5), modes=["train"], parameter_shape=(4,)),
]
