"""Every service function that takes a record's id, walked with the ids of records the
signed-in account may not see (the demo district's village account ``cun`` and the other
towns' records) and with the read-only inspector ``ducha``.

The functions are found by looking at the services, not listed by hand: a new function
taking an id is walked as soon as it exists (an id parameter of a kind not known here
fails the walk until it is named in :data:`KINDS`). Each call must be refused with a
sentence (:class:`NotFoundError` / :class:`PermissionDeniedError`, never a traceback) or
return nothing of the other records; no refusal and no answer names the other town's
organizations, members or communities, and nothing is written.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

import pytest
from sqlalchemy import Select, func, select

import pbc_desktop.services as services_package
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Assessment,
    Attachment,
    AuditEntry,
    Committee,
    Community,
    DevelopmentRecord,
    FundEntry,
    IndicatorSet,
    ListItem,
    MemberTransfer,
    MobileMember,
    Organization,
    PartyMember,
    Post,
    PostReport,
    ServiceList,
    ServiceLog,
    User,
    Venue,
)
from pbc_desktop.domain.accounts import Actor
from pbc_desktop.errors import NotFoundError, PermissionDeniedError, UserError
from pbc_desktop.services import access
from pbc_desktop.services.accounts.users import actor_of
from tests.demo_cache import demo_into

TODAY = date(2026, 11, 20)

#: An id parameter's name → the kind of record it names.
KINDS: dict[str, str] = {
    "member_id": "member",
    "organization_id": "organization",
    "org_id": "organization",
    "organization_ids": "organization",
    "community_id": "community",
    "activity_id": "activity",
    "list_id": "list",
    "item_id": "item",
    "entry_id": "fund entry",
    "record_id": "development record",
    "transfer_id": "transfer",
    "stay_id": "stay",
    "report_id": "post report",
    "service_id": "service",
    "committee_id": "committee",
    "attachment_id": "attachment",
    "assessment_id": "assessment",
    "venue_id": "venue",
    "user_id": "account",
    "set_id": "indicator set",
    "post_id": "post",
    "include_id": "post",
    "exclude_org_id": "organization",
}

#: Modules not walked, and why.
NOT_WALKED = {
    # the office's exchange log and conflicts belong to the office, not to an organization
    # (tests/services/exchange); the demo's builders write as the district
    "pbc_desktop.services.exchange",
    "pbc_desktop.services.demo",
}

#: Values of the other parameters (``data`` and the like: a stand-in that the refusal must
#: come before; a service that reads it first fails the walk with its TypeError).
VALUES: dict[str, Any] = {
    "year": 2025,
    "on": date(2025, 6, 1),
    "today": TODAY,
    "as_of": TODAY,
    "month": date(2025, 6, 1),
    "start": date(2025, 1, 1),
    "end": date(2025, 12, 31),
    "paid_on": date(2025, 6, 1),
    "starts_on": date(2025, 6, 1),
    "signed_on": date(2025, 6, 1),
    "received_on": date(2025, 6, 1),
    "returned_on": date(2025, 6, 1),
    "reason": "测试",
    "remark": "测试",
    "old": "demo1234",
    "new": "另一个密码abc123",
    "password": "另一个密码abc123",
    "active": False,
    "step": 1,
    "entries": [],
    "file_name": "清单.pdf",
    "unmasked": False,
}


#: Writes that only record what an account read (a list printed or exported): the
#: inspector may.
RECORDS_A_READING = {"lists.printout.record_export"}

#: What an editor loads: the stored ID number and phone in full (the editor masks them
#: until asked), so only for an account that may change the record.
EDITORS_INPUT = {
    "member_editing.get_member_input",
    "development.editing.get_applicant_input",
    "member_changes.mobile.get_stay",
}


def _service_modules() -> Iterator[ModuleType]:
    for info in pkgutil.walk_packages(services_package.__path__, "pbc_desktop.services."):
        if not any(info.name.startswith(skip) for skip in NOT_WALKED):
            yield importlib.import_module(info.name)


def id_functions() -> list[tuple[str, Callable[..., Any]]]:
    """Every public service function taking the database first and a record's id."""
    found = []
    for module in _service_modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            params = list(inspect.signature(function).parameters)
            if params[:1] == ["db"] and any(_is_id(p) for p in params):
                found.append(
                    (f"{module.__name__.removeprefix('pbc_desktop.services.')}.{name}", function)
                )
    return found


