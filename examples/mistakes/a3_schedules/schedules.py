"""Learning-rate schedules and the LR range test.

Every scheduler here subclasses ``torch.optim.lr_scheduler.LRScheduler`` and mirrors the PyTorch class of
the same name (torch 2.13): same signature, same defaults, the same learning rates step after step.

How a scheduler works (the base class does the bookkeeping, you write the rule):

* At construction the base class records each group's starting rate as ``group["initial_lr"]`` (and in
  ``self.base_lrs``), sets ``self.last_epoch = -1`` and takes one step, so the first rate is in place
  before the first ``optimizer.step()``.
* Each ``scheduler.step()`` (call it after ``optimizer.step()``) adds 1 to ``self.last_epoch`` and calls
  ``get_lr()``, whose list (one rate per parameter group) it writes into the groups' ``"lr"``.
  ``get_last_lr()`` returns that list; ``state_dict()`` holds every attribute but the optimizer.
* So inside ``get_lr()``, ``self.last_epoch`` is t, the index of the rate being computed: 0 at
  construction, 1 after the first ``step()``, and so on.

PyTorch computes most schedules *recursively* ("chainable" form): the new rate is the group's current
``group["lr"]`` times a factor, so several schedulers can act on the same optimizer. The closed forms in
the docstrings give the same numbers up to rounding; the checks compare within a relative error of 1e-9.
"""
from __future__ import annotations

import copy
import math
from collections import Counter
from typing import Callable, Iterable

import torch
from torch.optim.lr_scheduler import LRScheduler


def _per_group(name: str, optimizer: torch.optim.Optimizer, value) -> list:
    """``value`` as one entry per parameter group: a list of the right length, or a scalar repeated."""
    if isinstance(value, (list, tuple)):
        if len(value) != len(optimizer.param_groups):
            raise ValueError(f"{name} has {len(value)} values but the optimizer has "
                             f"{len(optimizer.param_groups)} parameter groups")
        return list(value)
    return [value] * len(optimizer.param_groups)


def _current_lrs(optimizer: torch.optim.Optimizer) -> list[float]:
    """The learning rate each parameter group has now."""
    return [group["lr"] for group in optimizer.param_groups]


class StepLR(LRScheduler):
    r"""Multiply the learning rate by ``gamma`` every ``step_size`` steps.

    .. math:: \eta_t = \eta_0 \, \gamma^{\lfloor t / \text{step\_size} \rfloor}

    Recursive form (PyTorch's): at every t that is a *non-zero* multiple of ``step_size``, multiply the
    current rate by ``gamma``; otherwise keep it.
    """

    def __init__(self, optimizer: torch.optim.Optimizer, step_size: int, gamma: float = 0.1,
                 last_epoch: int = -1) -> None:
        if not isinstance(step_size, int) or step_size <= 0:
            raise ValueError(f"step_size must be a positive integer, got {step_size!r}")
        self.step_size = step_size
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self) -> list[float]:
        # t = 0 is the starting rate itself, not a decay point.
        if (self.last_epoch + 1) % self.step_size != 0:
            return _current_lrs(self.optimizer)
        return [group["lr"] * self.gamma for group in self.optimizer.param_groups]


class MultiStepLR(LRScheduler):
    r"""Multiply the learning rate by ``gamma`` each time t reaches one of the ``milestones``.

    .. math:: \eta_t = \eta_0 \, \gamma^{\#\{m \in \text{milestones} : m \le t\}}

    A milestone listed twice counts twice (PyTorch keeps them in a ``collections.Counter``, stored
    as ``self.milestones``): at such a t the rate is multiplied by ``gamma ** 2``.
    """

    def __init__(self, optimizer: torch.optim.Optimizer, milestones: Iterable[int], gamma: float = 0.1,
                 last_epoch: int = -1) -> None:
        self.milestones = Counter(milestones)
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self) -> list[float]:
        times = self.milestones[self.last_epoch]   # how often t is listed (0 if it is not a milestone)
        return [group["lr"] * self.gamma ** times for group in self.optimizer.param_groups]


class ExponentialLR(LRScheduler):
    r"""Multiply the learning rate by ``gamma`` at every step.

    .. math:: \eta_t = \eta_0 \, \gamma^{t}
    """

    def __init__(self, optimizer: torch.optim.Optimizer, gamma: float, last_epoch: int = -1) -> None:
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self) -> list[float]:
        if self.last_epoch == 0:                    # the starting rate is used as it is
            return _current_lrs(self.optimizer)
        return [group["lr"] * self.gamma for group in self.optimizer.param_groups]


