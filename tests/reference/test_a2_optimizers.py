"""The a2 reference optimizers against torch.optim 2.13, and Lookahead against its definition.

Every optimizer runs the same small problem on both sides, starting from the same weights:

    loss(θ, t) = Σ_i scale_i · Σ ( ½(θ_i - 0.3)² - cos(3θ_i + t)/6 )     (gradient: scale_i·(θ_i - 0.3 + ½ sin(3θ_i + t)))

with gradient scales 1e-8 (tiny: where eps sits decides the step), 1 and 1e2 (large), a parameter that
has no gradient for the first LATE_START steps (its state must start at its first gradient) and one that
never has one (skipped, no state). After every step the parameters must agree, relative to how far they
have moved: |ours - torch| <= rtol·max|torch - start| + a few ulps of the weights, with rtol 1e-9 in
float64 and 1e-4 in float32.

test_a2_optimizers_corpus.py reuses `first_mismatch` and the scenarios below to show that every mistake of
the corpus is caught and every correct alternative passes.
"""
from __future__ import annotations

import contextlib
import copy
import functools
import inspect
import io

import pytest
import torch

from support import DEVICES, reference

opt = reference("a2_optimizers", "optimizers.py")

STEPS = 40
LATE_START = 10          # the "late" parameter gets its first gradient at this step
SYNC_STEP = 15           # state_dict round trips happen after this many steps
LR_CHANGE_STEP = 20      # lr is multiplied by LR_FACTOR after this many steps
LR_FACTOR = 0.3
SCALES = (1e-8, 1.0, 1e2, 1.0)   # tiny, ordinary, large, late; the frozen one has no gradient
RTOL = {torch.float64: 1e-9, torch.float32: 1e-4}
DTYPES = [torch.float64, torch.float32]
OPTIMIZERS = ["SGD", "Adagrad", "RMSprop", "Adam", "AdamW", "NAdam", "Adadelta"]
SCENARIOS = ["trajectory", "closure", "param_groups", "lr_change", "state_dict"]

# Every argument torch's class has (besides its implementation flags), in combinations that make each
# one matter. The first entry of each list is the default (apart from lr where the default lr would not
# move the problem's weights sensibly).
ARGUMENT_SETS = {
    "SGD": [
        dict(),
        dict(lr=2e-3, momentum=0.9),
        dict(lr=2e-3, momentum=0.9, dampening=0.5),
        dict(lr=2e-3, momentum=0.9, nesterov=True),
        dict(lr=2e-3, weight_decay=0.1),
        dict(lr=2e-3, momentum=0.8, weight_decay=0.1),
        dict(lr=2e-3, momentum=0.9, nesterov=True, weight_decay=0.1, maximize=True),
    ],
    "Adagrad": [
        dict(),
        dict(lr=0.05, lr_decay=0.05),
        dict(lr=0.05, weight_decay=0.1),
        dict(lr=0.05, initial_accumulator_value=0.5),
        dict(lr=0.05, eps=1e-6),
        dict(lr=0.05, lr_decay=0.01, weight_decay=0.1, maximize=True),
    ],
    "RMSprop": [
        dict(),
        dict(lr=0.01, momentum=0.9),
        dict(lr=0.01, centered=True),
        dict(lr=0.01, centered=True, momentum=0.5),
        dict(lr=0.01, weight_decay=0.1),
        dict(lr=0.01, alpha=0.9, eps=1e-6),
        dict(lr=0.01, centered=True, momentum=0.5, weight_decay=0.1, maximize=True),
    ],
    "Adam": [
        dict(),
        dict(lr=0.01, amsgrad=True),
        dict(lr=0.01, weight_decay=0.1),
        dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6),
        dict(lr=0.01, weight_decay=0.1, decoupled_weight_decay=True),
        dict(lr=0.01, amsgrad=True, weight_decay=0.1, maximize=True),
    ],
    "AdamW": [
        dict(),
        dict(lr=0.01, weight_decay=0.1),
        dict(lr=0.01, weight_decay=0.1, amsgrad=True),
        dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.5, maximize=True),
    ],
    "NAdam": [
        dict(),
        dict(lr=0.01, momentum_decay=0.02),
        dict(lr=0.01, weight_decay=0.1),
        dict(lr=0.01, weight_decay=0.1, decoupled_weight_decay=True),
        dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6),
        dict(lr=0.01, weight_decay=0.1, maximize=True),
    ],
    "Adadelta": [
        dict(),
        dict(rho=0.5),
        dict(eps=1e-4),
        dict(lr=0.5, weight_decay=0.1),
        dict(weight_decay=0.1, maximize=True),
    ],
}

