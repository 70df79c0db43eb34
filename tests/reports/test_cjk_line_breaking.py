"""Printed Chinese follows the line-breaking rule: closing punctuation never starts a line."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from pbc_desktop.reports.layout import NEVER_STARTS_A_LINE, make_styles

TEXT = (
    "梳理群众急难愁盼问题和各单位可提供的资源\uff0c形成三张清单初稿\uff1b经会议审议\uff1a通过\uff01"
) * 3


def line_starts(paragraph: Paragraph, width: float) -> list[str]:
    paragraph.wrap(width, 100_000)
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return [line[1][0][0] for line in lines if line[1] and line[1][0]]
    return [line.words[0].text[0] for line in lines if line.words and line.words[0].text]


@pytest.mark.parametrize("markup", [TEXT, "<b>梳理</b>" + TEXT], ids=["plain", "mixed-styles"])
def test_no_line_starts_with_closing_punctuation(markup: str) -> None:
    styles = make_styles()
    seen_breaks = 0
    for width in range(150, 460, 2):
        starts = line_starts(Paragraph(markup, styles.body), width)
        seen_breaks += len(starts) - 1
        bad = [ch for ch in starts[1:] if ch in NEVER_STARTS_A_LINE]
        assert not bad, f"a line starts with {bad} at width {width}"
    assert seen_breaks > 500
