"""Hidden checks for WarmupCosineLR (autograder/checks/a3_schedules). The probe: autograder/worker/probes/schedules.py.

The warmup eta_0 (t + 1) / W (never a step at rate 0), the cosine measured from the warmup's end so that t = W - 1
and t = W both use eta_0, eta_min reached at t = T and held after; no warmup at all; a resume inside the warmup.
"""
from ._scenarios import schedule_check
from ._torch_counterparts import SCHEDULE_FORBIDDEN, SCHEDULE_TORCH_CODE

COMPONENT = "WarmupCosineLR"
FORBIDDEN = SCHEDULE_FORBIDDEN
TORCH_CODE = SCHEDULE_TORCH_CODE
CHECKS = [
    schedule_check(COMPONENT, "warmup 12, total 70, eta_min 0.001, 90 steps (20 after the end)", 2, 3900,
                   {"warmup_steps": 12, "total_steps": 70, "eta_min": 0.001}, 90, device_proxy=True),
    schedule_check(COMPONENT, "no warmup (warmup_steps 0), total 40, Adam, 50 steps", 1.5, 3901,
                   {"warmup_steps": 0, "total_steps": 40}, 50, optimizer="Adam"),
    schedule_check(COMPONENT, "state_dict() into a new scheduler after step 5, inside the warmup (warmup 8, total 50)",
                   1.5, 3902, {"warmup_steps": 8, "total_steps": 50, "eta_min": 0.02}, 60, reload_at=5),
]
