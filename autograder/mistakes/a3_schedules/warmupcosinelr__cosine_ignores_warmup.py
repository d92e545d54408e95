"""WarmupCosineLR with the cosine measured from t = 0 (pi * t / total_steps) instead of from the warmup's end."""
COMPONENT = "WarmupCosineLR"
FILE = "schedules.py"
HINT = ("Your rate drops suddenly right after the warmup: the cosine phase must start at lr0 when t = "
        "warmup_steps, so its angle is pi * (t - warmup_steps) / (total_steps - warmup_steps). Re-read the "
        "WarmupCosineLR formula.")
CHANGES = [("math.pi * (t - warmup) / (total - warmup)", "math.pi * t / total")]