# What the second parameter group changes in the "param_groups" scenario.
GROUP_OVERRIDES = {
    "SGD": dict(lr=5e-4, momentum=0.5, weight_decay=0.05),
    "Adagrad": dict(lr=0.02, lr_decay=0.1, eps=1e-8),
    "RMSprop": dict(lr=0.003, alpha=0.9, momentum=0.3, centered=True),
    "Adam": dict(lr=0.003, betas=(0.85, 0.995), weight_decay=0.05, amsgrad=True),
    "AdamW": dict(lr=0.003, betas=(0.85, 0.995), weight_decay=0.2),
    "NAdam": dict(lr=0.003, betas=(0.85, 0.995), momentum_decay=0.01, weight_decay=0.05),
    "Adadelta": dict(lr=0.3, rho=0.8, eps=1e-5),
}


def argument_id(kwargs: dict) -> str:
    return ",".join(f"{k}={v}" for k, v in kwargs.items()) or "defaults"


# ----------------------------------------------------------------------------------------------------
# the problem
# ----------------------------------------------------------------------------------------------------

def initial_weights(device, dtype, seed=0):
    """tiny, ordinary, large, late, frozen: leaf tensors on `device` in `dtype`."""
    generator = torch.Generator().manual_seed(seed)
    shapes = [(3, 4), (5,), (2, 3), (4,), (3,)]
    return [torch.randn(shape, generator=generator, dtype=torch.float64).to(device, dtype) for shape in shapes]


def loss_fn(params, t):
    """The problem's loss at step t (the frozen last parameter is not part of it)."""
    total = 0.0
    for i, (p, scale) in enumerate(zip(params, SCALES)):
        if i == 3 and t < LATE_START:
            continue  # the late parameter: no gradient yet
        total = total + scale * (0.5 * (p - 0.3) ** 2 - torch.cos(3 * p + t) / 6).sum()
    return total


def set_gradients(params, t):
    """The gradient of loss_fn, written out (faster than autograd; the closure scenario uses autograd)."""
    for i, (p, scale) in enumerate(zip(params, SCALES)):
        if i == 3 and t < LATE_START:
            continue
        w = p.detach()
        p.grad = scale * (w - 0.3 + 0.5 * torch.sin(3 * w + t))


@contextlib.contextmanager
def torch_scalars_in(dtype):
    """torch keeps its step counters (and NAdam its mu_product) as tensors of the default dtype: in
    float64 runs make that float64 too, so that torch's bookkeeping does not round to float32."""
    previous = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64 if dtype == torch.float64 else torch.float32)
    try:
        yield
    finally:
        torch.set_default_dtype(previous)


def build(cls, name, kwargs, scenario, params):
    if scenario == "param_groups":
        groups = [{"params": [params[0], params[1], params[4]]},
                  {"params": [params[2], params[3]], **GROUP_OVERRIDES[name]}]
        return cls(groups, **kwargs)
    return cls(params, **kwargs)


def run(cls, name, kwargs, scenario, device, dtype, steps=STEPS):
    """Run a scenario; returns (start weights, weights after every step, losses, optimizer)."""
    start = initial_weights(device, dtype)
    params = [w.clone().requires_grad_() for w in start]
    optimizer = build(cls, name, kwargs, scenario, params)
    history, losses = [], []
    for t in range(steps):
        if scenario == "lr_change" and t == LR_CHANGE_STEP:
            for group in optimizer.param_groups:
                group["lr"] = group["lr"] * LR_FACTOR
        if scenario == "state_dict" and t == SYNC_STEP:
            # a checkpoint: saved, loaded (weights_only, as a careful user would) into a fresh optimizer
            buffer = io.BytesIO()
            torch.save(optimizer.state_dict(), buffer)
            buffer.seek(0)
            state = torch.load(buffer, weights_only=True)
            optimizer = build(cls, name, kwargs, scenario, params)
            optimizer.load_state_dict(state)

        evaluated = []

        def closure():
            optimizer.zero_grad()
            loss = loss_fn(params, t)
            loss.backward()
            evaluated.append(loss)
            return loss

        if scenario == "closure":
            with torch.no_grad():  # step(closure) must turn gradients back on for the closure
                returned = optimizer.step(closure)
            # step(closure) evaluates the closure once and returns its loss
            losses.append(len(evaluated) == 1 and returned is evaluated[0])
        else:
            optimizer.zero_grad()
            set_gradients(params, t)
            optimizer.step()
        history.append([p.detach().clone() for p in params])
    return start, history, losses, optimizer


