"""Public checks for pipeline.py. Run one component with e.g. `pytest -m train` in this folder.

The training checks use a tiny MLP on random signals, so they take seconds; your a2 AdamW, a3 OneCycleLR, a4
clip_grad_norm_ and a5 EarlyStopping / checkpoints run inside them (components.py), so finish those first.
"""
import math
import os

import pytest
import torch
import torch.nn.functional as F
from torch.optim.optimizer import register_optimizer_step_pre_hook

from pipeline import TrainConfig, evaluate, label_smoothing_cross_entropy, parameter_groups, train
from trainkit.data import Split, Splits


# ------------------------------------------------------------------------- label_smoothing_cross_entropy

@pytest.mark.label_smoothing_cross_entropy
@pytest.mark.parametrize("smoothing", [0.0, 0.1, 0.5, 1.0])
def test_label_smoothing_matches_torch_value_and_gradient(smoothing):
    g = torch.Generator().manual_seed(0)
    logits = torch.randn(9, 5, generator=g, dtype=torch.float64, requires_grad=True)
    target = torch.randint(0, 5, (9,), generator=g)
    ours = label_smoothing_cross_entropy(logits, target, smoothing)
    theirs = F.cross_entropy(logits, target, label_smoothing=smoothing)
    torch.testing.assert_close(ours, theirs, msg=f"smoothing={smoothing}: q = (1 - ε)·onehot(y) + ε/C over ALL "
                                                 "C classes, and the mean over the batch")
    (ours_grad,) = torch.autograd.grad(ours, logits)
    (theirs_grad,) = torch.autograd.grad(theirs, logits)
    torch.testing.assert_close(ours_grad, theirs_grad)


@pytest.mark.label_smoothing_cross_entropy
def test_label_smoothing_is_stable_for_huge_logits():
    logits = torch.tensor([[2000.0, 0.0, -2000.0], [0.0, 3000.0, 1.0]], dtype=torch.float64)
    loss = label_smoothing_cross_entropy(logits, torch.tensor([0, 2]), 0.1)
    assert torch.isfinite(loss), "log(softmax(z)) is -inf when softmax underflows to 0: use log_softmax"
    torch.testing.assert_close(loss, F.cross_entropy(logits, torch.tensor([0, 2]), label_smoothing=0.1))


# ------------------------------------------------------------------------------------- parameter_groups

@pytest.mark.parameter_groups
def test_parameter_groups_decay_weights_only():
    model = torch.nn.Sequential(torch.nn.Linear(4, 6), torch.nn.BatchNorm1d(6), torch.nn.ReLU(),
                                torch.nn.Linear(6, 3))
    model[0].bias.requires_grad_(False)            # a frozen parameter: in no group
    groups = parameter_groups(model, 0.05)
    decay = {id(p): g["weight_decay"] for g in groups for p in g["params"]}
    assert decay.get(id(model[0].weight)) == 0.05 and decay.get(id(model[3].weight)) == 0.05, "weights decay"
    for name in ("1.weight", "1.bias", "3.bias"):
        assert decay.get(id(model.get_parameter(name))) == 0.0, f"{name} is 1-D: weight_decay 0"
    assert id(model[0].bias) not in decay, "requires_grad=False parameters are left out"
    assert sum(len(g["params"]) for g in groups) == 5, "every trainable parameter exactly once"


# --------------------------------------------------------------------------------------------- evaluate

@pytest.mark.evaluate
def test_evaluate_weights_examples_restores_the_mode_and_builds_no_graph():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.Dropout(0.5))
    seen = []
    model.register_forward_pre_hook(lambda m, args: seen.append((m.training, torch.is_grad_enabled())))
    x, y = torch.randn(10, 4), torch.randint(0, 3, (10,))
    loss, accuracy = evaluate(model, [(x[:8], y[:8]), (x[8:], y[8:])])
    assert seen == [(False, False)] * 2, "evaluate: model.eval() and torch.no_grad() for every batch"
    assert model.training, "put the model back in the mode it was in"
    model.eval()
    with torch.no_grad():
        logits = model(x)
    assert isinstance(loss, float) and isinstance(accuracy, float), "return Python floats (.item())"
    assert loss == pytest.approx(F.cross_entropy(logits, y).item(), rel=1e-6), (
        "the mean over all 10 examples, not the mean of the two batch means (8 and 2 examples)")
    assert accuracy == pytest.approx((logits.argmax(1) == y).float().mean().item())


