"""Hidden checks for CosineAnnealingLR (autograder/checks/a3_schedules). The probe: worker/probes/schedules.py.

The cosine from each group's eta_0 to eta_min, reaching eta_min at t = T_max exactly, and (like torch) carrying on
past T_max, climbing back with period 2 T_max, through several minima (where the recursive form must not
divide by zero); eta_min 0 and not 0; a resume.
"""
from ._scenarios import schedule_check
from ._torch_counterparts import SCHEDULE_FORBIDDEN, SCHEDULE_TORCH_CODE

COMPONENT = "CosineAnnealingLR"
FORBIDDEN = SCHEDULE_FORBIDDEN
TORCH_CODE = SCHEDULE_TORCH_CODE
CHECKS = [
    schedule_check(COMPONENT, "T_max 35, eta_min 0.002, 120 steps (past T_max and back)", 2.5, 3600,
                   {"T_max": 35, "eta_min": 0.002}, 120, device_proxy=True),
    schedule_check(COMPONENT, "T_max 13, eta_min 0, Adam, 60 steps (two periods and more)", 1.5, 3601,
                   {"T_max": 13}, 60, optimizer="Adam"),
    schedule_check(COMPONENT, "state_dict() into a new scheduler after step 50 (T_max 20, eta_min 0.01)", 1.5, 3602,
                   {"T_max": 20, "eta_min": 0.01}, 90, reload_at=50),
]
