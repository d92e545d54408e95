"""Public checks for normalization.py: your layers against torch.nn on small, fixed-seed inputs.

Run one component at a time from this folder, e.g.   pytest -m batchnorm1d
Everything runs in float64, where a correct implementation matches torch to about 1e-12.
"""
import pytest
import torch

from normalization import BatchNorm1d, BatchNorm2d, BatchNormFunction, GroupNorm, LayerNorm

DTYPE = torch.float64
TOL = 1e-9


def assert_close(ours, theirs, what):
    """Fail with a message saying what differs, by how much, and where."""
    assert ours is not None, f"{what}: yours is None, torch's is a tensor of shape {tuple(theirs.shape)}"
    assert ours.shape == theirs.shape, f"{what}: shape {tuple(ours.shape)}, expected {tuple(theirs.shape)}"
    error = (ours - theirs).abs().max().item()
    scale = max(theirs.abs().max().item(), 1.0)
    assert error <= TOL * scale, (
        f"{what}: largest difference from torch is {error:.3g} (tolerance {TOL * scale:.1g}).\n"
        f"  first values yours: {ours.flatten()[:4].tolist()}\n"
        f"  first values torch: {theirs.flatten()[:4].tolist()}")


def random_input(*shape, seed=0):
    """An input whose channels have different means and scales, so per-channel mistakes show."""
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(*shape, generator=generator, dtype=DTYPE)
    channel_shape = [1, shape[1]] + [1] * (len(shape) - 2)
    offsets = torch.linspace(-2, 3, shape[1], dtype=DTYPE).reshape(channel_shape)
    scales = torch.linspace(0.5, 4, shape[1], dtype=DTYPE).reshape(channel_shape)
    return x * scales + offsets


