"""The a5_regularization reference against torch and against the contract in SPEC.md.

Dropout is checked by its properties (kept fraction within a binomial bound, scale, expectation, gradient,
edge cases), never mask for mask against torch: the order of random draws, and CPU vs CUDA streams,
legitimately differ. Penalties and max_norm_ are checked exactly; EarlyStopping on sequences that separate
min_delta, patience, both modes and the best-epoch bookkeeping; checkpoints by resuming a run bit for bit.
"""
import math
import os
import random

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from support import DEVICES, reference

reg = reference("a5_regularization", "regularization.py")
cb = reference("a5_regularization", "callbacks.py")

DTYPES = [torch.float64, torch.float32]


def binomial_ok(count, n, p_keep, sigmas=5.0):
    return abs(count - n * p_keep) <= sigmas * math.sqrt(n * p_keep * (1 - p_keep))


# ---------------------------------------------------------------------------------------------- dropout

@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("p", [0.05, 0.3, 0.5, 0.9])
def test_dropout_statistics(device, dtype, p):
    torch.manual_seed(0)
    x = (torch.rand(50_000, dtype=torch.float64) + 0.5).to(device=device, dtype=dtype)
    y = reg.dropout(x, p)
    assert y.device == x.device and y.dtype == x.dtype
    kept = y != 0
    assert binomial_ok(kept.sum().item(), x.numel(), 1 - p)
    torch.testing.assert_close(y[kept], x[kept] / (1 - p))
    # The expectation: E[y] = x. The mean of y/x is a mean of mask/(1-p), std sqrt(p/(1-p)/n).
    ratio = (y / x).double().mean().item()
    assert abs(ratio - 1) <= 5 * math.sqrt(p / (1 - p) / x.numel())


@pytest.mark.parametrize("device", DEVICES)
def test_dropout_matches_torch_statistics(device):
    """Same kept fraction and same kept value as F.dropout (not the same mask)."""
    torch.manual_seed(1)
    x = torch.ones(100_000, device=device, dtype=torch.float64)
    ours, theirs = reg.dropout(x, 0.4), F.dropout(x, 0.4)
    assert set(ours.unique().tolist()) == set(theirs.unique().tolist())
    assert abs((ours == 0).double().mean().item() - (theirs == 0).double().mean().item()) < 0.01


@pytest.mark.parametrize("device", DEVICES)
def test_dropout_gradient_is_mask_over_1_minus_p(device):
    torch.manual_seed(2)
    x = torch.rand(1000, device=device, dtype=torch.float64, requires_grad=True)
    y = reg.dropout(x, 0.25)
    weights = torch.randn(1000, device=device, dtype=torch.float64)
    (y * weights).sum().backward()
    torch.testing.assert_close(x.grad, (y != 0).double() / 0.75 * weights, rtol=1e-12, atol=0)


@pytest.mark.parametrize("device", DEVICES)
def test_dropout_edge_cases(device):
    x = torch.randn(100, device=device, requires_grad=True)
    assert reg.dropout(x, 0.5, training=False) is x
    assert reg.dropout(x, 0.0) is x
    y = reg.dropout(x, 1.0)
    assert torch.equal(y, torch.zeros_like(x)) and not y.isnan().any()
    y.sum().backward()
    assert torch.equal(x.grad, torch.zeros_like(x))
    for p in (-0.01, 1.01, float("nan")):
        with pytest.raises(ValueError):
            reg.dropout(x, p)
    empty = torch.empty(0, 3, device=device)
    assert reg.dropout(empty, 0.5).shape == (0, 3)


@pytest.mark.parametrize("device", DEVICES)
def test_dropout_module(device):
    torch.manual_seed(3)
    layer = reg.Dropout(0.5)
    x = torch.ones(4000, device=device)
    y1, y2 = layer(x), layer(x)
    assert not torch.equal(y1, y2), "a fresh mask every call"
    assert binomial_ok((y1 != 0).sum().item(), 4000, 0.5)
    layer.eval()
    assert layer(x) is x
    layer.train()
    z = x.clone()
    assert reg.Dropout(0.5, inplace=True)(z) is z and (z == 0).any()
    with pytest.raises(ValueError):
        reg.Dropout(-0.5)
    assert repr(reg.Dropout(0.2)) == "Dropout(p=0.2, inplace=False)" == repr(torch.nn.Dropout(0.2))


