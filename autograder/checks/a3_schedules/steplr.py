"""Hidden checks for StepLR (autograder/checks/a3_schedules). The probe: autograder/worker/probes/schedules.py.

The decay comes at every non-zero multiple of step_size (t = 0 is the starting rate, not a decay point), at
exactly that step (not one early or late), for each group on its own; and a resumed run carries on where
the saved one stopped.
"""
from ._scenarios import schedule_check
from ._torch_counterparts import SCHEDULE_FORBIDDEN, SCHEDULE_TORCH_CODE

COMPONENT = "StepLR"
FORBIDDEN = SCHEDULE_FORBIDDEN
TORCH_CODE = SCHEDULE_TORCH_CODE
CHECKS = [
    schedule_check(COMPONENT, "step_size 9, gamma 0.35, three groups, 80 steps", 2, 3100,
                   {"step_size": 9, "gamma": 0.35}, 80, device_proxy=True),
    schedule_check(COMPONENT, "step_size 1 (a decay at every step), gamma 0.9, Adam", 1.5, 3101,
                   {"step_size": 1, "gamma": 0.9}, 60, optimizer="Adam"),
    schedule_check(COMPONENT, "state_dict() into a new scheduler after step 31 (step_size 6, gamma 0.6)", 1.5, 3102,
                   {"step_size": 6, "gamma": 0.6}, 70, reload_at=31),
]
