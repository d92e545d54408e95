"""Public checks for schedules.py: each schedule against torch.optim.lr_scheduler (or its formula).

Run them all with ``pytest`` in this folder, or one component with e.g. ``pytest -m onecyclelr``.
The hidden checks use other arguments and more steps; passing these is necessary, not sufficient.
"""
import copy
import math
import warnings

import pytest
import torch
import torch.optim.lr_scheduler as torch_schedulers

import schedules

# Three parameter groups with different starting rates: a schedule must treat each group on its own.
GROUP_LRS = [0.1, 0.03, 1.7]


def make_optimizer(optimizer_class=torch.optim.SGD, **options):
    params = [torch.nn.Parameter(torch.zeros(2, dtype=torch.float64)) for _ in GROUP_LRS]
    return optimizer_class([{"params": [p], "lr": lr} for p, lr in zip(params, GROUP_LRS)], **options)


def momentum_of(group):
    return group["betas"][0] if "betas" in group else group["momentum"]


def record(scheduler_class, kwargs, steps, optimizer_class=torch.optim.SGD, optimizer_options=None,
           with_momentum=False):
    """The rates (and momenta) in the optimizer before each of ``steps`` optimizer steps."""
    optimizer = make_optimizer(optimizer_class, **(optimizer_options or {}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scheduler = scheduler_class(optimizer, **kwargs)
    lrs, momenta = [], []
    for _ in range(steps):
        lrs.append([group["lr"] for group in optimizer.param_groups])
        momenta.append([momentum_of(group) for group in optimizer.param_groups] if with_momentum else [])
        assert list(scheduler.get_last_lr()) == lrs[-1], "get_last_lr() differs from the optimizer's rates"
        optimizer.step()
        scheduler.step()
    return lrs, momenta


def assert_close_sequences(got, expected, what="lr", rtol=1e-9):
    scale = max((abs(v) for row in expected for v in row), default=1.0)
    for t, (got_row, expected_row) in enumerate(zip(got, expected)):
        for g, (a, b) in enumerate(zip(got_row, expected_row)):
            if not abs(a - b) <= rtol * abs(b) + 1e-15 * scale:
                pytest.fail(f"step t={t}, parameter group {g}: expected {what} {b!r} (as torch), got {a!r}.\n"
                            f"The first steps (expected): {[row[g] for row in expected[:t + 2]]}\n"
                            f"The first steps (yours):    {[row[g] for row in got[:t + 2]]}")


def check_against_torch(name, kwargs, steps, **options):
    got_lrs, got_momenta = record(getattr(schedules, name), kwargs, steps, **options)
    expected_lrs, expected_momenta = record(getattr(torch_schedulers, name), kwargs, steps, **options)
    assert_close_sequences(got_lrs, expected_lrs)
    assert_close_sequences(got_momenta, expected_momenta, what="momentum")


def check_state_dict_round_trip(scheduler_class, kwargs, steps=60, stop_at=23, optimizer_class=torch.optim.SGD,
                                optimizer_options=None):
    """Save after ``stop_at`` steps, load into a fresh optimizer and scheduler, go on: same rates."""
    optimizer_options = optimizer_options or {}
    reference, _ = record(scheduler_class, kwargs, steps, optimizer_class, optimizer_options)
    optimizer = make_optimizer(optimizer_class, **optimizer_options)
    scheduler = scheduler_class(optimizer, **kwargs)
    for _ in range(stop_at):
        optimizer.step()
        scheduler.step()
    saved_optimizer = copy.deepcopy(optimizer.state_dict())
    saved_scheduler = copy.deepcopy(scheduler.state_dict())

    resumed_optimizer = make_optimizer(optimizer_class, **optimizer_options)
    resumed = scheduler_class(resumed_optimizer, **kwargs)
    resumed_optimizer.load_state_dict(saved_optimizer)
    resumed.load_state_dict(saved_scheduler)
    continued = []
    for _ in range(steps - stop_at):
        continued.append([group["lr"] for group in resumed_optimizer.param_groups])
        resumed_optimizer.step()
        resumed.step()
    assert_close_sequences(continued, reference[stop_at:], what="lr after load_state_dict")


# ---------------------------------------------------------------- step decay
@pytest.mark.steplr
def test_steplr_matches_torch():
    check_against_torch("StepLR", dict(step_size=7, gamma=0.5), steps=40)


@pytest.mark.steplr
def test_steplr_state_dict_round_trip():
    check_state_dict_round_trip(schedules.StepLR, dict(step_size=5, gamma=0.3))


@pytest.mark.multisteplr
def test_multisteplr_matches_torch():
    check_against_torch("MultiStepLR", dict(milestones=[3, 10, 25], gamma=0.2), steps=40)


@pytest.mark.multisteplr
def test_multisteplr_repeated_milestone_counts_twice():
    check_against_torch("MultiStepLR", dict(milestones=[4, 12, 12], gamma=0.5), steps=20)


# ---------------------------------------------------------------- exponential and power decay
@pytest.mark.exponentiallr
def test_exponentiallr_matches_torch():
    check_against_torch("ExponentialLR", dict(gamma=0.9), steps=60)
    check_state_dict_round_trip(schedules.ExponentialLR, dict(gamma=0.95))


@pytest.mark.powerlr
def test_powerlr_follows_formula():
    s, c, steps = 10.0, 0.5, 50
    got, _ = record(schedules.PowerLR, dict(s=s, c=c), steps)
    expected = [[lr0 / (1 + t / s) ** c for lr0 in GROUP_LRS] for t in range(steps)]
    assert_close_sequences(got, expected, what="lr (formula lr0 / (1 + t/s)^c)")


@pytest.mark.powerlr
def test_powerlr_rejects_bad_arguments():
    assert schedules.PowerLR(make_optimizer(), s=5.0).get_last_lr() == GROUP_LRS, "lr at t=0 should be lr0"
    for bad in (dict(s=0.0), dict(s=-1.0), dict(s=5.0, c=-1.0)):
        with pytest.raises(ValueError):
            schedules.PowerLR(make_optimizer(), **bad)


# ---------------------------------------------------------------- polynomial decay
@pytest.mark.polynomiallr
def test_polynomiallr_matches_torch():
    check_against_torch("PolynomialLR", dict(total_iters=30, power=2.0), steps=40)
    check_state_dict_round_trip(schedules.PolynomialLR, dict(total_iters=40, power=0.9))


# ---------------------------------------------------------------- cosine annealing
@pytest.mark.cosineannealinglr
def test_cosineannealinglr_matches_torch():
    check_against_torch("CosineAnnealingLR", dict(T_max=20, eta_min=0.001), steps=30)


@pytest.mark.cosineannealinglr
def test_cosineannealinglr_beyond_t_max():
    # torch does not clamp at T_max: the cosine climbs back up (period 2 T_max).
    check_against_torch("CosineAnnealingLR", dict(T_max=8), steps=40)


@pytest.mark.cosineannealingwarmrestarts
def test_cosineannealingwarmrestarts_matches_torch():
    check_against_torch("CosineAnnealingWarmRestarts", dict(T_0=5, eta_min=0.01), steps=30)


@pytest.mark.cosineannealingwarmrestarts
def test_cosineannealingwarmrestarts_t_mult():
    check_against_torch("CosineAnnealingWarmRestarts", dict(T_0=3, T_mult=2), steps=50)
    check_state_dict_round_trip(schedules.CosineAnnealingWarmRestarts, dict(T_0=4, T_mult=2), stop_at=13)


# ---------------------------------------------------------------- warmup
@pytest.mark.linearlr
def test_linearlr_matches_torch():
    check_against_torch("LinearLR", dict(), steps=10)
    check_against_torch("LinearLR", dict(start_factor=0.1, end_factor=0.8, total_iters=12), steps=20)


@pytest.mark.linearlr
def test_linearlr_as_decay():
    check_against_torch("LinearLR", dict(start_factor=1.0, end_factor=0.05, total_iters=15), steps=20)


@pytest.mark.warmupcosinelr
def test_warmupcosinelr_follows_formula():
    warmup, total, eta_min, steps = 5, 25, 0.001, 30

    def formula(lr0, t):
        if t < warmup:
            return lr0 * (t + 1) / warmup
        if t > total:
            return eta_min
        return eta_min + (lr0 - eta_min) * (1 + math.cos(math.pi * (t - warmup) / (total - warmup))) / 2

    got, _ = record(schedules.WarmupCosineLR, dict(warmup_steps=warmup, total_steps=total, eta_min=eta_min), steps)
    expected = [[formula(lr0, t) for lr0 in GROUP_LRS] for t in range(steps)]
    assert_close_sequences(got, expected, what="lr (warmup, then cosine)")


@pytest.mark.warmupcosinelr
def test_warmupcosinelr_rejects_bad_arguments():
    first = schedules.WarmupCosineLR(make_optimizer(), warmup_steps=0, total_steps=10).get_last_lr()
    assert first == pytest.approx(GROUP_LRS, rel=1e-12), "without warmup the first lr should be lr0"
    for bad in (dict(warmup_steps=-1, total_steps=10), dict(warmup_steps=10, total_steps=10),
                dict(warmup_steps=2, total_steps=10, eta_min=-0.1)):
        with pytest.raises(ValueError):
            schedules.WarmupCosineLR(make_optimizer(), **bad)


# ---------------------------------------------------------------- cyclical and 1cycle
@pytest.mark.cycliclr
def test_cycliclr_triangular_matches_torch():
    check_against_torch("CyclicLR", dict(base_lr=0.01, max_lr=[0.5, 0.2, 2.0], step_size_up=4, step_size_down=6,
                                         cycle_momentum=False), steps=35)


@pytest.mark.cycliclr
def test_cycliclr_triangular2_and_exp_range_match_torch():
    check_against_torch("CyclicLR", dict(base_lr=0.01, max_lr=0.5, step_size_up=5, mode="triangular2",
                                         cycle_momentum=False), steps=40)
    check_against_torch("CyclicLR", dict(base_lr=0.01, max_lr=0.5, step_size_up=5, mode="exp_range", gamma=0.95,
                                         cycle_momentum=False), steps=40)


@pytest.mark.onecyclelr
def test_onecyclelr_matches_torch_with_sgd_momentum():
    check_against_torch("OneCycleLR", dict(max_lr=[1.0, 0.3, 2.0], total_steps=50), steps=50,
                        optimizer_options=dict(momentum=0.9), with_momentum=True)


@pytest.mark.onecyclelr
def test_onecyclelr_three_phase_linear_with_adam_beta1():
    check_against_torch("OneCycleLR", dict(max_lr=0.01, epochs=4, steps_per_epoch=10, three_phase=True,
                                           anneal_strategy="linear", pct_start=0.25), steps=40,
                        optimizer_class=torch.optim.Adam, with_momentum=True)


@pytest.mark.onecyclelr
def test_onecyclelr_state_dict_round_trip():
    check_state_dict_round_trip(schedules.OneCycleLR, dict(max_lr=0.5, total_steps=60),
                                optimizer_options=dict(momentum=0.9))


# ---------------------------------------------------------------- performance scheduling
PLATEAU_METRICS = [1.0, 0.9, 0.95, 0.9, 0.91, 0.92, 0.9, 0.85, 0.86, 0.87, 0.88, 0.89, 0.9, 0.8, 0.8, 0.8,
                   0.81, 0.82, 0.83, 0.84, 0.85, 0.86]


def check_plateau(metrics, **kwargs):
    runs = []
    for module in (schedules, torch_schedulers):
        optimizer = make_optimizer()
        scheduler = module.ReduceLROnPlateau(optimizer, **kwargs)
        lrs = []
        for metric in metrics:
            optimizer.step()
            scheduler.step(metric)
            lrs.append([group["lr"] for group in optimizer.param_groups])
            assert list(scheduler.get_last_lr()) == lrs[-1], "get_last_lr() differs from the optimizer's rates"
        runs.append(lrs)
    assert_close_sequences(*runs, what=f"lr after step(metric) with {kwargs}")


@pytest.mark.reducelronplateau
def test_reducelronplateau_min_mode_patience():
    check_plateau(PLATEAU_METRICS, patience=2, factor=0.5)


@pytest.mark.reducelronplateau
def test_reducelronplateau_cooldown_and_min_lr():
    check_plateau(PLATEAU_METRICS, patience=1, factor=0.5, cooldown=2, min_lr=[0.02, 0.0, 0.5])


@pytest.mark.reducelronplateau
def test_reducelronplateau_max_mode_abs_threshold():
    accuracies = [0.5, 0.6, 0.62, 0.625, 0.63, 0.7, 0.71, 0.705, 0.72, 0.8, 0.79]
    check_plateau(accuracies, mode="max", threshold_mode="abs", threshold=0.02, patience=1)


# ---------------------------------------------------------------- the LR range test
def regression_problem(seed=0, samples=64, batch_size=16):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(samples, 4, generator=generator)
    y = x @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]]) + 0.1 * torch.randn(samples, 1, generator=generator)
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1))
    batches = [(x[i:i + batch_size], y[i:i + batch_size]) for i in range(0, samples, batch_size)]
    return model, batches


