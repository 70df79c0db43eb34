"""The assessment report PDF: ranking order, every community, 示范点 and 整顿, TOC, fonts."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import AssessmentOutcome
from pbc_desktop.errors import NotFoundError, UserError
from pbc_desktop.reports import assessment
from pbc_desktop.reports.assessment import build_assessment_report
from pbc_desktop.reports.fonts import official_fonts
from pbc_desktop.reports.layout import TEXT_WIDTH
from pbc_desktop.services.assessments import indicator_sets, outcomes, scoring
from tests.assessment_factories import YEAR, add_known_figures, running_communities, score_all
from tests.pdf_helpers import page_texts, pdffonts_lines, signed_page, skip_without_pdffonts

NAMES = ("文光党建共同体", "东泰党建共同体", "旧城党建共同体", "峡山党建共同体", "两英党建共同体")
FRACTIONS = (0.7, 0.95, 0.45, 0.85, 0.6)


@pytest.fixture
def assessed(db: Database) -> dict[str, float]:
    indicator_sets.create_indicator_set(db, YEAR)
    ids = running_communities(db, *NAMES)
    add_known_figures(db, ids[0])
    totals = {}
    for name, cid, fraction in zip(NAMES, ids, FRACTIONS, strict=True):
        aid = scoring.start_assessment(db, cid, YEAR)
        totals[name] = score_all(db, aid, fraction, f"{name}的反馈意见")
        if name == "东泰党建共同体":
            outcomes.set_outcome(db, aid, AssessmentOutcome.DEMONSTRATION, award_yuan="30000")
            outcomes.finish_assessment(db, aid)
        if name == "旧城党建共同体":
            outcomes.set_outcome(
                db, aid, AssessmentOutcome.RECTIFY, reasons="活动开展少", on=date.today()
            )
    return totals


def test_report_contents(db: Database, assessed: dict[str, float], tmp_path: Path) -> None:
    out = tmp_path / "考核报告.pdf"
    seen: list[int] = []
    path = build_assessment_report(
        db, YEAR, out, invariant=True, progress=lambda p, _t: seen.append(p)
    )
    assert path == out and out.exists()
    assert seen and seen == sorted(seen)
    pages = page_texts(out)
    text = "\n".join(pages)
    compact = re.sub(r"\s+", "", text)
    assert f"{YEAR}年度党建共同体考核情况报告" in compact
    # Table of contents with the summary sections and every community.
    assert "目录" in compact
    toc_page = next(p for p in pages if "目" in p and "录" in p)
    assert "考核排名" in re.sub(r"\s+", "", toc_page)
    # Ranking: the summary table lists the communities in descending total.
    ranking_page = next(i for i, p in enumerate(pages) if "考核排名" in p and i > 0)
    ranking = re.sub(r"\s+", "", "".join(pages[ranking_page : ranking_page + 2]))
    expected = sorted(NAMES, key=lambda n: -assessed[n])
    positions = [ranking.index(n) for n in expected]
    assert positions == sorted(positions)
    # Every community has its section with its feedback and its figures.
    for name in NAMES:
        assert compact.count(name) >= 3  # ranking, TOC, own section
        assert f"{name}的反馈意见" in compact
    assert "开展活动场次4" in compact
    # 示范点 and 整顿 lists.
    demo = compact[compact.rindex("三、示范点及奖补") :]
    assert demo.index("东泰党建共同体") < demo.index("30,000.00") < demo.index("四、规范整顿")
    rectify = compact[compact.rindex("四、规范整顿") :]
    assert rectify.index("旧城党建共同体") < rectify.index("活动开展少")
    # Page x of y on every page.
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{total}页" in re.sub(r"\s+", "", page)


def test_report_embeds_cjk_font(db: Database, assessed: dict[str, float], tmp_path: Path) -> None:
    out = build_assessment_report(db, YEAR, tmp_path / "r.pdf", invariant=True)
    skip_without_pdffonts()
    listing = pdffonts_lines(out)
    assert listing
    for line in listing:
        cols = line.split()
        # name type encoding emb sub uni object ID: emb and sub are "yes" for every font.
        assert re.match(r"[A-Z]{6}\+", cols[0]), line  # a subset
        assert "yes yes" in line, line


def test_town_report_and_repeatable(
    db: Database, assessed: dict[str, float], tmp_path: Path
) -> None:
    a = build_assessment_report(db, YEAR, tmp_path / "a.pdf", town="成田镇", invariant=True)
    b = build_assessment_report(db, YEAR, tmp_path / "b.pdf", town="成田镇", invariant=True)
    assert a.read_bytes() == b.read_bytes()
    assert "成田镇" in "".join(page_texts(a))
    with pytest.raises(NotFoundError):
        build_assessment_report(db, YEAR, tmp_path / "c.pdf", town="火星镇")
    with pytest.raises(NotFoundError):
        build_assessment_report(db, YEAR + 3, tmp_path / "d.pdf")
    assert not (tmp_path / "c.pdf").exists()


def test_cancel_leaves_no_file(db: Database, assessed: dict[str, float], tmp_path: Path) -> None:
    out = tmp_path / "cancelled.pdf"
    with pytest.raises(UserError):
        build_assessment_report(db, YEAR, out, should_cancel=lambda: True)
    assert not out.exists()
    assert not any("cancelled" in p.name for p in tmp_path.iterdir())


def test_a_town_account_s_report_is_headed_with_its_town(
    db: Database, assessed: dict[str, float], tmp_path: Path
) -> None:
    """A town office prints the report of the communities it sees: its heading and its
    summary name the town, not 全区."""
    from tests.scope_factories import town_actor

    db.user = town_actor(db, "成田镇")
    pdf = build_assessment_report(db, YEAR, tmp_path / "town.pdf", invariant=True)
    text = "".join(page_texts(pdf))
    assert "\n 成田镇\n" in text and "成田镇共考核党建共同体 5 个" in text
    assert "全区" not in text


def test_the_signatures_go_over_with_the_last_communities_to_rectify(
    db: Database, assessed: dict[str, float], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With 29 communities to rectify their table ended at a page's foot and the
    signatures stood alone at the head of the next; now the last rows go over with them."""
    sheets = scoring.scoring_sheets(db, YEAR, None)
    rectify = next(sh for sh in sheets if sh.outcome == AssessmentOutcome.RECTIFY)
    # one size (each build lays out every community): the one whose signatures stood alone
    extra = [
        replace(rectify, community_name=f"整顿{n}号党建共同体", rectify_reasons="活动开展少，" * 3)
        for n in range(1, 29)
    ]
    monkeypatch.setattr(assessment.scoring, "scoring_sheets", lambda *_a, **_k: [*sheets, *extra])
    path = build_assessment_report(db, YEAR, tmp_path / "report.pdf", invariant=True)
    signed = signed_page(path, "考核组负责人（签字）")
    assert signed.before.endswith("整顿28号党建共同体43" + "活动开展少，" * 3)
    assert "经办人（签字）" in signed.after


