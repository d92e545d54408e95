#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu): the environment the
# grader is pinned to, and nothing else. Python 3.11; the CPU build of the pinned torch (PyPI's Linux wheel
# carries CUDA, gigabytes a CPU-only container cannot use); the other pinned packages (pyproject.toml);
# bubblewrap, the sandbox student code runs in. The versions come from bundle.env, written from pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")"
. ./bundle.env
export DEBIAN_FRONTEND=noninteractive

apt-get update -q
apt-get install -y -q bubblewrap
if ! command -v python3.11 >/dev/null 2>&1; then
    apt-get install -y -q python3.11 python3.11-venv || {
        apt-get install -y -q software-properties-common
        add-apt-repository -y ppa:deadsnakes/ppa
        apt-get update -q
        apt-get install -y -q python3.11 python3.11-venv
    }
fi

python3.11 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "torch==$TORCH_VERSION" --index-url https://download.pytorch.org/whl/cpu
.venv/bin/python -m pip install -q -e .   # the rest of the pins; torch is already the one above

# Where bubblewrap cannot run (a container without user namespaces) the worker runs as `nobody`: the
# references and the hidden checks must then be unreadable to it (the worker's own code is copied elsewhere).
chmod -R go-rwx autograder solutions

# what grading needs at once, made now rather than in every student's run: a6's MNIST-1D (generated, never
# downloaded) and a check that the sandbox works in this image
.venv/bin/python -c "from trainkit.data import load_splits; load_splits()"
.venv/bin/python -c "from autograder import sandbox; print('isolation:', sandbox.isolation_level())"