# ----------------------------------------------------------------------------------------- AlphaDropout

@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("p", [0.05, 0.2, 0.5, 0.8])
def test_alpha_dropout_keeps_mean_and_variance_like_torch(device, p):
    torch.manual_seed(4)
    x = torch.randn(400_000, device=device, dtype=torch.float64)
    ours, theirs = reg.AlphaDropout(p)(x), torch.nn.AlphaDropout(p)(x)
    for y in (ours, theirs):
        assert abs(y.mean().item()) < 0.015
        assert abs(y.var().item() - 1) < 0.015
    # The same two kinds of output values: a * x + b for kept units, a * alpha' + b for dropped ones.
    dropped_value = float(torch.nn.AlphaDropout(p)(torch.full((1000,), 1e6, dtype=torch.float64)).min())
    ours_dropped = (ours - dropped_value).abs() < 1e-9
    assert binomial_ok(ours_dropped.sum().item(), x.numel(), p)
    a = ((1 - p) * (1 + p * reg.SELU_ALPHA_PRIME**2)) ** -0.5
    torch.testing.assert_close(ours[~ours_dropped], a * x[~ours_dropped] + dropped_value - a * reg.SELU_ALPHA_PRIME)


def test_alpha_dropout_edge_cases_like_torch():
    x = torch.randn(50, dtype=torch.float64)
    layer = reg.AlphaDropout(0.5)
    layer.eval()
    assert layer(x) is x
    assert reg.AlphaDropout(0.0)(x) is x
    assert torch.equal(reg.AlphaDropout(1.0)(x), torch.nn.AlphaDropout(1.0)(x))
    assert math.isclose(reg.SELU_ALPHA_PRIME, -1.7580993408473766, rel_tol=1e-15)
    with pytest.raises(ValueError):
        reg.AlphaDropout(2.0)


# ------------------------------------------------------------------------------------------ penalties

@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", DTYPES)
def test_penalties_exact_with_gradients(device, dtype):
    model = torch.nn.Sequential(torch.nn.Linear(5, 7), torch.nn.Tanh(), torch.nn.Linear(7, 2))
    model.to(device=device, dtype=dtype)
    weights = [p.detach() for p in model.parameters()]
    for penalty, lam, value, grad in [
        (reg.l1_penalty, 0.3, lambda w: w.abs().sum(), lambda w: w.sign()),
        (reg.l2_penalty, 0.3, lambda w: 0.5 * (w * w).sum(), lambda w: w),
    ]:
        model.zero_grad()
        result = penalty(model.parameters(), lam)
        assert result.dim() == 0 and result.device.type == device and result.dtype == dtype
        expected = lam * sum(value(w) for w in weights)
        torch.testing.assert_close(result.detach(), expected, rtol=1e-12 if dtype == torch.float64 else 1e-6,
                                   atol=0)
        result.backward()
        for p, w in zip(model.parameters(), weights):
            torch.testing.assert_close(p.grad, lam * grad(w), rtol=1e-12, atol=0)
    assert float(reg.l2_penalty([], 1.0)) == 0.0 and float(reg.l1_penalty([], 1.0)) == 0.0
    with pytest.raises(ValueError):
        reg.l2_penalty(model.parameters(), -1.0)


def test_l2_penalty_gradient_is_weight_decay():
    """SGD on loss + l2_penalty(lam) takes the same step as torch's SGD(weight_decay=lam)."""
    torch.manual_seed(5)
    a = torch.nn.Linear(4, 3).double()
    b = torch.nn.Linear(4, 3).double()
    b.load_state_dict(a.state_dict())
    x = torch.randn(8, 4, dtype=torch.float64)
    opt_a = torch.optim.SGD(a.parameters(), lr=0.1)
    opt_b = torch.optim.SGD(b.parameters(), lr=0.1, weight_decay=0.01)
    (a(x).pow(2).mean() + reg.l2_penalty(a.parameters(), 0.01)).backward()
    b(x).pow(2).mean().backward()
    opt_a.step()
    opt_b.step()
    for pa, pb in zip(a.parameters(), b.parameters()):
        torch.testing.assert_close(pa, pb, rtol=1e-13, atol=1e-15)


