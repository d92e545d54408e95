"""The a1_initialization reference against torch.nn.init and torch.nn.functional, on every device.

Initializers are checked three ways: draw for draw against torch with the same seeded generator (the
reference draws exactly as torch does, so the weights are bit-identical), by their statistics on large
tensors with tolerances derived from the sample size (so the checks cannot flake), and for their
in-place contract (returns the tensor, keeps dtype and device, works on a Parameter that requires grad).
"""
from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F

from support import DEVICES, reference

init = reference("a1_initialization", "initializers.py")
act = reference("a1_initialization", "activations.py")

FLOAT64 = dict(rtol=1e-9, atol=1e-12)
FLOAT32 = dict(rtol=1e-4, atol=1e-5)  # float32 rounding through several elementary ops


def generator(device, seed=0):
    return torch.Generator(device=device).manual_seed(seed)


# ----------------------------------------------------------------------------------------- fans and gains

@pytest.mark.parametrize("make_weight", [
    lambda: torch.nn.Linear(20, 30).weight, lambda: torch.nn.Conv1d(8, 16, 3).weight,
    lambda: torch.nn.Conv2d(4, 8, (3, 5)).weight, lambda: torch.nn.Conv3d(2, 4, (3, 1, 2)).weight,
    lambda: torch.nn.ConvTranspose2d(4, 6, 3).weight, lambda: torch.empty(7, 3, 2, 2, 2, 2),
    lambda: torch.empty(0, 5)], ids=["linear", "conv1d", "conv2d", "conv3d", "conv_transpose2d", "5d", "empty"])
def test_fans_exactly_as_torch(make_weight):
    weight = make_weight()
    got = init.calculate_fan_in_and_fan_out(weight)
    assert got == torch.nn.init._calculate_fan_in_and_fan_out(weight)
    assert all(type(fan) is int for fan in got)


@pytest.mark.parametrize("shape", [(), (5,)])
def test_fans_reject_fewer_than_two_dims(shape):
    with pytest.raises(ValueError, match="fewer than 2 dimensions"):
        init.calculate_fan_in_and_fan_out(torch.empty(shape))


GAIN_CASES = ([(name, None) for name in init.SUPPORTED_NONLINEARITIES]
              + [("leaky_relu", p) for p in (0, 0.0, 0.01, 0.2, 1, 3, -0.5)] + [("relu", 0.3), ("tanh", "ignored")])


@pytest.mark.parametrize("nonlinearity, param", GAIN_CASES)
def test_gain_exactly_as_torch(nonlinearity, param):
    assert init.calculate_gain(nonlinearity, param) == torch.nn.init.calculate_gain(nonlinearity, param)


def test_gain_covers_every_nonlinearity_torch_supports():
    """Every name torch accepts is in our table (torch's error message decides what it rejects)."""
    for name in init.SUPPORTED_NONLINEARITIES:
        torch.nn.init.calculate_gain(name)
    with pytest.raises(ValueError):
        torch.nn.init.calculate_gain("gelu")


@pytest.mark.parametrize("nonlinearity, param", [("gelu", None), ("Relu", None), ("leaky_relu", "0.1"),
                                                 ("leaky_relu", True), ("leaky_relu", [0.1])])
def test_gain_errors_as_torch(nonlinearity, param):
    with pytest.raises(ValueError) as torch_error:
        torch.nn.init.calculate_gain(nonlinearity, param)
    with pytest.raises(ValueError) as our_error:
        init.calculate_gain(nonlinearity, param)
    assert str(our_error.value) == str(torch_error.value)


# --------------------------------------------------------------------------------- initializers vs torch

def torch_lecun_uniform_(tensor, generator=None):
    return torch.nn.init.kaiming_uniform_(tensor, nonlinearity="linear", generator=generator)


def torch_lecun_normal_(tensor, generator=None):
    return torch.nn.init.kaiming_normal_(tensor, nonlinearity="linear", generator=generator)


