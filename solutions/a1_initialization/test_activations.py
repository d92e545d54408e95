"""Public checks for activations.py: run `pytest -m <component>` in this folder, e.g. `pytest -m gelu`.

Values and gradients are compared with torch.nn.functional in float64 (relative error 1e-9), on inputs
that avoid the kink at 0; the kink itself is checked separately, since there the derivative is a convention.
"""
import pytest
import torch
import torch.nn.functional as F

from activations import PReLU, elu, gelu, leaky_relu, relu, selu


def inputs():
    """Fixed float64 inputs: small and large, negative and positive, none at the kink."""
    x = torch.linspace(-6.0, 6.0, 101, dtype=torch.float64)
    x = x[x.abs() > 1e-3]
    return torch.cat([x, torch.tensor([-40.0, -1e-2, 1e-2, 30.0], dtype=torch.float64)])


def check_value_and_gradient(ours, theirs, x, what):
    x = x.clone().requires_grad_()
    mine, expected = ours(x), theirs(x)
    torch.testing.assert_close(mine, expected, rtol=1e-9, atol=1e-12,
                               msg=lambda m: f"{what}: values differ from torch's.\n{m}")
    # A random upstream gradient (not all ones) also catches a backward that ignores grad_output.
    upstream = torch.randn(x.shape, dtype=x.dtype, generator=torch.Generator().manual_seed(0))
    (grad_mine,) = torch.autograd.grad(mine, x, upstream)
    x2 = x.detach().clone().requires_grad_()
    (grad_expected,) = torch.autograd.grad(theirs(x2), x2, upstream)
    torch.testing.assert_close(grad_mine, grad_expected, rtol=1e-9, atol=1e-12,
                               msg=lambda m: f"{what}: gradients differ from torch's.\n{m}")


def gradient_at_zero(fn):
    x = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(fn(x).sum(), x)
    return grad.item()


CASES = [
    pytest.param(relu, F.relu, "relu(x)", marks=pytest.mark.relu, id="relu"),
    pytest.param(leaky_relu, F.leaky_relu, "leaky_relu(x)", marks=pytest.mark.leaky_relu, id="leaky_relu"),
    pytest.param(lambda x: leaky_relu(x, 0.2), lambda x: F.leaky_relu(x, 0.2), "leaky_relu(x, 0.2)",
                 marks=pytest.mark.leaky_relu, id="leaky_relu-0.2"),
    pytest.param(lambda x: leaky_relu(x, negative_slope=1.5), lambda x: F.leaky_relu(x, 1.5),
                 "leaky_relu(x, negative_slope=1.5)", marks=pytest.mark.leaky_relu, id="leaky_relu-1.5"),
    pytest.param(elu, F.elu, "elu(x)", marks=pytest.mark.elu, id="elu"),
    pytest.param(lambda x: elu(x, alpha=0.5), lambda x: F.elu(x, alpha=0.5), "elu(x, alpha=0.5)",
                 marks=pytest.mark.elu, id="elu-0.5"),
    pytest.param(selu, F.selu, "selu(x)", marks=pytest.mark.selu, id="selu"),
    pytest.param(gelu, F.gelu, "gelu(x)", marks=pytest.mark.gelu, id="gelu"),
    pytest.param(lambda x: gelu(x, approximate="tanh"), lambda x: F.gelu(x, approximate="tanh"),
                 "gelu(x, approximate='tanh')", marks=pytest.mark.gelu, id="gelu-tanh"),
]


@pytest.mark.parametrize("ours, theirs, what", CASES)
def test_matches_torch(ours, theirs, what):
    check_value_and_gradient(ours, theirs, inputs(), what)


@pytest.mark.parametrize("ours, theirs, what", CASES)
def test_gradient_at_the_kink_follows_torch(ours, theirs, what):
    expected, got = gradient_at_zero(theirs), gradient_at_zero(ours)
    assert abs(got - expected) <= 1e-12, (f"{what}: at x = 0 torch's derivative is {expected} (the negative "
                                          f"branch's), yours is {got}")


