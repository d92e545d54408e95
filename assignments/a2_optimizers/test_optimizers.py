"""Public checks for assignment 2. Run them all with `pytest`, or one optimizer with `pytest -m adam`.

Each check runs your optimizer and torch.optim's on the same small problem (float64, a fixed seed) and
compares the weights after every step. The grader runs more of these (more steps, more arguments, more
seeds, CPU and CUDA), so passing here is necessary, not sufficient.
"""
import contextlib
import copy
import inspect

import pytest
import torch

import optimizers

STEPS = 12
# gradient scales: tiny (1e-8: where eps sits matters), ordinary, large
SCALES = (1e-8, 1.0, 1e2)


@contextlib.contextmanager
def float64_scalars():
    """torch.optim keeps step counters (and NAdam's mu_product) as tensors of the default dtype; make that
    float64 while torch runs, so its numbers are float64 like yours."""
    previous = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        yield
    finally:
        torch.set_default_dtype(previous)


def make_params(seed=0):
    generator = torch.Generator().manual_seed(seed)
    return [torch.randn(shape, generator=generator, dtype=torch.float64) for shape in [(3, 2), (4,), (2, 2)]]


def loss_fn(params, t):
    """Σ scale·(½(θ - 0.3)² - cos(3θ + t)/6): the gradient changes from step to step."""
    return sum(scale * (0.5 * (p - 0.3) ** 2 - torch.cos(3 * p + t) / 6).sum() for p, scale in zip(params, SCALES))


def trajectory(make_optimizer, steps=STEPS, lr_change_at=None, reload_at=None, groups=None):
    """The weights after every step. groups: a list of per-group option dicts (params dealt in turn)."""
    params = [p.clone().requires_grad_() for p in make_params()]

    def build():
        if groups is None:
            return make_optimizer(params)
        return make_optimizer([{"params": params[i::len(groups)], **options} for i, options in enumerate(groups)])

    optimizer = build()
    history = []
    for t in range(steps):
        if t == lr_change_at:
            for group in optimizer.param_groups:
                group["lr"] = group["lr"] * 0.3
        if t == reload_at:
            saved = copy.deepcopy(optimizer.state_dict())
            optimizer = build()
            optimizer.load_state_dict(saved)
        optimizer.zero_grad()
        loss_fn(params, t).backward()
        optimizer.step()
        history.append([p.detach().clone() for p in params])
    return history


def assert_same_trajectory(yours, theirs, what):
    start = make_params()
    for t, (mine, expected) in enumerate(zip(yours, theirs)):
        for i, (a, b, s) in enumerate(zip(mine, expected, start)):
            moved = (b - s).abs().max().item()
            error = (a - b).abs().max().item()
            allowed = 1e-9 * moved + 1e-14
            assert error <= allowed, (
                f"{what}: after step {t + 1}, parameter {i} (gradient scale {SCALES[i]:g}) differs from "
                f"torch.optim by {error:.3g} (it moved {moved:.3g}; allowed {allowed:.3g}).\n"
                f"  yours: {a.flatten()[:3].tolist()}\n  torch: {b.flatten()[:3].tolist()}")


def check_against_torch(name, kwargs, **scenario):
    what = f"{name}({', '.join(f'{k}={v}' for k, v in kwargs.items())})"
    if scenario:
        what += " with " + ", ".join(f"{k}={v}" for k, v in scenario.items())
    yours = trajectory(lambda params: getattr(optimizers, name)(params, **kwargs), **scenario)
    with float64_scalars():
        theirs = trajectory(lambda params: getattr(torch.optim, name)(params, **kwargs),
                            **{k: v for k, v in scenario.items() if k != "reload_at"})
    assert_same_trajectory(yours, theirs, what)


# (marker, optimizer, argument sets)
CASES = [
    ("sgd", "SGD", [dict(lr=2e-3), dict(lr=2e-3, momentum=0.9), dict(lr=2e-3, momentum=0.9, dampening=0.5),
                    dict(lr=2e-3, momentum=0.9, nesterov=True, weight_decay=0.1),
                    dict(lr=2e-3, momentum=0.9, maximize=True)]),
    ("adagrad", "Adagrad", [dict(), dict(lr=0.05, lr_decay=0.05, weight_decay=0.1),
                            dict(lr=0.05, initial_accumulator_value=0.5, maximize=True)]),
    ("rmsprop", "RMSprop", [dict(), dict(lr=0.01, momentum=0.9), dict(lr=0.01, centered=True),
                            dict(lr=0.01, centered=True, momentum=0.5, weight_decay=0.1, maximize=True)]),
    ("adam", "Adam", [dict(), dict(lr=0.01, weight_decay=0.1), dict(lr=0.01, amsgrad=True),
                      dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, maximize=True)]),
    ("adamw", "AdamW", [dict(), dict(lr=0.01, weight_decay=0.1, amsgrad=True)]),
    ("nadam", "NAdam", [dict(), dict(lr=0.01, momentum_decay=0.02, weight_decay=0.1),
                        dict(lr=0.01, weight_decay=0.1, decoupled_weight_decay=True, maximize=True)]),
    ("adadelta", "Adadelta", [dict(), dict(rho=0.5, weight_decay=0.1), dict(eps=1e-4, maximize=True)]),
]
TRAJECTORIES = [pytest.param(name, kwargs, marks=getattr(pytest.mark, marker), id=f"{name}-{i}")
                for marker, name, argument_sets in CASES for i, kwargs in enumerate(argument_sets)]
