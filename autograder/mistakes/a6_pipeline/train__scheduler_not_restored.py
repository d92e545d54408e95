"""Resuming without the scheduler's state: the schedule starts again from its first step."""
COMPONENT = "train"
FILE = "pipeline.py"
HINT = ("After resuming, the learning rates were not the uninterrupted run's: pass the scheduler to "
        "load_checkpoint too, or the schedule restarts from its first step.")
CHANGES = [("            saved = load_checkpoint(last_path, model, optimizer, scheduler, map_location=device)\n",
            "            saved = load_checkpoint(last_path, model, optimizer, map_location=device)\n")]
