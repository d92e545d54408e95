"""The feedback as one self-contained web page a student opens in a browser (`grade --html PATH`).

One file, nothing fetched: inline CSS, the plots as base64 PNG data: URIs, no JavaScript, and a
Content-Security-Policy that forbids loading anything else. Every piece of text that comes from the results
(messages quote student exceptions and file names) goes through html.escape. The words are report.py's
(check_lines, by_component), so the page says exactly what the text report says; this file only lays them out:
the header and total, a score table per assignment and component, then each check that lost points with its
messages, an expected/got table, the hint, the notes and the plots of curves.py's series.
"""
from __future__ import annotations

import base64
import io
from html import escape
from pathlib import Path

from .grade import CheckResult
from .report import besides_variants, by_component, check_lines, failed_alike, what_it_said

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 62em; padding: 0 1em; color: #222; }
h1 { margin-bottom: .2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ccc; }
pre.header { background: #f4f4f4; padding: .6em; white-space: pre-wrap; }
table { border-collapse: collapse; margin: .5em 0; }
td, th { padding: .2em .7em; text-align: left; vertical-align: top; }
tr.assignment td { font-weight: bold; border-top: 1px solid #ccc; padding-top: .5em; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-top: 2px solid #222; }
.bar { display: inline-block; width: 10em; height: .8em; background: #eee; border: 1px solid #bbb; }
.bar span { display: block; height: 100%; background: #3a7d44; } .bar.lost span { background: #c9822b; }
article { border: 1px solid #ddd; border-left: 4px solid #c9822b; margin: 1em 0; padding: .3em 1em; }
article h3 { margin: .4em 0; font-size: 1.05em; } .score { float: right; font-weight: normal; }
.badge { font-size: .75em; background: #e3ecf7; border-radius: .3em; padding: .05em .4em; margin-left: .5em; }
.msg, .why, .hint, .note { white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: .9em; }
.hint { background: #fff6db; padding: .4em; } .labels { color: #555; }
table.diff { font-family: ui-monospace, monospace; font-size: .9em; } table.diff th { background: #f4f4f4; }
figure { display: inline-block; margin: .3em .6em .3em 0; }
"""


def _plot_png(spec: dict) -> str:
    """A small expected-against-got figure of one curves.py spec, as a data: URI. matplotlib's Figure is used
    without pyplot: the Agg canvas, no global state, nothing to close (it is freed with the object)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 2.5), dpi=80)
    fig.subplots_adjust(left=.17, right=.97, bottom=.19, top=.9)
    ax = fig.add_subplot()
    if spec.get("kind") == "histogram":
        ax.stairs(spec["expected"], spec["edges"], label="expected", color="#3a7d44", fill=True, alpha=.35)
        ax.stairs(spec["got"], spec["edges"], label="yours", color="#c9822b", linewidth=1.8)
    else:
        ax.plot(spec["x"], spec["expected"], label="expected", color="#3a7d44", linewidth=2.5, alpha=.7)
        ax.plot(spec["x"], spec["got"], label="yours", color="#c9822b", linewidth=1.3, linestyle="--")
        if spec.get("log_y"):
            ax.set_yscale("log")
    ax.set_title(spec["title"], fontsize=9)
    ax.set_xlabel(spec["x_label"], fontsize=8)
    ax.set_ylabel(spec["y_label"], fontsize=8)
    ax.tick_params(labelsize=7)
    ax.legend(fontsize=7)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _figure(spec: dict) -> str:
    try:
        src = _plot_png(spec)
    except Exception:  # noqa: BLE001 - a plot that cannot be drawn is left out, never the page
        return ""
    title = escape(str(spec.get("title", "")))
    return f'<figure><img src="{src}" alt="{title}" width="320" height="200"></figure>'


def _bar(score: float, max_score: float) -> str:
    percent = 100 * score / max_score if max_score else 0.0
    lost = " lost" if score < max_score - 1e-9 else ""
    return f'<span class="bar{lost}"><span style="width:{percent:.0f}%"></span></span>'


def _row(kind: str, name: str, score: float, max_score: float) -> str:
    """A score table row; `name` is HTML already (escaped, maybe a link)."""
    return (f'<tr class="{kind}"><td>{name}</td><td class="num">{score:.2f} / {max_score:.2f}</td>'
            f'<td>{_bar(score, max_score)}</td></tr>')


def _score_table(results: list[CheckResult], anchors: dict) -> str:
    """One row per assignment, one per component (score / max and a bar); a component that lost points links
    to its feedback further down."""
    rows, current = [], None
    for (assignment, component), rs in by_component(results).items():
        if assignment != current:
            mine = [r for r in results if r.assignment == assignment]
            rows.append(_row("assignment", escape(assignment), sum(r.score for r in mine),
                             sum(r.max_score for r in mine)))
            current = assignment
        name = escape(component)
        if (assignment, component) in anchors:
            name = f'<a href="#{anchors[assignment, component]}">{name}</a>'
        rows.append(_row("component", "&nbsp;&nbsp;" + name, sum(r.score for r in rs), sum(r.max_score for r in rs)))
    rows.append(_row("total", "TOTAL", sum(r.score for r in results), sum(r.max_score for r in results)))
    return ('<table class="scores"><thead><tr><th>assignment / component</th><th>points</th><th></th></tr>'
            '</thead><tbody>\n' + "\n".join(rows) + "\n</tbody></table>")


def _besides_html(r: CheckResult) -> str:
    """Why it did not run, the hint and the notes (report.besides_variants), each with its own look."""
    out = []
    for line in besides_variants(r):
        kind = "why" if line == r.reason else "hint" if r.hint and line == f"Hint: {r.hint}" else "note"
        out.append(f'<p class="{kind}">{escape(line)}</p>')
    return "\n".join(out)


def _diff_table(r: CheckResult) -> str:
    """Where the first difference is and the two values there, one row per different answer."""
    said: dict[tuple, list[str]] = {}
    for v in r.variants:
        if v.expected is not None or v.got is not None:
            said.setdefault((v.where, v.expected, v.got), []).append(v.label)
    if not said:
        return ""
    rows = "".join(f"<tr><td>{escape(', '.join(labels))}</td>" + "".join(
        f"<td>{escape('' if value is None else str(value))}</td>" for value in key) + "</tr>"
        for key, labels in said.items())
    return f'<table class="diff"><tr><th>run</th><th>where</th><th>expected</th><th>got</th></tr>{rows}</table>'


def _article(anchor: str, title: str, score: float, max_score: float, body: str, public: bool = False) -> str:
    badge = '<span class="badge">public</span>' if public else ""
    return (f'<article id="{anchor}"><h3>{escape(title)}{badge}<span class="score">{score:.2f} / '
            f'{max_score:.2f}</span></h3>\n{body}\n</article>')


def _check_html(r: CheckResult, anchor: str) -> str:
    """One check that lost points: what its runs said (merged as check_lines merges them), the values where
    it first differed, why it did not run, the hint, the notes, the plots."""
    lines = check_lines(r)
    said = lines[:len(lines) - len(besides_variants(r))]
    body = ("\n".join(f'<p class="msg">{_labelled(line)}</p>' for line in said) + _diff_table(r)
            + _besides_html(r) + "".join(_figure(spec) for spec in r.curves))
    return _article(anchor, f"{r.assignment} / {r.component} / {r.name}", r.score, r.max_score, body, r.public)


def _labelled(line: str) -> str:
    """"[cpu/float64, cpu/float32] message" with the bracketed run labels greyed."""
    labels, sep, message = line.partition("] ")
    if not (line.startswith("[") and sep):
        return escape(line)
    return f'<span class="labels">{escape(labels)}]</span> {escape(message)}'


def _feedback(results: list[CheckResult], anchors: dict) -> str:
    """Every check that lost points, as feedback_text groups them: a component whose checks all failed the
    same way (a missing file, a stub) is told once."""
    out = []
    for (assignment, component), rs in by_component(results).items():
        failed = [r for r in rs if not r.passed]
        if not failed:
            continue
        anchor = anchors[assignment, component]
        if failed_alike(rs):
            body = "\n".join(f'<p class="msg">{escape(line)}</p>' for line in sorted(what_it_said(rs[0])))
            out.append(_article(anchor, f"{assignment} / {component} / all {len(rs)} checks", 0.0,
                                sum(r.max_score for r in rs), body))
            continue
        out += [_check_html(r, anchor if i == 0 else f"{anchor}-{i}") for i, r in enumerate(failed)]
    return "\n".join(out) if out else "<p>Every check passed.</p>"


def html_page(results: list[CheckResult], header: str, execution_time: float) -> str:
    """The whole page, as a string (write_html writes it)."""
    lost = [key for key, rs in by_component(results).items() if not all(r.passed for r in rs)]
    anchors = {key: f"check-{n}" for n, key in enumerate(lost, 1)}   # (assignment, component) -> its feedback
    total, total_max = sum(r.score for r in results), sum(r.max_score for r in results)
    first_line = (header.splitlines() or [""])[0]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Feedback: {escape(first_line)}</title><style>{CSS}</style></head>
<body>
<h1>Feedback</h1>
<pre class="header">{escape(header)}</pre>
<p class="total"><strong>Total: {total:.2f} / {total_max:.2f} points</strong>, graded in {execution_time:.1f} s.</p>
<h2>Scores</h2>
{_score_table(results, anchors)}
<h2>What lost points</h2>
{_feedback(results, anchors)}
</body></html>
"""


def write_html(path, results: list[CheckResult], header: str, execution_time: float) -> None:
    """Write the page, atomically (a half-written page is never left at `path`)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(html_page(results, header, execution_time), encoding="utf-8")
    tmp.replace(target)
