"""Hidden checks for MultiStepLR (autograder/checks/a3_schedules). The probe: autograder/worker/probes/schedules.py.

The rate drops exactly at each milestone t (not one step later), milestones given out of order, neighbouring
milestones, a milestone listed twice counting twice, and milestones kept across a state_dict() round trip.
"""
from ._scenarios import schedule_check
from ._torch_counterparts import SCHEDULE_FORBIDDEN, SCHEDULE_TORCH_CODE

COMPONENT = "MultiStepLR"
FORBIDDEN = SCHEDULE_FORBIDDEN
TORCH_CODE = SCHEDULE_TORCH_CODE
CHECKS = [
    schedule_check(COMPONENT, "milestones [5, 17, 40, 41], gamma 0.4, 70 steps", 2, 3200,
                   {"milestones": [5, 17, 40, 41], "gamma": 0.4}, 70, device_proxy=True),
    schedule_check(COMPONENT, "a milestone listed twice (gamma applied twice), milestones out of order", 1.5, 3201,
                   {"milestones": [33, 8, 21, 21], "gamma": 0.5}, 60),
    schedule_check(COMPONENT, "state_dict() into a new scheduler after step 15, milestones [6, 19, 30, 30]", 1.5, 3202,
                   {"milestones": [6, 19, 30, 30], "gamma": 0.3}, 45, reload_at=15),
]
