"""Public checks for assignment 4: one marker per component, e.g. `pytest -m batchnorm1d`."""
import torch

MARKERS = {
    "batchnorm1d": "BatchNorm1d (normalization.py)",
    "batchnorm2d": "BatchNorm2d (normalization.py)",
    "layernorm": "LayerNorm (normalization.py)",
    "groupnorm": "GroupNorm (normalization.py)",
    "batchnormfunction": "BatchNormFunction, the hand-written backward (normalization.py)",
    "clip_grad_value": "clip_grad_value_ (clipping.py)",
    "clip_grad_norm": "clip_grad_norm_ (clipping.py)",
}


def pytest_configure(config):
    for name, what in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: checks of {what}")
    # The checks use tiny tensors; one thread is fastest and keeps parallel runs from fighting.
    torch.set_num_threads(1)