def test_english_report_says_grades_outcomes_and_statuses_in_english(
    db: Database, assessed: dict[str, float], tmp_path: Path
) -> None:
    """The English report's ranking, grade table and chart gave each grade, 示范点 and
    status in Chinese under English headings."""
    from pbc_desktop import lang

    lang.set_language("en")
    out = build_assessment_report(db, YEAR, tmp_path / "report.pdf", invariant=True)
    summary = "\n".join(page_texts(out)[1:3])
    for word in ("Excellent", "Good", "Pass", "Fail", "Demonstration site", "Rectification"):
        assert word in summary, word
    assert "Finished" in summary and "Scoring" in summary
    for word in ("优秀", "良好", "合格", "示范点", "规范整顿", "已完成", "评分中"):
        assert word not in summary, word


def test_english_report_numbers_its_pages_and_signs_in_english(
    db: Database, assessed: dict[str, float], tmp_path: Path
) -> None:
    """The English report ended every page "第 1 页 共 9 页" and asked the team to sign
    "Head of the assessment team（签字）：" over "日期：__年__月__日"."""
    from pbc_desktop import lang

    lang.set_language("en")
    out = build_assessment_report(db, YEAR, tmp_path / "report.pdf", invariant=True)
    pages = page_texts(out)
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    whole = "\n".join(pages)
    assert "Head of the assessment team (signature):" in whole
    assert "Clerk (signature):" in whole and "Date:" in whole
    for word in ("第 1 页", "签字", "日期"):
        assert word not in whole, word


