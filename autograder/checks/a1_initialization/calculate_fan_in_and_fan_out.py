"""Hidden checks for calculate_fan_in_and_fan_out (the probe: autograder/worker/probes/initializers.py).

Fans are integers, compared exactly, on Linear weights [out, in] and convolution weights [out, in, *kernel]
whose kernels are not square (so a receptive field taken from one kernel dimension, or none, shows), with
out != in (so swapped fans show). A tensor with fewer than two dimensions has no fans: ValueError, as in torch.
"""
import torch

from ...check import Check

COMPONENT = "calculate_fan_in_and_fan_out"
FORBIDDEN = ["torch.nn.init._calculate_fan_in_and_fan_out"]
TORCH_CODE = ["torch.nn.init._calculate_fan_in_and_fan_out"]


def fans_check(name: str, points: float, shapes: list, invalid_shapes: list = (), device_proxy: bool = False) -> Check:
    def make_inputs() -> dict:
        return {"like": torch.zeros((), dtype=torch.float64), "shapes": [list(s) for s in shapes],
                "invalid_shapes": [list(s) for s in invalid_shapes]}

    def describe_path(path: tuple) -> str:
        if len(path) >= 2 and path[0] == "fans":
            where = f"calculate_fan_in_and_fan_out(weight of shape {list(shapes[path[1]])})"
            return where + (f", {('fan_in', 'fan_out')[path[2]]}" if len(path) >= 3 and path[2] in (0, 1) else "")
        if len(path) >= 2 and path[0] == "errors":
            return f"calculate_fan_in_and_fan_out(tensor of shape {list(invalid_shapes[path[1]])}) should raise"
        return "calculate_fan_in_and_fan_out"

    return Check(component=COMPONENT, name=name, points=points, probe="initializers.fans", make_inputs=make_inputs,
                 describe_path=describe_path, dtypes=("float64",), cpu_only=True, device_proxy=device_proxy)


CHECKS = [
    fans_check("Linear [out, in] and Conv1d [out, in, k] weights", 1.5, [(7, 19), (12, 5, 6), (1, 40)],
               device_proxy=True),
    # The ValueError for fewer than 2 dims comes with the stub, so it shares a check with fans to compute.
    fans_check("Conv2d and Conv3d weights with non-square kernels; a bias (1-D) or a scalar raises ValueError",
               2.5, [(6, 11, 3, 5), (9, 4, 2, 3, 7)], invalid_shapes=[(13,), ()]),
]
