"""Hidden checks for discriminative_groups (autograder/checks/a6_pipeline). Probe: transfer.py (groups).

Each trainable parameter's rate (base_lr for the head, base_lr * backbone_factor for the rest) and weight
decay (weight_decay for weights, 0.0 for 1-D parameters) exactly as specified, frozen parameters absent, no
parameter twice, no empty group, and a ValueError for a head that does not exist or a bad rate or decay.
"""
from ...check import Check
from ._transfer_runs import describe, signals

COMPONENT = "discriminative_groups"
FORBIDDEN = []
TORCH_CODE = []


def groups_inputs(frozen, head_prefix, base_lr, backbone_factor, weight_decay, seed):
    return lambda: {"x": signals(seed=seed)["x"], "frozen": frozen, "head_prefix": head_prefix,
                    "base_lr": base_lr, "backbone_factor": backbone_factor, "weight_decay": weight_decay}


CHECKS = [
    Check(COMPONENT, "head at 0.01, backbone at a tenth, weight decay 0.05 on weights only", 2, "transfer.groups",
          groups_inputs([], "head", 0.01, 0.1, 0.05, 6300), describe_path=describe, dtypes=("float64",)),
    Check(COMPONENT, "the stem frozen (absent from every group), backbone_factor 0.3, weight decay 0.2", 2,
          "transfer.groups", groups_inputs(["stem"], "head", 0.003, 0.3, 0.2, 6301), describe_path=describe,
          dtypes=("float64",), cpu_only=True),
    Check(COMPONENT, "the top block taken as the head (head_prefix 'blocks.1'), backbone_factor 0", 1,
          "transfer.groups", groups_inputs([], "blocks.1", 0.02, 0.0, 0.01, 6302), describe_path=describe,
          dtypes=("float32",), cpu_only=True),
]