KAIMING_KWARGS = [{}, {"mode": "fan_out"}, {"mode": "FAN_OUT"}, {"nonlinearity": "relu"}, {"a": 0.3},
                  {"a": math.sqrt(5)}, {"a": 0.1, "mode": "fan_out", "nonlinearity": "leaky_relu"},
                  {"nonlinearity": "tanh"}, {"nonlinearity": "selu"}, {"nonlinearity": "conv2d"}]
PAIRS = ([("xavier_uniform_", torch.nn.init.xavier_uniform_, kw) for kw in ({}, {"gain": 5.0 / 3}, {"gain": 0.5})]
         + [("xavier_normal_", torch.nn.init.xavier_normal_, kw) for kw in ({}, {"gain": math.sqrt(2)})]
         + [("kaiming_uniform_", torch.nn.init.kaiming_uniform_, kw) for kw in KAIMING_KWARGS]
         + [("kaiming_normal_", torch.nn.init.kaiming_normal_, kw) for kw in KAIMING_KWARGS]
         + [("lecun_uniform_", torch_lecun_uniform_, {}), ("lecun_normal_", torch_lecun_normal_, {})])
SHAPES = [(30, 20), (16, 8, 3), (8, 4, 3, 5), (4, 2, 3, 3, 3), (1, 1)]


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("name, torch_init, kwargs", PAIRS, ids=lambda v: getattr(v, "__name__", None) or str(v))
def test_bit_identical_to_torch_with_the_same_generator(name, torch_init, kwargs, shape, dtype, device):
    ours = torch.empty(shape, dtype=dtype, device=device)
    theirs = torch.empty(shape, dtype=dtype, device=device)
    returned = getattr(init, name)(ours, generator=generator(device), **kwargs)
    torch_init(theirs, generator=generator(device), **kwargs)
    assert returned is ours
    assert torch.equal(ours, theirs)


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("name, torch_init, kwargs", PAIRS[:1] + PAIRS[3:4] + PAIRS[5:6],
                         ids=lambda v: getattr(v, "__name__", None) or str(v))
def test_global_generator_by_default(name, torch_init, kwargs, device):
    """Without a generator both draw from the global one: the same seed gives the same weights."""
    ours, theirs = torch.empty(12, 7, device=device), torch.empty(12, 7, device=device)
    torch.manual_seed(3)
    getattr(init, name)(ours, **kwargs)
    torch.manual_seed(3)
    torch_init(theirs, **kwargs)
    assert torch.equal(ours, theirs)


# ------------------------------------------------------------------------------ initializers by statistics

def expected_std_and_bound(name, shape, kwargs):
    """The std the initializer promises and, for a uniform, its bound (from the formulas, not from torch)."""
    receptive = math.prod(shape[2:])
    fan_in, fan_out = shape[1] * receptive, shape[0] * receptive
    if name.startswith("xavier"):
        std = kwargs.get("gain", 1.0) * math.sqrt(2.0 / (fan_in + fan_out))
    elif name.startswith("kaiming"):
        fan = fan_out if kwargs.get("mode", "fan_in") == "fan_out" else fan_in
        a = kwargs.get("a", 0)
        gain = {"relu": math.sqrt(2), "tanh": 5 / 3}.get(kwargs.get("nonlinearity"), math.sqrt(2 / (1 + a * a)))
        std = gain / math.sqrt(fan)
    else:
        std = 1 / math.sqrt(fan_in)
    return std, (math.sqrt(3) * std if name.endswith("uniform_") else None)


def check_statistics(tensor, std, bound, k=6.0):
    """Sample mean, std and extremes within k standard errors of what the distribution implies.

    For n draws, the sample variance s^2 has relative standard error sqrt((kurtosis - 1) / n): kurtosis
    9/5 for a uniform, 3 for a normal. The sample mean has standard error std / sqrt(n). The largest
    |value| of n uniform draws on [-b, b] falls below b (1 - t/n) with probability (1 - t/n)^n < e^-t,
    and a normal exceeds sqrt(3) std (where a uniform must stop) in almost every one of thousands of draws.
    """
    values = tensor.detach().double().flatten().cpu()
    n = values.numel()
    kurtosis = 9 / 5 if bound is not None else 3.0
    relative_error_of_variance = math.sqrt((kurtosis - 1) / n)
    assert abs(values.mean().item()) < k * std / math.sqrt(n)
    assert abs(values.var().item() / std**2 - 1) < k * relative_error_of_variance
    largest = values.abs().max().item()
    if bound is not None:
        assert bound * (1 - 30 / n) < largest <= bound * (1 + 1e-6)
    else:
        assert largest > math.sqrt(3) * std * 1.2


