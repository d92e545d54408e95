"""The inputs of a6's model checks (worker/probes/resnet.py) and how their results are judged and worded.

The weights and running statistics a check loads are made here from the spec's names and shapes (model.py's
docstrings), never by running the reference. What is compared, first difference first:

    state_dict    the names and shapes, exactly: each missing, unexpected or reshaped entry is named
    forward       the outputs in train and eval mode, the gradients with respect to the input and to every
                  parameter, the running statistics after a train-mode forward: the reference's, to the dtype's
                  tolerance (feedback.compare_outputs: float64 to 1e-9 relative)
    dropout       eval mode deterministic and equal to the reference's, train mode random; with dropout=1.0 the
                  train-mode output (deterministic) the reference's
    init          every tensor the reference starts at one constant (batch norm's γ = 1 and β = 0, bn2's γ = 0
                  with zero_init_residual, the running statistics, the head's bias 0) exactly that constant;
                  every random one (kaiming_normal_ convolutions, the xavier_uniform_ head) by the statistics
                  a1 judges its initializers with (a1_initialization/sampling.py: standard deviation, mean,
                  kurtosis and, for a uniform, its bound, each within 6 standard errors of the reference's
                  sample); then the facts (blocks the identity at initialization, the even kernel_size's error)
"""
from __future__ import annotations

import math

import torch

from ...feedback import Mismatch, compare_outputs
from ..a1_initialization._sampling import compare_statistics, statistics
from ..a5_regularization._dropout_samples import PROBE_SEED_OFFSET, as_tensor


# -- the weights a check loads ---------------------------------------------------------------------------------
def _conv(g, out_channels, in_channels, kernel_size):
    return torch.randn(out_channels, in_channels, kernel_size, generator=g, dtype=torch.float64) \
        * math.sqrt(2.0 / (in_channels * kernel_size))


def _batch_norm(g, prefix, channels) -> dict:
    """A batch norm that has trained a while: γ and β away from 1 and 0, running statistics away from 0 and 1."""
    return {f"{prefix}weight": 0.5 + torch.rand(channels, generator=g, dtype=torch.float64),
            f"{prefix}bias": 0.2 * torch.randn(channels, generator=g, dtype=torch.float64),
            f"{prefix}running_mean": 0.2 * torch.randn(channels, generator=g, dtype=torch.float64),
            f"{prefix}running_var": 0.5 + torch.rand(channels, generator=g, dtype=torch.float64),
            f"{prefix}num_batches_tracked": torch.tensor(7)}


def block_state(g, channels, kernel_size, prefix="") -> dict:
    """ResidualBlock1d's state_dict: conv1, bn1, conv2, bn2 (dropout has no state)."""
    return ({f"{prefix}conv1.weight": _conv(g, channels, channels, kernel_size)} | _batch_norm(g, f"{prefix}bn1.", channels)
            | {f"{prefix}conv2.weight": _conv(g, channels, channels, kernel_size)} | _batch_norm(g, f"{prefix}bn2.", channels))


def resnet_state(g, in_channels, channels, num_blocks, num_classes) -> dict:
    """ResNet1d's state_dict: stem, stem_bn, blocks.0 ..., head."""
    state = {"stem.weight": _conv(g, channels, in_channels, 5)} | _batch_norm(g, "stem_bn.", channels)
    for i in range(num_blocks):
        state |= block_state(g, channels, 3, prefix=f"blocks.{i}.")
    return state | {"head.weight": torch.randn(num_classes, channels, generator=g, dtype=torch.float64) / math.sqrt(channels),
                    "head.bias": 0.1 * torch.randn(num_classes, generator=g, dtype=torch.float64)}


def state_for(g, component: str, kwargs: dict) -> dict:
    if component == "ResidualBlock1d":
        return block_state(g, kwargs["channels"], kwargs.get("kernel_size", 3))
    return resnet_state(g, kwargs.get("in_channels", 1), kwargs.get("channels", 32), kwargs.get("num_blocks", 2),
                        kwargs.get("num_classes", 10))


def output_shape(component: str, kwargs: dict, input_shape) -> list[int]:
    return list(input_shape) if component == "ResidualBlock1d" else [input_shape[0], kwargs.get("num_classes", 10)]


