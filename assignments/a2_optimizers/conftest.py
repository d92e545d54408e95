"""pytest set-up for the a2 public checks: one marker per component, so `pytest -m adam` runs Adam's checks."""
import torch

MARKERS = {
    "sgd": "SGD (momentum, dampening, weight decay, Nesterov, maximize)",
    "adagrad": "Adagrad",
    "rmsprop": "RMSprop",
    "adam": "Adam (and amsgrad)",
    "adamw": "AdamW",
    "nadam": "NAdam",
    "adadelta": "Adadelta",
    "lookahead": "the Lookahead wrapper",
}


def pytest_configure(config):
    for marker, what in MARKERS.items():
        config.addinivalue_line("markers", f"{marker}: checks for {what}")
    # The checks are tiny; one thread keeps their numbers and their speed the same on every machine.
    torch.set_num_threads(1)
