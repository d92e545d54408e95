"""WarmupCosineLR warming up as lr0 * t / warmup_steps: the first step has rate 0 and the peak comes late."""
COMPONENT = "WarmupCosineLR"
FILE = "schedules.py"
HINT = ("Your warmup starts at 0: a step with rate 0 is wasted. The warmup rate at t is lr0 * (t + 1) / "
        "warmup_steps, so the first step uses lr0 / warmup_steps and the last warmup step lr0. Re-read the "
        "WarmupCosineLR docstring (handout section 6).")
CHANGES = [("base_lr * (t + 1) / warmup", "base_lr * t / warmup")]
