"""Hidden checks for evaluate (autograder/checks/a6_pipeline). Probe: pipeline_parts.py (evaluate).

A model with dropout and a running statistic, evaluated on batches of 7, 7 and 3 examples: the mean loss over
examples (not the mean of the three batch means), the accuracy as a fraction, both Python floats; every forward
in eval mode without autograd; the running statistic untouched; the model's mode afterwards the one it had
before (checked starting from train mode and from eval mode).
"""
import torch

from ...check import Check

COMPONENT = "evaluate"
FORBIDDEN = []
TORCH_CODE = []


def evaluate_inputs(seed: int, sizes=(7, 7, 3), start_in_train_mode=True, features=6, classes=4):
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        batches = [{"x": torch.randn(n, features, generator=g, dtype=torch.float64),
                    "y": torch.randint(0, classes, (n,), generator=g)} for n in sizes]
        return {"weight": torch.randn(classes, features, generator=g, dtype=torch.float64),
                "bias": torch.randn(classes, generator=g, dtype=torch.float64) / 4,
                "batches": batches, "start_in_train_mode": start_in_train_mode, "seed": seed + 100_000}
    return make_inputs


TEXT = {
    "returned": "what evaluate returned",
    "loss_is_a_python_float": "the loss is a Python float (use .item())",
    "accuracy_is_a_python_float": "the accuracy is a Python float (a fraction, not a count or a tensor)",
    "loss": "the mean loss over every example (weight each batch by its size)",
    "accuracy": "the accuracy (the fraction of examples whose largest logit is the true class)",
    "forwards": "how the model was run (every forward in eval mode and without autograd: model.eval() and "
                "torch.no_grad())",
    "mode_afterwards_train": "the model's mode after evaluate (the mode it had before)",
    "running_mean_unchanged": "the model's running statistics after evaluate (unchanged in eval mode)",
}


def describe(path: tuple) -> str:
    if path[:1] == ("forwards",) and len(path) >= 3:
        return f"forward {path[1]}: {'its mode (model.training)' if path[2] == 'training' else 'torch.is_grad_enabled()'}"
    return TEXT.get(path[0] if path else "", "the result")


CHECKS = [
    Check(COMPONENT, "batches of 7, 7 and 3, starting in train mode", 3, "pipeline_parts.evaluate",
          evaluate_inputs(6600), describe_path=describe, device_proxy=True),
    Check(COMPONENT, "starting in eval mode, one batch of 20", 1, "pipeline_parts.evaluate",
          evaluate_inputs(6601, sizes=(20,), start_in_train_mode=False), describe_path=describe),
]