@pytest.mark.parametrize("ours, theirs, what", CASES)
def test_keeps_dtype_and_shape(ours, theirs, what):
    x = torch.randn(3, 4, 5, generator=torch.Generator().manual_seed(1))  # float32
    out = ours(x)
    assert out.shape == x.shape and out.dtype == x.dtype, \
        f"{what}: float32 input of shape {tuple(x.shape)} gave {out.dtype} of shape {tuple(out.shape)}"
    torch.testing.assert_close(out, theirs(x), msg=lambda m: f"{what} on float32 input.\n{m}")


@pytest.mark.parametrize("fn, marker", [(relu, "relu"), (leaky_relu, "leaky_relu"), (elu, "elu"),
                                        (selu, "selu")])
def test_inplace_writes_into_the_input(fn, marker, request):
    request.applymarker(getattr(pytest.mark, marker))
    x = torch.linspace(-2.0, 2.0, 9, dtype=torch.float64)
    expected = fn(x.clone())
    returned = fn(x, inplace=True)
    assert returned is x, f"{marker}(x, inplace=True) must return x itself"
    torch.testing.assert_close(x, expected, msg=lambda m: f"{marker}(x, inplace=True) left wrong values in x.\n{m}")


@pytest.mark.gelu
def test_gelu_rejects_unknown_approximation():
    with pytest.raises(ValueError):
        gelu(torch.zeros(3), approximate="sigmoid")


@pytest.mark.prelu
@pytest.mark.parametrize("num_parameters, shape", [(1, (7,)), (1, (4, 3, 5)), (3, (4, 3)), (3, (4, 3, 5)),
                                                   (3, (2, 3, 4, 4))])
def test_prelu_matches_torch(num_parameters, shape):
    ours = PReLU(num_parameters, dtype=torch.float64)
    theirs = torch.nn.PReLU(num_parameters, dtype=torch.float64)
    assert ours.weight.shape == theirs.weight.shape, \
        f"PReLU({num_parameters}).weight has shape {tuple(ours.weight.shape)}, expected {tuple(theirs.weight.shape)}"
    assert isinstance(ours.weight, torch.nn.Parameter), "PReLU.weight must be a torch.nn.Parameter"
    slopes = torch.linspace(0.1, 0.4, num_parameters, dtype=torch.float64)  # different slope per channel
    with torch.no_grad():
        ours.weight.copy_(slopes)
        theirs.weight.copy_(slopes)
    x = torch.randn(shape, dtype=torch.float64, generator=torch.Generator().manual_seed(2))
    upstream = torch.randn(shape, dtype=torch.float64, generator=torch.Generator().manual_seed(3))
    x_ours, x_theirs = x.clone().requires_grad_(), x.clone().requires_grad_()
    out_ours, out_theirs = ours(x_ours), theirs(x_theirs)
    what = f"PReLU({num_parameters}) on input of shape {shape}"
    torch.testing.assert_close(out_ours, out_theirs, rtol=1e-9, atol=1e-12,
                               msg=lambda m: f"{what}: outputs differ (is the slope per channel on dim 1?).\n{m}")
    out_ours.backward(upstream)
    out_theirs.backward(upstream)
    torch.testing.assert_close(x_ours.grad, x_theirs.grad, rtol=1e-9, atol=1e-12,
                               msg=lambda m: f"{what}: input gradients differ.\n{m}")
    torch.testing.assert_close(ours.weight.grad, theirs.weight.grad, rtol=1e-9, atol=1e-12,
                               msg=lambda m: f"{what}: weight gradients differ.\n{m}")


@pytest.mark.prelu
def test_prelu_defaults():
    module = PReLU()
    assert module.weight.shape == (1,) and module.weight.item() == 0.25, \
        "PReLU() must hold one slope, initialized to 0.25"
    assert torch.equal(PReLU(4, init=0.1).weight.detach(), torch.full((4,), 0.1)), \
        "PReLU(4, init=0.1) must hold four slopes equal to 0.1"
    assert PReLU(dtype=torch.float64).weight.dtype == torch.float64, "PReLU(dtype=...) must set the weight's dtype"
