"""Hidden checks for OneCycleLR (autograder/checks/a3_schedules). The probe: autograder/worker/probes/schedules.py.

The rate and, against it, the momentum (SGD's group["momentum"], Adam's betas[0] with betas[1] untouched), over
the whole cycle up to t = total_steps: phase ends at step indices pN - 1 and N - 1, per-group max_lr, cos and
linear annealing, three_phase, epochs x steps_per_epoch, and a resume in the middle of the cycle.
"""
from ._scenarios import schedule_check
from ._torch_counterparts import SCHEDULE_FORBIDDEN, SCHEDULE_TORCH_CODE

COMPONENT = "OneCycleLR"
FORBIDDEN = SCHEDULE_FORBIDDEN
TORCH_CODE = SCHEDULE_TORCH_CODE
CHECKS = [
    schedule_check(COMPONENT, "SGD momentum, per-group max_lr, total_steps 90, pct_start 0.25, cos", 2.5, 4100,
                   {"max_lr": [0.4, 1.5, 0.08], "total_steps": 90, "pct_start": 0.25}, 90,
                   optimizer_kwargs={"momentum": 0.9}, cycled="momentum", device_proxy=True),
    schedule_check(COMPONENT, "Adam beta1, three_phase, linear, epochs 7 x 11 steps, pct_start 0.35", 2, 4101,
                   {"max_lr": 0.02, "epochs": 7, "steps_per_epoch": 11, "pct_start": 0.35, "three_phase": True,
                    "anneal_strategy": "linear", "div_factor": 10.0, "final_div_factor": 100.0,
                    "base_momentum": 0.8, "max_momentum": 0.92}, 77, optimizer="Adam", cycled="betas"),
    schedule_check(COMPONENT, "state_dict() into a new scheduler after step 37 (SGD momentum, total_steps 64)", 1.5,
                   4102, {"max_lr": 0.6, "total_steps": 64, "pct_start": 0.4, "base_momentum": [0.8, 0.85, 0.7]},
                   64, optimizer_kwargs={"momentum": 0.9}, reload_at=37, cycled="momentum"),
]
