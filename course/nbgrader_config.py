"""nbgrader's course directory for the handouts' written answers (run nbgrader from this folder).

Why a course/ folder and not the repository root: nbgrader writes its state (release/, submitted/,
autograded/, feedback/, gradebook.db) into the course root, and that belongs beside the course, not among the
package's files. `source/<assignment>/` holds links, checked in, to exactly what a student receives: the
nbgrader source notebook `solutions/<assignment>/handout.ipynb` and the stubs, public tests and conftest of
`assignments/<assignment>/` (never the reference .py files). `generate_assignment` therefore releases only
student files, and the grader, not nbgrader, grades the code.
"""
import os



c = get_config()  # noqa: F821 (nbgrader defines it)
COURSE = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.root = COURSE
c.CourseDirectory.course_id = "trainkit"

# The code is graded by `python -m autograder`: autograde must keep the student's own .py files, not replace
# them with the source folder's copies (nbgrader's default), so every non-notebook file is excluded.
SOURCE = os.path.join(COURSE, "source")
c.Autograde.exclude_overwriting = {
    name: sorted(f for f in os.listdir(os.path.join(SOURCE, name)) if not f.endswith(".ipynb"))
    for name in (sorted(os.listdir(SOURCE)) if os.path.isdir(SOURCE) else [])}

# The handouts train small networks: a6 runs about 3 minutes on 2 cores, its slowest cell about a minute.
c.ExecutePreprocessor.timeout = 600
c.Execute.timeout = 600

# zip_collect: the LMS download is one zip per student, named after the student id (alice.zip), holding
# the student's assignment folder; each is extracted into extracted/<student id>/.
c.ZipCollectApp.collector_plugin = "nbgrader.plugins.FileNameCollectorPlugin"
c.FileNameCollectorPlugin.named_regexp = r".*/extracted/(?P<student_id>[^/]+)/(?:[^/]+/)*?(?P<file_id>[^/]+)$"
c.FileNameCollectorPlugin.valid_ext = [".ipynb", ".py"]
