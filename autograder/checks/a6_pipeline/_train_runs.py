"""The inputs of a6's train checks (tiny watched runs, worker/probes/pipeline_runs.py) and how their results
are judged and worded.

Every run trains the probe's Puppet (worker/probes/watch.py: Linear 12 -> 8, a scale-and-shift, ReLU, dropout,
Linear 8 -> 3, a frozen and an unused parameter) on random signals of length 12 in three classes, with the
student's own TrainConfig; the fields given here are the scenario, the rest are the student's defaults.
"""
from __future__ import annotations

import math

import torch

from ...feedback import Mismatch, compare_outputs

LENGTH, HIDDEN, CLASSES = 12, 8, 3

# What each fact means, for the feedback: "<this>: expected True, got False".
FACTS = {
    "optimizer_steps": "the number of optimizer steps (epochs x batches per epoch; the last batch may be smaller)",
    "one_forward_then_backward_per_step": "between two optimizer steps, exactly one forward (with autograd) and "
        "then one backward: per batch zero_grad, forward, loss, backward, (clip), step",
    "gradients_zeroed_before_backward": "before every backward the gradients are zero or None (zero_grad once "
        "per batch, before loss.backward(); otherwise each step uses the sum of all earlier batches' gradients)",
    "gradient_at_each_step_is_this_batchs_clipped": "at every optimizer step each .grad is this batch's "
        "gradient, scaled by clip_grad_norm_'s coefficient when clip_norm is set (clip after backward and before "
        "step; zero_grad after backward or clipping before it leaves the step the wrong gradient)",
    "learning_rates": "the learning rate of each parameter group at each optimizer step (the scheduler steps "
        "once per batch, after optimizer.step())",
    "forwards_with_autograd_in_train_mode": "every training forward runs in train mode (call model.train() at "
        "the start of each epoch: evaluate put the model in eval mode)",
    "validation_in_eval_mode": "every forward on the validation split runs in eval mode",
    "validation_without_autograd": "every forward on the validation split runs without autograd (torch.no_grad())",
    "validation_sees_every_example_once_per_epoch": "after each epoch, the validation split is evaluated, every "
        "example once (and not augmented)",
    "test_split_never_used": "train() never runs the model on the test split (only final_report does)",
    "weight_decay_by_parameter": "the weight decay the optimizer gives each parameter (build it from "
        "parameter_groups: decay on weights only, none on biases and 1-D parameters; frozen ones left out)",
    "frozen_and_unused_parameters_untouched": "a frozen parameter (requires_grad=False) and one without a "
        "gradient are exactly as they were",
    "training_batches_augmented": "every training batch is augmented (random_shift, gaussian_jitter)",
    "evaluation_inputs_not_augmented": "inputs evaluated without autograd are real signals, never augmented",
    "each_epoch_sees_every_training_example_once": "each epoch trains on every training example exactly once",
    "a_new_order_every_epoch": "each epoch visits the training examples in a new order (a fresh shuffle)",
    "first_gradient": "the gradient of the first batch (the label-smoothed loss, config.label_smoothing)",
    "history": "the history train() returns",
    "epochs_validated": "the number of epochs run (with the validation curve given, early stopping stops after "
        "`patience` epochs in a row without an improvement of more than min_delta)",
    "val_loss": "history['val_loss'] (the plain cross-entropy on the validation split, example-weighted)",
    "best_epoch": "history['best_epoch']",
    "final_weights_are_the_best_epochs": "the model train() returns holds the best epoch's weights "
        "(stopper.restore(model) at the end)",
    "best.pt": "best.pt in checkpoint_dir (the best epoch's model)",
    "last.pt": "last.pt in checkpoint_dir (the last epoch run)",
}


def describe(path: tuple) -> str:
    if not path:
        return "the result"
    text = FACTS.get(path[0], str(path[0]))
    rest = "".join(f"[{p!r}]" for p in path[1:])
    return f"{text}{' ' + rest if rest else ''}"