# ------------------------------------------------------------------------------------------ max_norm_

@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(6, 4), (5, 3, 2), (4, 2, 3, 3)])
@pytest.mark.parametrize("limit", [0.0, 0.5, 1.5, 100.0])
def test_max_norm_matches_renorm(device, dtype, shape, limit):
    torch.manual_seed(6)
    weight = (torch.randn(shape, dtype=torch.float64) * torch.linspace(0.1, 2, shape[0]).reshape(-1, *[1] * (len(shape) - 1)))
    weight = weight.to(device=device, dtype=dtype)
    expected = torch.renorm(weight, 2, 0, limit)
    parameter = torch.nn.Parameter(weight.clone())
    result = reg.max_norm_(parameter, limit)
    assert result is parameter and parameter.grad_fn is None
    torch.testing.assert_close(parameter.detach(), expected, rtol=1e-13 if dtype == torch.float64 else 1e-6,
                               atol=0)


def test_max_norm_rejects_bad_arguments():
    with pytest.raises(ValueError):
        reg.max_norm_(torch.ones(3, 3), -1.0)
    with pytest.raises(ValueError):
        reg.max_norm_(torch.ones(3), 1.0)


# --------------------------------------------------------------------------------- mc_dropout_predict

def bn_dropout_model(dropout_layer, device):
    torch.manual_seed(7)
    model = torch.nn.Sequential(torch.nn.Linear(5, 32), torch.nn.BatchNorm1d(32), torch.nn.SELU(),
                                dropout_layer, torch.nn.Linear(32, 4)).to(device)
    with torch.no_grad():                      # non-trivial running statistics
        model[1].running_mean.uniform_(-1, 1)
        model[1].running_var.uniform_(0.5, 2)
    return model


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("make_dropout", [lambda: reg.Dropout(0.3), lambda: torch.nn.Dropout(0.3),
                                          lambda: reg.AlphaDropout(0.3), lambda: torch.nn.AlphaDropout(0.3)])
@pytest.mark.parametrize("mode", ["train", "eval", "mixed"])
def test_mc_dropout_predict(device, make_dropout, mode):
    model = bn_dropout_model(make_dropout(), device)
    if mode == "eval":
        model.eval()
    if mode == "mixed":                        # a frozen batch norm inside a model being trained
        model[1].eval()
    flags = [m.training for m in model.modules()]
    buffers = {name: b.clone() for name, b in model.named_buffers()}
    x = torch.randn(16, 5, device=device)
    torch.manual_seed(8)
    mean, std = reg.mc_dropout_predict(model, x, n_samples=50)
    assert [m.training for m in model.modules()] == flags
    for name, value in model.named_buffers():
        assert torch.equal(value, buffers[name]), f"{name} changed"
    assert not mean.requires_grad and not std.requires_grad
    assert mean.shape == std.shape == (16, 4) and mean.device.type == device
    assert (std > 0).all()

    # The same numbers by hand: batch norm in eval mode, dropout in train mode, sample std.
    model.eval()
    model[3].train()
    torch.manual_seed(8)
    with torch.no_grad():
        samples = torch.stack([model(x) for _ in range(50)])
    torch.testing.assert_close(mean, samples.mean(0))
    torch.testing.assert_close(std, samples.std(0, correction=1))


def test_mc_dropout_predict_restores_modes_when_the_model_raises():
    model = torch.nn.Sequential(torch.nn.Linear(3, 3), torch.nn.Dropout(0.5))
    model.eval()
    with pytest.raises(RuntimeError):
        reg.mc_dropout_predict(model, torch.randn(2, 4))      # wrong width
    assert not any(m.training for m in model.modules())
    with pytest.raises(ValueError):
        reg.mc_dropout_predict(model, torch.randn(2, 3), n_samples=1)


# -------------------------------------------------------------------------------------- EarlyStopping

