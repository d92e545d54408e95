"""a3_schedules: the hidden checks, one file per component (Assignment.component_id names it).

Shared pieces: _scenarios.py (a scheduler driven through a scripted run, with its wording of where a value
differs) and _torch_counterparts.py (torch's own schedules and ready-made LR finders, which the components
may not use). ReduceLROnPlateau, lr_range_test and suggest_lr make their own inputs in their files.
"""
from .. import declare

ASSIGNMENT = declare(
    "a3_schedules",
    files={"schedules.py": ["StepLR", "MultiStepLR", "ExponentialLR", "PolynomialLR", "CosineAnnealingLR",
                            "CosineAnnealingWarmRestarts", "LinearLR", "CyclicLR", "OneCycleLR",
                            "ReduceLROnPlateau", "PowerLR", "WarmupCosineLR", "lr_range_test", "suggest_lr"]},
    preload=["torch._dynamo"],  # torch.optim imports it on first use; not part of any check's time
)
