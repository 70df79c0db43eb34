"""Pieces shared by the 清单 services: the clock, loading a list or an item, text and date
checks, the status text with 逾期, the claimants and follow-up counts of many items at once,
the audit entry of a changed item.

Every module calls ``common.today()`` (not a copy of it), so a test fixes the date once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Row, Table, func, select, update
from sqlalchemy.orm import Session

from pbc_desktop.db.base import version_bump
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Claim,
    ClaimOrganization,
    ListItem,
    Organization,
    ServiceList,
    Supervision,
)
from pbc_desktop.domain.enums import OVERDUE_LABEL, ItemStatus, ListKind
from pbc_desktop.domain.items import ItemAction, allowed_actions, status_with_claims
from pbc_desktop.errors import NotFoundError
from pbc_desktop.lang import language, t
from pbc_desktop.services import access, audit
from pbc_desktop.services.field_errors import FieldErrors

TITLE_MAX = 200
TEXT_MAX = 2000
PERSON_MAX = 60  # a person's name (a claim partner's responsible person)


def today() -> date:
    """Today; the one clock of the 清单 services (tests replace it)."""
    return date.today()


def status_text(status: ItemStatus, overdue: bool) -> str:
    """The stored status in the current language, or 逾期."""
    return t(*OVERDUE_LABEL) if overdue else status.label(language())


class ItemState:
    """``status_text`` and ``actions`` of an item DTO (a row or the detail)."""

    status: ItemStatus
    overdue: bool
    list_kind: ListKind

    @property
    def status_text(self) -> str:
        """The stored status, or 逾期 when past the deadline and not solved."""
        return status_text(self.status, self.overdue)

    @property
    def actions(self) -> frozenset[ItemAction]:
        return allowed_actions(self.status, self.list_kind)


def claimants(
    s: Session, item_ids: Sequence[int]
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """The lead organizations and the other partners of each item's claims, by item id."""
    leads: dict[int, list[str]] = defaultdict(list)
    partners: dict[int, list[str]] = defaultdict(list)
    if not item_ids:
        return leads, partners
    lead_stmt = (
        select(Claim.item_id, Organization.name)
        .join(Organization, Organization.id == Claim.lead_org_id)
        .where(Claim.item_id.in_(item_ids))
        .order_by(Claim.claimed_on, Claim.id)
    )
    for item_id, name in s.execute(lead_stmt):
        if name not in leads[item_id]:
            leads[item_id].append(name)
    partner_stmt = (
        select(Claim.item_id, Organization.name)
        .join(ClaimOrganization, ClaimOrganization.claim_id == Claim.id)
        .join(Organization, Organization.id == ClaimOrganization.organization_id)
        .where(Claim.item_id.in_(item_ids))
        .order_by(Claim.id, ClaimOrganization.id)
    )
    for item_id, name in s.execute(partner_stmt):
        if name not in leads[item_id] and name not in partners[item_id]:
            partners[item_id].append(name)
    return leads, partners


def supervision_counts(s: Session, item_ids: Sequence[int]) -> dict[int, int]:
    """How many follow-ups (督办) each item has, by item id (items without any left out)."""
    if not item_ids:
        return {}
    stmt = (
        select(Supervision.item_id, func.count(Supervision.id))
        .where(Supervision.item_id.in_(item_ids))
        .group_by(Supervision.item_id)
    )
    return {item_id: int(n) for item_id, n in s.execute(stmt)}


def list_gone() -> NotFoundError:
    return NotFoundError(
        t(
            "该清单已不存在（可能已被删除）。",
            "The list no longer exists; it may have been deleted.",
        )
    )


def item_gone() -> NotFoundError:
    return NotFoundError(
        t(
            "找不到该清单事项，可能已被删除。",
            "The list item was not found; it may have been deleted.",
        )
    )


def load_list(s: Session, list_id: int, acc: access.Access) -> ServiceList:
    """The list, if it exists and is of a community the account sees."""
    lst = s.get(ServiceList, list_id)
    if lst is None or not acc.sees_community(s, lst.community_id):
        raise list_gone()
    return lst


def load_item(s: Session, item_id: int, acc: access.Access) -> ListItem:
    """The item, if it exists and its list is of a community the account sees."""
    item = s.get(ListItem, item_id)
    if item is None or not acc.sees_community(s, item.service_list.community_id):
        raise item_gone()
    return item


def changing_list(s: Session, db: Database, list_id: int) -> ServiceList:
    """The list to change: seen, and its community one the account takes part in."""
    acc = access.of(db, s)
    lst = load_list(s, list_id, acc)
    acc.check_community_writable(s, lst.community_id)
    return lst


def changing_item(s: Session, db: Database, item_id: int) -> ListItem:
    """The item to change (see :func:`changing_list`)."""
    acc = access.of(db, s)
    item = load_item(s, item_id, acc)
    acc.check_community_writable(s, item.service_list.community_id)
    return item


