"""Logs, tracebacks and the crash dialog never hold a full ID number or phone."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import IntegrityError

from pbc_desktop.cli import main
from pbc_desktop.db.engine import Database
from pbc_desktop.domain import privacy
from pbc_desktop.domain.validation import decode_id_number
from pbc_desktop.logging_setup import log_file, setup_logging
from pbc_desktop.ui.shell import crash
from tests.bug_helpers import ID_NUMBER, PHONE, crash_with_personal_data
from tests.conftest import assert_logs_private

ROOT = Path(__file__).resolve().parent.parent


def assert_clean(text: str) -> None:
    assert not privacy.contains_personal_numbers(text), text
    assert ID_NUMBER not in text
    assert PHONE not in text


def logs_text(data_dir: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((data_dir / "logs").glob("*")))


def test_sqlalchemy_errors_hide_their_parameters(db: Database) -> None:
    with pytest.raises(RuntimeError) as info:
        crash_with_personal_data(db)
    cause = info.value.__cause__
    assert isinstance(cause, IntegrityError)
    if db.is_sqlite:
        assert "UNIQUE constraint failed: party_member.id_number" in str(cause)
    else:  # the server's DETAIL, "Key (id_number)=(…) already exists", is taken out
        assert "uq_party_member_id_number" in str(cause)
        assert "values are not shown" in str(cause) and "Key (id_number)" not in str(cause)
    assert "hidden due to hide_parameters" in str(cause)
    assert_clean(str(cause))


def test_log_lines_and_chained_tracebacks_are_scrubbed(db: Database, data_dir: Path) -> None:
    setup_logging()
    log = logging.getLogger("pbc_desktop.test")
    log.warning("looking up %s and %s", ID_NUMBER, PHONE)
    try:
        crash_with_personal_data(db)
    except RuntimeError:
        log.exception("saving %s failed", "陈伟")
    text = logs_text(data_dir)
    assert "looking up **************" + ID_NUMBER[-4:] + " and 138****5678" in text
    assert "saving 陈伟 failed" in text
    assert "IntegrityError" in text and "RuntimeError: could not store member" in text
    assert "The above exception was the direct cause" in text
    assert_clean(text)


def test_a_bug_in_the_window_shows_and_copies_only_scrubbed_details(
    qtbot: QtBot, db: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup_logging()
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.detailedText())
        copy = next(b for b in box.buttons() if "Copy" in b.text() or "复制" in b.text())
        copy.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    try:
        crash_with_personal_data(db)
    except RuntimeError:
        crash.handle_exception(*sys.exc_info())  # type: ignore[arg-type]
    [details] = shown
    assert "RuntimeError: could not store member **************" + ID_NUMBER[-4:] in details
    assert "(tel 138****5678)" in details
    assert "IntegrityError" in details
    assert_clean(details)
    assert QApplication.clipboard().text() == details
    text = logs_text(data_dir)
    assert "unhandled exception" in text
    assert_clean(text)


def test_a_bug_in_the_command_line_is_one_scrubbed_sentence_and_a_scrubbed_log(
    tmp_path: Path, data_dir: Path
) -> None:
    env = {**os.environ, "PBC_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    assert main(["init", "--db", str(tmp_path / "x.sqlite")]) == 0  # only init creates one
    done = subprocess.run(
        [sys.executable, "-m", "tests.bug_helpers", "info", "--db", str(tmp_path / "x.sqlite")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, ""), done.stderr
    assert done.stderr.startswith("错误：程序内部出错（RuntimeError: could not store member ")
    assert done.stderr.count("\n") == 1
    assert str(log_file()) in done.stderr
    assert "Traceback" not in done.stderr
    assert_clean(done.stderr)
    text = logs_text(data_dir)
    assert "Traceback" in text and "IntegrityError" in text
    assert_clean(text)


def test_a_bug_in_the_command_line_in_process_exits_2_in_english(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def crashing(_args: object) -> int:
        raise ValueError(f"ID {ID_NUMBER}, phone {PHONE}")

    monkeypatch.setattr("pbc_desktop.cli.database.cmd_info", crashing)
    code = main(["info", "--lang", "en", "--db", str(tmp_path / "x.sqlite")])
    _out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("Error: an internal error occurred (ValueError: ID ****")
    assert "phone 138****5678" in err
    assert_clean(err)


def test_our_own_errors_do_not_embed_an_id_number() -> None:
    broken = ID_NUMBER[:6] + "19851302" + ID_NUMBER[14:]  # month 13
    with pytest.raises(ValueError, match="not a checked ID number") as info:
        decode_id_number(broken)
    assert broken not in str(info.value)
    assert_clean(str(info.value))


def test_a_bug_in_a_background_thread_is_logged_scrubbed(
    db: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup_logging()
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: pytest.fail("no dialog from a thread"))
    try:
        crash_with_personal_data(db)
    except RuntimeError as exc:
        crash.handle_thread_exception(
            threading.ExceptHookArgs((type(exc), exc, exc.__traceback__, None))
        )
    text = logs_text(data_dir)
    assert "unhandled exception in a background thread" in text and "IntegrityError" in text
    assert_clean(text)


def test_a_server_password_is_in_no_message_and_no_log(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A password typed into --db's URL: the refusal names the server, never the password,
    and the log holds it nowhere either."""
    from tests.pg_cluster import free_port

    secret = "Sup3r-secret-pw"
    url = f"postgresql+psycopg://pbc_chengtian:{secret}@127.0.0.1:{free_port()}/pbc"
    for command_line in (["info"], ["server", "status"]):
        assert main([*command_line, "--db", url]) == 2
        err = capsys.readouterr().err
        assert "连接不上服务器 127.0.0.1:" in err and err.count("\n") == 1
        assert secret not in err
    assert secret not in logs_text(data_dir)


def test_the_suite_wide_guard_finds_a_number_in_a_log_file(tmp_path: Path) -> None:
    """Each test's data folder is read by ``conftest.assert_logs_private`` when the test
    ends: a log line written around the scrubbing formatter is caught."""
    logs = tmp_path / "other" / "logs"
    assert_logs_private(logs)  # no folder: nothing to read
    logs.mkdir(parents=True)
    (logs / "pbc-desktop.log").write_text("looking up 138****5678\n", encoding="utf-8")
    assert_logs_private(logs)
    (logs / "pbc-desktop.log.1").write_text(f"looking up {ID_NUMBER}\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"pbc-desktop\.log\.1"):
        assert_logs_private(logs)
