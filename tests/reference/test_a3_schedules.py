"""The a3_schedules reference against torch.optim.lr_scheduler (torch 2.13) and against its own formulas.

Whole sequences of rates (and momenta / beta1 for OneCycleLR) over hundreds of steps, three parameter
groups with different base rates, SGD and Adam, a state_dict round trip in the middle; ReduceLROnPlateau
in every mode; PowerLR and WarmupCosineLR against their closed forms; properties of the LR range test.
"""
import copy
import math
import warnings

import pytest
import torch
import torch.optim.lr_scheduler as torch_schedulers
from support import DEVICES, reference

S = reference("a3_schedules", "schedules.py")
O = reference("a2_optimizers", "optimizers.py")  # the course's own optimizers: schedules must drive them too
GROUP_LRS = [0.1, 0.03, 1.7]
RTOL = 1e-12


def make_optimizer(optimizer_class=torch.optim.SGD, device="cpu", **options):
    params = [torch.nn.Parameter(torch.zeros(3, dtype=torch.float64, device=device)) for _ in GROUP_LRS]
    return optimizer_class([{"params": [p], "lr": lr} for p, lr in zip(params, GROUP_LRS)], **options)


def momentum_of(group):
    if "betas" in group:
        return group["betas"][0]
    return group.get("momentum", 0.0)


def trajectory(scheduler_class, kwargs, steps, optimizer_class, options, resume_at=None, device="cpu"):
    """Rates and momenta before each step; with ``resume_at``, rebuilt from state dicts at that step."""
    optimizer = make_optimizer(optimizer_class, device, **options)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scheduler = scheduler_class(optimizer, **kwargs)
    rows = []
    for t in range(steps):
        if t == resume_at:
            saved_optimizer = copy.deepcopy(optimizer.state_dict())
            saved_scheduler = copy.deepcopy(scheduler.state_dict())
            optimizer = make_optimizer(optimizer_class, device, **options)
            scheduler = scheduler_class(optimizer, **kwargs)
            optimizer.load_state_dict(saved_optimizer)
            scheduler.load_state_dict(saved_scheduler)
        lrs = [group["lr"] for group in optimizer.param_groups]
        assert list(scheduler.get_last_lr()) == lrs
        rows.append(lrs + [momentum_of(group) for group in optimizer.param_groups])
        optimizer.step()
        scheduler.step()
    return rows


def assert_same(got, expected, rtol=RTOL):
    scale = max(abs(v) for row in expected for v in row)
    for t, (a_row, b_row) in enumerate(zip(got, expected)):
        for a, b in zip(a_row, b_row):
            assert abs(a - b) <= rtol * abs(b) + 1e-15 * scale, f"step {t}: {a_row} != {b_row}"


OPTIMIZERS = {
    "sgd": (torch.optim.SGD, {"momentum": 0.9}),
    "adam": (torch.optim.Adam, {}),
    "a2-sgd": (O.SGD, {"momentum": 0.9}),     # the a2 reference, compared against torch's scheduler on torch's SGD
    "a2-adam": (O.Adam, {}),
}
TORCH_TWIN = {"a2-sgd": "sgd", "a2-adam": "adam"}

