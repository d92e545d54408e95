"""a6_pipeline: the hidden checks, one file per component (Assignment.component_id names it).

Shared pieces: _augment_samples.py (judging the augmentations by their samples, never draw for draw),
_model_runs.py (the model checks' weights, facts and feedback), _train_runs.py (the watched runs' inputs, facts
and feedback) and _torch_counterparts.py (torch's versions of the a1–a5 components, which the model and the
pipeline must not use). a6 runs on the student's own a1–a5 files (`uses`), imported through the course's
components.py (`provided`: the submission's copy is replaced by ours).
"""
from .. import declare

ASSIGNMENT = declare(
    "a6_pipeline",
    files={"augment.py": ["random_shift", "gaussian_jitter"],
           "model.py": ["ResidualBlock1d", "ResNet1d"],
           "pipeline.py": ["label_smoothing_cross_entropy", "parameter_groups", "evaluate", "train"],
           "transfer.py": ["freeze_", "unfreeze_", "discriminative_groups"]},
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
