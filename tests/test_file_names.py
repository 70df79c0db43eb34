"""File names the program proposes are names Windows takes (a community's, an
organization's or a person's name goes into them), and any path (Chinese characters,
spaces, ``#``, a network share) reaches SQLite as the file it names."""

from __future__ import annotations

import sqlite3
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog

from pbc_desktop.files import LONGEST_FILE_NAME, file_uri, safe_file_name
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
        ("城南镇/党委.pbccard", "城南镇_党委.pbccard"),
        ("城南镇党委*.pbckey", "城南镇党委_.pbckey"),
    ],
)
def test_names_windows_refuses_are_made_safe(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


def test_a_long_name_is_cut_before_its_extension() -> None:
    name = "很长的党建共同体名称" * 40 + ".pdf"  # 404 characters: Windows takes 255
    safe = safe_file_name(name)
    assert len(safe) <= LONGEST_FILE_NAME
    assert safe.endswith(".pdf") and safe.startswith("很长的党建共同体名称")
    card = safe_file_name("很长的办公室名称" * 40 + ".pbccard")
    assert len(card) <= LONGEST_FILE_NAME and card.endswith(".pbccard")
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


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        # a Windows network share: SQLite takes no authority but an empty one
        (
            PureWindowsPath(r"\\server\share\党建 #1\pbc.sqlite"),
            "file:////server/share/%E5%85%9A%E5%BB%BA%20%231/pbc.sqlite",
        ),
        (
            PureWindowsPath(r"C:\Users\张三\pbc?.sqlite"),
            "file:///C:/Users/%E5%BC%A0%E4%B8%89/pbc%3F.sqlite",
        ),
        (PurePosixPath("/media/U盘/pbc.sqlite"), "file:///media/U%E7%9B%98/pbc.sqlite"),
    ],
)
def test_sqlite_is_given_uris_it_opens(path: PurePath, uri: str) -> None:
    assert file_uri(path) == uri


def test_a_database_opened_by_uri_is_the_file_named(tmp_path: Path) -> None:
    path = tmp_path / "党建 #1?.sqlite"
    sqlite3.connect(path).close()
    conn = sqlite3.connect(file_uri(path) + "?mode=ro", uri=True)
    try:
        (name,) = [row[2] for row in conn.execute("PRAGMA database_list")]
    finally:
        conn.close()
    assert Path(name) == path


def test_a_folder_the_system_cannot_open_is_said(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[str] = []
    said: list[str] = []
    answer = [True]

    def open_url(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return answer[0]

    monkeypatch.setattr(prompts.QDesktopServices, "openUrl", open_url)
    monkeypatch.setattr(prompts.messages, "warning", lambda _p, _t, text: said.append(text))
    folder = tmp_path / "张三的 文档"  # a Chinese name with a space reaches Explorer whole
    prompts.open_folder(folder)
    assert opened == [str(folder)] and said == []
    answer[0] = False
    prompts.open_folder(tmp_path / "U盘")
    assert len(said) == 1 and "U盘" in said[0] and "拔出" in said[0]
