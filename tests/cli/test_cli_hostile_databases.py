"""``--db`` naming what is no usable database: an empty file, a text file, a truncated
copy, a folder, a file that is not there. Every command refuses it with one sentence and
status 2 and leaves the file as it was (an empty file was made into a new, empty office
database by any command, which then asked for a first administrator)."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import pytest

from pbc_desktop import cli
from pbc_desktop.db.checked_stamp import stamp_file
from pbc_desktop.db.engine import Database
from pbc_desktop.logging_setup import log_file

pytestmark = pytest.mark.sqlite_only("about the database file itself")

COMMANDS = {
    "info": ["info"],
    "communities": ["communities"],
    "backup": ["backup"],
    "user list": ["user", "list"],
    "audit verify": ["audit", "verify"],
    "export-members": ["export-members", "{tmp}/党员.xlsx"],
    "report minutes": ["report", "minutes", "--activity", "1", "-o", "{tmp}/纪要.pdf"],
}
FILES = {
    "an empty file": "是空的（0 字节），不是数据库",
    "a text file": "不是本程序可用的数据库，或已损坏",
    "a truncated copy": "已损坏：完整性检查没有通过",
    "a folder": "是一个文件夹，不是数据库文件",
    "no file": "找不到数据库文件",
}


def make(kind: str, place: Path, db: Database) -> Path:
    path = place / "pbc.sqlite"
    if kind == "an empty file":
        path.write_bytes(b"")
    elif kind == "a text file":
        path.write_text("姓名,身份证号\n", encoding="utf-8")
    elif kind == "a truncated copy":
        assert db.path is not None
        db.dispose()  # its -wal written back into the file first
        shutil.copyfile(db.path, path)
        with path.open("r+b") as f:
            f.truncate(path.stat().st_size // 2)
    elif kind == "a folder":
        path.mkdir()
    return path


def fingerprint(path: Path) -> str:
    if path.is_dir():
        return "folder:" + ",".join(sorted(p.name for p in path.iterdir()))
    if not path.exists():
        return "none"
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", sorted(FILES))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_database_that_is_none_is_one_sentence_and_left_as_it_was(
    command: str,
    kind: str,
    db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    place = tmp_path / "place"
    out = tmp_path / "out"
    place.mkdir()
    out.mkdir()
    path = make(kind, place, db)
    before = fingerprint(path)
    argv = [a.replace("{tmp}", str(out)) for a in COMMANDS[command]]
    code = cli.main([*argv, "--db", str(path)])
    said, err = capsys.readouterr()
    assert (code, said) == (2, ""), err
    assert err.count("\n") == 1 and FILES[kind] in err, err
    assert fingerprint(path) == before
    assert not (place / "pbc.sqlite-wal").exists()
    assert not any(out.iterdir())


def test_a_backup_is_restored_over_an_empty_file(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty file is what a failed copy leaves: the restore that recovers it still works."""
    assert db.path is not None
    db.dispose()
    path = tmp_path / "lost.sqlite"
    path.write_bytes(b"")
    assert cli.main(["restore", str(db.path), "--yes", "--db", str(path)]) == 0, (
        capsys.readouterr().err
    )
    assert cli.main(["info", "--db", str(path)]) == 0, capsys.readouterr().err


#: A file name of bytes that are not UTF-8, as Linux and macOS allow (Python reads them as
#: lone surrogates); Windows names are always Unicode.
NOT_UTF8 = "\udcff\udcfe坏名"
not_on_windows = pytest.mark.skipif(sys.platform == "win32", reason="names are Unicode there")


@not_on_windows
@pytest.mark.parametrize("command", ["info", "restore"])
def test_a_database_named_in_bytes_that_are_not_utf8_is_one_sentence(
    command: str, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both reached the user as an internal error (the name had no URL)."""
    assert db.path is not None
    db.dispose()
    odd = tmp_path / f"{NOT_UTF8}.sqlite"
    shutil.copyfile(db.path, odd)
    before = fingerprint(db.path), fingerprint(odd)
    argv = ["info", "--db", str(odd)]
    if command == "restore":
        argv = ["restore", str(odd), "--yes", "--db", str(db.path)]
    code = cli.main(argv)
    said, err = capsys.readouterr()
    assert (code, said) == (2, ""), err
    assert err.count("\n") == 1 and "中有无法识别的字符" in err and "\\xff\\xfe坏名" in err, err
    assert (fingerprint(db.path), fingerprint(odd)) == before


@not_on_windows
def test_a_backup_into_a_folder_named_in_bytes_that_are_not_utf8_says_nothing_more(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The copy was made, and a "--- Logging error ---" traceback followed it on the screen
    (the log line naming the folder could not be written)."""
    folder = tmp_path / NOT_UTF8
    folder.mkdir()
    assert cli.main(["backup", "--to", str(folder), "--db", str(db.path)]) == 0
    said, err = capsys.readouterr()
    assert err == "" and said.strip().endswith(".sqlite") and len(list(folder.iterdir())) == 1
    assert "\\udcff\\udcfe坏名" in log_file().read_text(encoding="utf-8")


READ_ONLY = ("an empty file", "a text file", "a truncated copy")


@pytest.mark.parametrize("kind", READ_ONLY)
@pytest.mark.parametrize("command", ["info", "communities"])
def test_a_read_only_file_that_is_no_usable_database_is_one_sentence(
    command: str, kind: str, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A read-only file (a write-protected stick) is only read: it had none of the checks a
    file that may be written has, and each of these was an internal error."""
    path = make(kind, tmp_path, db)
    path.chmod(0o444)
    before = fingerprint(path)
    code = cli.main([command, "--db", str(path)])
    said, err = capsys.readouterr()
    assert (code, said) == (2, ""), err
    assert err.count("\n") == 1 and FILES[kind] in err, err
    assert fingerprint(path) == before
    assert not stamp_file(path).exists()  # nothing written beside a file only read


@pytest.mark.parametrize(
    "options",
    [
        ["--office", "上底村党委", "--level", "village", "--organization", "不存在的党支部"],
        ["--office", "和平镇党委", "--level", "town"],
        ["--name", "张" * 61],
    ],
)
def test_a_refused_init_leaves_nothing_in_the_folder(
    options: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The new file went, and its lock file and holders' folder stayed behind."""
    place = tmp_path / "new"
    place.mkdir()
    code = cli.main(["init", "--db", str(place / "pbc.sqlite"), "--admin", "li", *options])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1, err
    assert sorted(p.name for p in place.iterdir()) == []