@pytest.mark.parametrize("mode,sign", [("min", 1.0), ("max", -1.0)])
def test_early_stopping_sequences(mode, sign):
    # (metrics as losses, patience, min_delta, expected decisions, best index)
    cases = [
        ([1.0, 0.9, 0.95, 0.96, 0.97], 3, 0.0, [False] * 4 + [True], 1),
        ([5.0, 4.0, 4.0, 3.0, 3.0, 3.0, 3.0], 3, 0.0, [False] * 6 + [True], 3),   # the count restarts
        ([1.0, 0.75, 0.5, 0.5], 1, 0.25, [False, True, False, True], 2),          # strict min_delta
        ([1.0, 1.0, 1.0], 2, 0.0, [False, False, True], 0),                        # equal is no improvement
        ([3.0, 2.0, 1.0, 0.5], 1, 0.0, [False] * 4, 3),
    ]
    for metrics, patience, min_delta, decisions, best_index in cases:
        stopper = cb.EarlyStopping(patience=patience, min_delta=min_delta, mode=mode)
        assert stopper.best_epoch is None
        got = [stopper.step(sign * m) for m in metrics]
        assert got == decisions, (metrics, patience, min_delta, got)
        assert stopper.best_epoch == best_index and stopper.best == sign * metrics[best_index]


def test_early_stopping_accepts_tensors_and_validates():
    stopper = cb.EarlyStopping(patience=1)
    assert stopper.step(torch.tensor(0.5)) is False and stopper.best == 0.5
    for kwargs in ({"patience": 0}, {"min_delta": -0.1}, {"mode": "maximum"}):
        with pytest.raises(ValueError):
            cb.EarlyStopping(**kwargs)


@pytest.mark.parametrize("device", DEVICES)
def test_early_stopping_best_weights_are_a_copy(device):
    model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.BatchNorm1d(4)).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    stopper = cb.EarlyStopping(patience=3)
    stopper.step(1.0, model)
    best = {k: v.clone() for k, v in model.state_dict().items()}
    for metric in (2.0, 3.0):
        model(torch.randn(8, 3, device=device)).pow(2).sum().backward()   # updates running stats too
        optimizer.step()
        stopper.step(metric, model)
    for name, value in stopper.best_state.items():
        assert value.data_ptr() != model.state_dict()[name].data_ptr(), f"{name} is a view"
    stopper.restore(model)
    for name, value in model.state_dict().items():
        assert torch.equal(value, best[name]), name
    with pytest.raises(RuntimeError):
        cb.EarlyStopping(restore_best_weights=False).restore(model)


def test_early_stopping_without_restore_saves_nothing():
    stopper = cb.EarlyStopping(restore_best_weights=False)
    stopper.step(1.0, torch.nn.Linear(2, 2))
    assert stopper.best_state is None


# ---------------------------------------------------------------------------------------- checkpoints

def make_run(seed, optimizer_name, device):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(6, 32), torch.nn.ReLU(), torch.nn.Dropout(0.3),
                                torch.nn.Linear(32, 3)).to(device)
    if optimizer_name == "sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.5)
    return model, optimizer, scheduler


