"""a6_pipeline: the hidden checks, one file per component.

Shared pieces: augment_samples.py (judging the augmentations by their samples, never draw for draw),
model_runs.py (the model checks' weights, facts and feedback), train_runs.py (the watched runs' inputs, facts
and feedback) and torch_counterparts.py (torch's versions of the a1–a5 components, which the model and the
pipeline must not use). a6 runs on the student's own a1–a5 files (`uses`), imported through the course's
components.py (`provided`: the submission's copy is replaced by ours).
"""
from ...check import Assignment
from . import (evaluate, gaussian_jitter, label_smoothing_cross_entropy, parameter_groups, random_shift,
               residualblock1d, resnet1d, train)

_AUGMENT = [random_shift, gaussian_jitter]
_MODEL = [residualblock1d, resnet1d]
_PIPELINE = [label_smoothing_cross_entropy, parameter_groups, evaluate, train]
_COMPONENTS = _AUGMENT + _MODEL + _PIPELINE

ASSIGNMENT = Assignment(
    name="a6_pipeline",
    files={"augment.py": [m.COMPONENT for m in _AUGMENT], "model.py": [m.COMPONENT for m in _MODEL],
           "pipeline.py": [m.COMPONENT for m in _PIPELINE]},
    checks=[c for m in _COMPONENTS for c in m.CHECKS],
    forbidden={m.COMPONENT: m.FORBIDDEN for m in _COMPONENTS},
    tripwires={m.COMPONENT: m.TRIPWIRES for m in _COMPONENTS},
    preload=["torch._dynamo"],  # the first optimizer imports it; not part of any check's time
    provided=["components.py"],
    uses={  # what components.py imports, and what those are built on (AdamW on Adam, Dropout on dropout, ...)
        "a1_initialization": ["calculate_fan_in_and_fan_out", "calculate_gain", "kaiming_normal_", "xavier_uniform_",
                              "relu"],
        "a2_optimizers": ["SGD", "Adam", "AdamW", "Lookahead"],
        "a3_schedules": ["OneCycleLR", "WarmupCosineLR", "lr_range_test", "suggest_lr"],
        "a4_normalization": ["BatchNorm1d", "clip_grad_norm_"],
        "a5_regularization": ["dropout", "Dropout", "EarlyStopping", "save_checkpoint", "load_checkpoint"],
    },
)
