"""A row taller than the room left (or than any page) after shorter rows, in every report
whose table holds free text: it splits across pages with the header once at the top of
each page (ReportLab printed it again in the middle of the page, where the long row
started), nothing printed over other text or off the page (a cell spanning columns ran up
over the rows above it), every character printed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.branch_life import kind_compliance
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.domain.enums import (
    ActivityKind,
    Gender,
    ListKind,
    MemberCategory,
    MembershipStatus,
)
from pbc_desktop.reports import branch_life, layout, service_list
from pbc_desktop.reports.assessment import build_assessment_report
from pbc_desktop.reports.development import write_filing_pdf, write_publicity_pdf
from pbc_desktop.reports.glyphs import Paragraph
from pbc_desktop.reports.minutes import write_minutes_pdf
from pbc_desktop.reports.roster import PAGE, write_roster_pdf
from pbc_desktop.reports.tables import ruled_table
from pbc_desktop.services.activities.documents import get_activity_document
from pbc_desktop.services.assessments import indicator_sets, scoring
from pbc_desktop.services.branch_life.compliance import BranchYear, TownYear
from pbc_desktop.services.development import forms
from pbc_desktop.services.development.forms import NoticeKind
from pbc_desktop.services.lists import printout
from pbc_desktop.services.member_export import Roster, RosterRow
from tests.assessment_factories import YEAR, running_communities
from tests.development_factories import make_record
from tests.factories import make_org
from tests.list_factories import report_item
from tests.pdf_helpers import overprinted, pdffonts_rows, skip_without_pdffonts, text_runs
from tests.report_factories import make_joint_meeting, norm

#: About 4,000 Chinese characters in one cell, each sentence numbered.
LONG = "".join(f"第{n:03d}句内容齐全无缺。" for n in range(1, 400))
LONG_MARKS = [f"第{n:03d}句" for n in range(1, 400)]
#: 200 short lines in one cell.
LINES = "\n".join(f"第{n:03d}行。" for n in range(1, 201))
LINE_MARKS = [f"第{n:03d}行" for n in range(1, 201)]
TEXTS = {"long": (LONG, LONG_MARKS), "lines": (LINES, LINE_MARKS)}


@dataclass(frozen=True)
class Case:
    """A report with a long cell after shorter rows (``write(db, path, text)``) and the
    header rows of its tables, as read (each at most once a page, one at least on every
    page the long cell runs over; none: a table without a header)."""

    write: Callable[[Database, Path, str], Path]
    headers: tuple[str, ...]


def _assessment(db: Database, out: Path, text: str) -> Path:
    indicator_sets.create_indicator_set(db, YEAR)
    (cid,) = running_communities(db, "文光党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    sheet = scoring.get_scoring_sheet(db, aid)
    scores = {r.indicator_id: round(r.max_score * 0.8 * 2) / 2 for r in sheet.rows}
    notes = {sheet.rows[0].indicator_id: "材料齐全", sheet.rows[3].indicator_id: text}
    scoring.save_scores(db, aid, scoring.ScoresInput(scores, None, notes))
    return build_assessment_report(db, YEAR, out, invariant=True)


def _service_list(_db: Database, out: Path, text: str) -> Path:
    short = [report_item(n, "为辖区群众提供便民服务。") for n in range(1, 4)]
    report = printout.ListReport(
        id=1,
        title="和平党建共同体2026年项目清单",
        kind=ListKind.PROJECT,
        year=2026,
        signed_on=date(2026, 3, 1),
        community_name="和平党建共同体",
        members=("成员单位一党支部", "成员单位二党支部"),
        items=(*short, report_item(4, text), report_item(5, "最后一项。")),
    )
    story, styles = service_list.build_story(report)
    return layout.build_pdf(out, story, styles, title=report.title, invariant=True)


def _branch(n: int, name: str) -> BranchYear:
    """A branch that missed every meeting so far and has this month's still to hold."""
    kinds = (ActivityKind.THEME_PARTY_DAY, ActivityKind.THEME_LESSON)
    today = date(2026, 7, 15)
    compliance = tuple(kind_compliance(kind, 1, [0] * 12, 2026, today) for kind in kinds)
    return BranchYear(n, name, "和平镇", 2026, compliance)


