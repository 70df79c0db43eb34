"""A list exported for signing (PDF) and to Excel, read back and checked."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import ClaimMode, Satisfaction
from pbc_desktop.reports.service_list import build_service_list
from pbc_desktop.services.list_export import export_list_xlsx
from pbc_desktop.services.lists import claims, editing, printout, supervision
from tests.list_factories import Setup, setup_community
from tests.pdf_helpers import page_texts, pdffonts_lines, skip_without_pdffonts

TODAY = date(2026, 7, 1)
TITLES = ["长者饭堂建设", "老旧小区路灯改造", "青少年暑期托管"]


@pytest.fixture
def setup(db: Database) -> Setup:
    st = setup_community(db)
    ids = [
        editing.add_item(db, st.list_id, editing.ItemInput(title=title, category="民生"))
        for title in TITLES
    ]
    claims.claim_item(
        db,
        ids[0],
        claims.ClaimInput(
            ClaimMode.GROUP,
            st.orgs[0],
            date(2026, 3, 10),
            date(2026, 6, 30),
            "张三",
            (claims.ParticipantInput(st.orgs[1], "李四"),),
        ),
    )
    claims.claim_item(
        db, ids[1], claims.ClaimInput(ClaimMode.SINGLE, st.orgs[2], date(2026, 3, 10), None, "王五")
    )
    supervision.solve_item(
        db, ids[1], supervision.SolveInput(date(2026, 5, 1), "全部亮灯", Satisfaction.SATISFIED)
    )
    return st


def test_report_data_has_every_item_and_member(db: Database, setup: Setup) -> None:
    report = printout.get_list_report(db, setup.list_id, today=TODAY)
    assert report.title == "和平党建共同体2026年项目清单"
    assert [i.title for i in report.items] == TITLES
    assert report.members == ("和平村党支部", "区卫健局党支部", "和平供电所党支部")
    first = report.items[0]
    assert first.claimants == ("和平村党支部", "区卫健局党支部")
    assert (first.overdue, first.status_text) == (True, "逾期")


def test_xlsx_reads_back(db: Database, setup: Setup, tmp_path: Path) -> None:
    out = export_list_xlsx(db, setup.list_id, tmp_path / "sub" / "清单.xlsx", today=TODAY)
    wb = load_workbook(out)
    ws = wb.active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    assert header[:2] == ("序号", "事项")
    assert [r[1] for r in rows[1:]] == TITLES
    col = {name: i for i, name in enumerate(header)}
    deadline = rows[1][col["完成时限"]]
    assert isinstance(deadline, datetime)  # a real date cell, not text
    assert deadline.date() == date(2026, 6, 30)
    assert ws.cell(row=2, column=col["完成时限"] + 1).number_format == "yyyy-mm-dd"
    assert rows[1][col["状态"]] == "逾期"
    assert rows[2][col["状态"]] == "已解决"
    assert rows[1][col["认领单位"]] == "和平村党支部、区卫健局党支部"
    assert rows[2][col["群众满意度"]] == "满意"
    assert ws.column_dimensions["B"].width == 30
    assert ws.freeze_panes == "A2"
    assert not list(tmp_path.glob("sub/.tmp-*"))  # written atomically, no leftovers


def pdf_text(path: Path) -> str:
    return "\n".join(page_texts(path))


def test_pdf_for_signing(db: Database, setup: Setup, tmp_path: Path) -> None:
    out = build_service_list(db, setup.list_id, tmp_path / "清单.pdf", today=TODAY, invariant=True)
    text = pdf_text(out).replace(" ", "")
    assert text.startswith("和平党建共同体2026年项目清单")
    assert "和平党建共同体2026年项目清单" in text
    for title in TITLES:
        assert title in text
    for org in ("和平村党支部", "区卫健局党支部", "和平供电所党支部"):
        assert f"单位(盖章):{org}" in text or f"单位（盖章）：{org}" in text
    signed = text.count("负责人(签字)") + text.count("负责人（签字）")
    assert signed == 3
    assert "逾期" in text
    assert "第1页共" in text
    skip_without_pdffonts()
    fonts = pdffonts_lines(out)
    assert fonts
    cjk = [line for line in fonts if "WenQuanYi" in line or "wqy" in line.lower()]
    assert cjk, fonts
    for line in cjk:
        assert line.split()[-5] == "yes"  # emb
