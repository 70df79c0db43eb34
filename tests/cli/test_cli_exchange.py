"""``pbc office`` and ``pbc exchange``: two offices set up from the command line exchange a
package through a folder as two PCs would; every refusal is one sentence and exit 2."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from pbc_desktop.cli import main
from pbc_desktop.services.exchange.package_crypto import MAGIC
from tests.conftest import TEST_ADMIN, TEST_PASSWORD
from tests.pdf_helpers import page_texts


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _init(capsys: pytest.CaptureFixture[str], path: Path, *office: str) -> None:
    code, out, err = run(capsys, "init", "--db", str(path), "--admin", TEST_ADMIN, *office)
    assert code == 0, err
    assert "指纹" in out


@pytest.fixture
def offices(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, Path]:
    """A village and a town, each with its office, each registered at the other."""
    village, town = tmp_path / "pc1" / "village.sqlite", tmp_path / "pc2" / "town.sqlite"
    village.parent.mkdir()
    town.parent.mkdir()
    _init(capsys, village, "--office", "上底村党委", "--level", "village")
    _init(capsys, town, "--office", "和平镇党委", "--level", "town", "--town", "和平镇")
    usb = tmp_path / "usb"
    usb.mkdir()
    for db, card in ((village, usb / "village.card"), (town, usb / "town.card")):
        code, _, err = run(capsys, "office", "card", "--db", str(db), "-o", str(card))
        assert code == 0, err
    for db, card in ((village, usb / "town.card"), (town, usb / "village.card")):
        code, out, err = run(capsys, "office", "register", "--db", str(db), str(card), "--yes")
        assert code == 0 and "已登记" in out, err
    return village, town


def test_a_package_is_encrypted_unless_asked_plain(
    capsys: pytest.CaptureFixture[str], offices: tuple[Path, Path], tmp_path: Path
) -> None:
    """As in the window: a package going up carries every ID number and phone, so the
    command encrypts it to its recipient unless told --plain (a plain one is a ZIP)."""
    village, _town = offices
    usb = tmp_path / "usb"
    written = {}
    for name, extra in (("default", ()), ("encrypt", ("--encrypt",)), ("plain", ("--plain",))):
        path = usb / f"{name}.pbcx"
        code, _, err = run(
            capsys, "exchange", "export", "--db", str(village), "--to", "和平镇党委",
            "-o", str(path), "--all", *extra,
        )  # fmt: skip
        assert code == 0, err
        written[name] = path.read_bytes()[:8]
    assert written["default"] == written["encrypt"] == MAGIC
    assert written["plain"].startswith(b"PK\x03\x04")
    code, _, err = run(
        capsys, "exchange", "export", "--db", str(village), "--to", "和平镇党委",
        "-o", str(usb / "both.pbcx"), "--encrypt", "--plain",
    )  # fmt: skip
    assert code == 2 and "--plain" in err


def test_show_and_list(capsys: pytest.CaptureFixture[str], offices: tuple[Path, Path]) -> None:
    village, _town = offices
    code, out, _ = run(capsys, "office", "show", "--db", str(village), "--json")
    shown = json.loads(out)
    assert (code, shown["name"], shown["level"], shown["keys_here"]) == (
        0,
        "上底村党委",
        "village",
        True,
    )
    code, out, _ = run(capsys, "office", "list", "--db", str(village))
    assert code == 0 and "上底村党委" in out and "和平镇党委" in out
    assert shown["fingerprint"] in out


def test_a_package_goes_up_through_a_folder(
    capsys: pytest.CaptureFixture[str], offices: tuple[Path, Path], tmp_path: Path
) -> None:
    village, town = offices
    package = tmp_path / "usb" / "up.pbcx"
    code, out, err = run(
        capsys, "exchange", "export", "--db", str(village), "--to", "和平镇党委",
        "-o", str(package), "--encrypt", "--sheet", str(tmp_path / "移交单-发送.pdf"),
    )  # fmt: skip
    assert code == 0, err
    assert "数据包指纹" in out
    sent_text = "".join(page_texts(tmp_path / "移交单-发送.pdf")).replace(" ", "")
    assert "上底村党委" in sent_text and "和平镇党委" in sent_text
    code, out, err = run(capsys, "exchange", "import", "--db", str(town), str(package), "--dry-run")
    assert code == 0, err
    assert "试运行" in out
    code, out, err = run(
        capsys, "exchange", "import", "--db", str(town), str(package), "--dry-run",
        "--sheet", str(tmp_path / "none.pdf"),
    )  # fmt: skip
    assert code == 2 and "--sheet" in err and not (tmp_path / "none.pdf").exists()
    received_sheet = tmp_path / "移交单-接收.pdf"
    code, out, err = run(
        capsys, "exchange", "import", "--db", str(town), str(package),
        "--sheet", str(received_sheet),
    )  # fmt: skip
    assert code == 0, err
    assert "数据移交单已保存" in out
    text = "".join(page_texts(received_sheet)).replace(" ", "").replace("\n", "")
    assert "数据移交单" in text and "上底村党委" in text and "和平镇党委" in text
    fingerprint = next(ln for ln in out.splitlines() if ln.startswith("数据包指纹"))
    assert fingerprint.split("：")[1].replace(" ", "") in text
    code, out, _ = run(capsys, "exchange", "import", "--db", str(town), str(package))
    assert code == 0 and "接收过" in out  # the same package twice: nothing changes
    code, out, _ = run(capsys, "exchange", "log", "--db", str(town))
    assert code == 0 and "上底村党委" in out and "接收" in out


def test_an_import_can_be_tied_to_its_dry_run_by_the_fingerprint(
    capsys: pytest.CaptureFixture[str], offices: tuple[Path, Path], tmp_path: Path
) -> None:
    """A dry run, then the import: nothing tied them, so a file replaced in between (the
    sender's next package saved under the same name) was received unseen. The dry run
    prints the fingerprint to give --expect-fingerprint; another file is refused."""
    village, town = offices
    package, later = tmp_path / "usb" / "up.pbcx", tmp_path / "usb" / "later.pbcx"
    for path in (package, later):
        code, _, err = run(
            capsys, "exchange", "export", "--db", str(village), "--to", "和平镇党委",
            "-o", str(path), "--all",
        )  # fmt: skip
        assert code == 0, err
    code, out, err = run(capsys, "exchange", "import", "--db", str(town), str(package), "--dry-run")
    assert code == 0, err
    shown = next(ln for ln in out.splitlines() if ln.startswith("数据包指纹：")).split("：")[1]
    compact = shown.replace(" ", "")
    assert f"接收时加上 --expect-fingerprint {compact}，" in out
    kept = package.read_bytes()
    later.replace(package)
    code, out, err = run(
        capsys, "exchange", "import", "--db", str(town), str(package),
        "--expect-fingerprint", compact,
    )  # fmt: skip
    assert code == 2 and out == ""
    assert err.startswith("错误：数据包“up.pbcx”的指纹是 ") and err.count("\n") == 1
    assert f"不是 --expect-fingerprint 给出的 {shown}，没有接收。" in err
    code, out, _ = run(capsys, "exchange", "log", "--db", str(town))
    assert "接收" not in out.split("\n", 1)[1]  # nothing received
    code, out, err = run(  # a dry run checks it too
        capsys, "exchange", "import", "--db", str(town), str(package), "--dry-run",
        "--expect-fingerprint", compact,
    )  # fmt: skip
    assert code == 2 and "没有接收" in err
    package.write_bytes(kept)  # the package previewed, given as the sheet prints it
    code, out, err = run(
        capsys, "exchange", "import", "--db", str(town), str(package),
        "--expect-fingerprint", shown.lower(),
    )  # fmt: skip
    assert code == 0, err
    assert f"数据包指纹：{shown}" in out


@pytest.mark.parametrize("given", ["", "ABCD", "G" * 40, "A" * 41])
def test_an_expected_fingerprint_that_is_none_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, given: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["exchange", "import", str(tmp_path / "up.pbcx"), "--expect-fingerprint", given])
    assert stopped.value.code == 2
    assert "40 个十六进制数字" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("exchange", "export", "--to", "不存在的单位", "-o", "x.pbcx"), "没有登记"),
        (
            ("exchange", "import", "missing.pbcx"),
            "无法读取数据包“missing.pbcx”：文件或文件夹不存在",
        ),
        (("exchange", "import", "."), "这是一个文件夹，不是文件"),
        (("office", "register", "missing.card", "--yes"), "文件或文件夹不存在"),
        (("office", "create", "--office", "再来", "--level", "district"), "已经设置"),
    ],
)
@pytest.mark.usefixtures("in_tmp")
def test_refusals_are_one_sentence_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    offices: tuple[Path, Path],
    args: tuple[str, ...],
    words: str,
) -> None:
    village, _ = offices
    code, _, err = run(capsys, *args, "--db", str(village))
    assert code == 2
    assert words in err
    assert "Traceback" not in err
    assert err.strip().count("\n") == 0


def test_a_package_from_an_unregistered_office_is_refused(
    capsys: pytest.CaptureFixture[str], offices: tuple[Path, Path], tmp_path: Path
) -> None:
    village, _town = offices
    stranger = tmp_path / "pc3" / "stranger.sqlite"
    stranger.parent.mkdir()
    _init(capsys, stranger, "--office", "陌生单位", "--level", "town", "--town", "甲镇")
    card = tmp_path / "usb" / "village.card"
    run(capsys, "office", "register", "--db", str(stranger), str(card), "--yes")
    package = tmp_path / "usb" / "odd.pbcx"
    code, _, err = run(
        capsys,
        "exchange",
        "export",
        "--db",
        str(stranger),
        "--to",
        "上底村党委",
        "-o",
        str(package),
    )
    assert code == 0, err
    code, _, err = run(capsys, "exchange", "import", "--db", str(village), str(package))
    assert code == 2 and "登记" in err


def test_keys_export_and_import_with_a_passphrase(
    capsys: pytest.CaptureFixture[str],
    offices: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    village, _ = offices
    out_file = tmp_path / "usb" / "keys.pem"
    monkeypatch.setenv("PBC_KEY_PASSPHRASE", "a long passphrase")
    code, _, err = run(capsys, "office", "export-key", "--db", str(village), "-o", str(out_file))
    assert code == 0, err
    Path(str(village) + ".office-key").unlink()  # the database moved without its key file
    code, out, _ = run(capsys, "office", "show", "--db", str(village))
    assert "没有本单位的密钥文件" in out and "pbc office import-key" in out
    package = tmp_path / "usb" / "up.pbcx"
    code, _, err = run(
        capsys, "exchange", "export", "--db", str(village), "--to", "和平镇党委", "-o", str(package)
    )
    assert code == 2 and "导入密钥" in err and not package.exists()
    code, _, err = run(capsys, "office", "import-key", "--db", str(village), str(out_file))
    assert code == 0, err
    monkeypatch.setenv("PBC_KEY_PASSPHRASE", "wrong passphrase")
    code, _, err = run(capsys, "office", "import-key", "--db", str(village), str(out_file))
    assert code == 2 and "口令错误" in err
    assert TEST_PASSWORD not in err


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="a pipe named by a path")
@pytest.mark.parametrize("action", ["register", "import-key"])
def test_a_card_or_key_file_from_a_pipe_is_refused_as_no_regular_file(
    capsys: pytest.CaptureFixture[str],
    offices: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    action: str,
) -> None:
    """``pbc office register FIFO`` (a named pipe nobody writes) waited without end: a path
    that is no regular file is refused before it is opened, as restore and import refuse
    it. (A pipe with the card in it stands for the FIFO here: read, it was registered.)"""
    village, town = offices
    monkeypatch.setenv("PBC_KEY_PASSPHRASE", "a long passphrase")
    source = tmp_path / "usb" / ("new.card" if action == "register" else "keys.pem")
    if action == "register":
        code, _, err = run(capsys, "office", "card", "--db", str(town), "-o", str(source))
    else:
        code, _, err = run(capsys, "office", "export-key", "--db", str(village), "-o", str(source))
    assert code == 0, err
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, source.read_bytes())
        os.close(write_end)
        extra = ("--yes",) if action == "register" else ()
        code, out, err = run(
            capsys, "office", action, "--db", str(village), f"/dev/fd/{read_end}", *extra
        )
    finally:
        os.close(read_end)
    assert code == 2, out
    assert "不是普通文件" in err
    assert "Traceback" not in err and err.strip().count("\n") == 0


def test_another_offices_key_file_beside_the_database_is_named_as_such(
    capsys: pytest.CaptureFixture[str], offices: tuple[Path, Path]
) -> None:
    village, town = offices
    town_key = Path(str(town) + ".office-key")
    village_key = Path(str(village) + ".office-key")
    village_key.write_bytes(town_key.read_bytes())  # a folder copied from the town's PC
    code, out, _ = run(capsys, "office", "show", "--db", str(village))
    assert code == 0
    assert "属于另一个单位" in out
    code, out, _ = run(capsys, "office", "show", "--db", str(town), "--json")
    town_fingerprint = json.loads(out)["fingerprint"]
    code, out, _ = run(capsys, "office", "show", "--db", str(village))
    assert town_fingerprint in out  # whose keys they are
    village_key.write_text("-----BEGIN ENCRYPTED PRIVATE KEY-----\nnot really\n")
    code, out, _ = run(capsys, "office", "show", "--db", str(village))
    assert "已损坏或加了口令" in out


@pytest.mark.parametrize(
    "office",
    [("--office", "上底村党委"), ("--office", " ", "--level", "village"), ("--level", "town")],
    ids=["no level", "blank name", "no name"],
)
def test_an_office_half_given_to_init_is_one_sentence_and_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, office: tuple[str, ...]
) -> None:
    path = tmp_path / "new.sqlite"
    code, _, err = run(capsys, "init", "--db", str(path), "--admin", TEST_ADMIN, *office)
    assert code == 2 and "--office" in err and "--level" in err
    assert err.strip().count("\n") == 0 and "Traceback" not in err
    assert not list(tmp_path.glob("new.sqlite*"))  # nothing made


def _export(capsys: pytest.CaptureFixture[str], village: Path, *args: str) -> tuple[int, str, str]:
    return run(capsys, "exchange", "export", "--db", str(village), "--to", "和平镇党委", *args)


@pytest.mark.parametrize(
    "case",
    [
        ("{db}", None, "是数据库文件，不能被覆盖"),
        ("{db}-wal", None, "是数据库文件的组成部分"),
        ("{db}.office-key", None, "是密钥文件，不能被覆盖"),
        ("{usb}/up.pbcx", "{db}", "是数据库文件，不能被覆盖"),
        ("{usb}/up.pbcx", "{usb}/up.pbcx", "数据移交单不能保存为数据包本身"),
        ("{usb}/up.pbcx", "{usb}", "是一个文件夹"),
        ("{usb}/village.card/up.pbcx", None, "是一个文件，不是文件夹"),
        ("{usb}/up.pbcx", "{usb}/village.card/移交单.pdf", "是一个文件，不是文件夹"),
    ],
    ids=[
        "over the database",
        "over its log",
        "over its keys",
        "sheet over the database",
        "sheet over the package",
        "sheet into a folder",
        "through a file",
        "sheet through a file",
    ],
)
def test_an_export_that_would_replace_data_is_refused_before_anything_is_done(
    capsys: pytest.CaptureFixture[str],
    offices: tuple[Path, Path],
    tmp_path: Path,
    case: tuple[str, str | None, str],
) -> None:
    """A mistyped ``-o`` or ``--sheet`` once put the package or the sheet in the place of
    the database (then called damaged) or the office's keys; a sheet that could not be
    saved refused the export after the package was written and logged as sent."""
    output, sheet, words = case
    village, _town = offices
    names = {"db": str(village), "usb": str(tmp_path / "usb")}
    key = Path(str(village) + ".office-key")
    before = (village.read_bytes()[:16], key.read_bytes())
    args = ["-o", output.format(**names)]
    if sheet is not None:
        args += ["--sheet", sheet.format(**names)]
    code, _out, err = _export(capsys, village, *args)
    assert code == 2 and words in err
    assert err.strip().count("\n") == 0 and "Traceback" not in err
    assert (village.read_bytes()[:16], key.read_bytes()) == before
    assert not (tmp_path / "usb" / "up.pbcx").exists()
    code, out, err = run(capsys, "exchange", "log", "--db", str(village))
    assert code == 0 and len(out.splitlines()) == 2  # the headings alone: nothing sent
    code, out, err = _export(capsys, village, "-o", str(tmp_path / "usb" / "up.pbcx"))
    assert code == 0, err  # the database and its keys still work


def test_a_sheet_failing_once_the_package_is_sent_is_a_note_and_saved_again(
    capsys: pytest.CaptureFixture[str],
    offices: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The package is written and logged: the command says so (status 0) with the reason,
    and ``pbc exchange sheet`` saves the sheet later."""
    import errno

    from pbc_desktop.files import write_error
    from pbc_desktop.reports import handover

    village, town = offices
    sheet = tmp_path / "usb" / "移交单.pdf"

    real = handover.build_handover
    full = [True]

    def disk_full(db: Any, log_id: int, out: Path, **kw: Any) -> Path:
        if full:
            full.pop()
            raise write_error(out, OSError(errno.ENOSPC, "No space left on device"))
        return real(db, log_id, out, **kw)

    monkeypatch.setattr(handover, "build_handover", disk_full)
    package = tmp_path / "usb" / "up.pbcx"
    code, out, err = _export(capsys, village, "-o", str(package), "--sheet", str(sheet))
    assert code == 0 and package.exists() and "数据包已生成" in out
    assert "磁盘已满" in err and "pbc exchange sheet 1 -o" in err
    assert err.strip().count("\n") == 0 and not sheet.exists()
    code, _, err = run(capsys, "exchange", "import", "--db", str(town), str(package))
    assert code == 0, err  # the package is whole
    code, out, _ = run(capsys, "exchange", "log", "--db", str(village))
    assert out.splitlines()[2].split()[0] == "1"  # the number the note gave
    code, out, err = run(capsys, "exchange", "sheet", "--db", str(village), "1", "-o", str(sheet))
    assert code == 0, err
    assert "和平镇党委" in "".join(page_texts(sheet)).replace(" ", "")
    code, _, err = run(capsys, "exchange", "sheet", "--db", str(village), "9", "-o", str(sheet))
    assert code == 2 and "找不到该交换记录" in err


def test_a_preview_on_a_database_that_cannot_be_written_is_one_sentence(
    capsys: pytest.CaptureFixture[str], offices: tuple[Path, Path], tmp_path: Path
) -> None:
    """``--dry-run`` opens a read-only file to read it, but a preview writes and rolls back:
    it failed as an internal error (attempt to write a readonly database)."""
    village, town = offices
    package = tmp_path / "usb" / "up.pbcx"
    code, _, err = _export(capsys, village, "-o", str(package))
    assert code == 0, err
    town.chmod(0o444)
    try:
        code, _out, err = run(
            capsys, "exchange", "import", "--db", str(town), str(package), "--dry-run"
        )
    finally:
        town.chmod(0o644)
    assert code == 2 and "是只读的" in err and "内部出错" not in err
    assert err.strip().splitlines()[-1].startswith("错误：")
    code, _, err = run(capsys, "exchange", "import", "--db", str(town), str(package), "--dry-run")
    assert code == 0, err


def test_an_import_whose_sheet_cannot_be_saved_is_refused_before_receiving(
    capsys: pytest.CaptureFixture[str], offices: tuple[Path, Path], tmp_path: Path
) -> None:
    village, town = offices
    package = tmp_path / "usb" / "up.pbcx"
    code, _, err = _export(capsys, village, "-o", str(package))
    assert code == 0, err
    for sheet in (town, package, tmp_path / "usb"):
        code, _, err = run(
            capsys, "exchange", "import", "--db", str(town), str(package), "--sheet", str(sheet)
        )
        assert code == 2 and err.strip().count("\n") == 0, err
    code, out, _ = run(capsys, "exchange", "log", "--db", str(town))
    assert len(out.splitlines()) == 2  # the headings alone: nothing received
    code, _, err = run(capsys, "exchange", "import", "--db", str(town), str(package))
    assert code == 0, err


def test_an_import_killed_before_its_sheet_saves_the_sheet_when_run_again(
    capsys: pytest.CaptureFixture[str],
    offices: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Killed (a power cut) once the package was received but before its sheet was saved,
    the command run again found the package received and saved no sheet, nor said how to
    get one: it saves the sheet of the package received then."""
    from pbc_desktop.reports import handover

    village, town = offices
    package = tmp_path / "usb" / "up.pbcx"
    code, _, err = _export(capsys, village, "-o", str(package))
    assert code == 0, err
    real = handover.build_handover

    def killed(*_args: Any, **_kw: Any) -> Path:
        raise SystemExit(-9)

    monkeypatch.setattr(handover, "build_handover", killed)
    sheet = tmp_path / "usb" / "移交单-接收.pdf"
    args = ("exchange", "import", "--db", str(town), str(package), "--sheet", str(sheet))
    with pytest.raises(SystemExit):
        main(list(args))
    capsys.readouterr()
    assert not sheet.exists()
    monkeypatch.setattr(handover, "build_handover", real)
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert "接收过" in out and "数据移交单已保存" in out
    text = "".join(page_texts(sheet)).replace(" ", "").replace("\n", "")
    assert "上底村党委" in text and "和平镇党委" in text
    code, out, _ = run(capsys, "exchange", "log", "--db", str(town))
    assert len(out.splitlines()) == 3  # received once


def test_a_conflict_names_the_status_the_claims_here_keep(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A claimed item's 待认领 in a package is not listed among the conflict's fields (it
    is not what the item takes): the status it keeps is said instead."""
    from pbc_desktop.cli.exchange import _print_result
    from pbc_desktop.domain.enums import ItemStatus
    from pbc_desktop.services.exchange.merge import Change, MergeResult, RowChange

    result = MergeResult()
    result.note("list_item", Change.CONFLICT)
    result.changes.append(
        RowChange(
            "list_item",
            "u-1",
            Change.CONFLICT,
            "老旧小区路灯改造",
            ("title",),
            kept="theirs",
            held_status=ItemStatus.CLAIMED,
            status_stays=True,
        )
    )
    _print_result(result)
    out = capsys.readouterr().out
    assert "老旧小区路灯改造（标题；状态仍为“已认领”，因本机已有认领或督办记录）" in out


def test_a_dry_run_names_the_status_a_claim_alone_moves_its_item_to(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An item the package leaves as it is but brings a claim for: the status receiving
    gives it is said, as the preview window says it."""
    from pbc_desktop.cli.exchange import _print_result
    from pbc_desktop.domain.enums import ItemStatus
    from pbc_desktop.services.exchange.merge import Change, MergeResult, RowChange

    result = MergeResult()
    result.note("claim", Change.NEW)
    result.changes.append(
        RowChange(
            "list_item",
            "u-1",
            Change.CHANGED,
            "老旧小区路灯改造",
            held_status=ItemStatus.CLAIMED,
            by_arrivals=True,
        )
    )
    _print_result(result)
    out = capsys.readouterr().out
    assert "状态变化：清单事项 老旧小区路灯改造（状态改为“已认领”，因收到认领或督办记录）" in out
