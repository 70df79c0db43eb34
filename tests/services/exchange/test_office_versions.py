"""This office changed from two PCs at once (one server database, two administrators):
the second save is refused with the sentence every record's editor gives, naming the
first and when, and the first change stays (optimistic locking, ``Office.version``)."""

from __future__ import annotations

from dataclasses import asdict, replace

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Office
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.errors import ConflictError, StaleEditError
from pbc_desktop.services.exchange import offices
from pbc_desktop.services.exchange.offices import OfficeSetup
from tests.services.exchange.package_helpers import office
from tests.services.test_concurrent_saves import while_another_saves
from tests.services.test_row_versions import client

server_only = pytest.mark.server_only("two transactions of two clients at the same moment")
TOWN = office("c0000000-0000-4000-8000-000000000002", "和平镇党委", OrgLevel.TOWN)


def _set_up(db: Database) -> None:
    offices.create_local_office(db, OfficeSetup("和平镇党委", OrgLevel.TOWN, town="和平镇"))


def test_the_second_change_of_this_office_is_refused_naming_the_first(db: Database) -> None:
    _set_up(db)
    zhang, li = client(db, "zhangsan", "张三"), client(db, "lisi", "李四")
    try:
        read_by_zhang, read_by_li = offices.local_setup(zhang), offices.local_setup(li)
        assert read_by_zhang is not None and read_by_li is not None
        assert read_by_zhang.version == read_by_li.version is not None
        offices.update_local_office(zhang, replace(read_by_zhang, code="440514"))
        with pytest.raises(StaleEditError) as refused:
            offices.update_local_office(li, replace(read_by_li, name="和平镇党委(新)"))
        assert "该记录已被 张三 于 " in str(refused.value)
        assert "请关闭后重新打开再保存" in str(refused.value)
        card = offices.local_card(db)
        assert card is not None and (card.name, card.code) == ("和平镇党委", "440514")
        # reopened, 李四's change goes in over 张三's, which stays
        again = offices.local_setup(li)
        assert again is not None and again.code == "440514"
        offices.update_local_office(li, replace(again, name="和平镇党委(新)"))
        card = offices.local_card(db)
        assert card is not None and (card.name, card.code) == ("和平镇党委(新)", "440514")
    finally:
        zhang.dispose()
        li.dispose()


def test_a_command_changing_this_office_reads_no_version_and_is_not_checked(
    db: Database,
) -> None:
    _set_up(db)
    for name in ("和平镇党委(一)", "和平镇党委(二)"):  # ``pbc office setup`` twice
        offices.update_local_office(db, OfficeSetup(name, OrgLevel.TOWN, town="和平镇"))
    setup = offices.local_setup(db)
    assert setup is not None and setup.name == "和平镇党委(二)"
    assert setup.version is not None and setup.version >= 3  # every change counted


@server_only
def test_two_changes_of_this_office_at_the_same_moment_the_second_is_refused(
    db: Database,
) -> None:
    _set_up(db)
    read = offices.local_setup(db)
    assert read is not None

    def theirs(s: Session) -> None:
        row = s.scalars(select(Office).where(Office.local.is_(True))).one()
        row.code = "440514"  # 张三's change, flushed, not yet committed

    outcome = while_another_saves(
        db, theirs, lambda other: offices.update_local_office(other, replace(read, name="新名"))
    )
    assert isinstance(outcome, StaleEditError), outcome
    card = offices.local_card(db)
    assert card is not None and (card.name, card.code) == ("和平镇党委", "440514")


@server_only
def test_this_office_set_up_from_two_pcs_at_once_is_one_office(db: Database) -> None:
    """The second administrator is told it is set up already (it got the database's
    refusal of a second office of its own, unworded)."""

    def theirs(s: Session) -> None:
        s.add(
            Office(
                uuid="c0000000-0000-4000-8000-0000000000aa",
                name="和平镇党委",
                level=OrgLevel.TOWN,
                sign_key=b"s",
                box_key=b"b",
                local=True,
            )
        )

    outcome = while_another_saves(
        db,
        theirs,
        lambda other: offices.create_local_office(
            other, OfficeSetup("和平镇党委", OrgLevel.TOWN, town="和平镇")
        ),
        group=("local_office",),
    )
    assert isinstance(outcome, ConflictError), repr(outcome)
    assert outcome.message == "本单位已经设置过。"
    assert not offices.key_file(db).exists()  # no keys of an office that is not there
    with db.read() as s:
        assert s.scalar(select(func.count(Office.id))) == 1


@server_only
def test_one_card_registered_from_two_pcs_at_once_is_registered_once(db: Database) -> None:
    """The second clerk finds it registered (it got the database's unworded refusal of a
    second office of that identity)."""
    card = TOWN.card

    outcome = while_another_saves(
        db,
        lambda s: s.add(Office(**asdict(card), local=False)),
        lambda other: offices.register_card(other, card),
        group=("office", card.uuid),
    )
    assert outcome is False  # registered already, with these keys
    with db.read() as s:
        assert s.scalar(select(func.count(Office.id))) == 1
