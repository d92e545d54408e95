"""Tests of the shared package trainkit (lib/trainkit/).

Everything runs in a few seconds on one CPU thread, apart from one MNIST-1D generation (module fixture).
"""
import inspect
import io
import random
import subprocess
import sys
import time
import zipfile

import numpy as np
import pytest
import torch
from matplotlib.figure import Figure   # a bare Figure draws with Agg; pyplot is never needed

from trainkit import data, devices, models, plotting, problems, seeding, training

SAMPLES = 1000   # small, so the one generation in this file takes well under a second


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("trainkit_cache")


@pytest.fixture(scope="module")
def mnist(cache_dir):
    """The one MNIST-1D generation of this file; later loads from cache_dir are cache hits."""
    return data.load_mnist1d(seed=3, num_samples=SAMPLES, cache_dir=cache_dir)


@pytest.fixture
def small_mnist(mnist):
    """A 512-sample training subset: enough for two quick epochs that clearly lower the loss."""
    return data.MNIST1D(mnist.x_train[:512], mnist.y_train[:512], mnist.x_test, mnist.y_test)


def count_generations(monkeypatch):
    """Replace data._generate with a wrapper that counts cache misses."""
    calls = []
    real_generate = data._generate

    def counting_generate(seed, num_samples):
        calls.append((seed, num_samples))
        return real_generate(seed, num_samples)

    monkeypatch.setattr(data, "_generate", counting_generate)
    return calls


# ---------------------------------------------------------------- package