@functools.lru_cache(maxsize=None)
def torch_run(name, kwargs_items, scenario, device, dtype):
    """torch.optim's uninterrupted run (cached: the corpus test compares many modules to it)."""
    plain = "trajectory" if scenario == "state_dict" else scenario
    with torch_scalars_in(dtype):
        return run(getattr(torch.optim, name), name, dict(kwargs_items), plain, device, dtype)


def compare(start, ours, expected, dtype, what):
    """The first step where `ours` leaves `expected` (both lists of per-step weights), or None."""
    names = ["tiny-gradient", "ordinary", "large-gradient", "late", "frozen"]
    rtol = RTOL[dtype]
    for t, (mine, theirs) in enumerate(zip(ours, expected)):
        for i, (a, b, s) in enumerate(zip(mine, theirs, start)):
            floor = 64 * torch.finfo(dtype).eps * max(s.abs().max().item(), 1.0)
            moved = (b - s).abs().max().item()
            error = (a - b).abs().max().item()
            if not error <= rtol * moved + floor:  # also catches NaN
                return (f"{what}: after step {t + 1} of {len(expected)}, the {names[i]} parameter differs "
                        f"from torch.optim by {error:.3g} (it has moved {moved:.3g} from its start; "
                        f"allowed {rtol * moved + floor:.3g})\n  yours: {a.flatten()[:4].tolist()}\n"
                        f"  torch: {b.flatten()[:4].tolist()}")
    return None


def first_mismatch(cls, name, kwargs, scenario, device="cpu", dtype=torch.float64):
    """Run `cls` (a student's, a mistake's or the reference's) and torch.optim.<name>; describe the first
    difference, or return None if they agree."""
    what = f"{name}({argument_id(kwargs)}), scenario {scenario!r}, {device}, {str(dtype).replace('torch.', '')}"
    start, expected, expected_losses, _ = torch_run(name, tuple(kwargs.items()), scenario, device, dtype)
    try:
        _, ours, losses, _ = run(cls, name, kwargs, scenario, device, dtype)
    except Exception as error:  # a mistake may crash on some scenario: that is a difference too
        return f"{what}: raised {type(error).__name__}: {error}"
    if scenario == "closure" and not all(losses):
        return (f"{what}: at step {losses.index(False) + 1}, step(closure) did not call the closure exactly "
                f"once and return the loss it returned")
    return compare(start, ours, expected, dtype, what)


# ----------------------------------------------------------------------------------------------------
# the reference against torch.optim
# ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
@pytest.mark.parametrize("name,kwargs", [(n, kw) for n in OPTIMIZERS for kw in ARGUMENT_SETS[n]],
                         ids=[f"{n}-{argument_id(kw)}" for n in OPTIMIZERS for kw in ARGUMENT_SETS[n]])
def test_trajectory_matches_torch(name, kwargs, dtype, device):
    mismatch = first_mismatch(getattr(opt, name), name, kwargs, "trajectory", device, dtype)
    assert mismatch is None, mismatch


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("scenario", ["closure", "param_groups", "lr_change", "state_dict"])
@pytest.mark.parametrize("name", OPTIMIZERS)
def test_scenarios_match_torch(name, scenario, device):
    # The fullest argument set of each optimizer (the last), and the default one.
    for kwargs in (ARGUMENT_SETS[name][0], ARGUMENT_SETS[name][-1]):
        for dtype in DTYPES:
            mismatch = first_mismatch(getattr(opt, name), name, kwargs, scenario, device, dtype)
            assert mismatch is None, mismatch


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("name", OPTIMIZERS)
def test_state_lives_with_its_parameter(name, device):
    """No state for the frozen parameter; every state tensor on the parameter's device and dtype; the
    step counter a plain number (as the assignment asks)."""
    kwargs = ARGUMENT_SETS[name][-1]
    _, _, _, optimizer = run(getattr(opt, name), name, kwargs, "trajectory", device, torch.float64, steps=3)
    params = [p for group in optimizer.param_groups for p in group["params"]]
    assert params[4] not in optimizer.state, "the frozen parameter (grad None) must get no state"
    assert params[3] not in optimizer.state, "the late parameter must get its state at its first gradient"
    for p in params[:3]:
        for key, value in optimizer.state[p].items():
            if isinstance(value, torch.Tensor):
                assert value.device == p.device and value.dtype == p.dtype, (key, value.device, value.dtype)
        if "step" in optimizer.state[p]:
            assert isinstance(optimizer.state[p]["step"], int) and optimizer.state[p]["step"] == 3


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_signature_and_defaults_match_torch(name):
    ours = inspect.signature(getattr(opt, name).__init__).parameters
    theirs = inspect.signature(getattr(torch.optim, name).__init__).parameters
    assert list(ours) == list(theirs)
    for key in theirs:
        assert ours[key].kind == theirs[key].kind, key
        assert ours[key].default == theirs[key].default, key


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_param_groups_hold_the_same_keys_as_torch(name):
    p = torch.zeros(2, requires_grad=True)
    ours = getattr(opt, name)([p]).param_groups[0]
    theirs = getattr(torch.optim, name)([p]).param_groups[0]
    assert set(ours) == set(theirs)
    assert {k: v for k, v in ours.items() if k != "params"} == {k: v for k, v in theirs.items() if k != "params"}


