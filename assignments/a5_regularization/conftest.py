"""pytest set-up for this folder: one marker per component, so `pytest -m dropout` checks just that one.

Markers: dropout (the function), dropout_module (the Dropout class), alphadropout, l1_penalty, l2_penalty,
max_norm, mc_dropout_predict, earlystopping, save_checkpoint, load_checkpoint.
"""
import torch

MARKERS = {
    "dropout": "the dropout(x, p, training) function",
    "dropout_module": "the Dropout module (class)",
    "alphadropout": "the AlphaDropout module",
    "l1_penalty": "l1_penalty(params, lam)",
    "l2_penalty": "l2_penalty(params, lam)",
    "max_norm": "max_norm_(weight, max_norm)",
    "mc_dropout_predict": "mc_dropout_predict(model, x, n_samples)",
    "earlystopping": "the EarlyStopping callback",
    "save_checkpoint": "save_checkpoint(path, model, ...)",
    "load_checkpoint": "load_checkpoint(path, model, ...)",
}


def pytest_configure(config):
    for name, description in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {description}")
    # Small tensors: one thread is as fast as many, and leaves the other cores alone.
    torch.set_num_threads(1)
