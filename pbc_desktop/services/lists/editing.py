"""Writing lists (需求/资源/项目清单) and their items: create, edit, sign, delete."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import Community, FundEntry, ListItem, ServiceList
from pbc_desktop.domain import items as items_rules
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import ItemStatus, ListKind
from pbc_desktop.domain.items import ItemAction
from pbc_desktop.domain.validation import strip_or_none
from pbc_desktop.errors import ConflictError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.lists.common import (
    TEXT_MAX,
    TITLE_MAX,
    changing_item,
    changing_list,
    check_not_future,
    check_text,
    item_facts,
    item_updated,
)
from pbc_desktop.services.scope import check_same_community, hold


@dataclass(frozen=True)
class ListInput:
    community_id: int
    kind: ListKind
    title: str
    year: int
    signed_on: date | None = None
    remark: str | None = None
    version: int | None = None  # the version the editor read; None: not checked


@dataclass(frozen=True)
class ItemInput:
    title: str
    description: str | None = None
    category: str | None = None
    answers_item_id: int | None = None  # the demand the item answers
    uses_item_id: int | None = None  # the resource it uses
    expected_result: str | None = None
    deadline: date | None = None
    version: int | None = None  # the version the editor read; None: not checked


def _validate_list(s: Session, data: ListInput, acc: access.Access | None) -> None:
    """Every refused field at once. A community the account does not see reads as one
    that does not exist (the choices offered are the communities it sees); ``acc`` None:
    the community is the stored list's, seen already."""
    err = FieldErrors()
    if s.get(Community, data.community_id) is None or (
        acc is not None and not acc.sees_community(s, data.community_id)
    ):
        err.add("community", "所选党建共同体已不存在", "The chosen community no longer exists")
    title = (data.title or "").strip()
    if not title:
        err.add("title", "请填写清单名称", "Enter the list's title")
    check_text(err, "title", title, TITLE_MAX, ("清单名称", "The title"))
    if not 2000 <= data.year <= 2100:
        err.add("year", "年度应在2000至2100之间", "The year must be between 2000 and 2100")
    check_not_future(err, "signed_on", data.signed_on, ("签订日期", "signing date"))
    check_text(err, "remark", data.remark, TEXT_MAX, ("备注", "The remark"))
    err.raise_any()


def create_list(db: Database, data: ListInput) -> int:
    """A new 需求/资源/项目清单 of a community; ``signed_on`` may be set now or when signed."""
    with db.write() as s:
        acc = access.of(db, s)
        acc.require(Permission.WRITE)
        _validate_list(s, data, acc)
        acc.check_community_writable(s, data.community_id)
        lst = ServiceList(
            community_id=data.community_id,
            kind=data.kind,
            title=data.title.strip(),
            year=data.year,
            signed_on=data.signed_on,
            remark=strip_or_none(data.remark),
        )
        s.add(lst)
        s.flush()
        audit.created(s, lst, t(f"新建清单「{lst.title}」", f"Created list {lst.title}"))
        return lst.id


def update_list(db: Database, list_id: int, data: ListInput) -> None:
    with db.write() as s:
        lst = changing_list(s, db, list_id)
        versions.check(s, lst, data.version)
        check_same_community(lst.community_id, data.community_id, ("清单", "A list"))
        if data.kind != lst.kind and lst.items:
            raise ValidationError.single(
                "kind",
                t(
                    "清单已有事项，不能更改清单类型",
                    "The list has items; its kind cannot change",
                ),
            )
        _validate_list(s, data, None)  # its community: seen by changing_list
        before = audit.snapshot(lst)
        lst.kind = data.kind
        lst.title = data.title.strip()
        lst.year = data.year
        lst.signed_on = data.signed_on
        lst.remark = strip_or_none(data.remark)
        audit.updated(s, lst, t(f"修改清单「{lst.title}」", f"Updated list {lst.title}"), before)


def sign_list(db: Database, list_id: int, signed_on: date) -> None:
    """Record the day the community signed (签订) the list."""
    with db.write() as s:
        lst = changing_list(s, db, list_id)
        err = FieldErrors()
        check_not_future(err, "signed_on", signed_on, ("签订日期", "signing date"))
        err.raise_any()
        before = audit.snapshot(lst)
        lst.signed_on = signed_on
        audit.updated(
            s,
            lst,
            t(
                f"签订清单「{lst.title}」（{signed_on.isoformat()}）",
                f"Signed list {lst.title} on {signed_on.isoformat()}",
            ),
            before,
        )


def delete_list(db: Database, list_id: int) -> None:
    """Delete a list and its items, unless an item was already claimed, followed up or solved."""
    with db.write() as s:
        lst = changing_list(s, db, list_id)
        for item in lst.items:  # an item claimed meanwhile is seen as such, not deleted
            hold(s, item)
        busy = [it for it in lst.items if it.status != ItemStatus.OPEN or it.supervisions]
        if busy:
            raise ConflictError(
                t(
                    f"清单「{lst.title}」中有{len(busy)}个事项已在办理，不能删除。",
                    f"{len(busy)} items of the list {lst.title} are being handled; "
                    "it cannot be deleted.",
                )
            )
        _refuse_if_used(s, [it.id for it in lst.items])
        audit.deleted(
            s,
            lst,
            t(f"删除清单「{lst.title}」", f"Deleted list {lst.title}"),
            before=audit.snapshot(lst, items=[it.title for it in lst.items]),
        )
        s.delete(lst)