def _branch_life(_db: Database, out: Path, text: str) -> Path:
    branches = (_branch(1, "第1村党支部"), _branch(2, "第2村党支部"), _branch(3, text))
    town = TownYear(2026, date(2026, 7, 15), (*branches, _branch(4, "第4村党支部")))
    story, styles = branch_life.build_story(town, "和平镇")
    return layout.build_pdf(out, story, styles, title="三会一课落实情况通报", invariant=True)


def _roster_row(seq: int, work_unit: str) -> RosterRow:
    return RosterRow(
        seq=seq,
        name=f"党员{seq}",
        gender=Gender.MALE,
        ethnicity="汉族",
        birth_date="1980",
        id_number="4405**********1234",
        education="大专",
        joined_on=date(2005, 7, 1),
        confirmed_on=date(2006, 7, 1),
        category=MemberCategory.FULL,
        party_post=None,
        work_unit=work_unit,
        phone="138****0000",
        status=MembershipStatus.NORMAL,
    )


def _roster(_db: Database, out: Path, text: str) -> Path:
    rows = (*(_roster_row(n, "甲村村委会") for n in range(1, 6)), _roster_row(6, text))
    roster = Roster(1, "甲村党支部", "成田镇", "张伟", False, (*rows, _roster_row(7, "乙村")))
    return write_roster_pdf(roster, out, today=date(2026, 12, 7), invariant=True)


def _filing(db: Database, text: str, *, remark: bool) -> forms.FilingForm:
    org = make_org(db, "成田镇甲村党支部")
    form = forms.filing_form(db, make_record(db, "林晓燕", org, Stage.PROBATIONARY))
    detail = form.detail
    if remark:
        *before, last = detail.steps
        detail = replace(detail, steps=(*before, replace(last, remark=text)))
    else:
        detail = replace(detail, work_unit=text)
    return replace(form, detail=detail)


def _filing_remark(db: Database, out: Path, text: str) -> Path:
    return write_filing_pdf(_filing(db, text, remark=True), out, invariant=True)


def _filing_work_unit(db: Database, out: Path, text: str) -> Path:
    return write_filing_pdf(_filing(db, text, remark=False), out, invariant=True)


def _publicity(db: Database, out: Path, text: str) -> Path:
    org = make_org(db, "成田镇甲村党支部")
    for name in ("林晓燕", "郑国强", "黄小明"):
        make_record(db, name, org, Stage.CANDIDATE)
    notice = forms.publicity_notice(db, org, NoticeKind.CANDIDATES, date(2026, 12, 7))
    *before, last = notice.people
    notice = replace(notice, people=(*before, replace(last, work_unit=text)))
    return write_publicity_pdf(notice, out, invariant=True)


def _minutes(db: Database, out: Path, text: str, *, agenda: bool) -> Path:
    """The minutes with ``text`` as its 主讲人 (a row of its table of facts, which spans
    the table's columns), or as what was said on its first 议题."""
    activity = get_activity_document(db, make_joint_meeting(db).activity_id)
    if agenda:
        first, *rest = activity.agenda
        said = f"讨论如下。\n{text}"  # the text apart from the label 讨论情况 on the first line
        activity = replace(activity, agenda=(replace(first, discussion=said), *rest))
    else:
        activity = replace(activity, lecturer=text)
    return write_minutes_pdf(activity, out, invariant=True)


def _minutes_facts(db: Database, out: Path, text: str) -> Path:
    return _minutes(db, out, text, agenda=False)


def _minutes_agenda(db: Database, out: Path, text: str) -> Path:
    return _minutes(db, out, text, agenda=True)


CASES = {
    "assessment": Case(_assessment, ("类别指标满分得分参考数据评分备注",)),
    "service_list": Case(_service_list, ("序号事项内容及预期成效状态认领单位完成时限",)),
    "branch_life": Case(_branch_life, ("序号党支部镇街未开情况", "序号党支部镇街待开会议")),
    "roster": Case(
        _roster,
        (
            "序号姓名性别民族出生日期身份证号学历入党日期转正日期"
            "人员类别党内职务工作单位及职务联系电话党籍状态",
        ),
    ),
    "filing_remark": Case(_filing_remark, ("序号步骤日期有关人员备注",)),
    "filing_work_unit": Case(_filing_work_unit, ()),
    "publicity": Case(
        _publicity, ("序号姓名性别出生年月民族学历工作单位及职务递交申请书时间确定积极分子时间",)
    ),
    "minutes_facts": Case(_minutes_facts, ()),
    "minutes_agenda": Case(_minutes_agenda, ()),
}


