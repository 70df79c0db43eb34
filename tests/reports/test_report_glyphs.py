"""Rare characters in names (䶮 U+4DAE, 𠀀 U+20000, 㐀 U+3400) and emoji: printed in a
fallback font when one is installed, else marked 〓 and named to the user — never blank."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop import cli
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, Attendance
from pbc_desktop.domain.enums import ActivityKind, AttendanceStatus
from pbc_desktop.reports import glyphs
from pbc_desktop.reports.fonts import FONT_DIR_ENV
from pbc_desktop.reports.glyphs import REPLACEMENT, Paragraph
from pbc_desktop.reports.layout import make_styles
from pbc_desktop.reports.minutes import build_minutes
from pbc_desktop.reports.roster import build_roster
from pbc_desktop.reports.signin import build_signin
from pbc_desktop.services.activities import editing
from pbc_desktop.ui.activities.tab import ActivitiesTab
from pbc_desktop.ui.common.context import AppContext
from tests.conftest import db_arg
from tests.factories import make_community, make_member, make_org, make_orgs
from tests.pdf_helpers import page_texts, pdffonts_rows, skip_without_pdffonts
from tests.qt_helpers import stub_boxes
from tests.report_factories import make_joint_meeting, norm

RARE_NAMES = ("张䶮", "李𠀀", "王㐀")  # extension A, extension B, the first of extension A
HANAZONO = ("HanaMinA.ttf", "HanaMinB.ttf")
KNOWN_FOLDERS = (Path("/usr/share/fonts/truetype/hanazono"),)


def _hanazono_files() -> list[Path]:
    found: dict[str, Path] = {}
    if shutil.which("fc-list"):
        out = subprocess.run(
            ["fc-list", "--format", "%{file}\n"], capture_output=True, text=True, check=False
        ).stdout
        for line in out.splitlines():
            path = Path(line.strip())
            if path.name in HANAZONO:
                found.setdefault(path.name, path)
    for folder in KNOWN_FOLDERS:
        for name in HANAZONO:
            if (folder / name).is_file():
                found.setdefault(name, folder / name)
    return [found[name] for name in HANAZONO if name in found]


@pytest.fixture
def fallback_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A font folder holding 花園明朝 A and B (Debian's fonts-hanazono), else skip."""
    files = _hanazono_files()
    if len(files) < len(HANAZONO):
        pytest.skip("花園明朝 (fonts-hanazono) is not installed: no fallback font to test")
    folder = tmp_path / "fonts"
    folder.mkdir()
    for file in files:
        (folder / file.name).symlink_to(file)
    monkeypatch.setenv(FONT_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def no_fallback_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Only the bundled font (the conftest already leaves the system fonts out)."""
    folder = tmp_path / "no-fonts"
    folder.mkdir()
    monkeypatch.setenv(FONT_DIR_ENV, str(folder))
    return folder


def meeting_with_rare_names(db: Database) -> int:
    """The crafted joint meeting, its first attendees and its chair renamed."""
    meeting = make_joint_meeting(db)
    with db.write() as s:
        rows = s.scalars(
            select(Attendance)
            .where(Attendance.activity_id == meeting.activity_id)
            .order_by(Attendance.id)
        ).all()
        for row, name in zip(rows, RARE_NAMES, strict=False):
            row.person_name = name
            row.member_id = None
        activity = s.get(Activity, meeting.activity_id)
        assert activity is not None
        activity.chair = RARE_NAMES[0]
        activity.summary = "会议气氛热烈😀。"
    return meeting.activity_id


def assert_every_font_embedded(path: Path) -> list[str]:
    skip_without_pdffonts()
    rows = pdffonts_rows(path)
    assert rows
    for row in rows:
        assert row[-5] == "yes", row  # emb
    return [row[0] for row in rows]


@pytest.mark.parametrize("build", [build_minutes, build_signin], ids=["minutes", "signin"])
def test_rare_names_print_in_a_fallback_font(
    db: Database, tmp_path: Path, fallback_fonts: Path, build: object
) -> None:
    activity_id = meeting_with_rare_names(db)
    notes: list[str] = []
    out = build(db, activity_id, tmp_path / "doc.pdf", warn=notes.append)  # type: ignore[operator]
    text = "".join(page_texts(out))
    for name in RARE_NAMES:
        assert name in text
    assert REPLACEMENT not in text
    assert notes == []
    fonts = assert_every_font_embedded(out)
    assert any("HanaMin" in name for name in fonts), fonts


def test_minutes_print_an_emoji_in_a_fallback_font(
    db: Database, tmp_path: Path, fallback_fonts: Path
) -> None:
    activity_id = meeting_with_rare_names(db)
    out = build_minutes(db, activity_id, tmp_path / "纪要.pdf")
    assert "会议气氛热烈😀。" in norm("".join(page_texts(out)))


def test_roster_prints_rare_names_in_a_fallback_font(
    db: Database, tmp_path: Path, fallback_fonts: Path
) -> None:
    org = make_org(db, "甲村党支部")
    for day, name in enumerate(RARE_NAMES, start=1):
        make_member(db, name, org, birth_date=date(1980, 5, day), complete=True)
    notes: list[str] = []
    out = build_roster(db, org, tmp_path / "花名册.pdf", warn=notes.append)
    text = "".join(page_texts(out))
    for name in RARE_NAMES:
        assert name in text
    assert REPLACEMENT not in text
    assert notes == []
    assert any("HanaMin" in name for name in assert_every_font_embedded(out))


def test_without_a_fallback_font_the_names_are_marked_and_named(
    db: Database, tmp_path: Path, no_fallback_fonts: Path
) -> None:
    activity_id = meeting_with_rare_names(db)
    notes: list[str] = []
    out = build_minutes(db, activity_id, tmp_path / "纪要.pdf", warn=notes.append)
    assert len(notes) == 1
    for name in RARE_NAMES:
        assert name in notes[0]
    assert "U+4DAE" in notes[0]
    assert "U+20000" in notes[0]
    text = norm("".join(page_texts(out)))
    # Marked where they stand, never blank: "主持人张〓", "出席:…李〓、刘洋、王〓…" (pinyin order).
    assert f"主持人张{REPLACEMENT}" in text
    r = REPLACEMENT
    assert f"出席:陈静、黄强、李{r}、刘洋、王{r}、杨磊、张{r}、赵敏、周杰。" in text
    assert f"会议气氛热烈{REPLACEMENT}。" in text
    # The document says so too, in its last lines.
    assert "请打印后手写补正" in text
    assert_every_font_embedded(out)


def test_roster_without_a_fallback_font_names_the_members(
    db: Database, tmp_path: Path, no_fallback_fonts: Path
) -> None:
    org = make_org(db, "甲村党支部")
    make_member(db, "张䶮", org, birth_date=date(1980, 5, 1), complete=True)
    make_member(db, "李娜", org, birth_date=date(1981, 5, 1), complete=True)
    notes: list[str] = []
    out = build_roster(db, org, tmp_path / "花名册.pdf", warn=notes.append)
    assert len(notes) == 1
    assert "张䶮" in notes[0]
    assert "李娜" not in notes[0]
    text = norm("".join(page_texts(out)))
    assert f"张{REPLACEMENT}" in text
    assert "李娜" in text


def test_cli_names_the_unprintable_words(
    db: Database, tmp_path: Path, no_fallback_fonts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    activity_id = meeting_with_rare_names(db)
    out = tmp_path / "纪要.pdf"
    code = cli.main(
        ["report", "minutes", "--db", db_arg(db), "--activity", str(activity_id), "-o", str(out)]
    )
    stdout, stderr = capsys.readouterr()
    assert code == 0
    assert out.is_file()
    assert "已生成会议纪要" in stdout
    assert "张䶮" in stderr
    assert "李𠀀" in stderr
    assert len(stderr.strip().splitlines()) == 1


def test_invisible_marks_are_dropped_not_marked(no_fallback_fonts: Path) -> None:
    styles = make_styles()
    # A variation selector (as pasted from a phone) that no font has: nothing to print.
    para = Paragraph("王芳\ufe0f", styles.body)
    text = "".join(frag.text for frag in para.frags)
    assert text == "王芳"
    assert para.unprintable == ()
    assert glyphs.unprintable([para]) == []


def test_the_activities_tab_names_the_unprintable_words(
    qtbot: QtBot,
    db: Database,
    tmp_path: Path,
    no_fallback_fonts: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    boxes = stub_boxes(monkeypatch)
    boxes.confirm_answer = False  # "open its folder?": no
    a, b = make_orgs(db, "甲村党支部", "乙村党支部")
    activity_id = editing.create_activity(
        db,
        editing.ActivityInput(
            community_id=make_community(db, "甲乙党建共同体", [a, b]),
            kind=ActivityKind.JOINT_MEETING,
            title="三月联席会议",
            starts_at=datetime(2026, 3, 10, 9),
            chair="陈伟",
            attendance=(
                editing.AttendanceInput("陈伟", AttendanceStatus.PRESENT),
                editing.AttendanceInput("张䶮", AttendanceStatus.PRESENT),
            ),
        ),
    )
    tab = ActivitiesTab(AppContext(db))
    qtbot.addWidget(tab)
    tab.select_id(activity_id)
    target = tmp_path / "纪要.pdf"
    monkeypatch.setattr(tab, "choose_pdf_path", lambda _s: str(target))
    assert tab.save_pdf() == target
    warnings = [text for text in boxes.shown if "张䶮" in text]
    assert len(warnings) == 1
    assert "手写补正" in warnings[0]
    assert f"张{REPLACEMENT}" in norm("".join(page_texts(target)))


def test_in_an_english_window_the_minutes_note_stays_chinese(
    db: Database, tmp_path: Path, no_fallback_fonts: Path
) -> None:
    """The minutes (an official form, Chinese whatever the window's language) ended with
    the English note "Some characters of these words are in no font…" in an English
    window; the window is still told in English."""
    from pbc_desktop import lang

    activity_id = meeting_with_rare_names(db)
    lang.set_language("en")
    notes: list[str] = []
    out = build_minutes(db, activity_id, tmp_path / "纪要.pdf", warn=notes.append)
    assert notes and notes[0].startswith("Some characters of these words")
    assert "、" not in notes[0] and "（" not in notes[0]
    text = norm("".join(page_texts(out)))
    assert "请打印后手写补正" in text
    assert "Some characters" not in text.replace(" ", "") and "Somecharacters" not in text


def test_an_english_report_s_note_has_english_punctuation(no_fallback_fonts: Path) -> None:
    """The English note listed the words as "张〓、李〓（U+4DAE、U+20000）"."""
    message = glyphs.unprintable_message(["张䶮", "李𠀀"], english=True)
    assert "张䶮, 李𠀀 (U+4DAE, U+20000)" in message
    assert "、" not in message and "（" not in message
    chinese = glyphs.unprintable_message(["张䶮", "李𠀀"], english=False)
    assert "张䶮、李𠀀（U+4DAE、U+20000）" in chinese
