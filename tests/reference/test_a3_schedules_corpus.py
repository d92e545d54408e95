"""The a3_schedules mistake corpus is caught, and the alternative implementations pass.

Each corpus module is applied to a copy of the reference (autograder.corpus.source_with: a mistake's CHANGES,
or an alternative appended so that it replaces exactly one name), loaded, and run through the same battery
of checks for its component: rate sequences against torch (or the reference where torch has no counterpart),
a state-dict round trip, and for the range test its outputs and restored state. A mistake must fail at least
one check; an alternative must pass them all.
"""
import copy
import math
import warnings

import pytest
import torch
import torch.optim.lr_scheduler as torch_schedulers
from support import ROOT, SOLUTIONS, load_module, reference

from autograder.corpus import read_header, source_with

ASSIGNMENT = "a3_schedules"
FILE = "schedules.py"
MISTAKES = sorted(p for p in (ROOT / "autograder" / "mistakes" / ASSIGNMENT).glob("*.py") if p.name != "__init__.py")
ALTERNATIVES = sorted((ROOT / "tests" / "alternatives" / ASSIGNMENT).glob("*.py"))
S = reference(ASSIGNMENT, FILE)
GROUP_LRS = [0.1, 0.03, 1.7]
RTOL = 1e-9
STEPS = 120


def header(path):
    values = read_header(path)
    return values["COMPONENT"], values["FILE"]


def build(path, tmp_path):
    reference_source = (SOLUTIONS / ASSIGNMENT / FILE).read_text()
    source = source_with(reference_source, path)
    assert source != reference_source
    target = tmp_path / FILE
    target.write_text(source)
    return load_module(target, f"corpus_{ASSIGNMENT}_{path.stem}")


def make_optimizer(optimizer_class=torch.optim.SGD, **options):
    params = [torch.nn.Parameter(torch.zeros(2, dtype=torch.float64)) for _ in GROUP_LRS]
    return optimizer_class([{"params": [p], "lr": lr} for p, lr in zip(params, GROUP_LRS)], **options)


def momentum_of(group):
    return group["betas"][0] if "betas" in group else group.get("momentum", 0.0)


def trajectory(scheduler_class, kwargs, optimizer_class, options, resume_at=None):
    optimizer = make_optimizer(optimizer_class, **options)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scheduler = scheduler_class(optimizer, **kwargs)
    rows = []
    for t in range(STEPS):
        if t == resume_at:
            saved = copy.deepcopy(optimizer.state_dict()), copy.deepcopy(scheduler.state_dict())
            optimizer = make_optimizer(optimizer_class, **options)
            scheduler = scheduler_class(optimizer, **kwargs)
            optimizer.load_state_dict(saved[0])
            scheduler.load_state_dict(saved[1])
        rows.append([g["lr"] for g in optimizer.param_groups] + [momentum_of(g) for g in optimizer.param_groups])
        assert list(scheduler.get_last_lr()) == rows[-1][:len(GROUP_LRS)], f"get_last_lr() at step {t}"
        optimizer.step()
        scheduler.step()
    return rows


def assert_close(got, expected, what):
    scale = max((abs(v) for row in expected for v in row), default=1.0)
    for t, (a_row, b_row) in enumerate(zip(got, expected)):
        for a, b in zip(a_row, b_row):
            assert abs(a - b) <= RTOL * abs(b) + 1e-14 * scale, f"{what}, step {t}: {a_row} != {b_row}"


SGD = (torch.optim.SGD, {"momentum": 0.9})
ADAM = (torch.optim.Adam, {})
SCHEDULE_CONFIGS = {
    "StepLR": [dict(step_size=7, gamma=0.5)],
    "MultiStepLR": [dict(milestones=[3, 10, 10, 50], gamma=0.5)],
    "ExponentialLR": [dict(gamma=0.97)],
    "PowerLR": [dict(s=10.0, c=0.5), dict(s=3.0)],
    "PolynomialLR": [dict(total_iters=60, power=1.0), dict(total_iters=30, power=2.0)],
    "CosineAnnealingLR": [dict(T_max=37, eta_min=0.001), dict(T_max=20)],
    "CosineAnnealingWarmRestarts": [dict(T_0=10, T_mult=2, eta_min=0.001), dict(T_0=7)],
    "LinearLR": [dict(), dict(start_factor=0.1, end_factor=0.9, total_iters=40),
                 dict(start_factor=1.0, end_factor=0.1, total_iters=20)],
    "WarmupCosineLR": [dict(warmup_steps=10, total_steps=80, eta_min=0.001), dict(warmup_steps=0, total_steps=50)],
    "CyclicLR": [dict(base_lr=0.01, max_lr=[0.5, 0.2, 2.0], step_size_up=4, step_size_down=9, cycle_momentum=False),
                 dict(base_lr=0.01, max_lr=0.5, step_size_up=5, mode="triangular2", cycle_momentum=False),
                 dict(base_lr=0.01, max_lr=0.5, step_size_up=5, mode="exp_range", gamma=0.97,
                      cycle_momentum=False)],
    "OneCycleLR": [dict(max_lr=[1.0, 0.3, 2.0], total_steps=STEPS),
                   dict(max_lr=0.01, total_steps=STEPS, three_phase=True, anneal_strategy="linear", pct_start=0.25)],
}


def check_schedule(module, component):
    oracle = getattr(torch_schedulers, component, None) or getattr(S, component)
    for kwargs in SCHEDULE_CONFIGS[component]:
        for optimizer_class, options in (SGD, ADAM):
            expected = trajectory(oracle, kwargs, optimizer_class, options)
            candidate = getattr(module, component)
            assert_close(trajectory(candidate, kwargs, optimizer_class, options), expected, f"{kwargs}")
            assert_close(trajectory(candidate, kwargs, optimizer_class, options, resume_at=53), expected,
                         f"{kwargs}, resumed from state dicts")


