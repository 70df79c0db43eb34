"""民主评议党员结果表: one organization's appraisal of a year on A4, for its records and the
town. The meeting dates, a row per member (序号, 姓名, 类别, 评议等次), the count of each
grade, and the signatures of the branch secretary and the recorder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.appraisals import AppraisalGrade
from pbc_desktop.reports.glyphs import Paragraph, WarnFn
from pbc_desktop.reports.layout import (
    BODY_LEADING,
    TEXT_WIDTH,
    build_pdf,
    make_styles,
    plain,
    title_paragraph,
    wrapped_grid,
)
from pbc_desktop.reports.signature_block import SignatureBlock
from pbc_desktop.services.appraisals.grid import AppraisalGrid, appraisal_grid

HEADERS = ("序号", "姓名", "党员类别", "党内职务", "评议等次")
WIDTHS = (14 * mm, 30 * mm, 28 * mm, 0.0, 30 * mm)


def _day(value: date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else "　　年　月　日"


def meeting_text(g: AppraisalGrid) -> str:
    if g.ended_on is not None and g.ended_on != g.held_on:
        return f"{_day(g.held_on)}至{_day(g.ended_on)}"
    return _day(g.held_on)


def sheet_title(g: AppraisalGrid) -> tuple[str, str]:
    return g.organization_name, f"{g.year}年度民主评议党员结果表"


def write_appraisal_sheet(
    g: AppraisalGrid, out_path: Path, *, invariant: bool = False, warn: WarnFn | None = None
) -> Path:
    styles = make_styles()
    owner, title = sheet_title(g)
    counts = "，".join(f"{grade.zh}{g.count(grade)}名" for grade in AppraisalGrade)
    info = f"评议时间：{meeting_text(g)}　参加评议党员{len(g.rows)}名，评定{g.graded}名：{counts}。"
    widths = list(WIDTHS)
    widths[3] = TEXT_WIDTH - sum(widths)
    data: list[list[str]] = [list(HEADERS)]
    data += [
        [str(i), r.name, r.category.zh, r.party_post or "", r.grade.zh if r.grade else "未评定"]
        for i, r in enumerate(g.rows, start=1)
    ]
    if not g.rows:  # an organization with no member of its own (a town's 党委): said
        data.append(["", "（无）", "", "", ""])
    # The remark and the signatures below the members, never on a page of their own.
    signed: list[Flowable] = []
    if g.remark:
        signed += [Paragraph(plain(f"备注：{g.remark}"), styles.small), Spacer(1, BODY_LEADING)]
    signed.append(
        SignatureBlock(["党组织书记", "记录人"], styles.fonts.body, size=12, space_before=0)
    )
    gap = 3 * mm if g.remark else BODY_LEADING
    grid = wrapped_grid(data[0], data[1:], widths, styles.fonts.body, 12, signed=signed, gap=gap)
    story: list[Flowable] = [
        title_paragraph([owner, title], styles.title),
        Paragraph(plain(info), styles.small),
        Spacer(1, 4 * mm),
        grid,
    ]
    return build_pdf(out_path, story, styles, title=owner + title, invariant=invariant, warn=warn)


def build_appraisal_sheet(
    db: Database,
    organization_id: int,
    year: int,
    out_path: Path,
    *,
    invariant: bool = False,
    warn: WarnFn | None = None,
) -> Path:
    """The printed 评议结果 sheet of ``organization_id``'s appraisal of ``year``."""
    return write_appraisal_sheet(
        appraisal_grid(db, organization_id, year), out_path, invariant=invariant, warn=warn
    )
