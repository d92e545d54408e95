"""The a5_regularization mistake corpus is caught, and the alternative implementations pass.

Each corpus module is applied to a copy of the reference file it belongs to (autograder.corpus.source_with:
a mistake's CHANGES, or an alternative appended so that it replaces exactly one name); then the checks for
that component run on the result. A mistake must fail at least one check; an alternative (a correct
implementation written differently) must pass them all. The checks test behaviour only, with fixed seeds,
so they pass for any correct random draw order.
"""
import math
import os
import random
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from autograder.corpus import read_header, source_with
from support import ROOT, SOLUTIONS, load_module

ASSIGNMENT = "a5_regularization"
MISTAKES = sorted(path for path in (ROOT / "autograder" / "mistakes" / ASSIGNMENT).glob("*__*.py")
                  if path.name != "__init__.py")
ALTERNATIVES = sorted((ROOT / "tests" / "alternatives" / ASSIGNMENT).glob("*.py"))


def build(corpus_file: Path, tmp_path: Path):
    """The reference file with the corpus module applied, loaded as a fresh module; and the module's header."""
    header = read_header(corpus_file)  # COMPONENT and FILE, read without running the module
    reference_source = (SOLUTIONS / ASSIGNMENT / header["FILE"]).read_text()
    target = tmp_path / header["FILE"]
    target.write_text(source_with(reference_source, corpus_file))
    combined = load_module(target, f"combined_{ASSIGNMENT}_{corpus_file.stem}")
    return combined, header


def binomial_ok(count, n, p_keep, sigmas=5.0):
    return abs(count - n * p_keep) <= sigmas * math.sqrt(n * p_keep * (1 - p_keep))


# --------------------------------------------------------------------------------------------- checks

def check_dropout(m):
    torch.manual_seed(0)
    x = torch.rand(20_000, dtype=torch.float64) + 0.5
    for p in (0.2, 0.7):
        y = m.dropout(x, p)
        kept = y != 0
        assert binomial_ok(kept.sum().item(), x.numel(), 1 - p), "kept fraction"
        torch.testing.assert_close(y[kept], x[kept] / (1 - p))
    assert torch.equal(m.dropout(x, 0.5, training=False), x), "identity when not training"
    assert not torch.equal(m.dropout(x, 0.5), m.dropout(x, 0.5)), "fresh mask"
    leaf = x.clone().requires_grad_(True)
    y = m.dropout(leaf, 0.4)
    y.sum().backward()
    torch.testing.assert_close(leaf.grad, (y != 0).double() / 0.6)
    assert torch.equal(m.dropout(x, 1.0), torch.zeros_like(x))


def check_Dropout(m):
    torch.manual_seed(1)
    layer = m.Dropout(0.5)
    x = torch.ones(4000, dtype=torch.float64)
    y1, y2 = layer(x), layer(x)
    assert not torch.equal(y1, y2), "fresh mask every call"
    assert binomial_ok((y1 != 0).sum().item(), 4000, 0.5) and set(y1.unique().tolist()) <= {0.0, 2.0}
    layer.eval()
    assert torch.equal(layer(x), x), "identity in eval mode"
    z = torch.ones(1000, dtype=torch.float64)
    out = m.Dropout(0.5, inplace=True)(z)
    assert out is z and (z == 0).any(), "inplace"


def check_AlphaDropout(m):
    torch.manual_seed(2)
    x = torch.randn(200_000, dtype=torch.float64)
    for p in (0.1, 0.5):
        y = m.AlphaDropout(p)(x)
        assert abs(y.mean().item()) < 0.02 and abs(y.var().item() - 1) < 0.02, f"mean/var at p={p}"
    layer = m.AlphaDropout(0.5)
    layer.eval()
    assert torch.equal(layer(x), x)


def _params():
    torch.manual_seed(3)
    return [torch.randn(3, 4, dtype=torch.float64, requires_grad=True),
            torch.randn(4, dtype=torch.float64, requires_grad=True),
            torch.randn(2, 3, dtype=torch.float64, requires_grad=True)]