class PowerLR(LRScheduler):
    r"""Power (inverse-time) decay: the rate falls like :math:`t^{-c}` once t is well past ``s``.

    .. math:: \eta_t = \frac{\eta_0}{(1 + t/s)^{c}}

    ``s`` (steps, > 0) sets when the decay gets going: the rate is halved at :math:`t = s(2^{1/c} - 1)`,
    i.e. at t = s when c = 1. ``c`` (>= 0) is the power; c = 0 keeps the rate constant.
    Not in PyTorch. Computed in closed form from ``self.base_lrs`` (the :math:`\eta_0` of each group).
    """

    def __init__(self, optimizer: torch.optim.Optimizer, s: float, c: float = 1.0,
                 last_epoch: int = -1) -> None:
        if not s > 0:
            raise ValueError(f"s (the decay time scale, in steps) must be positive, got {s!r}")
        if not c >= 0:
            raise ValueError(f"c (the power) must be non-negative, got {c!r}")
        self.s = s
        self.c = c
        super().__init__(optimizer, last_epoch)

    def get_lr(self) -> list[float]:
        factor = (1.0 + self.last_epoch / self.s) ** -self.c
        return [base_lr * factor for base_lr in self.base_lrs]


class PolynomialLR(LRScheduler):
    r"""Decay the learning rate to 0 along a polynomial over ``total_iters`` steps, then hold it there.

    .. math:: \eta_t = \eta_0 \left(1 - \frac{\min(t, T)}{T}\right)^{p}, \qquad T = \text{total\_iters},\ p = \text{power}

    Recursive form (PyTorch's): for 1 <= t <= T multiply the current rate by
    :math:`\left(\frac{1 - t/T}{1 - (t-1)/T}\right)^{p}`; otherwise keep it.
    """

    def __init__(self, optimizer: torch.optim.Optimizer, total_iters: int = 5, power: float = 1.0,
                 last_epoch: int = -1) -> None:
        self.total_iters = total_iters
        self.power = power
        super().__init__(optimizer, last_epoch)

    def get_lr(self) -> list[float]:
        t, total = self.last_epoch, self.total_iters
        if t == 0 or t > total:
            return _current_lrs(self.optimizer)
        factor = ((1.0 - t / total) / (1.0 - (t - 1) / total)) ** self.power
        return [group["lr"] * factor for group in self.optimizer.param_groups]


class CosineAnnealingLR(LRScheduler):
    r"""Cosine annealing from the starting rate down to ``eta_min`` over ``T_max`` steps.

    .. math:: \eta_t = \eta_{\min} + \frac{\eta_0 - \eta_{\min}}{2}\left(1 + \cos\frac{\pi t}{T_{\max}}\right)

    There is no restart and no clamping: after ``T_max`` the cosine carries on, so the rate climbs
    back to :math:`\eta_0` at :math:`2T_{\max}` (period :math:`2T_{\max}`).

    Recursive form (PyTorch's), for t >= 1:

    .. math:: \eta_t = \eta_{\min} + (\eta_{t-1} - \eta_{\min})\,
              \frac{1 + \cos(\pi t / T_{\max})}{1 + \cos(\pi (t-1) / T_{\max})}

    except where the denominator is 0, i.e. :math:`(t - 1 - T_{\max}) \bmod 2T_{\max} = 0` (the step
    leaving a minimum); there :math:`\eta_t = \eta_{t-1} + (\eta_0 - \eta_{\min})(1 - \cos(\pi/T_{\max}))/2`.
    """

    def __init__(self, optimizer: torch.optim.Optimizer, T_max: int, eta_min: float = 0.0,
                 last_epoch: int = -1) -> None:
        self.T_max = T_max
        self.eta_min = eta_min
        super().__init__(optimizer, last_epoch)

    def get_lr(self) -> list[float]:
        t, period = self.last_epoch, self.T_max
        if t == 0:
            return _current_lrs(self.optimizer)
        if (t - 1 - period) % (2 * period) == 0:
            # Leaving a minimum: the ratio below would be 0/0, so add the first step of the climb.
            return [group["lr"] + (base_lr - self.eta_min) * (1 - math.cos(math.pi / period)) / 2
                    for base_lr, group in zip(self.base_lrs, self.optimizer.param_groups)]
        ratio = (1 + math.cos(math.pi * t / period)) / (1 + math.cos(math.pi * (t - 1) / period))
        return [self.eta_min + (group["lr"] - self.eta_min) * ratio
                for group in self.optimizer.param_groups]


