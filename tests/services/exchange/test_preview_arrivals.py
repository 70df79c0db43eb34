"""A package that leaves an item of ours as it is but brings a claim for it moves the
item's status on when received (``keep_status_with_claims``): the preview lists the item
with that status change, and receiving says and saves the same."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import ListItem, SyncBase
from pbc_desktop.domain.enums import ItemStatus
from pbc_desktop.services.exchange.merge import Change
from tests.services.exchange.test_item_claims import TITLE, _claim
from tests.services.exchange.test_preview_claims import (
    Exchange,
    _item,
    _previewed_then_received,
    _town_item_at_the_village,
)
from tests.services.exchange.test_transfer import TOWN, VILLAGE


def _claim_alone(ex: Exchange) -> Path:
    """The village claims the town's item, but its version of the item stays the one the
    two agreed on (its status moved with no edit of its own, as receiving a claim moves
    it: a claim the village passes on, say): its package to the town brings the claim
    alone, the item as the town holds it."""
    village = ex.db[VILLAGE]
    _claim(village)
    with village.write() as s:
        item_uuid = s.scalars(select(ListItem.uuid)).one()
        agreed = s.scalar(
            select(SyncBase.updated_at).where(
                SyncBase.record_uuid == item_uuid, SyncBase.office == TOWN.card.uuid
            )
        )
        assert agreed is not None
        s.execute(update(ListItem).values(updated_at=agreed))
    return ex.package(VILLAGE, TOWN)


def claim_alone_for(tmp_path: Path, village: Database, town: Database) -> tuple[Exchange, Path]:
    """The town's 待认领 item, received by the village, and the village's package that
    brings only a claim for it (not received yet)."""
    ex = Exchange(village, town, tmp_path)
    _town_item_at_the_village(ex)
    return ex, _claim_alone(ex)


def test_a_claim_alone_is_announced_as_moving_its_item_on(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    village, town = offices
    ex, path = claim_alone_for(tmp_path, village, town)
    assert _item(town)["status"] == ItemStatus.OPEN
    change = _previewed_then_received(ex, path, VILLAGE, TOWN)  # the preview wrote nothing
    assert (change.entity, change.label, change.change, change.fields) == (
        "list_item",
        TITLE,
        Change.CHANGED,
        (),
    )
    assert (change.held_status, change.status_stays, change.by_arrivals) == (
        ItemStatus.CLAIMED,
        False,
        True,
    )
    assert _item(town)["status"] == ItemStatus.CLAIMED


def test_a_claim_for_an_item_claimed_already_announces_no_status_change(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    """The town's item is 已认领 already (its status came before the claim did): the
    claim arriving moves nothing, and no row says it does."""
    village, town = offices
    ex, path = claim_alone_for(tmp_path, village, town)
    with town.write() as s:
        s.execute(update(ListItem).values(status=ItemStatus.CLAIMED))
    before = _item(town)
    previewed = ex.preview(path, VILLAGE, TOWN)
    assert previewed.result.count("claim", Change.NEW) == 1
    assert [c for c in previewed.result.changes if c.entity == "list_item"] == []
    received = ex.receive(path, VILLAGE, TOWN)
    assert [c for c in received.result.changes if c.entity == "list_item"] == []
    assert _item(town) == before
