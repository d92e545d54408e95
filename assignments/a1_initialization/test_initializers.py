"""Public checks for initializers.py: run `pytest -m <marker>` in this folder, e.g. `pytest -m xavier_uniform`
(a marker is the component's name in lower case, without its trailing underscore).

Each initializer is compared with torch.nn.init: both draw from a torch.Generator seeded the same way, so a
correct implementation gives the same weights up to rounding (it must draw with `tensor.uniform_(-b, b, generator=...)`
or `tensor.normal_(0, std, generator=...)`, once, like torch).
"""
import math

import pytest
import torch

from initializers import (calculate_fan_in_and_fan_out, calculate_gain, kaiming_normal_, kaiming_uniform_,
                          lecun_normal_, lecun_uniform_, xavier_normal_, xavier_uniform_)

# A Linear weight, and Conv1d / Conv2d / Conv3d weights: [out, in, *kernel].
SHAPES = [(30, 20), (16, 8, 3), (8, 4, 3, 3), (4, 2, 3, 3, 3)]


def check_same_draws(ours, torch_init, shape, **kwargs):
    """Fill two float64 tensors with the same seed, ours and torch's, and explain any difference."""
    mine = torch.empty(shape, dtype=torch.float64)
    expected = torch.empty(shape, dtype=torch.float64)
    returned = ours(mine, generator=torch.Generator().manual_seed(0), **kwargs)
    torch_init(expected, generator=torch.Generator().manual_seed(0), **kwargs)
    assert returned is mine, f"{ours.__name__} must fill the tensor in place and return that same tensor"
    # Same draws, so the values agree up to rounding (a bound computed as sqrt(6 / n) instead of
    # sqrt(2 / n) * sqrt(3) may differ in the last bit): compare relative to the largest weight.
    if (mine - expected).abs().max() > 1e-9 * expected.abs().max():
        ratio = (mine.std() / expected.std()).item()
        pytest.fail(f"{ours.__name__}(tensor of shape {tuple(shape)}, {kwargs}) with a generator seeded 0 differs "
                    f"from torch's. Your values are {ratio:.4f} times torch's spread "
                    f"(your std {mine.std():.5f}, torch's {expected.std():.5f}). If the ratio is 1.0000, check "
                    f"that you draw once, with the generator, using uniform_/normal_ as the docstring says; "
                    f"otherwise re-derive the bound or std (fans, gain, the factor sqrt(3) of a uniform).")


@pytest.mark.calculate_fan_in_and_fan_out
@pytest.mark.parametrize("shape", SHAPES)
def test_fans_match_torch(shape):
    expected = torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))
    got = calculate_fan_in_and_fan_out(torch.empty(shape))
    assert tuple(got) == expected, (f"weight of shape {shape}: expected (fan_in, fan_out) = {expected}, got {got}. "
                                    "Remember the layout [out, in, *kernel] and the receptive field.")


@pytest.mark.calculate_fan_in_and_fan_out
def test_fans_need_two_dimensions():
    with pytest.raises(ValueError):
        calculate_fan_in_and_fan_out(torch.empty(5))


@pytest.mark.calculate_gain
@pytest.mark.parametrize("nonlinearity, param", [
    ("linear", None), ("conv2d", None), ("conv_transpose3d", None), ("sigmoid", None), ("tanh", None),
    ("relu", None), ("leaky_relu", None), ("leaky_relu", 0.2), ("leaky_relu", 0), ("leaky_relu", 3),
    ("selu", None)])
def test_gain_matches_torch(nonlinearity, param):
    expected = torch.nn.init.calculate_gain(nonlinearity, param)
    got = calculate_gain(nonlinearity, param)
    assert math.isclose(got, expected, rel_tol=1e-12), \
        f"calculate_gain({nonlinearity!r}, {param!r}): expected {expected}, got {got}"


@pytest.mark.calculate_gain
@pytest.mark.parametrize("nonlinearity, param", [("softplus", None), ("leaky_relu", "0.2"), ("leaky_relu", True)])
def test_gain_rejects_what_torch_rejects(nonlinearity, param):
    with pytest.raises(ValueError):
        calculate_gain(nonlinearity, param)


@pytest.mark.xavier_uniform
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("gain", [1.0, 5.0 / 3])
def test_xavier_uniform_matches_torch(shape, gain):
    check_same_draws(xavier_uniform_, torch.nn.init.xavier_uniform_, shape, gain=gain)


@pytest.mark.xavier_normal
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("gain", [1.0, 5.0 / 3])
def test_xavier_normal_matches_torch(shape, gain):
    check_same_draws(xavier_normal_, torch.nn.init.xavier_normal_, shape, gain=gain)


KAIMING_ARGS = [{}, {"mode": "fan_out"}, {"nonlinearity": "relu"}, {"a": 0.2}, {"a": 0.1, "mode": "fan_out"},
                {"nonlinearity": "tanh"}]


@pytest.mark.kaiming_uniform
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("kwargs", KAIMING_ARGS, ids=str)
def test_kaiming_uniform_matches_torch(shape, kwargs):
    check_same_draws(kaiming_uniform_, torch.nn.init.kaiming_uniform_, shape, **kwargs)


@pytest.mark.kaiming_normal
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("kwargs", KAIMING_ARGS, ids=str)
def test_kaiming_normal_matches_torch(shape, kwargs):
    check_same_draws(kaiming_normal_, torch.nn.init.kaiming_normal_, shape, **kwargs)


@pytest.mark.lecun_uniform
@pytest.mark.parametrize("shape", SHAPES)
def test_lecun_uniform_is_kaiming_linear(shape):
    check_same_draws(lecun_uniform_, lambda t, generator: torch.nn.init.kaiming_uniform_(
        t, nonlinearity="linear", generator=generator), shape)


@pytest.mark.lecun_normal
@pytest.mark.parametrize("shape", SHAPES)
def test_lecun_normal_is_kaiming_linear(shape):
    check_same_draws(lecun_normal_, lambda t, generator: torch.nn.init.kaiming_normal_(
        t, nonlinearity="linear", generator=generator), shape)


ALL_INITIALIZERS = [pytest.param(f, marks=getattr(pytest.mark, f.__name__.rstrip("_")), id=f.__name__) for f in
                    (xavier_uniform_, xavier_normal_, kaiming_uniform_, kaiming_normal_, lecun_uniform_,
                     lecun_normal_)]


@pytest.mark.parametrize("init", ALL_INITIALIZERS)
def test_fills_a_parameter_in_place_keeping_dtype(init):
    """Initializing a layer's weight: a float32 Parameter that requires grad (needs torch.no_grad())."""
    weight = torch.nn.Parameter(torch.zeros(64, 32))
    returned = init(weight)
    assert returned is weight, f"{init.__name__} must return the tensor it was given"
    assert weight.dtype == torch.float32, f"{init.__name__} changed the dtype to {weight.dtype}"
    assert (weight != 0).all(), f"{init.__name__} did not fill every entry of the weight in place"
    assert weight.requires_grad, f"{init.__name__} must leave the Parameter requiring grad"
