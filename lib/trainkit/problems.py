"""Problems: 2-D test functions for watching optimizers move.

Each function takes a parameter tensor ``p = (x, y)`` of two elements and returns a scalar tensor, so
any ``torch.optim.Optimizer`` can minimize it and ``trajectory`` can record the path it takes. Two
dimensions are few enough to draw (see ``trainkit.plotting``) and enough to show the behaviours that
matter in deep networks: zig-zagging across a ravine, crawling along a curved valley, noise.
"""
from __future__ import annotations

from typing import Callable

import torch

# The ravine's curvature along each axis: 0.1 along x, 10 along y, so the condition number is 100.
# Gradient descent needs lr < 2/10 to stay stable across the valley (y), and then moves only
# lr * 0.1 of the way per step along it (x): it zig-zags and crawls. Momentum builds up speed along x.
RAVINE_CURVATURE = (0.1, 10.0)
RAVINE_START = torch.tensor([-8.0, 1.5])
RAVINE_MIN = torch.tensor([0.0, 0.0])

ROSENBROCK_START = torch.tensor([-1.2, 1.0])   # Rosenbrock's own starting point (1960)
ROSENBROCK_MIN = torch.tensor([1.0, 1.0])

# The noisy quadratic: curvature (1, 4), and gradient noise of standard deviation 1 on each axis.
NOISY_QUADRATIC_CURVATURE = (1.0, 4.0)
NOISY_QUADRATIC_NOISE = 1.0
NOISY_QUADRATIC_START = torch.tensor([-3.0, 2.0])


def ravine(p: torch.Tensor) -> torch.Tensor:
    """A narrow, ill-conditioned valley along the x axis: f(x, y) = 0.5 * (0.1 x² + 10 y²).

    Minimum 0 at (0, 0). The curvatures differ a hundredfold, so plain gradient descent bounces
    between the steep walls while barely moving along the flat floor.
    """
    x, y = p[0], p[1]
    a, b = RAVINE_CURVATURE
    return 0.5 * (a * x**2 + b * y**2)


def rosenbrock(p: torch.Tensor) -> torch.Tensor:
    """Rosenbrock's banana: f(x, y) = (1 - x)² + 100 (y - x²)².

    Minimum 0 at (1, 1), at the end of a long, curved, flat-bottomed valley: finding the valley is
    easy, following it to the minimum is slow.
    """
    x, y = p[0], p[1]
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def noisy_quadratic(p: torch.Tensor, generator: torch.Generator | None = None,
                    noise: float = NOISY_QUADRATIC_NOISE) -> torch.Tensor:
    """A stochastic objective: f(p) = 0.5 * (x² + 4 y²) + ε · p, with fresh ε ~ N(0, noise² I) per call.

    The gradient is ∇f = (x, 4y) + ε: the true gradient plus zero-mean noise, like a minibatch
    gradient. On average f is the plain quadratic, minimum 0 at (0, 0). A fixed learning rate
    therefore stalls in a cloud of noise around the minimum; averaging or decaying the learning
    rate shrinks the cloud. Pass a seeded ``generator`` for repeatable noise.
    """
    x, y = p[0], p[1]
    a, b = NOISY_QUADRATIC_CURVATURE
    # Draw on the generator's device (CPU by default), then move: a generator only fills tensors
    # on its own device, and p may live on a GPU.
    generator_device = generator.device if generator is not None else "cpu"
    epsilon = torch.randn(2, generator=generator, device=generator_device)
    epsilon = noise * epsilon.to(device=p.device, dtype=p.dtype)
    return 0.5 * (a * x**2 + b * y**2) + (epsilon * p).sum()


def trajectory(make_optimizer: Callable[[list[torch.Tensor]], torch.optim.Optimizer],
               loss_fn: Callable[[torch.Tensor], torch.Tensor],
               start: torch.Tensor, steps: int) -> torch.Tensor:
    """The path an optimizer takes on ``loss_fn`` from ``start``: a ``[steps + 1, 2]`` tensor.

    Row 0 is ``start``; row t is the position after t optimizer steps. For example::

        path = trajectory(lambda params: torch.optim.SGD(params, lr=0.1), ravine, RAVINE_START, 50)
    """
    param = start.detach().clone().requires_grad_(True)   # a fresh leaf: start itself is untouched
    optimizer = make_optimizer([param])
    positions = [param.detach().clone()]
    for _ in range(steps):
        optimizer.zero_grad()
        loss_fn(param).backward()
        optimizer.step()
        positions.append(param.detach().clone())
    return torch.stack(positions)