class CosineAnnealingWarmRestarts(LRScheduler):
    r"""Cosine annealing with warm restarts (SGDR): anneal over ``T_i`` steps, jump back up, repeat.

    .. math:: \eta_t = \eta_{\min} + \frac{\eta_0 - \eta_{\min}}{2}\left(1 + \cos\frac{\pi T_{cur}}{T_i}\right)

    :math:`T_{cur}` counts the steps since the last restart (attribute ``self.T_cur``) and
    :math:`T_i` is the length of the current cycle (``self.T_i``): the first cycle lasts
    :math:`T_0`, and each restart multiplies the length by ``T_mult``. When :math:`T_{cur}` reaches
    :math:`T_i` the restart happens: :math:`T_{cur} \leftarrow T_{cur} - T_i`, :math:`T_i \leftarrow T_i \cdot T_{mult}`.
    So the rate at the restart step is :math:`\eta_0` again, never :math:`\eta_{\min}`.

    ``step(epoch)`` may also be given an epoch explicitly, even a fractional one (e.g.
    ``epoch + i / batches_per_epoch``): then :math:`T_{cur}` and :math:`T_i` are computed from it
    directly. With ``T_mult`` > 1 the cycle holding epoch e is
    :math:`n = \lfloor \log_{T_{mult}}(e (T_{mult} - 1)/T_0 + 1) \rfloor`, with
    :math:`T_i = T_0 T_{mult}^n` and :math:`T_{cur} = e - T_0 (T_{mult}^n - 1)/(T_{mult} - 1)`.
    ``self.last_epoch`` becomes ``floor(epoch)``.
    """

    def __init__(self, optimizer: torch.optim.Optimizer, T_0: int, T_mult: int = 1, eta_min: float = 0.0,
                 last_epoch: int = -1) -> None:
        if not isinstance(T_0, int) or T_0 <= 0:
            raise ValueError(f"Expected positive integer T_0, but got {T_0!r}")
        if not isinstance(T_mult, int) or T_mult < 1:
            raise ValueError(f"Expected integer T_mult >= 1, but got {T_mult!r}")
        if not isinstance(eta_min, (float, int)):
            raise ValueError(f"Expected float or int eta_min, but got {eta_min!r}")
        self.T_0 = T_0
        self.T_i = T_0
        self.T_mult = T_mult
        self.eta_min = eta_min
        self.T_cur = last_epoch
        super().__init__(optimizer, last_epoch)

    def get_lr(self) -> list[float]:
        cosine = (1 + math.cos(math.pi * self.T_cur / self.T_i)) / 2
        return [self.eta_min + (base_lr - self.eta_min) * cosine for base_lr in self.base_lrs]

    def step(self, epoch: float | None = None) -> None:
        """Advance one step (``epoch=None``) or jump to ``epoch``; then write the new rates."""
        if epoch is not None and epoch < 0:
            raise ValueError(f"Expected non-negative epoch, but got {epoch}")
        if epoch is None and self.last_epoch < 0:
            epoch = 0                                   # the step taken by the constructor
        if epoch is None:
            epoch = self.last_epoch + 1
            self.T_cur = self.T_cur + 1
            if self.T_cur >= self.T_i:                  # restart: a new, T_mult times longer cycle
                self.T_cur = self.T_cur % self.T_i
                self.T_i = self.T_i * self.T_mult
        elif epoch >= self.T_0:
            if self.T_mult == 1:
                self.T_cur = epoch % self.T_0
            else:
                n = int(math.log(epoch / self.T_0 * (self.T_mult - 1) + 1, self.T_mult))
                self.T_cur = epoch - self.T_0 * (self.T_mult ** n - 1) / (self.T_mult - 1)
                self.T_i = self.T_0 * self.T_mult ** n
        else:
            self.T_i = self.T_0
            self.T_cur = epoch
        self.last_epoch = math.floor(epoch)
        for group, lr in zip(self.optimizer.param_groups, self.get_lr()):
            group["lr"] = lr
        self._last_lr = _current_lrs(self.optimizer)


class LinearLR(LRScheduler):
    r"""Scale the starting rate by a factor moving linearly from ``start_factor`` to ``end_factor``.

    .. math:: \eta_t = \eta_0 \left(f_s + (f_e - f_s)\frac{\min(t, T)}{T}\right), \qquad
              f_s = \text{start\_factor},\ f_e = \text{end\_factor},\ T = \text{total\_iters}

    With the defaults (1/3 -> 1 over 5 steps) this is a linear *warmup*; with ``end_factor`` < ``start_factor``
    it is a linear decay. Recursive form (PyTorch's): at t = 0 multiply the current rate by :math:`f_s`;
    for 1 <= t <= T multiply it by :math:`1 + \frac{f_e - f_s}{T f_s + (t - 1)(f_e - f_s)}`; after T keep it.
    """

    def __init__(self, optimizer: torch.optim.Optimizer, start_factor: float = 1.0 / 3, end_factor: float = 1.0,
                 total_iters: int = 5, last_epoch: int = -1) -> None:
        if start_factor > 1.0 or start_factor <= 0:
            raise ValueError("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.")
        if end_factor > 1.0 or end_factor < 0:
            raise ValueError("Ending multiplicative factor expected to be between 0 and 1.")
        self.start_factor = start_factor
        self.end_factor = end_factor
        self.total_iters = total_iters
        super().__init__(optimizer, last_epoch)

    def get_lr(self) -> list[float]:
        t = self.last_epoch
        if t == 0:
            return [group["lr"] * self.start_factor for group in self.optimizer.param_groups]
        if t > self.total_iters:
            return _current_lrs(self.optimizer)
        change = self.end_factor - self.start_factor
        # (factor at t) / (factor at t - 1), with both factors multiplied by T to avoid a division
        ratio = 1.0 + change / (self.total_iters * self.start_factor + (t - 1) * change)
        return [group["lr"] * ratio for group in self.optimizer.param_groups]


