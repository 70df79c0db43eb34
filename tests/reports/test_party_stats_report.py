"""The 党内统计表 PDF in both languages: its title and running head."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from pbc_desktop import lang
from pbc_desktop.reports.party_stats import build_party_stats_pdf
from pbc_desktop.services.party_stats.tables import PartyStatistics, StatRow, StatTable
from tests.pdf_helpers import page_texts


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
