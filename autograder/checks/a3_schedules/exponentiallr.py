"""Hidden checks for ExponentialLR (autograder/checks/a3_schedules). The probe: autograder/worker/probes/schedules.py.

eta_0 * gamma^t for every group over long runs: the first rate undecayed, the current rate (not the base rate)
multiplied at every step, and a resumed run that goes on decaying from where it stopped.
"""
from ._scenarios import schedule_check
from ._torch_counterparts import SCHEDULE_FORBIDDEN, SCHEDULE_TORCH_CODE

COMPONENT = "ExponentialLR"
FORBIDDEN = SCHEDULE_FORBIDDEN
TORCH_CODE = SCHEDULE_TORCH_CODE
CHECKS = [
    schedule_check(COMPONENT, "gamma 0.93, three groups, 100 steps", 2, 3300, {"gamma": 0.93}, 100,
                   device_proxy=True),
    schedule_check(COMPONENT, "gamma 0.985 with Adam, 150 steps", 1.5, 3301, {"gamma": 0.985}, 150, optimizer="Adam"),
    schedule_check(COMPONENT, "state_dict() into a new scheduler after step 40 (gamma 0.9)", 1.5, 3302,
                   {"gamma": 0.9}, 70, reload_at=40),
]
