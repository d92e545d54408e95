"""Hidden checks for LinearLR (autograder/checks/a3_schedules). The probe: autograder/worker/probes/schedules.py.

The factor moving linearly from start_factor (at t = 0) to end_factor (reached at t = total_iters, not one step
early) and held after; as a warmup, as a decay, and with the defaults (1/3 to 1 over 5 steps) across a resume.
"""
from ._scenarios import schedule_check
from ._torch_counterparts import SCHEDULE_FORBIDDEN, SCHEDULE_TORCH_CODE

COMPONENT = "LinearLR"
FORBIDDEN = SCHEDULE_FORBIDDEN
TORCH_CODE = SCHEDULE_TORCH_CODE
CHECKS = [
    schedule_check(COMPONENT, "warmup: start_factor 0.2, end_factor 0.9, total_iters 17, 40 steps", 2, 3800,
                   {"start_factor": 0.2, "end_factor": 0.9, "total_iters": 17}, 40, device_proxy=True),
    schedule_check(COMPONENT, "decay: start_factor 1, end_factor 0.02, total_iters 30, Adam", 1.5, 3801,
                   {"start_factor": 1.0, "end_factor": 0.02, "total_iters": 30}, 45, optimizer="Adam"),
    schedule_check(COMPONENT, "default arguments, state_dict() into a new scheduler after step 3", 1.5, 3802,
                   {}, 15, reload_at=3),
]
