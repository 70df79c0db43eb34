"""签到表 PDF: who is expected, blank rows to the end of the last page, headers on each page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, PartyMember
from pbc_desktop.domain.enums import ActivityStatus, MembershipStatus
from pbc_desktop.errors import NotFoundError, UserError
from pbc_desktop.reports.signin import HEADERS, MIN_BLANK_ROWS, build_signin
from tests.conftest import db_arg
from tests.pdf_helpers import page_texts, pdffonts_lines, skip_without_pdffonts
from tests.report_factories import (
    ABSENT,
    COMMUNITY,
    OBSERVERS,
    ORG_NAMES,
    PRESENT,
    VENUE,
    make_joint_meeting,
    norm,
    report_parser,
)

EXPECTED = len(PRESENT) + len(ABSENT) + len(OBSERVERS)


def signin(db: Database, activity_id: int, path: Path, **kwargs: object) -> Path:
    return build_signin(db, activity_id, path, **kwargs)  # type: ignore[arg-type]


def serials(text: str) -> list[int]:
    """The row numbers (序号) on a page: the lines that are a number and nothing else."""
    return [int(line) for line in text.splitlines() if re.fullmatch(r"\s*\d+\s*", line)]


def test_sheet_lists_the_expected_people(db: Database, tmp_path: Path) -> None:
    meeting = make_joint_meeting(db, status=ActivityStatus.PLANNED, title="第一季度联席会议")
    pages = page_texts(signin(db, meeting.activity_id, tmp_path / "签到表.pdf"))
    text = norm("".join(pages))
    # The heading is the meeting's own title when that names the kind.
    assert norm(f"{COMMUNITY}第一季度联席会议签到表") in text
    assert "时间2026年3月12日14:30—16:00" in text
    assert f"地点{VENUE}" in text
    assert "主持人张伟" in text
    assert f"主办单位{ORG_NAMES[0]}" in text
    # 列席 are on the sheet but not counted as expected.
    assert f"应到人数{EXPECTED - len(OBSERVERS)}人" in text
    assert "实到人数" in text
    meta = PdfReader(str(tmp_path / "签到表.pdf")).metadata
    assert meta is not None
    assert (meta.title, meta.subject) == (f"{COMMUNITY}第一季度联席会议签到表", "第一季度联席会议")
    for name in PRESENT + tuple(n for n, _, _ in ABSENT) + OBSERVERS:
        assert name in text
    assert "吴刚成田镇上盐村党支部支部委员病假" in text
    assert "马骏成田镇上盐村党支部支部委员列席" in text
    # The absence as the minutes phrase it: the reason with its words; 其他 gives its words.
    assert "郑丽潮南区人民医院党支部公出:赴区委党校培训" in text
    assert "孙涛成田镇中心小学党支部家中有急事" in text
    for page in pages:  # the column headings on every page
        assert "".join(HEADERS) in norm(page)
        assert re.search(r"第 \d+ 页 共 \d+ 页", page)


def test_blank_rows_fill_the_last_page(db: Database, tmp_path: Path) -> None:
    meeting = make_joint_meeting(db, status=ActivityStatus.PLANNED)
    pages = page_texts(signin(db, meeting.activity_id, tmp_path / "a.pdf"))
    last = max(serials(pages[-1]))
    assert last >= EXPECTED + MIN_BLANK_ROWS
    assert serials(norm_lines(pages)) == list(range(1, last + 1))

    # One row more than the default starts a new page: the default filled the last one.
    more = page_texts(
        signin(db, meeting.activity_id, tmp_path / "b.pdf", blank_rows=last - EXPECTED + 1)
    )
    assert len(more) == len(pages) + 1
    assert serials(more[-1]) == [last + 1]


def norm_lines(pages: list[str]) -> str:
    return "\n".join(pages)


def test_explicit_blank_rows(db: Database, tmp_path: Path) -> None:
    meeting = make_joint_meeting(db, status=ActivityStatus.PLANNED)
    pages = page_texts(signin(db, meeting.activity_id, tmp_path / "a.pdf", blank_rows=0))
    assert max(serials(pages[-1])) == EXPECTED
    with pytest.raises(UserError, match="空白行数"):
        signin(db, meeting.activity_id, tmp_path / "b.pdf", blank_rows=-1)


def test_without_attendance_the_members_of_participants_are_listed(
    db: Database, tmp_path: Path
) -> None:
    meeting = make_joint_meeting(db, status=ActivityStatus.PLANNED, with_attendance=False)
    with db.write() as s:
        gone = s.scalars(select(PartyMember).where(PartyMember.name == "孙涛")).one()
        gone.status = MembershipStatus.TRANSFERRED_OUT
    text = norm("".join(page_texts(signin(db, meeting.activity_id, tmp_path / "a.pdf"))))
    assert "张伟成田镇上盐村党支部支部委员" in text
    assert "王芳潮南区人民医院党支部" in text
    assert "孙涛" not in text
    assert f"应到人数{EXPECTED - 1}人" in text


def test_nobody_expected_still_gives_rows_to_sign(db: Database, tmp_path: Path) -> None:
    meeting = make_joint_meeting(db, status=ActivityStatus.PLANNED, with_attendance=False)
    with db.write() as s:
        activity = s.get(Activity, meeting.activity_id)
        assert activity is not None
        activity.organizations = []
    pages = page_texts(signin(db, meeting.activity_id, tmp_path / "a.pdf"))
    assert len(pages) == 1
    assert max(serials(pages[0])) >= MIN_BLANK_ROWS


def test_long_sheet_numbers_every_page(db: Database, tmp_path: Path) -> None:
    meeting = make_joint_meeting(db, status=ActivityStatus.PLANNED, attendees=200)
    pages = page_texts(signin(db, meeting.activity_id, tmp_path / "a.pdf"))
    total = len(pages)
    assert total > 5
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {total} 页" in page
        assert "".join(HEADERS) in norm(page)
    text = norm("".join(pages))
    assert "党员001" in text
    assert "党员200" in text


def test_invariant_output_is_byte_identical(db: Database, tmp_path: Path) -> None:
    meeting = make_joint_meeting(db, status=ActivityStatus.PLANNED)
    a = signin(db, meeting.activity_id, tmp_path / "a.pdf", invariant=True)
    b = signin(db, meeting.activity_id, tmp_path / "b.pdf", invariant=True)
    assert a.read_bytes() == b.read_bytes()


def test_fonts_embedded(db: Database, tmp_path: Path) -> None:
    skip_without_pdffonts()
    meeting = make_joint_meeting(db, status=ActivityStatus.PLANNED)
    out = signin(db, meeting.activity_id, tmp_path / "a.pdf")
    lines = pdffonts_lines(out)
    assert lines
    assert all(line.split()[-5:-3] == ["yes", "yes"] for line in lines)


def test_unknown_activity(db: Database, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        signin(db, 4242, tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists()


def test_cli_report_signin(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = make_joint_meeting(db, status=ActivityStatus.PLANNED)
    out = tmp_path / "签到表.pdf"
    args = report_parser().parse_args(
        ["report", "signin", "--db", db_arg(db), "--activity", str(meeting.activity_id),
         "-o", str(out), "--blank-rows", "0"]
    )  # fmt: skip
    assert args.handler(args) == 0
    assert str(out.resolve()) in capsys.readouterr().out
    assert max(serials(page_texts(out)[-1])) == EXPECTED

    with pytest.raises(SystemExit):
        report_parser().parse_args(
            ["report", "signin", "--activity", "1", "-o", "x.pdf", "--blank-rows", "-3"]
        )
    assert "--blank-rows" in capsys.readouterr().err
