"""pytest set-up for this folder: one marker per component, so `pytest -m train` checks just that one.

Markers: random_shift, gaussian_jitter, residualblock1d, resnet1d, label_smoothing_cross_entropy,
parameter_groups, evaluate, train, freeze, unfreeze, discriminative_groups.
"""
import torch

MARKERS = {
    "random_shift": "random_shift(x, max_shift, generator)",
    "gaussian_jitter": "gaussian_jitter(x, std, generator)",
    "residualblock1d": "the ResidualBlock1d module",
    "resnet1d": "the ResNet1d model",
    "label_smoothing_cross_entropy": "label_smoothing_cross_entropy(logits, target, smoothing)",
    "parameter_groups": "parameter_groups(model, weight_decay)",
    "evaluate": "evaluate(model, batches)",
    "train": "train(model, data, config, checkpoint_dir, resume) and train_epoch",
    "freeze": "freeze_(model, prefixes)",
    "unfreeze": "unfreeze_(model, prefixes)",
    "discriminative_groups": "discriminative_groups(model, head_prefix, base_lr, backbone_factor, weight_decay)",
}


def pytest_configure(config):
    for name, description in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {description}")
    # Small tensors: one thread is as fast as many, and leaves the other cores alone.
    torch.set_num_threads(1)