def _check_penalty(penalty_fn, value, gradient):
    params = _params()
    penalty = penalty_fn((w for w in params), 0.3)            # a generator, like model.parameters()
    assert isinstance(penalty, torch.Tensor) and penalty.dim() == 0
    torch.testing.assert_close(penalty.detach(), 0.3 * sum(value(w.detach()) for w in params))
    penalty.backward()
    for w in params:
        torch.testing.assert_close(w.grad, 0.3 * gradient(w.detach()))


def check_l1_penalty(m):
    _check_penalty(m.l1_penalty, lambda w: w.abs().sum(), torch.sign)


def check_l2_penalty(m):
    _check_penalty(m.l2_penalty, lambda w: 0.5 * w.pow(2).sum(), lambda w: w)


def check_max_norm_(m):
    torch.manual_seed(4)
    for shape in [(6, 5), (4, 3, 2)]:
        weight = torch.randn(shape, dtype=torch.float64)
        weight[0] *= 0.1                                       # some rows short, some long
        expected = torch.renorm(weight, 2, 0, 1.0)
        result = m.max_norm_(weight, 1.0)
        assert result is weight, "in place, returns weight"
        torch.testing.assert_close(weight, expected, rtol=1e-12, atol=0)


def _bn_model(m):
    torch.manual_seed(5)
    model = torch.nn.Sequential(torch.nn.Linear(5, 16), torch.nn.BatchNorm1d(16), torch.nn.ReLU(),
                                m.Dropout(0.3), torch.nn.Linear(16, 3))
    with torch.no_grad():
        model[1].running_mean.uniform_(-1, 1)
    return model


def check_mc_dropout_predict(m):
    x = torch.randn(8, 5, generator=torch.Generator().manual_seed(6))
    for mode in ("train", "eval", "mixed"):
        model = _bn_model(m)
        model.train(mode == "train" or mode == "mixed")
        if mode == "mixed":
            model[1].eval()
        flags = [module.training for module in model.modules()]
        buffers = {name: b.clone() for name, b in model.named_buffers()}
        torch.manual_seed(7)
        mean, std = m.mc_dropout_predict(model, x, n_samples=30)
        assert [module.training for module in model.modules()] == flags, f"modes restored ({mode})"
        assert all(torch.equal(b, buffers[n]) for n, b in model.named_buffers()), "running stats untouched"
        assert not mean.requires_grad and not std.requires_grad, "no gradients"
        model.eval()
        model[3].train()
        torch.manual_seed(7)
        with torch.no_grad():
            samples = torch.stack([model(x) for _ in range(30)])
        torch.testing.assert_close(mean, samples.mean(0))
        torch.testing.assert_close(std, samples.std(0, correction=1))


def check_EarlyStopping(m):
    cases = [
        ([1.0, 0.9, 0.95, 0.96, 0.97], 3, 0.0, [False] * 4 + [True], 1),
        ([5.0, 4.0, 4.0, 3.0, 3.0, 3.0, 3.0], 3, 0.0, [False] * 6 + [True], 3),
        ([1.0, 0.75, 0.5, 0.5], 1, 0.25, [False, True, False, True], 2),
    ]
    for mode, sign in (("min", 1.0), ("max", -1.0)):
        for metrics, patience, min_delta, decisions, best_index in cases:
            stopper = m.EarlyStopping(patience=patience, min_delta=min_delta, mode=mode)
            assert [stopper.step(sign * v) for v in metrics] == decisions, (metrics, mode)
            assert stopper.best_epoch == best_index and stopper.best == sign * metrics[best_index]
    model = torch.nn.Linear(3, 2)
    stopper = m.EarlyStopping(patience=3)
    stopper.step(1.0, model)
    best = [p.detach().clone() for p in model.parameters()]
    with torch.no_grad():
        for p in model.parameters():
            p.add_(1.0)
    stopper.step(2.0, model)
    stopper.restore(model)
    assert all(torch.equal(p.detach(), b) for p, b in zip(model.parameters(), best)), "best weights are a copy"


def _make_run(seed):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(6, 16), torch.nn.ReLU(), torch.nn.Dropout(0.3),
                                torch.nn.Linear(16, 3))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)
    return model, optimizer, scheduler


def _epoch(model, optimizer, scheduler, x, y):
    order = torch.randperm(len(x))
    for start in range(0, len(x), 16):
        index = order[start:start + 16]
        noise = torch.from_numpy(np.random.normal(size=(len(index), 6))).float()
        loss = F.cross_entropy(model(x[index] + 0.1 * random.random() * noise), y[index])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    scheduler.step()


