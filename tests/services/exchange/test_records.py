"""Records as packages carry them: every travelling table of the demo district encodes to
JSON and decodes into an empty database as the same rows; bad values are refused."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.services.exchange import records
from pbc_desktop.services.exchange.records import RowError, UuidIndex
from tests.demo_cache import demo_into

TODAY = date(2026, 11, 20)


def _dump(db: Database) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    with db.read() as s:
        index = UuidIndex(s)
        for shape in records.exchanged_tables():
            # through JSON, as a package stores them
            out[shape.name] = [
                json.loads(json.dumps(r)) for r in records.iter_encoded(s, shape, index)
            ]
    return out


def _load(db: Database, dump: dict[str, list[dict[str, Any]]]) -> None:
    with db.write() as s:
        index = UuidIndex(s)
        for shape in records.exchanged_tables():
            later: list[tuple[dict[str, Any], dict[str, str]]] = []
            for row in dump[shape.name]:
                values, own = records.decode_row(shape, row, index)
                new_id = s.execute(
                    insert(shape.table).values(values).returning(shape.table.c.id)
                ).scalar_one()
                index.add(shape.table, new_id, values["uuid"])
                if own:
                    later.append((values, own))
            for values, own in later:
                records.link_own(
                    s, shape, index, values["uuid"], own, updated_at=values["updated_at"]
                )


def test_local_tables_stay_home() -> None:
    names = {shape.name for shape in records.exchanged_tables()}
    assert {"organization", "party_member", "activity", "list_item", "score"} <= names
    assert not names & {"app_user", "audit_log", "audit_head", "attachment_content"}


def test_parents_come_before_the_rows_that_point_at_them() -> None:
    seen: set[str] = set()
    for shape in records.exchanged_tables():
        for target in shape.references.values():
            assert target.name in seen or target is shape.table, (shape.name, target.name)
        seen.add(shape.name)


def test_demo_district_round_trips_into_an_empty_database(db: Database, tmp_path: Path) -> None:
    demo_into(db, today=TODAY)
    dump = _dump(db)
    assert len(dump["party_member"]) > 50
    assert any(r["parent_id"] for r in dump["organization"])  # a self-reference travels
    empty = open_database(sqlite_url(tmp_path / "other.sqlite"), actor="测试员")
    try:
        _load(empty, dump)
        assert _dump(empty) == dump
        with empty.read() as s:
            shape = records.shape_of("party_member")
            assert s.execute(select(shape.table.c.id)).first() is not None
    finally:
        empty.dispose()


def _member_row(db: Database) -> dict[str, Any]:
    demo_into(db, today=TODAY)
    return _dump(db)["party_member"][0]


@pytest.mark.parametrize(
    ("column", "value", "said"),
    [
        ("name", 7, "“党员”记录的“姓名”"),
        ("name", "名" * 500, "“姓名”"),
        ("gender", "neither", "“性别”"),
        ("joined_on", "2026-13-01", "“入党日期”"),
        ("created_at", "yesterday", "“created_at”"),
    ],
)
def test_a_value_that_does_not_fit_is_named_in_the_clerks_words(
    db: Database, column: str, value: Any, said: str
) -> None:
    row = _member_row(db)
    assert column in row
    row[column] = value
    shape = records.shape_of("party_member")
    with db.read() as s, pytest.raises(RowError, match=said) as caught:
        records.decode_row(shape, row, UuidIndex(s))
    assert "party_member" not in caught.value.message


@pytest.mark.parametrize(
    ("entity", "column", "number", "said"),
    [
        ("activity", "trainee_count", "2147483648", "“培训人次”"),  # past PostgreSQL's integer
        ("activity", "trainee_count", "-1" + "0" * 20, "“培训人次”"),  # past SQLite's 64 bits
        ("fee_payment", "amount_cents", "9223372036854775808", "“实缴金额”"),
        ("indicator_set", "excellent_min", "1e999", "“优秀分数线”"),  # reads as infinity
        ("indicator_set", "excellent_min", "1" + "0" * 400, "“优秀分数线”"),  # no float holds it
    ],
)
def test_a_number_no_column_holds_is_refused_with_a_sentence(
    db: Database, entity: str, column: str, number: str, said: str
) -> None:
    """JSON numbers have no limit: one larger than its column once reached the database
    (an internal error there, OverflowError on SQLite, out of range on PostgreSQL), and an
    infinity was stored, then could not be sent on in the next package."""
    demo_into(db, today=TODAY)
    text = json.dumps(_dump(db)[entity][0])[:-1] + f', "{column}": {number}}}'
    row = json.loads(text)  # as a package's line reads: the last of the two values
    with db.read() as s, pytest.raises(RowError, match=said):
        records.decode_row(records.shape_of(entity), row, UuidIndex(s))


def test_a_reference_to_a_record_not_here_asks_for_the_earlier_package(db: Database) -> None:
    row = _member_row(db)
    row["organization_id"] = "00000000-0000-4000-8000-000000000000"
    with db.read() as s, pytest.raises(RowError, match="更早的数据包"):
        records.decode_row(records.shape_of("party_member"), row, UuidIndex(s))


def test_unknown_record_type_is_refused() -> None:
    with pytest.raises(RowError, match="不认识"):
        records.shape_of("spaceship")
