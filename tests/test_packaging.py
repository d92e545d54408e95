"""pyproject.toml and environment.yml pin the same packages at the same versions."""
import re
import tomllib

from support import ROOT


def pinned_in_pyproject() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + [d for ds in project["optional-dependencies"].values() for d in ds]
    pins = {}
    for spec in specs:
        name, _, version = spec.partition("==")
        assert version, f"pyproject.toml: {spec} is not pinned with =="
        pins[name.strip().lower()] = version.strip()
    return pins


def pinned_in_environment() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        match = re.match(r"\s*-\s*([A-Za-z0-9_.\-]+)==(\S+)", line)
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def test_environment_yml_pins_what_pyproject_pins():
    assert pinned_in_environment() == pinned_in_pyproject()


def test_torch_is_pinned_to_the_course_version():
    assert pinned_in_pyproject()["torch"] == "2.13.0"


def test_environment_yml_uses_python_311():
    assert re.search(r"^\s*-\s*python=3\.11\s*$", (ROOT / "environment.yml").read_text(), re.M)
