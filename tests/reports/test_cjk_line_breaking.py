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


ENGLISH = (
    "The Chengtian town cross-field Party building community: organization department "
    "officer Wang Xiaoming reported on the neighbourhood volunteers' quarterly programme"
)


def test_english_styles_break_between_words() -> None:
    """ReportLab's CJK line breaking cut English words ("communit" / "y:"): the styles of a
    report in English break between words, wherever each word fits its line."""
    words = set(ENGLISH.split())
    chinese, english = make_styles(), make_styles(english=True)
    assert chinese.body.wordWrap == "CJK"
    longest = max(len(word) for word in words)
    for style in (english.body, english.cell, english.small, english.cell_label):
        for width in range(longest * int(style.fontSize) // 2 + 40, 460, 3):
            paragraph = Paragraph(ENGLISH, style)
            paragraph.wrap(width, 100_000)
            lines = paragraph.blPara.lines
            assert len(lines) > 1 or width > 300
            pieces = [piece for line in lines for piece in line[1]]
            cut = [piece for text in pieces for piece in text.split() if piece not in words]
            assert not cut, f"{style.name} at {width}: {cut}"