def _is_id(param: str) -> bool:
    return param.endswith(("_id", "_ids"))


def _writes(function: Callable[..., Any]) -> bool:
    return "db.write(" in inspect.getsource(function)


def _first(s: Any, stmt: Select[Any]) -> int:
    found = s.scalar(stmt.order_by(*stmt.selected_columns).limit(1))
    assert found is not None, f"the demo has no such record: {stmt}"
    return int(found)


class Foreign:
    """The records of the demo district that ``actor`` neither has nor meets: their ids by
    kind, and the names that must not appear in anything ``actor`` is told."""

    def __init__(self, db: Database, actor: Actor) -> None:
        with db.read() as s:
            acc = access.Access(actor, access.own_org_ids(s, actor))
            met = set(s.scalars(select(Organization.id).where(acc.orgs_met(Organization.id))))
            seen = set(s.scalars(acc.community_ids()))
            orgs = [o for o in s.scalars(select(Organization.id)) if o not in met]
            communities = [c for c in s.scalars(select(Community.id)) if c not in seen]
            members = select(PartyMember.id).where(PartyMember.organization_id.in_(orgs))
            reports = select(PostReport.id).where(PostReport.organization_id.in_(orgs))
            unseen_lists = select(ServiceList.id).where(ServiceList.community_id.in_(communities))
            activities = select(Activity.id).where(
                Activity.host_org_id.in_(orgs), Activity.community_id.in_(communities)
            )
            self.ids: dict[str, int] = {
                "organization": _first(
                    s,
                    select(PartyMember.organization_id).where(
                        PartyMember.organization_id.in_(orgs)
                    ),
                ),
                "member": _first(s, members),
                "community": min(communities),
                "activity": _first(s, activities),
                "list": _first(s, unseen_lists),
                "item": _first(s, select(ListItem.id).where(ListItem.list_id.in_(unseen_lists))),
                "fund entry": _first(
                    s, select(FundEntry.id).where(FundEntry.community_id.in_(communities))
                ),
                "development record": _first(
                    s,
                    select(DevelopmentRecord.id).where(DevelopmentRecord.organization_id.in_(orgs)),
                ),
                "transfer": _first(
                    s,
                    select(MemberTransfer.id).where(
                        MemberTransfer.from_organization_id.in_(orgs),
                        MemberTransfer.to_organization_id.is_(None)
                        | MemberTransfer.to_organization_id.in_(orgs),
                    ),
                ),
                "stay": _first(
                    s, select(MobileMember.id).where(MobileMember.member_id.in_(members))
                ),
                "post report": _first(s, reports),
                "service": _first(
                    s, select(ServiceLog.id).where(ServiceLog.report_id.in_(reports))
                ),
                "committee": _first(
                    s, select(Committee.id).where(Committee.organization_id.in_(orgs))
                ),
                "attachment": _first(
                    s, select(Attachment.id).where(Attachment.activity_id.in_(activities))
                ),
                "assessment": _first(
                    s, select(Assessment.id).where(Assessment.community_id.in_(communities))
                ),
                "venue": _first(s, select(Venue.id).where(Venue.owner_org_id.in_(orgs))),
                "account": _first(s, select(User.id).where(User.username == "admin")),
                "indicator set": _first(s, select(IndicatorSet.id)),
                "post": _first(s, select(Post.id)),
            }
            visible = set(
                s.scalars(select(Organization.name).where(Organization.id.in_(met)))
            ) | set(s.scalars(select(PartyMember.name).where(PartyMember.organization_id.in_(met))))
            names = (
                set(s.scalars(select(Organization.name).where(Organization.id.in_(orgs))))
                | set(
                    s.scalars(select(PartyMember.name).where(PartyMember.organization_id.in_(orgs)))
                )
                | set(s.scalars(select(Community.name).where(Community.id.in_(communities))))
            )
            self.names = frozenset(names - visible)

    def arguments(self, function: Callable[..., Any], target: Path) -> dict[str, Any]:
        args: dict[str, Any] = {}
        for param in list(inspect.signature(function).parameters.values())[1:]:
            if _is_id(param.name):
                assert param.name in KINDS, f"name the kind of record {param.name} names in KINDS"
                value = self.ids[KINDS[param.name]]
                args[param.name] = [value] if param.name.endswith("_ids") else value
            elif param.name in ("target", "out_path"):
                args[param.name] = target / "out.bin"
            elif param.name in VALUES:
                args[param.name] = VALUES[param.name]
            elif param.default is inspect.Parameter.empty:
                args[param.name] = mock.MagicMock(name=param.name)
        return args

    def told(self, text: str) -> list[str]:
        """The other records' names in ``text``."""
        return sorted(name for name in self.names if name in text)


