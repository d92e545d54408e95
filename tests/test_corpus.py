"""autograder/corpus.py: a corpus module's header, and the file it builds (a drop-in appended, changes applied)."""
import pytest

from autograder.corpus import CorpusError, is_change, read_header, source_with

REFERENCE = "def f(x):\n    return x + 1\n\n\ndef g(x):\n    return 2 * x\n"


def write(tmp_path, text):
    path = tmp_path / "mistake.py"
    path.write_text(text)
    return path


def test_a_change_replaces_its_old_text_and_nothing_else(tmp_path):
    path = write(tmp_path, 'COMPONENT = "f"\nFILE = "m.py"\nHINT = "h"\nCHANGES = [("x + 1", "x - 1")]\n')
    assert is_change(path)
    assert read_header(path) == {"COMPONENT": "f", "FILE": "m.py", "HINT": "h", "CHANGES": [("x + 1", "x - 1")]}
    assert source_with(REFERENCE, path) == REFERENCE.replace("x + 1", "x - 1")


@pytest.mark.parametrize("old", ["x + 2", "x"], ids=["missing", "twice"])
def test_a_change_that_does_not_apply_exactly_once_is_refused(tmp_path, old):
    path = write(tmp_path, f'COMPONENT = "f"\nFILE = "m.py"\nCHANGES = [({old!r}, "pass")]\n')
    with pytest.raises(CorpusError, match="not exactly once"):
        source_with(REFERENCE, path)


def test_a_drop_in_is_appended_and_its_definitions_are_not_header(tmp_path):
    text = 'COMPONENT = "g"\nFILE = "m.py"\nLIMIT = 2 ** 3\n\n\ndef g(x):\n    return 3 * x\n'
    path = write(tmp_path, text)
    assert not is_change(path)
    assert read_header(path) == {"COMPONENT": "g", "FILE": "m.py"}   # 2 ** 3 is not a literal
    combined = source_with(REFERENCE, path)
    namespace = {}
    exec(combined, namespace)
    assert namespace["g"](1) == 3 and namespace["f"](1) == 2


def test_a_change_applies_inside_its_component_only(tmp_path):
    """`return` occurs in f and in g; the change to g's is unambiguous because it is looked for in g only."""
    path = write(tmp_path, 'COMPONENT = "g"\nFILE = "m.py"\nCHANGES = [("return", "return -1 +")]\n')
    assert source_with(REFERENCE, path) == REFERENCE.replace("return 2", "return -1 + 2")


def test_a_scope_names_the_definitions_a_change_may_edit(tmp_path):
    path = write(tmp_path, 'COMPONENT = "g"\nFILE = "m.py"\nSCOPE = ["f"]\nCHANGES = [("x + 1", "x + 2")]\n')
    assert source_with(REFERENCE, path) == REFERENCE.replace("x + 1", "x + 2")
    path = write(tmp_path, 'COMPONENT = "g"\nFILE = "m.py"\nCHANGES = [("x + 1", "x + 2")]\n')
    with pytest.raises(CorpusError, match="occurs 0 times in g"):
        source_with(REFERENCE, path)
