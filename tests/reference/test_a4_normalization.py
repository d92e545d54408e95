"""The a4_normalization reference against torch: normalization layers, BatchNormFunction, gradient clipping.

float64 must agree to a relative error of about 1e-9 (in practice ~1e-15); float32 to float32 accuracy.
"""
import inspect
import math

import pytest
import torch
import torch.nn.functional as F

from support import DEVICES, reference

norm = reference("a4_normalization", "normalization.py")
clip = reference("a4_normalization", "clipping.py")

DTYPES = [torch.float64, torch.float32]
TOLERANCE = {torch.float64: 1e-10, torch.float32: 2e-5}


def skip_unless_torch_accepts(torch_cls, options):
    """torch < 2.12 has no bias= for BatchNorm/GroupNorm; the course pins 2.13, CUDA machines may lag."""
    accepted = inspect.signature(torch_cls.__init__).parameters
    missing = [name for name in options if name not in accepted]
    if missing:
        pytest.skip(f"torch {torch.__version__}'s {torch_cls.__name__} has no {missing}")


def close(ours, theirs, what):
    assert ours is not None and theirs is not None, f"{what}: one side is None"
    assert ours.shape == theirs.shape, f"{what}: shape {tuple(ours.shape)} vs {tuple(theirs.shape)}"
    assert ours.dtype == theirs.dtype and ours.device == theirs.device, f"{what}: dtype/device differ"
    scale = max(theirs.abs().max().item(), 1.0)
    error = (ours - theirs).abs().max().item()
    assert error <= TOLERANCE[theirs.dtype] * scale, f"{what}: max difference {error:.3g}"


def data(shape, device, dtype, seed=0):
    """Per-channel offsets and scales, so that statistics over the wrong dims give wrong answers."""
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(shape, generator=generator, dtype=torch.float64)
    if len(shape) >= 2:
        channel = [1, shape[1]] + [1] * (len(shape) - 2)
        x = x * torch.linspace(0.5, 3, shape[1], dtype=torch.float64).reshape(channel)
        x = x + torch.linspace(-1, 2, shape[1], dtype=torch.float64).reshape(channel)
    return x.to(device=device, dtype=dtype)


def same_random_affine(ours, theirs, seed=1):
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name in ("weight", "bias"):
            target = getattr(theirs, name, None)
            if target is not None:
                value = torch.randn(target.shape, generator=generator, dtype=torch.float64)
                target.copy_(value)
                getattr(ours, name).copy_(value)


def forward_backward(ours, theirs, x, what):
    x1, x2 = x.clone().requires_grad_(True), x.clone().requires_grad_(True)
    y1, y2 = ours(x1), theirs(x2)
    close(y1, y2, f"{what}: output")
    upstream = data(y2.shape, x.device, x.dtype, seed=99)
    y1.backward(upstream)
    y2.backward(upstream)
    close(x1.grad, x2.grad, f"{what}: grad x")
    for name in ("weight", "bias"):
        if getattr(theirs, name, None) is not None:
            close(getattr(ours, name).grad, getattr(theirs, name).grad, f"{what}: grad {name}")


def compare_buffers(ours, theirs, what):
    if theirs.running_mean is None:
        assert ours.running_mean is None and ours.running_var is None and ours.num_batches_tracked is None
        return
    close(ours.running_mean, theirs.running_mean, f"{what}: running_mean")
    close(ours.running_var, theirs.running_var, f"{what}: running_var")
    assert torch.equal(ours.num_batches_tracked, theirs.num_batches_tracked), f"{what}: num_batches_tracked"