def test_english_ranking_words_fit_their_columns(
    db: Database, assessed: dict[str, float], tmp_path: Path
) -> None:
    """In English "Excellent" ran into "Demonstration site", which ran into "Finished":
    the ranking's columns were cut for 优秀, 示范点 and 已完成."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from pbc_desktop import lang
    from pbc_desktop.domain.enums import AssessmentStatus, Grade

    lang.set_language("en")
    widths = assessment.RANKING_WIDTHS_EN
    font = official_fonts().body
    padding = 12  # ReportLab's cell padding, 6 pt each side
    for column, words in (
        (3, [g.label("en") for g in Grade]),
        (4, [o.label("en") for o in AssessmentOutcome]),
        (5, [s.label("en") for s in AssessmentStatus]),
    ):
        for word in words:
            assert stringWidth(word, font, 10) + padding <= widths[column], word
    assert sum(widths) <= TEXT_WIDTH + 0.01
    out = build_assessment_report(db, YEAR, tmp_path / "report.pdf", invariant=True)
    ranking = next(p for p in page_texts(out) if "1. Ranking" in p)
    assert "ExcellentDemonstration" not in ranking.replace(" ", "")


def test_english_heading_of_rectification_goes_over_with_its_table(
    db: Database, tmp_path: Path
) -> None:
    """The signatures stacked in English are taller: in the demo district's report of 2025
    "4. Rectification" stood alone at the foot of page 3, its table and the signatures on
    page 4."""
    from pbc_desktop import lang
    from tests.demo_cache import demo_into

    demo_into(db, today=date(2026, 12, 7))
    lang.set_language("en")
    out = build_assessment_report(db, 2025, tmp_path / "report.pdf", invariant=True)
    pages = [re.sub(r"\s+", "", p) for p in page_texts(out)]
    heading = [p for p in pages if "4.Rectification" in p and "Contents" not in p]
    assert len(heading) == 1
    assert "Reasons" in heading[0] and "Headoftheassessmentteam(signature):" in heading[0]


def test_english_report_says_the_whole_district_mid_sentence_in_lower_case(
    db: Database, assessed: dict[str, float], tmp_path: Path
) -> None:
    """ "5 communities assessed in The whole district." """
    from pbc_desktop import lang

    lang.set_language("en")
    out = build_assessment_report(db, YEAR, tmp_path / "report.pdf", invariant=True)
    whole = " ".join(" ".join(page_texts(out)).split())
    assert "assessed in the whole district." in whole
    assert "The whole district" in page_texts(out)[0]


def test_english_report_names_the_figures_on_record_in_english(
    db: Database, assessed: dict[str, float], tmp_path: Path
) -> None:
    """Beside each indicator the English report gave the figure's name in Chinese
    ("开展活动场次 3", "筹措经费（元）")."""
    from pbc_desktop import lang
    from pbc_desktop.domain.indicators import METRICS

    lang.set_language("en")
    out = build_assessment_report(db, YEAR, tmp_path / "report.pdf", invariant=True)
    whole = "".join("".join(p.split()) for p in page_texts(out))
    # (教育培训场次 and others are also the names of indicators: data, left as typed)
    assert METRICS["activities"][0] not in whole
    assert "".join(METRICS["activities"][1].split()) in whole


def score_with_remarks(
    db: Database, assessment_id: int, remarks: dict[int, str], feedback: str | None = None
) -> None:
    """Every indicator scored at 80 %, ``remarks`` by row number (from 0) beside some."""
    sheet = scoring.get_scoring_sheet(db, assessment_id)
    scores = {r.indicator_id: round(r.max_score * 0.8 * 2) / 2 for r in sheet.rows}
    notes = {sheet.rows[i].indicator_id: text for i, text in remarks.items()}
    scoring.save_scores(db, assessment_id, scoring.ScoresInput(scores, feedback, notes))


def test_each_indicator_s_remark_is_printed_beside_it_with_numbers_masked(
    db: Database, tmp_path: Path
) -> None:
    """The scorer's remarks (评分备注), saved with each score, were left out of the report;
    they are printed in a column beside their indicator (no column for a community without
    any), an ID number or phone in one masked as on any printed free text (the feedback's
    too)."""
    indicator_sets.create_indicator_set(db, YEAR)
    view = indicator_sets.get_indicator_set(db, YEAR)
    assert view is not None
    remarked, plain = running_communities(db, "文光党建共同体", "东泰党建共同体")
    aid = scoring.start_assessment(db, remarked, YEAR)
    score_with_remarks(
        db,
        aid,
        {
            0: "班子成员交叉任职到位，材料齐全",
            2: "联系人13812345678，身份证440514198503024161",
        },
        feedback="整改情况请电话0754-87654321告知",
    )
    score_with_remarks(db, scoring.start_assessment(db, plain, YEAR), {})
    out = build_assessment_report(db, YEAR, tmp_path / "考核.pdf", invariant=True)
    compact = re.sub(r"\s+", "", "".join(page_texts(out)))
    section = compact[compact.index("1.东泰党建共同体") : compact.index("2.文光党建共同体")]
    assert "评分备注" not in section
    section = compact[compact.index("2.文光党建共同体") :]
    assert "评分备注" in section
    first, second, third, fourth = (section.index(ind.name) for ind in view.indicators[:4])
    assert first < section.index("班子成员交叉任职到位，材料齐全") < second
    assert third < section.index("联系人138****5678，身份证**************4161") < fourth
    assert "13812345678" not in compact and "19850302" not in compact
    assert "考核反馈：整改情况请电话075*****4321告知" in section  # the feedback too


def test_a_remark_longer_than_a_page_splits_across_pages(
    db: Database, tmp_path: Path, bounded_splits: None
) -> None:
    from tests.reports.test_report_long_text import assert_nothing_overprinted_or_off_the_page

    indicator_sets.create_indicator_set(db, YEAR)
    (cid,) = running_communities(db, "文光党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    long_remark = "".join(f"第{n}条意见：活动记录需补充签到表。" for n in range(1, 301))
    score_with_remarks(db, aid, {1: long_remark, 2: "材料齐全"})
    out = build_assessment_report(db, YEAR, tmp_path / "考核.pdf", invariant=True)
    assert_nothing_overprinted_or_off_the_page(out)
    compact = re.sub(r"\s+|第\d+页共\d+页", "", "".join(page_texts(out)))
    assert "第1条意见" in compact and "第300条意见：活动记录需补充签到表。" in compact
    assert "材料齐全" in compact


def test_a_long_remark_splits_under_the_rows_before_it_without_a_second_header(
    db: Database, tmp_path: Path, bounded_splits: None
) -> None:
    """ReportLab first moved the row of a remark too long for any page below the rows that
    fit, as a table of its own: its header printed again in the middle of the page, right
    under the rows above. The row starts where the rows before it end; each page has the
    header once, at its top."""
    indicator_sets.create_indicator_set(db, YEAR)
    (cid,) = running_communities(db, "文光党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    long_remark = "".join(f"第{n}条意见：活动记录需补充签到表。" for n in range(1, 301))
    score_with_remarks(db, aid, {0: "材料齐全", 3: long_remark})
    out = build_assessment_report(db, YEAR, tmp_path / "考核.pdf", invariant=True)
    pages = [re.sub(r"\s+", "", text) for text in page_texts(out)]
    first = next(i for i, text in enumerate(pages) if "第1条意见" in text)
    assert "材料齐全" in pages[first]  # under the rows before it
    assert all(text.count("评分备注") <= 1 for text in pages)
