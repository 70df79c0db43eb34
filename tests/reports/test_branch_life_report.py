"""The 三会一课 通报 on paper: a long table starts below the summary, on its first page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pbc_desktop.db.engine import Database
from pbc_desktop.reports.branch_life import build_branch_life_notice
from tests.factories import make_orgs
from tests.pdf_helpers import page_texts


def test_a_long_table_starts_on_the_first_page(db: Database, tmp_path: Path) -> None:
    """With 40 branches behind, the heading took the whole table to page 2 and left page 1
    holding only the title and a sentence."""
    make_orgs(db, *(f"第{i}村党支部" for i in range(1, 41)), town="甲镇")
    out = build_branch_life_notice(
        db, 2026, tmp_path / "通报.pdf", today=date(2026, 5, 25), invariant=True
    )
    pages = [text.replace(" ", "").replace("\n", "") for text in page_texts(out)]
    assert len(pages) > 2
    assert "一、本年度未按要求落实的党支部" in pages[0]
    assert "第1村党支部" in pages[0]
    assert "第40村党支部" not in pages[0]
