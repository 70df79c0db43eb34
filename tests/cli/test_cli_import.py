"""``pbc import-members FILE.xlsx`` as an office's IT staff runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from pbc_desktop import cli
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization, PartyMember
from pbc_desktop.domain.enums import UserRole
from tests.conftest import add_account, db_arg
from tests.factories import make_id, make_org
from tests.import_factories import (
    database_state,
    encrypted_workbook,
    ods_roster,
    write_roster,
    wrong_check_digit,
    xls_roster,
)
from tests.storage_helpers import REPO

ORG = "陈店镇文光村党支部"
ID_A = make_id("19850302", "123")
ID_B = make_id("19900715", "224")


def names(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(PartyMember.name)))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db_file(db: Database) -> str:
    make_org(db, ORG, town="陈店镇")
    return db_arg(db)


def roster(tmp_path: Path, *rows: tuple[object, ...]) -> Path:
    return write_roster(
        tmp_path / "名册.xlsx",
        list(rows),
        headers=("姓名", "身份证号", "所在党组织", "入党日期"),
        above=[("文光村党员名册",)],
    )


def test_a_read_only_account_is_refused_before_the_file_is_read(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    db_file: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The inspector (查看) learns nothing row by row of a file it may not import."""
    add_account(db, "ducha", UserRole.VIEWER)
    monkeypatch.setenv("PBC_USER", "ducha")
    path = roster(tmp_path, ("乙", wrong_check_digit(ID_B), ORG, "2010-07-01"))
    state = database_state(db)
    for command in (("import-members", str(path)), ("import-organizations", str(path))):
        for dry_run in ((), ("--dry-run",)):
            code, out, err = run(capsys, *command, "--db", db_file, *dry_run)
            assert (code, out) == (2, ""), command
            assert err.count("\n") == 1 and "没有权限修改数据" in err
    assert database_state(db) == state


def test_dry_run_prints_bad_rows_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = roster(
        tmp_path,
        ("甲", ID_A, ORG, "2010-07-01"),
        ("乙", wrong_check_digit(ID_B), ORG, "2010-07-01"),
        ("丙", make_id("19700101", "315"), "不存在的党支部", "2010.07"),
    )
    state = database_state(db)
    code, out, _ = run(capsys, "import-members", str(path), "--db", str(db_file), "--dry-run")
    assert code == 1
    lines = out.splitlines()
    assert lines[:2] == [
        "第4行：身份证号校验位错误",
        "第5行：所在党组织“不存在的党支部”在系统中不存在",
    ]
    assert lines[2].startswith("试运行，未写入任何数据：共 3 行，可新增 1 名")
    assert lines[3] == (
        "有 1 个党组织在系统中不存在（不存在的党支部）：请核对名称是否与“党组织”页中的完全一致，"
        "或加 --create-orgs 新建这些党组织。"
    )
    assert database_state(db) == state


