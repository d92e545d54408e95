"""The HTML report (`grade --html`): one self-contained page whose every piece of result text is escaped, and, in
headless Chromium, a page that renders: the score table, the feedback and every plot loaded, nothing fetched.

The browser checks grade examples/mistakes' a1-a3 (an initializer's histogram, optimizer trajectories, schedules)
and leave a screenshot at dist/screenshots/mistakes-report.png. Without chromium they are skipped, except as root:
there scripts/setup.sh installs it (as CI runs), so its absence is a failure.
"""
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from autograder.grade import CheckResult, VariantResult
from autograder.html_report import CSP, html_page, write_html
from support import ROOT

HEADER = "Submission: examples/x\nIsolation: bubblewrap\nDevices: cpu"
EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)">'
LINE = {"title": "learning rate, group 0", "x_label": "step", "y_label": "lr", "x": [0.0, 1.0, 2.0],
        "expected": [0.1, 0.05, 0.025], "got": [0.1, 0.1, 0.1], "log_y": False}
HISTOGRAM = {"kind": "histogram", "title": "values drawn", "x_label": "value", "y_label": "count",
             "edges": [-1.0, 0.0, 1.0], "expected": [5.0, 5.0], "got": [8.0, 2.0]}


def results():
    return [
        CheckResult("a2_optimizers", "SGD", "plain", 2.0, 2.0, [VariantResult("cpu/float64", "passed", "passed")]),
        CheckResult("a2_optimizers", "Adam", "defaults", 2.0, 0.0, [
            VariantResult("cpu/float64", "failed", f"raised ValueError: {EVIL}", where=f"step 1 {EVIL}",
                          expected="0.5", got=EVIL),
            VariantResult("cpu/float32", "failed", f"raised ValueError: {EVIL}")],
            hint=f"Re-read {EVIL}", notes=[f"Note: {EVIL}"], curves=[LINE, HISTOGRAM], public=True),
        CheckResult("a3_schedules", "StepLR", "gamma", 1.0, 0.0, reason=f"could not be imported: {EVIL}"),
        CheckResult("a3_schedules", "StepLR", "steps", 1.0, 0.0, reason=f"could not be imported: {EVIL}"),
    ]


def test_text_from_results_is_escaped_everywhere():
    page = html_page(results(), HEADER + EVIL, 12.0)
    assert "<script" not in page and "<img src=x" not in page and "onerror=\"" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 6  # message, where, got, hint, note, reason


def test_the_page_holds_the_table_the_failing_checks_and_the_plots_and_fetches_nothing():
    page = html_page(results(), HEADER, 12.34)
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    table = page[page.index('<table class="scores"'):page.index("</table>")]
    assert table.count('<tr class="assignment">') == 2 and table.count('<tr class="component">') == 3
    assert "2.00 / 6.00" in table and '<a href="#check-1">Adam</a>' in table   # total; a link to what lost points
    assert page.count('<img src="data:image/png;base64,') == 2                # the curve and the histogram
    assert "Total: 2.00 / 6.00 points" in page and "12.3 s" in page
    assert "/ plain" not in page                         # a passed check stays in the table only
    assert "all 2 checks" in page and page.count("could not be imported") == 1   # said once, as in the text
    assert '<span class="badge">public</span>' in page and "<td>0.5</td>" in page
    words = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", page)
    assert not re.search(r"(https?:|//[a-z]|url\()", words, re.IGNORECASE)       # no URL of any kind


def test_write_html_writes_atomically(tmp_path):
    target = tmp_path / "deep/report.html"
    write_html(target, results(), HEADER, 1.0)
    assert target.read_text().startswith("<!DOCTYPE html>") and [p.name for p in target.parent.iterdir()] == [
        "report.html"]


# -- in the browser ------------------------------------------------------------------------------------
SCREENSHOT = ROOT / "dist/screenshots/mistakes-report.png"
PROBE = """<script>window.addEventListener("load", function () {
  var images = Array.from(document.images), probe = document.createElement("pre");
  probe.id = "probe";
  probe.textContent = JSON.stringify({images: images.length, rows: document.querySelectorAll("table.scores tr").length,
    loaded: images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length});
  document.body.appendChild(probe);
});</script></body>"""


@pytest.fixture(scope="module")
def chromium():
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.geteuid() == 0:
            pytest.fail("chromium is missing: scripts/setup.sh installs it when run as root (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium, or run scripts/setup.sh as root)")
    return found


@pytest.fixture(scope="module")
def mistakes_page(tmp_path_factory):
    page = tmp_path_factory.mktemp("html") / "mistakes.html"
    done = subprocess.run([sys.executable, "-m", "autograder", "grade", str(ROOT / "examples/mistakes"), "--device",
                           "cpu", "--assignment", "a1_initialization", "a2_optimizers", "a3_schedules",
                           "--html", str(page)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return page


def run_chromium(chromium, tmp_path, *args):
    done = subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           f"--user-data-dir={tmp_path / 'profile'}", *args], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_mistakes_page_renders_in_chromium(chromium, mistakes_page, tmp_path):
    from PIL import Image

    shot = tmp_path / "mistakes-report.png"
    run_chromium(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1200,2400", mistakes_page.as_uri())
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, SCREENSHOT)
    image = Image.open(shot).convert("RGB")
    assert image.size == (1200, 2400)
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50                                   # not blank: text, bars, plots
    green = sum(n for n, (r, g, b) in colours if abs(r - 0x3a) < 12 and abs(g - 0x7d) < 12 and abs(b - 0x44) < 12)
    assert green > 2000                                        # the score table's bars were drawn


def test_every_image_loads_and_the_policy_blocks_scripts(chromium, mistakes_page, tmp_path):
    page = mistakes_page.read_text()
    assert page.count("<img ") >= 10 and "values drawn" in page and "learning rate, group" in page
    probed = tmp_path / "probed.html"     # the test's copy only: the page's own policy allows no script
    probed.write_text(page.replace(CSP, CSP + "; script-src 'unsafe-inline'").replace("</body>", PROBE))
    dom = run_chromium(chromium, tmp_path, "--virtual-time-budget=5000", "--dump-dom", probed.as_uri())
    seen = json.loads(re.search(r'<pre id="probe">(.*?)</pre>', dom).group(1))
    assert seen["images"] == page.count("<img ") and seen["loaded"] == seen["images"]
    assert seen["rows"] == page.count("<tr class=") + 1          # the header row too
    blocked = tmp_path / "blocked.html"   # the same script under the page's own policy never runs
    blocked.write_text(page.replace("</body>", PROBE))
    assert 'id="probe"' not in run_chromium(chromium, tmp_path, "--virtual-time-budget=5000", "--dump-dom",
                                            blocked.as_uri())
