"""On a town's or a village's own database, printed and exported titles name its area.

With no town chosen, the reports fell back to 全区 there: its administrator (the role
区委组织部管理员) sees the whole of what the database holds, which is one town's. The
district's database, and one whose office is not set up, keep 全区.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import OrgLevel
from tests.factories import make_org
from tests.pdf_helpers import page_texts
from tests.scope_factories import VILLAGE_OFFICE, set_up_own_office

YEAR = 2026

#: This database's own office, and the area its titles name with no town chosen.
OFFICES = [
    pytest.param(None, "全区", id="no-office"),
    pytest.param(OrgLevel.DISTRICT, "全区", id="district"),
    pytest.param(OrgLevel.TOWN, "成田镇", id="town"),
    pytest.param(OrgLevel.VILLAGE, VILLAGE_OFFICE, id="village"),
]


def _compact(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(page_texts(path)))


def _pdf_title(path: Path) -> str | None:
    metadata = PdfReader(str(path)).metadata
    return metadata.title if metadata is not None else None


def _named(text: str, area: str) -> None:
    assert area in text
    if area != "全区":
        assert "全区" not in text


@pytest.mark.parametrize(("office", "area"), OFFICES)
def test_the_fee_summary_names_the_databases_area(
    db: Database, tmp_path: Path, office: OrgLevel | None, area: str
) -> None:
    from pbc_desktop.reports.fees import build_year_summary

    make_org(db, "仙港村第一党支部", town="成田镇")
    set_up_own_office(db, office)
    path = build_year_summary(db, YEAR, tmp_path / "year.pdf", today=date(YEAR, 2, 28))
    title = f"{area}{YEAR}年度党费收缴情况汇总表"
    assert _pdf_title(path) == title
    text = _compact(path)
    assert text.startswith(title)
    _named(text, area)


@pytest.mark.parametrize(("office", "area"), OFFICES)
def test_the_branch_life_notice_names_the_databases_area(
    db: Database, tmp_path: Path, office: OrgLevel | None, area: str
) -> None:
    from pbc_desktop.reports.branch_life import build_branch_life_notice

    make_org(db, "仙港村第一党支部", town="成田镇")
    set_up_own_office(db, office)
    path = build_branch_life_notice(
        db, YEAR, tmp_path / "通报.pdf", today=date(YEAR, 5, 25), invariant=True
    )
    title = f"{area}{YEAR}年三会一课落实情况通报"
    assert _pdf_title(path) == title
    text = _compact(path)
    assert text.startswith(title)
    assert f"{area}共有党支部1个" in text and f"{area}党建工作办公室" in text
    _named(text, area)


@pytest.mark.parametrize(("office", "area"), OFFICES)
def test_the_assessment_report_names_the_databases_area(
    db: Database, tmp_path: Path, office: OrgLevel | None, area: str
) -> None:
    from pbc_desktop.reports.assessment import build_assessment_report
    from pbc_desktop.services.assessments import indicator_sets, scoring
    from tests.assessment_factories import running_communities, score_all

    indicator_sets.create_indicator_set(db, YEAR)
    (community,) = running_communities(db, "文光党建共同体")
    score_all(db, scoring.start_assessment(db, community, YEAR), 0.8)
    set_up_own_office(db, office)
    path = build_assessment_report(db, YEAR, tmp_path / "report.pdf", invariant=True)
    text = _compact(path)
    assert f"{YEAR}年度党建共同体考核情况报告{area}" in text  # the heading, then the area
    assert f"{area}共考核党建共同体1个" in text
    _named(text, area)


@pytest.mark.parametrize(("office", "area"), OFFICES)
def test_the_party_statistics_name_the_databases_area(
    db: Database, tmp_path: Path, office: OrgLevel | None, area: str
) -> None:
    from pbc_desktop.reports.party_stats import build_party_stats_pdf
    from pbc_desktop.services.party_stats.tables import party_statistics
    from pbc_desktop.services.party_stats.workbook import write_party_stats_xlsx
    from tests.factories import make_member

    make_member(db, "张三", make_org(db, "仙港村第一党支部", town="成田镇"))
    set_up_own_office(db, office)
    stats = party_statistics(db, YEAR)
    assert stats.area == area
    title = f"{area}党内统计表（{YEAR}年度）"
    pdf = build_party_stats_pdf(stats, tmp_path / "stats.pdf", invariant=True)
    assert _pdf_title(pdf) == title
    assert _compact(pdf).startswith(title)
    _named(_compact(pdf), area)
    book = load_workbook(write_party_stats_xlsx(stats, tmp_path / "stats.xlsx"))
    assert book.properties.title == title
    sheet = book.active
    assert sheet is not None and sheet.cell(row=1, column=1).value == title
