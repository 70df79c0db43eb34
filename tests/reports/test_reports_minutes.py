"""会议纪要 PDF: read back as text and fonts, as an office would check a printed page."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from sqlalchemy import select

from pbc_desktop import lang
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, AgendaItem
from pbc_desktop.domain.chinese_text import chinese_number
from pbc_desktop.domain.enums import ActivityKind, ActivityStatus
from pbc_desktop.domain.pinyin import sort_key
from pbc_desktop.errors import NotFoundError, UserError
from pbc_desktop.reports import layout
from pbc_desktop.reports.fonts import BUNDLED_FONT_NAME, FONT_DIR_ENV, font_file, official_fonts
from pbc_desktop.reports.minutes import build_minutes
from pbc_desktop.reports.signature_block import SignatureBlock
from tests.conftest import db_arg
from tests.factories import make_activity, make_orgs
from tests.pdf_helpers import page_texts, pdffonts_rows, skip_without_pdffonts
from tests.report_factories import (
    ABSENT,
    AGENDA,
    COMMUNITY,
    OBSERVERS,
    ORG_NAMES,
    PRESENT,
    VENUE,
    make_joint_meeting,
    norm,
    report_parser,
)


def whole_text(path: Path) -> str:
    return norm("".join(page_texts(path)))


def minutes(db: Database, activity_id: int, path: Path, **kwargs: bool) -> Path:
    return build_minutes(db, activity_id, path, **kwargs)


def test_minutes_of_a_joint_meeting_say_everything(db: Database, tmp_path: Path) -> None:
    meeting = make_joint_meeting(db)
    out = minutes(db, meeting.activity_id, tmp_path / "纪要.pdf")
    text = whole_text(out)

    # Two joint meetings earlier that year; the cancelled one, the other kind and the
    # meetings of other years do not count.
    assert norm(f"{COMMUNITY}2026年第3次联席会议纪要") in text
    meta = PdfReader(str(out)).metadata
    assert meta is not None  # the activity's own title is the PDF's subject
    assert (meta.title, meta.subject) == (f"{COMMUNITY}2026年第3次联席会议纪要", "联席会议")
    for heading in ("基本情况", "出席情况", "会议概况", "会议议题"):
        assert heading in text
    for label, value in (
        ("会议主题", "联席会议"),
        ("时间", "2026年3月12日14:30—16:00"),
        ("地点", VENUE),
        ("主办单位", ORG_NAMES[0]),
        ("主持人", "张伟"),
        ("记录人", "王芳"),
        ("主讲人", "区委党校陈老师"),
        ("参加单位", "、".join(ORG_NAMES)),
    ):
        assert label + value in text

    assert "应到12人,实到9人,缺席3人,列席2人。" in text

    def in_pinyin_order(names: Iterable[str]) -> str:
        return "、".join(sorted(names, key=lambda name: sort_key(name, person=True)))

    assert "出席:" + in_pinyin_order(PRESENT) + "。" in text
    assert "吴刚(病假)" in text
    assert "郑丽(公出:赴区委党校培训)" in text
    assert "孙涛(家中有急事)" in text
    assert len(ABSENT) == 3
    assert "列席:" + in_pinyin_order(OBSERVERS) + "。" in text
    assert "特邀嘉宾:区委组织部何明" in text

    numerals = ("一", "二", "三")
    for numeral, (title, discussion, resolution, votes) in zip(numerals, AGENDA, strict=True):
        assert f"{numeral}、{norm(title)}" in text
        assert "讨论情况:" + norm(discussion.splitlines()[0]) in text
        assert "决议:" + norm(resolution) in text
        assert f"表决结果:同意{votes[0]}票,反对{votes[1]}票,弃权{votes[2]}票。" in text

    assert "主持人(签字):" in text
    assert "记录人(签字):" in text
    assert text.count("日期:") == 2


def test_paper_uses_chinese_punctuation(db: Database, tmp_path: Path) -> None:
    meeting = make_joint_meeting(db)
    raw = "".join(page_texts(minutes(db, meeting.activity_id, tmp_path / "m.pdf")))
    assert "主持人\uff08签字\uff09\uff1a" in raw
    assert "吴刚\uff08病假\uff09" in raw
    assert "14:30" in raw  # times keep their colon


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("第一季度联席会议", f"{COMMUNITY}第一季度联席会议纪要"),
        (f"{COMMUNITY}第二季度联席会议", f"{COMMUNITY}第二季度联席会议纪要"),
        ("研究春耕互助", f"{COMMUNITY}2026年第3次联席会议纪要"),  # a subject, not a heading
        ("联席会议", f"{COMMUNITY}2026年第3次联席会议纪要"),
    ],
)
def test_heading_matches_the_meetings_title(
    db: Database, tmp_path: Path, title: str, heading: str
) -> None:
    meeting = make_joint_meeting(db, title=title)
    text = whole_text(minutes(db, meeting.activity_id, tmp_path / "m.pdf"))
    assert text.startswith(norm(heading) + "基本情况")
    assert "草稿" not in text and "已取消" not in text


@pytest.mark.parametrize(
    ("status", "word", "note"),
    [
        (ActivityStatus.PLANNED, "草稿", "草稿:本次会议尚未举行"),
        (ActivityStatus.CANCELLED, "已取消", "本次会议已取消,未举行"),
    ],
)
def test_minutes_of_a_meeting_not_held_are_marked(
    db: Database, tmp_path: Path, status: ActivityStatus, word: str, note: str
) -> None:
    meeting = make_joint_meeting(db, status=status, agenda_items=40)
    pages = [norm(p) for p in page_texts(minutes(db, meeting.activity_id, tmp_path / "m.pdf"))]
    assert len(pages) > 1
    assert note in pages[0]
    # The watermark is drawn on every page, not only the first.
    assert all(word in page for page in pages)


def test_stored_sequence_number_is_used(db: Database, tmp_path: Path) -> None:
    meeting = make_joint_meeting(db, seq_in_year=7)
    text = whole_text(minutes(db, meeting.activity_id, tmp_path / "m.pdf"))
    assert norm(f"{COMMUNITY}2026年第7次联席会议纪要") in text


def test_branch_meeting_without_community_is_a_record_of_its_branch(
    db: Database, tmp_path: Path
) -> None:
    branch, other = make_orgs(db, "峡山街道东山社区党支部", "峡山街道西山社区党支部", town=None)

    def meeting(org_id: int, month: int, agenda: tuple[AgendaItem, ...] = ()) -> int:
        return make_activity(
            db,
            None,
            "支委会",
            kind=ActivityKind.BRANCH_COMMITTEE,
            starts_at=datetime(2026, month, 3, 9, 0),
            host_org_id=org_id,
            agenda=list(agenda),
        )

    meeting(branch, 1)
    meeting(other, 2)  # another branch's meeting does not count
    target_id = meeting(branch, 3, (AgendaItem(seq=1, title="研究发展党员工作"),))
    text = whole_text(minutes(db, target_id, tmp_path / "m.pdf"))
    assert "峡山街道东山社区党支部2026年第2次支委会会议记录" in text
    assert "一、研究发展党员工作" in text
    assert "未登记出席情况。" in text


def test_text_that_looks_like_markup_is_printed_as_typed(db: Database, tmp_path: Path) -> None:
    meeting = make_joint_meeting(db)
    with db.write() as s:
        item = s.scalars(
            select(AgendaItem).where(
                AgendaItem.activity_id == meeting.activity_id, AgendaItem.seq == 1
            )
        ).one()
        item.title = "关于<b>预算</b> & 决算"
    text = whole_text(minutes(db, meeting.activity_id, tmp_path / "m.pdf"))
    assert "一、关于<b>预算</b>&决算" in text


def test_cjk_font_is_embedded_as_a_subset(db: Database, tmp_path: Path) -> None:
    skip_without_pdffonts()
    meeting = make_joint_meeting(db)
    rows = pdffonts_rows(minutes(db, meeting.activity_id, tmp_path / "m.pdf"))
    assert rows
    assert any("WenQuanYiMicroHei" in row[0] for row in rows)
    for row in rows:  # every font, not only the CJK one: nothing left to the printer's PC
        emb, sub, _uni = row[-5:-2]
        assert (emb, sub) == ("yes", "yes"), row


def test_long_record_has_page_x_of_y_on_every_page(db: Database, tmp_path: Path) -> None:
    meeting = make_joint_meeting(db, agenda_items=40, attendees=200)
    pages = page_texts(minutes(db, meeting.activity_id, tmp_path / "long.pdf"))
    total = len(pages)
    assert total > 5
    for number, text in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {total} 页" in text
    text = norm("".join(pages))
    assert "应到200人,实到180人,缺席20人。" in text
    for n in (1, 10, 21, 40):
        numeral = chinese_number(n)
        assert f"{numeral}、第{n}项议题:关于项目清单第{n}项的推进安排" in text
    assert "四十、" in text
    assert "主持人(签字):" in norm(pages[-1])


def test_invariant_output_is_byte_identical(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = make_joint_meeting(db)
    first = minutes(db, meeting.activity_id, tmp_path / "a.pdf", invariant=True)
    second = minutes(db, meeting.activity_id, tmp_path / "b.pdf", invariant=True)
    assert first.read_bytes() == second.read_bytes()
    monkeypatch.setenv(layout.INVARIANT_ENV, "1")
    third = minutes(db, meeting.activity_id, tmp_path / "c.pdf")
    assert third.read_bytes() == first.read_bytes()


def _font_file(name: str) -> str:
    assert pdfmetrics.getFont(name) is not None
    return str(font_file(name))


def test_official_windows_fonts_are_used_when_installed(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = Path(_font_file(official_fonts().body))
    folder = tmp_path / "Fonts"
    folder.mkdir()
    for name in ("SIMFANG.TTF", "simhei.ttf", "simsun.ttc"):  # names match in any case
        shutil.copyfile(source, folder / name)
    monkeypatch.setenv(FONT_DIR_ENV, str(folder))

    fonts = official_fonts()
    assert fonts.official
    assert _font_file(fonts.body) == str((folder / "SIMFANG.TTF").resolve())
    assert _font_file(fonts.heading) == str((folder / "simhei.ttf").resolve())
    assert _font_file(fonts.title) == str((folder / "simhei.ttf").resolve())  # no 小标宋

    shutil.copyfile(source, folder / "FZXBSJW.TTF")
    assert _font_file(official_fonts().title) == str((folder / "FZXBSJW.TTF").resolve())

    meeting = make_joint_meeting(db)
    out = minutes(db, meeting.activity_id, tmp_path / "m.pdf")
    assert "主持人(签字):" in whole_text(out)
    # The copies share the bundled font's face name, which ReportLab embeds once; real
    # 仿宋/黑体 files have faces of their own and are embedded each.
    if shutil.which("pdffonts"):
        rows = pdffonts_rows(out)
        assert rows
        assert all(row[-5:-3] == ["yes", "yes"] for row in rows)


def test_bundled_font_when_no_official_font_is_usable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Fonts"
    folder.mkdir()
    (folder / "simfang.ttf").write_bytes(b"not a font")
    monkeypatch.setenv(FONT_DIR_ENV, str(folder))
    monkeypatch.delenv("WINDIR", raising=False)
    monkeypatch.delenv("SYSTEMROOT", raising=False)
    fonts = official_fonts()
    assert not fonts.official
    assert fonts.title == fonts.heading == fonts.body == BUNDLED_FONT_NAME


def test_only_songti_installed_sets_the_body_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Fonts"
    folder.mkdir()
    shutil.copyfile(_font_file(BUNDLED_FONT_NAME), folder / "simsun.ttc")
    monkeypatch.setenv(FONT_DIR_ENV, str(folder))
    fonts = official_fonts()
    assert _font_file(fonts.body).endswith("simsun.ttc")
    assert fonts.heading == fonts.title == BUNDLED_FONT_NAME


def test_unknown_activity_is_a_clear_error(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "m.pdf"
    with pytest.raises(NotFoundError, match="找不到编号为 999 的活动"):
        minutes(db, 999, out)
    lang.set_language("en")
    with pytest.raises(NotFoundError, match="no activity with id 999"):
        minutes(db, 999, out)
    assert not out.exists()


def test_failed_build_leaves_no_file_and_keeps_the_old_one(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = make_joint_meeting(db)

    def broken(self: object) -> None:
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(SignatureBlock, "draw", broken)
    folder = tmp_path / "out"
    with pytest.raises(RuntimeError):
        minutes(db, meeting.activity_id, folder / "m.pdf")
    assert list(folder.iterdir()) == []

    old = folder / "old.pdf"
    old.write_bytes(b"%PDF- the minutes printed last week")
    with pytest.raises(RuntimeError):
        minutes(db, meeting.activity_id, old)
    assert old.read_bytes() == b"%PDF- the minutes printed last week"
    assert [p.name for p in folder.iterdir()] == ["old.pdf"]


def test_a_folder_as_output_is_refused(db: Database, tmp_path: Path) -> None:
    meeting = make_joint_meeting(db)
    with pytest.raises(UserError, match="文件夹"):
        minutes(db, meeting.activity_id, tmp_path)


def test_building_minutes_writes_nothing_to_the_database(db: Database, tmp_path: Path) -> None:
    meeting = make_joint_meeting(db)
    with db.read() as s:
        before = s.get(Activity, meeting.activity_id)
        assert before is not None
        stamp = before.updated_at
    build_minutes(db, meeting.activity_id, tmp_path / "m.pdf")
    with db.read() as s:
        assert s.get(Activity, meeting.activity_id).updated_at == stamp  # type: ignore[union-attr]


# -- the command line -----------------------------------------------------------------------
def test_cli_report_minutes(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = make_joint_meeting(db)
    out = tmp_path / "pdf" / "纪要.pdf"
    out.parent.mkdir()  # a folder that does not exist is refused (tests/cli)
    args = report_parser().parse_args(
        ["report", "minutes", "--db", db_arg(db), "--activity", str(meeting.activity_id),
         "-o", str(out)]
    )  # fmt: skip
    assert args.handler(args) == 0
    assert str(out.resolve()) in capsys.readouterr().out
    assert norm(f"{COMMUNITY}2026年第3次联席会议纪要") in whole_text(out)

    args = report_parser().parse_args(
        ["report", "minutes", "--db", db_arg(db), "--activity", "999", "-o", str(out)]
    )
    with pytest.raises(NotFoundError):
        args.handler(args)


def test_cli_report_needs_activity_and_output(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        report_parser().parse_args(["report", "minutes", "-o", "x.pdf"])
    with pytest.raises(SystemExit):
        report_parser().parse_args(["report", "minutes", "--activity", "1"])
    capsys.readouterr()


def test_windows_font_folders_are_searched_unless_switched_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pbc_desktop.reports.fonts import SYSTEM_FONTS_ENV, font_dirs

    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.delenv(FONT_DIR_ENV, raising=False)
    assert font_dirs() == []  # the suite switches them off (tests/conftest.py)
    monkeypatch.delenv(SYSTEM_FONTS_ENV)
    assert tmp_path / "Windows" / "Fonts" in font_dirs()


def test_minutes_of_a_planned_meeting_count_no_one_present(db: Database, tmp_path: Path) -> None:
    """Those called are stored as 出席 until the meeting is held: the draft says 应到, not
    实到."""
    meeting = make_joint_meeting(db, status=ActivityStatus.PLANNED)
    text = whole_text(minutes(db, meeting.activity_id, tmp_path / "m.pdf"))
    assert "应到12人,缺席3人,列席2人。" in text
    assert "实到" not in text and "。出席:" not in text
    assert "拟出席:" in text
