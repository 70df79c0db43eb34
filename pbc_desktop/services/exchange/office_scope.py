"""Who answers for the whole office: the account that may decide over any of its records.

Receiving a package and deciding conflicts change records of the whole office, not of one
organization. On the district's database that is a district account; on a town's, its
town's account; on a village's, the account of its organization or one above it. Any
other (a village account on a town's database) would change other villages' records, and
see them in the preview.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.permissions import denied


def answers_for_the_office(db: Database, s: Session) -> bool:
    """Whether the acting account answers for the whole of this database's office."""
    acc = access.of(db, s)
    if acc.whole:
        return True
    office = access.own_office_row(s)
    if office is None:
        return False
    if office.level is OrgLevel.TOWN:
        return office.town is not None and db.user.town == office.town
    if office.level is OrgLevel.VILLAGE:
        org_id = s.scalar(
            select(Organization.id).where(Organization.uuid == office.organization_uuid)
        )
        return org_id is not None and acc.sees_org(org_id)
    return False


def whole_office_refusal(db: Database, why: str) -> str | None:
    """None when the acting account may exchange and answers for the whole office; else
    why not: the missing permission, or ``why`` (the act's own sentence)."""
    if not db.user.can(Permission.EXCHANGE):
        return denied(db.user, Permission.EXCHANGE).message
    with db.read() as s:
        if answers_for_the_office(db, s):
            return None
    return why


def receive_refusal(db: Database) -> str | None:
    """Why the acting account may not receive packages (None: it may): a package changes
    records of the whole office, and its preview names them, so only an account that
    answers for the whole office receives one. (Here, not in ``transfer``: the window's
    menu asks it at start-up without loading the packages' services.)"""
    return whole_office_refusal(
        db,
        t(
            "数据包会修改本单位的全部记录，由负责本单位的账号接收，当前账号不能接收。",
            "A package changes records of the whole office: an account answering for the whole "
            "office receives it; the signed-in account may not.",
        ),
    )