def moving_item(
    s: Session, db: Database, item_id: int, rule: Callable[[ItemStatus, ListKind], ItemStatus]
) -> tuple[ListItem, ItemStatus]:
    """The item to change (see :func:`changing_item`) and the status ``rule`` (one of
    ``domain.items.after_*``) moves it to; the rule refuses a step its status does not allow."""
    item = changing_item(s, db, item_id)
    return item, rule(item.status, item.service_list.kind)


def check_text(
    err: FieldErrors,
    name: str,
    value: str | None,
    limit: int,
    words: tuple[str, str],
    *,
    missing: tuple[str, str] | None = None,
) -> None:
    """Not longer than ``limit``; no control characters or direction marks, and (unless
    it is a long text of ``TEXT_MAX``) on one line. Given ``missing`` (the request to fill
    it in, in Chinese and English), the text is required."""
    zh, en = words
    if missing is not None and not (value or "").strip():
        err.add(name, *missing)
        return
    if value is not None and len(value.strip()) > limit:
        err.add(name, f"{zh}不能超过{limit}个字", f"{en} is longer than {limit} characters")
        return
    noun = en.removeprefix("The ").strip("'")
    err.text(name, value, (zh, noun), multiline=limit >= TEXT_MAX)


def check_not_future(
    err: FieldErrors, name: str, value: date | None, label: tuple[str, str]
) -> None:
    """``value`` must not be after :func:`today`; ``label`` names it ("认领日期", "claim date")."""
    err.not_future(name, value, label, today())


def item_facts(item: ListItem) -> dict[str, Any]:
    """The audit snapshot of an item."""
    return audit.snapshot(item)


def item_updated(
    s: Session, item: ListItem, summary: str, before: dict[str, Any], **extra: Any
) -> None:
    """Log the change of ``item`` since ``before`` (its :func:`item_facts` then); ``extra``
    facts (the claim, the follow-up, the reason) are added to its facts now."""
    audit.updated(s, item, summary, before, after=item_facts(item) | extra)


_CHUNK = 500


@dataclass(frozen=True)
class ItemClaims:
    """What moves an item's status on by itself here: its list's kind, and whether it has
    a claim and a follow-up."""

    kind: ListKind
    claimed: bool
    followed_up: bool

    def status(self, status: ItemStatus) -> ItemStatus:
        """``status`` as far as the item's claims and follow-ups take it
        (``status_with_claims``)."""
        return status_with_claims(
            status, self.kind, claimed=self.claimed, followed_up=self.followed_up
        )


def _claims_rows(
    s: Session, item_ids: Collection[int]
) -> Iterator[Row[int, str, ItemStatus, ListKind, bool, bool]]:
    """(id, uuid, status, kind, has claims, has follow-ups) of each item, read in chunks."""
    claimed = select(Claim.id).where(Claim.item_id == ListItem.id).exists()
    followed = select(Supervision.id).where(Supervision.item_id == ListItem.id).exists()
    listed_ids = sorted(item_ids)
    for start in range(0, len(listed_ids), _CHUNK):
        chunk_ids = listed_ids[start : start + _CHUNK]
        yield from (
            s.execute(
                select(
                    ListItem.id, ListItem.uuid, ListItem.status, ServiceList.kind, claimed, followed
                )
                .join(ServiceList, ServiceList.id == ListItem.list_id)
                .where(ListItem.id.in_(chunk_ids))
            ).all()
        )


def item_claims(s: Session, item_ids: Collection[int]) -> dict[int, ItemClaims]:
    """:class:`ItemClaims` of each of the items (by id) this database holds."""
    return {
        row[0]: ItemClaims(row[3], bool(row[4]), bool(row[5])) for row in _claims_rows(s, item_ids)
    }


def keep_status_with_claims(
    s: Session,
    *,
    item_uuids: Collection[str] = (),
    claim_uuids: Collection[str] = (),
    followup_uuids: Collection[str] = (),
) -> set[str]:
    """Move forward the status of the items named (directly, or by one of their claims or
    follow-ups) to what their claims and follow-ups imply (``status_with_claims``, the
    rule claiming here follows): a package's version of an item, or a claim arriving for
    it, never leaves an item with claims 待认领. Written in SQL beside a merge's writes;
    the item's ``updated_at`` stays (the status follows from records both offices hold,
    so it is no edit of this office's to send back). Returns the UUIDs of the items moved."""
    items = cast(Table, ListItem.__table__)
    ids: set[int] = set()
    for column, uuid_column, uuids in (
        (ListItem.id, ListItem.uuid, item_uuids),
        (Claim.item_id, Claim.uuid, claim_uuids),
        (Supervision.item_id, Supervision.uuid, followup_uuids),
    ):
        listed = list(uuids)
        for start in range(0, len(listed), _CHUNK):
            chunk = listed[start : start + _CHUNK]
            ids.update(s.scalars(select(column).where(uuid_column.in_(chunk))))
    moved: set[str] = set()
    for item_id, item_uuid, status, kind, has_claims, has_followups in _claims_rows(s, ids):
        target = status_with_claims(
            status, kind, claimed=bool(has_claims), followed_up=bool(has_followups)
        )
        if target != status:
            s.execute(
                update(items)
                .where(items.c.id == item_id)
                .values(status=target, **version_bump(items))
            )
            moved.add(item_uuid)
    return moved
