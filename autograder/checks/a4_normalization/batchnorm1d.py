"""Hidden checks for BatchNorm1d (autograder/checks/a4_normalization). The probe: worker/probes/normalization.py.

Train mode (batch statistics, biased variance), eval mode (running statistics), the running-statistics
update (momentum weighs the new batch; the unbiased variance is stored; momentum=None is the plain average
of all batches), affine=False and track_running_stats=False, on (N, C) and (N, C, L) inputs.
"""
from ._layer_scenarios import layer_check
from ._torch_counterparts import NORMALIZATION_FORBIDDEN, NORMALIZATION_OPERATORS, NORMALIZATION_TORCH_CODE

COMPONENT = "BatchNorm1d"
FORBIDDEN = NORMALIZATION_FORBIDDEN
TORCH_CODE = NORMALIZATION_TORCH_CODE
TORCH_OPERATORS = NORMALIZATION_OPERATORS
CHECKS = [
    layer_check(COMPONENT, "(N, C) input: three train batches, then eval with the running statistics", 3, 4100,
                args=[4], kwargs={}, shape=(6, 4), modes=["train", "train", "train", "eval"],
                parameter_shape=(4,), device_proxy=True),
    layer_check(COMPONENT, "(N, C, L) input, momentum=None (cumulative average), eps=1e-3", 2.5, 4101,
                args=[3], kwargs={"momentum": None, "eps": 1e-3}, shape=(4, 3, 5),
                modes=["train", "train", "train", "train", "eval"], parameter_shape=(3,)),
    layer_check(COMPONENT, "(N, C) input, affine=False, momentum=0.3, eps=0.1", 2, 4102,
                args=[5], kwargs={"affine": False, "momentum": 0.3, "eps": 0.1}, shape=(7, 5),
                modes=["train", "train", "eval"], parameter_shape=None),
    layer_check(COMPONENT, "(N, C, L) input, track_running_stats=False (eval uses the batch statistics)", 2.5,
                4103, args=[3], kwargs={"track_running_stats": False}, shape=(3, 3, 4),
                modes=["train", "eval", "train"], parameter_shape=(3,)),
]
