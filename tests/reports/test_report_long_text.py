"""Over-long texts in the printed reports: they wrap, split across pages or (in a form's
header and its fixed rows) are cut with "…" — never printed over other text or off the page."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity
from pbc_desktop.reports.assessment import build_assessment_report
from pbc_desktop.reports.minutes import build_minutes
from pbc_desktop.reports.roster import build_roster
from pbc_desktop.reports.service_list import build_service_list
from pbc_desktop.reports.signin import build_signin
from pbc_desktop.services.assessments import indicator_sets, scoring
from pbc_desktop.services.lists import editing
from tests.assessment_factories import YEAR, running_communities, score_all
from tests.factories import make_member, make_org
from tests.list_factories import setup_community
from tests.pdf_helpers import overprinted, page_texts, text_runs
from tests.report_factories import make_joint_meeting, norm

# A 500-character place, as an older version let a clerk type (or an import brought in).
PLACE = ("成田镇上盐村党群服务中心二楼会议室" * 30)[:500]
TITLE = "关于" + "推进党建共同体建设" * 22  # 200 characters
CHAIR = "张" * 60
ELLIPSIS = "…"
LONG_NAME = "阿卜杜热合曼·买买提艾力·吐尔逊托合提·阿卜杜热合曼·买买提艾力"


def pages(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def body_text(path: Path) -> str:
    """The text of every page without the footers "第 x 页 共 y 页", normalised."""
    return "".join(re.sub(r"第\d+页共\d+页", "", norm(text)) for text in page_texts(path))


def assert_nothing_overprinted_or_off_the_page(path: Path) -> None:
    reader = PdfReader(str(path))
    for page, sheet in enumerate(reader.pages):
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert overprinted(path, page) == [], f"page {page + 1}"
        for run in text_runs(path, page):
            assert 0 <= run.x <= width, run
            assert 0 <= run.y <= height, run


def place(db: Database) -> str:
    """:data:`PLACE` as the database holds it: whole in a SQLite file (which does not check
    a column's length), as long as the column allows on a server."""
    limit = Activity.__table__.c.place.type.length
    return PLACE if db.is_sqlite else PLACE[:limit]


def long_meeting(db: Database) -> int:
    meeting = make_joint_meeting(db)
    with db.write() as s:
        activity = s.get(Activity, meeting.activity_id)
        assert activity is not None
        activity.venue_id = None
        activity.place = place(db)
        activity.title = TITLE
        activity.chair = CHAIR
        activity.attendance[0].person_name = LONG_NAME
    return meeting.activity_id


def test_signin_sheet_with_long_texts_keeps_its_header_on_the_first_page(
    db: Database, tmp_path: Path
) -> None:
    activity_id = long_meeting(db)
    out = build_signin(db, activity_id, tmp_path / "签到表.pdf")
    assert_nothing_overprinted_or_off_the_page(out)
    first = norm(page_texts(out)[0])
    # The header, then the table with its first rows, on the first page.
    assert first.index("签到表") < first.index("时间") < first.index("地点") < first.index("序号")
    assert "1成田镇上盐村党支部" in first or "阿卜杜热合曼" in first
    # The place, the subtitle and the chair are cut with "…", not printed whole.
    whole = norm("".join(page_texts(out)))
    assert norm(place(db)) not in whole
    assert norm(PLACE[:40]) in whole
    assert whole.count(ELLIPSIS) >= 3


def test_signin_sheet_cuts_a_long_name_within_its_row(db: Database, tmp_path: Path) -> None:
    activity_id = long_meeting(db)
    out = build_signin(db, activity_id, tmp_path / "签到表.pdf")
    first = norm(page_texts(out)[0])
    assert "阿卜杜热合曼" in first
    assert norm(LONG_NAME) not in first
    assert overprinted(out, 0) == []


def test_minutes_keep_every_long_text_whole_and_start_on_the_first_page(
    db: Database, tmp_path: Path
) -> None:
    activity_id = long_meeting(db)
    out = build_minutes(db, activity_id, tmp_path / "纪要.pdf")
    assert_nothing_overprinted_or_off_the_page(out)
    texts = [norm(text) for text in page_texts(out)]
    assert "基本情况" in texts[0]
    assert "会议主题" in texts[0]
    whole = body_text(out)
    for value in (place(db), TITLE, CHAIR, LONG_NAME):
        assert norm(value) in whole
    assert ELLIPSIS not in whole


def test_service_list_with_a_long_item_splits_it_cleanly(db: Database, tmp_path: Path) -> None:
    setup = setup_community(db, name="和平" + "跨领域" * 38 + "共同体")
    editing.add_item(
        db,
        setup.list_id,
        editing.ItemInput(title="项目" * 100, description="内容" * 900, category="类" * 60),
    )
    out = build_service_list(db, setup.list_id, tmp_path / "清单.pdf")
    assert_nothing_overprinted_or_off_the_page(out)
    texts = [norm(text) for text in page_texts(out)]
    # The header row once a page (split into slivers, the row repeated it page after page),
    # the item's title on the first page, every character of it printed once.
    for text in texts:
        assert text.count("内容及预期成效") <= 1
    assert texts[0].count("项目项目项目") >= 1
    # a later page says what it belongs to: the title, cut to the width, at its head
    assert all(re.search("和平(跨领域)+跨?领?…", text) for text in texts[1:])
    whole = "".join(texts)
    # and the header of each page (the last one's above the signatories, which a row taller
    # than a page cannot go over with: they follow it whole)
    assert whole.count("内容") == 900 + len(texts)
    assert "签订单位以上清单" in texts[-1] and "和平供电所党支部负责人" in texts[-1]
    assert pages(out) <= 8


def test_roster_with_long_texts_wraps_them(db: Database, tmp_path: Path) -> None:
    org = make_org(db, "成田镇" + "上盐村" * 38 + "党支部")
    make_member(
        db,
        LONG_NAME,
        org,
        work_unit="成田镇上盐村村民委员会" * 10,  # 110 of the 120 characters a work unit may have
        party_post="支部委员兼纪检委员兼宣传委员",
        birth_date=date(1970, 1, 1),
        complete=True,
    )
    make_member(db, "李娜", org, birth_date=date(1971, 1, 1), complete=True)
    out = build_roster(db, org, tmp_path / "花名册.pdf")
    assert_nothing_overprinted_or_off_the_page(out)
    whole = norm("".join(page_texts(out)))
    assert norm(LONG_NAME) in whole
    assert "成田镇上盐村村民委员会" * 10 in whole


def test_assessment_report_with_a_long_name_and_feedback_wraps_them(
    db: Database, tmp_path: Path
) -> None:
    long_name = "成田镇" + "跨领域跨层级跨地域跨行业" * 9 + "共同体"  # its branches' names fit 120
    indicator_sets.create_indicator_set(db, YEAR)
    names = (long_name, "东泰党建共同体", "旧城党建共同体", "新区党建共同体")
    for i, cid in enumerate(running_communities(db, *names)):
        aid = scoring.start_assessment(db, cid, YEAR)
        score_all(db, aid, 0.9 - i * 0.1, feedback="反馈意见" * 150)
    out = build_assessment_report(db, YEAR, tmp_path / "考核.pdf")
    assert_nothing_overprinted_or_off_the_page(out)
    assert norm(long_name) in norm("".join(page_texts(out)))
