"""The member import reading its file in a child process (the window's way): the same
preview as reading it in the caller's thread, the same sentences for files it cannot
read, a cancel that ends the child, and the thread when no child can be started."""

from __future__ import annotations

import gc
import multiprocessing
import os
import weakref
from datetime import date
from pathlib import Path

import pytest

from pbc_desktop import lang
from pbc_desktop.child_process import Channel, Child, ChildFailedError, ChildLostError
from pbc_desktop.db.engine import Database
from pbc_desktop.errors import FieldError, UserError, ValidationError
from pbc_desktop.services import member_import as mi
from pbc_desktop.services.member_import import checking
from tests.factories import make_id, make_member, make_org
from tests.import_factories import encrypted_workbook, write_roster, wrong_check_digit, xls_roster

ORG = "司马浦镇大布村党支部"
TODAY = date(2026, 6, 1)
HEADERS = ("姓名", "性别", "身份证号", "所在党组织", "入党日期", "人员类别", "联系电话")


@pytest.fixture
def roster(db: Database, tmp_path: Path) -> Path:
    org_id = make_org(db, ORG, town="司马浦镇")
    make_org(db, "司马浦镇溪美村党支部", town="司马浦镇")
    stored = make_id("19700101", "315")
    make_member(db, "王五", org_id, id_number=stored, confirmed_on=date(2013, 7, 1))
    rows: list[tuple[object, ...]] = [
        ("张三", "男", make_id("19850302", "123"), ORG, "2010-07-01", "正式党员", "13812345678"),
        ("李四", "女", wrong_check_digit(make_id("19900715", "224")), ORG, "2011.07", None, None),
        ("王五", None, stored, ORG, date(2012, 7, 1), "预备党员", None),
        ("赵六", "男", make_id("19800101", "111"), "司马浦镇溪美村党支布", None, None, None),
        ("钱七", "女", make_id("19750505", "222"), ORG, "明天", "正式党员", "0754-87654321"),
    ]
    return write_roster(tmp_path / "名册.xlsx", rows, headers=HEADERS, above=[("党员名册",)])


def test_a_child_reads_the_file_and_gives_the_preview_the_thread_gives(
    db: Database, roster: Path
) -> None:
    here = mi.read_members(db, roster, today=TODAY)
    children: set[int] = set()

    def progress(_percent: int, _text: str) -> None:
        children.update(p.pid for p in multiprocessing.active_children() if p.pid)

    there = mi.read_members(db, roster, today=TODAY, progress=progress, in_child=True)
    assert children
    assert os.getpid() not in children
    assert there == here
    assert [r.row for r in there.rows] == [3, 4, 5, 6, 7]
    assert there.missing_orgs == ("司马浦镇溪美村党支布",)
    assert [p.row for p in there.bad_rows("skip")] == [4, 6, 7]
    assert [p.row for p in there.bad_rows("update")] == [4, 5, 6, 7]  # 预备党员, confirmed
    assert multiprocessing.active_children() == []  # the child ended with its work


def test_the_child_speaks_the_callers_language(db: Database, roster: Path) -> None:
    lang.set_language("en")
    try:
        there = mi.read_members(db, roster, today=TODAY, in_child=True)
    finally:
        lang.set_language("zh")
    assert there.bad_rows()[0].messages == ("The check digit of the ID number is wrong",)


def test_a_file_the_child_cannot_read_is_refused_with_the_same_sentence(
    db: Database, tmp_path: Path
) -> None:
    encrypted = encrypted_workbook(tmp_path / "名册.xlsx")
    et = xls_roster(tmp_path / "名册.xls", [("甲", make_id("19850302", "123"), ORG)]).rename(
        tmp_path / "名册.et"
    )
    for path in (encrypted, et, tmp_path / "没有这个文件.xlsx"):
        with pytest.raises(UserError) as here:
            mi.read_members(db, path)
        with pytest.raises(UserError) as there:
            mi.read_members(db, path, in_child=True)
        assert there.value.message == here.value.message
        assert type(there.value) is type(here.value)
    with pytest.raises(UserError, match="设置了打开密码"):
        mi.read_members(db, encrypted, in_child=True)