STAT_SHAPES = [(300, 200), (64, 32, 5), (32, 16, 3, 3), (16, 8, 3, 3, 3)]
STAT_CASES = ([("xavier_uniform_", kw) for kw in ({}, {"gain": 5 / 3})] + [("xavier_normal_", {"gain": 2.0})]
              + [(name, kw) for name in ("kaiming_uniform_", "kaiming_normal_")
                 for kw in ({}, {"mode": "fan_out"}, {"a": 0.5}, {"nonlinearity": "tanh", "mode": "fan_out"})]
              + [("lecun_uniform_", {}), ("lecun_normal_", {})])


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("shape", STAT_SHAPES, ids=str)
@pytest.mark.parametrize("name, kwargs", STAT_CASES, ids=str)
def test_statistics(name, kwargs, shape, device):
    std, bound = expected_std_and_bound(name, shape, kwargs)
    tensor = getattr(init, name)(torch.empty(shape, device=device), generator=generator(device, 7), **kwargs)
    check_statistics(tensor, std, bound)


# -------------------------------------------------------------------------------- the in-place contract

INITIALIZERS = ["xavier_uniform_", "xavier_normal_", "kaiming_uniform_", "kaiming_normal_", "lecun_uniform_",
                "lecun_normal_"]


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16, torch.float32, torch.float64])
@pytest.mark.parametrize("name", INITIALIZERS)
def test_in_place_keeps_dtype_and_device(name, dtype, device):
    weight = torch.nn.Parameter(torch.zeros(40, 30, dtype=dtype, device=device))
    storage = weight.data_ptr()
    returned = getattr(init, name)(weight)
    assert returned is weight and weight.data_ptr() == storage
    assert weight.dtype == dtype and weight.device.type == device and weight.requires_grad
    assert weight.grad_fn is None and (weight != 0).all()


@pytest.mark.parametrize("name", INITIALIZERS)
def test_works_under_no_grad_and_on_a_layer(name):
    layer = torch.nn.Conv2d(3, 6, 3)
    with torch.no_grad():
        getattr(init, name)(layer.weight)
    getattr(init, name)(layer.weight)  # and outside no_grad, on a leaf that requires grad
    layer(torch.randn(1, 3, 5, 5)).sum().backward()
    assert layer.weight.grad is not None


@pytest.mark.parametrize("name", ["kaiming_uniform_", "kaiming_normal_", "lecun_uniform_", "lecun_normal_"])
def test_zero_element_tensor_is_a_no_op_with_a_warning(name):
    tensor = torch.empty(0, 4)
    with pytest.warns(UserWarning, match="zero-element"):
        assert getattr(init, name)(tensor) is tensor


@pytest.mark.parametrize("name", ["kaiming_uniform_", "kaiming_normal_"])
def test_kaiming_rejects_unknown_mode_and_nonlinearity(name):
    for kwargs in ({"mode": "fan_avg"}, {"nonlinearity": "gelu"}):
        with pytest.raises(ValueError):
            torch.nn.init.kaiming_uniform_(torch.empty(3, 4), **kwargs)
        with pytest.raises(ValueError):
            getattr(init, name)(torch.empty(3, 4), **kwargs)


def test_kaiming_default_is_relu_gain():
    """a=0 with nonlinearity="leaky_relu" (the default) gives exactly ReLU's sqrt(2)."""
    assert init.calculate_gain("leaky_relu", 0) == init.calculate_gain("relu") == math.sqrt(2)


# ---------------------------------------------------------------------------------------------- activations