def _account(db: Database, username: str) -> Actor:
    with db.read() as s:
        return actor_of(s.scalars(select(User).where(User.username == username)).one())


def _audit_entries(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


@pytest.fixture
def demo(db: Database) -> Database:
    demo_into(db, today=TODAY)
    return db


def test_the_walk_finds_the_services_taking_ids() -> None:
    names = {name for name, _f in id_functions()}
    assert len(names) > 120  # every feature's, not a module or two
    assert {"members.get_member_detail", "funds.update_entry", "attachments.save_copy"} <= names


@pytest.mark.parametrize("username", ["cun", "zhen"])
def test_a_village_or_town_account_gets_nothing_of_another_towns_records(
    demo: Database, tmp_path: Path, username: str
) -> None:
    db = demo
    db.user = _account(db, username)
    foreign = Foreign(db, db.user)
    out = tmp_path / "out"
    out.mkdir()
    before = _audit_entries(db)
    wrong: list[str] = []
    for name, function in id_functions():
        try:
            result = function(db, **foreign.arguments(function, out))
        except (NotFoundError, PermissionDeniedError) as refused:
            if leaked := foreign.told(refused.message):
                wrong.append(f"{name} refused naming {leaked}: {refused.message}")
            continue
        except Exception as error:
            wrong.append(f"{name} failed with {type(error).__name__}: {error}"[:300])
            continue
        if leaked := foreign.told(repr(result)):
            wrong.append(f"{name} told {leaked[:3]}")
    assert wrong == []
    assert _audit_entries(db) == before  # nothing written, not even an export's record
    assert not any(out.iterdir())  # no file of another town's records


def test_the_read_only_inspector_changes_nothing(demo: Database, tmp_path: Path) -> None:
    """Each writing service taking an id refuses ``ducha`` (who sees the whole district)
    before it looks at the input; the editors' full numbers are not handed out either."""
    db = demo
    cun = _account(db, "cun")
    db.user = _account(db, "ducha")
    foreign = Foreign(db, cun)  # any records will do: the inspector sees them all
    before = _audit_entries(db)
    wrong: list[str] = []
    walked = 0
    for name, function in id_functions():
        if name in RECORDS_A_READING or not (_writes(function) or name in EDITORS_INPUT):
            continue
        walked += 1
        try:
            function(db, **foreign.arguments(function, tmp_path))
        except PermissionDeniedError:
            continue
        except UserError as refused:
            wrong.append(f"{name} refused otherwise: {type(refused).__name__}: {refused}")
            continue
        except Exception as error:
            wrong.append(f"{name} failed with {type(error).__name__}: {error}"[:300])
            continue
        wrong.append(f"{name} was done")
    assert walked > 60
    assert wrong == []
    assert _audit_entries(db) == before
