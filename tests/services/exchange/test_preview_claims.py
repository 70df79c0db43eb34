"""The preview of a package says what receiving it does to a list item's status: a
package's status the claims here override (``services/exchange/merge.py``) is not
announced as a change, the status the item keeps is named instead; the conflict list
says the same."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Claim, ListItem, Organization
from pbc_desktop.domain.enums import ItemStatus
from pbc_desktop.services.exchange import conflicts
from pbc_desktop.services.exchange.merge import Change, RowChange
from pbc_desktop.services.exchange.transfer import (
    Received,
    preview_package,
    receive_package,
    send_package,
)
from pbc_desktop.services.lists import editing
from tests.list_factories import setup_community
from tests.services.exchange.helpers import office_db
from tests.services.exchange.package_helpers import Office, registry
from tests.services.exchange.test_item_claims import RENAMED, TITLE, _claim, _rename
from tests.services.exchange.test_transfer import TOWN, VILLAGE, _me

#: what a received change of an item does not announce: the version's bookkeeping
_BOOKKEEPING = {"id", "updated_at", "version"}


class Exchange:
    """Packages between the village's and the town's databases, through files."""

    def __init__(self, village: Database, town: Database, tmp_path: Path) -> None:
        self.db = {VILLAGE: village, TOWN: town}
        self.tmp_path = tmp_path
        self.sent = 0
        #: the village's own organization, whose communities a package down holds
        self.village_org: str | None = None

    def package(self, sender: Office, recipient: Office) -> Path:
        self.sent += 1
        path = self.tmp_path / f"{self.sent}.pbcx"
        to = recipient.card
        if recipient is VILLAGE:
            to = replace(to, organization_uuid=self.village_org)
        send_package(self.db[sender], path, me=_me(sender), to=to)
        return path

    def preview(self, path: Path, sender: Office, recipient: Office) -> Received:
        db = self.db[recipient]
        return preview_package(db, path, me=_me(recipient), lookup_sender=registry(sender))

    def receive(self, path: Path, sender: Office, recipient: Office) -> Received:
        db = self.db[recipient]
        return receive_package(db, path, me=_me(recipient), lookup_sender=registry(sender))

    def send(self, sender: Office, recipient: Office) -> Received:
        return self.receive(self.package(sender, recipient), sender, recipient)

    def dispose(self) -> None:
        for db in self.db.values():
            db.dispose()


def _town_item_at_the_village(ex: Exchange) -> None:
    town = ex.db[TOWN]
    setup = setup_community(town)
    editing.add_item(town, setup.list_id, editing.ItemInput(title=TITLE))
    with town.read() as s:
        ex.village_org = s.scalar(select(Organization.uuid).where(Organization.id == setup.orgs[0]))
    ex.send(TOWN, VILLAGE)


def _item(db: Database) -> dict[str, Any]:
    with db.read() as s:
        return dict(s.execute(select(ListItem.__table__)).mappings().one())


def _item_change(received: Received) -> RowChange:
    (change,) = [c for c in received.result.changes if c.entity == "list_item"]
    return change


def _previewed_then_received(
    ex: Exchange, path: Path, sender: Office, recipient: Office
) -> RowChange:
    """Preview a package, receive it, and check the preview announced what was saved: the
    fields of an applied version changed, no other (a status the claims hold named as
    such); returns the item's change."""
    db = ex.db[recipient]
    before = _item(db)
    announced = _item_change(ex.preview(path, sender, recipient))
    assert _item(db) == before  # the preview wrote nothing
    received = ex.receive(path, sender, recipient)
    assert _item_change(received) == announced  # receiving says what the preview said
    after = _item(db)
    saved = {k for k in after if after[k] != before[k]} - _BOOKKEEPING
    applied = announced.change is Change.CHANGED or announced.kept == "theirs"
    expected = set(announced.fields) if applied else set()
    if announced.held_status is not None:
        assert after["status"] == announced.held_status
        if not announced.status_stays:
            expected.add("status")
    assert saved == expected
    return announced


def claimed_then_renamed(where: Office, tmp_path: Path) -> tuple[Exchange, Path]:
    """The town's item, claimed at ``where`` while the town renamed it: the town's next
    package to the village (not received yet)."""
    tmp_path.mkdir(exist_ok=True)
    village, town = office_db(tmp_path, "village"), office_db(tmp_path, "town")
    ex = Exchange(village, town, tmp_path)
    _town_item_at_the_village(ex)
    _claim(ex.db[where])
    _rename(town)
    return ex, ex.package(TOWN, VILLAGE)


def _claimed_at(where: Office, tmp_path: Path) -> tuple[Exchange, RowChange]:
    """:func:`claimed_then_renamed`, previewed, then received (checked by
    :func:`_previewed_then_received`)."""
    ex, path = claimed_then_renamed(where, tmp_path)
    return ex, _previewed_then_received(ex, path, TOWN, VILLAGE)


