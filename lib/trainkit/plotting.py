"""Plotting: loss landscapes, optimizer paths and training curves on a matplotlib ``Axes``.

Every function draws on an ``ax`` you pass in and returns nothing you must use, so they compose on one
figure and work with any backend (including the headless ``Agg`` the grader and CI use). None of them
creates a figure or calls ``plt.show()``: that is the notebook's choice. For example::

    import matplotlib.pyplot as plt
    from trainkit import plotting, problems
    fig, ax = plt.subplots()
    plotting.plot_contours(ax, problems.rosenbrock, xlim=(-2, 2), ylim=(-1, 3))
    plotting.plot_trajectories(ax, {"SGD": path})
"""
from __future__ import annotations

from typing import Callable, Mapping, Sequence

import numpy as np
import torch


def _as_numpy(values) -> np.ndarray:
    """A float NumPy array from a list, a NumPy array or a tensor (on any device, with or without grad)."""
    if isinstance(values, torch.Tensor):
        values = values.detach().cpu()
    return np.asarray(values, dtype=float)


def plot_contours(ax, loss_fn: Callable[[torch.Tensor], torch.Tensor], xlim: tuple[float, float],
                  ylim: tuple[float, float], levels: int = 30, resolution: int = 100):
    """Draw ``levels`` contour lines of a 2-D ``loss_fn`` over ``xlim`` x ``ylim``; returns the ``ContourSet``.

    The levels are log-spaced above the lowest value on the grid: landscapes such as Rosenbrock's span
    several orders of magnitude, and evenly spaced levels would all crowd onto the steep walls, leaving
    the interesting valley floor blank. ``loss_fn`` is called once per grid point on a 2-element tensor,
    so any function from ``trainkit.problems`` works (for ``noisy_quadratic`` draw the noise-free
    landscape: ``lambda p: noisy_quadratic(p, noise=0.0)``).
    """
    xs = np.linspace(xlim[0], xlim[1], resolution)
    ys = np.linspace(ylim[0], ylim[1], resolution)
    grid_x, grid_y = np.meshgrid(xs, ys)
    with torch.no_grad():
        values = np.array([[float(loss_fn(torch.tensor([x, y], dtype=torch.float64))) for x in xs]
                           for y in ys])
    # Log-spaced heights above the grid's minimum, from a millionth of the range up to the top.
    height = values - values.min()
    top = height.max() if height.max() > 0 else 1.0
    lowest = max(height[height > 0].min() if (height > 0).any() else top, top * 1e-6)
    contour_levels = values.min() + np.geomspace(lowest, top, levels)
    contours = ax.contour(grid_x, grid_y, values, levels=contour_levels, cmap="viridis",
                          linewidths=0.8)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    return contours


def plot_trajectories(ax, trajectories: Mapping[str, torch.Tensor]) -> None:
    """Draw each ``[T, 2]`` path as a line with a circle at its start and a star at its end, plus a legend.

    Each path gets one legend entry (its name); the markers share the line's colour.
    """
    for name, path in trajectories.items():
        points = _as_numpy(path)
        (line,) = ax.plot(points[:, 0], points[:, 1], label=name, linewidth=1.5)
        color = line.get_color()
        ax.plot(points[0, 0], points[0, 1], marker="o", color=color, linestyle="none")
        ax.plot(points[-1, 0], points[-1, 1], marker="*", markersize=12, color=color,
                linestyle="none")
    ax.legend()


def plot_curves(ax, curves: Mapping[str, Sequence[float]], xlabel: str = "step", ylabel: str = "loss",
                logy: bool = False) -> None:
    """Draw one line per named curve (e.g. ``{"SGD": history["step_loss"]}``), with labels and a legend.

    ``logy`` puts the y axis on a log scale, where losses decaying like a power law or an
    exponential become easy to compare.
    """
    for name, values in curves.items():
        ax.plot(_as_numpy(values), label=name)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if logy:
        ax.set_yscale("log")
    ax.legend()