class RecordingSGD(torch.optim.SGD):
    """SGD that remembers the rate of its first group at each step."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.used_lrs = []

    def step(self, closure=None):
        self.used_lrs.append(self.param_groups[0]["lr"])
        return super().step(closure)


@pytest.mark.lr_range_test
def test_lr_range_test_grows_exponentially_and_smooths():
    model, batches = regression_problem()
    optimizer = RecordingSGD(model.parameters(), lr=0.01)
    raw_losses = []

    def loss_fn(prediction, target):
        loss = torch.nn.functional.mse_loss(prediction, target)
        raw_losses.append(loss.item())
        return loss

    start, end, n, smooth = 1e-4, 1e-2, 20, 0.1
    lrs, losses = schedules.lr_range_test(model, loss_fn, batches, optimizer, start_lr=start, end_lr=end,
                                          num_iters=n, smooth=smooth, diverge=1e6)
    assert len(lrs) == len(losses) == n, f"expected {n} points (no divergence at these small rates), got {len(lrs)}"
    for i, lr in enumerate(lrs):
        expected = start * (end / start) ** (i / (n - 1))
        assert lr == pytest.approx(expected, rel=1e-9), f"lrs[{i}]: expected {expected} (exponential growth), got {lr}"
        assert optimizer.used_lrs[i] == pytest.approx(expected, rel=1e-9), \
            f"step {i}: the optimizer stepped with lr {optimizer.used_lrs[i]}, expected {expected}"
    average = 0.0
    for i, raw in enumerate(raw_losses):
        average = (1 - smooth) * average + smooth * raw
        expected = average / (1 - (1 - smooth) ** (i + 1))
        assert losses[i] == pytest.approx(expected, rel=1e-9), \
            f"losses[{i}]: expected the bias-corrected moving average {expected}, got {losses[i]}"


@pytest.mark.lr_range_test
def test_lr_range_test_restores_model_and_optimizer():
    model, batches = regression_problem()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    loss = torch.nn.functional.mse_loss(model(batches[0][0]), batches[0][1])
    loss.backward()
    optimizer.step()                                 # so the optimizer has momentum buffers to restore
    model.eval()
    params_before = copy.deepcopy(model.state_dict())
    optimizer_before = copy.deepcopy(optimizer.state_dict())
    schedules.lr_range_test(model, torch.nn.functional.mse_loss, batches, optimizer, num_iters=30)
    for name, value in model.state_dict().items():
        assert torch.equal(value, params_before[name]), f"model parameter {name!r} was not restored"
    assert not model.training, "the model was in eval mode before the test and should be again"
    after = optimizer.state_dict()
    assert after["param_groups"] == optimizer_before["param_groups"], "optimizer param_groups (lr?) not restored"
    for key, state in optimizer_before["state"].items():
        assert torch.equal(after["state"][key]["momentum_buffer"], state["momentum_buffer"]), \
            "the optimizer's momentum buffers were not restored"


@pytest.mark.lr_range_test
def test_lr_range_test_stops_when_loss_diverges():
    model, batches = regression_problem()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    lrs, losses = schedules.lr_range_test(model, torch.nn.functional.mse_loss, batches, optimizer,
                                          start_lr=1e-3, end_lr=100.0, num_iters=100)
    assert len(lrs) < 100, "the loss diverges at these rates: the test should stop early"
    assert not (losses[-1] <= 4.0 * min(losses[:-1])), \
        "the last point should be the diverging one (smoothed loss > diverge x the best so far)"
    assert all(loss <= 4.0 * min(losses[:i + 1]) for i, loss in enumerate(losses[:-1])), \
        "the test went on after the smoothed loss exceeded diverge x the best"


@pytest.mark.suggest_lr
def test_suggest_lr_finds_steepest_descent():
    lrs = [10 ** (-5 + 0.1 * i) for i in range(51)]          # 1e-5 ... 1
    # falls fastest at lr = 1e-3 (log10 lr = -3), lowest at lr = 1e-1
    losses = [2.0 - math.tanh((math.log10(lr) + 3) / 0.5) + 0.5 * max(0.0, math.log10(lr) + 1) ** 2 for lr in lrs]
    suggestion = schedules.suggest_lr(lrs, losses)
    assert 10 ** -3.1 <= suggestion <= 10 ** -2.9, \
        f"expected a rate near 1e-3 where the loss falls fastest, got {suggestion:.3g} (not the minimum at 1e-1)"


@pytest.mark.suggest_lr
def test_suggest_lr_edge_cases():
    with pytest.raises(ValueError):
        schedules.suggest_lr([1e-3], [1.0])
    assert schedules.suggest_lr([1e-3, 1e-2], [1.0, 0.5]) == 1e-3
    # the left end of the steepest pair; a pair with a non-finite loss is skipped
    assert schedules.suggest_lr([1e-4, 1e-3, 1e-2, 1e-1], [1.0, 0.9, 0.2, float("nan")]) == 1e-3
