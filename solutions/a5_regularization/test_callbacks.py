"""Public checks for callbacks.py. Run one component with e.g. `pytest -m earlystopping` in this folder."""
import os
import random

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from callbacks import EarlyStopping, load_checkpoint, save_checkpoint


def run_steps(stopper, metrics):
    """step() through metrics; the list of what step() returned."""
    return [stopper.step(metric) for metric in metrics]


# ------------------------------------------------------------------------------------- EarlyStopping

@pytest.mark.earlystopping
def test_early_stopping_waits_patience_steps():
    stopper = EarlyStopping(patience=3)
    assert run_steps(stopper, [1.0, 0.9, 0.95, 0.96, 0.97]) == [False, False, False, False, True], (
        "patience=3: stop on the 3rd step in a row that did not improve on the best (0.9), not before")
    assert stopper.best == 0.9
    assert stopper.best_epoch == 1, "best_epoch is the 0-based index of the step() call that set best"


@pytest.mark.earlystopping
def test_early_stopping_resets_the_count_on_improvement():
    stopper = EarlyStopping(patience=3)
    decisions = run_steps(stopper, [5, 4, 4, 3, 3, 3, 3])
    assert decisions == [False] * 6 + [True], (
        "an improvement (the 3 at step 3) restarts the count of bad steps from 0; got " + str(decisions))
    assert stopper.best_epoch == 3


@pytest.mark.earlystopping
def test_early_stopping_min_delta_is_strict():
    stopper = EarlyStopping(patience=1, min_delta=0.25)
    assert stopper.step(1.0) is False
    assert stopper.step(0.75) is True, (
        "1.0 -> 0.75 improves by exactly min_delta=0.25, which is NOT more than min_delta: no improvement")
    stopper = EarlyStopping(patience=1, min_delta=0.25)
    assert run_steps(stopper, [1.0, 0.5]) == [False, False], "1.0 -> 0.5 beats 1.0 by more than 0.25"
    assert stopper.best == 0.5


@pytest.mark.earlystopping
def test_early_stopping_mode_max():
    stopper = EarlyStopping(patience=2, mode="max", min_delta=0.01)
    decisions = run_steps(stopper, [0.5, 0.7, 0.705, 0.72, 0.715, 0.69])
    assert decisions == [False] * 5 + [True], (
        'mode="max": higher is better, an improvement must exceed best + min_delta; got ' + str(decisions))
    assert stopper.best == 0.72 and stopper.best_epoch == 3


@pytest.mark.earlystopping
def test_early_stopping_keeps_a_copy_of_the_best_weights():
    model = torch.nn.Linear(3, 2)
    stopper = EarlyStopping(patience=2)
    stopper.step(1.0, model)
    best = [p.detach().clone() for p in model.parameters()]
    with torch.no_grad():                  # what optimizer.step() does: change the weights in place
        for p in model.parameters():
            p.add_(1.0)
    stopper.step(2.0, model)               # worse: the best weights must not change
    stopper.restore(model)
    for p, expected in zip(model.parameters(), best):
        assert torch.equal(p.detach(), expected), (
            "restore() did not bring back the best weights: model.state_dict() returns tensors that SHARE "
            "memory with the parameters, so store a copy (copy.deepcopy) or in-place updates change it too")


# --------------------------------------------------------------------------------------- checkpoints

def make_run(seed):
    """A tiny model with dropout, SGD with momentum and a StepLR schedule, initialised from seed."""
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(6, 16), torch.nn.ReLU(), torch.nn.Dropout(0.3),
                                torch.nn.Linear(16, 3))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)
    return model, optimizer, scheduler


def train_one_epoch(model, optimizer, scheduler, x, y):
    """One epoch that draws from every generator: torch (shuffle, dropout), NumPy and Python (noise)."""
    order = torch.randperm(len(x))
    noise_scale = 0.1 * random.random()
    for start in range(0, len(x), 16):
        index = order[start:start + 16]
        noise = torch.from_numpy(np.random.normal(size=(len(index), 6))).float()
        loss = F.cross_entropy(model(x[index] + noise_scale * noise), y[index])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    scheduler.step()


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