def test_importing_trainkit_loads_neither_matplotlib_nor_mnist1d():
    code = ("import sys, trainkit, trainkit.seeding, trainkit.devices, trainkit.data, trainkit.problems, "
            "trainkit.models, trainkit.training, trainkit.plotting; "
            "print(sorted(m for m in ('matplotlib', 'mnist1d') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# ---------------------------------------------------------------- seeding, devices

def draw_from_every_generator():
    return random.random(), np.random.rand(), torch.rand(3).tolist()


def test_seed_everything_repeats_every_generator():
    seeding.seed_everything(123)
    first = draw_from_every_generator()
    seeding.seed_everything(123)
    assert draw_from_every_generator() == first
    seeding.seed_everything(124)
    assert draw_from_every_generator() != first


def test_available_devices_and_pick_device():
    available = devices.available_devices()
    assert available[0] == "cpu"
    assert ("cuda" in available) == torch.cuda.is_available()
    assert devices.pick_device("cpu") == torch.device("cpu")
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert devices.pick_device().type == expected
    assert devices.pick_device("cuda:0").type == expected


# ---------------------------------------------------------------- data

def test_mnist1d_shapes_dtypes_and_split(mnist):
    assert mnist.x_train.shape == (800, 40) and mnist.x_test.shape == (200, 40)
    assert mnist.y_train.shape == (800,) and mnist.y_test.shape == (200,)
    assert mnist.x_train.dtype == torch.float32 and mnist.y_train.dtype == torch.int64
    assert set(mnist.y_train.tolist()) == set(range(10))
    assert "MNIST1D(train=800, test=200" in repr(mnist) and len(repr(mnist)) < 100


def test_cache_hit_is_identical_and_fast(mnist, cache_dir, monkeypatch):
    calls = count_generations(monkeypatch)
    start = time.perf_counter()
    again = data.load_mnist1d(seed=3, num_samples=SAMPLES, cache_dir=cache_dir)
    elapsed = time.perf_counter() - start
    assert calls == []
    assert elapsed < 0.25, f"cache load took {elapsed:.3f} s"
    for name in ("x_train", "y_train", "x_test", "y_test"):
        assert torch.equal(getattr(again, name), getattr(mnist, name))


def test_cache_file_holds_plain_arrays_without_pickle(mnist, cache_dir):
    path = data.cache_path(3, SAMPLES, cache_dir)
    with np.load(path, allow_pickle=False) as archive:
        assert sorted(archive.files) == ["x_test", "x_train", "y_test", "y_train"]
        assert all(archive[name].dtype != object for name in archive.files)
    with zipfile.ZipFile(path) as archive:
        assert all(name.endswith(".npy") for name in archive.namelist())
    assert path.stat().st_mode & 0o044 == 0o044, "others sharing the cache folder can read it"
    leftovers = [p.name for p in cache_dir.iterdir() if p.suffix == ".tmp"]
    assert leftovers == [], "the atomic write left its temporary file behind"


def test_cache_dirs_are_independent_and_env_var_is_honoured(tmp_path, monkeypatch):
    calls = count_generations(monkeypatch)
    first, second = tmp_path / "first", tmp_path / "second"
    data.load_mnist1d(seed=0, num_samples=100, cache_dir=first)
    data.load_mnist1d(seed=0, num_samples=100, cache_dir=second)
    data.load_mnist1d(seed=0, num_samples=100, cache_dir=first)
    assert len(calls) == 2, "each folder generates once, then hits its own cache"
    assert data.cache_path(0, 100, first).exists() and data.cache_path(0, 100, second).exists()

    monkeypatch.setenv("TRAINKIT_CACHE", str(second))
    assert data.cache_path(0, 100) == data.cache_path(0, 100, second)
    data.load_mnist1d(seed=0, num_samples=100)
    assert len(calls) == 2
    assert data.cache_path(1, 100) != data.cache_path(0, 100) != data.cache_path(0, 200)


def test_damaged_cache_is_regenerated(tmp_path, monkeypatch):
    calls = count_generations(monkeypatch)
    good = data.load_mnist1d(seed=0, num_samples=100, cache_dir=tmp_path)
    path = data.cache_path(0, 100, tmp_path)
    path.write_bytes(path.read_bytes()[:100])          # a truncated file
    again = data.load_mnist1d(seed=0, num_samples=100, cache_dir=tmp_path)
    assert len(calls) == 2
    assert torch.equal(again.x_train, good.x_train)


def test_generating_data_leaves_global_generators_alone(tmp_path):
    random.seed(7)
    np.random.seed(7)
    expected = (random.random(), np.random.rand())
    random.seed(7)
    np.random.seed(7)
    data.load_mnist1d(seed=0, num_samples=100, cache_dir=tmp_path)   # a cache miss: generates
    assert (random.random(), np.random.rand()) == expected


def test_validation_split_is_stratified_seeded_and_disjoint(mnist):
    splits = data.split_validation(mnist, val_size=100, seed=5, normalize=False)
    assert (len(splits.train), len(splits.val), len(splits.test)) == (700, 100, 200)
    assert torch.bincount(splits.val.y, minlength=10).tolist() == [10] * 10, "10 per class"
    together = torch.cat([splits.train.x, splits.val.x])
    assert torch.equal(together.sort(dim=0).values, mnist.x_train.sort(dim=0).values), "a partition"
    assert torch.equal(splits.test.x, mnist.x_test) and torch.equal(splits.test.y, mnist.y_test)
    again = data.split_validation(mnist, val_size=100, seed=5, normalize=False)
    other = data.split_validation(mnist, val_size=100, seed=6, normalize=False)
    assert torch.equal(again.val.x, splits.val.x) and not torch.equal(other.val.x, splits.val.x)
    with pytest.raises(ValueError, match="multiple"):
        data.split_validation(mnist, val_size=105)


def test_normalization_uses_the_training_part_only(mnist):
    raw = data.split_validation(mnist, val_size=100, seed=5, normalize=False)
    splits = data.split_validation(mnist, val_size=100, seed=5)
    assert splits.mean == pytest.approx(raw.train.x.mean().item())
    assert splits.std == pytest.approx(raw.train.x.std().item())
    assert splits.train.x.mean().abs() < 1e-5 and (splits.train.x.std() - 1).abs() < 1e-5
    assert torch.allclose(splits.val.x, (raw.val.x - splits.mean) / splits.std)
    assert torch.allclose(splits.test.x, (raw.test.x - splits.mean) / splits.std)
    assert "Splits(train=700, val=100, test=200" in repr(splits)
    moved = splits.to("cpu")
    assert moved is not splits and torch.equal(moved.val.y, splits.val.y)


def test_load_splits_loads_then_splits(cache_dir):
    splits = data.load_splits(seed=3, num_samples=SAMPLES, cache_dir=cache_dir, val_size=50)
    assert (len(splits.train), len(splits.val), len(splits.test)) == (750, 50, 200)
    assert inspect.signature(data.load_splits).parameters["val_size"].default == 500  # 3500 / 500 / 1000


def test_batches_cover_every_sample_once_per_epoch():
    x = torch.arange(10.0).unsqueeze(1)
    y = torch.arange(10)
    generator = torch.Generator().manual_seed(0)
    for shuffle in (True, False):
        pairs = list(data.batches(x, y, 4, shuffle=shuffle, generator=generator))
        assert [len(yb) for _, yb in pairs] == [4, 4, 2]
        seen = torch.cat([yb for _, yb in pairs])
        assert sorted(seen.tolist()) == list(range(10))
        assert all(torch.equal(xb[:, 0].long(), yb) for xb, yb in pairs), "x and y stay paired"
        if not shuffle:
            assert seen.tolist() == list(range(10))
    order = lambda seed: torch.cat([yb for _, yb in data.batches(  # noqa: E731
        x, y, 3, generator=torch.Generator().manual_seed(seed))]).tolist()
    assert order(1) == order(1) and order(1) != list(range(10))


# ---------------------------------------------------------------- problems

@pytest.mark.parametrize("loss_fn, minimum", [(problems.ravine, problems.RAVINE_MIN),
                                              (problems.rosenbrock, problems.ROSENBROCK_MIN)])
def test_minima_are_minima(loss_fn, minimum):
    p = minimum.clone().requires_grad_(True)
    loss = loss_fn(p)
    loss.backward()
    assert loss.item() == 0.0 and torch.equal(p.grad, torch.zeros(2))


def test_rosenbrock_formula():
    assert problems.rosenbrock(torch.tensor([0.0, 1.0])).item() == pytest.approx(1 + 100)


def test_trajectory_records_every_position_and_leaves_start_alone():
    start = problems.RAVINE_START.clone()
    path = problems.trajectory(lambda params: torch.optim.SGD(params, lr=0.05), problems.ravine, start, 7)
    assert path.shape == (8, 2)
    assert torch.equal(path[0], start) and torch.equal(start, problems.RAVINE_START)
    assert not path.requires_grad
    # One SGD step by hand: p1 = p0 - lr * grad, with grad = (0.1 x, 10 y) for the ravine.
    x, y = start.tolist()
    assert path[1].tolist() == pytest.approx([x - 0.05 * 0.1 * x, y - 0.05 * 10 * y], rel=1e-6)


def noise_free_quadratic(p):
    return problems.noisy_quadratic(p, noise=0.0)


@pytest.mark.parametrize("loss_fn, clean_fn, start, lr", [
    (problems.ravine, problems.ravine, problems.RAVINE_START, 0.05),
    (problems.rosenbrock, problems.rosenbrock, problems.ROSENBROCK_START, 1e-3),
    (lambda p, g=torch.Generator().manual_seed(0): problems.noisy_quadratic(p, generator=g),
     noise_free_quadratic, problems.NOISY_QUADRATIC_START, 0.05),
], ids=["ravine", "rosenbrock", "noisy_quadratic"])
def test_gradient_descent_with_a_small_lr_decreases_each_function(loss_fn, clean_fn, start, lr):
    path = problems.trajectory(lambda params: torch.optim.SGD(params, lr=lr), loss_fn, start, 100)
    values = [clean_fn(point).item() for point in path]
    assert values[-1] < 0.5 * values[0]
    assert values[50] < values[0]


def test_ravine_makes_sgd_zigzag_and_momentum_win():
    sgd = problems.trajectory(lambda ps: torch.optim.SGD(ps, lr=0.18), problems.ravine,
                              problems.RAVINE_START, 100)
    momentum = problems.trajectory(lambda ps: torch.optim.SGD(ps, lr=0.3, momentum=0.67),
                                   problems.ravine, problems.RAVINE_START, 100)
    signs = torch.sign(sgd[:10, 1])
    assert torch.all(signs[1:] == -signs[:-1]), "SGD bounces across the valley"
    assert problems.ravine(momentum[-1]) < 1e-3 * problems.ravine(sgd[-1])


def test_noisy_quadratic_is_stochastic_and_repeatable_with_a_generator():
    p = torch.tensor([1.0, 1.0])
    draw = lambda seed: problems.noisy_quadratic(p, generator=torch.Generator().manual_seed(seed))  # noqa: E731
    assert draw(0) == draw(0) and draw(0) != draw(1)
    assert problems.noisy_quadratic(p, noise=0.0).item() == pytest.approx(0.5 * (1 + 4))


# ---------------------------------------------------------------- models

def test_mlp_default_structure():
    net = models.mlp()
    assert [type(layer) for layer in net] == [torch.nn.Linear, torch.nn.ReLU, torch.nn.Linear,
                                              torch.nn.ReLU, torch.nn.Linear]
    assert [(layer.in_features, layer.out_features) for layer in net[::2]] == [(40, 128), (128, 128),
                                                                               (128, 10)]
    assert net(torch.randn(5, 40)).shape == (5, 10)


def test_mlp_with_norm_activation_and_dropout():
    net = models.mlp(in_features=8, hidden=(16,), out_features=3, activation=torch.nn.GELU,
                     norm=torch.nn.BatchNorm1d, dropout=0.25)
    assert [type(layer) for layer in net] == [torch.nn.Linear, torch.nn.BatchNorm1d, torch.nn.GELU,
                                              torch.nn.Dropout, torch.nn.Linear]
    assert net[1].num_features == 16 and net[3].p == 0.25
    assert [type(layer) for layer in models.mlp(hidden=())] == [torch.nn.Linear]


# ---------------------------------------------------------------- training

def test_evaluate_restores_the_mode_and_matches_cross_entropy(small_mnist):
    net = models.mlp(dropout=0.5)
    for mode in (True, False):
        net.train(mode)
        loss, accuracy = training.evaluate(net, small_mnist.x_test, small_mnist.y_test)
        assert net.training == mode
    net.eval()
    logits = net(small_mnist.x_test)
    assert loss == pytest.approx(torch.nn.functional.cross_entropy(logits, small_mnist.y_test).item())
    assert accuracy == pytest.approx((logits.argmax(1) == small_mnist.y_test).float().mean().item())


def fresh_run(small_mnist, train_seed=0, **kwargs):
    torch.manual_seed(0)
    net = models.mlp(dropout=0.1)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    return training.train(net, optimizer, small_mnist, epochs=2, batch_size=64, seed=train_seed, **kwargs)


def test_train_decreases_the_loss_and_reports_every_step(small_mnist):
    history = fresh_run(small_mnist)
    assert len(history["step_loss"]) == 2 * 512 // 64
    assert all(len(history[key]) == 2 for key in ("train_loss", "test_loss", "test_acc"))
    assert history["train_loss"][1] < history["train_loss"][0]
    assert np.mean(history["step_loss"][-4:]) < np.mean(history["step_loss"][:4])
    assert history["test_loss"][-1] < np.log(10), "better than chance"
    assert 0.0 <= history["test_acc"][-1] <= 1.0


def test_train_is_deterministic_for_a_seed_and_leaves_global_rng_alone(small_mnist):
    torch.manual_seed(99)
    expected_next = torch.rand(1)
    first = fresh_run(small_mnist)
    torch.manual_seed(99)
    second = fresh_run(small_mnist)   # fresh_run reseeds for the model; train must restore after
    assert first == second
    assert fresh_run(small_mnist, train_seed=1)["step_loss"] != first["step_loss"]

    net = models.mlp()
    torch.manual_seed(99)
    training.train(net, torch.optim.SGD(net.parameters(), lr=0.1), small_mnist, epochs=1)
    assert torch.equal(torch.rand(1), expected_next)


def test_train_steps_the_scheduler_after_every_optimizer_step(small_mnist):
    torch.manual_seed(0)
    net = models.mlp()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)
    history = training.train(net, optimizer, small_mnist, epochs=1, batch_size=128, scheduler=scheduler)
    assert len(history["step_loss"]) == 4
    assert scheduler.last_epoch == 4 and optimizer.param_groups[0]["lr"] == pytest.approx(0.1 / 16)