CASES = [
    ("StepLR", dict(step_size=7, gamma=0.5)),
    ("StepLR", dict(step_size=1, gamma=0.99)),
    ("MultiStepLR", dict(milestones=[3, 50, 50, 120, 299], gamma=0.5)),
    ("MultiStepLR", dict(milestones=[0, 10], gamma=0.1)),
    ("ExponentialLR", dict(gamma=0.985)),
    ("PolynomialLR", dict(total_iters=150, power=2.0)),
    ("PolynomialLR", dict()),
    ("CosineAnnealingLR", dict(T_max=37, eta_min=0.001)),
    ("CosineAnnealingLR", dict(T_max=50)),
    ("CosineAnnealingWarmRestarts", dict(T_0=10, T_mult=2, eta_min=0.001)),
    ("CosineAnnealingWarmRestarts", dict(T_0=17)),
    ("LinearLR", dict()),
    ("LinearLR", dict(start_factor=0.1, end_factor=0.9, total_iters=40)),
    ("LinearLR", dict(start_factor=1.0, end_factor=0.0, total_iters=100)),
    ("CyclicLR", dict(base_lr=[0.01, 0.02, 0.03], max_lr=0.5, step_size_up=7, step_size_down=13,
                      mode="triangular2", cycle_momentum=False)),
    ("CyclicLR", dict(base_lr=0.01, max_lr=[0.5, 0.1, 3.0], step_size_up=20, cycle_momentum=False)),
    ("CyclicLR", dict(base_lr=0.01, max_lr=0.5, step_size_up=9, mode="exp_range", gamma=0.995,
                      cycle_momentum=False)),
    ("CyclicLR", dict(base_lr=0.01, max_lr=0.5, step_size_up=9, scale_fn=lambda z: 0.9 ** z,
                      scale_mode="iterations", cycle_momentum=False)),
    ("OneCycleLR", dict(max_lr=[1.0, 0.5, 0.2], total_steps=300)),
    ("OneCycleLR", dict(max_lr=0.3, epochs=30, steps_per_epoch=10, three_phase=True, anneal_strategy="linear",
                        pct_start=0.25, div_factor=10.0, final_div_factor=100.0)),
    ("OneCycleLR", dict(max_lr=0.3, total_steps=300, pct_start=0.5, anneal_strategy="linear",
                        base_momentum=[0.8, 0.7, 0.6], max_momentum=0.99)),
    ("OneCycleLR", dict(max_lr=0.3, total_steps=300, cycle_momentum=False)),
]


