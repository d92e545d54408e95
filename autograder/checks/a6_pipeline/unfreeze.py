"""Hidden checks for unfreeze_ (autograder/checks/a6_pipeline). Probe: worker/probes/transfer.py (unfreeze).

Unfreezing undoes freeze_ for the named submodules only: their parameters require a gradient again, and
their batch norms follow the model's mode again (still eval when unfrozen in eval mode, train after
model.train()), while what stays frozen stays in eval mode.
"""
from ...check import Check
from ._transfer_runs import describe, signals

COMPONENT = "unfreeze_"
FORBIDDEN = []
TORCH_CODE = []


def unfreeze_inputs(frozen, unfrozen, seed):
    return lambda: {"x": signals(seed=seed)["x"], "frozen": frozen, "unfrozen": unfrozen}


CHECKS = [
    Check(COMPONENT, "freeze the backbone, unfreeze the top block (blocks.1)", 2, "transfer.unfreeze",
          unfreeze_inputs(["stem", "stem_extra", "blocks"], ["blocks.1"], 6200), describe_path=describe,
          dtypes=("float64",), device_proxy=True),
    Check(COMPONENT, "freeze stem and stem_extra, unfreeze both", 1, "transfer.unfreeze",
          unfreeze_inputs(["stem", "stem_extra"], ["stem", "stem_extra"], 6201), describe_path=describe,
          dtypes=("float32",), cpu_only=True),
]
