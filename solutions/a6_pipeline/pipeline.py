"""The training pipeline: your a1–a5 components in one loop that trains a ResNet1d on MNIST-1D, fast.

    splits = trainkit.data.load_splits()                  # 3500 train / 500 validation / 1000 test
    model = ResNet1d()
    history = train(model, splits, TrainConfig(), checkpoint_dir="runs/first")
    print(final_report(model, splits, history))           # the one and only look at the test set

Every decision inside ``train`` (which epoch was best, when to stop) is made on the validation split;
``final_report`` is the only function that touches the test split. What each field of ``TrainConfig``
does, and why its default is what it is, is in the handout (section 1).
"""
from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass

import torch

from augment import gaussian_jitter, random_shift
from components import (SGD, AdamW, EarlyStopping, Lookahead, OneCycleLR, WarmupCosineLR, clip_grad_norm_,
                        load_checkpoint, save_checkpoint)
from trainkit.data import Splits, batches
from trainkit.seeding import seed_everything

EVAL_BATCH_SIZE = 500           # evaluation builds no graph: large batches are cheap
LAST_CHECKPOINT = "last.pt"     # written after every epoch: everything needed to resume
BEST_CHECKPOINT = "best.pt"     # written when the validation loss improves: the best model so far


@dataclass
class TrainConfig:
    """Everything ``train`` needs to know besides the model and the data (handout section 1)."""

    epochs: int = 6                   # passes over the training split (fewer if early stopping stops)
    batch_size: int = 64
    optimizer: str = "adamw"          # "adamw" (your a2 AdamW) or "sgd" (your a2 SGD, Nesterov momentum)
    lr: float = 2e-2                  # the peak learning rate: OneCycle's max_lr, WarmupCosine's top
    momentum: float = 0.9             # SGD only
    weight_decay: float = 5e-2        # on weights only: see parameter_groups
    lookahead: bool = False           # wrap the optimizer in your a2 Lookahead(k=5, alpha=0.5)
    schedule: str = "onecycle"        # "onecycle", "warmup_cosine" or "constant"; stepped after every batch
    warmup: float = 0.3               # fraction of all steps spent warming up (OneCycle's pct_start)
    clip_norm: float | None = 1.0     # clip_grad_norm_ before every step; None: no clipping
    label_smoothing: float = 0.1
    max_shift: int = 0                # augmentation: random_shift of training batches (0: off)
    jitter: float = 0.0               # augmentation: gaussian_jitter std on training batches (0: off)
    patience: int | None = None       # early stopping on the validation loss; None: never stop early
    min_delta: float = 0.0
    seed: int = 0                     # batch order, augmentation and dropout

    def __post_init__(self):
        if not (isinstance(self.epochs, int) and self.epochs >= 1):
            raise ValueError(f"epochs must be an int >= 1, got {self.epochs!r}")
        if not (isinstance(self.batch_size, int) and self.batch_size >= 1):
            raise ValueError(f"batch_size must be an int >= 1, got {self.batch_size!r}")
        if self.optimizer not in ("adamw", "sgd"):
            raise ValueError(f'optimizer must be "adamw" or "sgd", got {self.optimizer!r}')
        if self.schedule not in ("onecycle", "warmup_cosine", "constant"):
            raise ValueError(f'schedule must be "onecycle", "warmup_cosine" or "constant", got {self.schedule!r}')
        if not (self.lr > 0 and self.weight_decay >= 0 and 0 <= self.warmup < 1):
            raise ValueError("need lr > 0, weight_decay >= 0 and 0 <= warmup < 1")
        if self.clip_norm is not None and not self.clip_norm > 0:
            raise ValueError(f"clip_norm must be positive or None, got {self.clip_norm!r}")
        if not 0 <= self.label_smoothing <= 1:
            raise ValueError(f"label_smoothing must be in [0, 1], got {self.label_smoothing!r}")
        if not (isinstance(self.max_shift, int) and self.max_shift >= 0 and self.jitter >= 0):
            raise ValueError("max_shift must be an int >= 0 and jitter >= 0")
        if self.patience is not None and not (isinstance(self.patience, int) and self.patience >= 1):
            raise ValueError(f"patience must be an int >= 1 or None, got {self.patience!r}")


