"""Hidden checks for PowerLR (autograder/checks/a3_schedules). The probe: autograder/worker/probes/schedules.py.

eta_0 / (1 + t/s)^c for each group: a fractional s and a power above 1 (so t/s against t*s, the power on the
whole base against on t/s alone, and dividing against multiplying all differ), a slow decay, and a resume.
"""
from ._scenarios import schedule_check
from ._torch_counterparts import SCHEDULE_FORBIDDEN, SCHEDULE_TORCH_CODE

COMPONENT = "PowerLR"
FORBIDDEN = SCHEDULE_FORBIDDEN
TORCH_CODE = SCHEDULE_TORCH_CODE
CHECKS = [
    schedule_check(COMPONENT, "s 7.5, c 1.3, three groups, 90 steps", 2, 3400, {"s": 7.5, "c": 1.3}, 90,
                   device_proxy=True),
    schedule_check(COMPONENT, "s 40, c 0.5 (slow decay), Adam, 120 steps", 1.5, 3401, {"s": 40.0, "c": 0.5}, 120,
                   optimizer="Adam"),
    schedule_check(COMPONENT, "state_dict() into a new scheduler after step 29 (s 3, c 2)", 1.5, 3402,
                   {"s": 3.0, "c": 2.0}, 60, reload_at=29),
]
