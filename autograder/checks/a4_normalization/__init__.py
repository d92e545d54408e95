"""a4_normalization: the hidden checks, one file per component (Assignment.component_id names it).

Shared pieces: _layer_scenarios.py (scripted batches through a layer), _clipping_scenarios.py (gradients to
clip) and _torch_counterparts.py (torch's own normalization and clipping, which the components may not use).
"""
from .. import declare

ASSIGNMENT = declare(
    "a4_normalization",
    files={"normalization.py": ["BatchNorm1d", "BatchNorm2d", "LayerNorm", "GroupNorm", "BatchNormFunction"],
           "clipping.py": ["clip_grad_value_", "clip_grad_norm_"]},
)
