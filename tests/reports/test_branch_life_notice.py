"""The 三会一课 notice (通报) around its page boundaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pbc_desktop.domain.branch_life import kind_compliance
from pbc_desktop.domain.enums import ActivityKind
from pbc_desktop.reports import branch_life, layout
from pbc_desktop.services.branch_life.compliance import BranchYear, TownYear
from tests.pdf_helpers import page_texts, signed_page

TODAY = date(2026, 7, 15)
KINDS = (ActivityKind.THEME_PARTY_DAY, ActivityKind.THEME_LESSON)


def _town(branches: int) -> TownYear:
    """Branches that missed every meeting so far and have this month's still to hold."""
    return TownYear(
        2026,
        TODAY,
        tuple(
            BranchYear(
                n,
                f"第{n}村党支部",
                "和平镇",
                2026,
                tuple(kind_compliance(kind, 1, [0] * 12, 2026, TODAY) for kind in KINDS),
            )
            for n in range(1, branches + 1)
        ),
    )


def test_the_office_signs_below_the_last_branches_never_alone(tmp_path: Path) -> None:
    """With 8 or 25 branches the office and the date fell alone onto a page of their own;
    now the last branches go over with them (and each section heading with its rows)."""
    pages_seen = set()
    for branches in (7, 8, 9, 24, 25, 26, 27):
        story, styles = branch_life.build_story(_town(branches), "和平镇")
        path = layout.build_pdf(
            tmp_path / f"{branches}.pdf", story, styles, title="通报", invariant=True
        )
        signed = signed_page(path, "和平镇党建工作办公室")
        assert signed.before.endswith(f"第{branches}村党支部和平镇主题党日、主题党课（7月31日前）")
        heading = signed_page(path, "二、本期尚未召开的会议")
        assert heading.after.startswith("序号党支部镇街待开会议1第1村党支部"), branches
        pages_seen.add(len(page_texts(path)))
    assert len(pages_seen) >= 3


def test_the_english_notice_has_no_chinese_date_or_semicolons(tmp_path: Path) -> None:
    """In English the office signed "the district Party office    2026年7月15日" and the
    kinds missed were parted by "；"."""
    from pbc_desktop import lang

    lang.set_language("en")
    behind = BranchYear(
        1,
        "第1村党支部",
        "和平镇",
        2026,
        tuple(kind_compliance(kind, 1, [0] * 12, 2026, TODAY) for kind in KINDS),
    )
    assert "；" not in branch_life.behind_text(behind)
    assert "; " in branch_life.behind_text(behind)
    story, styles = branch_life.build_story(_town(3), "the district")
    path = layout.build_pdf(
        tmp_path / "en.pdf", story, styles, title="notice", invariant=True, english=True
    )
    text = " ".join(" ".join(page_texts(path)).split())
    assert "The district Party office 2026-07-15" in text
    for word in ("年", "月", "日", "；"):
        assert word not in text, word


def test_the_english_notice_starts_the_area_with_a_capital_where_it_starts_a_line(
    tmp_path: Path,
) -> None:
    # The office signed "the district Party office" and the title ended ": the district".
    from pbc_desktop import lang

    lang.set_language("en")
    assert branch_life.notice_title("the district", 2026) == "Branch meetings in 2026: The district"
    story, styles = branch_life.build_story(_town(3), "the district")
    path = layout.build_pdf(tmp_path / "en.pdf", story, styles, title="notice", english=True)
    text = "\n".join(page_texts(path))
    assert "The district Party office" in text
    assert "As of" in text and "the district has 3 Party branches" in text  # mid-sentence