def label_smoothing_cross_entropy(logits: torch.Tensor, target: torch.Tensor,
                                  smoothing: float = 0.0) -> torch.Tensor:
    r"""Cross-entropy against smoothed labels; mirrors ``F.cross_entropy(logits, target, label_smoothing=ε)``.

    For logits :math:`z \in \mathbb{R}^{N \times C}` and class indices :math:`y`, the target distribution
    puts :math:`1 - ε` on the true class and spreads ε *evenly over all C classes* (the true one too):
    :math:`q_c = (1 - ε)\,[c = y] + ε / C`. With :math:`\log p = \operatorname{log\_softmax}(z)`,

    .. math:: \ell_n = -\sum_c q_c \log p_c = (1 - ε)\,(-\log p_{y_n}) + ε \cdot \frac{1}{C}\sum_c (-\log p_c),
              \qquad \text{loss} = \frac{1}{N} \sum_n \ell_n

    ε = 0 is the plain cross-entropy. Compute :math:`\log p` with ``log_softmax`` (a log-sum-exp that is
    exact for logits in the thousands), never as ``log(softmax(z))``, which gives ``-inf`` there.
    """
    if logits.dim() != 2 or target.shape != logits.shape[:1]:
        raise ValueError(f"expected logits [N, C] and target [N], got {tuple(logits.shape)} and {tuple(target.shape)}")
    if not 0.0 <= smoothing <= 1.0:
        raise ValueError(f"smoothing must be in [0, 1], got {smoothing!r}")
    ### BEGIN SOLUTION  Task 6.5 - handout section 5 "Label smoothing"
    log_p = logits.log_softmax(dim=-1)
    true_class = -log_p.gather(-1, target[:, None]).squeeze(-1)    # -log p_y
    uniform = -log_p.mean(dim=-1)                                  # (1/C) Σ_c -log p_c
    return ((1.0 - smoothing) * true_class + smoothing * uniform).mean()
    ### END SOLUTION


def parameter_groups(model: torch.nn.Module, weight_decay: float) -> list[dict]:
    """Two parameter groups for an optimizer: decay on weights, none on biases and normalization parameters.

        [{"params": [every weight matrix and convolution kernel], "weight_decay": weight_decay},
         {"params": [every bias, batch-norm γ and β, ...],        "weight_decay": 0.0}]

    Rule: a parameter with more than one dimension is a weight; a 1-D parameter (a bias, a norm layer's
    scale or shift, a PReLU slope) is not. Decaying a batch-norm γ towards 0 does not make the function
    simpler (the next layer's scale does not care), it only fights the normalization; a bias has nothing
    to regularize. Parameters with ``requires_grad=False`` (frozen) are left out; a group that would be
    empty is left out too. Every trainable parameter is in exactly one group, in ``model``'s order.
    """
    ### BEGIN SOLUTION  Task 6.6 - handout section 4 "Weight decay on weights only"
    decay, no_decay = [], []
    for p in model.parameters():
        if p.requires_grad:
            (decay if p.dim() > 1 else no_decay).append(p)
    groups = [{"params": decay, "weight_decay": weight_decay}, {"params": no_decay, "weight_decay": 0.0}]
    return [group for group in groups if group["params"]]
    ### END SOLUTION


def evaluate(model: torch.nn.Module, batches) -> tuple[float, float]:
    """``(mean_loss, accuracy)`` of ``model`` over every ``(x, y)`` in ``batches``, as Python floats.

    mean_loss: the plain cross-entropy (no smoothing) averaged over *examples*, not over batches (a
    smaller last batch must count less); accuracy: the fraction of examples whose largest logit is the
    true class. Runs in eval mode (dropout off, batch norm on its running statistics, which stay as they
    are) under ``torch.no_grad()`` (no graph: evaluation needs no gradients), and puts the model back in
    the mode it was in, even if a batch raises. ValueError if ``batches`` is empty.
    """
    ### BEGIN SOLUTION  Task 6.7 - handout section 6 "Evaluation"
    was_training = model.training
    model.eval()
    loss_sum, correct, count = 0.0, 0, 0
    try:
        with torch.no_grad():
            for x, y in batches:
                logits = model(x)
                loss_sum += label_smoothing_cross_entropy(logits, y).item() * len(y)
                correct += (logits.argmax(dim=-1) == y).sum().item()
                count += len(y)
    finally:
        model.train(was_training)
    if count == 0:
        raise ValueError("evaluate got no batches")
    return loss_sum / count, correct / count
    ### END SOLUTION


