"""Hidden checks for clip_grad_norm_ (autograder/checks/a4_normalization). The probe: worker/probes/clipping.py.

One *global* norm over every gradient (for norm_type 1, 2, 3 and inf, where the largest entry may be a
negative one), the same coefficient for every gradient, applied in place; the total norm returned; parameters
without .grad skipped; gradients already within max_norm left as they are; error_if_nonfinite raising
RuntimeError on an inf or nan norm, and only when asked. Parameters come as a generator (like
model.parameters(), which can be iterated only once), a list, or a single tensor.
"""
from ._clipping_scenarios import clipping_check
from ._torch_counterparts import CLIPPING_FORBIDDEN, CLIPPING_TORCH_CODE

COMPONENT = "clip_grad_norm_"
FORBIDDEN = CLIPPING_FORBIDDEN
TORCH_CODE = CLIPPING_TORCH_CODE
NO_ERROR = {"error_if_nonfinite": False}
CHECKS = [
    clipping_check(COMPONENT, "norm_type=2, four parameters (one without .grad) passed as a generator", 3, 4600, [
        {"label": "norm_type=2, max_norm=1.5", "grad_scales": (0.3, 1.0, 5.0, 2.0), "without_grad": (1,),
         "pass_as": "generator", "max_norm": 1.5, "norm_type": 2.0, **NO_ERROR},
    ], device_proxy=True),
    clipping_check(COMPONENT, "norm_type=1 on a single tensor, then norm_type=3 on a list", 2, 4601, [
        {"label": "norm_type=1, one tensor", "grad_scales": (2.0,), "pass_as": "tensor", "max_norm": 3.0,
         "norm_type": 1, **NO_ERROR},
        {"label": "norm_type=3, a list", "grad_scales": (0.5, 3.0, 1.0), "pass_as": "list", "max_norm": 2.0,
         "norm_type": 3.0, **NO_ERROR},
    ]),
    clipping_check(COMPONENT, "norm_type=inf, the largest entry negative", 2, 4602, [
        {"label": "norm_type=inf, max_norm=0.75", "grad_scales": (0.5, 1.0, 0.2), "set_entries": ((1, 2, -4.0),),
         "max_norm": 0.75, "norm_type": float("inf"), **NO_ERROR},
    ]),
    clipping_check(COMPONENT, "total norm already below max_norm (nothing changes)", 1.5, 4603, [
        {"label": "norm_type=2, max_norm=50", "grad_scales": (1.0, 0.5, 2.0), "without_grad": (1,),
         "max_norm": 50.0, "norm_type": 2.0, **NO_ERROR},
        {"label": "norm_type=inf, max_norm=10", "grad_scales": (1.0, 0.5), "max_norm": 10.0,
         "norm_type": float("inf"), **NO_ERROR},
    ]),
    clipping_check(COMPONENT, "error_if_nonfinite: raises on inf and nan norms only when asked", 1.5, 4604, [
        {"label": "an inf gradient, error_if_nonfinite=True", "grad_scales": (1.0, 1.0),
         "set_entries": ((0, 5, float("inf")),), "max_norm": 1.0, "norm_type": 2.0, "error_if_nonfinite": True,
         "may_raise": True},
        {"label": "a nan gradient, error_if_nonfinite=True", "grad_scales": (1.0, 1.0),
         "set_entries": ((1, 0, float("nan")),), "max_norm": 1.0, "norm_type": 2.0, "error_if_nonfinite": True,
         "may_raise": True},
        {"label": "finite gradients, error_if_nonfinite=True", "grad_scales": (1.0, 1.0), "max_norm": 1.0,
         "norm_type": 2.0, "error_if_nonfinite": True, "may_raise": True},
        {"label": "an inf gradient, error_if_nonfinite=False", "grad_scales": (1.0, 1.0),
         "set_entries": ((1, 3, float("-inf")),), "max_norm": 1.0, "norm_type": 1, "error_if_nonfinite": False,
         "may_raise": True},
    ]),
]