# -- items ------------------------------------------------------------------------------------
def _validate_item(s: Session, lst: ServiceList, data: ItemInput, item_id: int | None) -> None:
    err = FieldErrors()
    check_text(
        err,
        "title",
        data.title,
        TITLE_MAX,
        ("事项名称", "The title"),
        missing=("请填写事项名称", "Enter the item's title"),
    )
    check_text(err, "category", data.category, 60, ("类别", "The category"))
    check_text(err, "description", data.description, TEXT_MAX, ("事项内容", "The description"))
    check_text(
        err, "expected_result", data.expected_result, TEXT_MAX, ("预期成效", "The expected result")
    )
    err.in_years("deadline", data.deadline, ("完成时限", "deadline"))
    for name, linked_id, kind, zh, en in (
        ("answers_item", data.answers_item_id, ListKind.DEMAND, "对应需求", "The demand"),
        ("uses_item", data.uses_item_id, ListKind.RESOURCE, "使用资源", "The resource"),
    ):
        if linked_id is None:
            continue
        other = s.get(ListItem, linked_id)
        if other is None or linked_id == item_id:
            err.add(name, f"{zh}已不存在", f"{en} no longer exists")
        elif other.service_list.community_id != lst.community_id:
            err.add(
                name,
                f"{zh}必须是本共同体清单中的事项",
                f"{en} must be an item of this community's lists",
            )
        elif other.service_list.kind != kind:
            err.add(
                name,
                f"{zh}必须来自{kind.zh}",
                f"{en} must come from a {kind.en.lower()}",
            )
    err.raise_any()


def _apply_item(item: ListItem, data: ItemInput) -> None:
    item.title = data.title.strip()
    item.description = strip_or_none(data.description)
    item.category = strip_or_none(data.category)
    item.answers_item_id = data.answers_item_id
    item.uses_item_id = data.uses_item_id
    item.expected_result = strip_or_none(data.expected_result)
    item.deadline = data.deadline


def add_item(db: Database, list_id: int, data: ItemInput) -> int:
    with db.write() as s:
        lst = changing_list(s, db, list_id)
        _validate_item(s, lst, data, None)
        lock_groups(s, [("list_item_seq", list_id)])  # two clerks adding at once: 1, 2
        seq = s.scalar(select(func.max(ListItem.seq)).where(ListItem.list_id == list_id))
        item = ListItem(list_id=list_id, seq=(seq or 0) + 1, status=ItemStatus.OPEN)
        _apply_item(item, data)
        s.add(item)
        s.flush()
        audit.created(
            s,
            item,
            t(
                f"清单「{lst.title}」新增事项「{item.title}」",
                f"Added item {item.title} to list {lst.title}",
            ),
            after=item_facts(item),
        )
        return item.id


def update_item(db: Database, item_id: int, data: ItemInput) -> None:
    with db.write() as s:
        item = changing_item(s, db, item_id)
        versions.check(s, item, data.version)
        _validate_item(s, item.service_list, data, item_id)
        before = item_facts(item)
        _apply_item(item, data)
        item_updated(
            s, item, t(f"修改清单事项「{item.title}」", f"Updated item {item.title}"), before
        )


def delete_item(db: Database, item_id: int) -> None:
    """Delete an item nobody has claimed or followed up yet."""
    with db.write() as s:
        item = changing_item(s, db, item_id)
        items_rules.check(item.status, item.service_list.kind, ItemAction.DELETE)
        if item.supervisions:
            raise ConflictError(
                t(
                    f"事项「{item.title}」已有督办记录，不能删除。",
                    f"The item {item.title} has follow-ups and cannot be deleted.",
                )
            )
        _refuse_if_used(s, [item.id])
        audit.deleted(
            s,
            item,
            t(f"删除清单事项「{item.title}」", f"Deleted item {item.title}"),
            before=item_facts(item),
        )
        s.delete(item)


def _refuse_if_used(s: Session, item_ids: list[int]) -> None:
    """A demand a project answers, or a resource it uses, is not deleted: the project
    would silently lose its 对应需求 / 使用资源 (the link is dropped by the database,
    with no audit entry and no word to the clerk); nor an item money was spent on (the
    ledger would lose what it was spent on)."""
    if not item_ids:
        return
    funds = s.scalar(select(func.count(FundEntry.id)).where(FundEntry.item_id.in_(item_ids)))
    if funds:
        raise ConflictError(
            t(
                f"有{funds}条经费记录用于这些事项，不能删除；请先修改这些经费记录。",
                f"{funds} fund entries were spent on these items, which cannot be deleted; "
                "change those entries first.",
            )
        )
    user = s.scalars(
        select(ListItem)
        .where(
            or_(ListItem.answers_item_id.in_(item_ids), ListItem.uses_item_id.in_(item_ids)),
            ListItem.id.not_in(item_ids),
        )
        .order_by(ListItem.id)
        .limit(1)
    ).first()
    if user is None:
        return
    used = s.get(
        ListItem, user.answers_item_id if user.answers_item_id in item_ids else user.uses_item_id
    )
    assert used is not None
    raise ConflictError(
        t(
            f"事项「{used.title}」是项目「{user.title}」的对应需求或使用资源，不能删除；"
            "请先修改该项目。",
            f"The item {used.title} is the demand or resource of the project {user.title} "
            "and cannot be deleted; change that project first.",
        )
    )
