"""pytest set-up for the a3_schedules public checks: one marker per component, one thread."""
import torch

MARKERS = {
    "steplr": "StepLR",
    "multisteplr": "MultiStepLR",
    "exponentiallr": "ExponentialLR",
    "powerlr": "PowerLR",
    "polynomiallr": "PolynomialLR",
    "cosineannealinglr": "CosineAnnealingLR",
    "cosineannealingwarmrestarts": "CosineAnnealingWarmRestarts",
    "linearlr": "LinearLR",
    "warmupcosinelr": "WarmupCosineLR",
    "cycliclr": "CyclicLR",
    "onecyclelr": "OneCycleLR",
    "reducelronplateau": "ReduceLROnPlateau",
    "lr_range_test": "lr_range_test",
    "suggest_lr": "suggest_lr",
}


def pytest_configure(config):
    torch.set_num_threads(1)
    for marker, component in MARKERS.items():
        config.addinivalue_line("markers", f"{marker}: checks of {component} (run with: pytest -m {marker})")
