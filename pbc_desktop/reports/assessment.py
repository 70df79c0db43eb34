"""The year-end assessment report (年度党建共同体考核情况报告), A4 PDF.

District (or town) summary first: the ranking, the grade distribution with a bar chart,
the 示范点 with their awards and the communities to rectify with their reasons; then one
section per community with its indicator scores, the figures on record, the scorer's
remarks (评分备注, a column of their own when the community has any) and the feedback.
Free text is printed with ID numbers and phones masked (``services/assessments/printout``).
A table of contents opens reports of more than a few communities.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import AssessmentOutcome, Grade
from pbc_desktop.domain.money import format_yuan
from pbc_desktop.errors import UserError
from pbc_desktop.files import atomic_output
from pbc_desktop.lang import language, t
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.reports import layout
from pbc_desktop.reports.fonts import FontSet, official_fonts
from pbc_desktop.reports.glyphs import Paragraph, WarnFn
from pbc_desktop.reports.signature_block import SignatureBlock
from pbc_desktop.reports.tables import ruled_table
from pbc_desktop.services.assessments import printout, scoring
from pbc_desktop.services.community_figures import format_figure, metric_label

#: Reports with more communities than this open with a table of contents.
TOC_FROM = 3
GRID = colors.HexColor("#888888")
HEAD_BG = colors.HexColor("#f2e6e6")
RED = colors.HexColor("#c0392b")


class ReportCancelledError(UserError):
    """The user cancelled; no file was written."""


class _Styles:
    def __init__(self, fonts: FontSet) -> None:
        base = ParagraphStyle(
            "body",
            fontName=fonts.body,
            fontSize=12,
            leading=19,
            wordWrap=layout.word_wrap(layout.in_english()),
        )
        self.body = base
        self.cell = ParagraphStyle("cell", parent=base, fontSize=10, leading=13)
        self.title = ParagraphStyle(
            "title",
            parent=base,
            fontName=fonts.title,
            fontSize=20,
            leading=30,
            alignment=TA_CENTER,
            spaceAfter=6,
        )
        self.subtitle = ParagraphStyle(
            "subtitle", parent=base, fontSize=12, leading=18, alignment=TA_CENTER
        )
        self.h1 = ParagraphStyle(
            "h1",
            parent=base,
            fontName=fonts.heading,
            fontSize=15,
            leading=22,
            spaceBefore=10,
            spaceAfter=6,
        )
        self.h2 = ParagraphStyle(
            "h2", parent=self.h1, fontSize=13, leading=19, spaceBefore=8, spaceAfter=4
        )
        self.toc1 = ParagraphStyle("toc1", parent=base, fontSize=12, leading=19)
        self.toc2 = ParagraphStyle("toc2", parent=base, fontSize=11, leading=16, leftIndent=18)


class _Heading(Paragraph):
    """A heading that the document lists in its table of contents (level 0 or 1)."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(text, style)
        self.toc_level = level
        # The table of contents makes its own paragraphs: keep the fallback fonts' runs.
        self.toc_text = self.markup_with_fonts()
        plain = re.sub(r"<[^>]+>", "", text)
        self.toc_plain = plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        self.toc_key = key


#: The ranking's columns: 名次, 党建共同体, 总分, 等次, 考核结果, 状态. In English the grade,
#: the outcome ("Demonstration site") and the status are wider words: the community (a
#: paragraph, which wraps) gives them the room.
RANKING_WIDTHS = (12 * mm, 66 * mm, 18 * mm, 18 * mm, 24 * mm, 18 * mm)
RANKING_WIDTHS_EN = (12 * mm, 50 * mm, 16 * mm, 20 * mm, 38 * mm, 20 * mm)
#: A community's scores: 类别, 指标, 满分, 得分, 参考数据, and 评分备注 when it has any.
SCORE_WIDTHS = (20 * mm, 50 * mm, 13 * mm, 13 * mm, 60 * mm)
SCORE_WIDTHS_REMARKED = (20 * mm, 34 * mm, 13 * mm, 13 * mm, 34 * mm, 42 * mm)


