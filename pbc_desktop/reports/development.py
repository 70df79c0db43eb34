"""发展党员 on paper: the 公示 posted on the notice board and the 备案表 sent up.

Both are fed by ``services/development/forms.py``'s DTOs. The 公示 names the people with
their sex, 出生年月, education, work unit and stage dates, the period of the notice and
where to report opinions; the 备案表 lists a person's facts and every dated step.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from pbc_desktop.reports import layout
from pbc_desktop.reports.glyphs import Paragraph, WarnFn
from pbc_desktop.reports.layout import (
    build_pdf,
    info_table,
    make_styles,
    plain,
    title_paragraph,
)
from pbc_desktop.reports.signature_block import SignatureBlock
from pbc_desktop.reports.tables import ruled_table
from pbc_desktop.services.development.forms import FilingForm, NoticeKind, PublicityNotice


def _day(value: date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def _cell_day(value: date | None) -> str:
    """A date in a table cell, short enough for a narrow column: 2023.06.01."""
    return f"{value:%Y.%m.%d}" if value else ""


def _grid(
    rows: list[list[str]],
    widths: list[float],
    styles: layout.Styles,
    signed: Sequence[Flowable] = (),
    *,
    gap: float = layout.BODY_LEADING,
) -> Table:
    """A ruled table in small type, its first row the header; widths scaled to the page.

    ``signed`` (the signature lines, or the seal and the date) goes below the rows inside
    the table, which keeps its last rows with it (:func:`layout.sign_below`)."""
    cell = ParagraphStyle("DevCell", parent=styles.small_center, fontSize=9, leading=12)
    head = ParagraphStyle("DevHead", parent=cell, fontName=styles.fonts.heading)
    data: list[list[Flowable | str]] = [
        [Paragraph(plain(text), head if i == 0 else cell) for text in row]
        for i, row in enumerate(rows)
    ]
    scale = layout.TEXT_WIDTH / sum(widths)
    commands = layout.grid_style(styles.fonts.body, header_rows=1)
    commands += [("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
    if signed:
        commands = layout.sign_below(data, commands, signed, gap=gap)
    return ruled_table(data, [w * scale for w in widths], commands)


def write_publicity_pdf(
    notice: PublicityNotice, out_path: Path, *, invariant: bool = False, warn: WarnFn | None = None
) -> Path:
    """The 公示 of ``notice``: a title, the people in a table, the period and the signature."""
    styles = make_styles()
    what = "发展对象" if notice.kind is NoticeKind.CANDIDATES else "拟接收预备党员"
    title = f"关于{what}的公示"
    intro = (
        f"根据《中国共产党发展党员工作细则》的有关规定，经{notice.organization_name}研究，"
        f"现将{what}的有关情况予以公示。公示时间为{_day(notice.starts_on)}至"
        f"{_day(notice.ends_on)}。公示期间，党员和群众可通过来信、来电、来访等方式，"
        "向本党组织或上级党委组织部门反映公示对象的有关情况和问题。"
    )
    header = [
        "序号",
        "姓名",
        "性别",
        "出生年月",
        "民族",
        "学历",
        "工作单位及职务",
        "递交申请书时间",
    ]
    candidates = notice.kind is NoticeKind.CANDIDATES
    header.append("确定积极分子时间" if candidates else "确定发展对象时间")
    rows = [header]
    for i, p in enumerate(notice.people, start=1):
        since = p.activist_on if candidates else p.candidate_on
        rows.append(
            [
                str(i),
                p.name,
                p.gender,
                p.born,
                p.ethnicity,
                p.education,
                p.work_unit,
                _cell_day(p.applied_on),
                _cell_day(since),
            ]
        )
    if not notice.people:
        rows.append(["", "（无公示对象）", *[""] * 7])
    widths = [m * mm for m in (8, 17, 8, 17, 10, 17, 40, 22, 22)]
    story: list[Flowable] = [
        title_paragraph((title,), styles.title),
        Paragraph(plain(intro), styles.body),
        Spacer(1, 3 * mm),
        # The seal and the date below the people, never on a page of their own.
        _grid(
            rows,
            widths,
            styles,
            [
                Paragraph(plain(f"{notice.organization_name}（盖章）"), styles.body_flush),
                Paragraph(plain(_day(notice.starts_on)), styles.body_flush),
            ],
            gap=6 * mm,
        ),
    ]
    return build_pdf(out_path, story, styles, title=title, invariant=invariant, warn=warn)


def write_filing_pdf(
    form: FilingForm, out_path: Path, *, invariant: bool = False, warn: WarnFn | None = None
) -> Path:
    """The 发展党员备案表 of one person: facts, the dated steps, signature lines."""
    styles = make_styles()
    d = form.detail
    title = "发展党员工作备案表"
    facts = info_table(
        [
            ("姓名", d.name),
            ("性别", d.gender.zh if d.gender else ""),
            ("出生日期", d.birth_date),
            ("民族", d.ethnicity),
            ("学历", d.education),
            ("身份证号", d.id_number),
            ("工作单位及职务", d.work_unit),
            ("所在党组织", d.organization_name),
            ("当前阶段", d.stage.zh),
            ("预备期满", _day(d.probation_ends)),
        ],
        styles,
        pairs_per_row=2,
        wide=("身份证号", "工作单位及职务", "所在党组织"),
        label_width=28 * mm,
    )
    rows = [["序号", "步骤", "日期", "有关人员", "备注"]]
    for i, step in enumerate(d.steps, start=1):
        note = step.remark or ""
        if step.months:
            note = f"延长{step.months}个月" + (f"；{note}" if note else "")
        rows.append([str(i), step.step.zh, _cell_day(step.occurred_on), step.people or "", note])
    # 四号, as the facts above: at 三号 the two signers' lines no longer fit side by side.
    signatures = SignatureBlock(
        ["党支部书记", "上级党委经办人"], styles.fonts.body, size=layout.CELL_SIZE, space_before=0
    )
    story: list[Flowable] = [
        title_paragraph((title,), styles.title),
        facts,
        Spacer(1, 4 * mm),
        *layout.table_heading(plain("发展程序记录"), styles.heading),
        _grid(rows, [m * mm for m in (10, 48, 26, 40, 40)], styles, [signatures]),
    ]
    return build_pdf(
        out_path, story, styles, title=f"{title}（{d.name}）", invariant=invariant, warn=warn
    )