class WarmupCosineLR(LRScheduler):
    r"""Linear warmup to the starting rate, then cosine annealing down to ``eta_min``.

    .. math::
        \eta_t = \begin{cases}
            \eta_0 \, \dfrac{t + 1}{W} & t < W \\[1ex]
            \eta_{\min} + \dfrac{\eta_0 - \eta_{\min}}{2}\left(1 + \cos\dfrac{\pi (t - W)}{T - W}\right) & W \le t \le T \\[1ex]
            \eta_{\min} & t > T
        \end{cases}
        \qquad W = \text{warmup\_steps},\ T = \text{total\_steps}

    The first step already uses :math:`\eta_0 / W` (never 0: a step with rate 0 would be wasted), the
    last warmup step (t = W - 1) and the first cosine step (t = W) both use :math:`\eta_0`, and the
    rate reaches :math:`\eta_{\min}` at t = T and stays there. ``warmup_steps = 0`` means no warmup.
    Not in PyTorch. Computed in closed form from ``self.base_lrs`` (the :math:`\eta_0` of each group).
    """

    def __init__(self, optimizer: torch.optim.Optimizer, warmup_steps: int, total_steps: int,
                 eta_min: float = 0.0, last_epoch: int = -1) -> None:
        if not isinstance(warmup_steps, int) or warmup_steps < 0:
            raise ValueError(f"warmup_steps must be a non-negative integer, got {warmup_steps!r}")
        if not isinstance(total_steps, int) or total_steps <= warmup_steps:
            raise ValueError(f"total_steps must be an integer larger than warmup_steps ({warmup_steps}), "
                             f"got {total_steps!r}")
        if not eta_min >= 0:
            raise ValueError(f"eta_min must be non-negative, got {eta_min!r}")
        self.warmup_steps = warmup_steps
        self.total_steps = total_steps
        self.eta_min = eta_min
        super().__init__(optimizer, last_epoch)

    def get_lr(self) -> list[float]:
        t, warmup, total = self.last_epoch, self.warmup_steps, self.total_steps
        if t < warmup:
            return [base_lr * t / warmup for base_lr in self.base_lrs]
        if t > total:
            return [self.eta_min for _ in self.base_lrs]
        cosine = (1 + math.cos(math.pi * (t - warmup) / (total - warmup))) / 2
        return [self.eta_min + (base_lr - self.eta_min) * cosine for base_lr in self.base_lrs]


