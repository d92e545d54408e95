"""Probes that run a6's whole ``train`` on a watched tiny model (watch.py) and report what it did, as facts.

A fact is a plain value the reference's run and the student's must share: a count, a yes/no, a list of learning
rates. They are written so that any correct loop gets the reference's facts, however it is written.

    process       one run: the per-batch order, the schedule, clipping, validation discipline, weight decay
    stopping      a scripted validation curve: the epoch early stopping stops at, the weights kept, best.pt
    resume        a run interrupted midway and resumed from last.pt in a fresh model: the same run, bit for bit
    outcome       the student's own ResNet1d on MNIST-1D for a fixed budget: the accuracy on held-out signals

The training data is plain tensors from the grader; trainkit's Splits is built here, as a student would.
"""
from __future__ import annotations

import importlib
import os
import random
import shutil
import tempfile
import time

import numpy as np
import torch

from trainkit.data import Split, Splits

from .watch import Preempted, Puppet, Watch

PROBES = {"process", "stopping", "resume", "outcome"}


def _splits(train_x, train_y, val_x, val_y, test_x, test_y) -> Splits:
    return Splits(Split(train_x, train_y), Split(val_x, val_y), Split(test_x, test_y))


def _steps_per_epoch(n: int, batch_size: int) -> int:
    return -(-n // batch_size)


def _run(module, state, data, config, dropout=0.0, script=None, interrupt_at_step=None, checkpoint_dir=None,
         resume=False, first_step=0):
    """(history, or "preempted" when the watch stopped it; the watch; the model) of one train() call on a
    watched Puppet."""
    model = Puppet(state, dropout)
    model.script = script
    steps = _steps_per_epoch(len(data.train), config["batch_size"])
    watch = Watch(model, {"train": (data.train.x, data.train.y), "val": (data.val.x, data.val.y),
                          "test": (data.test.x, data.test.y)}, steps, interrupt_at_step, first_step)
    try:
        history = module.train(model, data, module.TrainConfig(**config), checkpoint_dir=checkpoint_dir,
                               resume=resume)
    except Preempted:
        history = "preempted"
    finally:
        watch.close()
    return history, watch, model


def _by_epoch(watch: Watch) -> list[list[dict]]:
    """The events of each epoch e = 0, 1, ...: its training (steps e*S to (e+1)*S - 1) and the evaluation
    after it (forwards without autograd once (e+1)*S steps are done). Anything before the first step that is
    not training (a look at the untrained model) belongs to no epoch."""
    epochs: dict[int, list[dict]] = {}
    for event in watch.events:
        evaluation = event["kind"] == "forward" and not event["grad"]
        epoch = (event["step"] - (1 if evaluation else 0)) // watch.steps_per_epoch
        if epoch >= 0:
            epochs.setdefault(epoch, []).append(event)
    return [epochs[k] for k in sorted(epochs)]


def _rows(events: list[dict], split: str, grad: bool | None = None) -> list[int]:
    """The indices of `split`'s rows the forwards among `events` saw, in order (only with or without autograd)."""
    return [i for e in events if e["kind"] == "forward" and e["split"] == split
            and (grad is None or e["grad"] == grad) for i in e["index"]]


def _history_facts(history) -> dict | str:
    """What every correct run's history shares with the reference's: its keys and their lengths, the epochs,
    the example counts and the learning rates (losses depend on the student's own random draws)."""
    if not isinstance(history, dict):
        return f"train() returned {type(history).__name__}, not the history dict"
    keys = ("epoch", "train_loss", "val_loss", "val_accuracy", "lr", "seconds", "examples")
    lengths = {key: len(history[key]) if isinstance(history.get(key), list) else "missing" for key in keys}
    return {"lengths": lengths, "epoch": history.get("epoch"), "examples": history.get("examples"),
            "lr": history.get("lr"), "has_best_epoch": isinstance(history.get("best_epoch"), int)}


def process(module, state, train_x, train_y, val_x, val_y, test_x, test_y, config, dropout=0.0):
    """Facts about one run: the per-batch order, the schedule, clipping, validation discipline, weight decay."""
    data = _splits(train_x, train_y, val_x, val_y, test_x, test_y)
    history, watch, model = _run(module, state, data, config, dropout)   # the Puppet copies `state`
    forwards = [e for e in watch.events if e["kind"] == "forward"]
    steps = [e for e in watch.events if e["kind"] == "step"]
    learning = [e for e in forwards if e["grad"]]                    # forwards that build a graph
    evaluations = [e for e in forwards if not e["grad"]]
    validations = [e for e in forwards if e["split"] == "val"]
    augmented = config.get("max_shift", 0) > 0 or config.get("jitter", 0) > 0

    # between two optimizer steps: one forward with autograd, then the backward (every parameter's hook)
    between, current = [], []
    for e in watch.events:
        if e["kind"] == "step":
            between.append(current)
            current = []
        elif e["kind"] == "forward" and e["grad"]:
            current.append("forward")
        elif e["kind"] == "backward" and current[-1:] != ["backward"]:
            current.append("backward")
    clip = config.get("clip_norm")
    clipped_right = bool(steps) and all(
        s["parallel"] and s["factors"] and all(
            abs(f - (1.0 if clip is None else min(1.0, clip / (s["incoming_norm"] + 1e-6)))) <= 1e-6
            for f in s["factors"].values()) for s in steps)
    epochs = _by_epoch(watch)
    after = model.state_dict()
    facts = {
        "optimizer_steps": len(steps),
        "one_forward_then_backward_per_step": bool(steps) and all(b == ["forward", "backward"] for b in between),
        "gradients_zeroed_before_backward": not any(e["kind"] == "backward" and e["stale"] for e in watch.events),
        "gradient_at_each_step_is_this_batchs_clipped": clipped_right,
        "learning_rates": [s["lr"] for s in steps],
        "forwards_with_autograd_in_train_mode": bool(learning) and all(e["training"] for e in learning),
        "validation_in_eval_mode": bool(validations) and all(not e["training"] for e in validations),
        "validation_without_autograd": bool(validations) and all(not e["grad"] for e in validations),
        "validation_sees_every_example_once_per_epoch": [sorted(_rows(ev, "val")) == list(range(len(data.val)))
                                                         for ev in epochs],
        "test_split_never_used": not any(e["split"] == "test" for e in forwards),
        "weight_decay_by_parameter": watch.decay or {},
        "frozen_and_unused_parameters_untouched": all(torch.equal(after[k], state[k]) for k in ("frozen", "unused")),
    }
    if augmented:
        facts["training_batches_augmented"] = bool(learning) and all(e["split"] is None for e in learning)
        facts["evaluation_inputs_not_augmented"] = all(e["split"] is not None for e in evaluations)
    else:
        orders = [_rows(ev, "train", grad=True) for ev in epochs]
        facts["each_epoch_sees_every_training_example_once"] = [sorted(o) == list(range(len(data.train)))
                                                                for o in orders]
        facts["a_new_order_every_epoch"] = len(orders) > 1 and all(a != b for a, b in zip(orders, orders[1:]))
        if config["batch_size"] >= len(data.train) and dropout == 0:
            # one full batch: the first gradient is the same whatever order the examples came in
            facts["first_gradient"] = {name: g for name, g in sorted(watch.first_incoming.items())}
    facts["history"] = _history_facts(history)
    return facts


def _without_times(history):
    """The whole history but its wall times (the same run twice takes different times)."""
    if not isinstance(history, dict):
        return f"train() returned {type(history).__name__}, not the history dict"
    return {key: value for key, value in history.items() if key != "seconds"}


def _same_weights(weights, snapshot) -> bool:
    return isinstance(weights, dict) and all(
        isinstance(weights.get(n), torch.Tensor) and torch.equal(weights[n].to(v.device), v)
        for n, v in snapshot["params"].items())


def stopping(module, state, train_x, train_y, val_x, val_y, test_x, test_y, config, script):
    """A scripted validation curve (Puppet.script): when did the run stop, which weights did it keep, and what
    do best.pt and last.pt hold?"""
    data = _splits(train_x, train_y, val_x, val_y, test_x, test_y)
    folder = tempfile.mkdtemp()
    try:
        history, watch, model = _run(module, state, data, config, script=script, checkpoint_dir=folder)
        snapshots = watch.snapshots     # the weights each epoch was validated with
        facts = {"epochs_validated": len(snapshots), "history": _history_facts(history)}
        if isinstance(history, dict):
            facts["val_loss"] = history.get("val_loss")
            facts["best_epoch"] = history.get("best_epoch")
        best = int(np.argmin(script[:len(snapshots)])) if snapshots else None
        facts["final_weights_are_the_best_epochs"] = best is not None and _same_weights(model.state_dict(),
                                                                                         snapshots[best])
        for name in ("best.pt", "last.pt"):
            path = os.path.join(folder, name)
            if not os.path.exists(path):
                facts[name] = "missing"
                continue
            try:
                checkpoint = torch.load(path, weights_only=True, map_location=train_x.device)
            except Exception as exc:  # noqa: BLE001 - what went wrong is the fact
                facts[name] = f"unreadable with torch.load(weights_only=True) ({type(exc).__name__})"
                continue
            epoch = checkpoint.get("epoch") if isinstance(checkpoint, dict) else None
            facts[name] = {"epoch": epoch if isinstance(epoch, int) else repr(epoch),
                           "weights_are_that_epochs": isinstance(epoch, int) and 0 <= epoch < len(snapshots)
                           and _same_weights(checkpoint.get("model"), snapshots[epoch])}
        return facts
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _scramble_generators(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def resume(module, state, other_state, train_x, train_y, val_x, val_y, test_x, test_y, config, dropout,
           interrupt_epoch, script=None):
    """The uninterrupted run; then the same run stopped before epoch `interrupt_epoch` (a Preempted raised from
    the model's forward) and resumed with resume=True in a fresh model with other weights, after other seeds
    for the global generators. Both runs' histories (without times) and final weights."""
    data = _splits(train_x, train_y, val_x, val_y, test_x, test_y)
    per_epoch = _steps_per_epoch(len(data.train), config["batch_size"])
    runs = {}
    for name in ("uninterrupted", "resumed"):
        folder = tempfile.mkdtemp()
        try:
            _scramble_generators(11)
            if name == "uninterrupted":
                history, _, model = _run(module, state, data, config, dropout, script, checkpoint_dir=folder)
            else:
                stopped, _, _ = _run(module, state, data, config, dropout, script,
                                     interrupt_at_step=interrupt_epoch * per_epoch, checkpoint_dir=folder)
                runs["interrupted"] = stopped == "preempted"
                _scramble_generators(12)
                history, _, model = _run(module, other_state, data, config, dropout, script, checkpoint_dir=folder,
                                         resume=True, first_step=interrupt_epoch * per_epoch)
            runs[name] = {"history": _without_times(history),
                          "weights": {k: v.clone() for k, v in model.state_dict().items()}}
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return runs


def outcome(module, train_x, train_y, val_x, val_y, test_x, test_y, epochs, batch_size, seed):
    """The student's ResNet1d() and train() with their own TrainConfig defaults, but this many epochs of this
    batch size; then the accuracy on signals train() never saw, measured here: train() gets NaN signals in
    place of the test split (so nothing can be learnt from them, and using them shows), the accuracy is taken
    on the real ones. Also the validation accuracy and how long training took."""
    held_out = Split(torch.full_like(test_x, float("nan")), test_y)
    data = Splits(Split(train_x, train_y), Split(val_x, val_y), held_out)
    model_module = importlib.import_module("model")   # the student's model.py (the reference's in the grader)
    torch.manual_seed(seed)
    model = model_module.ResNet1d().to(device=train_x.device, dtype=train_x.dtype)
    start = time.perf_counter()
    module.train(model, data, module.TrainConfig(epochs=epochs, batch_size=batch_size, seed=seed))
    seconds = time.perf_counter() - start
    model.eval()
    with torch.no_grad():
        accuracy = {name: float((model(x).argmax(dim=-1) == y).double().mean())
                    for name, x, y in (("held_out", test_x, test_y), ("validation", val_x, val_y))}
    return {"held_out_accuracy": accuracy["held_out"], "val_accuracy": accuracy["validation"], "seconds": seconds}
