"""党费 on paper: a branch's monthly collection sheet (党费收缴表, with a column for each
member's signature) and the notice posted for the members (党费收缴公示), both A4 from a
:class:`~pbc_desktop.services.fees.collection.CollectionSheet`; and the yearly summary
(党费收缴情况汇总表) per branch and town.

The notice shows no income: only each member's standard and what was paid.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.chinese_text import month_words
from pbc_desktop.domain.money import format_amount
from pbc_desktop.reports import layout
from pbc_desktop.reports.glyphs import Paragraph, WarnFn
from pbc_desktop.reports.signature_block import SignatureBlock
from pbc_desktop.services import access
from pbc_desktop.services.fees.collection import CollectionSheet, SheetRow, collection_sheet
from pbc_desktop.services.fees.summary import SummaryRow, yearly_summary

SIZE = 10.5  # 五号


def _status(row: SheetRow) -> str:
    if row.standard is None:
        return "未核定"
    text = "已缴" if row.paid is not None and row.paid >= row.standard else "未缴"
    if row.owed_months:
        text += f"，欠缴{row.owed_months}个月"
    if row.ahead_months:
        text += f"，已预缴{row.ahead_months}个月"
    return text


def _signed_table(
    title: str,
    facts: str,
    table: tuple[Sequence[str], Sequence[Sequence[str]], Sequence[float]],
    signers: Sequence[str],
    styles: layout.Styles,
) -> list[Flowable]:
    """A title, a line of facts and the table (headers, rows, widths) signed below by
    ``signers``: the last rows go over with the signatures, never alone on a page."""
    font = styles.fonts.body
    headers, rows, widths = table
    return [
        _title(title, styles),
        Paragraph(layout.plain(facts), styles.small),
        Spacer(1, 2 * mm),
        layout.wrapped_grid(
            headers,
            rows,
            widths,
            font,
            SIZE,
            signed=[SignatureBlock(signers, font, size=12, space_before=0)],
            gap=6 * mm,
        ),
    ]


def _title(text: str, styles: layout.Styles) -> Paragraph:
    style = ParagraphStyle("FeeTitle", parent=styles.title, fontSize=18, leading=26)
    return Paragraph(layout.plain(text), style)


def sheet_title(sheet: CollectionSheet) -> str:
    return f"{sheet.organization_name}党费收缴表（{month_words(sheet.month)}）"


def notice_title(sheet: CollectionSheet) -> str:
    return f"{sheet.organization_name}{month_words(sheet.month)}党费收缴情况公示"


def sheet_story(sheet: CollectionSheet) -> tuple[list[Flowable], layout.Styles]:
    styles = layout.make_styles()
    headers = (
        "序号",
        "姓名",
        "缴费类别",
        "月缴纳标准（元）",
        "实缴（元）",
        "缴纳日期",
        "欠缴月数",
        "本人签字",
    )
    rows = [
        (
            str(index),
            r.name,
            r.category.zh if r.category else "未核定",
            format_amount(r.standard),
            format_amount(r.paid),
            r.paid_on.isoformat() if r.paid_on else "",
            str(r.owed_months) if r.owed_months else "",
            "",
        )
        for index, r in enumerate(sheet.rows, start=1)
    ]
    rows.append(
        (
            "合计",
            f"{len(sheet.rows)}人",
            "",
            format_amount(sheet.due_total),
            format_amount(sheet.paid_total),
            "",
            "",
            "",
        )
    )
    widths = [w * mm for w in (11, 20, 19, 33, 23, 24, 19, 19)]
    town = f"所在镇街：{sheet.town}　　" if sheet.town else ""
    info = f"{town}应缴 {len(sheet.rows)} 人，已缴 {sheet.paid_count} 人"
    table = (headers, rows, widths)
    return _signed_table(sheet_title(sheet), info, table, ["收缴人", "支部书记"], styles), styles


def notice_story(sheet: CollectionSheet, today: date) -> tuple[list[Flowable], layout.Styles]:
    styles = layout.make_styles()
    font = styles.fonts.body
    body = ParagraphStyle("FeeBody", parent=styles.body, fontSize=14, leading=24)
    lead = (
        f"根据《关于中国共产党党费收缴、使用和管理的规定》，现将本支部{month_words(sheet.month)}"
        f"党费收缴情况公示如下：应缴 {len(sheet.rows)} 人，已缴 {sheet.paid_count} 人；"
        f"应缴金额 {format_amount(sheet.due_total)} 元，"
        f"实缴金额 {format_amount(sheet.paid_total)} 元。"
    )
    rows = [
        (str(index), r.name, format_amount(r.standard), format_amount(r.paid), _status(r))
        for index, r in enumerate(sheet.rows, start=1)
    ]
    rows.append(("合计", "", format_amount(sheet.due_total), format_amount(sheet.paid_total), ""))
    widths = [w * mm for w in (14, 30, 34, 30, 48)]
    closing = "公示期为七天。党员对本人缴纳情况如有疑问，请向党支部反映。"
    sign = ParagraphStyle("FeeSign", parent=body, firstLineIndent=0, alignment=2)
    story: list[Flowable] = [
        _title(notice_title(sheet), styles),
        Paragraph(layout.plain(lead), body),
        Spacer(1, 2 * mm),
        # The closing, the branch and the date below the people, never on a page of their own.
        layout.wrapped_grid(
            ("序号", "姓名", "月缴纳标准（元）", "实缴金额（元）", "缴纳情况"),
            rows,
            widths,
            font,
            SIZE,
            signed=[
                Paragraph(layout.plain(closing), body),
                Spacer(1, 8 * mm),
                Paragraph(layout.plain(sheet.organization_name), sign),
                Paragraph(layout.plain(f"{today.year}年{today.month}月{today.day}日"), sign),
            ],
            gap=4 * mm,
        ),
    ]
    return story, styles


def write_sheet_pdf(
    sheet: CollectionSheet, out_path: Path, *, invariant: bool = False, warn: WarnFn | None = None
) -> Path:
    story = sheet_story(sheet)
    return _write(story, sheet_title(sheet), sheet, out_path, invariant=invariant, warn=warn)


def write_notice_pdf(
    sheet: CollectionSheet,
    out_path: Path,
    *,
    today: date | None = None,
    invariant: bool = False,
    warn: WarnFn | None = None,
) -> Path:
    story = notice_story(sheet, today or date.today())
    return _write(story, notice_title(sheet), sheet, out_path, invariant=invariant, warn=warn)


def _write(
    story: tuple[list[Flowable], layout.Styles],
    title: str,
    sheet: CollectionSheet,
    out_path: Path,
    *,
    invariant: bool,
    warn: WarnFn | None,
) -> Path:
    """A sheet's document on A4, the branch as its subject."""
    flowables, styles = story
    return layout.build_pdf(
        Path(out_path),
        flowables,
        styles,
        title=title,
        subject=sheet.organization_name,
        invariant=invariant,
        warn=warn,
    )