def build_optimizer(model: torch.nn.Module, config: TrainConfig) -> torch.optim.Optimizer:
    """Your a2 AdamW (or SGD with Nesterov momentum) over ``parameter_groups``, optionally in Lookahead."""
    groups = parameter_groups(model, config.weight_decay)
    if config.optimizer == "adamw":
        optimizer = AdamW(groups, lr=config.lr)
    else:
        optimizer = SGD(groups, lr=config.lr, momentum=config.momentum, nesterov=True)
    return Lookahead(optimizer, k=5, alpha=0.5) if config.lookahead else optimizer


def build_scheduler(optimizer: torch.optim.Optimizer, config: TrainConfig, total_steps: int):
    """Your a3 OneCycleLR or WarmupCosineLR over ``total_steps`` optimizer steps; None for "constant"."""
    if config.schedule == "onecycle":
        return OneCycleLR(optimizer, max_lr=config.lr, total_steps=total_steps, pct_start=config.warmup)
    if config.schedule == "warmup_cosine":
        return WarmupCosineLR(optimizer, warmup_steps=round(config.warmup * total_steps), total_steps=total_steps)
    return None


def augment(x: torch.Tensor, config: TrainConfig, generator: torch.Generator) -> torch.Tensor:
    """The configured augmentations of one training batch (the identity when both are off)."""
    if config.max_shift > 0:
        x = random_shift(x, config.max_shift, generator)
    if config.jitter > 0:
        x = gaussian_jitter(x, config.jitter, generator)
    return x


def train_epoch(model, optimizer, scheduler, data: Splits, config: TrainConfig,
                generator: torch.Generator) -> tuple[float, int]:
    """One pass over ``data.train`` in a fresh order; returns (mean training loss, examples seen).

    Per batch, in this order: augment the inputs, zero the gradients, forward, the smoothed loss,
    backward, clip the gradient norm (if ``config.clip_norm``), ``optimizer.step()``, then
    ``scheduler.step()`` (if any): the schedule counts optimizer steps, so it moves once per *batch*.
    The batch order and the augmentations come from ``generator``; the mean loss is weighted by batch size.
    """
    ### BEGIN SOLUTION  Task 6.8 - handout section 7 "The training loop"
    model.train()
    loss_sum, seen = 0.0, 0
    for x, y in batches(data.train.x, data.train.y, config.batch_size, generator=generator):
        x = augment(x, config, generator)
        optimizer.zero_grad()
        loss = label_smoothing_cross_entropy(model(x), y, config.label_smoothing)
        loss.backward()
        if config.clip_norm is not None:
            clip_grad_norm_(model.parameters(), config.clip_norm)
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        loss_sum += loss.item() * len(y)
        seen += len(y)
    return loss_sum / seen, seen
    ### END SOLUTION


