"""Data: MNIST-1D, generated locally and cached, split three ways, and a minibatch iterator.

MNIST-1D (Greydanus, 2020) is a 1-D stand-in for MNIST: 10 classes of length-40 signals, small enough
to train on a laptop CPU in seconds, hard enough that optimizers and regularizers make a visible
difference. We generate it with ``mnist1d.data.make_dataset`` (about 2 s) and never download it: the
course must run without network. The generated arrays are cached as a plain ``.npz`` (no pickle), so
every later load takes milliseconds.

Three splits, and why (``load_splits``): the 1000 test signals are touched once, by a final report.
Every decision made while training (when to stop, which learning rate, which model) is made on a
*validation* set carved from the 4000 training signals with a fixed seed. Choosing anything by its test
accuracy makes that accuracy an optimistic estimate of how the choice does on new data.
"""
from __future__ import annotations

import os
import random
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np
import torch

# Bump when the layout of the cached file changes, so old caches are ignored instead of misread.
CACHE_FORMAT = 1


@dataclass(repr=False)
class MNIST1D:
    """The MNIST-1D train/test split as tensors: ``x_*`` is ``[N, 40]`` float32, ``y_*`` is ``[N]`` int64."""

    x_train: torch.Tensor
    y_train: torch.Tensor
    x_test: torch.Tensor
    y_test: torch.Tensor

    def to(self, device) -> "MNIST1D":
        """The same data on ``device`` (a new object; this one is unchanged)."""
        return MNIST1D(self.x_train.to(device), self.y_train.to(device),
                       self.x_test.to(device), self.y_test.to(device))

    def __repr__(self) -> str:
        return (f"MNIST1D(train={len(self.y_train)}, test={len(self.y_test)}, "
                f"features={self.x_train.shape[1]}, device={self.x_train.device})")


@dataclass(repr=False)
class Split:
    """One split: signals ``x`` ``[N, 40]`` float32 and labels ``y`` ``[N]`` int64."""

    x: torch.Tensor
    y: torch.Tensor

    def __len__(self) -> int:
        return len(self.y)

    def to(self, device) -> "Split":
        return Split(self.x.to(device), self.y.to(device))


@dataclass(repr=False)
class Splits:
    """Train, validation and test splits, normalized with the training part's statistics.

    ``mean`` and ``std`` are the scalars every split was normalized with: ``x = (raw - mean) / std``,
    computed on ``train`` alone (statistics from the validation or test signals would leak them).
    """

    train: Split
    val: Split
    test: Split
    mean: float = 0.0
    std: float = 1.0

    def to(self, device) -> "Splits":
        """The same splits on ``device`` (a new object; this one is unchanged)."""
        return Splits(self.train.to(device), self.val.to(device), self.test.to(device), self.mean, self.std)

    def __repr__(self) -> str:
        return (f"Splits(train={len(self.train)}, val={len(self.val)}, test={len(self.test)}, "
                f"device={self.train.x.device})")


def split_validation(data: MNIST1D, val_size: int = 500, seed: int = 0, normalize: bool = True) -> Splits:
    """Carve a validation set of ``val_size`` signals out of ``data``'s training split.

    Stratified: each of the classes gives ``val_size / classes`` of its training signals (drawn with a
    ``torch.Generator`` seeded with ``seed``), so the validation set has the class balance of the
    training set and every run with the same seed gets the same split. The test split is passed through
    untouched. With ``normalize``, every split becomes ``(x - mean) / std`` with the mean and standard
    deviation of the *remaining training signals* (scalars: a per-position statistic would tell a
    translation-invariant model where a signal usually sits).
    """
    classes = torch.unique(data.y_train)
    if val_size % len(classes):
        raise ValueError(f"val_size must be a multiple of the {len(classes)} classes, got {val_size}")
    generator = torch.Generator().manual_seed(seed)
    per_class = val_size // len(classes)
    val_index = []
    for c in classes:
        members = torch.nonzero(data.y_train == c).flatten()
        if len(members) <= per_class:
            raise ValueError(f"class {int(c)} has only {len(members)} training signals, cannot keep "
                             f"{per_class} of them for validation")
        val_index.append(members[torch.randperm(len(members), generator=generator)[:per_class]])
    val_index = torch.cat(val_index).sort().values
    is_val = torch.zeros(len(data.y_train), dtype=torch.bool)
    is_val[val_index] = True
    train = Split(data.x_train[~is_val], data.y_train[~is_val])
    val = Split(data.x_train[is_val], data.y_train[is_val])
    test = Split(data.x_test, data.y_test)
    if not normalize:
        return Splits(train, val, test)
    mean, std = train.x.mean().item(), train.x.std().item()
    scale = lambda split: Split((split.x - mean) / std, split.y)  # noqa: E731
    return Splits(scale(train), scale(val), scale(test), mean, std)