def _state(g: torch.Generator) -> dict:
    return {"hidden.weight": torch.randn(HIDDEN, LENGTH, generator=g, dtype=torch.float64) / math.sqrt(LENGTH),
            "hidden.bias": torch.randn(HIDDEN, generator=g, dtype=torch.float64) / 4,
            "norm.weight": 1 + torch.randn(HIDDEN, generator=g, dtype=torch.float64) / 4,
            "norm.bias": torch.randn(HIDDEN, generator=g, dtype=torch.float64) / 4,
            "out.weight": torch.randn(CLASSES, HIDDEN, generator=g, dtype=torch.float64) / math.sqrt(HIDDEN),
            "out.bias": torch.zeros(CLASSES, dtype=torch.float64),
            "frozen": torch.randn(2, 2, generator=g, dtype=torch.float64) / 100,
            "unused": torch.randn(3, generator=g, dtype=torch.float64)}


def run_inputs(seed: int, config: dict, sizes=(48, 20, 10), dropout: float = 0.0, **extra):
    """make_inputs for a run: Puppet weights (and other weights, for a resumed run), random train/val/test
    signals of `sizes`, the scenario's TrainConfig fields, and probe extras (script, interrupt_epoch)."""
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        inputs = {"state": _state(g), "config": dict(config)}
        for split, n in zip(("train", "val", "test"), sizes):
            inputs[f"{split}_x"] = torch.randn(n, LENGTH, generator=g, dtype=torch.float64)
            inputs[f"{split}_y"] = torch.randint(0, CLASSES, (n,), generator=g)
        if "interrupt_epoch" in extra:             # a resumed run starts from other weights
            inputs["other_state"] = _state(g)
        if dropout or "interrupt_epoch" in extra:  # the stopping probe takes no dropout
            inputs["dropout"] = dropout
        inputs.update(extra)
        return inputs
    return make_inputs


# -- a run interrupted and resumed ------------------------------------------------------------------------

# The order in which a resumed run's history is compared with the uninterrupted one: the first thing that
# differs points to its cause (a rate: the scheduler; a loss with the same rates: a generator; ...).
HISTORY_ORDER = ("epoch", "lr", "train_loss", "val_loss", "val_accuracy", "examples", "best_epoch")


def _first_difference(a, b, path=()):
    """The path of the first place two plain structures differ (exactly: tensors bit for bit), or None.
    A history's keys are visited in HISTORY_ORDER."""
    if isinstance(a, dict) and isinstance(b, dict):
        keys = sorted(a, key=lambda k: HISTORY_ORDER.index(k) if k in HISTORY_ORDER else len(HISTORY_ORDER))
        for key in keys:
            if key not in b:
                return path + (key,)
            found = _first_difference(a[key], b[key], path + (key,))
            if found is not None:
                return found
        return None if set(a) == set(b) else path
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            found = _first_difference(x, y, path + (i,))
            if found is not None:
                return found
        return None if len(a) == len(b) else path + (min(len(a), len(b)),)
    tensors = [getattr(v, "tensor", v) for v in (a, b)]
    if all(isinstance(t, torch.Tensor) for t in tensors):
        same = tensors[0].shape == tensors[1].shape and torch.equal(tensors[0].cpu(), tensors[1].cpu())
        return None if same else path
    return None if a == b and type(a) is type(b) else path


CAUSES = {
    "epoch": "the resumed run's epochs are not the uninterrupted run's: it must continue with the epoch after the "
             "one last.pt holds, and return the whole history, the epochs before the interruption included "
             "(save the history in last.pt and load it back)",
    "lr": "the learning rates after resuming differ: the scheduler's state (and the optimizer's) must come back "
          "from last.pt",
    "train_loss": "the rates match but the training losses after resuming differ: the batch order and "
                  "augmentation come from your torch.Generator, whose get_state() must be saved and "
                  "set_state() restored (save_checkpoint restores only the global generators), and dropout "
                  "from the global generators",
    "val_loss": "the training matched but the validation losses differ: look at what the resumed model is "
                "evaluated with",
    "best_epoch": "every epoch matched but early stopping decided differently: the stopper's state (best, "
                  "best_epoch, the count of bad epochs, the best weights) must be saved and restored",
}


