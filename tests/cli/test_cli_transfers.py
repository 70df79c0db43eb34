"""``pbc report transfer-letter`` and ``pbc report roster --as-of`` as typed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pbc_desktop import cli
from pbc_desktop.db.engine import Database
from pbc_desktop.domain.member_changes import MemberChangeKind
from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member
from pbc_desktop.services.member_changes.transfers import TransferInput, issue_transfer
from tests.conftest import db_arg
from tests.factories import make_member, make_org
from tests.pdf_helpers import page_texts


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_letter_and_the_roll_at_a_date(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    org = make_org(db, "甲村党支部")
    stay = make_member(db, "张三", org, joined_on=date(2000, 7, 1))
    gone = make_member(db, "李四", org, joined_on=date(2000, 7, 1))
    transfer_id = issue_transfer(
        db, stay, TransferInput(to_unit="广州市某街道党工委", issued_on=date(2026, 3, 2))
    )
    leave_member(db, gone, LeavingInput(MemberChangeKind.DECEASED, date(2026, 1, 5)))
    letter = tmp_path / "介绍信.pdf"
    code, out, _ = run(
        capsys, "report", "transfer-letter", "--db", db_arg(db), "--transfer", str(transfer_id),
        "-o", str(letter),
    )  # fmt: skip
    assert code == 0 and out.strip() == f"已生成组织关系介绍信：{letter}"
    text = "".join(page_texts(letter)).replace("\n", "")
    assert "张三同志系中共正式党员，组织关系由中共甲村党支部转到广州市某街道党工委。" in text
    code, _, err = run(
        capsys, "report", "transfer-letter", "--db", db_arg(db), "--transfer", "999",
        "-o", str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert code == 2 and "找不到该组织关系介绍信" in err

    roster = tmp_path / "花名册.pdf"
    for as_of, names in ((None, {"张三"}), ("2025-12-31", {"张三", "李四"})):
        extra = ["--as-of", as_of] if as_of else []
        code, _, _ = run(
            capsys, "report", "roster", "--db", db_arg(db), "--organization", "甲村党支部",
            "-o", str(roster), *extra,
        )  # fmt: skip
        assert code == 0
        text = "".join(page_texts(roster)[0].split())
        assert {n for n in ("张三", "李四") if n in text} == names
    assert "截至2025年12月31日在册党员2名" in text
    with pytest.raises(SystemExit) as exc:
        cli.main(
            ["report", "roster", "--organization", "甲村党支部", "-o", "a.pdf", "--as-of", "去年"]
        )
    assert exc.value.code == 2
    assert "“去年”不是日期" in capsys.readouterr().err
