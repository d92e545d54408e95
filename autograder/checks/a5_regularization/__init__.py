"""a5_regularization: the hidden checks, one file per component (Assignment.component_id names it).

Shared pieces: _dropout_samples.py (judging dropout by its sample, never mask by mask), _penalties.py (the
penalty checks), _checkpoint_runs.py (a training run interrupted and resumed from a checkpoint) and
_torch_counterparts.py (torch's own dropout and max-norm, which the components may not use).
"""
from .. import declare

ASSIGNMENT = declare(
    "a5_regularization",
    files={"regularization.py": ["dropout", "Dropout", "AlphaDropout", "l1_penalty", "l2_penalty", "max_norm_",
                                 "mc_dropout_predict"],
           "callbacks.py": ["EarlyStopping", "save_checkpoint", "load_checkpoint"]},
)
