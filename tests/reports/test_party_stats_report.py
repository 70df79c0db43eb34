"""The 党内统计表 PDF (and its workbook) in both languages: title, running head, labels."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from pbc_desktop import lang
from pbc_desktop.db.engine import Database
from pbc_desktop.reports import layout
from pbc_desktop.reports.party_stats import build_party_stats_pdf
from pbc_desktop.services.party_stats.tables import (
    PartyStatistics,
    StatRow,
    StatTable,
    party_statistics,
)
from pbc_desktop.services.party_stats.workbook import write_party_stats_xlsx
from tests.demo_cache import demo_into
from tests.pdf_helpers import page_texts, past_right_margin


def _title(path: Path) -> str | None:
    meta = PdfReader(str(path)).metadata
    assert meta is not None
    return meta.title


def _stats(area: str) -> PartyStatistics:
    sex = StatTable("sex", "性别", ("人数",), (StatRow("男", (2,)), StatRow("女", (1,))), True)
    return PartyStatistics(2026, date(2026, 12, 31), area, 3, 1, (sex,))


def test_the_english_title_keeps_the_area_apart(tmp_path: Path) -> None:
    """The English title read "whole districtParty statistics 2026": the Chinese parts,
    written one after the other, ran the area into the title."""
    lang.set_language("en")
    path = build_party_stats_pdf(_stats("whole district"), tmp_path / "en.pdf", invariant=True)
    first = " ".join(page_texts(path)[0].split())
    assert "Party statistics 2026: whole district" in first
    assert "districtParty" not in first.replace(" ", "")
    assert _title(path) == "Party statistics 2026: whole district"


def test_the_chinese_title_is_unchanged(tmp_path: Path) -> None:
    lang.set_language("zh")
    path = build_party_stats_pdf(_stats("成田镇"), tmp_path / "zh.pdf", invariant=True)
    assert "成田镇党内统计表（2026年度）" in "".join(page_texts(path)[0].split())
    assert _title(path) == "成田镇党内统计表（2026年度）"


TODAY = date(2026, 6, 15)
_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\s]+", text)


def test_an_english_window_prints_the_labels_in_english(db: Database, tmp_path: Path) -> None:
    """In English the rows and columns (男/女, 30岁及以下, 党委/党支部…) stayed Chinese:
    they print in English, while the keys of the tables stay Chinese."""
    demo_into(db, today=TODAY)
    lang.set_language("en")
    stats = party_statistics(db, 2025)
    assert stats.table("sex").value("男") > 0  # the keys: unchanged
    assert "党委" in stats.table("organizations").columns
    assert "男" in stats.as_dict()["sex"]
    path = build_party_stats_pdf(stats, tmp_path / "en.pdf", invariant=True)
    text = " ".join(page_texts(path))
    words = set(_words(text))
    for table in stats.tables:
        for label in (*(r.shown for r in table.rows), *table.shown_columns):
            assert not _CJK.search(label), label
            assert set(_words(label)) <= words, label
    for label in ("Male", "Female", "Party committee", "Party branch", "Han", "Full member"):
        assert label in (r.shown for t in stats.tables for r in t.rows) or label in (
            stats.table("organizations").shown_columns
        ), label
    assert not _CJK.search(text.replace(stats.area, "")), text
    assert past_right_margin(path, layout.PORTRAIT.right) == []


def test_the_workbook_follows_the_window_language_as_the_pdf(db: Database, tmp_path: Path) -> None:
    """The workbook speaks the window's language as the PDF does: English titles, headers
    and labels in an English window, the forms' Chinese otherwise."""
    demo_into(db, today=TODAY)
    for language, male, committee in (("en", "Male", "Party committee"), ("zh", "男", "党委")):
        lang.set_language(language)
        stats = party_statistics(db, 2025)
        out = write_party_stats_xlsx(stats, tmp_path / f"{language}.xlsx")
        ws = load_workbook(out).active
        assert ws is not None
        cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
        assert male in cells and committee in cells, language
        if language == "en":
            shown = [c for c in cells if c != stats.area and not c.startswith(stats.area)]
            assert not [c for c in shown if _CJK.search(c)], language


def test_each_organizations_workbook_and_pdf_show_a_move_in_the_member_editor(
    db: Database, tmp_path: Path
) -> None:
    """A member moved to another branch in the member editor: the old branch's table of
    the year says 转出 1, the new one's 转入 1, each beside its members at the year's end
    (without a change recorded, neither said anything and the counts did not add up)."""
    from dataclasses import replace

    from pbc_desktop.services import member_editing
    from tests.factories import complete_fields, make_org

    old, new = make_org(db, "上底村党支部"), make_org(db, "下底村党支部")
    ids = [
        member_editing.create_member(
            db, member_editing.MemberInput(name=name, organization_id=org, **complete_fields())
        )
        for name, org in (("张三", old), ("李四", old), ("王五", new))
    ]
    data = member_editing.get_member_input(db, ids[0])
    member_editing.update_member(
        db, ids[0], replace(data, organization_id=new), moved_on=date(2025, 6, 1)
    )
    for org, name, members, moved in (
        (old, "上底村党支部", 1, "转出"),
        (new, "下底村党支部", 2, "转入"),
    ):
        stats = party_statistics(db, 2025, organization_id=org)
        ws = load_workbook(write_party_stats_xlsx(stats, tmp_path / f"{org}.xlsx")).active
        assert ws is not None
        rows = {
            str(row[0].value): row[1].value for row in ws.iter_rows() if row[0].value is not None
        }
        assert rows[f"{name}党内统计表（2025年度）"] is None
        assert f"党员{members}名" in str(ws.cell(row=2, column=1).value)
        assert rows[moved] == 1
        other = "转入" if moved == "转出" else "转出"
        assert rows[other] == 0
        pages = page_texts(build_party_stats_pdf(stats, tmp_path / f"{org}.pdf"))
        assert f"党员{members}名" in "".join(pages).replace(" ", "")
        lines = [line.strip() for line in pages[-1].splitlines()]  # the changes: last
        assert lines[lines.index(moved) + 1] == "1"
        assert lines[lines.index(other) + 1] == "0"
