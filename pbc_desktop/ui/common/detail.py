"""The read-only detail pane's HTML: headings, label/value lines and small grids, escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape


def text(value: object) -> str:
    return "" if value is None else escape(str(value))


def heading(title: str) -> str:
    return f"<h3 style='margin:8px 0 4px 0'>{escape(title)}</h3>"


def fields(pairs: Sequence[tuple[str, object]]) -> str:
    """Label/value lines; empty values are left out."""
    rows = "".join(
        f"<tr><td style='color:#666;padding-right:12px'>{escape(k)}</td><td>{text(v)}</td></tr>"
        for k, v in pairs
        if v not in (None, "")
    )
    return f"<table cellspacing='0' cellpadding='2'>{rows}</table>"


def grid(headers: Sequence[str], rows: Sequence[Sequence[object]], empty: str) -> str:
    if not rows:
        return f"<p style='color:#666'>{escape(empty)}</p>"
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{text(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"
