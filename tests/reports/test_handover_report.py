"""The 数据移交单: who, when, the fingerprints, the counts per record type, what was left
out, the signature lines; Chinese in an embedded font, on one page."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pbc_desktop import lang
from pbc_desktop.domain.audit_entries import RECORD_TYPES
from pbc_desktop.domain.exchange import READING_ORDER
from pbc_desktop.reports import layout
from pbc_desktop.reports.handover import write_handover_pdf
from pbc_desktop.services.exchange import records
from pbc_desktop.services.exchange.log import HandoverSheet
from tests.pdf_helpers import (
    page_texts,
    past_right_margin,
    pdffonts_rows,
    signed_page,
    skip_without_pdffonts,
)

AT = datetime(2026, 12, 1, 2, 30, tzinfo=UTC)


def _sheet(*, received: bool) -> HandoverSheet:
    counts = (
        {"party_member": {"new": 3, "changed": 2, "conflict": 1}, "activity": {"unchanged": 7}}
        if received
        else {"party_member": {"rows": 5}, "activity": {"rows": 7}, "score": {"rows": 0}}
    )
    return HandoverSheet(
        received=received,
        sender="上底村党委",
        sender_fingerprint="3F2A 9C01 0000 1111 2222 3333 4444 5555 6666 7777",
        recipient="和平镇党委",
        recipient_fingerprint="AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111 2222 3333",
        package_uuid="2a7c1a90-1f7b-4f43-8a52-93a0f1e0a002",
        package_fingerprint="9999 8888 7777 6666 5555 4444 3333 2222 1111 0000",
        created_at=AT,
        handled_at=AT,
        handled_by="张三(镇党委组织委员)",
        encrypted=True,
        counts=counts,
        left_out=("党员身份证号、联系电话只向上级报送,本数据包未包含。",),
        conflicts=1 if received else 0,
    )


def test_every_travelling_record_type_has_a_name_and_a_place() -> None:
    travelling = {shape.name for shape in records.exchanged_tables()}
    assert travelling <= set(RECORD_TYPES)
    assert travelling == set(READING_ORDER)


def test_a_sent_package_sheet(tmp_path: Path) -> None:
    out = write_handover_pdf(_sheet(received=False), tmp_path / "sent.pdf", invariant=True)
    text = "".join(page_texts(out))
    flat = text.replace(" ", "").replace("\n", "")
    for words in ("党建共同体数据移交单", "上底村党委", "和平镇党委", "移交人", "接收人", "加密"):
        assert words in flat
    assert "99998888777766665555" in flat  # the package's fingerprint
    assert "党员5" in flat and "活动7" in flat and "合计12" in flat
    assert "评分" not in flat  # nothing of that kind: no row
    assert "身份证号" in flat


def test_a_received_package_sheet_counts_each_change(tmp_path: Path) -> None:
    out = write_handover_pdf(_sheet(received=True), tmp_path / "in.pdf", invariant=True)
    text = "".join(page_texts(out))
    flat = text.replace(" ", "").replace("\n", "")
    assert "新增修改未变冲突删除" in flat
    assert "党员32010" in flat
    assert "冲突清单" in flat


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_sample_sheets_fit_one_page(tmp_path: Path, language: str) -> None:
    """In English too: its signers stood one below the other at 三号 and its labels took
    a wide column, and the sheet ran to a second page."""
    lang.set_language(language)
    for received in (False, True):
        out = write_handover_pdf(_sheet(received=received), tmp_path / "x.pdf", invariant=True)
        assert len(page_texts(out)) == 1, received
        assert past_right_margin(out, layout.PORTRAIT.right) == [], received


def test_fonts_are_embedded(tmp_path: Path) -> None:
    skip_without_pdffonts()
    out = write_handover_pdf(_sheet(received=True), tmp_path / "in.pdf", invariant=True)
    assert all(row[-5] == "yes" or "yes" in row for row in pdffonts_rows(out))


def test_labels_and_fingerprints_are_not_broken_across_lines(tmp_path: Path) -> None:
    out = write_handover_pdf(_sheet(received=True), tmp_path / "in.pdf", invariant=True)
    lines = [line.strip() for line in "".join(page_texts(out)).splitlines()]
    for label in ("移交单位指纹", "接收单位指纹", "数据包指纹"):
        assert any(label in line for line in lines), label
    # five groups to a line, as the office card and the offices window show them
    for halves in (
        ("3F2A 9C01 0000 1111 2222", "3333 4444 5555 6666 7777"),
        ("9999 8888 7777 6666 5555", "4444 3333 2222 1111 0000"),
    ):
        for half in halves:
            assert any(line.endswith(half) for line in lines), half


def test_the_signatures_keep_the_notes_and_the_last_counts_on_their_page(tmp_path: Path) -> None:
    """Counts and notes filling a page: the signatures go over with the notes and the last
    counts, never onto a page of their own."""
    notes = tuple(f"第{i}条说明：本数据包未包含该项个人信息，请向上级索取。" * 2 for i in range(6))
    pages_seen: set[int] = set()
    for kinds in range(37, 40):
        counts = {kind: {"rows": 3} for kind in READING_ORDER[:kinds]}
        sheet = replace(_sheet(received=False), counts=counts, left_out=notes)
        path = write_handover_pdf(sheet, tmp_path / f"{kinds}.pdf", invariant=True)
        signed = signed_page(path, "移交人（签字）")
        assert "党建共同体数据移交单" in signed.text, kinds
        before = signed.before
        assert f"合计{3 * kinds}第0条说明" in before and "第5条说明" in before, kinds
        pages_seen.add(len(page_texts(path)))
    assert len(pages_seen) == 2


def test_english_labels_break_between_words(tmp_path: Path) -> None:
    """ReportLab's CJK line breaking cut the English labels inside their words:
    "Package finge" / "rprint", "Unchang" / "ed"."""
    from pbc_desktop import lang

    lang.set_language("en")
    out = write_handover_pdf(_sheet(received=True), tmp_path / "en.pdf", invariant=True)
    words = set(" ".join(page_texts(out)).split())
    assert {"fingerprint", "Unchanged", "Package", "member"} <= words
    for cut in ("finge", "rprint", "Unchang", "ed", "memb", "er"):
        assert cut not in words, cut


def test_english_note_of_one_conflict_is_singular(tmp_path: Path) -> None:
    """ "1 records were changed at both ends and wait…"."""
    from pbc_desktop import lang

    lang.set_language("en")
    out = write_handover_pdf(_sheet(received=True), tmp_path / "en.pdf", invariant=True)
    text = " ".join(" ".join(page_texts(out)).split())
    assert "1 record was changed at both ends and waits in the conflict list" in text
    many = replace(_sheet(received=True), conflicts=3)
    out = write_handover_pdf(many, tmp_path / "en3.pdf", invariant=True)
    assert "3 records were changed" in " ".join(" ".join(page_texts(out)).split())


def test_an_english_sheet_wraps_long_names_between_words(tmp_path: Path) -> None:
    """ReportLab's CJK line breaking cut the English words of a long office name in its
    narrow cell ("Comm" / "unity"): an English sheet breaks its lines between words."""
    lang.set_language("en")
    sender = "Chengtian Town community volunteers programme office"
    recipient = "Heping Town Party Committee Organization Department"
    sheet = replace(_sheet(received=False), sender=sender, recipient=recipient)
    out = write_handover_pdf(sheet, tmp_path / "en.pdf", invariant=True)
    text = page_texts(out)[0]
    for name in (sender, recipient):
        assert name not in text.splitlines(), name  # it wraps…
        assert name in " ".join(text.split()), name  # …between its words, each whole


def test_an_english_sheet_of_every_record_type_takes_the_pages_of_the_chinese(
    tmp_path: Path,
) -> None:
    """A sent package of every record type (as the demo district sends a town): the
    English names of the types ("Formation or rectification step") wrapped to two or
    three lines in the Chinese sheet's narrow column, a page more than the Chinese."""
    counts = {kind: {"rows": 1} for kind in READING_ORDER}
    sheet = replace(_sheet(received=False), counts=counts)
    pages = {}
    for language in ("zh", "en"):
        lang.set_language(language)
        out = write_handover_pdf(sheet, tmp_path / f"{language}.pdf", invariant=True)
        pages[language] = len(page_texts(out))
        assert past_right_margin(out, layout.PORTRAIT.right) == [], language
    assert pages["en"] == pages["zh"], pages
