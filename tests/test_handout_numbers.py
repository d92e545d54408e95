"""Numbers the handouts state agree with what the handouts compute.

For each stated number, the test runs the notebook's own (small) cell that computes it, reads the number from the
markdown, and checks that it agrees to the precision it is written with: "0.14" means 0.135 to 0.145,
"$3\\times10^{-4}$" means 2.5e-4 to 3.5e-4. Only the cells named here run, not the whole notebook (a few seconds).
"""
import math
import re
import statistics

import pytest
import torch
import torch.nn as nn

from support import SOLUTIONS, reference

NUMBER = re.compile(r"^(?:(?P<mantissa>\d+(?:\.\d+)?)\s*(?:\\times|\\cdot|·|×)\s*)?(?:10\^\{(?P<exponent>-?\d+)\})?$")


def parse(written: str) -> tuple[float, float]:
    """A number as the handouts write it ("0.14", "3\\times10^{-4}", "10^{-4}"): its value and half a unit of
    its last digit (the precision it claims)."""
    written = written.strip().strip("$").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", written):
        mantissa, exponent = written, 0
    else:
        match = NUMBER.match(written)
        if match is None or match["exponent"] is None:
            raise ValueError(f"not a number: {written!r}")
        mantissa, exponent = match["mantissa"] or "1", int(match["exponent"])
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return float(mantissa) * 10.0 ** exponent, 0.5 * 10.0 ** (exponent - decimals)


def agrees(written: str, computed: float) -> bool:
    value, half_unit = parse(written)
    return abs(value - computed) <= half_unit * (1 + 1e-9)


def notebook(assignment):
    import nbformat

    return nbformat.read(SOLUTIONS / assignment / "handout.ipynb", as_version=4)