ACTIVATIONS = [
    ("relu", lambda x: act.relu(x), F.relu),
    ("leaky_relu", lambda x: act.leaky_relu(x), F.leaky_relu),
    ("leaky_relu 0.2", lambda x: act.leaky_relu(x, 0.2), lambda x: F.leaky_relu(x, 0.2)),
    ("leaky_relu 3.0", lambda x: act.leaky_relu(x, negative_slope=3.0), lambda x: F.leaky_relu(x, 3.0)),
    ("leaky_relu -0.5", lambda x: act.leaky_relu(x, -0.5), lambda x: F.leaky_relu(x, -0.5)),
    ("elu", lambda x: act.elu(x), F.elu),
    ("elu 0.3", lambda x: act.elu(x, alpha=0.3), lambda x: F.elu(x, alpha=0.3)),
    ("elu 2.0", lambda x: act.elu(x, 2.0), lambda x: F.elu(x, 2.0)),
    ("selu", lambda x: act.selu(x), F.selu),
    ("gelu", lambda x: act.gelu(x), F.gelu),
    ("gelu tanh", lambda x: act.gelu(x, approximate="tanh"), lambda x: F.gelu(x, approximate="tanh")),
]


def away_from_kink(dtype, device):
    x = torch.randn(2000, dtype=dtype, device=device, generator=generator(device, 11)) * 4
    x = x[x.abs() > 1e-4]
    extremes = torch.tensor([-1000.0, -60.0, -1e-3, 1e-3, 60.0, 1000.0], dtype=dtype, device=device)
    return torch.cat([x, extremes]).reshape(-1, 2)  # 2-D: shape handling too


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
@pytest.mark.parametrize("name, ours, theirs", ACTIVATIONS, ids=[a[0] for a in ACTIVATIONS])
def test_activation_values_and_gradients(name, ours, theirs, dtype, device):
    tolerance = FLOAT64 if dtype == torch.float64 else FLOAT32
    x = away_from_kink(dtype, device)
    upstream = torch.randn(x.shape, dtype=dtype, device=device, generator=generator(device, 12))
    x_ours, x_theirs = x.clone().requires_grad_(), x.clone().requires_grad_()
    out_ours, out_theirs = ours(x_ours), theirs(x_theirs)
    assert out_ours.dtype == dtype and out_ours.device == x.device
    torch.testing.assert_close(out_ours, out_theirs, equal_nan=True, **tolerance)
    out_ours.backward(upstream)
    out_theirs.backward(upstream)
    torch.testing.assert_close(x_ours.grad, x_theirs.grad, **tolerance)
    assert torch.isfinite(x_ours.grad).all()


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("name, ours, theirs", ACTIVATIONS, ids=[a[0] for a in ACTIVATIONS])
def test_activation_kink_convention(name, ours, theirs, device):
    """At x = 0 (and -0.0) torch takes the negative branch's derivative; so do we. Values: -inf, inf, nan too."""
    x = torch.tensor([0.0, -0.0], dtype=torch.float64, device=device, requires_grad=True)
    (grad_ours,) = torch.autograd.grad(ours(x).sum(), x)
    (grad_theirs,) = torch.autograd.grad(theirs(x).sum(), x)
    assert torch.equal(grad_ours, grad_theirs)
    special = torch.tensor([float("-inf"), float("inf"), float("nan")], dtype=torch.float64, device=device)
    torch.testing.assert_close(ours(special), theirs(special), equal_nan=True)


def test_kink_conventions_stated_in_the_docstring():
    grads = {}
    for name, fn in [("relu", act.relu), ("leaky_relu", act.leaky_relu), ("elu", act.elu), ("selu", act.selu),
                     ("gelu", act.gelu)]:
        x = torch.zeros(1, dtype=torch.float64, requires_grad=True)
        grads[name] = torch.autograd.grad(fn(x).sum(), x)[0].item()
    assert grads == {"relu": 0.0, "leaky_relu": 0.01, "elu": 1.0, "selu": act.SELU_SCALE * act.SELU_ALPHA,
                     "gelu": 0.5}


