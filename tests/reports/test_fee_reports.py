"""The 党费收缴表 and the 党费收缴公示 as printed: their text, and no income on the notice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.fees import FeeCategory
from pbc_desktop.reports.fees import (
    build_collection_sheet,
    build_fee_notice,
    write_notice_pdf,
    write_sheet_pdf,
)
from pbc_desktop.services.fees.collection import CollectionSheet, SheetEntry, SheetRow, save_sheet
from tests.factories import make_member, make_org
from tests.fee_factories import member_with_basis
from tests.pdf_helpers import page_texts, pdffonts_rows, signed_page, skip_without_pdffonts

FEB = date(2026, 2, 1)


@pytest.fixture
def branch(db: Database) -> int:
    org = make_org(db, "仙港村第一党支部", town="司马浦镇")
    zhang = member_with_basis(db, "张三", org, income="12345.67")  # 2 %: 246.91
    li = member_with_basis(db, "李四", org, category=FeeCategory.FARMER, income=None)
    member_with_basis(db, "王五", org, category=FeeCategory.RETIRED, income="4000")  # 20.00
    make_member(db, "赵六", org)
    save_sheet(
        db,
        org,
        FEB,
        [SheetEntry(zhang, paid=Decimal("246.91"), back=1), SheetEntry(li, paid=Decimal("0.20"))],
        paid_on=date(2026, 2, 12),
    )
    return org


def _text(path: Path) -> str:
    return "".join("".join(page_texts(path)).split())


def test_the_collection_sheet_lists_every_member_with_totals(
    db: Database, branch: int, tmp_path: Path
) -> None:
    path = build_collection_sheet(db, branch, FEB, tmp_path / "sheet.pdf", invariant=True)
    text = _text(path)
    assert "仙港村第一党支部党费收缴表（2026年2月）" in text
    assert "所在镇街：司马浦镇" in text and "应缴4人，已缴2人" in text
    for line in (
        "1李四农民0.200.202026-02-12",  # in pinyin order
        "2王五离退休20.001",  # January owed
        "3张三在职246.91246.912026-02-12",
        "4赵六未核定",
        "合计4人267.11247.11",
    ):
        assert line in text, line
    assert "收缴人（签字）" in text and "支部书记（签字）" in text
    assert "本人签字" in text


def test_the_notice_shows_standards_and_payments_but_no_income(
    db: Database, branch: int, tmp_path: Path
) -> None:
    path = build_fee_notice(
        db, branch, FEB, tmp_path / "notice.pdf", today=date(2026, 3, 1), invariant=True
    )
    text = _text(path)
    assert "仙港村第一党支部2026年2月党费收缴情况公示" in text
    assert "应缴4人，已缴2人；应缴金额267.11元，实缴金额247.11元。" in text
    assert "3张三246.91246.91已缴" in text
    assert "2王五20.00未缴，欠缴1个月" in text
    assert "4赵六未核定" in text
    assert "12,345.67" not in text and "12345.67" not in text
    assert "2026年3月1日" in text


def test_the_fonts_are_embedded(db: Database, branch: int, tmp_path: Path) -> None:
    skip_without_pdffonts()
    path = build_collection_sheet(db, branch, FEB, tmp_path / "sheet.pdf", invariant=True)
    assert all(row[-3] == "yes" for row in pdffonts_rows(path) if len(row) > 3)


def test_the_yearly_summary_lists_branches_and_town_totals(
    db: Database, branch: int, tmp_path: Path
) -> None:
    from pbc_desktop.reports.fees import build_year_summary

    other = make_org(db, "仙港村第二党支部", town="司马浦镇")
    member_with_basis(db, "钱七", other, category=FeeCategory.STUDENT, income=None)
    path = build_year_summary(
        db, 2026, tmp_path / "year.pdf", today=date(2026, 2, 28), invariant=True
    )
    text = _text(path)
    assert "全区2026年度党费收缴情况汇总表" in text
    # January and February: 张三 2 × 246.91, 李四 2 × 0.20, 王五 2 × 20.00 (赵六: no basis)
    assert "1仙港村第二党支部10.400.000.000.0%" in text
    assert "2仙港村第一党支部4534.22494.02246.9192.5%" in text
    assert "司马浦镇合计5534.62494.02246.9192.4%" in text


def test_a_yearly_summary_with_nothing_to_sum_says_so(db: Database, tmp_path: Path) -> None:
    from pbc_desktop.reports.fees import build_year_summary

    path = build_year_summary(db, 2026, tmp_path / "year.pdf", today=date(2026, 2, 28))
    assert "序号党组织党员人数" in _text(path) and "（无）" in _text(path)


def _fee_rows(n: int) -> tuple[SheetRow, ...]:
    paid = Decimal("0.20")
    return tuple(
        SheetRow(i, f"党员{i:03d}", FeeCategory.FARMER, None, paid, paid, FEB, 0, Decimal(0), 0)
        for i in range(n)
    )


def test_the_signatures_of_a_sheet_and_a_notice_keep_their_last_members(tmp_path: Path) -> None:
    """A sheet (or notice) whose members fill the first page: the signatures (the closing,
    the branch and the date) go over with its last rows, never onto a page of their own."""
    for write, mark, counts in (
        (write_sheet_pdf, "收缴人（签字）", range(22, 25)),
        (write_notice_pdf, "2026年3月1日", range(18, 21)),
    ):
        on_page: set[int] = set()
        for count in counts:
            sheet = CollectionSheet(1, "仙港村第一党支部", None, FEB, _fee_rows(count))
            extra = {"today": date(2026, 3, 1)} if write is write_notice_pdf else {}
            path = write(sheet, tmp_path / f"{count}.pdf", invariant=True, **extra)  # type: ignore[operator]
            signed = signed_page(path, mark)
            assert "仙港村第一党支部" in signed.before + signed.after, (mark, count)
            assert f"党员{count - 1:03d}" in signed.before, (mark, count)
            on_page.add(signed.number)
        assert on_page == {1, 2}, mark