def test_train_clips_the_gradient_norm(small_mnist):
    torch.manual_seed(0)
    net = models.mlp()
    before = torch.nn.utils.parameters_to_vector(net.parameters()).detach().clone()
    optimizer = torch.optim.SGD(net.parameters(), lr=1.0)
    training.train(net, optimizer, small_mnist, epochs=1, batch_size=512, clip_norm=1e-3)   # one step
    after = torch.nn.utils.parameters_to_vector(net.parameters()).detach()
    assert (after - before).norm().item() == pytest.approx(1e-3, rel=1e-3)


# ---------------------------------------------------------------- plotting

def test_plot_contours_draws_log_spaced_levels():
    ax = Figure().subplots()
    contours = plotting.plot_contours(ax, problems.rosenbrock, xlim=(-2, 2), ylim=(-1, 3), levels=12,
                                      resolution=40)
    assert len(contours.levels) == 12
    # Log-spaced above the minimum: the gaps between neighbouring levels grow by a constant factor.
    gaps = np.diff(contours.levels)
    assert np.all(gaps > 0) and np.allclose(gaps[1:] / gaps[:-1], gaps[1] / gaps[0], rtol=1e-6)
    assert gaps[1] / gaps[0] > 1.5
    assert ax.get_xlim() == (-2, 2) and ax.get_ylim() == (-1, 3)
    assert len(ax.collections) > 0


def test_plot_trajectories_draws_lines_markers_and_legend():
    ax = Figure().subplots()
    paths = {name: problems.trajectory(lambda ps, lr=lr: torch.optim.SGD(ps, lr=lr), problems.ravine,
                                       problems.RAVINE_START, 5)
             for name, lr in (("slow", 0.01), ("fast", 0.1))}
    plotting.plot_trajectories(ax, paths)
    assert len(ax.lines) == 3 * len(paths)          # a line, a start marker and an end marker each
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["slow", "fast"]
    np.testing.assert_allclose(ax.lines[0].get_xydata(), paths["slow"].numpy())


def test_plot_curves_labels_axes_and_log_scale():
    figure = Figure()
    ax = figure.subplots()
    plotting.plot_curves(ax, {"a": [3.0, 2.0, 1.0], "b": torch.tensor([4.0, 1.0, 0.5])},
                         xlabel="epoch", ylabel="test loss", logy=True)
    assert len(ax.lines) == 2
    assert ax.get_xlabel() == "epoch" and ax.get_ylabel() == "test loss" and ax.get_yscale() == "log"
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["a", "b"]
    figure.savefig(io.BytesIO(), format="png")      # renders with Agg, no display needed
