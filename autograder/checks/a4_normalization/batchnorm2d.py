"""Hidden checks for BatchNorm2d (autograder/checks/a4_normalization). The probe: worker/probes/normalization.py.

Statistics per channel over the batch and every position (dims 0, 2, 3), in train mode; the running
statistics in eval mode, which must update nothing; momentum=None (the 1/k average, k counting the current
batch); affine=False with a large eps; and track_running_stats=False. Inputs are (N, C, H, W).
"""
from ._layer_scenarios import layer_check
from ._torch_counterparts import NORMALIZATION_FORBIDDEN, NORMALIZATION_OPERATORS, NORMALIZATION_TORCH_CODE

COMPONENT = "BatchNorm2d"
FORBIDDEN = NORMALIZATION_FORBIDDEN
TORCH_CODE = NORMALIZATION_TORCH_CODE
TORCH_OPERATORS = NORMALIZATION_OPERATORS
CHECKS = [
    layer_check(COMPONENT, "(N, C, H, W) input: three train batches, then two in eval mode", 3, 4200,
                args=[4], kwargs={}, shape=(3, 4, 2, 3), modes=["train", "train", "train", "eval", "eval"],
                parameter_shape=(4,), device_proxy=True),
    layer_check(COMPONENT, "momentum=None (cumulative average), train, eval, then train again", 2.5, 4201,
                args=[3], kwargs={"momentum": None}, shape=(2, 3, 3, 2),
                modes=["train", "train", "train", "eval", "train"], parameter_shape=(3,)),
    layer_check(COMPONENT, "affine=False, momentum=0.5, eps=0.05", 2, 4202,
                args=[2], kwargs={"affine": False, "momentum": 0.5, "eps": 0.05}, shape=(4, 2, 2, 2),
                modes=["train", "train", "eval"], parameter_shape=None),
    layer_check(COMPONENT, "track_running_stats=False (eval uses the batch statistics)", 2.5, 4203,
                args=[3], kwargs={"track_running_stats": False}, shape=(2, 3, 2, 3),
                modes=["train", "eval"], parameter_shape=(3,)),
]