def forward_inputs(seed: int, component: str, kwargs: dict, input_shape):
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        state = state_for(g, component, kwargs)
        return {"component": component, "kwargs": kwargs, "state": state,
                "x": torch.randn(input_shape, generator=g, dtype=torch.float64),
                "upstream": torch.randn(output_shape(component, kwargs, input_shape), generator=g, dtype=torch.float64),
                "x_eval": torch.randn(input_shape, generator=g, dtype=torch.float64),
                "seed": PROBE_SEED_OFFSET + seed}
    return make_inputs


def dropout_inputs(seed: int, component: str, kwargs: dict, input_shape):
    def make_inputs() -> dict:
        g = torch.Generator().manual_seed(seed)
        state = state_for(g, component, kwargs)
        return {"component": component, "kwargs": kwargs, "state": state,
                "x": torch.randn(input_shape, generator=g, dtype=torch.float64), "seed": PROBE_SEED_OFFSET + seed}
    return make_inputs


def init_inputs(seed: int, component: str, kwargs: dict, nonnegative_shape=None):
    """The probe seeds torch's global generator with PROBE_SEED_OFFSET + seed (never `seed`: see a5's
    _dropout_samples.py), and builds the component fresh."""
    def make_inputs() -> dict:
        inputs = {"component": component, "kwargs": kwargs, "like": torch.zeros((), dtype=torch.float64),
                  "seed": PROBE_SEED_OFFSET + seed}
        if nonnegative_shape is not None:
            g = torch.Generator().manual_seed(seed)
            inputs["nonnegative"] = torch.randn(nonnegative_shape, generator=g, dtype=torch.float64).abs()
        return inputs
    return make_inputs


# -- wording ---------------------------------------------------------------------------------------------------
def call_text(component: str, kwargs: dict) -> str:
    return f"{component}({', '.join(f'{k}={v!r}' for k, v in kwargs.items())})"


WHAT = {
    "state_dict": "the state_dict",
    "train_output": "the output in train mode",
    "input_grad": "the gradient with respect to the input (train mode)",
    "param_grads": "the gradient of",
    "buffers_after_train_forward": "after one train-mode forward,",
    "eval_output": "the output in eval mode (after a train-mode forward updated the running statistics)",
    "eval_forwards_agree": "with dropout=0.5 in eval mode",
    "train_forwards_differ": "with dropout=0.5 in train mode",
    "train_output_with_dropout_1": "the output with dropout=1.0 in train mode",
    "values": "at initialization,",
    "blocks_are_the_identity": "at initialization",
    "even_kernel_size": "ResidualBlock1d(4, kernel_size=4)",
}


def describe_for(component: str, kwargs: dict, input_shape=None):
    on = f" on x of shape {list(input_shape)}" if input_shape is not None else ""

    def describe(path: tuple) -> str:
        what = WHAT.get(path[0], "the result") if path else "the result"
        if len(path) > 1 and isinstance(path[1], str):
            what += f" {path[1]}"
        return f"{call_text(component, kwargs)}{on}: {what}"
    return describe


# -- comparing -------------------------------------------------------------------------------------------------
def compare_state_dict(expected: dict, got) -> Mismatch | None:
    """Names and shapes, exactly; the message names every difference (up to a few of each kind)."""
    if not isinstance(got, dict):
        return Mismatch(("state_dict",), f"could not be read ({type(got).__name__})")
    missing = [k for k in expected if k not in got]
    unexpected = [k for k in got if k not in expected]
    reshaped = [f"{k} has shape {got[k]}, expected {expected[k]}" for k in expected if k in got and got[k] != expected[k]]
    if not (missing or unexpected or reshaped):
        return None
    parts = ([f"missing {missing[:6]}"] if missing else []) + ([f"unexpected {unexpected[:6]}"] if unexpected else []) \
        + reshaped[:3]
    return Mismatch(("state_dict",), "; ".join(parts) + ". The submodule names and each layer's arguments are part "
                                                         "of the spec (model.py's docstrings): other names or shapes "
                                                         "cannot load the course's trained weights")


