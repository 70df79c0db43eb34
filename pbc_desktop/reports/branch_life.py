"""三会一课落实情况通报: the branches behind this year and those still to meet this period.

A4 in the shared layout (page x/y, embedded CJK font), fed by the service's
:class:`~pbc_desktop.services.branch_life.compliance.TownYear`: the title names the area
and the year, a sentence gives the counts, then two numbered tables (behind this year:
each kind with the periods missed; still to hold this period: each kind with the days
left), and the office's date line for the seal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from pbc_desktop.db.engine import Database
from pbc_desktop.lang import t
from pbc_desktop.reports import layout
from pbc_desktop.reports.glyphs import Paragraph, WarnFn
from pbc_desktop.reports.tables import ruled_table
from pbc_desktop.services import access
from pbc_desktop.services.branch_life.compliance import BranchYear, TownYear, town_year

TABLE_SIZE = 10.5  # 五号


def notice_title(area: str, year: int) -> str:
    head = layout.capitalized(area)
    return t(f"{area}{year}年三会一课落实情况通报", f"Branch meetings in {year}: {head}")


def behind_text(branch: BranchYear) -> str:
    """支委会缺3次；党课缺1次 (the periods missed of each kind)."""
    return t("；", "; ").join(
        t(f"{k.kind.zh}缺{k.missed}次", f"{k.kind.en}: {k.missed} missed")
        for k in branch.behind_kinds
    )


def open_text(branch: BranchYear) -> str:
    """支委会、党小组会（12月31日前）：the kinds still to hold, by the day their period ends."""
    by_end: dict[date, list[str]] = {}
    for k in branch.open_kinds:
        period = k.open_period
        assert period is not None
        by_end.setdefault(period.end(branch.year), []).append(t(k.kind.zh, k.kind.en))
    return t("；", "; ").join(
        t(f"{'、'.join(kinds)}（{end.month}月{end.day}日前）", f"{', '.join(kinds)} (by {end})")
        for end, kinds in sorted(by_end.items())
    )


def _table(
    rows: list[tuple[str, str | None, str]],
    heading: str,
    cell: ParagraphStyle,
    head: ParagraphStyle,
    signed: Sequence[Flowable] = (),
) -> Table:
    """The branches with what they missed or have still to hold; ``signed`` (the office
    and the date) below the rows, which keeps the last of them on its page
    (:func:`layout.sign_below`)."""
    parts = [10, 40, 16, 58]
    widths = [layout.TEXT_WIDTH * p / sum(parts) for p in parts]
    titles = [t("序号", "No."), t("党支部", "Branch"), t("镇街", "Town"), heading]
    data: list[list[Flowable | str]] = [[Paragraph(layout.esc(x), head) for x in titles]]
    for i, (name, town, text) in enumerate(rows, 1):
        data.append(
            [
                Paragraph(str(i), head),
                Paragraph(layout.esc(name), cell),
                Paragraph(layout.esc(town), cell),
                Paragraph(layout.esc(text), cell),
            ]
        )
    if not rows:
        data.append([Paragraph(layout.esc(t("（无）", "(none)")), head), "", "", ""])
    style = layout.grid_style(header_rows=1)
    style.append(("VALIGN", (0, 1), (-1, -1), "TOP"))
    if not rows:
        style.append(("SPAN", (0, 1), (-1, 1)))
    if signed:
        style = layout.sign_below(data, style, signed, gap=8 * mm)
    return ruled_table(data, widths, style)


def build_story(report: TownYear, area: str) -> tuple[list[Flowable], layout.Styles]:
    base = layout.make_styles(english=layout.in_english())
    cell = ParagraphStyle("NoticeCell", parent=base.small, fontSize=TABLE_SIZE, leading=14)
    head = ParagraphStyle("NoticeHead", parent=cell, alignment=1)
    body = ParagraphStyle("NoticeBody", parent=base.small, fontSize=12, leading=20)
    today = report.today
    total, behind, waiting = len(report.branches), len(report.behind), len(report.open_now)
    as_of = t(f"{today.year}年{today.month}月{today.day}日", today.isoformat())
    summary = t(
        f"截至{as_of}，{area}共有党支部{total}个，其中{behind}个本年度未按要求落实三会一课，"
        f"{waiting}个本期尚有会议未召开。请相关党支部抓紧补课整改，按期召开。",
        f"As of {as_of}, {area} has {total} Party branches; {behind} are behind "
        f"on their meetings this year and {waiting} still have meetings to hold this period.",
    )

    def section(
        space_mm: int,
        heading: str,
        rows: list[tuple[str, str | None, str]],
        column: str,
        signed: Sequence[Flowable] = (),
    ) -> list[Flowable]:
        return [
            Spacer(1, space_mm * mm),
            *layout.table_heading(layout.esc(heading), base.heading),
            _table(rows, column, cell, head, signed),
        ]

    # the office and the date, never alone on the last page
    sign_off = Paragraph(
        layout.esc(
            t(
                f"{area}党建工作办公室    {as_of}",
                f"{layout.capitalized(area)} Party office    {as_of}",
            )
        ),
        ParagraphStyle("NoticeSign", parent=body, alignment=2),
    )

    story: list[Flowable] = [
        Paragraph(layout.esc(notice_title(area, report.year)), base.title),
        Spacer(1, 3 * mm),
        Paragraph(layout.esc(summary), body),
        *section(
            4,
            t("一、本年度未按要求落实的党支部", "1. Behind this year"),
            [(b.name, b.town, behind_text(b)) for b in report.behind],
            t("未开情况", "Missed"),
        ),
        *section(
            5,
            t("二、本期尚未召开的会议", "2. Still to hold this period"),
            [(b.name, b.town, open_text(b)) for b in report.open_now],
            t("待开会议", "To hold"),
            [sign_off],
        ),
    ]
    return story, base


def build_branch_life_notice(
    db: Database,
    year: int,
    out_path: Path,
    *,
    today: date | None = None,
    town: str | None = None,
    invariant: bool = False,
    warn: WarnFn | None = None,
) -> Path:
    """Write the 通报 of the branches the account sees (of ``town``) to ``out_path``."""
    today = today or date.today()
    with db.snapshot():
        report = town_year(db, year, today, town=town)
    area = town or access.area_name(db) or t("全区", "the district")
    story, styles = build_story(report, area)
    return layout.build_pdf(
        Path(out_path),
        story,
        styles,
        title=notice_title(area, year),
        subject=area,
        invariant=invariant,
        warn=warn,
        english=layout.in_english(),
    )
