# The two commands of the README's quick start. Both set everything up first (scripts/setup.sh).
.PHONY: setup demo test assignments

setup:
	@bash scripts/setup.sh

# Grade the bundled example submissions: score table and feedback.
demo: setup
	@.venv/bin/python -m autograder grade examples/correct examples/mistakes examples/broken

# The whole test suite (what CI runs).
test: setup
	@.venv/bin/python tools/make_assignments.py --check
	@.venv/bin/python -m pytest -q

# Regenerate assignments/ from solutions/ after editing a reference.
assignments: setup
	@.venv/bin/python tools/make_assignments.py
