"""A CPU-only stand-in for a CUDA run: tensors made without `device=` land on the `meta` device.

On a GPU, `torch.zeros(p.shape)` inside an optimizer makes a CPU tensor next to a CUDA parameter, and the
next operation fails. Most students have no GPU, so the grader runs one variant of some checks with this
mode on: every factory call (zeros, ones, full, empty, rand, randn, arange, tensor, ...) that names no
device and makes a tensor of one or more dimensions gets it on `meta`, where the first real use fails
loudly. Zero-dimensional tensors stay on the CPU, as on a GPU, where a CPU scalar mixes freely with CUDA
tensors (torch's own optimizers keep their step counters that way).
"""
import torch
from torch.overrides import TorchFunctionMode

FACTORIES = {torch.zeros, torch.ones, torch.empty, torch.full, torch.rand, torch.randn, torch.randint,
             torch.randperm, torch.arange, torch.linspace, torch.logspace, torch.eye, torch.tensor,
             torch.empty_strided}


def _tensors(values):
    for v in values:
        if isinstance(v, torch.Tensor):
            yield v
        elif isinstance(v, (list, tuple)):
            yield from (t for t in v if isinstance(t, torch.Tensor))


class DeviceProxy(TorchFunctionMode):
    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        # meta kernels accept a meta tensor beside a CPU one; CUDA does not, so neither do we
        devices = {t.device.type for t in _tensors(list(args) + list(kwargs.values())) if t.dim() > 0}
        if "meta" in devices and len(devices) > 1:
            raise RuntimeError("Expected all tensors to be on the same device, but found a tensor made without "
                               "device= (here on 'meta', on a GPU it would be on the CPU) beside the inputs")
        out = func(*args, **kwargs)
        if func in FACTORIES and kwargs.get("device") is None and isinstance(out, torch.Tensor) and out.dim() > 0:
            if not (func is torch.tensor and args and isinstance(args[0], torch.Tensor)):
                return out.to("meta")
        return out
