"""The CPU-only device proxy flags tensors made without device= (they would sit on the CPU beside CUDA
inputs on a GPU), while CPU scalars, *_like factories and explicit devices pass."""
import torch

from autograder.worker.device_proxy import DeviceProxy
from grading import grade_files, reference_files, scores


def test_factories_without_device_land_on_meta():
    p = torch.ones(3)
    with DeviceProxy():
        assert torch.zeros(3).device.type == "meta"
        assert torch.full((2, 2), 1.0).device.type == "meta"
        assert torch.tensor([1.0, 2.0]).device.type == "meta"
        assert torch.tensor(0.0).device.type == "cpu"          # a scalar mixes with CUDA tensors
        assert torch.zeros(3, device="cpu").device.type == "cpu"
        assert torch.zeros_like(p).device.type == "cpu"


def test_mixing_a_proxied_tensor_with_an_input_fails_like_cuda():
    p = torch.ones(3)
    with DeviceProxy():
        buffer = torch.zeros(3)
        try:
            buffer.add_(p)
        except RuntimeError as exc:
            assert "same device" in str(exc)
        else:
            raise AssertionError("a meta buffer updated with a CPU tensor must fail")
        assert (p * torch.tensor(2.0)).device.type == "cpu"   # a CPU scalar is fine


def test_device_unaware_optimizer_loses_the_proxy_variant_only():
    files = reference_files("a2_optimizers")
    files["a2_optimizers/optimizers.py"] += '''

import torch
class SGD(torch.optim.Optimizer):
    """Momentum SGD whose buffer is made without device= (fine on CPU, broken on CUDA)."""
    def __init__(self, params, lr=1e-3, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False, *,
                 maximize=False, foreach=None, differentiable=False, fused=None):
        super().__init__(params, dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                                      nesterov=nesterov, maximize=maximize))
    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if "buf" not in state:
                    state["buf"] = torch.zeros(p.shape, dtype=p.dtype)
                state["buf"].mul_(group["momentum"]).add_(p.grad)
                p.add_(state["buf"] if group["momentum"] else p.grad, alpha=-group["lr"])
        return loss
'''
    results = grade_files("a2_optimizers", files, components={"SGD"}, checks_per_component=1)
    score, max_score = scores(results)["SGD"]
    assert 0 < score < max_score
    assert "device proxy" in results[0].output and "[cpu/float64, cpu/float32] passed" in results[0].output
