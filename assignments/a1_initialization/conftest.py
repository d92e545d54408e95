"""pytest set-up for this folder: one marker per component, one thread (public checks stay fast)."""
import torch

MARKERS = {
    "calculate_fan_in_and_fan_out": "Task 1.1, fan-in and fan-out of a weight",
    "calculate_gain": "Task 1.2, recommended gain of a nonlinearity",
    "xavier_uniform": "Task 1.3, Xavier/Glorot uniform initializer",
    "xavier_normal": "Task 1.4, Xavier/Glorot normal initializer",
    "kaiming_uniform": "Task 1.5, Kaiming/He uniform initializer",
    "kaiming_normal": "Task 1.6, Kaiming/He normal initializer",
    "lecun_uniform": "Task 1.7, LeCun uniform initializer",
    "lecun_normal": "Task 1.8, LeCun normal initializer",
    "relu": "Task 2.1, ReLU",
    "leaky_relu": "Task 2.2, Leaky ReLU",
    "elu": "Task 2.3, ELU",
    "selu": "Task 2.4, SELU",
    "gelu": "Task 2.5, GELU",
    "prelu": "Task 2.6, PReLU",
}


def pytest_configure(config):
    torch.set_num_threads(1)
    for name, description in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {description}")