def _seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def _fail_halfway(obj, file, *args, **kwargs):
    if hasattr(file, "write"):
        file.write(b"half a checkpoint")
    else:
        with open(file, "wb") as handle:
            handle.write(b"half a checkpoint")
    raise OSError("No space left on device")


def check_checkpoints(m, tmp_path):
    generator = torch.Generator().manual_seed(0)
    x, y = torch.randn(48, 6, generator=generator), torch.randint(0, 3, (48,), generator=generator)
    _seed_all(0)
    model, optimizer, scheduler = _make_run(0)
    for _ in range(4):
        _epoch(model, optimizer, scheduler, x, y)
    expected_next = (random.random(), float(np.random.rand()), torch.rand(2).tolist())

    _seed_all(0)
    first, first_optimizer, first_scheduler = _make_run(0)
    for _ in range(2):
        _epoch(first, first_optimizer, first_scheduler, x, y)
    path = tmp_path / "ckpt.pt"
    m.save_checkpoint(path, first, first_optimizer, first_scheduler, epoch=2, note="halfway")
    torch.load(path, weights_only=True)
    _seed_all(1)
    resumed, resumed_optimizer, resumed_scheduler = _make_run(1)
    info = m.load_checkpoint(path, resumed, resumed_optimizer, resumed_scheduler)
    assert info == {"epoch": 2, "note": "halfway"}
    for _ in range(2):
        _epoch(resumed, resumed_optimizer, resumed_scheduler, x, y)
    for name, value in model.state_dict().items():
        assert torch.equal(resumed.state_dict()[name], value), name
    assert resumed_scheduler.state_dict() == scheduler.state_dict()
    assert (random.random(), float(np.random.rand()), torch.rand(2).tolist()) == expected_next

    crash_folder = tmp_path / "crash"
    crash_folder.mkdir()
    path = crash_folder / "ckpt.pt"
    m.save_checkpoint(path, model, epoch=1)
    real_save = torch.save
    torch.save = _fail_halfway
    try:
        try:
            m.save_checkpoint(path, model, epoch=2)
        except OSError:
            pass
    finally:
        torch.save = real_save
    assert os.listdir(crash_folder) == ["ckpt.pt"], "no stray files"
    assert m.load_checkpoint(path, model)["epoch"] == 1, "the previous checkpoint survives a crash"


CHECKS = {
    "dropout": check_dropout, "Dropout": check_Dropout, "AlphaDropout": check_AlphaDropout,
    "l1_penalty": check_l1_penalty, "l2_penalty": check_l2_penalty, "max_norm_": check_max_norm_,
    "mc_dropout_predict": check_mc_dropout_predict, "EarlyStopping": check_EarlyStopping,
    "save_checkpoint": check_checkpoints, "load_checkpoint": check_checkpoints,
}


def run_check(module, component, tmp_path):
    check = CHECKS[component]
    if check is check_checkpoints:
        check(module, tmp_path)
    else:
        check(module)


# ---------------------------------------------------------------------------------------------- tests

def test_the_reference_passes_every_check(tmp_path):
    for index, component in enumerate(CHECKS):
        file = "callbacks.py" if component in ("EarlyStopping", "save_checkpoint", "load_checkpoint") \
            else "regularization.py"
        module = load_module(SOLUTIONS / ASSIGNMENT / file, f"reference_corpus_{ASSIGNMENT}_{file[:-3]}")
        folder = tmp_path / str(index)
        folder.mkdir()
        run_check(module, component, folder)


@pytest.mark.parametrize("corpus_file", MISTAKES, ids=lambda path: path.stem)
def test_mistake_is_caught(corpus_file, tmp_path):
    combined, header = build(corpus_file, tmp_path)
    with pytest.raises(Exception):
        run_check(combined, header["COMPONENT"], tmp_path)


@pytest.mark.parametrize("corpus_file", ALTERNATIVES, ids=lambda path: path.stem)
def test_alternative_passes(corpus_file, tmp_path):
    combined, header = build(corpus_file, tmp_path)
    run_check(combined, header["COMPONENT"], tmp_path)