@pytest.fixture
def data():
    generator = torch.Generator().manual_seed(0)
    return torch.randn(64, 6, generator=generator), torch.randint(0, 3, (64,), generator=generator)


@pytest.mark.save_checkpoint
@pytest.mark.load_checkpoint
def test_a_resumed_run_is_the_uninterrupted_run(tmp_path, data):
    x, y = data
    seed_all(0)
    uninterrupted, uninterrupted_optimizer, uninterrupted_scheduler = make_run(0)
    for _ in range(4):
        train_one_epoch(uninterrupted, uninterrupted_optimizer, uninterrupted_scheduler, x, y)
    expected_next = (random.random(), np.random.rand(), torch.rand(1))

    seed_all(0)
    model, optimizer, scheduler = make_run(0)
    for _ in range(2):
        train_one_epoch(model, optimizer, scheduler, x, y)
    save_checkpoint(tmp_path / "ckpt.pt", model, optimizer, scheduler, epoch=2, note="halfway")

    seed_all(123)                                   # a new process: other weights, other random numbers
    resumed, resumed_optimizer, resumed_scheduler = make_run(123)
    info = load_checkpoint(tmp_path / "ckpt.pt", resumed, resumed_optimizer, resumed_scheduler)
    assert info == {"epoch": 2, "note": "halfway"}, "load_checkpoint returns {'epoch': ..., **extra}"
    for _ in range(2):
        train_one_epoch(resumed, resumed_optimizer, resumed_scheduler, x, y)

    assert resumed_scheduler.get_last_lr() == uninterrupted_scheduler.get_last_lr(), (
        "the learning rate differs: the scheduler's state was not saved or not restored")
    for name, value in uninterrupted.state_dict().items():
        assert torch.equal(resumed.state_dict()[name], value), (
            f"after resuming, {name} differs from the uninterrupted run. A checkpoint needs the model, the "
            f"optimizer (momentum buffers), the scheduler AND every random number generator's state "
            f"(Python, NumPy, torch CPU and CUDA): dropout masks and shuffling depend on them")
    assert (random.random(), np.random.rand(), torch.rand(1)) == expected_next, (
        "the random number generators do not continue where the uninterrupted run's did")


@pytest.mark.save_checkpoint
def test_checkpoint_loads_with_weights_only(tmp_path, data):
    model, optimizer, scheduler = make_run(0)
    train_one_epoch(model, optimizer, scheduler, *data)
    save_checkpoint(tmp_path / "ckpt.pt", model, optimizer, scheduler, epoch=1, best_loss=0.5)
    try:
        torch.load(tmp_path / "ckpt.pt", weights_only=True)
    except Exception as error:
        pytest.fail(f"torch.load(path, weights_only=True) refused the checkpoint ({error}). Store only "
                    f"tensors and plain Python values: e.g. NumPy's RNG state holds a NumPy array, "
                    f"store its pieces (the array as a tensor)")


def broken_torch_save(obj, file, *args, **kwargs):
    """Write half a file, then fail, like a full disk or a killed process."""
    if hasattr(file, "write"):
        file.write(b"half a checkpoint")
    else:
        with open(file, "wb") as handle:
            handle.write(b"half a checkpoint")
    raise OSError("No space left on device")


@pytest.mark.save_checkpoint
def test_a_crash_while_saving_keeps_the_old_checkpoint(tmp_path, monkeypatch):
    model = torch.nn.Linear(3, 2)
    path = tmp_path / "ckpt.pt"
    save_checkpoint(path, model, epoch=1)
    monkeypatch.setattr(torch, "save", broken_torch_save)
    with pytest.raises(OSError):
        save_checkpoint(path, model, epoch=2)
    monkeypatch.undo()
    assert os.listdir(tmp_path) == ["ckpt.pt"], (
        f"left behind: {sorted(os.listdir(tmp_path))}. On failure remove the temporary file and re-raise")
    assert load_checkpoint(path, model)["epoch"] == 1, (
        "the crash damaged the previous checkpoint: write to a temporary file in the same folder, "
        "flush + os.fsync, then os.replace it over the old one")
