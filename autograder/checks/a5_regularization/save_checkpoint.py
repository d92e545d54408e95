"""Hidden checks for save_checkpoint (autograder/checks/a5_regularization).

Three properties, each with its own probe (worker/probes/callbacks.py):
  resume              a run resumed from the checkpoint continues bit for bit (_checkpoint_runs.py);
  safe_load           the file loads with torch.load(path, weights_only=True) (only tensors and plain values);
  crash_while_saving  torch.save is made to fail after writing half the file: the error reaches the caller,
                      the previous checkpoint is still there and readable, and no temporary file is left.
"""
from __future__ import annotations

from ...check import Check
from ...feedback import Mismatch
from ._checkpoint_runs import EXTRA, compare_resume, run_inputs

COMPONENT = "save_checkpoint"
FORBIDDEN = []   # torch.save is the tool to use
TORCH_CODE = []


def compare_safe_load(expected, got, dtype, expected_device=None) -> Mismatch | None:
    if isinstance(got, dict) and got.get("loads_with_weights_only") is True:
        return None
    error = got.get("error") if isinstance(got, dict) else None
    return Mismatch(("safe_load",), f"torch.load(path, weights_only=True) refused the checkpoint ({error}): store "
                                    "only tensors and plain Python values (dicts, lists, numbers, strings, None)")


def compare_crash(expected, got, dtype, expected_device=None) -> Mismatch | None:
    if not isinstance(got, dict):
        return Mismatch((), f"expected the probe's record, got {type(got).__name__}")
    if got.get("epoch_in_file") != expected["epoch_in_file"]:
        return Mismatch(("epoch_in_file",), f"after a crash while saving the epoch-2 checkpoint, the file should "
                                            f"still hold the epoch-1 checkpoint; it holds {got.get('epoch_in_file')}. "
                                            "Write to a temporary file in the same folder and rename it into place "
                                            "only once it is complete")
    if got.get("error_let_through") != expected["error_let_through"]:
        return Mismatch(("error_let_through",), "torch.save failed (the grader made it raise an OSError), but "
                                                f"save_checkpoint {'raised ' + str(got.get('error_let_through')) if got.get('error_let_through') else 'returned normally'}: "
                                                "clean up, then re-raise the original error so the caller knows")
    if got.get("files") != expected["files"]:
        return Mismatch(("files",), f"after the failed save the folder holds {got.get('files')}, expected only "
                                    f"{expected['files']}: remove the temporary file when saving fails")
    return None


def state_inputs(seed: int):
    full = run_inputs(seed)

    def make_inputs() -> dict:
        inputs = full()
        return {"state": inputs["state"], "x": inputs["x"]}
    return make_inputs


def safe_load_inputs():
    inputs = state_inputs(5911)()
    return {**inputs, "extra": EXTRA}


CHECKS = [
    Check(COMPONENT, "a run resumed from the checkpoint equals the uninterrupted run", 4, "callbacks.resume",
          run_inputs(5900, save_after=3), describe_path=lambda path: "the resumed run", compare=compare_resume,
          dtypes=("float64",), cpu_only=True),
    Check(COMPONENT, "the file loads with torch.load(weights_only=True)", 2, "callbacks.safe_load",
          safe_load_inputs, describe_path=lambda path: "the checkpoint file", compare=compare_safe_load,
          dtypes=("float64",), cpu_only=True),
    Check(COMPONENT, "a crash in the middle of saving keeps the previous checkpoint", 3,
          "callbacks.crash_while_saving", state_inputs(5912), describe_path=lambda path: "the checkpoint folder",
          compare=compare_crash, dtypes=("float64",), cpu_only=True),
]
