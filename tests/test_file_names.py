"""File names the program proposes are names Windows takes (a community's, an
organization's or a person's name goes into them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from pbc_desktop.files import LONGEST_FILE_NAME, safe_file_name
from pbc_desktop.ui.common import prompts


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("城南社区党建共同体.pdf", "城南社区党建共同体.pdf"),
        ('第2026/007号<联建>:"通报"?*|\\.pdf', "第2026_007号_联建___通报_____.pdf"),
        ("共建清单 . .pdf", "共建清单.pdf"),  # Windows drops trailing dots and spaces
        ("  前后空格  ", "前后空格"),
        ("名称以点结尾...", "名称以点结尾"),
        ("CON.pdf", "_CON.pdf"),
        ("con.2026.pdf", "_con.2026.pdf"),
        ("Nul", "_Nul"),
        ("COM1 .xlsx", "_COM1.xlsx"),
        ("LPT9.pbcx", "_LPT9.pbcx"),
        ("CONSOLE.pdf", "CONSOLE.pdf"),
        ("COM10.pdf", "COM10.pdf"),
        ("行\t换\n行.pdf", "行_换_行.pdf"),
        ("...", "_"),
        ("", "_"),
        ("Mr. Wang", "Mr. Wang"),  # no extension: the dot is the name's own
    ],
)
def test_names_windows_refuses_are_made_safe(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


def test_a_long_name_is_cut_before_its_extension() -> None:
    name = "很长的党建共同体名称" * 40 + ".pdf"  # 404 characters: Windows takes 255
    safe = safe_file_name(name)
    assert len(safe) <= LONGEST_FILE_NAME
    assert safe.endswith(".pdf") and safe.startswith("很长的党建共同体名称")
    # cut where the name has a dot and a space: Windows would drop them, so they go
    cut = safe_file_name("甲" * (LONGEST_FILE_NAME - 7) + ". 乙" * 10 + ".xlsx")
    assert cut == "甲" * (LONGEST_FILE_NAME - 7) + ".xlsx"


def test_suggested_file_is_one_name_in_documents(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(prompts, "documents_dir", lambda: tmp_path)
    assert prompts.suggested_file("2026/007 通报.pdf") == tmp_path / "2026_007 通报.pdf"
    assert prompts.suggested_file("AUX.pdf").parent == tmp_path


def test_the_save_dialog_is_offered_a_name_windows_takes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    offered: list[str] = []

    def fake(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    prompts.ask_save_path(None, "Save", tmp_path / ("PRN." + "长" * 300 + ".pdf"))
    proposed = Path(offered[0])
    assert proposed.parent == tmp_path
    assert proposed.name.startswith("_PRN.") and proposed.name.endswith(".pdf")
    assert len(proposed.name) <= LONGEST_FILE_NAME
