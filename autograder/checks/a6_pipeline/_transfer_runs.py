"""The transfer-learning checks' inputs and feedback (freeze_, unfreeze_, discriminative_groups).

The probe (worker/probes/transfer.py) builds one small network, stem / stem_extra / blocks.0 / blocks.1 / head,
whose names test the prefix rule ("stem" covers stem.0 and stem.1, never stem_extra), and reports facts as
plain values: which parameters require a gradient, which modules are in train mode, what changed in training,
which rate and weight decay each parameter gets. describe() words where a fact differs.
"""
import torch


def signals(batch: int = 6, length: int = 8, seed: int = 0) -> dict:
    g = torch.Generator().manual_seed(seed)
    return {"x": torch.randn(batch, 2, length, generator=g, dtype=torch.float64),
            "target": torch.randint(0, 3, (batch,), generator=g)}


WHAT = {
    "returns_the_model": "what it returns (the model itself, changed in place)",
    "requires_grad": "requires_grad of",
    "in_train_mode": "after model.train(), the train mode of",
    "in_train_mode_after_unfreezing_in_eval": "unfrozen while the model is in eval mode, the train mode of",
    "in_train_mode_after_model_train": "after unfreezing and model.train(), the train mode of",
    "changed": "after a few AdamW steps (weight decay 0.1) on every parameter that requires a gradient, "
               "whether this changed:",
    "lr": "the learning rate of",
    "weight_decay": "the weight decay of",
    "groups_are_not_empty": "every group holds at least one parameter",
    "an unknown prefix raises": "what a prefix that names no submodule raises",
    "raises": "what it raises for",
}


def describe(path: tuple) -> str:
    if not path:
        return "the result"
    what = WHAT.get(path[0], str(path[0]))
    return f"{what} {path[1]!r}" if len(path) > 1 else what
