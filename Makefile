# The two commands of the README's quick start. Both set everything up first (scripts/setup.sh).
.PHONY: setup demo test assignments examples student-release gradescope

setup:
	@bash scripts/setup.sh

# Grade the bundled example submissions: score tables and feedback.
demo: setup
	@for example in correct mistakes broken; do \
		echo "=================== examples/$$example ==================="; \
		.venv/bin/python -m autograder grade examples/$$example || exit $$?; \
	done

# The whole test suite (what CI runs): two processes, each taking whole test files (the machine has two cores;
# much of the suite waits on sandboxed workers and time limits, so the other process uses that time).
test: setup
	@.venv/bin/python -m pytest -q -n 2 --dist loadfile

# Regenerate assignments/ (and examples/) after editing solutions/ or the mistake corpus.
assignments: setup
	@.venv/bin/python tools/make_assignments.py
	@.venv/bin/python tools/make_examples.py

# What students download: dist/student-release.zip (fails if any solution, hidden check or test is in it).
student-release: setup
	@.venv/bin/python tools/make_student_release.py

# Gradescope's autograder bundle: dist/gradescope/<assignment>.zip (ASSIGNMENT=all: one per assignment).
ASSIGNMENT ?= all
HIDDEN_VISIBILITY ?= after_published
gradescope: setup
	@.venv/bin/python tools/make_gradescope.py $(ASSIGNMENT) --hidden-visibility $(HIDDEN_VISIBILITY)