class CyclicLR(LRScheduler):
    r"""Cyclical learning rates (Smith, 2017): triangles between ``base_lr`` and ``max_lr``.

    One cycle lasts ``step_size_up + step_size_down`` steps: the rate climbs linearly from ``base_lr``
    to ``max_lr`` in ``step_size_up`` steps and falls back in ``step_size_down`` (default: the same).
    With :math:`S = \text{step\_size\_up} + \text{step\_size\_down}` and :math:`r = \text{step\_size\_up} / S`:

    .. math::
        \text{cycle} = \lfloor 1 + t/S \rfloor, \quad x = 1 + t/S - \text{cycle} \in [0, 1), \quad
        h = \begin{cases} x / r & x \le r \\ (x - 1)/(r - 1) & x > r \end{cases}

    .. math:: \eta_t = \text{base\_lr} + (\text{max\_lr} - \text{base\_lr}) \, h \, \text{scale\_fn}(z)

    where the amplitude scaling ``scale_fn`` depends on ``mode``:

    * ``"triangular"``: 1 (every cycle reaches ``max_lr``), :math:`z` = cycle;
    * ``"triangular2"``: :math:`1 / 2^{\text{cycle} - 1}` (the amplitude halves each cycle), :math:`z` = cycle;
    * ``"exp_range"``: :math:`\gamma^{t}`, :math:`z` = t (the iteration count).

    A custom ``scale_fn(z)`` overrides ``mode``; ``scale_mode`` ("cycle" or "iterations") then says
    whether z is the cycle number or t. ``base_lr`` and ``max_lr`` may be one value per parameter
    group. The constructor sets each group's rate to its ``base_lr``, and ``self.base_lrs`` holds them.

    Momentum cycling (``cycle_momentum=True``, PyTorch's default) is not part of this assignment
    (``OneCycleLR`` does it): pass ``cycle_momentum=False``; True raises ``ValueError``.
    """

    def __init__(self, optimizer: torch.optim.Optimizer, base_lr: float | list[float], max_lr: float | list[float],
                 step_size_up: int = 2000, step_size_down: int | None = None, mode: str = "triangular",
                 gamma: float = 1.0, scale_fn: Callable[[float], float] | None = None, scale_mode: str = "cycle",
                 cycle_momentum: bool = True, base_momentum: float = 0.8, max_momentum: float = 0.9,
                 last_epoch: int = -1) -> None:
        if cycle_momentum:
            raise ValueError("CyclicLR in this assignment does not cycle momentum (OneCycleLR does): "
                             "pass cycle_momentum=False")
        if mode not in ("triangular", "triangular2", "exp_range") and scale_fn is None:
            raise ValueError(f"mode must be 'triangular', 'triangular2' or 'exp_range', got {mode!r}")
        if scale_mode not in ("cycle", "iterations"):
            raise ValueError(f"scale_mode must be 'cycle' or 'iterations', got {scale_mode!r}")
        if not step_size_up > 0 or (step_size_down is not None and not step_size_down > 0):
            raise ValueError(f"step sizes must be positive, got {step_size_up!r} and {step_size_down!r}")
        base_lrs = _per_group("base_lr", optimizer, base_lr)
        if last_epoch == -1:
            for lr, group in zip(base_lrs, optimizer.param_groups):
                group["lr"] = lr
        self.max_lrs = _per_group("max_lr", optimizer, max_lr)
        step_size_up = float(step_size_up)
        step_size_down = float(step_size_down) if step_size_down is not None else step_size_up
        self.total_size = step_size_up + step_size_down      # S, steps per cycle
        self.step_ratio = step_size_up / self.total_size     # r, the rising fraction of a cycle
        self.mode = mode
        self.gamma = gamma
        self._scale_fn_custom = scale_fn
        # The built-in modes decide what scale_fn is evaluated on.
        if scale_fn is None:
            scale_mode = "iterations" if mode == "exp_range" else "cycle"
        self.scale_mode = scale_mode
        self.cycle_momentum = cycle_momentum
        super().__init__(optimizer, last_epoch)
        self.base_lrs = base_lrs

    def scale_fn(self, z: float) -> float:
        """The amplitude scaling: the custom ``scale_fn`` if one was given, else the one ``mode`` names."""
        if self._scale_fn_custom is not None:
            return self._scale_fn_custom(z)
        if self.mode == "triangular":
            return 1.0
        if self.mode == "triangular2":
            return 1 / (2.0 ** (z - 1))
        return self.gamma ** z                               # exp_range

    def get_lr(self) -> list[float]:
        cycle = math.floor(1 + self.last_epoch / self.total_size)
        x = 1.0 + self.last_epoch / self.total_size - cycle   # position within the cycle, in [0, 1)
        if x <= self.step_ratio:
            height = x / self.step_ratio                      # rising
        else:
            height = (x - 1) / (self.step_ratio - 1)          # falling
        scale = self.scale_fn(cycle if self.scale_mode == "cycle" else self.last_epoch)
        return [base_lr + (max_lr - base_lr) * height * scale
                for base_lr, max_lr in zip(self.base_lrs, self.max_lrs)]

    def state_dict(self) -> dict:
        """Everything but the optimizer and a custom ``scale_fn`` (a function cannot be saved: the
        scheduler you load into keeps its own)."""
        state = super().state_dict()
        state.pop("_scale_fn_custom", None)
        return state


