"""Hidden checks for CyclicLR (autograder/checks/a3_schedules). The probe: autograder/worker/probes/schedules.py.

Triangles between each group's own base_lr and max_lr (per-group lists), uneven rise and fall
(step_size_down), triangular2's halving amplitude, exp_range's gamma^t on the iteration count, and a resume.
All with cycle_momentum=False (momentum cycling is OneCycleLR's part of the assignment).
"""
from ._scenarios import schedule_check
from ._torch_counterparts import SCHEDULE_FORBIDDEN, SCHEDULE_TORCH_CODE

COMPONENT = "CyclicLR"
FORBIDDEN = SCHEDULE_FORBIDDEN
TORCH_CODE = SCHEDULE_TORCH_CODE
CHECKS = [
    schedule_check(COMPONENT, "triangular, per-group base_lr and max_lr, up 6 / down 11, 80 steps", 2, 4000,
                   {"base_lr": [0.004, 0.02, 0.1], "max_lr": [0.09, 0.5, 1.3], "step_size_up": 6,
                    "step_size_down": 11, "cycle_momentum": False}, 80, device_proxy=True),
    schedule_check(COMPONENT, "triangular2 (amplitude halves each cycle), up 5, Adam, 70 steps", 1.5, 4001,
                   {"base_lr": 0.001, "max_lr": 0.04, "step_size_up": 5, "mode": "triangular2",
                    "cycle_momentum": False}, 70, optimizer="Adam"),
    schedule_check(COMPONENT, "exp_range, gamma 0.97, up 4 / down 9, 90 steps", 1.5, 4002,
                   {"base_lr": 0.01, "max_lr": [0.3, 0.6, 0.2], "step_size_up": 4, "step_size_down": 9,
                    "mode": "exp_range", "gamma": 0.97, "cycle_momentum": False}, 90),
    schedule_check(COMPONENT, "triangular2, state_dict() into a new scheduler after step 23", 1, 4003,
                   {"base_lr": 0.05, "max_lr": 0.8, "step_size_up": 3, "step_size_down": 7, "mode": "triangular2",
                    "cycle_momentum": False}, 60, reload_at=23),
]