def build_collection_sheet(
    db: Database, org_id: int, month: date, out_path: Path, *, invariant: bool = False
) -> Path:
    """The 党费收缴表 of a branch for a month."""
    return write_sheet_pdf(collection_sheet(db, org_id, month), out_path, invariant=invariant)


def build_fee_notice(
    db: Database,
    org_id: int,
    month: date,
    out_path: Path,
    *,
    today: date | None = None,
    invariant: bool = False,
) -> Path:
    """The 党费收缴公示 of a branch for a month."""
    sheet = collection_sheet(db, org_id, month)
    return write_notice_pdf(sheet, out_path, today=today, invariant=invariant)


# -- the yearly summary ----------------------------------------------------------------------
def summary_title(year: int, area: str | None) -> str:
    return f"{area or '全区'}{year}年度党费收缴情况汇总表"


def summary_story(
    rows: Sequence[SummaryRow], year: int, area: str | None, today: date
) -> tuple[list[Flowable], layout.Styles]:
    styles = layout.make_styles()
    headers = ("序号", "党组织", "党员人数", "应缴（元）", "实缴（元）", "其中补缴（元）", "收缴率")
    lines: list[tuple[str, ...]] = []
    index = 0
    for row in rows:
        rate = f"{row.paid / row.due * 100:.1f}%" if row.due else ""
        if row.organization_id is None:
            name = f"{row.name or '未分镇街'}合计"
            number = ""
        else:
            index += 1
            name, number = row.name, str(index)
        lines.append(
            (
                number,
                name,
                str(row.members),
                format_amount(row.due),
                format_amount(row.paid),
                format_amount(row.back),
                rate,
            )
        )
    if not lines:  # no branch has members with fee records this year: said, not blank
        lines.append(("", "（无）", "", "", "", "", ""))
    widths = [w * mm for w in (11, 50, 17, 23, 23, 23, 17)]
    made = f"制表日期：{today.year}年{today.month}月{today.day}日"
    table = (headers, lines, widths)
    return _signed_table(
        summary_title(year, area), made, table, ["制表人", "审核人"], styles
    ), styles


def write_summary_pdf(
    rows: Sequence[SummaryRow],
    year: int,
    area: str | None,
    out_path: Path,
    *,
    today: date | None = None,
    invariant: bool = False,
) -> Path:
    story, styles = summary_story(rows, year, area, today or date.today())
    return layout.build_pdf(
        Path(out_path), story, styles, title=summary_title(year, area), invariant=invariant
    )


def build_year_summary(
    db: Database,
    year: int,
    out_path: Path,
    *,
    town: str | None = None,
    today: date | None = None,
    invariant: bool = False,
) -> Path:
    """The 党费收缴情况汇总表 of a year: each branch of the account's scope (and ``town``),
    then each town's total."""
    day = today or date.today()
    rows = yearly_summary(db, year, day, town)
    area = town or access.area_name(db)
    return write_summary_pdf(rows, year, area, out_path, today=day, invariant=invariant)
