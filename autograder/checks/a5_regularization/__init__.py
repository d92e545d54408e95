"""a5_regularization: the hidden checks, one file per component.

Shared pieces: dropout_samples.py (judging dropout by its sample, never mask by mask), penalties.py (the
penalty checks), checkpoint_runs.py (a training run interrupted and resumed from a checkpoint) and
torch_counterparts.py (torch's own dropout and max-norm, which the components may not use).
"""
from ...check import Assignment
from . import (alpha_dropout, dropout, dropout_module, early_stopping, l1_penalty, l2_penalty, load_checkpoint,
               max_norm, mc_dropout_predict, save_checkpoint)

_REGULARIZATION = [dropout, dropout_module, alpha_dropout, l1_penalty, l2_penalty, max_norm, mc_dropout_predict]
_CALLBACKS = [early_stopping, save_checkpoint, load_checkpoint]
_COMPONENTS = _REGULARIZATION + _CALLBACKS

ASSIGNMENT = Assignment(
    name="a5_regularization",
    files={"regularization.py": [m.COMPONENT for m in _REGULARIZATION],
           "callbacks.py": [m.COMPONENT for m in _CALLBACKS]},
    checks=[c for m in _COMPONENTS for c in m.CHECKS],
    forbidden={m.COMPONENT: m.FORBIDDEN for m in _COMPONENTS},
    tripwires={m.COMPONENT: m.TRIPWIRES for m in _COMPONENTS},
)