def _table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    right: Sequence[int] = (),
    center: Sequence[int] = (),
    font: str,
    highlight: Sequence[tuple[int, Any]] = (),
    signed: Sequence[Flowable] = (),
    split_in_row: bool = False,
) -> Table:
    """A ruled table, its header repeated; ``signed`` below the rows, which keeps the
    last of them on its page (:func:`layout.sign_below`); with ``split_in_row`` a row
    taller than the room left splits across pages, its cells set at the top (a row no
    page holds starts under the rows before it, :class:`~pbc_desktop.reports.tables.SplitTable`)."""
    data: list[list[Any]] = [list(row) for row in rows]
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("LEADING", (0, 0), (-1, -1), 13),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
    ]
    for col in right:
        style.append(("ALIGN", (col, 1), (col, -1), "RIGHT"))
    for col in center:
        style.append(("ALIGN", (col, 1), (col, -1), "CENTER"))
    for row, color in highlight:
        style.append(("TEXTCOLOR", (0, row), (-1, row), color))
    if split_in_row:  # a row split across pages starts at the top of its part
        style.append(("VALIGN", (0, 1), (-1, -1), "TOP"))
    if signed:
        style = layout.sign_below(data, style, signed)
    return ruled_table(data, widths, style, split_in_row=split_in_row)


