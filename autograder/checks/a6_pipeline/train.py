"""Hidden checks for train (autograder/checks/a6_pipeline). Probes: worker/probes/pipeline_runs.py.

Process checks (tiny watched runs, exact facts, _train_runs.py): the per-batch order, the schedule stepped per
batch, clipping between backward and step, validation in eval mode without autograd and the mode restored,
the test split never touched, decay on weights only, frozen parameters untouched, augmentation on training
batches only, every example once per epoch in a fresh order, the smoothed loss; early stopping on a scripted
validation curve (when it stops, the best weights kept, best.pt and last.pt); a run interrupted and resumed
that continues bit for bit. The outcome check: the student's own ResNet1d and train() on MNIST-1D for a
fixed budget of epochs must reach an accuracy on signals train() never sees (partial credit below it).
"""
from trainkit.data import load_splits

from ...check import Check
from ._torch_counterparts import TRAIN_FORBIDDEN, TRAIN_OPERATORS, TRAIN_TORCH_CODE
from ._train_runs import compare_outcome, compare_resume, describe, run_inputs, same_resume_mistake

COMPONENT = "train"
FORBIDDEN = TRAIN_FORBIDDEN
TORCH_CODE = TRAIN_TORCH_CODE
TORCH_OPERATORS = TRAIN_OPERATORS

QUIET = {"patience": None, "max_shift": 0, "jitter": 0.0}   # the fields a scenario does not want from defaults
ADAMW_ONECYCLE = {**QUIET, "epochs": 4, "batch_size": 16, "optimizer": "adamw", "lr": 0.05, "weight_decay": 0.1,
                  "lookahead": False, "schedule": "onecycle", "warmup": 0.3, "clip_norm": 0.05,
                  "label_smoothing": 0.1, "seed": 3}
SGD_LOOKAHEAD = {**QUIET, "epochs": 5, "batch_size": 32, "optimizer": "sgd", "lr": 0.1, "momentum": 0.9,
                 "weight_decay": 0.01, "lookahead": True, "schedule": "warmup_cosine", "warmup": 0.4,
                 "clip_norm": None, "label_smoothing": 0.0, "max_shift": 2, "jitter": 0.1, "seed": 4}
CONSTANT_FULL_BATCH = {**QUIET, "epochs": 3, "batch_size": 24, "optimizer": "adamw", "lr": 0.01,
                       "weight_decay": 0.0, "lookahead": False, "schedule": "constant", "warmup": 0.0,
                       "clip_norm": None, "label_smoothing": 0.2, "seed": 5}


def stopping_config(patience, min_delta, epochs, seed):
    return {**ADAMW_ONECYCLE, "epochs": epochs, "batch_size": 16, "patience": patience, "min_delta": min_delta,
            "seed": seed}


def outcome_inputs(epochs: int, batch_size: int, seed: int):
    """MNIST-1D's three splits (generated or cached by the grader, never by student code) and the budget.
    The test split is the held-out set the probe measures on; train() is given NaN in its place."""
    def make_inputs() -> dict:
        splits = load_splits()
        return {"train_x": splits.train.x.double(), "train_y": splits.train.y,
                "val_x": splits.val.x.double(), "val_y": splits.val.y,
                "test_x": splits.test.x.double(), "test_y": splits.test.y,
                "epochs": epochs, "batch_size": batch_size, "seed": seed}
    return make_inputs


CHECKS = [
    Check(COMPONENT, "AdamW, one-cycle, clipping, 3 batches per epoch: the per-batch order and validation", 4,
          "pipeline_runs.process", run_inputs(6800, ADAMW_ONECYCLE, sizes=(48, 20, 10), dropout=0.2),
          describe_path=describe, device_proxy=True),
    Check(COMPONENT, "SGD in Lookahead, warmup-cosine, augmentation, one full batch per epoch", 3,
          "pipeline_runs.process", run_inputs(6801, SGD_LOOKAHEAD, sizes=(24, 12, 8)), describe_path=describe),
    Check(COMPONENT, "constant rate, no clipping, label smoothing 0.2: the first gradient", 2,
          "pipeline_runs.process", run_inputs(6802, CONSTANT_FULL_BATCH, sizes=(24, 12, 8)), describe_path=describe,
          dtypes=("float64",)),
    Check(COMPONENT, "early stopping, patience 3, on a scripted validation curve; best.pt and last.pt", 3,
          "pipeline_runs.stopping", run_inputs(6803, stopping_config(3, 0.0, 8, 6), sizes=(32, 10, 6),
                                               script=[1.0, 0.8, 0.6, 0.65, 0.61, 0.62, 0.5, 0.4]),
          describe_path=describe, dtypes=("float64",), cpu_only=True),
    Check(COMPONENT, "early stopping with min_delta 0.05, patience 2", 1.5, "pipeline_runs.stopping",
          run_inputs(6804, stopping_config(2, 0.05, 5, 7), sizes=(32, 10, 6), script=[1.0, 0.9, 0.87, 0.86, 0.7]),
          describe_path=describe, dtypes=("float64",), cpu_only=True),
    Check(COMPONENT, "no early stopping (patience None): the best epoch's weights are still kept", 1.5,
          "pipeline_runs.stopping", run_inputs(6805, stopping_config(None, 0.0, 4, 8), sizes=(32, 10, 6),
                                               script=[1.0, 0.5, 0.7, 0.8]),
          describe_path=describe, dtypes=("float64",), cpu_only=True),
    Check(COMPONENT, "resume after 2 of 5 epochs: AdamW, one-cycle, dropout, augmentation", 3,
          "pipeline_runs.resume", run_inputs(6806, {**ADAMW_ONECYCLE, "epochs": 5, "batch_size": 8, "max_shift": 1,
                                                    "jitter": 0.05}, sizes=(32, 10, 6), dropout=0.3,
                                             interrupt_epoch=2),
          describe_path=describe, compare=compare_resume, same_mistake=same_resume_mistake,
          dtypes=("float64",), cpu_only=True),
    Check(COMPONENT, "resume after 3 epochs in the middle of early stopping's patience: SGD in Lookahead", 2,
          "pipeline_runs.resume", run_inputs(6807, {**SGD_LOOKAHEAD, "epochs": 6, "batch_size": 16, "patience": 3,
                                                    "max_shift": 0, "jitter": 0.0}, sizes=(32, 10, 6), dropout=0.1,
                                             interrupt_epoch=3, script=[1.0, 0.6, 0.7, 0.75, 0.8, 0.5]),
          describe_path=describe, compare=compare_resume, same_mistake=same_resume_mistake,
          dtypes=("float64",), cpu_only=True),
    Check(COMPONENT, "your ResNet1d and train() on MNIST-1D, 4 epochs of batch 64: held-out accuracy", 6,
          "pipeline_runs.outcome", outcome_inputs(epochs=4, batch_size=64, seed=0), dtypes=("float32",),
          compare=compare_outcome, needs_reference=False, hints=False, slow=True, timeout=90.0),
]
