"""Hidden checks for parameter_groups (autograder/checks/a6_pipeline). Probe: pipeline_parts.py (groups).

On Conv1d (weight, bias) -> a normalization-like layer (1-D weight and bias) -> PReLU (a 1-D slope) ->
Linear without bias, with a frozen Linear in between: the weight decay each parameter gets must be the given
one for the conv and linear weights, 0.0 for every 1-D parameter, and the frozen parameters must be absent;
no parameter twice, no empty group, plain dicts with "params".
"""
import torch

from ...check import Check

COMPONENT = "parameter_groups"
FORBIDDEN = []
TORCH_CODE = []


def groups_inputs(weight_decay: float):
    def make_inputs() -> dict:
        return {"weight_decay": weight_decay, "dtype_probe": torch.zeros(1, dtype=torch.float64)}
    return make_inputs


def describe(path: tuple) -> str:
    if len(path) == 2 and path[0] == "weight_decay":
        return f"the weight decay parameter {path[1]!r} gets (absent: in no group)"
    return {"groups": "what parameter_groups returned",
            "groups_are_not_empty": "every group holds at least one parameter"}.get(path[0] if path else "", "the result")


CHECKS = [
    Check(COMPONENT, "conv, norm-like and PReLU parameters, a frozen layer, weight_decay=0.05", 2,
          "pipeline_parts.groups", groups_inputs(0.05), describe_path=describe, dtypes=("float64",)),
    Check(COMPONENT, "the same network with weight_decay=0.3", 1, "pipeline_parts.groups", groups_inputs(0.3),
          describe_path=describe, dtypes=("float32",), cpu_only=True),
]