def test_a_cancel_ends_the_child_and_reads_nothing(db: Database, roster: Path) -> None:
    seen: list[int] = []

    def cancelled() -> bool:
        seen.extend(p.pid for p in multiprocessing.active_children() if p.pid)
        return bool(seen)  # as soon as the child works

    with pytest.raises(mi.ImportCancelledError):
        mi.read_members(db, roster, cancelled=cancelled, in_child=True)
    assert seen
    assert multiprocessing.active_children() == []


def test_a_refused_mapping_ends_the_child(db: Database, roster: Path) -> None:
    with pytest.raises(UserError, match="在系统中不存在"):
        mi.read_members(db, roster, org_map={"司马浦镇溪美村党支布": "没有的党支部"}, in_child=True)
    assert multiprocessing.active_children() == []


def test_without_a_child_the_file_is_read_in_the_thread(
    db: Database, roster: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_child(*_args: object) -> Child:
        raise ChildLostError("no processes here")

    monkeypatch.setattr(checking, "Child", no_child)
    assert mi.read_members(db, roster, today=TODAY, in_child=True) == mi.read_members(
        db, roster, today=TODAY
    )


def test_what_a_reading_made_is_not_left_to_the_next_collection(db: Database, roster: Path) -> None:
    gc.collect()
    preview = mi.read_members(db, roster, today=TODAY, in_child=True)
    young, _middle, _old = gc.get_count()
    assert young < 100  # the rows read are old, not waiting for the next collection
    assert preview.rows
    assert gc.get_freeze_count() == 0  # nothing kept from the collector for good
    assert gc.isenabled()


class _Cycle:
    """Garbage in a cycle, as the window's thread makes while an import runs."""

    def __init__(self) -> None:
        self.me = self


def test_the_cycles_left_during_imports_are_freed_by_the_next_full_collection(
    db: Database, roster: Path
) -> None:
    left: list[weakref.ref[_Cycle]] = []

    def progress(_percent: int, _text: str) -> None:
        left.append(weakref.ref(_Cycle()))  # dropped at once: only the collector frees it

    for _ in range(3):  # a long session's imports
        mi.read_members(db, roster, today=TODAY, progress=progress, in_child=True)
    assert left
    gc.collect()
    assert [ref for ref in left if ref() is not None] == []  # none frozen for good


def _buggy(_channel: Channel, number: int) -> None:
    raise ZeroDivisionError(number)


def _quits(_channel: Channel) -> None:
    os._exit(3)


def test_a_bug_in_the_child_is_raised_with_its_traceback() -> None:
    child = Child(_buggy, 7)
    with pytest.raises(ChildFailedError, match="ZeroDivisionError: 7"):
        list(child.messages(lambda: False, RuntimeError))


def _refuses(_channel: Channel) -> None:
    raise ValidationError([FieldError("name", "请填写姓名"), FieldError("phone", "电话号码有误")])


def test_a_refusal_naming_fields_comes_back_whole() -> None:
    child = Child(_refuses)
    with pytest.raises(ValidationError) as refused:  # unpickling it failed: a crash
        list(child.messages(lambda: False, RuntimeError))
    assert refused.value.fields() == ["name", "phone"]
    assert refused.value.message == "请填写姓名\n电话号码有误"


def test_a_child_that_dies_without_a_word_is_lost() -> None:
    child = Child(_quits)
    with pytest.raises(ChildLostError):
        list(child.messages(lambda: False, RuntimeError))


def test_people_in_the_pipeline_come_back_from_the_child_as_read_here(
    db: Database, tmp_path: Path
) -> None:
    from tests.services.test_member_import_applicants import mixed, read

    make_org(db, "大溪坝村党总支", town="大溪镇")
    path = mixed(tmp_path)
    here = read(db, path)
    there = read(db, path, in_child=True)
    assert there == here
    assert [r.stage is not None for r in there.rows] == [False, True, True, True]
    assert there.rows[3].steps == here.rows[3].steps is not None


def test_the_child_imports_no_database_layer() -> None:
    """What the child runs (``row_checks``, through the package) imports neither SQLAlchemy
    nor the models nor openpyxl: they would cost the child a second of its start."""
    import subprocess
    import sys

    heavy = ("sqlalchemy", "openpyxl", "PySide6", "pbc_desktop.db.models", "pypinyin")
    script = (
        "import sys\n"
        "from pbc_desktop.services.member_import.row_checks import _read_in_child\n"
        f"print([m for m in {heavy!r} if m in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_a_child_does_not_run_the_programs_main_script_again(tmp_path: Path) -> None:
    """``spawn`` would run the parent's main script again in the child (for ``pbc``: every
    command's imports, most of a second); the child runs only its work."""
    import subprocess
    import sys

    script = tmp_path / "pbc"
    script.write_text(
        "import sys\n"
        "if __name__ == '__mp_main__':\n"
        "    raise SystemExit('the main script ran again in the child')\n"
        "if __name__ == '__main__':\n"
        "    from pbc_desktop.child_process import Child\n"
        "    from pbc_desktop.errors import ValidationError\n"
        "    from tests.services.test_member_import_child import _refuses\n"
        "    try:\n"
        "        list(Child(_refuses).messages(lambda: False, RuntimeError))\n"
        "    except ValidationError as exc:\n"
        "        print(exc.fields(), sys.modules['__main__'].__file__ == __file__)\n",
        encoding="utf-8",
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    ).stdout
    assert out.strip() == "['name', 'phone'] True"


def _waits_for_a_word(channel: Channel) -> None:
    channel.send(("ready",))
    channel.send(("heard", channel.receive()))


@pytest.mark.skipif(not hasattr(os, "kill") or os.name == "nt", reason="POSIX signals")
def test_ctrl_c_in_the_console_is_left_to_the_parent() -> None:
    # Ctrl+C reaches every process of the console: the child keeps working (no traceback
    # of its own in the console) until the parent, which says what happened, ends it.
    import signal

    child = Child(_waits_for_a_word)
    stream = child.messages(lambda: False, RuntimeError)
    assert next(stream) == ("ready",)
    assert child.pid is not None
    os.kill(child.pid, signal.SIGINT)
    child.send("go on")
    assert list(stream) == [("heard", "go on")]
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(not hasattr(os, "kill") or os.name == "nt", reason="POSIX signals")
def test_ctrl_c_while_a_child_starts_is_not_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pressed while the child is being started (Ctrl+C held back meanwhile): raised here
    # once it has started, as the clerk asked.
    import signal

    start = multiprocessing.get_context("spawn").Process.start

    def pressed_meanwhile(process: multiprocessing.process.BaseProcess) -> None:
        start(process)
        os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(multiprocessing.get_context("spawn").Process, "start", pressed_meanwhile)
    with pytest.raises(KeyboardInterrupt):
        Child(_waits_for_a_word)
    assert multiprocessing.active_children() == []  # the child started is ended


@pytest.mark.skipif(not hasattr(os, "kill") or os.name == "nt", reason="POSIX signals")
def test_ctrl_c_while_the_first_child_imports_what_it_needs_is_left_to_the_parent() -> None:
    # The first child of a program (``pbc``) also starts multiprocessing's resource
    # tracker, which let Ctrl+C through again while the child was started: the child,
    # not yet ignoring it, printed a traceback into the console and died. It starts
    # with Ctrl+C held back as the parent held it, and ignores it from then on.
    import subprocess
    import sys

    script = (
        "import os, signal\n"
        "from pbc_desktop.child_process import Child\n"
        "from tests.services.test_member_import_child import _waits_for_a_word\n"
        "child = Child(_waits_for_a_word)\n"
        "os.kill(child.pid, signal.SIGINT)  # while it imports what it needs\n"
        "stream = child.messages(lambda: False, RuntimeError)\n"
        "assert next(stream) == ('ready',)\n"
        "child.send('go on')\n"
        "print(list(stream))\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert "Traceback" not in done.stderr
    assert done.stdout.strip() == "[('heard', 'go on')]"


def test_a_child_whose_parent_is_gone_ends_quietly(capfd: pytest.CaptureFixture[str]) -> None:
    # The parent killed (Task Manager, kill -9) or its console closed: the child, finding
    # no one at the other end of the pipe, printed two tracebacks into the console.
    child = Child(_waits_for_a_word)
    stream = child.messages(lambda: False, RuntimeError)
    assert next(stream) == ("ready",)
    process = child._process
    child._conn.close()  # as the parent's death leaves it: no other end
    process.join(30)
    assert process.exitcode == 0
    assert "Traceback" not in capfd.readouterr().err
    child.close()
