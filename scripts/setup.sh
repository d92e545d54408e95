#!/usr/bin/env bash
# Set up everything the course needs, on a fresh machine or an old one: a virtual environment in .venv with
# the pinned packages (pyproject.toml), bubblewrap, the sandbox the grader runs student code in, and, as root,
# Debian's chromium, which the tests use to render the HTML report headless (tests/test_html_report.py).
# Safe to run again: it does only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v bwrap >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing bubblewrap (the grader's sandbox)"
        (apt-get install -y -q bubblewrap >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q bubblewrap >/dev/null 2>&1; }) \
            || echo "setup: could not install bubblewrap; the grader will fall back to weaker isolation and say so"
    else
        echo "setup: bubblewrap (bwrap) not found; install it (apt-get install bubblewrap) for the grader's full sandbox"
    fi
fi

if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing chromium (the tests render the HTML report in it, headless)"
    (apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium >/dev/null 2>&1; }) \
        || echo "setup: could not install chromium; tests/test_html_report.py will fail its browser checks"
fi

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv with $($PY --version)"
    "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(cat pyproject.toml | sha1sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
    echo "setup: installing pinned packages into .venv (a minute on a fresh machine)"
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[notebooks,instructor,test]"
    rm -f .venv/.installed-*
    touch "$stamp"
fi
