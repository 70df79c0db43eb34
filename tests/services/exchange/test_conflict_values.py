"""The conflict list shows each version of a field in a person's words, not as the package
carries it: an enum's label (已认领, not ``claimed``), a date as the app writes one, an
amount in yuan, 是/否, a related record by its name; personal data masked without the
permission (``services/exchange/shown_values.py``)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from pbc_desktop import lang
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Assessment,
    Indicator,
    IndicatorSet,
    ListItem,
    Score,
    ServiceList,
)
from pbc_desktop.domain.enums import ItemStatus, Satisfaction
from pbc_desktop.services.assessments import indicator_sets, scoring
from pbc_desktop.services.exchange import conflicts
from pbc_desktop.services.exchange.records import shape_of
from pbc_desktop.services.exchange.shown_values import ValueText
from pbc_desktop.services.lists import editing
from tests.list_factories import setup_community
from tests.services.exchange.test_item_claims import (
    TITLE,
    _to_village,
    _town_list_at_the_village,
)


def _edit_item(db: Database, **values: object) -> None:
    with db.write() as s:
        item = s.scalars(select(ListItem)).one()
        for key, value in values.items():
            setattr(item, key, value)


def item_status_conflict(village: Database, town: Database) -> None:
    """The town's item, received by the village: the village marks it 已认领 (no claim
    holds it) and sets its deadline and satisfaction, the town sets them otherwise."""
    _town_list_at_the_village(village, town)
    _edit_item(
        village,
        status=ItemStatus.CLAIMED,
        deadline=date(2026, 6, 30),
        satisfaction=Satisfaction.SATISFIED,
    )
    _edit_item(town, deadline=date(2026, 5, 31), satisfaction=Satisfaction.FAIRLY)
    assert _to_village(village, town).conflicts == 1


def _fields(db: Database) -> dict[str, tuple[str, str, str]]:
    (view,) = conflicts.open_conflicts(db)
    return {f.name: (f.label, f.ours, f.theirs) for f in view.fields}


def test_a_list_items_status_and_date_read_as_labels_in_both_languages(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    item_status_conflict(village, town)
    assert _fields(village) == {
        "status": ("状态", "已认领", "待认领"),
        "deadline": ("完成时限", "2026-06-30", "2026-05-31"),
        "satisfaction": ("满意度", "满意", "基本满意"),
    }
    lang.set_language("en")
    assert _fields(village) == {
        "status": ("Status", "Claimed", "Awaiting claim"),
        "deadline": ("Deadline", "2026-06-30", "2026-05-31"),
        "satisfaction": ("Satisfaction", "Satisfied", "Fairly satisfied"),
    }


def _item_uuid(db: Database) -> str:
    with db.read() as s:
        return s.scalars(select(ListItem.uuid).where(ListItem.title == TITLE)).one()


def test_amounts_flags_months_times_and_related_records_in_words(db: Database) -> None:
    setup = setup_community(db)
    editing.add_item(db, setup.list_id, editing.ItemInput(title=TITLE))
    with db.read() as s:
        shown = ValueText(s, personal=True)
        fund, rate = shape_of("fund_entry"), shape_of("fee_rate")
        list_uuid = s.scalars(select(ServiceList.uuid)).one()
        assert shown(fund, "amount_cents", 123450) == "1,234.50"
        assert shown(fund, "over_balance", True) == "是"
        assert shown(fund, "over_balance", False) == "否"
        assert shown(fund, "fee_month", "2026-03-01") == "2026-03"
        assert shown(fund, "entry_date", "2026-03-15") == "2026-03-15"
        assert shown(fund, "direction", "expense") == "支出"
        assert shown(fund, "item_id", _item_uuid(db)) == TITLE
        assert shown(shape_of("list_item"), "list_id", list_uuid) == "和平党建共同体2026年项目清单"
        assert shown(rate, "rate", 50) == "0.5%"
        assert shown(fund, "item_id", "0" * 32) == "（本库没有的清单事项记录）"
        utc = datetime(2026, 3, 1, 4, 30, tzinfo=UTC)
        local = utc.astimezone().strftime("%Y-%m-%d %H:%M")
        assert shown(shape_of("assessment"), "finished_at", "2026-03-01T04:30:00") == local
        assert shown(shape_of("activity"), "starts_at", "2026-03-01T09:00:00") == (
            "2026-03-01 09:00"
        )
        assert shown(shape_of("indicator"), "max_score", 5.0) == "5"
        assert shown(fund, "direction", "no_such_code") == "no_such_code"
    lang.set_language("en")
    with db.read() as s:
        shown = ValueText(s, personal=True)
        assert shown(fund, "over_balance", True) == "yes"
        assert shown(fund, "direction", "expense") == "Expense"


def test_a_record_without_a_name_is_named_by_what_it_belongs_to(db: Database) -> None:
    """A score points at an assessment, which has no name: it reads as its community
    and its indicator system."""
    setup = setup_community(db)
    indicator_sets.create_indicator_set(db, 2026)
    aid = scoring.start_assessment(db, setup.community_id, 2026)
    with db.read() as s:
        assessment = s.get(Assessment, aid)
        assert assessment is not None
        indicator = s.scalars(select(Indicator).order_by(Indicator.id)).first()
        assert indicator is not None and s.scalars(select(Score)).first() is None
        shown = ValueText(s, personal=True)
        named = shown(shape_of("score"), "assessment_id", assessment.uuid)
        indicator_set = s.get(IndicatorSet, assessment.set_id)
        assert indicator_set is not None
        assert named == f"和平党建共同体 {indicator_set.name}"
        assert shown(shape_of("score"), "indicator_id", indicator.uuid) == indicator.name


def test_personal_data_and_numbers_in_free_text_stay_masked(db: Database) -> None:
    member = shape_of("party_member")
    with db.read() as s:
        masked, full = ValueText(s, personal=False), ValueText(s, personal=True)
        assert masked(member, "phone", "13812345678") == "138****5678"
        assert masked(member, "id_number", "44051419850302416X") == "**************416X"
        assert masked(member, "birth_date", "1985-03-02") == "1985"
        assert masked(member, "remark", "家属电话13812345678") == "家属电话138****5678"
        assert full(member, "phone", "13812345678") == "13812345678"
        assert full(member, "remark", "家属电话13812345678") == "家属电话13812345678"
        assert full(member, "birth_date", "1985-03-02") == "1985-03-02"
