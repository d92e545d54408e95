"""trainkit: what students, handouts and the grader share."""