def compare_names_first(expected: dict, got) -> Mismatch | None:
    """The state_dict first; where it differed from the check's weights the probe ran nothing else, and two
    results that stopped there with the same names agree (a known mistake's, for a hint)."""
    if not isinstance(got, dict):
        return Mismatch((), f"the probe got no result ({type(got).__name__})")
    return compare_state_dict(expected["state_dict"], got.get("state_dict"))


def _first_note(expected, got, path=()) -> Mismatch | None:
    """Where the probe wrote a sentence ("no gradient ...") instead of a tensor, that sentence."""
    if isinstance(got, str) and isinstance(expected, torch.Tensor):
        return Mismatch(path, got)
    if isinstance(expected, dict) and isinstance(got, dict):
        for key in expected:
            found = _first_note(expected[key], got.get(key), path + (key,))
            if found:
                return found
    return None


def compare_forward(expected, got, dtype, expected_device=None) -> Mismatch | None:
    found = compare_names_first(expected, got)
    if found or len(expected) == 1:
        return found
    rest = {k: v for k, v in expected.items() if k != "state_dict"}
    return _first_note(rest, got) or compare_outputs(rest, got, dtype, expected_device=expected_device)


def compare_dropout(expected, got, dtype, expected_device=None) -> Mismatch | None:
    found = compare_names_first(expected, got)
    if found or len(expected) == 1:
        return found
    if expected["eval_forwards_agree"] and not got["eval_forwards_agree"]:
        return Mismatch(("eval_forwards_agree",), "two forwards of the same signals gave different outputs: "
                                                  "in eval mode dropout must be off")
    found = compare_outputs(expected["eval_output"], got["eval_output"], dtype, ("eval_output",), expected_device)
    if found:
        return found
    if expected["train_forwards_differ"] and not got["train_forwards_differ"]:
        return Mismatch(("train_forwards_differ",), "two forwards of the same signals gave the same output: the "
                                                    "dropout argument must reach a Dropout layer that is active in "
                                                    "train mode")
    found = compare_outputs(expected["train_output_with_dropout_1"], got["train_output_with_dropout_1"], dtype,
                            ("train_output_with_dropout_1",), expected_device)
    if found:
        found.message += (". Everything after a dropout with p=1 sees zeros, so this output shows where the "
                          "dropout sits: between the first ReLU and conv2 of every block, nowhere else")
    return found


def _constant(t: torch.Tensor):
    """The value every element of t holds, or None when they differ."""
    flat = t.reshape(-1)
    if flat.numel() and bool((flat == flat[0]).all()):
        return flat[0].item()
    return None


def compare_initial_values(expected: dict, got: dict, uniform: tuple) -> Mismatch | None:
    for name, e in expected.items():
        e, g = as_tensor(e), as_tensor(got[name])
        constant = _constant(e)
        if constant is not None:
            wrong = g.reshape(-1) != constant
            if bool(wrong.any()):
                i = int(wrong.nonzero()[0])
                return Mismatch(("values", name), f"should hold {constant:g} everywhere, but holds "
                                                  f"{g.reshape(-1)[i].item():.4g} at flat index {i}")
            continue
        found = compare_statistics(statistics(e), statistics(g), uniform=name in uniform)
        if found:
            return Mismatch(("values", name), found)
    return None


INIT_FACTS = {
    "blocks_are_the_identity": "each block should be the identity on non-negative signals (with "
                               "zero_init_residual bn2's γ is 0, so relu(x + 0) = x); for the blocks in order: "
                               "expected {expected}, got {got}",
    "even_kernel_size": "should raise {expected} (same-length padding needs an odd kernel size); yours raised {got}",
}


def init_compare(uniform=()):
    """compare(expected, got, dtype, expected_device=None) for the probe resnet.init; `uniform`: the names of
    the tensors drawn from a uniform distribution (their bound is judged too)."""
    def compare(expected, got, dtype, expected_device=None):
        found = compare_names_first(expected, got)
        if found:
            return found
        found = compare_initial_values(expected["values"], got["values"], tuple(uniform))
        if found:
            return found
        for fact, message in INIT_FACTS.items():
            if fact in expected and got.get(fact) != expected[fact]:
                shown = "nothing" if got.get(fact) == "no exception" else got.get(fact)
                return Mismatch((fact,), message.format(expected=expected[fact], got=shown))
        return None
    return compare
