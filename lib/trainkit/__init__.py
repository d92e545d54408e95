"""trainkit: what students, handouts and the grader share.

Modules (import the one you need, e.g. ``from trainkit.problems import rosenbrock``):

- ``trainkit.seeding``   ``seed_everything(seed)``: fix Python, NumPy, PyTorch and CUDA random numbers.
- ``trainkit.devices``   ``available_devices()``, ``pick_device(prefer="cuda")``.
- ``trainkit.data``      ``load_mnist1d(...)`` (generated locally, cached as .npz), ``load_splits(...)``
                         (train / validation / test), ``batches(x, y, ...)``.
- ``trainkit.problems``  2-D test functions (``ravine``, ``rosenbrock``, ``noisy_quadratic``) and
                         ``trajectory(make_optimizer, loss_fn, start, steps)``.
- ``trainkit.models``    ``mlp(...)``: the multilayer perceptron the assignments train.
- ``trainkit.training``  ``train(...)``, a short flat training loop, and ``evaluate(model, x, y)``.
- ``trainkit.plotting``  ``plot_contours``, ``plot_trajectories``, ``plot_curves`` on a matplotlib ``Axes``.

Importing ``trainkit`` itself imports none of them: ``mnist1d`` and ``matplotlib`` are slow to import
and are loaded only by the modules that need them.
"""
