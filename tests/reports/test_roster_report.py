"""党员花名册 PDF: read back page by page, its fonts listed by ``pdffonts``."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, PartyMember
from pbc_desktop.domain.enums import AuditAction, MembershipStatus
from pbc_desktop.errors import NotFoundError, UserError
from pbc_desktop.reports.layout import make_styles
from pbc_desktop.reports.roster import (
    COLUMNS,
    MIN_REST,
    PAGE,
    SIZES,
    build_roster,
    fit_columns,
)
from pbc_desktop.services import member_export
from tests.factories import make_member, make_org
from tests.member_export_factories import Roster, setup_roster
from tests.pdf_helpers import page_texts, pdffonts_rows, skip_without_pdffonts

TODAY = date(2026, 3, 1)
LANDSCAPE = (842, 595)  # A4 landscape in points, rounded


@pytest.fixture
def roster(db: Database) -> Roster:
    return setup_roster(db)


def flat(text: str) -> str:
    return "".join(text.split())


def ids_of(db: Database, org_id: int) -> list[str]:
    with db.read() as s:
        return [
            n
            for n in s.scalars(
                select(PartyMember.id_number).where(PartyMember.organization_id == org_id)
            )
            if n
        ]


def test_small_roster(db: Database, roster: Roster, tmp_path: Path) -> None:
    path = build_roster(db, roster.village, tmp_path / "花名册.pdf", today=TODAY)
    reader = PdfReader(str(path))
    (page,) = reader.pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == LANDSCAPE
    assert reader.metadata is not None and reader.metadata.title == "甲村党支部党员花名册"
    text = flat(page_texts(path)[0])
    assert "甲村党支部党员花名册" in text
    for header in ("序号", "姓名", "身份证号", "工作单位及职务", "联系电话", "党籍状态"):
        assert header in text
    for name in ("张伟", "张伟强", "李娜", "王芳"):
        assert name in text
    assert "赵敏" not in text  # reported here, but her own organization is another
    assert "党员4名（正式党员3名，预备党员1名）" in text
    assert "所在镇街：成田镇" in text and "制表日期：2026年3月1日" in text
    # Masked: the last four only.
    for number in ids_of(db, roster.village):
        assert number not in text
        assert f"{'*' * 14}{number[-4:]}" in text
    assert "138****8000" in text and "13800138000" not in text
    assert "身份证号和联系电话已部分隐藏" in text
    assert "制表人（签字）" in text and "审核人（签字）" in text
    assert "第1页共1页" in text
    # The committee first.
    assert text.index("张伟") < text.index("李娜") < text.index("王芳")


def test_the_table_lies_within_the_landscape_margins(
    db: Database, roster: Roster, tmp_path: Path
) -> None:
    """The text area is the roster's own (15 mm left, 18 mm top), not portrait A4's."""
    path = build_roster(db, roster.village, tmp_path / "花名册.pdf", today=TODAY)
    (page,) = PdfReader(str(path)).pages
    corners: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():  # the text matrix's origin, through the current transformation
            x, y = tm[4], tm[5]
            corners.append((x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]))

    page.extract_text(visitor_text=visit)
    left = min(x for x, _y in corners)
    top = max(y for _x, y in corners)
    assert PAGE.left <= left < PAGE.left + 5 * mm
    assert PAGE.height - PAGE.top - 10 * mm < top < PAGE.height - PAGE.top


def test_unmasked_roster_is_audited(db: Database, roster: Roster, tmp_path: Path) -> None:
    db.user = replace(db.user, name="组织委员")
    path = build_roster(db, roster.village, tmp_path / "完整.pdf", unmasked=True, today=TODAY)
    text = flat(page_texts(path)[0])
    for number in ids_of(db, roster.village):
        assert number in text
    assert "13800138000" in text and "部分隐藏" not in text
    with db.read() as s:
        (entry,) = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.EXPORT))
        assert entry.actor == "组织委员"
        assert "甲村党支部" in entry.summary and "4 名党员" in entry.summary
        assert "完整.pdf" in entry.summary
        assert json.loads(entry.after or "{}")["organization_id"] == roster.village


def test_no_unlogged_roster_with_full_numbers(
    db: Database, roster: Roster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_a: object, **_k: object) -> None:
        raise UserError("数据库正被其他程序占用,请稍后再试。")

    monkeypatch.setattr(member_export, "record_unmasked_export", locked)
    with pytest.raises(UserError, match="占用"):
        build_roster(db, roster.village, tmp_path / "完整.pdf", unmasked=True)
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*.part")) == []


def test_masked_roster_is_not_audited(db: Database, roster: Roster, tmp_path: Path) -> None:
    build_roster(db, roster.village, tmp_path / "a.pdf")
    with db.read() as s:
        assert (
            s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.EXPORT)).all() == []
        )


def test_many_pages_repeat_the_header_and_number_every_page(db: Database, tmp_path: Path) -> None:
    org = make_org(db, "成田镇大寮村党委", town="成田镇")
    long_unit = "成田镇大寮村股份经济合作社第三经济社社长兼村民小组长"
    for i in range(90):
        make_member(
            db,
            f"党员{i:02d}号",
            org,
            birth_date=date(1960 + i % 40, 1 + i % 12, 1 + i % 28),
            work_unit=long_unit if i % 7 == 0 else "务农",
            status=MembershipStatus.LOST_CONTACT if i == 50 else MembershipStatus.NORMAL,
            complete=True,
        )
    path = build_roster(db, org, tmp_path / "大寮村.pdf", today=TODAY)
    pages = [flat(p) for p in page_texts(path)]
    total = len(pages)
    assert total >= 4
    for number, text in enumerate(pages, start=1):
        assert f"第{number}页共{total}页" in text
        assert "序号" in text and "身份证号" in text and "党籍状态" in text  # header row
        if number > 1:
            assert "成田镇大寮村党委党员花名册（续）" in text
    assert "成田镇大寮村党委党员花名册" in pages[0] and "（续）" not in pages[0]
    assert "其中失联1名" in pages[0]
    every = "".join(pages)
    assert all(f"党员{i:02d}号" in every for i in range(90))
    # The signatures share their page with the last members.
    assert "制表人（签字）" in pages[-1] and "党员89号" in pages[-1]
    assert "第三经济社" in every


def test_empty_organization(db: Database, tmp_path: Path) -> None:
    org = make_org(db, "新成立临时党支部")
    text = flat(page_texts(build_roster(db, org, tmp_path / "空.pdf"))[0])
    assert "（暂无党员）" in text and "党员0名" in text and "制表人（签字）" in text


def test_unknown_organization(db: Database, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        build_roster(db, 404, tmp_path / "x.pdf")
    assert list(tmp_path.glob("*.pdf")) == []


def test_invariant_output_is_repeatable(db: Database, roster: Roster, tmp_path: Path) -> None:
    a = build_roster(db, roster.village, tmp_path / "a.pdf", today=TODAY, invariant=True)
    b = build_roster(db, roster.village, tmp_path / "b.pdf", today=TODAY, invariant=True)
    assert a.read_bytes() == b.read_bytes()


def test_fonts_are_embedded_subsets(db: Database, roster: Roster, tmp_path: Path) -> None:
    skip_without_pdffonts()
    path = build_roster(db, roster.village, tmp_path / "字体.pdf")
    rows = pdffonts_rows(path)
    assert rows
    for row in rows:
        name, emb, sub = row[0], row[-5], row[-4]
        assert (emb, sub) == ("yes", "yes"), row
        assert "+" in name  # a subset prefix such as ABCDEF+
        assert "Helvetica" not in name


def test_widths_fill_the_page_and_step_down_for_long_entries() -> None:
    font = make_styles().fonts.body
    short = [[c.key[:2] for c in COLUMNS]]
    size, widths = fit_columns(short, font)
    assert size == SIZES[0]
    assert sum(widths) == pytest.approx(PAGE.text_width)
    long_row = [c.value for c in COLUMNS]
    texts = [
        [
            "999",
            "欧阳娜娜娜",
            "女",
            "维吾尔族",
            "1990-12-31",
            "44051419901231002X",
            "硕士研究生",
            "2010-12-31",
            "2011-12-31",
            "预备党员",
            "纪律检查委员",
            "某某",
            "0754-87654321-8888",
            "停止党籍",
        ]
    ]
    assert len(texts[0]) == len(long_row)
    size, widths = fit_columns(texts, font)
    rest = widths[[c.key for c in COLUMNS].index("work_unit")]
    assert size < SIZES[0] and rest >= MIN_REST
    assert sum(widths) == pytest.approx(PAGE.text_width)


def test_the_roster_is_a_chinese_form_in_an_english_window(db: Database, tmp_path: Path) -> None:
    # An official form (花名册): Chinese whatever the window speaks; an English window
    # wrote "(no members)" into it.
    from pbc_desktop import lang

    lang.set_language("en")
    org = make_org(db, "新成立临时党支部")
    text = flat(page_texts(build_roster(db, org, tmp_path / "空.pdf"))[0])
    assert "（暂无党员）" in text and "制表人（签字）" in text and "第1页共1页" in text
    for word in ("no members", "signature", "Page"):
        assert word not in text, word