INVALID = {
    "SGD": [dict(lr=-1.0), dict(momentum=-0.1), dict(weight_decay=-1.0), dict(nesterov=True),
            dict(momentum=0.9, dampening=0.1, nesterov=True)],
    "Adagrad": [dict(lr=-1.0), dict(lr_decay=-1.0), dict(weight_decay=-1.0),
                dict(initial_accumulator_value=-1.0), dict(eps=-1.0)],
    "RMSprop": [dict(lr=-1.0), dict(eps=-1.0), dict(momentum=-1.0), dict(weight_decay=-1.0), dict(alpha=-1.0)],
    "Adam": [dict(lr=-1.0), dict(eps=-1.0), dict(betas=(1.0, 0.999)), dict(betas=(0.9, -0.1)),
             dict(weight_decay=-1.0)],
    "AdamW": [dict(lr=-1.0), dict(eps=-1.0), dict(betas=(0.9, 1.0)), dict(weight_decay=-1.0)],
    "NAdam": [dict(lr=-1.0), dict(eps=-1.0), dict(betas=(-0.1, 0.999)), dict(betas=(0.9, 1.5)),
              dict(weight_decay=-1.0), dict(momentum_decay=-1.0)],
    "Adadelta": [dict(lr=-1.0), dict(rho=1.5), dict(rho=-0.1), dict(eps=-1.0), dict(weight_decay=-1.0)],
}
UNSUPPORTED = {  # implementation choices torch offers and a for-loop kernel does not
    "SGD": ["foreach", "fused", "differentiable"],
    "Adagrad": ["foreach", "fused", "differentiable"],
    "RMSprop": ["foreach", "capturable", "differentiable"],
    "Adam": ["foreach", "fused", "capturable", "differentiable"],
    "AdamW": ["foreach", "fused", "capturable", "differentiable"],
    "NAdam": ["foreach", "capturable", "differentiable"],
    "Adadelta": ["foreach", "capturable", "differentiable"],
}


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_invalid_hyperparameters_raise_like_torch(name):
    p = torch.zeros(2, requires_grad=True)
    for kwargs in INVALID[name]:
        with pytest.raises(ValueError):
            getattr(torch.optim, name)([p], **kwargs)  # the case is one torch refuses too
        with pytest.raises(ValueError):
            getattr(opt, name)([p], **kwargs)
    for flag in UNSUPPORTED[name]:
        with pytest.raises(ValueError, match=flag):
            getattr(opt, name)([p], **{flag: True})
        getattr(opt, name)([p], **{flag: False})  # asking for the for-loop kernel is fine
    with pytest.raises(ValueError):
        getattr(opt, name)([p], lr=torch.tensor(0.1))


def test_adamw_is_adam_with_decoupled_decay():
    p = torch.zeros(2, requires_grad=True)
    assert opt.AdamW([p]).param_groups[0]["decoupled_weight_decay"] is True
    optimizer = opt.AdamW([p])
    optimizer.param_groups[0]["decoupled_weight_decay"] = False
    optimizer.__setstate__({"param_groups": optimizer.param_groups, "state": optimizer.state})
    assert optimizer.param_groups[0]["decoupled_weight_decay"] is True