def test_the_preview_announces_what_receiving_saves_with_and_without_claims_here(
    tmp_path: Path,
) -> None:
    """Claimed at the village: the town's version (its 待认领, its new title) is applied,
    yet the item stays 已认领, and the preview says so rather than announce the status.
    Claimed at the town: its claim and its 已认领 arrive together and are applied."""
    ex, change = _claimed_at(VILLAGE, tmp_path / "claimed_here")
    assert (change.change, change.kept, change.fields) == (Change.CONFLICT, "theirs", ("title",))
    assert (change.held_status, change.status_stays) == (ItemStatus.CLAIMED, True)
    assert (_item(ex.db[VILLAGE])["title"], _item(ex.db[VILLAGE])["status"]) == (
        RENAMED,
        ItemStatus.CLAIMED,
    )
    ex.dispose()
    ex, change = _claimed_at(TOWN, tmp_path / "claimed_there")
    assert (change.change, set(change.fields)) == (Change.CHANGED, {"title", "status"})
    assert change.held_status is None
    assert (_item(ex.db[VILLAGE])["title"], _item(ex.db[VILLAGE])["status"]) == (
        RENAMED,
        ItemStatus.CLAIMED,
    )
    ex.dispose()


def test_the_conflict_list_names_the_status_the_claims_here_keep(tmp_path: Path) -> None:
    """The conflict the town's version left at the village (claimed there) lists the title
    to decide and says the status stays 已认领, as the preview did."""
    ex, _change = _claimed_at(VILLAGE, tmp_path)
    (listed,) = conflicts.open_conflicts(ex.db[VILLAGE])
    assert [f.name for f in listed.fields] == ["title"]
    assert listed.held_status is ItemStatus.CLAIMED
    conflicts.resolve(ex.db[VILLAGE], listed.id, take_other=True)  # the village's old title
    assert (_item(ex.db[VILLAGE])["title"], _item(ex.db[VILLAGE])["status"]) == (
        TITLE,
        ItemStatus.CLAIMED,
    )
    ex.dispose()


def test_a_kept_version_is_announced_with_the_status_its_claims_give(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    """At the town, which owns the item: its own claim keeps it 已认领 whichever version of
    the village's rename is taken; a claim arriving from the village moves it on."""
    village, town = offices
    ex = Exchange(village, town, tmp_path)
    _town_item_at_the_village(ex)
    _claim(town)
    _rename(village)
    change = _previewed_then_received(ex, ex.package(VILLAGE, TOWN), VILLAGE, TOWN)
    assert (change.change, change.kept, change.fields) == (Change.CONFLICT, "mine", ("title",))
    assert (change.held_status, change.status_stays) == (ItemStatus.CLAIMED, True)
    (listed,) = conflicts.open_conflicts(town)
    assert [f.name for f in listed.fields] == ["title"]
    assert listed.held_status is ItemStatus.CLAIMED
    conflicts.resolve(town, listed.id, take_other=True)
    assert (_item(town)["title"], _item(town)["status"]) == (RENAMED, ItemStatus.CLAIMED)


def test_a_claim_arriving_for_a_kept_version_is_announced(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    """The village claimed (and so changed) the town's item: the town keeps its version,
    yet the village's claim moves the item to 已认领, as the preview says."""
    village, town = offices
    ex = Exchange(village, town, tmp_path)
    _town_item_at_the_village(ex)
    _claim(village)
    _rename(town)
    change = _previewed_then_received(ex, ex.package(VILLAGE, TOWN), VILLAGE, TOWN)
    assert change.change is Change.CONFLICT and change.kept == "mine"
    assert set(change.fields) == {"title", "status"}  # the versions differ in both
    assert (change.held_status, change.status_stays) == (ItemStatus.CLAIMED, False)
    assert (_item(town)["title"], _item(town)["status"]) == (RENAMED, ItemStatus.CLAIMED)
    (listed,) = conflicts.open_conflicts(town)  # now either version leaves it 已认领
    assert [f.name for f in listed.fields] == ["title"]
    assert listed.held_status is ItemStatus.CLAIMED


def test_an_item_claimed_here_is_not_deleted_from_under_its_claim(tmp_path: Path) -> None:
    """The town deleted its item, which the village had claimed meanwhile: the claim, the
    village's own record, pointed at the item and went with it unsaid (the database drops
    an item's claims with it), the preview announcing only the item's deletion. Like any
    record still used here, the item stays, a conflict to decide; the preview says so."""
    village, town = office_db(tmp_path, "village"), office_db(tmp_path, "town")
    ex = Exchange(village, town, tmp_path)
    _town_item_at_the_village(ex)
    _claim(village)
    with town.read() as s:
        item_id = s.scalars(select(ListItem.id)).one()
    editing.delete_item(town, item_id)
    path = ex.package(TOWN, VILLAGE)
    announced = _item_change(ex.preview(path, TOWN, VILLAGE))
    assert (announced.change, announced.fields, announced.kept) == (
        Change.CONFLICT,
        ("deleted",),
        "mine",
    )
    assert _item_change(ex.receive(path, TOWN, VILLAGE)) == announced
    assert _item(village)["status"] == ItemStatus.CLAIMED
    with village.read() as s:
        assert s.scalar(select(func.count()).select_from(Claim)) == 1
    (listed,) = conflicts.open_conflicts(village)
    assert listed.deletion
    ex.dispose()