PER_OPTIMIZER = [pytest.param(name, argument_sets[-1], marks=getattr(pytest.mark, marker), id=name)
                 for marker, name, argument_sets in CASES]


@pytest.mark.parametrize("name,kwargs", TRAJECTORIES)
def test_trajectory_matches_torch(name, kwargs):
    check_against_torch(name, kwargs)


@pytest.mark.parametrize("name,kwargs", PER_OPTIMIZER)
def test_learning_rate_changed_between_steps(name, kwargs):
    check_against_torch(name, kwargs, lr_change_at=5)


@pytest.mark.parametrize("name,kwargs", PER_OPTIMIZER)
def test_two_parameter_groups(name, kwargs):
    lr = kwargs.get("lr", inspect.signature(getattr(torch.optim, name)).parameters["lr"].default)
    check_against_torch(name, kwargs, groups=[{}, {"lr": lr * 0.5, "weight_decay": 0.05}])


@pytest.mark.parametrize("name,kwargs", PER_OPTIMIZER)
def test_state_dict_round_trip(name, kwargs):
    """state_dict() loaded into a new optimizer mid-run must continue exactly as if never interrupted."""
    check_against_torch(name, kwargs, reload_at=6)


@pytest.mark.parametrize("name,kwargs", PER_OPTIMIZER)
def test_parameter_without_gradient_is_skipped(name, kwargs):
    used, unused = torch.ones(3, dtype=torch.float64, requires_grad=True), torch.ones(2, dtype=torch.float64,
                                                                                      requires_grad=True)
    optimizer = getattr(optimizers, name)([used, unused], **kwargs)
    losses = []

    def closure():
        optimizer.zero_grad()
        loss = (used ** 2).sum()  # `unused` is not part of the loss: its .grad stays None
        loss.backward()
        losses.append(loss)
        return loss

    with torch.no_grad():  # step(closure) must turn gradients on for the closure itself
        returned = optimizer.step(closure)
    assert len(losses) == 1 and returned is losses[0], "step(closure) must call the closure once and return its loss"
    assert torch.equal(unused, torch.ones(2, dtype=torch.float64)), "a parameter whose .grad is None must not move"
    assert unused not in optimizer.state, "a parameter whose .grad is None must get no state"
    assert not torch.equal(used, torch.ones(3, dtype=torch.float64)), "the parameter with a gradient must move"


def lookahead_by_definition(k, alpha, steps=STEPS):
    """Zhang et al. 2019: slow weights φ start at θ_0; after every k inner steps φ ← φ + α(θ - φ), θ ← φ."""
    params = [p.clone().requires_grad_() for p in make_params()]
    slow = [p.detach().clone() for p in params]
    inner = torch.optim.Adam(params, lr=0.01)
    history = []
    for t in range(steps):
        inner.zero_grad()
        loss_fn(params, t).backward()
        inner.step()
        if (t + 1) % k == 0:
            with torch.no_grad():
                for p, phi in zip(params, slow):
                    phi += alpha * (p - phi)
                    p.copy_(phi)
        history.append([p.detach().clone() for p in params])
    return history


@pytest.mark.lookahead
@pytest.mark.parametrize("k,alpha", [(5, 0.5), (3, 0.8), (1, 0.3)])
def test_lookahead_matches_its_definition(k, alpha):
    yours = trajectory(lambda params: optimizers.Lookahead(torch.optim.Adam(params, lr=0.01), k=k, alpha=alpha))
    assert_same_trajectory(yours, lookahead_by_definition(k, alpha), f"Lookahead(Adam(lr=0.01), k={k}, alpha={alpha})")


@pytest.mark.lookahead
def test_lookahead_state_dict_round_trip():
    yours = trajectory(lambda params: optimizers.Lookahead(torch.optim.Adam(params, lr=0.01), k=5), reload_at=7)
    assert_same_trajectory(yours, lookahead_by_definition(5, 0.5),
                           "Lookahead(Adam(lr=0.01), k=5) with state_dict() loaded into a new Lookahead after step 7")