def load_splits(val_size: int = 500, split_seed: int = 0, normalize: bool = True, device="cpu",
                **load_kwargs) -> Splits:
    """MNIST-1D (``load_mnist1d(**load_kwargs)``) split into train, validation and test: see
    ``split_validation``. The defaults give 3500 training, 500 validation and 1000 test signals."""
    return split_validation(load_mnist1d(**load_kwargs), val_size, split_seed, normalize).to(device)


def default_cache_dir() -> Path:
    """``$TRAINKIT_CACHE`` if set, else ``~/.cache/trainkit``."""
    return Path(os.environ.get("TRAINKIT_CACHE") or Path.home() / ".cache" / "trainkit")


def cache_path(seed: int, num_samples: int, cache_dir=None) -> Path:
    """Where the dataset for these arguments is cached; the name records the arguments."""
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    return folder / f"mnist1d_seed{seed}_n{num_samples}_v{CACHE_FORMAT}.npz"


def load_mnist1d(seed: int = 42, num_samples: int = 5000, device="cpu", cache_dir=None) -> MNIST1D:
    """MNIST-1D for ``seed`` and ``num_samples`` (80% train, 20% test), loaded from the cache or generated.

    ``mnist1d`` makes ``num_samples // 10`` samples of each of the 10 digits, so ask for a multiple of 10.

    The first call for a given ``(seed, num_samples)`` generates the data and writes the cache; later
    calls read it back, bit for bit the same arrays.
    """
    path = cache_path(seed, num_samples, cache_dir)
    arrays = _read_cache(path)
    if arrays is None:
        arrays = _generate(seed, num_samples)
        _write_cache_atomically(path, arrays)
    tensors = {name: torch.from_numpy(array).to(device) for name, array in arrays.items()}
    return MNIST1D(**tensors)


def _generate(seed: int, num_samples: int) -> dict[str, np.ndarray]:
    """Run ``mnist1d``'s generator (never its download) and convert to the dtypes training uses."""
    import mnist1d.data  # imported here: it is slow to import and only needed on a cache miss

    args = mnist1d.data.get_dataset_args()
    args.seed = seed
    args.num_samples = num_samples
    # make_dataset reseeds Python's and NumPy's global generators. Put them back afterwards, so
    # loading data does not change the random numbers the caller draws next (cache hit or miss alike).
    python_state, numpy_state = random.getstate(), np.random.get_state()
    try:
        dataset = mnist1d.data.make_dataset(args)
    finally:
        random.setstate(python_state)
        np.random.set_state(numpy_state)
    return {
        "x_train": dataset["x"].astype(np.float32),
        "y_train": dataset["y"].astype(np.int64),
        "x_test": dataset["x_test"].astype(np.float32),
        "y_test": dataset["y_test"].astype(np.int64),
    }


def _read_cache(path: Path) -> dict[str, np.ndarray] | None:
    """The cached arrays, or None if there is no usable cache file (missing or damaged)."""
    try:
        # Open the file ourselves: np.load(path) leaks its file handle when the archive is damaged.
        with open(path, "rb") as file, np.load(file, allow_pickle=False) as archive:
            return {name: archive[name] for name in ("x_train", "y_train", "x_test", "y_test")}
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile):
        return None


def _write_cache_atomically(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write to a temporary file in the same folder, then rename it into place.

    ``os.replace`` is atomic, so a reader sees either no file or a complete one, never half of one,
    even when two processes generate the same dataset at once (the last rename wins; both are equal).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            np.savez(file, **arrays)
        # mkstemp creates the file readable by its owner only; a cache shared by a class must be readable.
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def batches(x: torch.Tensor, y: torch.Tensor, batch_size: int, shuffle: bool = True,
            generator: torch.Generator | None = None) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """Yield ``(xb, yb)`` minibatches covering every sample exactly once; the last batch may be smaller.

    With ``shuffle`` the order is a fresh random permutation, drawn from ``generator`` (pass your own
    ``torch.Generator`` for a reproducible order that does not disturb the global one).
    """
    n = len(x)
    if shuffle:
        generator_device = generator.device if generator is not None else "cpu"
        order = torch.randperm(n, generator=generator, device=generator_device).to(x.device)
    else:
        order = torch.arange(n, device=x.device)
    for start in range(0, n, batch_size):
        index = order[start:start + batch_size]
        yield x[index], y[index]
