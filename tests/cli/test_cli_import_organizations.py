"""``pbc import-organizations FILE`` and ``pbc export-template --organizations``."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from pbc_desktop import cli
from pbc_desktop.db.engine import Database
from pbc_desktop.domain.org_columns import COLUMNS
from tests.conftest import db_arg
from tests.factories import make_id
from tests.import_factories import database_state
from tests.org_import_factories import org, stored_tree, write_org_list


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def good_and_bad(tmp_path: Path) -> Path:
    return write_org_list(
        tmp_path / "党组织.xlsx",
        [
            org("甲二村党支部", "甲镇党委"),
            org("甲镇党委", None, kind="党委", field="机关"),
            org("坏党支部", "甲镇党委", kind="协会"),
        ],
    )


def test_dry_run_prints_the_bad_rows_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    path = good_and_bad(tmp_path)
    state = database_state(db)
    code, out, err = run(capsys, "import-organizations", str(path), "--db", db_arg(db), "--dry-run")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0].startswith("第4行：党组织类别“协会”无法识别")
    assert (
        lines[1]
        == "试运行，未写入任何数据：共 3 行，可新增 2 个，已有党组织 0 个（将跳过），有错误 1 行"
    )
    assert database_state(db) == state


def test_the_refusals_quote_slipped_numbers_masked(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    """A list whose columns slipped: a phone under 上级党组织, an ID number under 成立日期,
    are quoted masked."""
    number = make_id("19850302", "416")
    path = write_org_list(
        tmp_path / "党组织.xlsx", [org("新村党支部", "13812345678", founded=number)]
    )
    code, out, err = run(capsys, "import-organizations", str(path), "--db", db_arg(db), "--dry-run")
    assert code == 1, err
    assert "上级党组织“138****5678”既不在本表中" in out
    assert "成立日期“**************" + number[-4:] + "”" in out
    assert "13812345678" not in out and number not in out


def test_a_csv_list_saved_by_a_chinese_windows_is_imported(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    path = write_org_list(
        tmp_path / "党组织.csv",
        [org("甲二村党支部", "甲镇党委"), org("甲镇党委", None, kind="党委", field="机关")],
        encoding="gbk",
    )
    code, out, err = run(capsys, "import-organizations", str(path), "--db", db_arg(db))
    assert (code, err) == (0, "")
    assert out.splitlines()[-1].startswith("新增党组织 2 个")
    assert stored_tree(db) == {"甲镇党委": None, "甲二村党支部": "甲镇党委"}


def test_bad_rows_stop_the_import_unless_valid_only(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    path = good_and_bad(tmp_path)
    code, out, _ = run(capsys, "import-organizations", str(path), "--db", db_arg(db))
    assert code == 1
    assert out.splitlines()[-1].startswith("有 1 行有错误，没有导入任何党组织")
    assert stored_tree(db) == {}
    code, out, _ = run(
        capsys, "import-organizations", str(path), "--db", db_arg(db), "--valid-only"
    )
    assert code == 1
    assert (
        out.splitlines()[-1] == "新增党组织 2 个，更新 0 个，跳过已有党组织 0 个，有错误未导入 1 行"
    )
    assert stored_tree(db) == {"甲镇党委": None, "甲二村党支部": "甲镇党委"}
    path = write_org_list(tmp_path / "again.xlsx", [org("甲二村党支部", None, secretary="王五")])
    code, out, _ = run(
        capsys,
        "import-organizations",
        str(path),
        "--db",
        db_arg(db),
        "--on-duplicate",
        "update",
        "--lang",
        "en",
    )
    assert (code, out.strip()) == (
        0,
        "0 organizations added, 1 updated, 0 already present skipped, 0 rows with errors "
        "not imported",
    )


def test_a_bad_file_or_argument_is_one_sentence_and_status_2(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "import-organizations", str(tmp_path / "无.xlsx"), "--db", db_arg(db)
    )
    assert (code, out) == (2, "")
    assert err.strip() == f"错误：找不到文件“{tmp_path / '无.xlsx'}”。"
    page = tmp_path / "a.xls"
    page.write_text("<html><table><tr><td>党组织名称</td></tr></table></html>", encoding="utf-8")
    code, _, err = run(capsys, "import-organizations", str(page), "--db", db_arg(db))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "网页" in err
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["import-organizations", str(page), "--on-duplicate", "merge"])
    assert exit_info.value.code == 2
    assert "命令行参数不正确" in capsys.readouterr().err


def test_export_template_for_organizations(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "党组织模板.xlsx"
    code, out, err = run(capsys, "export-template", "--organizations", str(path))
    assert (code, err) == (0, "")
    assert out.strip() == f"已生成导入模板：{path}"
    ws = load_workbook(path).worksheets[0]
    assert [c.value for c in ws[1]] == [c.zh for c in COLUMNS]
    ws.append(["甲镇党委", "党委", None, "甲镇", "机关"])
    ws.parent.save(path)
    code, out, _ = run(capsys, "import-organizations", str(path), "--db", db_arg(db))
    assert code == 0 and "新增党组织 1 个" in out
