"""An item's status and its claims across a package exchange: a package's version of an
item, or a conflict's other version, never leaves an item with claims 待认领
(``domain/items.status_with_claims``, applied by ``services/lists/common.py``)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Claim, CommunityMember, ListItem, SyncConflict
from pbc_desktop.domain.enums import ClaimMode, ItemStatus
from pbc_desktop.errors import ValidationError
from pbc_desktop.services.exchange import conflicts
from pbc_desktop.services.exchange.merge import Change, MergeResult
from pbc_desktop.services.lists import claims, editing
from tests.list_factories import setup_community
from tests.services.exchange.helpers import TOWN, VILLAGE, merge_into, owned_by, send

TITLE, RENAMED = "老旧小区路灯改造", "老旧小区路灯及线路改造"


def _to_town(village: Database, town: Database) -> MergeResult:
    return merge_into(town, send(village, TOWN), owned_by(VILLAGE, local=TOWN))


def _to_village(village: Database, town: Database) -> MergeResult:
    return merge_into(village, send(town, VILLAGE), owned_by(TOWN, local=VILLAGE))


def _item_id(db: Database) -> int:
    with db.read() as s:
        return s.scalars(select(ListItem.id)).one()


def _state(db: Database) -> tuple[str, ItemStatus, int]:
    with db.read() as s:
        item = s.scalars(select(ListItem)).one()
        count = s.scalar(select(func.count()).select_from(Claim)) or 0
        return item.title, item.status, count


def _town_list_at_the_village(village: Database, town: Database) -> None:
    """The town's community, project list and item, received by the village."""
    setup = setup_community(town)
    editing.add_item(town, setup.list_id, editing.ItemInput(title=TITLE))
    _to_village(village, town)


def _claim(db: Database) -> None:
    """单个认领 by the community's first member organization."""
    with db.read() as s:
        lead = s.scalars(select(CommunityMember.organization_id).order_by(CommunityMember.id))
        lead_id = lead.first()
    assert lead_id is not None
    data = claims.ClaimInput(ClaimMode.SINGLE, lead_id, date(2026, 3, 10))
    claims.claim_item(db, _item_id(db), data)


def _rename(db: Database) -> None:
    editing.update_item(db, _item_id(db), editing.ItemInput(title=RENAMED))


def _claimed_then_renamed(village: Database, town: Database) -> None:
    _town_list_at_the_village(village, town)
    _claim(village)
    _rename(town)


def _no_second_claim(db: Database) -> None:
    with pytest.raises(ValidationError):
        _claim(db)


def test_village_claim_reaching_the_town_first_stays_claimed_at_both(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _claimed_then_renamed(village, town)
    at_town = _to_town(village, town)
    (conflict,) = [c for c in at_town.changes if c.change is Change.CONFLICT]
    assert (conflict.entity, conflict.kept) == ("list_item", "mine")  # the town owns it
    assert _state(town) == (RENAMED, ItemStatus.CLAIMED, 1)  # its claim moved it on
    at_village = _to_village(village, town)
    assert at_village.count("list_item", Change.CHANGED) == 1
    assert _state(village) == (RENAMED, ItemStatus.CLAIMED, 1)
    assert _state(town) == (RENAMED, ItemStatus.CLAIMED, 1)
    _no_second_claim(village)
    _no_second_claim(town)


def test_town_rename_reaching_the_village_first_stays_claimed_at_both(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _claimed_then_renamed(village, town)
    at_village = _to_village(village, town)
    (conflict,) = [c for c in at_village.changes if c.change is Change.CONFLICT]
    assert (conflict.entity, conflict.kept) == ("list_item", "theirs")  # the town's applied
    assert _state(village) == (RENAMED, ItemStatus.CLAIMED, 1)  # yet the claim holds
    _to_town(village, town)
    assert _state(town) == (RENAMED, ItemStatus.CLAIMED, 1)
    _to_village(village, town)
    assert _state(village) == (RENAMED, ItemStatus.CLAIMED, 1)
    _no_second_claim(village)
    _no_second_claim(town)


def test_taking_the_other_version_of_a_claimed_item_keeps_it_claimed(
    offices: tuple[Database, Database],
) -> None:
    """The town claimed the item while the village renamed it: at the town the village's
    (unclaimed) version waits in the conflict; taking it keeps the town's claim."""
    village, town = offices
    _town_list_at_the_village(village, town)
    _claim(town)
    _rename(village)
    _to_town(village, town)
    assert _state(town) == (TITLE, ItemStatus.CLAIMED, 1)
    with town.read() as s:
        conflict = s.scalars(select(SyncConflict)).one()
        assert '"open"' in conflict.other
    conflicts.resolve(town, conflict.id, take_other=True)
    assert _state(town) == (RENAMED, ItemStatus.CLAIMED, 1)
    _no_second_claim(town)


def test_an_item_without_claims_takes_the_towns_version_as_before(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _town_list_at_the_village(village, town)
    _rename(town)
    result = _to_village(village, town)
    changed = [c for c in result.changes if c.entity == "list_item"]
    assert [(c.change, c.fields) for c in changed] == [(Change.CHANGED, ("title",))]
    assert _state(village) == (RENAMED, ItemStatus.OPEN, 0)