def randomize_affine(ours, theirs, seed=1):
    """Give both modules the same non-trivial γ and β (the defaults, ones and zeros, hide mistakes)."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name in ("weight", "bias"):
            if getattr(theirs, name, None) is not None:
                value = torch.randn(getattr(theirs, name).shape, generator=generator, dtype=DTYPE)
                getattr(theirs, name).copy_(value)
                getattr(ours, name).copy_(value)


def compare_forward_backward(ours, theirs, x, label, seed=2):
    """Outputs, and the gradients of x, weight and bias under a random upstream gradient."""
    x_ours = x.clone().requires_grad_(True)
    x_theirs = x.clone().requires_grad_(True)
    y_ours, y_theirs = ours(x_ours), theirs(x_theirs)
    assert_close(y_ours, y_theirs, f"{label}: output")
    upstream = torch.randn(y_theirs.shape, generator=torch.Generator().manual_seed(seed), dtype=DTYPE)
    y_ours.backward(upstream)
    y_theirs.backward(upstream)
    assert_close(x_ours.grad, x_theirs.grad, f"{label}: gradient of the input")
    for name in ("weight", "bias"):
        if getattr(theirs, name, None) is not None:
            assert_close(getattr(ours, name).grad, getattr(theirs, name).grad, f"{label}: gradient of {name}")


def compare_buffers(ours, theirs, label):
    for name in ("running_mean", "running_var"):
        assert_close(getattr(ours, name), getattr(theirs, name), f"{label}: {name}")
    assert int(ours.num_batches_tracked) == int(theirs.num_batches_tracked), (
        f"{label}: num_batches_tracked is {int(ours.num_batches_tracked)}, "
        f"expected {int(theirs.num_batches_tracked)}")


# ----------------------------------------------------------------------------------------- BatchNorm1d
@pytest.mark.batchnorm1d
@pytest.mark.parametrize("shape", [(8, 3), (6, 3, 5)], ids=["(N,C)", "(N,C,L)"])
def test_batchnorm1d_training_forward_and_gradients(shape):
    ours, theirs = BatchNorm1d(3, dtype=DTYPE), torch.nn.BatchNorm1d(3, dtype=DTYPE)
    randomize_affine(ours, theirs)
    compare_forward_backward(ours, theirs, random_input(*shape), f"BatchNorm1d(3), train mode, input {shape}")


@pytest.mark.batchnorm1d
@pytest.mark.parametrize("momentum", [0.1, 0.3, None])
def test_batchnorm1d_running_statistics_and_eval(momentum):
    ours = BatchNorm1d(4, momentum=momentum, dtype=DTYPE)
    theirs = torch.nn.BatchNorm1d(4, momentum=momentum, dtype=DTYPE)
    randomize_affine(ours, theirs)
    label = f"BatchNorm1d(4, momentum={momentum})"
    for step in range(3):
        x = random_input(5, 4, seed=10 + step)
        assert_close(ours(x), theirs(x), f"{label}: train-mode output on batch {step}")
        compare_buffers(ours, theirs, f"{label}: after {step + 1} training batches")
    ours.eval(), theirs.eval()
    x = random_input(7, 4, seed=20)
    assert_close(ours(x), theirs(x), f"{label}: eval-mode output (should use the running statistics)")
    compare_buffers(ours, theirs, f"{label}: after an eval-mode batch (eval must not update them)")


@pytest.mark.batchnorm1d
def test_batchnorm1d_options():
    x = random_input(6, 3, 4)
    for kwargs in [dict(affine=False), dict(track_running_stats=False), dict(eps=0.5)]:
        ours, theirs = BatchNorm1d(3, dtype=DTYPE, **kwargs), torch.nn.BatchNorm1d(3, dtype=DTYPE, **kwargs)
        randomize_affine(ours, theirs)
        compare_forward_backward(ours, theirs, x, f"BatchNorm1d(3, {kwargs}), train mode")
        ours.eval(), theirs.eval()
        assert_close(ours(x), theirs(x), f"BatchNorm1d(3, {kwargs}), eval mode")


@pytest.mark.batchnorm1d
def test_batchnorm1d_state_dict_matches_torch():
    ours, theirs = BatchNorm1d(3, dtype=DTYPE), torch.nn.BatchNorm1d(3, dtype=DTYPE)
    assert list(ours.state_dict()) == list(theirs.state_dict()), (
        f"state_dict keys {list(ours.state_dict())}, expected {list(theirs.state_dict())} "
        f"(parameters weight, bias; buffers running_mean, running_var, num_batches_tracked)")
    assert [n for n, _ in ours.named_parameters()] == ["weight", "bias"], "only weight and bias are parameters"
    theirs(random_input(5, 3))
    ours.load_state_dict(theirs.state_dict())
    ours.eval(), theirs.eval()
    x = random_input(4, 3, seed=3)
    assert_close(ours(x), theirs(x), "BatchNorm1d after loading torch's state_dict, eval mode")
    untracked = BatchNorm1d(3, track_running_stats=False)
    assert untracked.running_mean is None and untracked.running_var is None, (
        "with track_running_stats=False, running_mean and running_var are None, as in torch")


@pytest.mark.batchnorm1d
def test_batchnorm1d_rejects_wrong_shapes():
    with pytest.raises(ValueError):
        BatchNorm1d(3)(torch.randn(2, 3, 4, 5))


# ----------------------------------------------------------------------------------------- BatchNorm2d
@pytest.mark.batchnorm2d
def test_batchnorm2d_training_forward_and_gradients():
    ours, theirs = BatchNorm2d(3, dtype=DTYPE), torch.nn.BatchNorm2d(3, dtype=DTYPE)
    randomize_affine(ours, theirs)
    compare_forward_backward(ours, theirs, random_input(4, 3, 5, 2), "BatchNorm2d(3), train mode")


@pytest.mark.batchnorm2d
@pytest.mark.parametrize("momentum", [0.1, None])
def test_batchnorm2d_running_statistics_and_eval(momentum):
    ours = BatchNorm2d(3, momentum=momentum, dtype=DTYPE)
    theirs = torch.nn.BatchNorm2d(3, momentum=momentum, dtype=DTYPE)
    label = f"BatchNorm2d(3, momentum={momentum})"
    for step in range(3):
        x = random_input(2, 3, 3, 2, seed=30 + step)
        assert_close(ours(x), theirs(x), f"{label}: train-mode output on batch {step}")
    compare_buffers(ours, theirs, f"{label}: after 3 training batches")
    ours.eval(), theirs.eval()
    x = random_input(2, 3, 3, 2, seed=40)
    assert_close(ours(x), theirs(x), f"{label}: eval-mode output")


@pytest.mark.batchnorm2d
def test_batchnorm2d_rejects_wrong_shapes():
    with pytest.raises(ValueError):
        BatchNorm2d(3)(torch.randn(4, 3))


# ------------------------------------------------------------------------------------------- LayerNorm
@pytest.mark.layernorm
@pytest.mark.parametrize("normalized_shape, shape", [(5, (4, 5)), (5, (2, 3, 5)), ((3, 5), (2, 3, 5))],
                         ids=["5 of (4,5)", "5 of (2,3,5)", "(3,5) of (2,3,5)"])
def test_layernorm_forward_and_gradients(normalized_shape, shape):
    ours, theirs = LayerNorm(normalized_shape, dtype=DTYPE), torch.nn.LayerNorm(normalized_shape, dtype=DTYPE)
    randomize_affine(ours, theirs)
    x = torch.randn(shape, generator=torch.Generator().manual_seed(4), dtype=DTYPE) * 3 + 1
    compare_forward_backward(ours, theirs, x, f"LayerNorm({normalized_shape}), input {shape}")


@pytest.mark.layernorm
@pytest.mark.parametrize("kwargs", [dict(elementwise_affine=False), dict(bias=False), dict(eps=0.1)])
def test_layernorm_options(kwargs):
    ours, theirs = LayerNorm((3, 4), dtype=DTYPE, **kwargs), torch.nn.LayerNorm((3, 4), dtype=DTYPE, **kwargs)
    randomize_affine(ours, theirs)
    x = torch.randn(2, 3, 4, generator=torch.Generator().manual_seed(5), dtype=DTYPE) * 2
    compare_forward_backward(ours, theirs, x, f"LayerNorm((3, 4), {kwargs})")
    assert list(ours.state_dict()) == list(theirs.state_dict()), (
        f"LayerNorm((3, 4), {kwargs}): state_dict keys {list(ours.state_dict())}, "
        f"expected {list(theirs.state_dict())}")


# ------------------------------------------------------------------------------------------- GroupNorm
@pytest.mark.groupnorm
@pytest.mark.parametrize("num_groups", [1, 2, 6])
@pytest.mark.parametrize("shape", [(3, 6, 4), (2, 6, 3, 2)], ids=["(N,C,L)", "(N,C,H,W)"])
def test_groupnorm_forward_and_gradients(num_groups, shape):
    ours, theirs = GroupNorm(num_groups, 6, dtype=DTYPE), torch.nn.GroupNorm(num_groups, 6, dtype=DTYPE)
    randomize_affine(ours, theirs)
    compare_forward_backward(ours, theirs, random_input(*shape), f"GroupNorm({num_groups}, 6), input {shape}")


@pytest.mark.groupnorm
def test_groupnorm_without_affine_and_divisibility():
    ours, theirs = GroupNorm(3, 6, affine=False, dtype=DTYPE), torch.nn.GroupNorm(3, 6, affine=False, dtype=DTYPE)
    compare_forward_backward(ours, theirs, random_input(2, 6, 5), "GroupNorm(3, 6, affine=False)")
    with pytest.raises(ValueError):
        GroupNorm(4, 6)


# ----------------------------------------------------------------------------------- BatchNormFunction
def batch_norm_formula(x, weight, bias, eps):
    """Training-mode batch norm written with plain operations, so autograd can differentiate it."""
    dims = [0] + list(range(2, x.dim()))
    shape = [1, -1] + [1] * (x.dim() - 2)
    mean = x.mean(dim=dims, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=dims, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * weight.reshape(shape) + bias.reshape(shape)


@pytest.mark.batchnormfunction
@pytest.mark.parametrize("shape", [(6, 3), (4, 3, 5), (2, 3, 4, 2)])
def test_batchnormfunction_matches_autograd(shape):
    x = random_input(*shape)
    weight = torch.randn(3, generator=torch.Generator().manual_seed(6), dtype=DTYPE)
    bias = torch.randn(3, generator=torch.Generator().manual_seed(7), dtype=DTYPE)
    upstream = torch.randn(shape, generator=torch.Generator().manual_seed(8), dtype=DTYPE)
    results = []
    for fn in (BatchNormFunction.apply, batch_norm_formula):
        inputs = [t.clone().requires_grad_(True) for t in (x, weight, bias)]
        y = fn(*inputs, 1e-5)
        y.backward(upstream)
        results.append((y, *(t.grad for t in inputs)))
    for name, ours, expected in zip(["output", "grad of x", "grad of weight", "grad of bias"], *results):
        assert_close(ours, expected, f"BatchNormFunction on {shape}: {name} (vs autograd of the formula)")


@pytest.mark.batchnormfunction
def test_batchnormfunction_gradcheck():
    x = random_input(5, 2, 3).requires_grad_(True)
    weight = torch.tensor([0.7, -1.3], dtype=DTYPE, requires_grad=True)
    bias = torch.tensor([0.2, 0.5], dtype=DTYPE, requires_grad=True)
    assert torch.autograd.gradcheck(BatchNormFunction.apply, (x, weight, bias, 1e-5)), (
        "your backward disagrees with finite differences of your forward")


@pytest.mark.batchnormfunction
def test_batchnormfunction_only_input_needs_grad():
    x = random_input(5, 2).requires_grad_(True)
    weight = torch.tensor([0.7, -1.3], dtype=DTYPE)           # no requires_grad: a frozen γ and β
    bias = torch.tensor([0.2, 0.5], dtype=DTYPE)
    upstream = torch.randn(5, 2, generator=torch.Generator().manual_seed(9), dtype=DTYPE)
    BatchNormFunction.apply(x, weight, bias, 1e-5).backward(upstream)
    x_ref = x.detach().clone().requires_grad_(True)
    batch_norm_formula(x_ref, weight, bias, 1e-5).backward(upstream)
    assert_close(x.grad, x_ref.grad, "BatchNormFunction with weight and bias not requiring grad: grad of x")
