"""a3_schedules: the hidden checks, one file per component.

Shared pieces: scenarios.py (a scheduler driven through a scripted run, with its wording of where a value
differs) and torch_counterparts.py (torch's own schedules and ready-made LR finders, which the components
may not use). ReduceLROnPlateau, lr_range_test and suggest_lr make their own inputs in their files.
"""
from ...check import Assignment
from . import (cosineannealinglr, cosineannealingwarmrestarts, cycliclr, exponentiallr, linearlr, lr_range_test,
               multisteplr, onecyclelr, polynomiallr, powerlr, reducelronplateau, steplr, suggest_lr, warmupcosinelr)

_COMPONENTS = [steplr, multisteplr, exponentiallr, polynomiallr, cosineannealinglr, cosineannealingwarmrestarts,
               linearlr, cycliclr, onecyclelr, reducelronplateau, powerlr, warmupcosinelr, lr_range_test, suggest_lr]

ASSIGNMENT = Assignment(
    name="a3_schedules",
    files={"schedules.py": [m.COMPONENT for m in _COMPONENTS]},
    checks=[c for m in _COMPONENTS for c in m.CHECKS],
    forbidden={m.COMPONENT: m.FORBIDDEN for m in _COMPONENTS},
    tripwires={m.COMPONENT: m.TRIPWIRES for m in _COMPONENTS},
    preload=["torch._dynamo"],  # torch.optim imports it on first use; not part of any check's time
)