@pytest.mark.parametrize("optimizer_name", OPTIMIZERS)
@pytest.mark.parametrize("name,kwargs", CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_matches_torch(name, kwargs, optimizer_name):
    optimizer_class, options = OPTIMIZERS[optimizer_name]
    torch_class, torch_options = OPTIMIZERS[TORCH_TWIN.get(optimizer_name, optimizer_name)]
    expected = trajectory(getattr(torch_schedulers, name), kwargs, 300, torch_class, torch_options)
    assert_same(trajectory(getattr(S, name), kwargs, 300, optimizer_class, options), expected)
    assert_same(trajectory(getattr(S, name), kwargs, 300, optimizer_class, options, resume_at=137), expected)


@pytest.mark.parametrize("device", DEVICES)
def test_one_cycle_on_device(device):
    kwargs = dict(max_lr=0.3, total_steps=100)
    expected = trajectory(torch_schedulers.OneCycleLR, kwargs, 100, torch.optim.Adam, {}, device=device)
    assert_same(trajectory(S.OneCycleLR, kwargs, 100, torch.optim.Adam, {}, device=device), expected)


def test_one_cycle_cycles_momentum_and_beta1():
    for optimizer_class, options in OPTIMIZERS.values():
        rows = trajectory(S.OneCycleLR, dict(max_lr=1.0, total_steps=100), 100, optimizer_class, options)
        momenta = [row[3] for row in rows]
        assert momenta[0] == pytest.approx(0.95) and min(momenta) == pytest.approx(0.85)
        assert momenta[-1] == pytest.approx(0.95, abs=1e-3)


def test_one_cycle_raises_past_total_steps():
    for module in (S, torch_schedulers):
        optimizer = make_optimizer()
        scheduler = module.OneCycleLR(optimizer, max_lr=0.1, total_steps=5)
        for _ in range(5):
            optimizer.step()
            scheduler.step()
        with pytest.raises(ValueError):
            scheduler.step()


def test_cyclic_refuses_momentum_cycling():
    with pytest.raises(ValueError, match="cycle_momentum"):
        S.CyclicLR(make_optimizer(), base_lr=0.01, max_lr=0.1)


def test_warm_restarts_explicit_fractional_epochs():
    epochs = [0, 0.5, 1.25, 3, 7.5, 9.99, 10, 12.3, 29.9, 30, 31, 70.2, 5, 2.5]
    rows = []
    for module in (S, torch_schedulers):
        optimizer = make_optimizer()
        scheduler = module.CosineAnnealingWarmRestarts(optimizer, T_0=10, T_mult=2, eta_min=0.01)
        sequence = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for epoch in epochs:
                scheduler.step(epoch)
                sequence.append([group["lr"] for group in optimizer.param_groups] + [scheduler.last_epoch])
            scheduler.step()
            sequence.append([group["lr"] for group in optimizer.param_groups] + [scheduler.last_epoch])
        rows.append(sequence)
    assert_same(*rows)


PLATEAU_METRICS = [1.0, 0.9, 0.95, 0.9, 0.91, 0.92, 0.9, 0.85, 0.86, 0.87, 0.88, 0.89, 0.9, 0.8, 0.8, 0.8,
                   0.81, 0.82, 0.83, 0.84, 0.85, 0.86, 0.7, 0.70001, 0.69999, 0.75, 0.76, 0.77, 0.78, 0.79] * 3


@pytest.mark.parametrize("mode", ["min", "max"])
@pytest.mark.parametrize("threshold_mode,threshold", [("rel", 1e-4), ("rel", 0.05), ("abs", 0.01), ("abs", 0.0)])
@pytest.mark.parametrize("patience,cooldown", [(0, 0), (2, 0), (1, 3), (4, 1)])
@pytest.mark.parametrize("min_lr", [0, [0.02, 0.0, 0.5], 1e-3])
def test_reduce_lr_on_plateau_matches_torch(mode, threshold_mode, threshold, patience, cooldown, min_lr):
    metrics = PLATEAU_METRICS if mode == "min" else [-m for m in PLATEAU_METRICS]
    kwargs = dict(mode=mode, threshold_mode=threshold_mode, threshold=threshold, patience=patience,
                  cooldown=cooldown, min_lr=min_lr, factor=0.5)
    runs = []
    for module in (S, torch_schedulers):
        optimizer = make_optimizer()
        scheduler = module.ReduceLROnPlateau(optimizer, **kwargs)
        rows = []
        for i, metric in enumerate(metrics):
            if i == 41:   # round trip through the state dicts, into fresh objects
                saved_optimizer, saved_scheduler = optimizer.state_dict(), copy.deepcopy(scheduler.state_dict())
                optimizer = make_optimizer()
                scheduler = module.ReduceLROnPlateau(optimizer, **kwargs)
                optimizer.load_state_dict(saved_optimizer)
                scheduler.load_state_dict(saved_scheduler)
            optimizer.step()
            scheduler.step(torch.tensor(metric) if i % 2 else metric)
            rows.append([group["lr"] for group in optimizer.param_groups]
                        + [scheduler.num_bad_epochs, scheduler.cooldown_counter, scheduler.best])
            assert list(scheduler.get_last_lr()) == rows[-1][:3]
        runs.append(rows)
    assert_same(*runs)


def test_reduce_lr_on_plateau_eps_skips_tiny_cuts():
    for module in (S, torch_schedulers):
        optimizer = make_optimizer()
        scheduler = module.ReduceLROnPlateau(optimizer, patience=0, factor=0.5, eps=0.04)
        scheduler.step(1.0)
        scheduler.step(2.0)
        assert [group["lr"] for group in optimizer.param_groups] == [0.05, 0.03, 0.85]


@pytest.mark.parametrize("s,c", [(10.0, 1.0), (3.0, 0.5), (100.0, 2.0), (1.0, 0.0)])
def test_power_lr_formula(s, c):
    rows = trajectory(S.PowerLR, dict(s=s, c=c), 300, torch.optim.SGD, {})
    expected = [[lr0 / (1 + t / s) ** c for lr0 in GROUP_LRS] + [0.0] * 3 for t in range(300)]
    assert_same(rows, expected)
    assert_same(trajectory(S.PowerLR, dict(s=s, c=c), 300, torch.optim.SGD, {}, resume_at=100), expected)


@pytest.mark.parametrize("warmup,total,eta_min", [(10, 200, 0.0), (1, 50, 0.001), (0, 100, 0.01), (30, 31, 0.0)])
def test_warmup_cosine_formula(warmup, total, eta_min):
    def formula(lr0, t):
        if t < warmup:
            return lr0 * (t + 1) / warmup
        if t > total:
            return eta_min
        return eta_min + (lr0 - eta_min) * (1 + math.cos(math.pi * (t - warmup) / (total - warmup))) / 2

    kwargs = dict(warmup_steps=warmup, total_steps=total, eta_min=eta_min)
    expected = [[formula(lr0, t) for lr0 in GROUP_LRS] + [0.0] * 3 for t in range(300)]
    assert_same(trajectory(S.WarmupCosineLR, kwargs, 300, torch.optim.SGD, {}), expected)
    assert_same(trajectory(S.WarmupCosineLR, kwargs, 300, torch.optim.SGD, {}, resume_at=20), expected)
    if warmup:
        assert trajectory(S.WarmupCosineLR, kwargs, 1, torch.optim.SGD, {})[0][0] == pytest.approx(0.1 / warmup)


@pytest.mark.parametrize("bad", [dict(warmup_steps=-1, total_steps=10), dict(warmup_steps=10, total_steps=10),
                                 dict(warmup_steps=2.5, total_steps=10), dict(warmup_steps=2, total_steps=10,
                                                                               eta_min=-1.0)])
def test_warmup_cosine_validates(bad):
    with pytest.raises(ValueError):
        S.WarmupCosineLR(make_optimizer(), **bad)


@pytest.mark.parametrize("bad", [dict(s=0), dict(s=-2.0), dict(s=1.0, c=-0.5)])
def test_power_lr_validates(bad):
    with pytest.raises(ValueError):
        S.PowerLR(make_optimizer(), **bad)


# ---------------------------------------------------------------- LR range test
def regression(device, seed=0, dropout=0.0):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(96, 5, generator=generator)
    y = x @ torch.randn(5, 1, generator=generator) + 0.1 * torch.randn(96, 1, generator=generator)
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(5, 16), torch.nn.BatchNorm1d(16), torch.nn.Tanh(),
                                torch.nn.Dropout(dropout), torch.nn.Linear(16, 1)).to(device)
    batches = [(x[i:i + 32].to(device), y[i:i + 32].to(device)) for i in range(0, 96, 32)]
    return model, batches