def _body_runs(path: Path) -> list[list[str]]:
    """The text runs of each page's text block, normalised: without the running head and
    the page number (which came between the parts of a line split across pages)."""
    pages = []
    for index, sheet in enumerate(PdfReader(str(path)).pages):
        landscape = sheet.mediabox.width > sheet.mediabox.height
        page = PAGE if landscape else layout.PORTRAIT
        runs = text_runs(path, index)
        pages.append(
            [norm(r.text) for r in runs if page.bottom - 1 <= r.y <= page.height - page.top]
        )
    return pages


def _printed(path: Path, text: str) -> str:
    """What the PDF prints of ``text``: its lines in the order drawn, without the other
    cells of its row (drawn between its parts) and the headers (the lines in the text
    blocks made only of the characters of ``text``)."""
    characters = set(norm(text))
    runs = [run for page in _body_runs(path) for run in page]
    return "".join(run for run in runs if set(run) <= characters)


@pytest.mark.usefixtures("bounded_splits")
@pytest.mark.parametrize("text", sorted(TEXTS))
@pytest.mark.parametrize("report", sorted(CASES))
def test_a_long_cell_after_shorter_rows_splits_cleanly(
    db: Database, tmp_path: Path, report: str, text: str
) -> None:
    case = CASES[report]
    value, marks = TEXTS[text]
    out = case.write(db, tmp_path / f"{report}-{text}.pdf", value)
    pages = ["".join(runs) for runs in _body_runs(out)]
    printed = _printed(out, value)
    assert [mark for mark in marks if mark not in printed] == [], "text lost"
    assert norm(value) in printed, "text lost"
    runs_over = [n for n, page in enumerate(pages, start=1) if any(m in page for m in marks)]
    for number, page in enumerate(pages, start=1):
        for header in case.headers:
            assert page.count(header) <= 1, f"page {number}: {header} twice"
        if case.headers and number in runs_over[1:]:
            # the page goes on with the long cell: under the header, at its top
            assert page.startswith(case.headers), f"page {number}: not under the header"
    reader = PdfReader(str(out))
    for index, sheet in enumerate(reader.pages):
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert overprinted(out, index) == [], f"page {index + 1}: overprinted"
        off = [r.text for r in text_runs(out, index) if not 0 <= r.y <= height]
        off += [r.text for r in text_runs(out, index) if not 0 <= r.x <= width]
        assert off == [], f"page {index + 1}: off the page"


def test_the_split_reports_embed_their_fonts(db: Database, tmp_path: Path) -> None:
    skip_without_pdffonts()
    out = _filing_work_unit(db, tmp_path / "备案表.pdf", LONG)
    rows = pdffonts_rows(out)
    assert rows and all(row[-5] == "yes" for row in rows), rows


@pytest.mark.usefixtures("bounded_splits")
def test_a_row_taller_than_the_room_left_starts_the_next_page_under_the_header(
    tmp_path: Path,
) -> None:
    """A row that a page holds but the room below the rows before it does not: ReportLab
    split it there, under a second header; it starts the next page, whole."""
    styles = layout.make_styles()
    rows: list[list[Flowable | str]] = [
        [Paragraph("序号", styles.cell), Paragraph("表头内容", styles.cell)]
    ]
    rows += [[str(n), Paragraph(f"短行{n}", styles.cell)] for n in range(1, 4)]
    rows.append(["4", Paragraph("中等长度的内容。" * 60, styles.cell)])
    commands = [*layout.grid_style(header_rows=1), ("VALIGN", (0, 1), (-1, -1), "TOP")]
    table = ruled_table(rows, [20 * mm, layout.TEXT_WIDTH - 20 * mm], commands)
    out = layout.build_pdf(
        tmp_path / "表.pdf", [Spacer(1, 120 * mm), table], styles, title="表", invariant=True
    )
    first, second = ["".join(runs) for runs in _body_runs(out)]
    assert first.count("表头内容") == 1 and "短行3" in first and "中等" not in first
    assert second.startswith("序号表头内容4中等长度的内容。")
    assert second.count("中等长度的内容") == 60
