"""a4_normalization: the hidden checks, one file per component.

Shared pieces: layer_scenarios.py (scripted batches through a layer), clipping_scenarios.py (gradients to
clip) and torch_counterparts.py (torch's own normalization and clipping, which the components may not use).
"""
from ...check import Assignment
from . import batchnorm1d, batchnorm2d, batchnormfunction, clip_grad_norm, clip_grad_value, groupnorm, layernorm

_NORMALIZATION = [batchnorm1d, batchnorm2d, layernorm, groupnorm, batchnormfunction]
_CLIPPING = [clip_grad_value, clip_grad_norm]
_COMPONENTS = _NORMALIZATION + _CLIPPING

ASSIGNMENT = Assignment(
    name="a4_normalization",
    files={"normalization.py": [m.COMPONENT for m in _NORMALIZATION],
           "clipping.py": [m.COMPONENT for m in _CLIPPING]},
    checks=[c for m in _COMPONENTS for c in m.CHECKS],
    forbidden={m.COMPONENT: m.FORBIDDEN for m in _COMPONENTS},
    tripwires={m.COMPONENT: m.TRIPWIRES for m in _COMPONENTS},
)
