"""Hidden checks for clip_grad_value_ (autograder/checks/a4_normalization). The probe: worker/probes/clipping.py.

Every gradient entry clamped into [-clip_value, clip_value] (both sides), in place on the existing .grad
tensors, the parameters themselves untouched; parameters without .grad skipped; entries already inside the
range left exactly as they are. Parameters come as a generator (like model.parameters()) or a single tensor.
"""
from ._clipping_scenarios import clipping_check
from ._torch_counterparts import CLIPPING_FORBIDDEN, CLIPPING_TORCH_CODE

COMPONENT = "clip_grad_value_"
FORBIDDEN = CLIPPING_FORBIDDEN
TORCH_CODE = CLIPPING_TORCH_CODE
CHECKS = [
    clipping_check(COMPONENT, "clip_value=0.5, four parameters (one without .grad) passed as a generator", 4,
                   4700, [
        {"label": "clip_value=0.5", "grad_scales": (1.0, 0.2, 3.0, 1.0), "without_grad": (3,),
         "pass_as": "generator", "clip_value": 0.5},
    ], device_proxy=True),
    clipping_check(COMPONENT, "a single tensor, clip_value given as the int 2", 3.5, 4701, [
        {"label": "clip_value=2, one tensor", "grad_scales": (3.0,), "pass_as": "tensor", "clip_value": 2},
    ]),
    clipping_check(COMPONENT, "every entry already within clip_value (nothing changes)", 2.5, 4702, [
        {"label": "clip_value=10", "grad_scales": (1.0, 2.0, 0.5), "clip_value": 10.0},
    ]),
]