# ------------------------------------------------------------------------------------------------ train

def tiny_splits(seed=0, n_train=40, n_val=12, n_test=12):
    g = torch.Generator().manual_seed(seed)
    make = lambda n: Split(torch.randn(n, 10, generator=g), torch.randint(0, 3, (n,), generator=g))  # noqa: E731
    return Splits(make(n_train), make(n_val), make(n_test))


def tiny_model(seed=0):
    torch.manual_seed(seed)
    return torch.nn.Sequential(torch.nn.Linear(10, 16), torch.nn.ReLU(), torch.nn.Dropout(0.2), torch.nn.Linear(16, 3))


CONFIG = dict(epochs=4, batch_size=16, lr=0.05, clip_norm=1.0, label_smoothing=0.1, max_shift=1, jitter=0.05)


@pytest.mark.train
def test_train_returns_the_history_and_never_touches_the_test_split():
    data = tiny_splits()
    data.test.x.fill_(float("nan"))                 # any forward on the test split would show
    model = tiny_model()
    model.register_forward_pre_hook(lambda m, args: None if not torch.isnan(args[0]).any() else
                                    pytest.fail("train() ran the model on the test split: only final_report may"))
    history = train(model, data, TrainConfig(**CONFIG))
    for key in ("epoch", "train_loss", "val_loss", "val_accuracy", "lr", "seconds", "examples"):
        assert len(history[key]) == 4, f"history[{key!r}] has one entry per epoch"
    assert history["examples"] == [40, 80, 120, 160], "a running total of examples trained on"
    assert history["val_loss"][history["best_epoch"]] == min(history["val_loss"])


@pytest.mark.train
def test_train_steps_the_schedule_once_per_batch():
    rates = []
    handle = register_optimizer_step_pre_hook(lambda opt, args, kwargs: rates.append(opt.param_groups[0]["lr"]))
    try:
        train(tiny_model(), tiny_splits(), TrainConfig(**{**CONFIG, "lookahead": False}))
    finally:
        handle.remove()
    assert len(rates) == 4 * math.ceil(40 / 16), "one optimizer step per batch"
    probe = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.05)
    schedule = torch.optim.lr_scheduler.OneCycleLR(probe, max_lr=0.05, total_steps=len(rates), pct_start=0.3)
    expected = []
    for _ in rates:
        expected.append(probe.param_groups[0]["lr"])
        probe.step()
        schedule.step()
    assert rates == pytest.approx(expected), ("the rate at every step should follow OneCycleLR over all "
                                              "epochs x batches steps: scheduler.step() after every optimizer.step()")


class Stop(BaseException):
    pass


@pytest.mark.train
def test_train_resumes_exactly_and_keeps_the_best_checkpoint(tmp_path):
    full = train(tiny_model(), tiny_splits(), TrainConfig(**CONFIG), checkpoint_dir=tmp_path / "full")
    model = tiny_model()
    calls = {"n": 0}

    def stop_in_epoch_3(module, args):
        calls["n"] += module.training and torch.is_grad_enabled()
        if calls["n"] > 2 * 3:                       # 3 batches per epoch: the first batch of epoch 2
            raise Stop()
    handle = model.register_forward_pre_hook(stop_in_epoch_3)
    with pytest.raises(Stop):
        train(model, tiny_splits(), TrainConfig(**CONFIG), checkpoint_dir=tmp_path / "cut")
    handle.remove()
    resumed = train(tiny_model(seed=1), tiny_splits(), TrainConfig(**CONFIG), checkpoint_dir=tmp_path / "cut",
                    resume=True)
    for key in ("epoch", "train_loss", "val_loss", "lr", "examples"):
        assert resumed[key] == full[key], (f"history[{key!r}] of the resumed run differs from the uninterrupted "
                                           "run: restore the model, optimizer, scheduler, every generator and "
                                           "the history from last.pt")
    best = torch.load(os.path.join(tmp_path, "full", "best.pt"), weights_only=True)
    assert best["epoch"] == full["best_epoch"], "best.pt holds the best epoch"
