"""``pbc export-template``, ``pbc export-members`` and ``pbc report roster`` as typed."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from pbc_desktop import cli
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, PartyMember
from pbc_desktop.domain.enums import AuditAction, MembershipStatus
from pbc_desktop.domain.member_changes import MemberChangeKind
from pbc_desktop.domain.member_rules import FIELDS
from pbc_desktop.domain.privacy import contains_personal_numbers
from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member
from tests.conftest import db_arg
from tests.factories import make_member
from tests.member_export_factories import Roster, setup_roster
from tests.pdf_helpers import page_texts


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def export(
    capsys: pytest.CaptureFixture[str], db_file: str, out: Path | str, *args: str
) -> tuple[int, str, str]:
    """``pbc export-members OUT --db DB_FILE ARGS…``."""
    return run(capsys, "export-members", str(out), "--db", str(db_file), *args)


def run_exit(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """A command argparse refuses: its exit code and error text."""
    with pytest.raises(SystemExit) as exc:
        cli.main(list(args))
    _out, err = capsys.readouterr()
    return int(str(exc.value.code)), err


@pytest.fixture
def setup(db: Database) -> tuple[str, Roster]:
    roster = setup_roster(db)
    return db_arg(db), roster


def names_in(path: Path) -> list[str]:
    ws = load_workbook(path).worksheets[0]
    return [str(r[0]) for r in ws.iter_rows(min_row=2, values_only=True)]


def exports(db: Database) -> list[tuple[str, str, str | None]]:
    with db.read() as s:
        return [
            (e.actor, e.summary, e.after)
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.EXPORT))
        ]


def test_export_template(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    code, out, err = run(capsys, "export-template", str(path))
    assert (code, err) == (0, "")
    assert out.strip() == f"已生成导入模板：{path}"
    ws = load_workbook(path).worksheets[0]
    assert [c.value for c in ws[1]] == [f.zh for f in FIELDS]


def test_export_members_with_filters(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, Roster], db: Database, tmp_path: Path
) -> None:
    db_file, _roster = setup
    path = tmp_path / "成田镇.xlsx"
    code, out, _ = export(capsys, db_file, path, "--town", "成田镇", "--search", "张")
    assert code == 0
    assert "已导出 2 名党员（身份证号和联系电话已部分隐藏）" in out
    assert sorted(names_in(path)) == ["张伟", "张伟强"]
    assert exports(db) == []

    code, out, _ = export(
        capsys, db_file, path, "--organization", "甲村党支部", "--category", "预备党员"
    )
    assert code == 0 and names_in(path) == ["王芳"]
    code, _, _ = export(capsys, db_file, path, "--reported", "yes")
    assert code == 0 and names_in(path) == ["赵敏"]
    code, _, _ = export(capsys, db_file, path, "--reported", "否")
    assert code == 0 and "赵敏" not in names_in(path) and len(names_in(path)) == 5


def test_export_members_of_a_roll_or_at_a_date(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, Roster], db: Database, tmp_path: Path
) -> None:
    """``--roll`` and ``--as-of`` are the 党员 tab's roll filter: who left the roll (and
    when), who is out of contact, the roll of a past day."""
    db_file, roster = setup
    leave_member(db, roster.li, LeavingInput(MemberChangeKind.DECEASED, date(2026, 3, 10)))
    with db.write() as s:
        member = s.get(PartyMember, roster.zhang)
        assert member is not None
        member.status = MembershipStatus.LOST_CONTACT
    path = tmp_path / "名册.xlsx"
    code, _, _ = export(capsys, db_file, path, "--roll", "已减少党员")
    assert code == 0 and names_in(path) == ["李娜"]
    code, _, _ = export(capsys, db_file, path, "--roll", "lost_contact")
    assert code == 0 and names_in(path) == ["张伟"]
    code, _, _ = export(capsys, db_file, path, "--organization", "甲村党支部")
    assert code == 0 and "李娜" not in names_in(path)
    code, _, _ = export(
        capsys, db_file, path, "--organization", "甲村党支部", "--as-of", "2026-03-01"
    )
    assert code == 0 and "李娜" in names_in(path)
    code, _, _ = export(capsys, db_file, path, "--roll", "all", "--search", "李娜")
    assert code == 0 and names_in(path) == ["李娜"]
    code, _, err = export(capsys, db_file, tmp_path / "a.xlsx", "--roll", "退休")
    assert (
        code == 2
        and "未知的名册范围“退休”：应为在册党员、失联党员、流动党员、已减少党员、全部党员之一。"
        in err
    )
    code, err = run_exit(capsys, "export-members", str(tmp_path / "a.xlsx"), "--as-of", "3月1日")
    assert code == 2 and "“3月1日”不是日期，请写成 2025-03-01、2025-3-1" in err
    assert not (tmp_path / "a.xlsx").exists()


@pytest.mark.parametrize(
    "typed",
    [
        "身份证 440514 19850302 416X 备用",  # typed in groups
        "身份证4405-1419-8503-0241-6X",
        "证号４４０５１４１９８５０３０２４１６Ｘ",  # full-width (Chinese input method)
        "电话１３９１２３４５６７８",
        "手机139-1234-5678",
        "座机（0754）87654321",
        "座机（０７５４）８７６５４３２１",
    ],
)
def test_a_masked_export_masks_grouped_and_full_width_numbers_in_the_remark(
    capsys: pytest.CaptureFixture[str],
    setup: tuple[str, Roster],
    db: Database,
    tmp_path: Path,
    typed: str,
) -> None:
    """Clerks type numbers in groups and with the Chinese input method's full-width digits:
    the masked export must not print them whole."""
    db_file, roster = setup
    make_member(db, "陈立", roster.village, remark=typed, complete=True)
    path = tmp_path / "脱敏.xlsx"
    code, _out, err = export(capsys, db_file, path, "--search", "陈立")
    assert (code, err) == (0, "")
    ws = load_workbook(path).worksheets[0]
    remark = str(ws.cell(row=2, column=len(FIELDS)).value)
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", remark) if ch.isdigit())
    assert len(digits) <= 8, remark  # no whole ID number (15/18) or phone (11/12) left
    assert not contains_personal_numbers(remark), remark
    assert contains_personal_numbers(typed)


def test_unmasked_export_is_audited(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, Roster], db: Database, tmp_path: Path
) -> None:
    db_file, roster = setup
    path = tmp_path / "完整.xlsx"
    code, out, _ = export(
        capsys,
        db_file,
        path,
        "--organization",
        str(roster.village),
        "--unmasked",
    )
    assert code == 0
    assert "已导出 4 名党员（含完整身份证号和联系电话，已记入操作日志）" in out
    ws = load_workbook(path).worksheets[0]
    assert "*" not in str(ws.cell(row=2, column=5).value)
    ((actor, summary, after),) = exports(db)
    assert actor == "测试管理员（区委组织部）" and "甲村党支部" in summary  # the signed-in account
    assert json.loads(after or "{}")["count"] == 4


def test_english_messages(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, Roster], tmp_path: Path
) -> None:
    db_file, _roster = setup
    code, out, _ = export(capsys, db_file, tmp_path / "a.xlsx", "--lang", "en")
    assert code == 0 and "6 members exported, ID numbers and phones partly hidden" in out


def test_report_roster(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, Roster], db: Database, tmp_path: Path
) -> None:
    db_file, _roster = setup
    pdf = tmp_path / "花名册.pdf"
    code, out, _ = run(
        capsys,
        "report",
        "roster",
        "--db",
        str(db_file),
        "--organization",
        "甲村党支部",
        "--out",
        str(pdf),
    )
    assert code == 0 and out.strip() == f"已生成甲村党支部党员花名册：{pdf}"
    text = "".join(page_texts(pdf)[0].split())
    assert "甲村党支部党员花名册" in text and "138****8000" in text
    assert exports(db) == []
    code, _, _ = run(
        capsys,
        "report",
        "roster",
        "--db",
        str(db_file),
        "--organization",
        "甲村党支部",
        "-o",
        str(pdf),
        "--unmasked",
    )
    assert code == 0 and "13800138000" in "".join(page_texts(pdf)[0].split())
    assert len(exports(db)) == 1


def test_bad_arguments(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, Roster], tmp_path: Path
) -> None:
    db_file, _roster = setup
    out_file = str(tmp_path / "a.xlsx")
    code, _, err = export(capsys, db_file, out_file, "--organization", "丙村")
    assert code == 2 and err.strip() == "错误：找不到名为“丙村”的党组织。"
    code, _, err = export(capsys, db_file, out_file, "--organization", "村党支部")
    assert code == 2 and "请写出完整名称" in err
    code, _, err = export(capsys, db_file, out_file, "--category", "积极分子")
    assert code == 2 and "未知的人员类别“积极分子”：应为正式党员、预备党员之一。" in err
    code, _, err = export(capsys, db_file, out_file, "--town", "成田")
    assert code == 2 and "没有位于“成田”的党组织。已有的镇街：" in err
    code, _, err = export(capsys, db_file, tmp_path / "a.csv")
    assert code == 2 and "应以 .xlsx 结尾" in err
    code, _, err = run(capsys, "export-template", str(tmp_path))
    assert code == 2 and "应以 .xlsx 结尾" in err
    code, err = run_exit(capsys, "export-members", out_file, "--reported", "maybe")
    assert code == 2 and "应为 yes 或 no（是/否），而不是“maybe”" in err
    code, err = run_exit(capsys, "report", "roster", "-o", str(tmp_path / "a.pdf"))
    assert code == 2 and "--organization" in err
    code, _, err = run(
        capsys,
        "report",
        "roster",
        "--db",
        str(db_file),
        "--organization",
        "9999",
        "-o",
        str(tmp_path / "a.pdf"),
    )
    assert code == 2 and "找不到名为“9999”的党组织" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".pdf")) == []