def resume_diagnosis(path: tuple) -> str:
    """What the first difference between the resumed and the uninterrupted run points to."""
    if path[:1] == ("history",) and len(path) >= 2:
        where = f"history[{path[1]!r}]" + "".join(f"[{p!r}]" for p in path[2:])
        return f"{where} differs: " + CAUSES.get(path[1], "look at what that entry depends on")
    return ("the final weights differ although the history matched: the best weights kept by the stopper "
            "(its best_state) must come back too")


def same_resume_mistake(mistake, got) -> bool:
    """For hints: the mistake's resumed run leaves its own uninterrupted run at the same place as the student's."""
    paths = []
    for record in (mistake, got):
        if not isinstance(record, dict) or not all(k in record for k in ("uninterrupted", "resumed")):
            return False
        paths.append(_first_difference(record["uninterrupted"], record["resumed"]))
    return paths[0] is not None and paths[0] == paths[1]


def compare_resume(expected, got, dtype, expected_device=None) -> Mismatch | None:
    """The resumed run equals the student's own uninterrupted run bit for bit, and that run has the shape of
    the reference's (the same epochs). Each side is compared with itself: numbers depend on the student's own
    a2/a3 components and random draws."""
    if not isinstance(got, dict) or not all(k in got for k in ("uninterrupted", "resumed", "interrupted")):
        return Mismatch((), f"expected the probe's record, got {type(got).__name__}")
    if got["interrupted"] is not True:
        return Mismatch(("interrupted",), "train() went on after the grader stopped it with an exception from the "
                                          "model (do not catch BaseException in the training loop)")
    shape = compare_outputs(expected["uninterrupted"]["history"].get("epoch"),
                            got["uninterrupted"]["history"].get("epoch") if isinstance(
                                got["uninterrupted"]["history"], dict) else None, dtype)
    if shape is not None:
        return Mismatch(("uninterrupted", "history", "epoch"),
                        f"the uninterrupted run's history['epoch']: {shape.message}")
    where = _first_difference(got["uninterrupted"], got["resumed"])
    if where is not None:
        return Mismatch(("resumed",) + where, "the run resumed from last.pt is not the uninterrupted run: "
                                              + resume_diagnosis(where))
    return None


# -- the outcome: the student's own network on MNIST-1D ------------------------------------------------------

FULL_MARKS_AT, NO_MARKS_BELOW = 0.94, 0.70


def compare_outcome(expected, got, dtype, expected_device=None) -> Mismatch | None:
    """Full marks from FULL_MARKS_AT accuracy on the held-out signals, linear partial credit down to
    NO_MARKS_BELOW. (Held out: train() only ever gets NaN in their place, so a loop that trains on its
    validation split cannot inflate this number.)"""
    if not isinstance(got, dict) or not isinstance(got.get("held_out_accuracy"), float):
        return Mismatch((), "no accuracy came back")
    accuracy = got["held_out_accuracy"]
    if accuracy >= FULL_MARKS_AT:
        return None
    credit = max(0.0, (accuracy - NO_MARKS_BELOW) / (FULL_MARKS_AT - NO_MARKS_BELOW))
    return Mismatch(("held_out_accuracy",),
                    f"accuracy {accuracy:.3f} on 1000 held-out signals after the fixed budget (validation "
                    f"accuracy {got.get('val_accuracy', float('nan')):.3f}; full marks from {FULL_MARKS_AT:.2f}, "
                    f"none below {NO_MARKS_BELOW:.2f}; the reference reaches about 0.98): look at the public checks "
                    "of your model and pipeline, and at the curves your handout draws", credit=credit)