def test_state_dict_loads_into_torch_and_back():
    """The state keys are torch's, so a checkpoint moves between the two (step: int here, tensor there)."""
    start = initial_weights("cpu", torch.float64)
    params = [w.clone().requires_grad_() for w in start]
    ours = opt.Adam(params, lr=0.01, amsgrad=True)
    for t in range(3):
        ours.zero_grad()
        loss_fn(params, t).backward()
        ours.step()
    theirs = torch.optim.Adam(params, lr=0.01, amsgrad=True)
    theirs.load_state_dict(copy.deepcopy(ours.state_dict()))
    assert set(theirs.state[params[0]]) == set(ours.state[params[0]])


# ----------------------------------------------------------------------------------------------------
# Lookahead against its definition (torch has no Lookahead)
# ----------------------------------------------------------------------------------------------------

LOOKAHEAD_INNER = [
    ("SGD", dict(lr=2e-3, momentum=0.9)),
    ("Adam", dict(lr=0.01)),
    ("RMSprop", dict(lr=0.01, momentum=0.5, centered=True)),
]
LOOKAHEAD_SETTINGS = [dict(), dict(k=3, alpha=0.8), dict(k=1, alpha=0.3), dict(k=7, alpha=1.0),
                      dict(k=4, alpha=0.0)]
LOOKAHEAD_SCENARIOS = ["trajectory", "closure", "lr_change", "state_dict", "param_group_added"]


def lookahead_by_definition(inner_name, inner_kwargs, k, alpha, device, dtype, steps=STEPS):
    """Zhang et al. 2019, Algorithm 1, written out: slow weights φ start at θ_0; every k inner steps
    φ ← φ + α(θ - φ), θ ← φ. The inner optimizer (torch's own) keeps its state throughout."""
    start = initial_weights(device, dtype)
    params = [w.clone().requires_grad_() for w in start]
    slow = [w.clone() for w in start]
    inner = getattr(torch.optim, inner_name)(params, **inner_kwargs)
    history = []
    for t in range(steps):
        inner.zero_grad()
        set_gradients(params, t)
        inner.step()
        if (t + 1) % k == 0:
            with torch.no_grad():
                for p, phi in zip(params, slow):
                    phi += alpha * (p - phi)
                    p.copy_(phi)
        history.append([p.detach().clone() for p in params])
    return start, history


def run_lookahead(cls, inner_name, inner_kwargs, settings, scenario, device, dtype, steps=STEPS):
    """Run a Lookahead class over torch's inner optimizer in one scenario; weights after every step."""
    start = initial_weights(device, dtype)
    params = [w.clone().requires_grad_() for w in start]
    late_group = scenario == "param_group_added"

    def make():
        inner_params = params[:3] + params[4:] if late_group else params
        return cls(getattr(torch.optim, inner_name)(inner_params, **inner_kwargs), **settings)

    optimizer = make()
    history, losses = [], []
    for t in range(steps):
        if late_group and t == LATE_START:
            optimizer.add_param_group({"params": [params[3]]})
        if scenario == "lr_change" and t == LR_CHANGE_STEP:
            for group in optimizer.param_groups:
                group["lr"] *= LR_FACTOR
        if scenario == "state_dict" and t == SYNC_STEP:
            buffer = io.BytesIO()
            torch.save(optimizer.state_dict(), buffer)
            buffer.seek(0)
            state = torch.load(buffer, weights_only=True)
            optimizer = make()
            optimizer.load_state_dict(state)

        evaluated = []

        def closure():
            optimizer.zero_grad()
            loss = loss_fn(params, t)
            loss.backward()
            evaluated.append(loss)
            return loss

        if scenario == "closure":
            with torch.no_grad():
                returned = optimizer.step(closure)
            losses.append(len(evaluated) == 1 and returned is evaluated[0])
        else:
            optimizer.zero_grad()
            set_gradients(params, t)
            optimizer.step()
        history.append([p.detach().clone() for p in params])
    return start, history, losses, optimizer


@functools.lru_cache(maxsize=None)
def lookahead_expected(inner_name, inner_items, settings_items, scenario, device, dtype):
    settings = {"k": 5, "alpha": 0.5, **dict(settings_items)}
    inner_kwargs = dict(inner_items)
    with torch_scalars_in(dtype):
        if scenario == "lr_change":
            # the definition with the learning rate changed at LR_CHANGE_STEP: run it in two legs
            return _lookahead_definition_lr_change(inner_name, inner_kwargs, settings, device, dtype)
        return lookahead_by_definition(inner_name, inner_kwargs, settings["k"], settings["alpha"], device, dtype)