BATCHNORM_CASES = [
    ("BatchNorm1d", (8, 3)),
    ("BatchNorm1d", (5, 3, 4)),
    ("BatchNorm2d", (3, 3, 4, 2)),
]
BATCHNORM_OPTIONS = [
    {},
    {"momentum": 0.3},
    {"momentum": None},
    {"affine": False},
    {"track_running_stats": False},
    {"eps": 0.2},
    {"bias": False},
    {"affine": False, "track_running_stats": False, "momentum": None},
]


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("name, shape", BATCHNORM_CASES, ids=lambda v: str(v))
@pytest.mark.parametrize("options", BATCHNORM_OPTIONS, ids=str)
def test_batchnorm_train_then_eval(name, shape, options, dtype, device):
    skip_unless_torch_accepts(getattr(torch.nn, name), options)
    ours = getattr(norm, name)(shape[1], device=device, dtype=dtype, **options)
    theirs = getattr(torch.nn, name)(shape[1], device=device, dtype=dtype, **options)
    same_random_affine(ours, theirs)
    what = f"{name}{shape} {options} {dtype} {device}"
    for step in range(4):
        forward_backward(ours, theirs, data(shape, device, dtype, seed=step), f"{what} train step {step}")
        compare_buffers(ours, theirs, f"{what} after step {step}")
    ours.eval(), theirs.eval()
    for step in range(2):
        forward_backward(ours, theirs, data(shape, device, dtype, seed=10 + step), f"{what} eval")
    compare_buffers(ours, theirs, f"{what} after eval (unchanged)")


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("name", ["BatchNorm1d", "BatchNorm2d"])
def test_batchnorm_parameters_buffers_state_dict(name, device):
    ours = getattr(norm, name)(4, device=device, dtype=torch.float64)
    theirs = getattr(torch.nn, name)(4, device=device, dtype=torch.float64)
    assert list(ours.state_dict()) == list(theirs.state_dict())
    assert [n for n, _ in ours.named_parameters()] == [n for n, _ in theirs.named_parameters()]
    for key, value in theirs.state_dict().items():
        mine = ours.state_dict()[key]
        assert mine.dtype == value.dtype and mine.device == value.device and torch.equal(mine, value), key
    shape = (6, 4) if name == "BatchNorm1d" else (2, 4, 3, 3)
    theirs(data(shape, device, torch.float64))
    theirs(data(shape, device, torch.float64, seed=1))
    ours.load_state_dict(theirs.state_dict())
    compare_buffers(ours, theirs, "loaded")
    ours.eval(), theirs.eval()
    close(ours(data(shape, device, torch.float64, seed=2)), theirs(data(shape, device, torch.float64, seed=2)),
          f"{name} eval after load_state_dict")
    untracked = getattr(norm, name)(4, affine=False, track_running_stats=False)
    assert list(untracked.state_dict()) == list(getattr(torch.nn, name)(4, affine=False,
                                                                        track_running_stats=False).state_dict())


def test_batchnorm_shape_errors():
    with pytest.raises(ValueError):
        norm.BatchNorm1d(3)(torch.randn(2, 3, 4, 5))
    with pytest.raises(ValueError):
        norm.BatchNorm1d(3)(torch.randn(3))
    with pytest.raises(ValueError):
        norm.BatchNorm2d(3)(torch.randn(2, 3, 4))
    with pytest.raises(ValueError):
        norm.BatchNorm1d(3)(torch.randn(1, 3))          # one value per channel in training
    layer = norm.BatchNorm1d(3).eval()
    layer(torch.randn(1, 3))                            # fine in eval mode, as in torch


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("normalized_shape, shape", [(6, (6,)), (6, (4, 6)), (6, (2, 3, 6)),
                                                     ((3, 6), (2, 3, 6)), ((2, 3, 4), (2, 2, 3, 4))])
@pytest.mark.parametrize("options", [{}, {"elementwise_affine": False}, {"bias": False}, {"eps": 0.3}], ids=str)
def test_layernorm(normalized_shape, shape, options, dtype, device):
    ours = norm.LayerNorm(normalized_shape, device=device, dtype=dtype, **options)
    theirs = torch.nn.LayerNorm(normalized_shape, device=device, dtype=dtype, **options)
    same_random_affine(ours, theirs)
    assert ours.normalized_shape == theirs.normalized_shape
    assert list(ours.state_dict()) == list(theirs.state_dict())
    x = data(shape, device, dtype) * 3 + 1
    forward_backward(ours, theirs, x, f"LayerNorm({normalized_shape}, {options}) on {shape}")
    ours.eval(), theirs.eval()
    close(ours(x), theirs(x), "LayerNorm eval")


def test_layernorm_shape_error():
    with pytest.raises(RuntimeError):
        norm.LayerNorm((3, 4))(torch.randn(2, 4, 3))
    with pytest.raises(RuntimeError):
        norm.LayerNorm((3, 4))(torch.randn(4))


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("num_groups", [1, 2, 3, 6])
@pytest.mark.parametrize("shape", [(3, 6), (3, 6, 5), (2, 6, 3, 2)], ids=str)
@pytest.mark.parametrize("options", [{}, {"affine": False}, {"eps": 0.3}, {"bias": False}], ids=str)
def test_groupnorm(num_groups, shape, options, dtype, device):
    if dtype == torch.float32 and num_groups == 6 and len(shape) == 2:
        pytest.skip("one value per group: x - mean is rounding noise, amplified by 1/sqrt(eps) in float32")
    skip_unless_torch_accepts(torch.nn.GroupNorm, options)
    ours = norm.GroupNorm(num_groups, 6, device=device, dtype=dtype, **options)
    theirs = torch.nn.GroupNorm(num_groups, 6, device=device, dtype=dtype, **options)
    same_random_affine(ours, theirs)
    assert list(ours.state_dict()) == list(theirs.state_dict())
    forward_backward(ours, theirs, data(shape, device, dtype), f"GroupNorm({num_groups}, 6, {options}) on {shape}")


