"""curves.py: where an output is a trajectory or a curve, expected against got as short series of plain floats,
taken where the comparison found the first difference; anything malformed gives no plot, never an error."""
import math
from types import SimpleNamespace

import pytest
import torch

from autograder.curves import MAX_POINTS, expected_against_got
from autograder.worker.wire import Unsupported, WireTensor


def check(probe):
    return SimpleNamespace(probe=probe)


def wire(t):
    return WireTensor(t.clone(), "cpu")


def plain(plot):
    """Every series is a list of Python floats, at most MAX_POINTS long, and the two series line up."""
    series = [plot[k] for k in ("x", "edges", "expected", "got") if k in plot]
    return all(type(v) is float for s in series for v in s) and all(len(s) <= MAX_POINTS + 1 for s in series)


def test_an_optimizer_trajectory_plots_the_element_that_differs_over_every_step():
    steps = 300
    expected = {"params": [[torch.zeros(3), torch.full((4,), float(s))] for s in range(steps)]}
    got = {"params": [[wire(torch.zeros(3)), wire(torch.tensor([s, s, 1.5 * s, s]))] for s in range(steps)]}
    [plot] = expected_against_got(check("optimizers.trajectory"), expected, got)
    assert plain(plot) and plot["title"] == "parameter 1, element 2"
    assert plot["x"][0] == 1.0 and len(plot["x"]) == len(plot["got"]) <= MAX_POINTS
    assert plot["got"][-1] == pytest.approx(1.5 * plot["expected"][-1])
    same = {"params": [[wire(p) for p in row] for row in expected["params"]]}
    assert expected_against_got(check("optimizers.trajectory"), expected, same) == []   # nothing differs: no plot


def test_a_schedule_plots_the_rate_of_the_group_that_differs_and_pads_a_short_run():
    expected = [{"lr": [0.1, 0.1 * 0.9 ** t], "get_last_lr": [0.1, 0.1 * 0.9 ** t]} for t in range(10)]
    got = [{"lr": [0.1, 0.1 * 0.8 ** t], "get_last_lr": [0.1, 0.1 * 0.8 ** t]} for t in range(8)]
    [plot] = expected_against_got(check("schedules.schedule"), expected, got)
    assert plain(plot) and plot["title"] == "learning rate, group 1"
    assert plot["x"] == [float(t) for t in range(10)] and math.isnan(plot["got"][-1])
    cycled = [{"lr": [0.1], "get_last_lr": [0.1], "momentum": [0.9 - 0.01 * t]} for t in range(5)]
    wrong = [{"lr": [0.1], "get_last_lr": [0.1], "momentum": [0.9]} for t in range(5)]
    rate, momentum = expected_against_got(check("schedules.schedule"), cycled, wrong)
    assert rate["title"] == "learning rate, group 0" and momentum["title"] == "momentum, group 0"


def test_an_initializer_sample_is_two_histograms_over_the_same_bins():
    expected = {"sample": torch.rand(1000, generator=torch.Generator().manual_seed(0)) - 0.5}
    got = {"sample": wire(expected["sample"] * 0.5)}
    [plot] = expected_against_got(check("initializers.sample"), expected, got)
    assert plot["kind"] == "histogram" and plain(plot)
    assert len(plot["edges"]) == len(plot["expected"]) + 1 == len(plot["got"]) + 1
    assert sum(plot["expected"]) == sum(plot["got"]) == 1000


@pytest.mark.parametrize("probe, expected", [
    ("optimizers.trajectory", {"params": [[torch.ones(2)]]}),
    ("schedules.schedule", [{"lr": [0.1], "get_last_lr": [0.1]}]),
    ("schedules.range_test", {"lrs": [0.1, 1.0], "losses": [1.0, 2.0], "restored": {}}),
    ("initializers.sample", {"sample": torch.ones(5)}),
])
@pytest.mark.parametrize("got", [None, Unsupported("MyTensor"), {"params": "x", "sample": 3, "lrs": [None]},
                                 [{"lr": "fast"}], {"params": [[Unsupported("T")]]}, 7.0])
def test_a_malformed_output_gets_no_plot_and_no_error(probe, expected, got):
    assert expected_against_got(check(probe), expected, got) == []


def test_probes_that_are_not_curves_get_no_plot():
    assert expected_against_got(check("activations.function"), {"value": torch.ones(2)},
                                {"value": wire(torch.zeros(2))}) == []
    assert expected_against_got(object(), None, None) == []