def _lookahead_definition_lr_change(inner_name, inner_kwargs, settings, device, dtype):
    start = initial_weights(device, dtype)
    params = [w.clone().requires_grad_() for w in start]
    slow = [w.clone() for w in start]
    inner = getattr(torch.optim, inner_name)(params, **inner_kwargs)
    history = []
    for t in range(STEPS):
        if t == LR_CHANGE_STEP:
            inner.param_groups[0]["lr"] *= LR_FACTOR
        inner.zero_grad()
        set_gradients(params, t)
        inner.step()
        if (t + 1) % settings["k"] == 0:
            with torch.no_grad():
                for p, phi in zip(params, slow):
                    phi += settings["alpha"] * (p - phi)
                    p.copy_(phi)
        history.append([p.detach().clone() for p in params])
    return start, history


def lookahead_first_mismatch(cls, inner_name, inner_kwargs, settings, scenario, device="cpu",
                             dtype=torch.float64):
    what = (f"Lookahead({inner_name}({argument_id(inner_kwargs)}), {argument_id(settings)}), "
            f"scenario {scenario!r}, {device}, {str(dtype).replace('torch.', '')}")
    start, expected = lookahead_expected(inner_name, tuple(inner_kwargs.items()), tuple(settings.items()),
                                         scenario, device, dtype)
    try:
        with torch_scalars_in(dtype):
            _, ours, losses, _ = run_lookahead(cls, inner_name, inner_kwargs, settings, scenario, device, dtype)
    except Exception as error:
        return f"{what}: raised {type(error).__name__}: {error}"
    if scenario == "closure" and not all(losses):
        return (f"{what}: at step {losses.index(False) + 1}, step(closure) did not call the closure exactly "
                f"once and return the loss it returned")
    mismatch = compare(start, ours, expected, dtype, what)
    return mismatch and mismatch.replace("torch.optim", "the definition")


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
@pytest.mark.parametrize("scenario", LOOKAHEAD_SCENARIOS)
@pytest.mark.parametrize("inner_name,inner_kwargs", LOOKAHEAD_INNER, ids=[n for n, _ in LOOKAHEAD_INNER])
def test_lookahead_matches_its_definition(inner_name, inner_kwargs, scenario, dtype, device):
    for settings in LOOKAHEAD_SETTINGS:
        mismatch = lookahead_first_mismatch(opt.Lookahead, inner_name, inner_kwargs, settings, scenario,
                                            device, dtype)
        assert mismatch is None, mismatch


def test_lookahead_is_an_optimizer_sharing_the_inner_groups():
    p = torch.zeros(3, requires_grad=True)
    inner = torch.optim.SGD([p], lr=0.1)
    look = opt.Lookahead(inner)
    assert isinstance(look, torch.optim.Optimizer) and look.optimizer is inner
    assert look.param_groups is inner.param_groups
    q = torch.zeros(2, requires_grad=True)
    look.add_param_group({"params": [q], "lr": 0.5})
    assert inner.param_groups[-1]["params"] == [q] and inner.param_groups[-1]["momentum"] == 0
    scheduler = torch.optim.lr_scheduler.StepLR(look, step_size=1, gamma=0.5)  # schedulers work on it
    p.grad = torch.ones(3)
    look.step()
    scheduler.step()
    assert inner.param_groups[0]["lr"] == 0.05


def test_lookahead_keeps_inner_state_and_saves_everything():
    start = initial_weights("cpu", torch.float64)
    params = [w.clone().requires_grad_() for w in start]
    look = opt.Lookahead(torch.optim.Adam(params, lr=0.01), k=3)
    for t in range(12):
        look.zero_grad()
        loss_fn(params, t).backward()
        look.step()
    assert look.optimizer.state[params[0]]["step"] == 12  # the inner state survived four syncs
    state = look.state_dict()
    assert state["fast_steps"] == 12
    assert set(state["slow_params"]) == {0, 1, 2, 3}  # the frozen parameter (index 4) has no slow copy
    assert "state" in state["optimizer"] and "param_groups" in state["optimizer"]


def test_lookahead_validates():
    p = torch.zeros(1, requires_grad=True)
    inner = torch.optim.SGD([p], lr=0.1)
    for settings in (dict(k=0), dict(k=-2), dict(k=2.5), dict(alpha=-0.1), dict(alpha=1.5)):
        with pytest.raises(ValueError):
            opt.Lookahead(inner, **settings)
    with pytest.raises(TypeError):
        opt.Lookahead([p])