class OneCycleLR(LRScheduler):
    r"""The 1cycle policy (Smith & Topin, 2018): warm up to ``max_lr``, then anneal far below the start.

    Per group: :math:`\eta_{\text{init}} = \text{max\_lr} / \text{div\_factor}` (stored as
    ``group["initial_lr"]``), :math:`\eta_{\min} = \eta_{\text{init}} / \text{final\_div\_factor}`
    (``group["min_lr"]``), and ``group["max_lr"]``. With N = ``total_steps`` (or epochs x
    steps_per_epoch) and p = ``pct_start``, the schedule is a chain of phases, each annealing from a
    start value to an end value; a phase ends at step ``end_step`` and the next starts there:

    ================  =====================  ========================  =================================
    phase             end_step               lr                        momentum
    ================  =====================  ========================  =================================
    two phases (default)
    up                pN - 1                 initial_lr -> max_lr      max_momentum -> base_momentum
    down              N - 1                  max_lr -> min_lr          base_momentum -> max_momentum
    three_phase=True
    up                pN - 1                 initial_lr -> max_lr      max_momentum -> base_momentum
    down              2pN - 2                max_lr -> initial_lr      base_momentum -> max_momentum
    annihilate        N - 1                  initial_lr -> min_lr      max_momentum -> max_momentum
    ================  =====================  ========================  =================================

    At step t, the phase is the first whose ``end_step`` >= t (the last phase takes any t beyond), and
    with :math:`\text{pct} = (t - \text{start}) / (\text{end\_step} - \text{start})` (start: the previous
    phase's ``end_step``, 0 for the first phase) the value is

    * ``anneal_strategy="cos"``:    :math:`\text{end} + (\text{start\_value} - \text{end}) (1 + \cos(\pi \, \text{pct}))/2`
    * ``anneal_strategy="linear"``: :math:`\text{start\_value} + (\text{end} - \text{start\_value}) \, \text{pct}`

    Momentum moves opposite to the rate: with ``cycle_momentum`` the same rule writes
    ``group["momentum"]`` (SGD, RMSprop) or ``group["betas"][0]`` (Adam and friends, when the optimizer
    has ``"betas"`` in its defaults; set ``self.use_beta1``), keeping the other betas unchanged.
    Stepping past t = N raises ``ValueError``.
    """

    def __init__(self, optimizer: torch.optim.Optimizer, max_lr: float | list[float], total_steps: int | None = None,
                 epochs: int | None = None, steps_per_epoch: int | None = None, pct_start: float = 0.3,
                 anneal_strategy: str = "cos", cycle_momentum: bool = True,
                 base_momentum: float | list[float] = 0.85, max_momentum: float | list[float] = 0.95,
                 div_factor: float = 25.0, final_div_factor: float = 1e4, three_phase: bool = False,
                 last_epoch: int = -1) -> None:
        if total_steps is not None:
            if not isinstance(total_steps, int) or total_steps <= 0:
                raise ValueError(f"Expected positive integer total_steps, but got {total_steps!r}")
            self.total_steps = total_steps
        elif epochs is not None and steps_per_epoch is not None:
            if not isinstance(epochs, int) or epochs <= 0:
                raise ValueError(f"Expected positive integer epochs, but got {epochs!r}")
            if not isinstance(steps_per_epoch, int) or steps_per_epoch <= 0:
                raise ValueError(f"Expected positive integer steps_per_epoch, but got {steps_per_epoch!r}")
            self.total_steps = epochs * steps_per_epoch
        else:
            raise ValueError("You must define either total_steps OR (epochs AND steps_per_epoch)")
        if not 0 <= pct_start <= 1:
            raise ValueError(f"Expected pct_start between 0 and 1, but got {pct_start!r}")
        if anneal_strategy not in ("cos", "linear"):
            raise ValueError(f"anneal_strategy must be one of 'cos' or 'linear', instead got {anneal_strategy!r}")
        self.pct_start = pct_start
        self.anneal_strategy = anneal_strategy
        self.three_phase = three_phase

        max_lrs = _per_group("max_lr", optimizer, max_lr)
        if last_epoch == -1:
            for group, group_max_lr in zip(optimizer.param_groups, max_lrs):
                group["initial_lr"] = group_max_lr / div_factor
                group["max_lr"] = group_max_lr
                group["min_lr"] = group["initial_lr"] / final_div_factor

        self.cycle_momentum = cycle_momentum
        if cycle_momentum:
            if "momentum" not in optimizer.defaults and "betas" not in optimizer.defaults:
                raise ValueError("optimizer must support momentum or beta1 with `cycle_momentum` option enabled")
            self.use_beta1 = "betas" in optimizer.defaults
            max_momentums = _per_group("max_momentum", optimizer, max_momentum)
            base_momentums = _per_group("base_momentum", optimizer, base_momentum)
            if last_epoch == -1:
                for group, group_max, group_base in zip(optimizer.param_groups, max_momentums, base_momentums):
                    if self.use_beta1:
                        group["betas"] = (group_max, *group["betas"][1:])
                    else:
                        group["momentum"] = group_max
                    group["max_momentum"] = group_max
                    group["base_momentum"] = group_base
        super().__init__(optimizer, last_epoch)

    def _anneal(self, start: float, end: float, pct: float) -> float:
        """Move from ``start`` (pct = 0) to ``end`` (pct = 1) along ``self.anneal_strategy``."""
        if self.anneal_strategy == "cos":
            return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)
        return (end - start) * pct + start

    def get_lr(self) -> list[float]:
        t = self.last_epoch
        if t > self.total_steps:
            raise ValueError(f"Tried to step {t} times. The specified number of total steps is {self.total_steps}")
        n, p = self.total_steps, self.pct_start
        # (end_step, lr from, lr to, momentum from, momentum to)
        if self.three_phase:
            phases = [(float(p * n) - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                      (float(2 * p * n) - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                      (n - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum")]
        else:
            phases = [(float(p * n) - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                      (n - 1, "max_lr", "min_lr", "base_momentum", "max_momentum")]
        lrs = []
        for group in self.optimizer.param_groups:
            start_step = 0.0
            for index, (end_step, lr_from, lr_to, momentum_from, momentum_to) in enumerate(phases):
                if t <= end_step or index == len(phases) - 1:
                    pct = (t - start_step) / (end_step - start_step)
                    lrs.append(self._anneal(group[lr_from], group[lr_to], pct))
                    if self.cycle_momentum:
                        momentum = self._anneal(group[momentum_from], group[momentum_to], pct)
                        if self.use_beta1:
                            group["betas"] = (momentum, *group["betas"][1:])
                        else:
                            group["momentum"] = momentum
                    break
                start_step = end_step
        return lrs


class ReduceLROnPlateau(LRScheduler):
    r"""Performance scheduling: cut the rate by ``factor`` once a metric stops improving.

    Call ``step(metric)`` once per evaluation (e.g. with the validation loss after each epoch). It
    does, in order:

    1. ``self.last_epoch += 1``. The metric *improves* if it beats ``self.best`` by more than the
       threshold (see ``is_better``); then ``best = metric`` and ``num_bad_epochs = 0``, else
       ``num_bad_epochs += 1``.
    2. While in cooldown (``cooldown_counter > 0``): ``cooldown_counter -= 1`` and ``num_bad_epochs = 0``
       (bad evaluations right after a cut are ignored).
    3. If ``num_bad_epochs > patience``: for each group :math:`\eta \leftarrow \max(\eta \cdot \text{factor}, \text{min\_lr}_g)`,
       but only if that lowers it by more than ``eps``; then ``cooldown_counter = cooldown`` and
       ``num_bad_epochs = 0``.
    4. ``self._last_lr`` = the groups' current rates (what ``get_last_lr()`` returns).

    Like PyTorch's, it subclasses ``LRScheduler`` but does not call its constructor: it never touches
    the rates at construction, has no ``get_lr``, and starts with ``best`` = the worst value for ``mode``
    (+inf for "min", -inf for "max"), ``last_epoch = 0``.
    """

    def __init__(self, optimizer: torch.optim.Optimizer, mode: str = "min", factor: float = 0.1,
                 patience: int = 10, threshold: float = 1e-4, threshold_mode: str = "rel",
                 cooldown: int = 0, min_lr: list[float] | float = 0, eps: float = 1e-8) -> None:
        if factor >= 1.0:
            raise ValueError("Factor should be < 1.0.")
        if mode not in ("min", "max"):
            raise ValueError(f"mode {mode!r} is unknown! (use 'min' or 'max')")
        if threshold_mode not in ("rel", "abs"):
            raise ValueError(f"threshold mode {threshold_mode!r} is unknown! (use 'rel' or 'abs')")
        if not isinstance(optimizer, torch.optim.Optimizer):
            raise TypeError(f"{type(optimizer).__name__} is not an Optimizer")
        self.optimizer = optimizer
        self.min_lrs = _per_group("min_lr", optimizer, min_lr)
        self.factor = factor
        self.mode = mode
        self.threshold = threshold
        self.threshold_mode = threshold_mode
        self.patience = patience
        self.cooldown = cooldown
        self.eps = eps
        self.mode_worse = math.inf if mode == "min" else -math.inf
        self.best = self.mode_worse
        self.num_bad_epochs = 0
        self.cooldown_counter = 0
        self.last_epoch = 0
        self._last_lr = _current_lrs(optimizer)

    def is_better(self, metric: float, best: float) -> bool:
        r"""Whether ``metric`` is a significant improvement on ``best``:

        ====  =====  ===============================================
        mode  thr.   improves if
        ====  =====  ===============================================
        min   rel    metric < best * (1 - threshold)
        min   abs    metric < best - threshold
        max   rel    metric > best * (1 + threshold)
        max   abs    metric > best + threshold
        ====  =====  ===============================================
        """
        if self.mode == "min" and self.threshold_mode == "rel":
            return metric < best * (1.0 - self.threshold)
        if self.mode == "min":
            return metric < best - self.threshold
        if self.threshold_mode == "rel":
            return metric > best * (1.0 + self.threshold)
        return metric > best + self.threshold

    def step(self, metrics: float, epoch: int | None = None) -> None:
        """Record one evaluation of the metric (a float or a 0-dim tensor) and cut the rate if it plateaued."""
        current = float(metrics)
        self.last_epoch = self.last_epoch + 1 if epoch is None else epoch
        if self.is_better(current, self.best):
            self.best = current
            self.num_bad_epochs = 0
        else:
            self.num_bad_epochs += 1

        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.num_bad_epochs = 0                     # bad epochs during cooldown do not count

        if self.num_bad_epochs > self.patience:
            for group, min_lr in zip(self.optimizer.param_groups, self.min_lrs):
                old_lr = float(group["lr"])
                new_lr = max(old_lr * self.factor, min_lr)
                if old_lr - new_lr > self.eps:          # skip changes too small to matter
                    group["lr"] = new_lr
            self.cooldown_counter = self.cooldown
            self.num_bad_epochs = 0
        self._last_lr = _current_lrs(self.optimizer)


def lr_range_test(model: torch.nn.Module, loss_fn: Callable, batches: Iterable, optimizer: torch.optim.Optimizer,
                  start_lr: float = 1e-7, end_lr: float = 10.0, num_iters: int = 100, smooth: float = 0.05,
                  diverge: float = 4.0) -> tuple[list[float], list[float]]:
    r"""The LR range test (Smith, 2017): train briefly while the rate grows exponentially; watch the loss.

    Step i = 0, 1, ..., num_iters - 1 sets every parameter group's rate to

    .. math:: \eta_i = \text{start\_lr} \cdot (\text{end\_lr} / \text{start\_lr})^{i / (\text{num\_iters} - 1)}

    then takes one optimizer step on the next ``(x, y)`` from ``batches`` (``loss_fn(model(x), y)``,
    ``zero_grad``, ``backward``, ``optimizer.step()``), in training mode. ``batches`` is started over
    when it runs out, so it must be re-iterable (a list, a ``DataLoader``) if shorter than
    ``num_iters``. The recorded loss is an exponential moving average with bias correction (the
    batch losses are noisy; the average starts at 0, hence the correction, as in Adam):

    .. math:: a_i = (1 - \text{smooth})\, a_{i-1} + \text{smooth} \cdot \ell_i, \quad a_{-1} = 0, \qquad
              \text{reported}_i = a_i / (1 - (1 - \text{smooth})^{i + 1})

    The test stops early at the first step whose reported loss is not finite or exceeds
    ``diverge`` x the lowest reported loss so far; that diverging step *is included* as the last
    entry. Losses are assumed positive (cross-entropy, squared error).

    Afterwards the model (parameters and buffers, and its train/eval mode) and the optimizer
    (its state, e.g. momentum buffers, and every group's hyperparameters, ``"lr"`` included) are exactly
    as before the test, even if the test raised. (Random numbers drawn, e.g. by dropout, are not given back.)

    Returns ``(lrs, losses)``: two lists of Python floats of equal length (num_iters unless stopped early).
    """
    if not 0 < start_lr < end_lr:
        raise ValueError(f"need 0 < start_lr < end_lr, got start_lr={start_lr!r}, end_lr={end_lr!r}")
    if not isinstance(num_iters, int) or num_iters < 2:
        raise ValueError(f"num_iters must be an integer >= 2, got {num_iters!r}")
    if not 0 < smooth <= 1:
        raise ValueError(f"smooth must be in (0, 1], got {smooth!r}")
    if not diverge > 1:
        raise ValueError(f"diverge must be > 1, got {diverge!r}")
    # Deep copies: state_dict() returns references to the live tensors, which training would change.
    saved_model = copy.deepcopy(model.state_dict())
    saved_optimizer = copy.deepcopy(optimizer.state_dict())
    was_training = model.training
    lrs, losses = [], []
    try:
        model.train()
        batch_iterator = iter(batches)
        average, best = 0.0, math.inf
        for i in range(num_iters):
            lr = start_lr * (end_lr / start_lr) ** (i / (num_iters - 1))
            for group in optimizer.param_groups:
                group["lr"] = lr
            try:
                x, y = next(batch_iterator)
            except StopIteration:                       # start the batches over
                batch_iterator = iter(batches)
                try:
                    x, y = next(batch_iterator)
                except StopIteration:
                    raise ValueError(f"batches ran out after step {i}; pass a list or a DataLoader "
                                     "(something that can be iterated again)") from None
            loss = loss_fn(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

            average = (1 - smooth) * average + smooth * loss.item()
            smoothed = average / (1 - (1 - smooth) ** (i + 1))
            lrs.append(lr)
            losses.append(smoothed)
            best = min(best, smoothed)
            if not math.isfinite(smoothed) or smoothed > diverge * best:
                break
    finally:
        model.load_state_dict(saved_model)
        optimizer.load_state_dict(saved_optimizer)
        model.train(was_training)
    return lrs, losses


def suggest_lr(lrs: list[float], losses: list[float]) -> float:
    r"""The learning rate where the loss falls fastest against log lr, from an LR range test.

    For each pair of neighbouring points i, i + 1 the slope is

    .. math:: g_i = \frac{\text{losses}[i+1] - \text{losses}[i]}{\ln \text{lrs}[i+1] - \ln \text{lrs}[i]}

    and the answer is ``lrs[i]`` (the *left*, lower end of the pair) for the most negative :math:`g_i`;
    on a tie, the first (lowest) such i. Pairs whose slope is not finite (a non-finite loss, or two
    equal rates) are skipped. Raises ``ValueError`` if the lists differ in length, hold fewer than 2
    points, hold a rate that is not positive, or leave no finite slope. Returns a Python float.
    """
    if len(lrs) != len(losses):
        raise ValueError(f"lrs and losses must have the same length, got {len(lrs)} and {len(losses)}")
    if len(lrs) < 2:
        raise ValueError(f"need at least 2 points to measure a slope, got {len(lrs)}")
    if any(not lr > 0 for lr in lrs):
        raise ValueError("every learning rate must be positive (the slope is taken against log lr)")
    best_index, best_slope = None, math.inf
    for i in range(len(lrs) - 1):
        run = math.log(lrs[i + 1]) - math.log(lrs[i])
        if run == 0:
            continue
        slope = (losses[i + 1] - losses[i]) / run
        if math.isfinite(slope) and slope < best_slope:
            best_index, best_slope = i, slope
    if best_index is None:
        raise ValueError("no finite slope between neighbouring points: cannot suggest a learning rate")
    return float(lrs[best_index])