def grade_chart(counts: Sequence[tuple[Grade, int]], font: str) -> Drawing:
    """Vertical bars of the number of communities per grade, labelled in Chinese."""
    width, height = 150 * mm, 62 * mm
    drawing = Drawing(width, height)
    # The renderer's starting font, else it selects (unembedded) Helvetica.
    drawing.initialFontName = font
    chart = VerticalBarChart()
    chart.x, chart.y = 18 * mm, 12 * mm
    chart.width, chart.height = width - 28 * mm, height - 22 * mm
    values = [n for _g, n in counts]
    chart.data = [values]
    chart.valueAxis.valueMin = 0
    top = max(values, default=0)
    step = max(1, -(-top // 5))
    chart.valueAxis.valueMax = max(step * 5, 1)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.categoryAxis.categoryNames = [g.label(language()) for g, _n in counts]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 10
    chart.bars[0].fillColor = RED
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 9
    chart.barLabels.nudge = 7
    drawing.add(chart)
    drawing.add(
        String(2 * mm, height - 6 * mm, t("个数", "communities"), fontName=font, fontSize=8)
    )
    return drawing


def _summary(
    data: printout.AssessmentPrintout,
    st: _Styles,
    font: str,
    *,
    signatures: Flowable,
) -> list[Flowable]:
    """Parts 一 to 四, ``signatures`` below the last of them: below the rows of the table of
    communities to rectify, or with the sentence that there are none, never alone on a
    page."""
    story: list[Flowable] = []
    sheets, view, area = data.sheets, data.indicator_set, data.area
    th = view.thresholds
    story.append(_Heading(t("一、考核排名", "1. Ranking"), st.h1, 0, "ranking"))
    story.append(
        Paragraph(
            layout.esc(
                t(
                    f"{area}共考核党建共同体 {len(sheets)} 个。标准体系：{view.name}，"
                    f"满分 {view.total_max:g} 分；优秀 ≥ {th.excellent_min:g} 分，"
                    f"良好 ≥ {th.good_min:g} 分，合格 ≥ {th.pass_min:g} 分，其余为不合格。",
                    f"{len(sheets)} communities assessed in {area}. Indicator system: "
                    f"{view.name}, out of {view.total_max:g}; excellent ≥ {th.excellent_min:g}, "
                    f"good ≥ {th.good_min:g}, pass ≥ {th.pass_min:g}, otherwise fail.",
                )
            ),
            st.body,
        )
    )
    story.append(Spacer(1, 3 * mm))
    rows: list[list[Any]] = [
        [
            t("名次", "Rank"),
            t("党建共同体", "Community"),
            t("总分", "Total"),
            t("等次", "Grade"),
            t("考核结果", "Outcome"),
            t("状态", "Status"),
        ]
    ]
    highlight: list[tuple[int, Any]] = []
    lang = language()
    for i, (rank, sh) in enumerate(data.ranked(), start=1):
        rows.append(
            [
                str(rank),
                Paragraph(layout.esc(sh.community_name), st.cell),
                f"{sh.total:g}",
                sh.grade.label(lang) if sh.grade else "",
                "" if sh.outcome == AssessmentOutcome.NONE else sh.outcome.label(lang),
                sh.status.label(lang),
            ]
        )
        if sh.outcome == AssessmentOutcome.RECTIFY:
            highlight.append((i, RED))
    story.append(
        _table(
            rows,
            RANKING_WIDTHS_EN if lang == "en" else RANKING_WIDTHS,
            right=(2,),
            center=(0, 3, 4, 5),
            font=font,
            highlight=highlight,
        )
    )

    counts = Counter(sh.grade for sh in sheets)
    by_grade = [(g, counts.get(g, 0)) for g in Grade]
    total = max(len(sheets), 1)
    story.append(
        KeepTogether(
            [
                _Heading(t("二、等次分布", "2. Grades"), st.h1, 0, "grades"),
                _table(
                    [
                        [t("等次", "Grade"), t("个数", "Communities"), t("占比", "Share")],
                        *[[g.label(lang), str(n), f"{100 * n / total:.1f}%"] for g, n in by_grade],
                    ],
                    [40 * mm, 30 * mm, 30 * mm],
                    right=(1, 2),
                    center=(0,),
                    font=font,
                ),
                Spacer(1, 3 * mm),
                grade_chart(by_grade, font),
            ]
        )
    )

    demo = [sh for sh in sheets if sh.outcome == AssessmentOutcome.DEMONSTRATION]
    story.append(CondPageBreak(50 * mm))
    story.append(_Heading(t("三、示范点及奖补", "3. Demonstration sites"), st.h1, 0, "demo"))
    if demo:
        award_total = sum(sh.award_cents for sh in demo)
        story.append(
            _table(
                [
                    [
                        t("序号", "No."),
                        t("党建共同体", "Community"),
                        t("总分", "Total"),
                        t("奖补金额（元）", "Award (yuan)"),
                    ],
                    *[
                        [
                            str(i),
                            Paragraph(layout.esc(sh.community_name), st.cell),
                            f"{sh.total:g}",
                            format_yuan(sh.award_cents),
                        ]
                        for i, sh in enumerate(demo, start=1)
                    ],
                    ["", t("合计", "Total"), "", format_yuan(award_total)],
                ],
                [12 * mm, 84 * mm, 20 * mm, 40 * mm],
                right=(2, 3),
                center=(0,),
                font=font,
            )
        )
    else:
        story.append(
            Paragraph(layout.esc(t("本年度未评定示范点。", "No demonstration sites.")), st.body)
        )

    rectify = [sh for sh in sheets if sh.outcome == AssessmentOutcome.RECTIFY]
    story.append(CondPageBreak(50 * mm))
    heading = _Heading(t("四、规范整顿", "4. Rectification"), st.h1, 0, "rectify")
    if rectify:
        # the heading goes over with its table (and the signatures below it) when they do
        # not fit below it: the signatures stacked in English are taller than 50 mm allow
        story.append(
            KeepTogether(
                [
                    heading,
                    _table(
                        [
                            [
                                t("序号", "No."),
                                t("党建共同体", "Community"),
                                t("总分", "Total"),
                                t("整顿原因", "Reasons"),
                            ],
                            *[
                                [
                                    str(i),
                                    Paragraph(layout.esc(sh.community_name), st.cell),
                                    f"{sh.total:g}",
                                    Paragraph(layout.esc(sh.rectify_reasons), st.cell),
                                ]
                                for i, sh in enumerate(rectify, start=1)
                            ],
                        ],
                        [12 * mm, 50 * mm, 18 * mm, 76 * mm],
                        right=(2,),
                        center=(0,),
                        font=font,
                        signed=[signatures],
                    ),
                ]
            )
        )
    else:
        none = t("本年度无需规范整顿的共同体。", "No community to rectify.")
        story.append(KeepTogether([heading, Paragraph(layout.esc(none), st.body), signatures]))
    return story


def _community(sh: scoring.ScoringSheet, index: int, st: _Styles, font: str) -> list[Flowable]:
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        _Heading(f"{index}. {layout.esc(sh.community_name)}", st.h2, 1, f"c{sh.id}"),
        Paragraph(
            layout.esc(
                t(
                    f"总分 {sh.total:g} / {sh.max_total:g} 分，等次："
                    f"{sh.grade.zh if sh.grade else '—'}；状态：{sh.status.zh}"
                    + (f"；评分人：{sh.assessor}" if sh.assessor else ""),
                    f"Total {sh.total:g} / {sh.max_total:g}, grade: "
                    f"{sh.grade.en if sh.grade else '—'}; {sh.status.en}"
                    + (f"; assessor: {sh.assessor}" if sh.assessor else ""),
                )
            ),
            st.body,
        ),
        Spacer(1, 2 * mm),
    ]
    # the scorer's remarks (评分备注) in a column of their own, when there are any
    remarked = any(row.remark for row in sh.rows)
    rows: list[list[Any]] = [
        [
            t("类别", "Category"),
            t("指标", "Indicator"),
            t("满分", "Max"),
            t("得分", "Score"),
            t("参考数据", "Figures on record"),
            *([t("评分备注", "Remarks")] if remarked else []),
        ]
    ]
    for row in sh.rows:
        figure = (
            f"{metric_label(row.metric, language())} {format_figure(row.metric, row.figure)}"
            if row.metric
            else ""
        )
        rows.append(
            [
                Paragraph(layout.esc(row.category), st.cell),
                Paragraph(layout.esc(row.name), st.cell),
                f"{row.max_score:g}",
                "—" if row.score is None else f"{row.score:g}",
                Paragraph(layout.esc(figure), st.cell),
                *([Paragraph(layout.markup(row.remark), st.cell)] if remarked else []),
            ]
        )
    story.append(
        _table(
            rows,
            SCORE_WIDTHS_REMARKED if remarked else SCORE_WIDTHS,
            right=(2, 3),
            font=font,
            # a remark, however long, never makes a row that no page holds
            split_in_row=remarked,
        )
    )
    tail: list[Flowable] = [Spacer(1, 2 * mm)]
    if sh.outcome == AssessmentOutcome.DEMONSTRATION:
        tail.append(
            Paragraph(
                layout.esc(
                    t(
                        f"考核结果：示范点，奖补 {format_yuan(sh.award_cents)} 元。",
                        f"Outcome: demonstration site, award {format_yuan(sh.award_cents)} yuan.",
                    )
                ),
                st.body,
            )
        )
    elif sh.outcome == AssessmentOutcome.RECTIFY:
        tail.append(
            Paragraph(
                layout.esc(
                    t(
                        f"考核结果：规范整顿。原因：{sh.rectify_reasons or ''}",
                        f"Outcome: rectification. Reasons: {sh.rectify_reasons or ''}",
                    )
                ),
                st.body,
            )
        )
    tail.append(
        Paragraph(
            layout.esc(t("考核反馈：", "Feedback: ") + (sh.feedback or t("（无）", "(none)"))),
            st.body,
        )
    )
    story.append(KeepTogether(tail))
    story.append(Spacer(1, 5 * mm))
    return story


def build_assessment_report(
    db: Database,
    year: int,
    out_path: Path,
    *,
    town: str | None = None,
    invariant: bool = False,
    progress: ProgressFn | None = None,
    should_cancel: CancelFn | None = None,
    today: date | None = None,
    warn: WarnFn | None = None,
) -> Path:
    """Write the report of ``year`` (limited to ``town``) to ``out_path``; return the path.

    ``warn`` is told which words hold characters no installed font has.

    ``db`` is the open database (its sessions are short, so this can run on a worker
    thread). The file appears only when complete; a cancel leaves nothing behind.
    """

    def report(percent: int, text: str) -> None:
        if progress is not None:
            progress(percent, text)

    def check_cancel() -> None:
        if should_cancel is not None and should_cancel():
            raise ReportCancelledError(t("已取消生成报告。", "The report was cancelled."))

    report(2, t("正在读取考核数据…", "Reading the assessments..."))
    data = printout.assessment_printout(db, year, town, today=today)
    sheets, area = data.sheets, data.area
    check_cancel()
    fonts = official_fonts()
    font = fonts.body
    st = _Styles(fonts)
    title = t(f"{year}年度党建共同体考核情况报告", f"Assessment of the communities, {year}")
    story: list[Flowable] = [
        Spacer(1, 20 * mm),
        Paragraph(layout.esc(title), st.title),
        Paragraph(layout.esc(layout.capitalized(area)), st.subtitle),
        Spacer(1, 8 * mm),
    ]
    with_toc = len(sheets) > TOC_FROM
    if with_toc:
        toc = TableOfContents()
        toc.levelStyles = [st.toc1, st.toc2]
        toc.dotsMinLevel = 0
        toc.tableStyle = TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),  # not Helvetica, which is not embedded
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
        story += [Paragraph(layout.esc(t("目  录", "Contents")), st.h1), toc, PageBreak()]
    signatures = SignatureBlock(
        [t("考核组负责人", "Head of the assessment team"), t("经办人", "Clerk")],
        fonts.body,
        size=12,
        english=layout.in_english(),
    )
    story += _summary(data, st, font, signatures=signatures)
    story.append(PageBreak())
    story.append(_Heading(t("五、各共同体考核情况", "5. Each community"), st.h1, 0, "communities"))
    count = len(sheets)
    for i, sh in enumerate(sheets, start=1):
        check_cancel()
        story += _community(sh, i, st, font)
        if i % 20 == 0 or i == count:
            report(5 + int(45 * i / count), t(f"正在排版 {i}/{count}", f"Laying out {i}/{count}"))

    check_cancel()
    story = layout.fit_signatures(story)
    layout.add_unprintable_note(story, st.body, warn, english=layout.in_english())
    report(50, t("正在生成 PDF…", "Writing the PDF..."))
    with atomic_output(Path(out_path)) as tmp:
        doc = _Doc(
            tmp,
            title=title,
            font=fonts.body,
            invariant=invariant,
            sections=count,
            progress=report,
        )
        head = layout.running_head(title, fonts.body)
        canvas = layout.numbered_canvas(  # the shared footer
            fonts.body, decorate=head, english=layout.in_english()
        )
        if with_toc:
            doc.multiBuild(story, canvasmaker=canvas)
        else:
            doc.build(story, canvasmaker=canvas)
    report(100, t("考核报告已生成", "The report is written"))
    return Path(out_path)


class _Doc(layout.ReportDocument):
    """A4 pages in the shared layout; headings feed the table of contents and the outline."""

    def __init__(
        self,
        path: Path,
        *,
        title: str,
        font: str,
        invariant: bool,
        sections: int,
        progress: ProgressFn,
    ) -> None:
        options = layout.document_options(
            layout.PORTRAIT, title=title, font=font, invariant=invariant
        )
        super().__init__(str(path), **options)
        self.addPageTemplates([layout.body_page()])
        self._sections = max(sections, 1)
        self._done = 0
        self._progress = progress
        self._shown = 50

    def afterFlowable(self, flowable: Flowable) -> None:
        super().afterFlowable(flowable)
        if not isinstance(flowable, _Heading):
            return
        key = flowable.toc_key
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.toc_plain, key, flowable.toc_level, closed=True)
        self.notify("TOCEntry", (flowable.toc_level, flowable.toc_text, self.page, key))
        if flowable.toc_level == 1:
            self._done += 1
            percent = 50 + int(48 * min(self._done, self._sections) / self._sections)
            if percent > self._shown and self._done % 10 == 0:
                self._shown = percent
                self._progress(percent, t("正在生成 PDF…", "Writing the PDF..."))
