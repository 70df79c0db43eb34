"""The 民主评议党员结果表 with long names and party posts: each wraps inside its column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.appraisals import AppraisalGrade
from pbc_desktop.reports.appraisal_sheet import build_appraisal_sheet
from pbc_desktop.reports.layout import PORTRAIT
from pbc_desktop.services.appraisals.grid import AppraisalInput, save_appraisal
from tests.factories import make_member, make_org
from tests.pdf_helpers import overprinted, page_texts, signed_page, text_runs

ORG = ("汕头市潮南区成田镇上盐村第一经济合作社联合党建共同体" * 3)[:57] + "党支部"
NAME = "阿卜杜热合曼·阿卜杜拉·买买提明·艾合买提江"
POST = "支部委员会组织委员兼纪检委员兼宣传委员兼青年委员兼妇女委员兼统战委员兼保密委员"


def test_long_names_and_posts_wrap_inside_their_cells(db: Database, tmp_path: Path) -> None:
    """The cells were plain strings: a name of 22 characters ran over the 类别 column and
    out of the table to the left, a long post off the right of the page."""
    org = make_org(db, ORG)
    member = make_member(db, NAME, org, joined_on=date(2000, 7, 1), party_post=POST)
    make_member(db, NAME + "二", org, joined_on=date(2001, 7, 1))
    save_appraisal(
        db,
        AppraisalInput(
            org,
            2025,
            date(2025, 12, 20),
            remark="备" * 200,
            grades={member: AppraisalGrade.EXCELLENT},
        ),
    )
    path = build_appraisal_sheet(db, org, 2025, tmp_path / "评议.pdf", invariant=True)
    [page] = page_texts(path)
    flat = "".join(page.split())
    for text in (ORG, NAME, NAME + "二", POST, "备" * 200, "优秀", "未评定"):
        assert text in flat, text
    left, right = PORTRAIT.left, PORTRAIT.left + PORTRAIT.text_width
    for run in text_runs(path):
        assert left - 1 <= run.x and run.x + run.width <= right + 1, run
    assert overprinted(path) == []


def test_the_signatures_keep_the_last_members_on_their_page(tmp_path: Path) -> None:
    """Members filling the first page: the signatures go over with the last of them."""
    from pbc_desktop.domain.enums import MemberCategory
    from pbc_desktop.reports.appraisal_sheet import write_appraisal_sheet
    from pbc_desktop.services.appraisals.grid import AppraisalGrid, GridRow

    on_page: set[int] = set()
    for count in range(19, 22):
        rows = tuple(
            GridRow(i, f"党员{i:02d}", next(iter(MemberCategory)), None, AppraisalGrade.EXCELLENT)
            for i in range(count)
        )
        grid = AppraisalGrid(1, "某党支部", None, 2026, date(2026, 1, 5), None, None, rows)
        path = write_appraisal_sheet(grid, tmp_path / f"{count}.pdf", invariant=True)
        signed = signed_page(path, "党组织书记（签字）")
        assert "民主评议党员结果表" in signed.text, count
        assert f"党员{count - 1:02d}" in signed.before, count
        on_page.add(signed.number)
    assert on_page == {1, 2}


def test_an_organization_without_members_says_so(db: Database, tmp_path: Path) -> None:
    """A town's 党委 (its members are in its branches) printed a table of headings only."""
    org = make_org(db, "甲镇党委")
    path = build_appraisal_sheet(db, org, 2025, tmp_path / "评议.pdf", invariant=True)
    [page] = page_texts(path)
    assert "（无）" in page
    assert "参加评议党员0名" in "".join(page.split())