def markdown(assignment, grade_id) -> str:
    cells = [c for c in notebook(assignment).cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    assert len(cells) == 1, f"{assignment}: no single cell {grade_id!r}"
    return cells[0].source


def run_cell(assignment, marker, namespace) -> dict:
    """Execute the one code cell of the handout that contains `marker`, in `namespace` (what the notebook's earlier
    cells would have defined), and return the namespace."""
    cells = [c for c in notebook(assignment).cells if c.cell_type == "code" and marker in c.source]
    assert len(cells) == 1, f"{assignment}: {len(cells)} code cells contain {marker!r}"
    exec(compile(cells[0].source, f"{assignment}/handout.ipynb", "exec"), namespace)
    return namespace


def stated(text, pattern) -> str:
    """The number the text writes where `pattern` (a regular expression with one group) matches."""
    found = re.findall(pattern, text)
    assert len(found) == 1, f"the text should state this number once: {pattern!r} (found {found})"
    return found[0]


# ---------------------------------------------------------------------------------------------- the checks


@pytest.fixture(scope="module")
def default_stack():
    """a1, section 5: ten default nn.Linear + ReLU layers, with and without biases."""
    return run_cell("a1_initialization", "def default_linear_stack(",
                    {"torch": torch, "nn": nn, "statistics": statistics})["stack_ratio"]


@pytest.fixture(scope="module")
def plain_mlp():
    """a4, section 1: the same measurement on the trainkit MLP fed MNIST-1D."""
    from trainkit.data import load_mnist1d
    from trainkit.models import mlp
    from trainkit.seeding import seed_everything

    namespace = {"torch": torch, "mlp": mlp, "seed_everything": seed_everything, "data": load_mnist1d()}
    return run_cell("a4_normalization", "def plain_stack_ratios(", namespace)["plain_ratio"]


@pytest.fixture(scope="module")
def tanh_he():
    """a1, Question 4(b): the variance fixed point of a He-initialised tanh layer and the slopes there."""
    return run_cell("a1_initialization", "tanh_he = {", {"torch": torch, "math": math})["tanh_he"]


@pytest.fixture(scope="module")
def gelu_gap():
    """a1, section 10: the largest gap between exact GELU and its tanh approximation."""
    gelu = reference("a1_initialization", "activations.py").gelu
    return run_cell("a1_initialization", "largest |exact - tanh approximation|",
                    {"torch": torch, "gelu": gelu})["gap"].max().item()


def test_a1_default_linear_stack_with_and_without_biases(default_stack):
    answer = markdown("a1_initialization", "q2_linear_default")
    with_bias, across_batch = default_stack["default biases"]
    without_bias, _ = default_stack["biases set to zero"]
    assert agrees(stated(answer, r"biases set to zero the cell measures about \$([^$]+)\$"), without_bias)
    assert agrees(stated(answer, r"default biases the ratio is only about \$([^$]+)\$"), with_bias)
    assert agrees(stated(answer, r"still falls to about \$([^$]+)\$"), across_batch)
    assert agrees(stated(answer, r"6\^\{-9/2\}\\approx ([^$]+)\$"), 6 ** -4.5)
    assert not agrees("10^{-4}", without_bias)           # what the answer said before it was measured


def test_a4_default_mlp_with_and_without_biases(plain_mlp):
    text = markdown("a4_normalization", "a4_text_04")
    assert agrees(stated(text, r"standard deviation is\s+about \$([^$]+)\$ of the first layer's"),
                  plain_mlp["default biases"][0])
    assert agrees(stated(text, r"keeps only about \$([^$]+)\$"), plain_mlp["biases set to zero"][0])


def test_a1_he_initialised_tanh_is_not_saturated_and_its_gradients_grow(tanh_he):
    answer = markdown("a1_initialization", "q4_fifty_layers")
    assert agrees(stated(answer, r"\$q\^\* \\approx ([0-9.]+)\$"), tanh_he["q*"])
    assert agrees(stated(answer, r"\\sqrt\{q\^\*/2\}\\approx ([0-9.]+)"), tanh_he["activation std"])
    assert agrees(stated(answer, r"\\mathbb E\[\\tanh'\] \\approx ([0-9.]+)"), tanh_he["E[tanh']"])
    assert agrees(stated(answer, r"2\\,\\mathbb E\[\\tanh'\^2\] \\approx ([0-9.]+)"), tanh_he["2 E[tanh'^2]"])
    assert agrees(stated(answer, r"\^\{50/2\}\\approx ([0-9.]+)\$ over 50 layers"),
                  tanh_he["gradient growth over 50 layers"])
    assert "saturated regime with small derivatives" not in answer
    assert not agrees("0.55", tanh_he["activation std"])  # the fixed point the answer gave before


def test_a1_gelu_tanh_approximation_error(gelu_gap):
    text = markdown("a1_initialization", "sec10")
    assert agrees(stated(text, r"error is at most about \$([^$]+)\$"), gelu_gap)
    assert not agrees("10^{-4}", gelu_gap)                # "about 1e-4 at most", as it said before


def test_a2_adam_step_bounds():
    text = markdown("a2_optimizers", "s7_adam")
    beta1, beta2 = 0.9, 0.999
    assert agrees(stated(text, r"as with the defaults \(\$([0-9.]+)\\gamma\$\)"), (1 - beta1) / math.sqrt(1 - beta2))
    assert agrees(stated(text, r"\$([0-9.]+)\\gamma\$ with the defaults"),
                  (1 - beta1) / math.sqrt((1 - beta2) * (1 - beta1 ** 2 / beta2)))
    assert "(an upper bound on)" not in text


@pytest.mark.parametrize("written, value, half_unit", [
    ("0.14", 0.14, 0.005), ("12", 12.0, 0.5), ("3\\times10^{-4}", 3e-4, 0.5e-4),
    ("4.7\\times10^{-4}", 4.7e-4, 0.05e-4), ("10^{-4}", 1e-4, 0.5e-4)])
def test_numbers_are_read_with_the_precision_they_are_written_with(written, value, half_unit):
    assert parse(written) == pytest.approx((value, half_unit), rel=1e-12)
    assert agrees(written, value + 0.9 * half_unit) and not agrees(written, value + 1.1 * half_unit)