@pytest.mark.parametrize("name", ["relu", "leaky_relu", "elu", "selu"])
def test_inplace_like_torch(name):
    ours, theirs = getattr(act, name), getattr(F, name)
    x = torch.linspace(-3, 3, 13, dtype=torch.float64)
    expected = theirs(x.clone(), inplace=True)
    y = x.clone()
    assert ours(y, inplace=True) is y
    torch.testing.assert_close(y, expected, **FLOAT64)
    # Through autograd on a non-leaf, as in `relu(layer(x), inplace=True)`.
    w1, w2 = torch.ones(13, dtype=torch.float64, requires_grad=True), torch.ones(13, dtype=torch.float64,
                                                                                requires_grad=True)
    ours(x * w1, inplace=True).pow(2).sum().backward()
    theirs(x * w2, inplace=True).pow(2).sum().backward()
    torch.testing.assert_close(w1.grad, w2.grad, **FLOAT64)
    # A leaf that requires grad cannot be overwritten, in torch and here.
    with pytest.raises(RuntimeError):
        ours(torch.zeros(3, requires_grad=True), inplace=True)


def test_selu_constants():
    assert act.SELU_ALPHA == pytest.approx(1.6732632423543772, rel=1e-15)
    assert act.SELU_SCALE == pytest.approx(1.0507009873554805, rel=1e-15)


# ------------------------------------------------------------------------------------------------- PReLU

@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
@pytest.mark.parametrize("num_parameters, shape", [(1, ()), (1, (9,)), (1, (4, 3, 5)), (3, (5, 3)),
                                                   (3, (4, 3, 7)), (5, (2, 5, 3, 4)), (2, (2, 2, 3, 3, 3))])
def test_prelu_like_torch(num_parameters, shape, dtype, device):
    tolerance = FLOAT64 if dtype == torch.float64 else FLOAT32
    ours = act.PReLU(num_parameters, init=0.3, device=device, dtype=dtype)
    theirs = torch.nn.PReLU(num_parameters, init=0.3, device=device, dtype=dtype)
    assert ours.weight.shape == theirs.weight.shape and ours.weight.dtype == dtype
    assert ours.weight.device == theirs.weight.device and torch.equal(ours.weight, theirs.weight)
    assert [n for n, _ in ours.named_parameters()] == ["weight"] and repr(ours) == repr(theirs)
    slopes = torch.linspace(-0.2, 0.7, num_parameters, dtype=dtype, device=device)
    with torch.no_grad():
        ours.weight.copy_(slopes)
        theirs.weight.copy_(slopes)
    x = torch.randn(shape, dtype=dtype, device=device, generator=generator(device, 5))
    if x.numel() > 1:
        x.view(-1)[0] = 0.0  # one element at the kink
    upstream = torch.randn(shape, dtype=dtype, device=device, generator=generator(device, 6))
    x_ours, x_theirs = x.clone().requires_grad_(), x.clone().requires_grad_()
    out_ours, out_theirs = ours(x_ours), theirs(x_theirs)
    torch.testing.assert_close(out_ours, out_theirs, **tolerance)
    out_ours.backward(upstream)
    out_theirs.backward(upstream)
    torch.testing.assert_close(x_ours.grad, x_theirs.grad, **tolerance)
    torch.testing.assert_close(ours.weight.grad, theirs.weight.grad, **tolerance)


def test_prelu_defaults_and_reset():
    module = act.PReLU()
    assert module.num_parameters == 1 and module.init == 0.25 and module.weight.tolist() == [0.25]
    with torch.no_grad():
        module.weight.fill_(3.0)
    module.reset_parameters()
    assert module.weight.tolist() == [0.25]


def test_prelu_rejects_wrong_channel_count():
    for shape in [(4, 2), (7,)]:
        with pytest.raises((ValueError, RuntimeError)):
            torch.nn.PReLU(3)(torch.randn(shape))
        with pytest.raises(ValueError, match="Mismatch"):
            act.PReLU(3)(torch.randn(shape))


def test_prelu_trains():
    """The slope is a Parameter an optimizer updates: its gradient is the sum of x over negative inputs."""
    module = act.PReLU(2, dtype=torch.float64)
    x = torch.tensor([[-1.0, 2.0], [-3.0, -4.0]], dtype=torch.float64)
    module(x).sum().backward()
    assert module.weight.grad.tolist() == [-4.0, -4.0]
    torch.optim.SGD(module.parameters(), lr=0.1).step()
    assert module.weight.tolist() == pytest.approx([0.65, 0.65])