PLATEAU_METRICS = [1.0, 0.9, 0.95, 0.9, 0.91, 0.92, 0.9, 0.85, 0.86, 0.87, 0.88, 0.89, 0.9, 0.8, 0.8, 0.8,
                   0.81, 0.82, 0.83, 0.84, 0.85, 0.86, 0.7, 0.70001, 0.69999, 0.75, 0.76, 0.77, 0.78, 0.79] * 2
CREEPING = [10.0 - 0.1 * i for i in range(20)] + [8.0] * 10       # small steady gains: abs and rel disagree
PLATEAU_CONFIGS = [
    (dict(patience=2, factor=0.5), PLATEAU_METRICS),
    (dict(patience=0, factor=0.5), PLATEAU_METRICS),
    (dict(patience=1, factor=0.5, cooldown=2, min_lr=[0.02, 0.0, 0.5]), PLATEAU_METRICS),
    (dict(mode="max", threshold_mode="abs", threshold=0.02, patience=1, factor=0.5), [1 - m for m in PLATEAU_METRICS]),
    (dict(threshold_mode="abs", threshold=0.05, patience=1, factor=0.3, min_lr=0.01), CREEPING),
]


def check_plateau(module, component):
    for kwargs, metrics in PLATEAU_CONFIGS:
        runs = []
        for scheduler_class in (module.ReduceLROnPlateau, torch_schedulers.ReduceLROnPlateau):
            optimizer = make_optimizer()
            scheduler = scheduler_class(optimizer, **kwargs)
            rows = []
            for metric in metrics:
                optimizer.step()
                scheduler.step(metric)
                rows.append([g["lr"] for g in optimizer.param_groups])
                assert list(scheduler.get_last_lr()) == rows[-1]
            runs.append(rows)
        assert_close(*runs, f"ReduceLROnPlateau{kwargs}")


def regression(seed=0):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(96, 5, generator=generator)
    y = x @ torch.randn(5, 1, generator=generator) + 0.1 * torch.randn(96, 1, generator=generator)
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(5, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1))
    return model, [(x[i:i + 32], y[i:i + 32]) for i in range(0, 96, 32)]


def check_range_test(module, component):
    for kwargs in (dict(start_lr=1e-4, end_lr=1e-2, num_iters=30), dict(start_lr=1e-3, end_lr=1e3, num_iters=150)):
        outputs = []
        for implementation in (module.lr_range_test, S.lr_range_test):
            model, batches = regression()
            optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
            model.eval()
            before = copy.deepcopy(model.state_dict()), copy.deepcopy(optimizer.state_dict())
            outputs.append(implementation(model, torch.nn.functional.mse_loss, batches, optimizer, **kwargs))
            for key, value in model.state_dict().items():
                assert torch.equal(value, before[0][key]), f"model {key} not restored"
            assert optimizer.state_dict() == before[1], "optimizer not restored"
            assert not model.training, "model mode not restored"
        (lrs, losses), (expected_lrs, expected_losses) = outputs
        assert len(lrs) == len(expected_lrs), f"{kwargs}: {len(lrs)} points, expected {len(expected_lrs)}"
        assert lrs == pytest.approx(expected_lrs, rel=1e-9), f"{kwargs}: rates"
        assert losses == pytest.approx(expected_losses, rel=1e-6), f"{kwargs}: smoothed losses"


SUGGEST_CASES = [
    ([10 ** (-6 + 0.05 * i) for i in range(121)],
     [2.3 - math.tanh((0.05 * i - 2.5) / 0.4) + 3 * max(0.0, 0.05 * i - 4.5) ** 2 for i in range(121)]),
    ([1e-4, 1e-3, 1e-2, 1e-1], [1.0, 0.9, 0.2, float("nan")]),
    ([1.0, 2.0, 4.0, 8.0], [2.0, 1.0, 0.0, 5.0]),
    ([1e-5, 2e-5, 1e-3, 1e-1], [1.0, 0.98, 0.5, 0.4]),
]


def check_suggest(module, component):
    for lrs, losses in SUGGEST_CASES:
        assert module.suggest_lr(lrs, losses) == S.suggest_lr(lrs, losses), f"suggest_lr({lrs[:4]}..., ...)"
    with pytest.raises(ValueError):
        module.suggest_lr([1e-3], [1.0])


def run_checks(module, component):
    if component in SCHEDULE_CONFIGS:
        check_schedule(module, component)
    elif component == "ReduceLROnPlateau":
        check_plateau(module, component)
    elif component == "lr_range_test":
        check_range_test(module, component)
    elif component == "suggest_lr":
        check_suggest(module, component)
    else:
        raise KeyError(f"no checks for component {component!r}")


def test_reference_passes_the_battery():
    for component in set(SCHEDULE_CONFIGS) | {"ReduceLROnPlateau", "lr_range_test", "suggest_lr"}:
        run_checks(S, component)


@pytest.mark.parametrize("path", MISTAKES, ids=[p.stem for p in MISTAKES])
def test_mistake_is_caught(path, tmp_path):
    component, filename = header(path)
    assert filename == FILE
    module = build(path, tmp_path)
    with pytest.raises(AssertionError):
        run_checks(module, component)


@pytest.mark.parametrize("path", ALTERNATIVES, ids=[p.stem for p in ALTERNATIVES])
def test_alternative_passes(path, tmp_path):
    component, filename = header(path)
    assert filename == FILE
    run_checks(build(path, tmp_path), component)
