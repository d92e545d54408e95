"""The course autograder: `python -m autograder grade SUBMISSION` (see cli.py)."""
