"""A list exported for signing (PDF) and to Excel, read back and checked."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import ClaimMode, ItemStatus, ListKind, Satisfaction
from pbc_desktop.reports.layout import build_pdf
from pbc_desktop.reports.service_list import build_service_list, build_story
from pbc_desktop.services.list_export import export_list_xlsx
from pbc_desktop.services.lists import claims, editing, printout, supervision
from tests.list_factories import Setup, report_item, setup_community
from tests.pdf_helpers import page_texts, pdffonts_lines, signed_page, skip_without_pdffonts

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
    # every font embedded: the empty cell beside the third signatory listed Helvetica
    for line in fonts:
        assert line.split()[-5] == "yes", line  # emb


def _list_report(members: int, items: int) -> printout.ListReport:
    content = "为辖区群众提供便民服务，解决急难愁盼问题。" * 2
    return printout.ListReport(
        id=1,
        title="和平党建共同体2026年项目清单",
        kind=ListKind.PROJECT,
        year=2026,
        signed_on=date(2026, 3, 1),
        community_name="和平党建共同体",
        members=tuple(f"成员单位{n}党支部" for n in range(1, members + 1)),
        items=tuple(report_item(n, content) for n in range(1, items + 1)),
    )


def _write_list(report: printout.ListReport, path: Path) -> Path:
    story, styles = build_story(report)
    return build_pdf(path, story, styles, title=report.title, invariant=True)


@pytest.mark.usefixtures("bounded_splits")
@pytest.mark.parametrize("members", [1, 2, 3, 4])
def test_the_signatories_go_over_with_the_last_items(members: int, tmp_path: Path) -> None:
    """Around each page boundary the heading 签订单位 and the seals go over with the last
    item (never alone on a page), every item printed once."""
    pages_seen = set()
    for items in (2, 3, 4, 8, 9, 10, 14, 15, 16):
        report = _list_report(members, items)
        path = _write_list(report, tmp_path / f"{members}-{items}.pdf")
        signed = signed_page(path, "签订单位")
        assert signed.before.endswith("待认领"), (members, items, signed.before[-40:])
        assert f"事项{items}号" in signed.before, (members, items)
        text = "".join("".join(page.split()) for page in page_texts(path))
        assert all(text.count(f"事项{n}号[") == 1 for n in range(1, items + 1)), (members, items)
        assert text.count("负责人（签字）") == members
        pages_seen.add(len(page_texts(path)))
    assert len(pages_seen) >= 3  # the sizes cross two page boundaries


@pytest.mark.usefixtures("bounded_splits")
def test_more_signatories_than_a_page_holds(tmp_path: Path) -> None:
    """Fourteen members' seals are taller than a page: the list is written (it looped
    before), the heading with the last item and the first seals, the rest after them."""
    path = _write_list(_list_report(14, 8), tmp_path / "14.pdf")
    signed = signed_page(path, "签订单位")
    assert "事项8号" in signed.before
    assert "成员单位1党支部" in signed.after
    text = "".join("".join(page.split()) for page in page_texts(path))
    assert all(f"单位（盖章）：成员单位{n}党支部" in text for n in range(1, 15))
    assert all("".join(page.split()).count("序号事项") <= 1 for page in page_texts(path))


def test_english_statuses_fit_their_column_and_claimants_part_with_commas(
    db: Database, setup: Setup, tmp_path: Path
) -> None:
    """In English the status column cut "In progress" and "Awaiting claim" inside their
    words ("In pro / gress"), and the claimants were parted by "、"."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from pbc_desktop import lang
    from pbc_desktop.domain.enums import OVERDUE_LABEL
    from pbc_desktop.reports import service_list
    from pbc_desktop.reports.layout import TEXT_WIDTH, make_styles

    lang.set_language("en")
    parts = service_list.COLUMN_PARTS_EN
    status_width = TEXT_WIDTH * parts[3] / sum(parts) - 8  # the cell's padding, 4 pt a side
    font = make_styles().fonts.body
    words = [OVERDUE_LABEL[1], *(s.label("en") for s in ItemStatus)]
    for word in " ".join(words).split():
        assert stringWidth(word, font, service_list.TABLE_SIZE) <= status_width, word
    out = build_service_list(db, setup.list_id, tmp_path / "list.pdf", today=TODAY, invariant=True)
    text = " ".join(" ".join(page_texts(out)).split())
    assert "和平村党支部,区卫健局党支部" in text.replace(" ", "")
    assert "、" not in text