def train_epoch(model, optimizer, scheduler, x, y):
    """Draws from torch's global RNG (shuffle, dropout), NumPy (noise) and Python's random (noise scale)."""
    order = torch.randperm(len(x)).to(x.device)
    for start in range(0, len(x), 16):
        index = order[start:start + 16]
        noise = torch.from_numpy(np.random.normal(size=(len(index), 6))).float().to(x.device)
        loss = F.cross_entropy(model(x[index] + 0.1 * random.random() * noise), y[index])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def next_random_numbers(device):
    return (random.random(), float(np.random.rand()), torch.rand(3).tolist(),
            torch.rand(3, device=device).tolist(), random.gauss(0, 1), float(np.random.normal()))


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("optimizer_name", ["sgd", "adam"])
def test_resume_is_bit_for_bit(tmp_path, device, optimizer_name):
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(96, 6, generator=generator).to(device)
    y = torch.randint(0, 3, (96,), generator=generator).to(device)

    seed_all(0)
    model, optimizer, scheduler = make_run(0, optimizer_name, device)
    for _ in range(4):
        train_epoch(model, optimizer, scheduler, x, y)
    random.gauss(0, 1), np.random.normal()      # leave a cached Gaussian in both generators
    for _ in range(3):
        train_epoch(model, optimizer, scheduler, x, y)
    expected_next = next_random_numbers(device)

    seed_all(0)
    first, first_optimizer, first_scheduler = make_run(0, optimizer_name, device)
    for _ in range(4):
        train_epoch(first, first_optimizer, first_scheduler, x, y)
    random.gauss(0, 1), np.random.normal()
    path = tmp_path / "ckpt.pt"
    cb.save_checkpoint(path, first, first_optimizer, first_scheduler, epoch=4,
                       history=[1.0, 2.0], best=torch.tensor(0.5))
    torch.load(path, weights_only=True)        # must not raise
    assert os.listdir(tmp_path) == ["ckpt.pt"]

    seed_all(99)                                # "a new process": other weights, other random numbers
    resumed, resumed_optimizer, resumed_scheduler = make_run(99, optimizer_name, device)
    info = cb.load_checkpoint(path, resumed, resumed_optimizer, resumed_scheduler, map_location=device)
    assert info["epoch"] == 4 and info["history"] == [1.0, 2.0]
    assert torch.equal(info["best"].cpu(), torch.tensor(0.5))
    for _ in range(3):
        train_epoch(resumed, resumed_optimizer, resumed_scheduler, x, y)

    for name, value in model.state_dict().items():
        assert torch.equal(resumed.state_dict()[name], value), name
    assert resumed_scheduler.state_dict() == scheduler.state_dict()
    theirs, ours = optimizer.state_dict(), resumed_optimizer.state_dict()
    assert theirs["param_groups"] == ours["param_groups"]
    for index, state in theirs["state"].items():
        for key, value in state.items():
            # Compared on the CPU: map_location moves Adam's step counter to the GPU; its value is what counts.
            assert torch.equal(torch.as_tensor(ours["state"][index][key]).cpu(), torch.as_tensor(value).cpu()), key
    assert next_random_numbers(device) == expected_next


def test_load_checkpoint_without_optimizer_state_raises(tmp_path):
    model, optimizer, _ = make_run(0, "sgd", "cpu")
    cb.save_checkpoint(tmp_path / "c.pt", model)
    assert cb.load_checkpoint(tmp_path / "c.pt", model) == {"epoch": None}
    with pytest.raises(ValueError):
        cb.load_checkpoint(tmp_path / "c.pt", model, optimizer)


def half_write_then_fail(obj, file, *args, **kwargs):
    if hasattr(file, "write"):
        file.write(b"half a checkpoint")
    else:
        with open(file, "wb") as handle:
            handle.write(b"half a checkpoint")
    raise OSError("No space left on device")


def fail(*args, **kwargs):
    raise OSError("the machine lost power")


@pytest.mark.parametrize("target,replacement", [(torch, "save"), (os, "replace"), (os, "fsync")])
def test_crash_while_saving_keeps_the_previous_checkpoint(tmp_path, monkeypatch, target, replacement):
    model = torch.nn.Linear(3, 2)
    path = tmp_path / "ckpt.pt"
    cb.save_checkpoint(path, model, epoch=1)
    before = path.read_bytes()
    monkeypatch.setattr(target, replacement, half_write_then_fail if replacement == "save" else fail)
    with torch.no_grad():
        model.weight.add_(1.0)
    with pytest.raises(OSError):
        cb.save_checkpoint(path, model, epoch=2)
    monkeypatch.undo()
    assert os.listdir(tmp_path) == ["ckpt.pt"]
    assert path.read_bytes() == before
    assert cb.load_checkpoint(path, model)["epoch"] == 1


def test_save_checkpoint_accepts_str_paths_and_overwrites(tmp_path):
    model = torch.nn.Linear(3, 2)
    path = str(tmp_path / "ckpt.pt")
    cb.save_checkpoint(path, model, epoch=1)
    cb.save_checkpoint(path, model, epoch=2)
    assert cb.load_checkpoint(path, model)["epoch"] == 2
    assert os.listdir(tmp_path) == ["ckpt.pt"]