@pytest.mark.parametrize("device", DEVICES)
def test_range_test_exponential_growth_and_smoothing(device):
    model, batches = regression(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    raw, used = [], []

    def loss_fn(prediction, target):
        used.append(optimizer.param_groups[0]["lr"])
        loss = torch.nn.functional.mse_loss(prediction, target)
        raw.append(loss.item())
        return loss

    lrs, losses = S.lr_range_test(model, loss_fn, batches, optimizer, start_lr=1e-5, end_lr=1e-2, num_iters=50,
                                  smooth=0.2, diverge=1e9)
    assert len(lrs) == len(losses) == 50 == len(raw)
    expected = [1e-5 * 1000 ** (i / 49) for i in range(50)]
    assert lrs == pytest.approx(expected, rel=1e-12) and used == pytest.approx(expected, rel=1e-12)
    assert lrs[-1] == pytest.approx(1e-2, rel=1e-12)
    ratios = [b / a for a, b in zip(lrs, lrs[1:])]
    assert max(ratios) == pytest.approx(min(ratios), rel=1e-9)
    average = 0.0
    for i, value in enumerate(raw):
        average = 0.8 * average + 0.2 * value
        assert losses[i] == pytest.approx(average / (1 - 0.8 ** (i + 1)), rel=1e-12)
    assert all(isinstance(v, float) for v in lrs + losses)


@pytest.mark.parametrize("device", DEVICES)
def test_range_test_stops_at_divergence_and_includes_it(device):
    model, batches = regression(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    lrs, losses = S.lr_range_test(model, torch.nn.functional.mse_loss, batches, optimizer, start_lr=1e-4,
                                  end_lr=1e3, num_iters=200)
    assert 2 < len(lrs) < 200
    assert not losses[-1] <= 4.0 * min(losses[:-1])
    for i in range(len(losses) - 1):
        assert losses[i] <= 4.0 * min(losses[:i + 1])


@pytest.mark.parametrize("device", DEVICES)
def test_range_test_restores_everything_bit_for_bit(device):
    model, batches = regression(device, dropout=0.2)
    optimizer = torch.optim.Adam([{"params": model[0].parameters(), "lr": 0.01},
                                  {"params": list(model[1].parameters()) + list(model[4].parameters()), "lr": 0.002}])
    for x, y in batches:                                    # some Adam state and batch-norm statistics
        optimizer.zero_grad()
        torch.nn.functional.mse_loss(model(x), y).backward()
        optimizer.step()
    model.eval()
    model_before = copy.deepcopy(model.state_dict())
    optimizer_before = copy.deepcopy(optimizer.state_dict())
    S.lr_range_test(model, torch.nn.functional.mse_loss, batches, optimizer, num_iters=40, end_lr=1.0)
    assert not model.training
    for key, value in model.state_dict().items():
        assert torch.equal(value, model_before[key]), key
    after = optimizer.state_dict()
    assert after["param_groups"] == optimizer_before["param_groups"]
    assert [g["lr"] for g in optimizer.param_groups] == [0.01, 0.002]
    for key, state in optimizer_before["state"].items():
        for name, value in state.items():
            assert torch.equal(after["state"][key][name], value), (key, name)


def test_range_test_restores_even_when_loss_raises():
    model, batches = regression("cpu")
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    before = copy.deepcopy(model.state_dict())
    calls = []

    def failing_loss(prediction, target):
        calls.append(1)
        if len(calls) == 5:
            raise RuntimeError("boom")
        return torch.nn.functional.mse_loss(prediction, target)

    with pytest.raises(RuntimeError, match="boom"):
        S.lr_range_test(model, failing_loss, batches, optimizer, start_lr=0.1, end_lr=1.0, num_iters=10)
    for key, value in model.state_dict().items():
        assert torch.equal(value, before[key])
    assert optimizer.param_groups[0]["lr"] == 0.1


def test_range_test_cycles_short_batches_and_rejects_exhausted_iterators():
    model, batches = regression("cpu")
    seen = []

    def loss_fn(prediction, target):
        seen.append(target[0].item())
        return torch.nn.functional.mse_loss(prediction, target)

    S.lr_range_test(model, loss_fn, batches, torch.optim.SGD(model.parameters(), lr=0.1), end_lr=1e-3, num_iters=7)
    firsts = [y[0].item() for _, y in batches]
    assert seen == (firsts * 3)[:7]
    with pytest.raises(ValueError):
        S.lr_range_test(model, torch.nn.functional.mse_loss, iter(batches),
                        torch.optim.SGD(model.parameters(), lr=0.1), end_lr=1e-3, num_iters=7)


@pytest.mark.parametrize("bad", [dict(start_lr=0.0), dict(start_lr=1.0, end_lr=0.5), dict(num_iters=1),
                                 dict(smooth=0.0), dict(smooth=1.5), dict(diverge=1.0)])
def test_range_test_validates(bad):
    model, batches = regression("cpu")
    with pytest.raises(ValueError):
        S.lr_range_test(model, torch.nn.functional.mse_loss, batches, torch.optim.SGD(model.parameters(), lr=0.1),
                        **bad)


def test_suggest_lr_known_answer():
    lrs = [10 ** (-6 + 0.05 * i) for i in range(121)]        # 1e-6 ... 1, 20 points per decade
    losses = [2.3 - math.tanh((math.log10(lr) + 3.5) / 0.4) + 3 * max(0.0, math.log10(lr) + 1.5) ** 2 for lr in lrs]
    suggestion = S.suggest_lr(lrs, losses)
    # steepest at log10 lr = -3.5, so the steepest pair is (-3.5, -3.45) or (-3.55, -3.5): left end within a step
    assert 10 ** -3.56 <= suggestion <= 10 ** -3.49
    assert suggestion in lrs
    assert losses.index(min(losses)) != lrs.index(suggestion)


def test_suggest_lr_edge_cases():
    with pytest.raises(ValueError):
        S.suggest_lr([], [])
    with pytest.raises(ValueError):
        S.suggest_lr([1e-3], [1.0])
    with pytest.raises(ValueError):
        S.suggest_lr([1e-3, 1e-2], [1.0])
    with pytest.raises(ValueError):
        S.suggest_lr([0.0, 1e-2], [1.0, 0.5])
    with pytest.raises(ValueError):
        S.suggest_lr([1e-3, 1e-2], [1.0, float("inf")])
    assert S.suggest_lr([1e-3, 1e-2], [1.0, 2.0]) == 1e-3            # never decreasing: least increase
    assert S.suggest_lr([1.0, 2.0, 4.0, 8.0], [2.0, 1.0, 0.0, 5.0]) == 1.0   # an exact tie: the first pair
    assert S.suggest_lr([1e-3, 1e-2, 1e-2, 1e-1], [1.0, 0.5, 0.1, 0.0]) == 1e-3  # equal rates skipped
    assert S.suggest_lr([1e-4, 1e-3, 1e-2, 1e-1], [1.0, float("nan"), 0.2, 0.0]) == 1e-2