def train(model: torch.nn.Module, data: Splits, config: TrainConfig, checkpoint_dir=None,
          resume: bool = False) -> dict:
    """Train ``model`` on ``data.train``, validating on ``data.val`` after every epoch; return the history.

    Set-up: ``seed_everything(config.seed)`` (dropout draws from the global generators), a
    ``torch.Generator`` on the model's device seeded with ``config.seed`` (batch order, augmentation),
    ``build_optimizer``, ``build_scheduler`` over ``epochs x batches per epoch`` steps, and your
    ``EarlyStopping(patience, min_delta)`` on the validation loss (with ``patience=None``: one that never
    stops, ``patience = epochs + 1``, still keeping the best weights).

    After every epoch: ``evaluate`` on ``data.val``; append to the history; ``stopper.step(val_loss,
    model)``; with a ``checkpoint_dir``: save ``best.pt`` (``save_checkpoint(path, model, epoch=...,
    val_loss=..., val_accuracy=...)``) when this epoch is the best so far, then ``last.pt`` with the
    optimizer, the scheduler and, as extras, ``history``, ``generator`` (its ``get_state()``) and
    ``stopper`` (``vars(stopper)``); stop if the stopper says so. At the end, ``stopper.restore(model)``:
    the model holds the best epoch's weights.

    ``resume=True`` with a ``last.pt`` in ``checkpoint_dir`` continues after the epoch it holds, bit for
    bit as if the run had never stopped (on the CPU): model, optimizer, scheduler, every generator, the
    history and the stopper come back. Without a ``last.pt`` the run starts afresh.

    Returns ``history``: per epoch, lists ``"epoch"``, ``"train_loss"``, ``"val_loss"``,
    ``"val_accuracy"``, ``"lr"`` (the first group's rate after the epoch's last step), ``"seconds"``
    (wall time of the epoch) and ``"examples"`` (example-gradients so far, a running total); and
    ``"best_epoch"``, the epoch whose weights the model holds.
    """
    device = next(model.parameters()).device
    data = data.to(device)
    total_steps = config.epochs * math.ceil(len(data.train) / config.batch_size)
    ### BEGIN SOLUTION  Task 6.9 - handout section 8 "Early stopping, checkpoints, resuming"
    seed_everything(config.seed)
    generator = torch.Generator(device=device).manual_seed(config.seed)
    optimizer = build_optimizer(model, config)
    scheduler = build_scheduler(optimizer, config, total_steps)
    stopper = EarlyStopping(patience=config.patience or config.epochs + 1, min_delta=config.min_delta)
    history = {key: [] for key in ("epoch", "train_loss", "val_loss", "val_accuracy", "lr", "seconds", "examples")}
    first_epoch = 0
    if checkpoint_dir is not None:
        os.makedirs(checkpoint_dir, exist_ok=True)
        last_path = os.path.join(checkpoint_dir, LAST_CHECKPOINT)
        best_path = os.path.join(checkpoint_dir, BEST_CHECKPOINT)
        if resume and os.path.exists(last_path):
            saved = load_checkpoint(last_path, model, optimizer, scheduler, map_location=device)
            history = saved["history"]
            generator.set_state(saved["generator"].cpu())
            vars(stopper).update(saved["stopper"])
            first_epoch = saved["epoch"] + 1

    for epoch in range(first_epoch, config.epochs):
        start = time.perf_counter()
        train_loss, seen = train_epoch(model, optimizer, scheduler, data, config, generator)
        val_loss, val_accuracy = evaluate(model, batches(data.val.x, data.val.y, EVAL_BATCH_SIZE, shuffle=False))
        history["epoch"].append(epoch)
        history["train_loss"].append(train_loss)
        history["val_loss"].append(val_loss)
        history["val_accuracy"].append(val_accuracy)
        history["lr"].append(optimizer.param_groups[0]["lr"])
        history["seconds"].append(time.perf_counter() - start)
        history["examples"].append((history["examples"][-1] if history["examples"] else 0) + seen)
        stop = stopper.step(val_loss, model)
        if checkpoint_dir is not None:
            if stopper.best_epoch == epoch:
                save_checkpoint(best_path, model, epoch=epoch, val_loss=val_loss, val_accuracy=val_accuracy)
            save_checkpoint(last_path, model, optimizer, scheduler, epoch=epoch, history=history,
                            generator=generator.get_state(), stopper=vars(stopper))
        if stop:
            break
    stopper.restore(model)
    history["best_epoch"] = stopper.best_epoch
    return history
    ### END SOLUTION


def final_report(model: torch.nn.Module, data: Splits, history: dict) -> dict:
    """The one look at the test split, after every decision is made, and what the result cost.

    Returns test loss and accuracy, the best epoch and the number of epochs run, the training time in
    seconds (validation included) and the example-gradients spent (examples x epochs: a measure of
    compute that does not depend on the machine), and accuracy per unit of each.
    """
    device = next(model.parameters()).device
    test = data.test.to(device)
    test_loss, test_accuracy = evaluate(model, batches(test.x, test.y, EVAL_BATCH_SIZE, shuffle=False))
    seconds, examples = sum(history["seconds"]), history["examples"][-1]
    return {"test_loss": test_loss, "test_accuracy": test_accuracy, "best_epoch": history["best_epoch"],
            "epochs_run": len(history["epoch"]), "train_seconds": seconds, "example_gradients": examples,
            "accuracy_per_second": test_accuracy / seconds, "accuracy_per_million_examples": test_accuracy / examples * 1e6}
