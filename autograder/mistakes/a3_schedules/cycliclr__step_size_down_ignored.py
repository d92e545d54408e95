"""CyclicLR with symmetric triangles of 2 * step_size_up steps: step_size_down ignored."""
COMPONENT = "CyclicLR"
FILE = "schedules.py"
HINT = ("Your triangles are symmetric, but the fall takes step_size_down steps (when given), so a cycle "
        "lasts step_size_up + step_size_down steps and rises for a fraction step_size_up / cycle of it. "
        "Re-read the CyclicLR formula.")
CHANGES = [("step_size_down = float(step_size_down) if step_size_down is not None else step_size_up",
            "step_size_down = step_size_up")]