def test_cells_quoted_by_the_refusals_show_no_id_number_or_phone(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    """A roster whose columns slipped puts ID numbers and phones under other headings:
    the refusals quote those cells masked (they are printed, shown and copied), and keep
    their own example numbers."""
    path = write_roster(
        tmp_path / "名册.xlsx",
        [
            ("甲", ID_A, ID_A, "13812345678", "0754-87654321"),
            ("乙", ID_B, "13912345678", ORG, ID_B),
        ],
        headers=("姓名", "身份证号", "入党日期", "所在党组织", "人员类别"),
    )
    for lang in ("zh", "en"):
        code, out, err = run(
            capsys, "import-members", str(path), "--db", db_file, "--dry-run", "--lang", lang
        )
        assert code == 1, err
        assert "“**************" + ID_A[-4:] + "”" in out and "“138****5678”" in out
        assert "“**************" + ID_B[-4:] + "”" in out and "“139****5678”" in out
        assert "“075*****4321”" in out
        for secret in (ID_A, ID_B, "13812345678", "13912345678", "87654321"):
            assert secret not in out + err
    assert (
        "有 1 个党组织在系统中不存在（138****5678）"
        in run(capsys, "import-members", str(path), "--db", db_file, "--dry-run")[1]
    )


def test_dry_run_of_a_good_file_exits_0(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = roster(tmp_path, ("甲", ID_A, ORG, "2010-07-01"), ("乙", ID_B, "新村党支部", None))
    code, out, _ = run(
        capsys, "import-members", str(path), "--db", str(db_file), "--dry-run", "--create-orgs"
    )
    assert code == 0
    assert "可新增 2 名" in out
    assert "将新建党组织 1 个：新村党支部" in out
    assert names(db) == []


def test_bad_rows_import_nothing(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = roster(
        tmp_path, ("甲", ID_A, ORG, "2010-07-01"), ("乙", wrong_check_digit(ID_B), ORG, None)
    )
    code, out, _ = run(capsys, "import-members", str(path), "--db", str(db_file))
    assert code == 1
    assert out.splitlines()[0] == "第4行：身份证号校验位错误"
    assert "没有导入任何党员" in out
    assert "--valid-only" in out
    assert names(db) == []


def test_valid_only_imports_the_good_rows_and_still_exits_1(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = roster(
        tmp_path, ("甲", ID_A, ORG, "2010-07-01"), ("乙", wrong_check_digit(ID_B), ORG, None)
    )
    code, out, _ = run(capsys, "import-members", str(path), "--db", str(db_file), "--valid-only")
    assert code == 1
    assert out.splitlines() == [
        "第4行：身份证号校验位错误",
        "新增党员 1 名，更新 0 名，跳过已有党员 0 名，有错误未导入 1 行",
    ]
    assert names(db) == ["甲"]


def test_good_file_imports_and_exits_0_then_duplicates(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = roster(tmp_path, ("甲", ID_A, ORG, "2010-07-01"), ("乙", ID_B, ORG, "2012.07"))
    code, out, _ = run(capsys, "import-members", str(path), "--db", str(db_file))
    assert (code, out.strip()) == (
        0,
        "新增党员 2 名，更新 0 名，跳过已有党员 0 名，有错误未导入 0 行",
    )
    again = roster(tmp_path, ("甲某", ID_A, ORG, "2010-07-01"), ("乙", ID_B, ORG, "2012.07"))
    code, out, _ = run(capsys, "import-members", str(again), "--db", str(db_file))
    assert (code, out.strip()) == (
        0,
        "新增党员 0 名，更新 0 名，跳过已有党员 2 名，有错误未导入 0 行",
    )
    code, out, _ = run(
        capsys, "import-members", str(again), "--db", str(db_file), "--on-duplicate", "update"
    )
    assert (code, out.strip()) == (
        0,
        "新增党员 0 名，更新 1 名，跳过已有党员 1 名，有错误未导入 0 行",
    )
    assert names(db) == ["乙", "甲某"]


def test_create_orgs(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = roster(tmp_path, ("甲", ID_A, "陈店镇新溪村党支部", "2010-07-01"))
    code, out, _ = run(capsys, "import-members", str(path), "--db", str(db_file))
    assert code == 1
    assert out.splitlines()[-1].endswith("或加 --create-orgs 新建这些党组织。")
    code, out, _ = run(capsys, "import-members", str(path), "--db", str(db_file), "--create-orgs")
    assert code == 0
    assert out.strip().endswith("；新建党组织 1 个")
    assert "--create-orgs" not in out


@pytest.mark.parametrize("mark", ["\u202e", "\u200b", "\u2066"])
def test_create_orgs_refuses_a_name_with_a_direction_mark(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path, mark: str
) -> None:
    """A member's name with a direction mark was refused, but --create-orgs made an
    organization whose name read backwards."""
    path = roster(
        tmp_path,
        ("甲", ID_A, f"陈店镇新溪村{mark}党支部", "2010-07-01"),
        ("乙", ID_B, ORG, "2010-07-01"),
    )
    with db.read() as s:
        orgs_before = sorted(s.scalars(select(Organization.name)))
    code, out, _ = run(
        capsys, "import-members", str(path), "--db", str(db_file), "--create-orgs", "--valid-only"
    )
    assert code == 1
    assert out.splitlines()[0] == (
        f"第3行：所在党组织名称的第 7 个字符是不可见的控制字符或排版标记（U+{ord(mark):04X}，"
        "常由网页或聊天软件复制带入），请删除后重新输入"
    )
    with db.read() as s:
        assert sorted(s.scalars(select(Organization.name))) == orgs_before
    assert names(db) == ["乙"]


def test_english_lines(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = roster(tmp_path, ("甲", wrong_check_digit(ID_A), ORG, None))
    code, out, _ = run(
        capsys, "import-members", str(path), "--db", str(db_file), "--dry-run", "--lang", "en"
    )
    assert code == 1
    assert out.splitlines()[0] == "Row 3: The check digit of the ID number is wrong"
    assert out.splitlines()[1].startswith("Dry run, nothing written: 1 rows")


def test_unusable_file_exits_2_with_one_sentence(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = encrypted_workbook(tmp_path / "名册.xlsx")
    code, out, err = run(capsys, "import-members", str(path), "--db", str(db_file))
    assert code == 2
    assert out == ""
    assert err.startswith("错误：无法导入“名册.xlsx”：工作簿设置了打开密码")
    assert len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "import-members", str(tmp_path / "无.xlsx"), "--db", str(db_file))
    assert code == 2
    assert "找不到文件" in err


@pytest.mark.parametrize("write", [xls_roster, ods_roster], ids=["xls", "ods"])
def test_an_old_xls_or_an_ods_roster_imports(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path, write: Any
) -> None:
    suffix = ".xls" if write is xls_roster else ".ods"
    path = write(
        tmp_path / f"名册{suffix}",
        [("甲", ID_A, ORG, "2010-07-01"), ("乙", ID_B, ORG, None)],
        headers=("姓名", "身份证号", "所在党组织", "入党日期"),
    )
    code, out, _err = run(capsys, "import-members", str(path), "--db", db_file)
    assert code == 0, out
    assert names(db) == ["乙", "甲"]


def test_a_wps_et_file_exits_2_with_one_sentence(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = xls_roster(tmp_path / "名册.xls", [("甲", ID_A, ORG)]).rename(tmp_path / "名册.et")
    state = database_state(db)
    code, out, err = run(capsys, "import-members", str(path), "--db", db_file)
    assert (code, out) == (2, "")
    assert err.strip() == (
        "错误：无法导入“名册.et”：这是 WPS 表格自己格式的文件（.et），程序无法读取。"
        "请在 WPS 中打开它，另存为“Excel 工作簿(*.xlsx)”后再导入。"
    )
    assert database_state(db) == state


def test_help_documents_the_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["import-members", "--help"])
    out = capsys.readouterr().out
    assert "--valid-only" in out
    assert "1  有错误行" in out
    with pytest.raises(SystemExit):
        cli.main(["import-members", "--help", "--lang", "en"])
    out = capsys.readouterr().out
    assert "--valid-only" in out
    assert "1  some rows are bad" in out


def two_roster_sheets(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    assert first is not None
    first.title = "一支部"
    second = wb.create_sheet("二支部")
    hidden = wb.create_sheet("旧名册")
    hidden.sheet_state = "hidden"
    for ws, (name, number) in zip(
        (first, second, hidden), (("甲", ID_A), ("乙", ID_B), ("丙", "1")), strict=True
    ):
        ws.append(["姓名", "身份证号", "所在党组织"])
        ws.append([name, number, ORG])
    path = tmp_path / "名册.xlsx"
    wb.save(path)
    return path


def test_several_roster_sheets_are_named_and_one_is_chosen_with_sheet(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = two_roster_sheets(tmp_path)
    code, out, _ = run(capsys, "import-members", str(path), "--db", str(db_file))
    assert code == 0
    assert out.splitlines() == [
        "注意：工作簿中有 2 个工作表像党员名册：读取了“一支部”，没有读取“二支部”。"
        "如需导入其他工作表，请另行选择该工作表导入。",
        "注意：隐藏的工作表“旧名册”也像党员名册，没有读取（隐藏的工作表不导入）。",
        '已读取工作表“一支部”；如需导入其他工作表，请加 --sheet 工作表名，例如 --sheet "二支部"。',
        "新增党员 1 名，更新 0 名，跳过已有党员 0 名，有错误未导入 0 行",
    ]
    code, out, _ = run(
        capsys, "import-members", str(path), "--db", str(db_file), "--sheet", "二支部"
    )
    assert code == 0
    assert out.splitlines()[0].startswith("注意：工作簿中有 2 个工作表像党员名册：读取了“二支部”")
    assert names(db) == ["乙", "甲"]
    code, out, err = run(
        capsys, "import-members", str(path), "--db", str(db_file), "--sheet", "三支部"
    )
    assert (code, out) == (2, "")
    assert err == (
        "错误：无法导入“名册.xlsx”：工作簿里没有名为“三支部”的工作表。"
        "它的工作表是：“一支部”、“二支部”、“旧名册”。\n"
    )


def test_a_column_named_twice_is_a_note(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = write_roster(
        tmp_path / "名册.xlsx",
        [("甲", ID_A, ORG, "乙")],
        headers=("姓名", "身份证号", "所在党组织", "姓名"),
    )
    code, out, _ = run(capsys, "import-members", str(path), "--db", str(db_file), "--dry-run")
    assert code == 0
    assert out.splitlines()[:2] == [
        "注意：有 2 列都是“姓名”（A 列“姓名”、D 列“姓名”）：读取了 A 列，D 列被忽略。",
        "未导入的列：姓名",
    ]


def test_a_full_disk_while_importing_exits_2_with_one_sentence(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    db_file: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from pbc_desktop.services import member_import as mi

    def full(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(mi.writing.audit, "imported", full)
    path = roster(tmp_path, ("甲", ID_A, ORG, "2010-07-01"), ("乙", ID_B, ORG, None))
    state = database_state(db)
    code, out, err = run(capsys, "import-members", str(path), "--db", str(db_file))
    assert (code, out) == (2, "")
    assert err == (
        "错误：磁盘空间已满，导入没有完成，数据库没有任何改动。"
        "请删除一些不需要的文件、腾出磁盘空间后重新导入。\n"
    )
    assert database_state(db) == state


def test_output_piped_into_a_reader_that_stops_early_still_imports(
    db: Database, db_file: str, tmp_path: Path, data_dir: Path
) -> None:
    """``pbc import-members … | head -1``: the reader closes the pipe after the first bad
    row; the import went on failing as an "internal error" and wrote nothing."""
    path = roster(
        tmp_path,
        *[("甲" * 61, make_id("19700101", f"{i:02d}1"), ORG, "2010-07-01") for i in range(40)],
        ("乙", ID_B, ORG, "2010-07-01"),
    )
    env = dict(os.environ, PBC_DATA_DIR=str(data_dir), PYTHONPATH=str(REPO))
    command = ["import-members", str(path), "--db", str(db_file), "--valid-only"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "pbc_desktop.cli", *command],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line
    with proc.stderr:
        err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 1  # some rows were bad: that is all the status says
    assert err == ""
    assert names(db) == ["乙"]


def test_ctrl_c_during_an_import_ends_it_in_one_sentence_with_nothing_saved(
    db: Database, db_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    # The clerk presses Ctrl+C while the members are written: no traceback, the shells'
    # status for an interrupted command, and no member of the roster stored.
    path = roster(tmp_path, ("张三", ID_A, ORG, "2010-07-01"), ("李四", ID_B, ORG, None))
    from pbc_desktop.services.member_import import writing

    def pressed(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(writing, "reconcile_statuses", pressed)
    code, _out, err = run(capsys, "import-members", "--db", db_file, "--lang", "en", str(path))
    assert code == 130
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        "Interrupted (Ctrl+C): nothing of what was not finished was saved."
    )
    assert names(db) == []


def test_ctrl_c_while_the_command_line_starts_is_said_in_one_sentence(tmp_path: Path) -> None:
    # Pressed in the first second, while the commands' modules are imported: no traceback
    # (and the shells' status), as later.
    script = tmp_path / "pressed.py"
    script.write_text(
        "import sys\n"
        "class Pressed:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'pbc_desktop.cli.reports':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Pressed())\n"
        "sys.argv = ['pbc', 'info', '--lang', 'en']\n"
        "from pbc_desktop.cli import main\n"
        "raise SystemExit(main())\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 130
    assert done.stderr.strip() == (
        "Interrupted (Ctrl+C): nothing of what was not finished was saved."
    )


def test_ctrl_c_before_the_command_runs_is_said_in_one_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    def pressed() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_parser", pressed)
    code, _out, err = run(capsys, "info", "--lang", "en")
    assert code == 130  # the language is known before the parser is built (its help says it)
    assert "Traceback" not in err and err.strip().startswith("Interrupted (Ctrl+C)")
    code, _out, err = run(capsys, "info")
    assert code == 130
    assert "Traceback" not in err and err.strip().startswith("已按 Ctrl+C 中断")


# -- members the roster puts in another organization --------------------------------------


def _moved_member(db: Database, db_file: str, tmp_path: Path) -> Path:
    """甲 stored in ORG, then a roster sent again naming 陈店镇新溪村党支部 for them."""
    from tests.factories import make_member

    make_org(db, "陈店镇新溪村党支部", town="陈店镇")
    with db.read() as s:
        org = s.scalars(select(Organization.id).where(Organization.name == ORG)).one()
    make_member(db, "甲", org, id_number=ID_A)
    return roster(tmp_path, ("甲", ID_A, "陈店镇新溪村党支部", None))


def _changes(db: Database) -> list[tuple[str, str]]:
    from pbc_desktop.db.models import MemberChange

    with db.read() as s:
        rows = s.execute(
            select(MemberChange.kind, Organization.name)
            .join(Organization, Organization.id == MemberChange.organization_id)
            .order_by(MemberChange.id)
        )
        return [(kind.zh, name) for kind, name in rows]


def test_moves_are_counted_and_corrected_unless_told_they_are_transfers(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = _moved_member(db, db_file, tmp_path)
    update = ("--on-duplicate", "update")
    code, out, _ = run(capsys, "import-members", str(path), "--db", db_file, "--dry-run", *update)
    assert code == 0
    assert out.splitlines()[-1] == (
        "1 名已有党员将调整到文件中的党组织，按更正录入错误处理（不记转出、转入，其增减记录一并"
        "改为新的党组织）；如不是这样，请加 --moves transfer。"
    )
    code, out, _ = run(
        capsys, "import-members", str(path), "--db", db_file, "--dry-run", *update,
        "--moves", "transfer", "--lang", "en",
    )  # fmt: skip
    assert code == 0
    assert out.splitlines()[-1].startswith(
        "1 members already present will be moved to the organization of the file as "
        "transfers within the district"
    )
    assert out.splitlines()[-1].endswith("; if that is not so, add --moves correction.")
    code, out, _ = run(capsys, "import-members", str(path), "--db", db_file)  # skipped
    assert code == 0
    assert out.splitlines()[-1].startswith("1 名已有党员在文件中属于另一个党组织；跳过已有党员")
    assert "--on-duplicate update" in out.splitlines()[-1]
    assert _changes(db) == []
    code, out, _ = run(capsys, "import-members", str(path), "--db", db_file, *update)
    assert (code, out.strip()) == (
        0,
        "新增党员 0 名，更新 1 名，跳过已有党员 0 名，有错误未导入 0 行；"
        "更新的党员中 1 名更正了所在党组织（录入错误）",
    )
    assert _changes(db) == []  # the default: a correction, no change recorded


def test_moves_taken_as_transfers_record_them(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = _moved_member(db, db_file, tmp_path)
    code, out, _ = run(
        capsys, "import-members", str(path), "--db", db_file, "--on-duplicate", "update",
        "--moves", "transfer",
    )  # fmt: skip
    assert code == 0
    assert out.strip().endswith("；更新的党员中 1 名调整了所在党组织，记为本区内组织关系转接")
    assert _changes(db) == [("转出", ORG), ("转入", "陈店镇新溪村党支部")]


def test_a_wrong_moves_value_exits_2(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    path = _moved_member(db, db_file, tmp_path)
    state = database_state(db)
    code = None
    try:
        code = cli.main(["import-members", str(path), "--db", db_file, "--moves", "move"])
    except SystemExit as exit_:
        code = exit_.code
    _out, err = capsys.readouterr()
    assert code == 2
    assert "--moves" in err and "transfer" in err and "correction" in err
    assert database_state(db) == state


def test_help_names_the_moves_option_and_its_default(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["import-members", "--help"])
    out = "".join(capsys.readouterr().out.split())  # a Chinese line is broken anywhere
    assert "--moves{transfer,correction}" in out
    assert "（correction，默认：不记录变动）" in out
    with pytest.raises(SystemExit):
        cli.main(["import-members", "--help", "--lang", "en"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--moves {transfer,correction}" in out
    assert "(correction, the default: no change recorded)" in out
