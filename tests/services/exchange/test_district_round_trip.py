"""A district in miniature: two villages, their town and the district, each with its own
database, office and keys, exchanging packages up and down as the article's 跨层级 offices
would."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Community, IndicatorSet, Organization, PartyMember
from pbc_desktop.domain.enums import OrgKind, OrgLevel
from pbc_desktop.services.exchange.transfer import LocalOffice, receive_package, send_package
from tests.factories import make_community, make_member, make_org
from tests.services.exchange.helpers import office_db
from tests.services.exchange.package_helpers import Office, office, registry


@pytest.fixture
def district(tmp_path: Path) -> Iterator[dict[str, tuple[Database, Office]]]:
    names = {
        "v1": ("a1000000-0000-4000-8000-000000000001", "甲一村党委", OrgLevel.VILLAGE),
        "v2": ("a1000000-0000-4000-8000-000000000002", "甲二村党委", OrgLevel.VILLAGE),
        "town": ("a1000000-0000-4000-8000-000000000003", "甲镇党委", OrgLevel.TOWN),
        "district": ("a1000000-0000-4000-8000-000000000004", "区委组织部", OrgLevel.DISTRICT),
    }
    world = {key: (office_db(tmp_path, key), office(*spec)) for key, spec in names.items()}
    yield world
    for db, _office in world.values():
        db.dispose()


def _pass(world: dict[str, tuple[Database, Office]], tmp_path: Path, src: str, dst: str) -> None:
    (source, me), (target, them) = world[src], world[dst]
    path = tmp_path / f"{src}-{dst}-{len(list(tmp_path.glob('*.pbcx')))}.pbcx"
    send_package(source, path, me=LocalOffice(me.card, me.keys), to=them.card, encrypt=True)
    receive_package(target, path, me=LocalOffice(them.card, them.keys), lookup_sender=registry(me))


def _place(world: dict[str, tuple[Database, Office]], key: str, **where: str) -> None:
    db, o = world[key]
    world[key] = (db, Office(o.keys, dataclasses.replace(o.card, **where)))


def _names(db: Database, model: type) -> set[str]:
    with db.read() as s:
        return set(s.scalars(select(model.name)))  # type: ignore[attr-defined]


def test_up_and_down_through_the_levels(
    district: dict[str, tuple[Database, Office]], tmp_path: Path
) -> None:
    v1, v2, _town, top = (district[k][0] for k in ("v1", "v2", "town", "district"))
    # the district keeps the registry and the indicator system
    town_org = make_org(top, "甲镇党委", town="甲镇", kind=OrgKind.COMMITTEE, level=OrgLevel.TOWN)
    one = make_org(top, "甲一村党支部", town="甲镇", parent_id=town_org)
    two = make_org(top, "甲二村党支部", town="甲镇", parent_id=town_org)
    make_community(top, "甲镇共建", [one, two], lead_org_id=town_org)
    with top.write() as s:
        s.add(IndicatorSet(year=2026, name="2026年度指标体系"))
        uuids = {o.id: o.uuid for o in s.scalars(select(Organization))}
    # each office's card says where it stands in the tree
    _place(district, "town", town="甲镇")
    _place(district, "v1", organization_uuid=uuids[one])
    _place(district, "v2", organization_uuid=uuids[two])
    # down: the district to the town, the town to each village (registry, community, rules)
    _pass(district, tmp_path, "district", "town")
    _pass(district, tmp_path, "town", "v1")
    _pass(district, tmp_path, "town", "v2")
    assert _names(v1, Community) == {"甲镇共建"}
    assert "2026年度指标体系" in _names(v1, IndicatorSet)
    # each village records its own members on the registry's organizations
    with v1.read() as s:
        v1_org = s.scalars(select(Organization.id).where(Organization.name == "甲一村党支部")).one()
    with v2.read() as s:
        v2_org = s.scalars(select(Organization.id).where(Organization.name == "甲二村党支部")).one()
    make_member(v1, "甲一党员", v1_org, complete=True)
    make_member(v2, "甲二党员", v2_org, complete=True)
    # up: both villages to the town, the town to the district
    _pass(district, tmp_path, "v1", "town")
    _pass(district, tmp_path, "v2", "town")
    _pass(district, tmp_path, "town", "district")
    assert _names(top, PartyMember) == {"甲一党员", "甲二党员"}
    with top.read() as s:
        rows = s.execute(select(PartyMember.name, PartyMember.origin_office)).all()
        origins = {row[0]: row[1] for row in rows}
    assert origins == {
        "甲一党员": district["v1"][1].card.uuid,
        "甲二党员": district["v2"][1].card.uuid,
    }
    assert len(_names(top, Organization)) == 3  # the registry was not duplicated on the way
    # down again: a village gets its own members back untouched, never the other's
    _pass(district, tmp_path, "district", "town")
    _pass(district, tmp_path, "town", "v1")
    assert _names(v1, PartyMember) == {"甲一党员"}
