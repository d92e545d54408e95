"""Hidden checks for CosineAnnealingWarmRestarts (a3_schedules). The probe: worker/probes/schedules.py.

Restarts exactly when T_cur reaches T_i (back at eta_0, never at eta_min), cycles growing by T_mult, eta_min,
a resume in the middle of a cycle, and step(epoch) with explicit fractional epochs (several per epoch, as when
stepping once per batch).
"""
from ._scenarios import schedule_check
from ._torch_counterparts import SCHEDULE_FORBIDDEN, SCHEDULE_TORCH_CODE

COMPONENT = "CosineAnnealingWarmRestarts"
FORBIDDEN = SCHEDULE_FORBIDDEN
TORCH_CODE = SCHEDULE_TORCH_CODE
CHECKS = [
    schedule_check(COMPONENT, "T_0 7, eta_min 0.003, 80 steps (eleven restarts)", 2, 3700,
                   {"T_0": 7, "eta_min": 0.003}, 80, device_proxy=True),
    schedule_check(COMPONENT, "T_0 3, T_mult 2, 100 steps (cycles of 3, 6, 12, 24, 48)", 2, 3701,
                   {"T_0": 3, "T_mult": 2}, 100),
    schedule_check(COMPONENT, "state_dict() into a new scheduler after step 27 (T_0 5, T_mult 3, eta_min 0.01)", 1.5,
                   3702, {"T_0": 5, "T_mult": 3, "eta_min": 0.01}, 80, reload_at=27),
    schedule_check(COMPONENT, "step(epoch) with fractional epochs, three steps per epoch (T_0 4, T_mult 2)", 1, 3703,
                   {"T_0": 4, "T_mult": 2}, 75, epochs=[i / 3 for i in range(1, 76)]),
]
