"""Code that runs inside the sandbox, next to student code. Nothing here may import the rest of the grader."""
