"""Timeline charts of an office at a meeting series: one mark per meeting, coloured by what the record says.

PNG (matplotlib) for reports and slides; HTML (the same chart as inline SVG, with the table under it) for
the web. Both are written atomically.
"""
from __future__ import annotations

import html
import io
from datetime import date
from pathlib import Path

from .report import Attendance, STATUS_WORD

COLOURS = {"attending": "#2e7d32", "virtual": "#f9a825", "absent": "#c62828", "undecided": "#6a1b9a",
           None: "#bdbdbd"}


def _figure(rows: list[Attendance], title: str):
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    fig, ax = plt.subplots(figsize=(max(6, min(18, len(rows) * 0.35)), 2.4))
    days = [date.fromisoformat(a.start[:10]) for a in rows if len(a.start) >= 10]
    statuses = [a.status for a in rows if len(a.start) >= 10]
    ax.scatter(days, [0] * len(days), c=[COLOURS.get(s, COLOURS[None]) for s in statuses], s=90, zorder=3)
    ax.axhline(0, color="#9e9e9e", linewidth=0.8, zorder=1)
    for d, a in zip(days, [a for a in rows if len(a.start) >= 10]):
        if a.status == "absent" and a.sent:
            ax.annotate(a.sent.split()[-1], (d, 0), xytext=(0, 10), textcoords="offset points", ha="center",
                        fontsize=7, rotation=45)
    ax.set_yticks([])
    ax.set_title(title, fontsize=10)
    for status, label in (("attending", "attended"), ("virtual", "remotely"), ("absent", "absent"),
                          (None, "no report")):
        ax.scatter([], [], c=COLOURS[status], label=label)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=4, frameon=False, fontsize=8)
    fig.tight_layout()
    return fig, plt


def write(rows: list[Attendance], title: str, path: Path) -> Path:
    fig, plt = _figure(rows, title)
    tmp = path.with_name(path.name + ".tmp")
    try:
        if path.suffix.lower() == ".png":
            fig.savefig(tmp, format="png", dpi=150)
        else:
            svg = io.StringIO()
            fig.savefig(svg, format="svg")
            tmp.write_text(_html(title, svg.getvalue(), rows), encoding="utf-8")
    finally:
        plt.close(fig)
    tmp.replace(path)
    return path


def _html(title: str, svg: str, rows: list[Attendance]) -> str:
    body = "".join(f"<tr><td>{html.escape(a.start)}</td><td>{html.escape(a.holder or '')}</td>"
                   f"<td>{html.escape(STATUS_WORD.get(a.status or '', 'no report'))}</td>"
                   f"<td>{html.escape(a.sent or '')}</td><td>{a.sources}</td></tr>" for a in rows)
    svg = svg[svg.find("<svg"):]
    return (f"<!doctype html><meta charset=utf-8><title>{html.escape(title)}</title>"
            f"<style>body{{font-family:sans-serif;margin:2em}}td,th{{padding:2px 8px;text-align:left}}</style>"
            f"<h1>{html.escape(title)}</h1>{svg}<table><tr><th>meeting</th><th>holder</th><th>status</th>"
            f"<th>instead</th><th>reports</th></tr>{body}</table>")