def test_groupnorm_errors():
    with pytest.raises(ValueError, match="divisible"):
        norm.GroupNorm(4, 6)
    with pytest.raises(RuntimeError):
        norm.GroupNorm(2, 6)(torch.randn(2, 4, 3))


# ---------------------------------------------------------------------------------------- BatchNormFunction
def formula(x, weight, bias, eps):
    dims = [0] + list(range(2, x.dim()))
    shape = [1, -1] + [1] * (x.dim() - 2)
    mean = x.mean(dim=dims, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=dims, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * weight.reshape(shape) + bias.reshape(shape)


def torch_batch_norm(x, weight, bias, eps):
    return F.batch_norm(x, None, None, weight, bias, training=True, eps=eps)


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("shape", [(5, 3), (4, 3, 2), (2, 3, 2, 3)], ids=str)
def test_batchnormfunction_gradcheck(shape, device):
    x = data(shape, device, torch.float64).requires_grad_(True)
    weight = torch.tensor([0.5, -1.5, 2.0], dtype=torch.float64, device=device, requires_grad=True)
    bias = torch.tensor([0.1, 0.2, -0.3], dtype=torch.float64, device=device, requires_grad=True)
    assert torch.autograd.gradcheck(norm.BatchNormFunction.apply, (x, weight, bias, 1e-5))
    assert torch.autograd.gradcheck(norm.BatchNormFunction.apply, (x, weight.detach(), None, 1e-3))


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("shape", [(8, 4), (3, 4, 5), (2, 4, 3, 3)], ids=str)
@pytest.mark.parametrize("eps", [1e-5, 0.5])
@pytest.mark.parametrize("oracle", [formula, torch_batch_norm], ids=["autograd", "F.batch_norm"])
def test_batchnormfunction_against_autograd_and_torch(shape, eps, oracle, dtype, device):
    x = data(shape, device, dtype)
    weight = data((4,), device, dtype, seed=3)
    bias = data((4,), device, dtype, seed=4)
    upstream = data(shape, device, dtype, seed=5)
    results = []
    for fn in (norm.BatchNormFunction.apply, oracle):
        inputs = [t.clone().requires_grad_(True) for t in (x, weight, bias)]
        y = fn(*inputs, eps)
        y.backward(upstream)
        results.append([y] + [t.grad for t in inputs])
    for name, ours, theirs in zip(["y", "dx", "dweight", "dbias"], *results):
        close(ours, theirs, f"BatchNormFunction {name} vs {oracle.__name__}")


@pytest.mark.parametrize("needs", [(True, False, False), (False, True, True), (True, True, False),
                                   (False, False, True)], ids=str)
def test_batchnormfunction_needs_input_grad(needs):
    x, weight, bias = data((6, 3, 2), "cpu", torch.float64), data((3,), "cpu", torch.float64, 1), \
        data((3,), "cpu", torch.float64, 2)
    ours = [t.clone().requires_grad_(n) for t, n in zip((x, weight, bias), needs)]
    theirs = [t.clone().requires_grad_(n) for t, n in zip((x, weight, bias), needs)]
    upstream = data((6, 3, 2), "cpu", torch.float64, 3)
    norm.BatchNormFunction.apply(*ours, 1e-5).backward(upstream)
    formula(*theirs, 1e-5).backward(upstream)
    for a, b, n in zip(ours, theirs, needs):
        if n:
            close(a.grad, b.grad, "grad")
        else:
            assert a.grad is None


def test_batchnormfunction_backward_only_computes_needed_grads():
    """The backward must return None for inputs that need no gradient (ctx.needs_input_grad)."""
    captured = {}

    class Spy(norm.BatchNormFunction):
        @staticmethod
        def backward(ctx, grad_output):
            captured["grads"] = norm.BatchNormFunction.backward(ctx, grad_output)
            return captured["grads"]

    x = data((4, 2), "cpu", torch.float64).requires_grad_(True)
    Spy.apply(x, torch.ones(2, dtype=torch.float64), torch.zeros(2, dtype=torch.float64), 1e-5).sum().backward()
    grad_x, grad_weight, grad_bias, grad_eps = captured["grads"]
    assert grad_x is not None and grad_weight is None and grad_bias is None and grad_eps is None


# -------------------------------------------------------------------------------------------------- clipping
def parameters(device, dtype, scale=1.0, seed=0, unused=True):
    generator = torch.Generator().manual_seed(seed)
    params = []
    for shape in [(5, 4), (4,), (3, 2, 2), (1,)]:
        p = torch.zeros(shape, device=device, dtype=dtype, requires_grad=True)
        p.grad = (scale * torch.randn(shape, generator=generator, dtype=torch.float64)).to(device, dtype)
        params.append(p)
    if unused:
        params.insert(1, torch.zeros(3, device=device, dtype=dtype, requires_grad=True))
    return params


def same_grads(ours, theirs, what):
    for p, q in zip(ours, theirs):
        if q.grad is None:
            assert p.grad is None, f"{what}: a None grad was filled in"
        else:
            close(p.grad, q.grad, what)


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("norm_type", [1.0, 2.0, 3.0, math.inf, "inf", 2])
@pytest.mark.parametrize("scale, max_norm", [(3.0, 1.0), (0.01, 5.0), (1.0, 0.0)], ids=str)
def test_clip_grad_norm(norm_type, scale, max_norm, dtype, device):
    ours, theirs = parameters(device, dtype, scale), parameters(device, dtype, scale)
    grads_before = [p.grad for p in ours]
    total = clip.clip_grad_norm_(ours, max_norm, norm_type=norm_type)
    expected = torch.nn.utils.clip_grad_norm_(theirs, max_norm, norm_type=norm_type)
    close(total, expected, f"total norm {norm_type}")
    same_grads(ours, theirs, f"clip_grad_norm_ norm_type={norm_type} max_norm={max_norm}")
    assert all(p.grad is g for p, g in zip(ours, grads_before)), "grads must be modified in place"


@pytest.mark.parametrize("device", DEVICES)
def test_clip_grad_norm_below_threshold_is_untouched_and_inputs(device):
    ours = parameters(device, torch.float64, scale=1e-3)
    before = [None if p.grad is None else p.grad.clone() for p in ours]
    clip.clip_grad_norm_(ours, 1.0)
    for p, b in zip(ours, before):
        assert (p.grad is None) == (b is None)
        if b is not None:
            assert torch.equal(p.grad, b), "a gradient below the threshold must be left exactly as it was"
    ours, theirs = parameters(device, torch.float64, 4.0), parameters(device, torch.float64, 4.0)
    close(clip.clip_grad_norm_(ours[0], 1.0), torch.nn.utils.clip_grad_norm_(theirs[0], 1.0), "single tensor")
    close(clip.clip_grad_norm_(iter(ours), 0.5, 3), torch.nn.utils.clip_grad_norm_(iter(theirs), 0.5, 3),
          "generator")
    same_grads(ours, theirs, "single tensor then generator")
    assert clip.clip_grad_norm_([], 1.0).item() == 0.0
    assert clip.clip_grad_norm_([torch.zeros(2, requires_grad=True)], 1.0).item() == 0.0


@pytest.mark.parametrize("bad", [math.inf, -math.inf, math.nan])
def test_clip_grad_norm_nonfinite(bad):
    ours = parameters("cpu", torch.float64)
    ours[2].grad[0] = bad
    with pytest.raises(RuntimeError, match="non-finite"):
        clip.clip_grad_norm_(ours, 1.0, error_if_nonfinite=True)
    theirs = parameters("cpu", torch.float64)
    theirs[2].grad[0] = bad
    total = clip.clip_grad_norm_(ours, 1.0)                     # no error when not asked for
    expected = torch.nn.utils.clip_grad_norm_(theirs, 1.0)
    assert math.isnan(total.item()) == math.isnan(expected.item())


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("clip_value", [0.5, 2, 100.0])
def test_clip_grad_value(clip_value, dtype, device):
    ours, theirs = parameters(device, dtype, 2.0), parameters(device, dtype, 2.0)
    grads_before = [p.grad for p in ours]
    assert clip.clip_grad_value_(ours, clip_value) is None
    torch.nn.utils.clip_grad_value_(theirs, clip_value)
    same_grads(ours, theirs, f"clip_grad_value_ {clip_value}")
    assert all(p.grad is g for p, g in zip(ours, grads_before))
    clip.clip_grad_value_(ours[0], 0.1)
    torch.nn.utils.clip_grad_value_(theirs[0], 0.1)
    same_grads(ours, theirs, "single tensor")
