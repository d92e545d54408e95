"""Training: one short, flat loop for classification, and the evaluation it reports.

Deliberately plain (in the spirit of nanoGPT's ``train.py``): every step is visible, in the order it
happens, so students can compare it line by line with the loop they write in the final assignment.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F

from trainkit.data import MNIST1D, batches


def evaluate(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """Mean cross-entropy loss and accuracy (a fraction in [0, 1]) of ``model`` on ``(x, y)``.

    Runs in eval mode (dropout off, batch norm uses its running statistics) without building a
    graph, then puts the model back in the mode it was in.
    """
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            logits = model(x)
            loss = F.cross_entropy(logits, y).item()
            accuracy = (logits.argmax(dim=1) == y).float().mean().item()
    finally:
        model.train(was_training)
    return loss, accuracy


def train(model: torch.nn.Module, optimizer: torch.optim.Optimizer, data: MNIST1D, epochs: int,
          batch_size: int = 128, scheduler=None, device="cpu", clip_norm: float | None = None,
          seed: int = 0) -> dict[str, list[float]]:
    """Train ``model`` on ``data`` with cross-entropy for ``epochs`` epochs and return its history.

    Each step: forward, loss, ``zero_grad``, ``backward``, optional ``clip_grad_norm_(clip_norm)``,
    ``optimizer.step()``, then ``scheduler.step()`` (so schedules count optimizer steps, not epochs).
    A scheduler that needs a metric (``ReduceLROnPlateau``) is the caller's to step.

    Returns a dict of lists:
      - ``"step_loss"``: the minibatch loss of every step,
      - ``"train_loss"``: per epoch, the mean minibatch loss over that epoch (weighted by batch size),
      - ``"test_loss"``, ``"test_acc"``: per epoch, ``evaluate`` on the test split after that epoch.

    Deterministic for a given ``seed`` and initial model: the batch order comes from a private
    ``torch.Generator`` seeded with ``seed``, and any randomness inside the model (dropout) from the
    global generator, seeded with ``seed`` for the duration of the call and restored afterwards.
    """
    model.to(device)                  # moves parameters in place: the optimizer still holds them
    data = data.to(device)
    shuffle_generator = torch.Generator().manual_seed(seed)
    history = {"step_loss": [], "train_loss": [], "test_loss": [], "test_acc": []}

    # fork_rng saves the global RNG states and restores them on exit, so seeding here for dropout
    # does not change the random numbers the caller draws after training.
    with torch.random.fork_rng(devices=list(range(torch.cuda.device_count()))):
        torch.manual_seed(seed)
        for epoch in range(epochs):
            model.train()
            loss_sum, seen = 0.0, 0
            for xb, yb in batches(data.x_train, data.y_train, batch_size, generator=shuffle_generator):
                loss = F.cross_entropy(model(xb), yb)
                optimizer.zero_grad()
                loss.backward()
                if clip_norm is not None:
                    torch.nn.utils.clip_grad_norm_(model.parameters(), clip_norm)
                optimizer.step()
                if scheduler is not None:
                    scheduler.step()
                history["step_loss"].append(loss.item())
                loss_sum += loss.item() * len(yb)
                seen += len(yb)
            test_loss, test_acc = evaluate(model, data.x_test, data.y_test)
            history["train_loss"].append(loss_sum / seen)
            history["test_loss"].append(test_loss)
            history["test_acc"].append(test_acc)
    return history
