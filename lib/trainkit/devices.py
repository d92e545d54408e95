"""Devices: which accelerators this machine has, and which one to train on.

Every numeric check runs on each available device, so code asks here instead of hard-coding "cuda".
"""
from __future__ import annotations

import torch


def available_devices() -> list[str]:
    """``["cpu"]``, plus ``"cuda"`` when PyTorch can see a CUDA GPU."""
    devices = ["cpu"]
    if torch.cuda.is_available():
        devices.append("cuda")
    return devices


def pick_device(prefer: str = "cuda") -> torch.device:
    """The device named ``prefer`` if this machine has it, else the CPU.

    ``prefer`` may be a device string such as ``"cuda"`` or ``"cuda:1"``; only its type
    (the part before the colon) is checked against ``available_devices()``.
    """
    wanted = torch.device(prefer)
    if wanted.type in available_devices():
        return wanted
    return torch.device("cpu")
