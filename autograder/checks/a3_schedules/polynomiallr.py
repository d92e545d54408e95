"""Hidden checks for PolynomialLR (autograder/checks/a3_schedules). The probe: autograder/worker/probes/schedules.py.

eta_0 (1 - min(t, T)/T)^power: undecayed at t = 0, exactly 0 at t = T, held at 0 afterwards (never negative or
rising again); the default arguments (T = 5, power 1); a resume in the middle of the decay.
"""
from ._scenarios import schedule_check
from ._torch_counterparts import SCHEDULE_FORBIDDEN, SCHEDULE_TORCH_CODE

COMPONENT = "PolynomialLR"
FORBIDDEN = SCHEDULE_FORBIDDEN
TORCH_CODE = SCHEDULE_TORCH_CODE
CHECKS = [
    schedule_check(COMPONENT, "total_iters 45, power 1.7, 70 steps (25 after the end)", 2, 3500,
                   {"total_iters": 45, "power": 1.7}, 70, device_proxy=True),
    schedule_check(COMPONENT, "default arguments (total_iters 5, power 1), 20 steps", 1.5, 3501, {}, 20),
    schedule_check(COMPONENT, "state_dict() into a new scheduler after step 25 (total_iters 60, power 0.6)", 1.5, 3502,
                   {"total_iters": 60, "power": 0.6}, 80, reload_at=25),
]
