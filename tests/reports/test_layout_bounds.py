"""The shared layout never hangs on rows kept together that no page holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus import Table, TableStyle

from pbc_desktop.reports import layout
from pbc_desktop.reports.glyphs import Paragraph
from pbc_desktop.reports.signature_block import SignatureBlock
from tests.pdf_helpers import page_texts, past_right_margin, signed_page, text_runs


def _rows(count: int, styles: layout.Styles) -> list[list[object]]:
    data: list[list[object]] = [[Paragraph("序号", styles.cell), Paragraph("内容", styles.cell)]]
    data += [
        [Paragraph(str(n), styles.cell), Paragraph(f"第{n}行的内容" * 6, styles.cell)]
        for n in range(1, count + 1)
    ]
    return data


@pytest.mark.usefixtures("bounded_splits")
def test_rows_kept_together_taller_than_a_page_are_let_split(tmp_path: Path) -> None:
    """A table that may split inside rows, with rows kept together taller than a page:
    ReportLab added pages of its bare header for ever; the build stops that (LayoutError)
    and lays the table out again without keeping them together."""
    styles = layout.make_styles()
    data = _rows(40, styles)
    table = Table(data, colWidths=[20 * 2.83, 120 * 2.83], repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([*layout.grid_style(header_rows=1), ("NOSPLIT", (0, 1), (-1, -1))]))
    path = layout.build_pdf(tmp_path / "t.pdf", [table], styles, title="表", invariant=True)
    text = "".join("".join(page.split()) for page in page_texts(path))
    assert all(f"{n}第{n}行的内容" in text for n in range(1, 41))
    assert len(page_texts(path)) < 10


@pytest.mark.usefixtures("bounded_splits")
def test_signatures_taller_than_a_page_keep_their_beginning_with_the_last_row(
    tmp_path: Path,
) -> None:
    """sign_below with a trailer taller than a page: the last row, the heading and the
    first signatures share a page, the other signatures follow the table."""
    styles = layout.make_styles()
    data = _rows(12, styles)
    heading = Paragraph("签字栏", styles.heading)
    signatures = [SignatureBlock([f"第{n}位"], styles.fonts.body) for n in range(1, 13)]
    commands = layout.sign_below(data, layout.grid_style(header_rows=1), [heading, *signatures])
    table = Table(data, colWidths=[20 * 2.83, 120 * 2.83], repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(commands))
    path = layout.build_pdf(tmp_path / "s.pdf", [table], styles, title="表", invariant=True)
    signed = signed_page(path, "签字栏")
    assert signed.before.endswith("12第12行的内容" + "第12行的内容" * 5)
    assert signed.after.startswith("第1位（签字）：")
    text = "".join("".join(page.split()) for page in page_texts(path))
    assert all(f"第{n}位（签字）：" in text for n in range(1, 13))


def test_a_report_in_english_numbers_its_pages_and_signs_in_english(tmp_path: Path) -> None:
    styles = layout.make_styles()
    story = [
        Paragraph("Agreed.", styles.body),
        SignatureBlock(["Prepared by"], styles.fonts.body, english=True),
    ]
    out = layout.build_pdf(tmp_path / "en.pdf", story, styles, title="List", english=True)
    text = page_texts(out)[0]
    assert "Prepared by (signature):" in text and "Date:" in text and "Page 1 of 1" in text
    for word in ("签字", "日期", "年", "第"):
        assert word not in text, word
    chinese = layout.build_pdf(
        tmp_path / "zh.pdf",
        [SignatureBlock(["制表人"], styles.fonts.body)],
        styles,
        title="清单",
    )
    text = page_texts(chinese)[0].replace(" ", "")
    assert "制表人（签字）：" in text and "日期：" in text and "第1页共1页" in text


def test_signers_whose_lines_do_not_fit_side_by_side_stand_one_below_the_other(
    tmp_path: Path,
) -> None:
    # "Head of the assessment team (signature):" ran into "Clerk (signature):" beside it.
    styles = layout.make_styles()
    short = SignatureBlock(["制表人", "审核人"], styles.fonts.body, size=12)
    long = SignatureBlock(
        ["Head of the assessment team", "Clerk"], styles.fonts.body, size=12, english=True
    )
    assert short.wrap(layout.TEXT_WIDTH, 500)[1] == short.row_gap * 2  # side by side
    assert long.wrap(layout.TEXT_WIDTH, 500)[1] == long.row_gap * 4  # one a row
    out = layout.build_pdf(tmp_path / "en.pdf", [long], styles, title="Report", english=True)
    lines = [line.strip() for line in page_texts(out)[0].splitlines()]
    assert "Head of the assessment team (signature):" in lines
    assert "Clerk (signature):" in lines
    assert lines.count("Date:") == 2


class _Recorder:
    """A canvas that keeps where the block writes its labels and draws its lines."""

    def __init__(self) -> None:
        self.strings: list[tuple[float, float, str]] = []
        self.lines: list[tuple[float, float, float]] = []

    def drawString(self, x: float, y: float, text: str) -> None:
        self.strings.append((x, y, text))

    def line(self, x1: float, y1: float, x2: float, _y2: float) -> None:
        self.lines.append((x1, x2, y1))

    def __getattr__(self, _name: str) -> object:
        return lambda *_a, **_k: None


def test_a_signer_s_line_never_runs_under_the_next_signer() -> None:
    """ "Handed over by (signature): ___" left too little room for its line beside
    "Received by": the line ran on under "Received". Such signers stand one below the
    other; short Chinese labels stay side by side."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = layout.make_styles().fonts.body
    for labels, english, size in (
        (["Handed over by", "Received by"], True, layout.BODY_SIZE),
        (["移交人", "接收人"], False, layout.BODY_SIZE),
        (["党支部书记", "上级党委经办人"], False, layout.BODY_SIZE),
        (["Prepared by", "Checked by"], True, 12.0),
    ):
        block = SignatureBlock(labels, font, english=english, size=size)
        block.wrap(layout.TEXT_WIDTH, 1000)
        canvas = _Recorder()
        block.canv = canvas
        block.draw()
        sign_lines = [s for s in canvas.strings if "signature" in s[2] or "签字" in s[2]]
        for x, y, text in sign_lines:
            end = x + stringWidth(text, font, size)
            line = next(ln for ln in canvas.lines if abs(ln[2] - (y - 3)) < 0.01 and ln[0] >= end)
            for other_x, other_y, _text in sign_lines:
                if other_y == y and other_x > x:
                    assert line[1] <= other_x, (labels, text)
    assert SignatureBlock(["移交人", "接收人"], font)._per_row() == 2
    english = SignatureBlock(["Handed over by", "Received by"], font, english=True)
    assert english._per_row() == 1


def test_signature_lines_end_inside_the_right_margin(tmp_path: Path) -> None:
    """The last of two signers side by side had its shortest line drawn past the right
    margin when its label filled its column ("上级党委经办人（签字）：" at 三号): such
    signers stand one below the other, every line inside the text block."""
    styles = layout.make_styles()
    story = [
        SignatureBlock(["党支部书记", "上级党委经办人"], styles.fonts.body),
        SignatureBlock(
            ["Secretary", "Organization department officer"], styles.fonts.body, english=True
        ),
    ]
    path = layout.build_pdf(tmp_path / "s.pdf", story, styles, title="签字", invariant=True)
    assert past_right_margin(path, layout.PORTRAIT.right) == []
    runs = {run.text: run for run in text_runs(path)}
    # one below the other: both labels start at the left margin
    assert runs["上级党委经办人（签字）："].x == runs["党支部书记（签字）："].x
