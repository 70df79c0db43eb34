"""A member moved to another branch in the member editor travels as any change of the
roll does: the 转出 and 转入 go up in the next package with the member, and the town's
party statistics of each branch are the village's."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization, PartyMember
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.services import member_editing
from pbc_desktop.services.exchange.merge import Change
from pbc_desktop.services.exchange.transfer import LocalOffice, receive_package, send_package
from pbc_desktop.services.member_changes.leaving import member_changes
from pbc_desktop.services.party_stats.tables import party_statistics
from tests.factories import complete_fields, make_org
from tests.services.exchange.package_helpers import Office, office, registry

VILLAGE = office("a0000000-0000-4000-8000-000000000011", "上底村党委", OrgLevel.VILLAGE)
TOWN = office("a0000000-0000-4000-8000-000000000012", "和平镇党委", OrgLevel.TOWN)
OLD, NEW = "上底村第一党支部", "上底村第二党支部"


def _me(o: Office) -> LocalOffice:
    return LocalOffice(o.card, o.keys)


def _relay(village: Database, town: Database, path: Path) -> dict[str, int]:
    """The village's next package received by the town: what it added or changed."""
    send_package(village, path, me=_me(VILLAGE), to=TOWN.card)
    received = receive_package(town, path, me=_me(TOWN), lookup_sender=registry(VILLAGE))
    result = received.result
    return {
        "member_change": result.count("member_change", Change.NEW),
        "member_change_changed": result.count("member_change", Change.CHANGED),
        "party_member": result.count("party_member", Change.CHANGED),
        "conflicts": result.conflicts,
    }


def _tables(db: Database, name: str) -> list[tuple[int, int, dict[str, int]]]:
    """Each branch's members and year's changes, 2024 and 2025 (found by name: the ids
    differ from one database to the other)."""
    with db.read() as s:
        org = s.scalars(select(Organization.id).where(Organization.name == name)).one()
    out = []
    for year in (2024, 2025):
        stats = party_statistics(db, year, organization_id=org)
        changes = {k: v for k, v in stats.table("changes").as_dict().items() if v}
        out.append((year, stats.members, changes))
    return out


def test_an_editor_move_goes_up_with_the_next_package(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    village, town = offices
    old, new = make_org(village, OLD), make_org(village, NEW)
    ids = [
        member_editing.create_member(
            village,
            member_editing.MemberInput(name=name, organization_id=org, **complete_fields()),
        )
        for name, org in (("张三", old), ("李四", old), ("王五", new))
    ]

    def relay(name: str) -> dict[str, int]:
        return _relay(village, town, tmp_path / f"{name}.pbcx")

    relay("before")  # the town holds the branches as they were
    data = member_editing.get_member_input(village, ids[0])
    member_editing.update_member(
        village, ids[0], replace(data, organization_id=new), moved_on=date(2025, 6, 1)
    )
    assert relay("after") == {
        "member_change": 2,
        "member_change_changed": 0,
        "party_member": 1,
        "conflicts": 0,
    }
    for name in (OLD, NEW):
        assert _tables(town, name) == _tables(village, name), name
    assert _tables(town, OLD)[1] == (2025, 1, {"转出": 1})
    assert _tables(town, NEW)[1] == (2025, 2, {"转入": 1})
    with town.read() as s:
        moved = s.scalars(select(PartyMember.id).where(PartyMember.name == "张三")).one()
    assert [(c.kind.zh, c.organization_name, c.other) for c in member_changes(town, moved)] == [
        ("转出", OLD, NEW),
        ("转入", NEW, OLD),
    ]


def test_a_correction_goes_up_as_the_changed_records(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    """Entered into the wrong branch (transferred in from outside): the correction sends
    the 转入 saying the right branch, and the town counts the member there in every year."""
    from pbc_desktop.domain.member_changes import OrganizationMove
    from pbc_desktop.services.member_changes.transfers import transfer_in_from_outside

    village, town = offices
    old, new = make_org(village, OLD), make_org(village, NEW)
    data = member_editing.MemberInput(name="张三", organization_id=old, **complete_fields())
    member_id = transfer_in_from_outside(
        village, data, from_unit="外区某党支部", received_on=date(2024, 3, 1)
    )
    _relay(village, town, tmp_path / "before.pbcx")
    data = member_editing.get_member_input(village, member_id)
    member_editing.update_member(
        village, member_id, replace(data, organization_id=new), move=OrganizationMove.CORRECTION
    )
    assert _relay(village, town, tmp_path / "after.pbcx") == {
        "member_change": 0,
        "member_change_changed": 1,
        "party_member": 1,
        "conflicts": 0,
    }
    for name in (OLD, NEW):
        assert _tables(town, name) == _tables(village, name), name
    assert _tables(town, NEW) == [(2024, 1, {"转入": 1}), (2025, 1, {})]
    assert _tables(town, OLD) == [(2024, 0, {}), (2025, 0, {})]
