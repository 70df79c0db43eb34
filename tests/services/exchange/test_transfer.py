"""A package between two offices' databases, end to end: sent, previewed, received once,
refused when altered, from a stranger or for another office; attachments arrive intact."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Attachment,
    AttachmentContent,
    ExchangeLogEntry,
    PartyMember,
)
from pbc_desktop.db.models import Office as OfficeRow
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.errors import PermissionDeniedError, UserError
from pbc_desktop.services.exchange.merge import Change
from pbc_desktop.services.exchange.package import PackageError, Problem
from pbc_desktop.services.exchange.transfer import (
    AlreadyReceivedError,
    LocalOffice,
    preview_package,
    receive_package,
    receive_refusal,
    send_package,
)
from tests.factories import make_activity, make_community, make_member, make_org
from tests.scope_factories import town_actor, viewer_actor, village_actor
from tests.services.exchange.helpers import office_db
from tests.services.exchange.package_helpers import Office, office, registry

PHOTO = bytes(range(256)) * 64


VILLAGE = office("a0000000-0000-4000-8000-000000000001", "上底村党委", OrgLevel.VILLAGE)
TOWN = office("a0000000-0000-4000-8000-000000000002", "和平镇党委", OrgLevel.TOWN)
STRANGER = office("a0000000-0000-4000-8000-000000000003", "冒名单位", OrgLevel.VILLAGE)


def _me(o: Office) -> LocalOffice:
    return LocalOffice(o.card, o.keys)


def _village_data(village: Database) -> None:
    branch = make_org(village, "上底村党支部")
    make_member(village, "陈小明", branch, complete=True)
    community = make_community(village, "上底共建", [branch], lead_org_id=branch)
    activity = make_activity(village, community, "主题党日", host_org_id=branch)
    with village.write() as s:
        s.add(
            Attachment(
                activity_id=activity,
                filename="合影.jpg",
                is_photo=True,
                size=len(PHOTO),
                sha256=hashlib.sha256(PHOTO).hexdigest(),
                content=AttachmentContent(data=PHOTO),
            )
        )


def _count(db: Database, model: object) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)  # type: ignore[arg-type]


def test_a_package_goes_up_previewed_then_received_once(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    village, town = offices
    _village_data(village)
    path = tmp_path / "usb" / "上底村.pbcx"
    path.parent.mkdir()
    sent = send_package(village, path, me=_me(VILLAGE), to=TOWN.card, encrypt=True)
    assert sent.counts["party_member"] == 1
    assert sent.left_out == ()  # going up: ID numbers and phones travel
    lookup = registry(VILLAGE)
    preview = preview_package(town, path, me=_me(TOWN), lookup_sender=lookup)
    assert preview.result.count("party_member", Change.NEW) == 1
    assert _count(town, PartyMember) == 0  # the preview wrote nothing
    received = receive_package(town, path, me=_me(TOWN), lookup_sender=lookup)
    assert received.result.counts == preview.result.counts
    with town.read() as s:
        member = s.scalars(select(PartyMember)).one()
        assert member.id_number  # travelled up
        content = s.scalars(select(AttachmentContent)).one()
        assert hashlib.sha256(content.data).hexdigest() == hashlib.sha256(PHOTO).hexdigest()
        logged = s.scalars(select(ExchangeLogEntry)).one()
        assert (logged.direction, logged.sender_name) == ("received", "上底村党委")
    with pytest.raises(AlreadyReceivedError):
        receive_package(town, path, me=_me(TOWN), lookup_sender=lookup)
    # nothing new at the village: the next package is empty
    again = send_package(village, tmp_path / "again.pbcx", me=_me(VILLAGE), to=TOWN.card)
    assert sum(again.counts.values()) == 0


def test_only_an_account_answering_for_the_office_receives(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    """A package changes records of the whole office and its preview names them: a village
    clerk on the town's database previewed the villages' package (every member's name) and
    received it into the town's records, though conflicts were already refused to them."""
    village, town = offices
    _village_data(village)
    path = tmp_path / "上底村.pbcx"
    send_package(village, path, me=_me(VILLAGE), to=TOWN.card)
    with town.write() as s:
        s.add(
            OfficeRow(
                uuid=TOWN.card.uuid, name=TOWN.card.name, level=OrgLevel.TOWN, town="和平镇",
                sign_key=b"s" * 32, box_key=b"b" * 32, local=True,
            )
        )  # fmt: skip
    clerk_org = make_org(town, "甲村党支部", town="和平镇")
    lookup = registry(VILLAGE)
    for clerk in (village_actor(town, clerk_org), town_actor(town, "别的镇"), viewer_actor(town)):
        town.user = clerk
        assert receive_refusal(town) is not None
        for refused in (preview_package, receive_package):
            with pytest.raises(PermissionDeniedError) as error:
                refused(town, path, me=_me(TOWN), lookup_sender=lookup)
            assert "陈小明" not in error.value.message
    assert _count(town, PartyMember) == 0 and _count(town, ExchangeLogEntry) == 0
    town.user = town_actor(town, "和平镇")
    assert receive_refusal(town) is None
    assert receive_package(town, path, me=_me(TOWN), lookup_sender=lookup).result.conflicts == 0
    assert _count(town, PartyMember) == 1


def test_an_altered_package_is_refused_and_nothing_written(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    village, town = offices
    _village_data(village)
    path = tmp_path / "p.pbcx"
    send_package(village, path, me=_me(VILLAGE), to=TOWN.card)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(PackageError):
        receive_package(town, path, me=_me(TOWN), lookup_sender=registry(VILLAGE))
    assert _count(town, PartyMember) == 0
    assert _count(town, ExchangeLogEntry) == 0


def test_a_package_replaced_after_its_preview_is_refused_and_nothing_written(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    """The user looked at one package; the file now holds the sender's next one (copied
    onto the stick under the same name): it was merged unseen."""
    village, town = offices
    path = tmp_path / "上底村.pbcx"
    send_package(village, path, me=_me(VILLAGE), to=TOWN.card)
    lookup = registry(VILLAGE)
    shown = preview_package(town, path, me=_me(TOWN), lookup_sender=lookup)
    assert sum(shown.result.counts.get("party_member", {}).values()) == 0
    _village_data(village)
    send_package(village, tmp_path / "next.pbcx", me=_me(VILLAGE), to=TOWN.card)
    (tmp_path / "next.pbcx").replace(path)
    with pytest.raises(PackageError, match="预览之后被换成了另一个数据包") as caught:
        receive_package(town, path, me=_me(TOWN), lookup_sender=lookup, previewed=shown.fingerprint)
    assert caught.value.problem is Problem.ALTERED
    assert _count(town, PartyMember) == 0
    assert _count(town, ExchangeLogEntry) == 0
    again = preview_package(town, path, me=_me(TOWN), lookup_sender=lookup)
    received = receive_package(
        town, path, me=_me(TOWN), lookup_sender=lookup, previewed=again.fingerprint
    )
    assert received.fingerprint == again.fingerprint and _count(town, PartyMember) == 1


def test_a_package_is_never_written_over_a_database(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    """A package saved under the database's own name replaced the database, which then
    opened as damaged; nothing is written or remembered as sent now."""
    village, town = offices
    _village_data(village)
    assert village.path is not None and town.path is not None
    for target in (village.path, town.path, Path(f"{village.path}-wal")):
        before = target.read_bytes() if target.exists() else None
        with pytest.raises(UserError, match="不能被覆盖"):
            send_package(village, target, me=_me(VILLAGE), to=TOWN.card)
        assert (target.read_bytes() if target.exists() else None) == before
    assert _count(village, ExchangeLogEntry) == 0
    sent = send_package(village, tmp_path / "p.pbcx", me=_me(VILLAGE), to=TOWN.card)
    assert sent.counts["party_member"] == 1  # everything still to send


def test_a_package_is_never_written_over_an_earlier_one_of_ours(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    """The second package of a day took the first's name (the one the window suggests)
    and replaced it: what only the first held never reached the other office."""
    village, town = offices
    _village_data(village)
    path = tmp_path / "上底村党委-和平镇党委.pbcx"
    send_package(village, path, me=_me(VILLAGE), to=TOWN.card, encrypt=True)
    first = path.read_bytes()
    with village.read() as s:
        branch = s.scalars(select(PartyMember.organization_id)).one()
    make_member(village, "李四", branch)
    with pytest.raises(UserError, match="发给和平镇党委的数据包"):
        send_package(village, path, me=_me(VILLAGE), to=TOWN.card)
    assert path.read_bytes() == first and _count(village, ExchangeLogEntry) == 1
    later = send_package(village, tmp_path / "later.pbcx", me=_me(VILLAGE), to=TOWN.card)
    assert later.counts["party_member"] == 1  # 李四 alone: 陈小明 went in the first
    for package in (path, tmp_path / "later.pbcx"):
        receive_package(town, package, me=_me(TOWN), lookup_sender=registry(VILLAGE))
    assert _count(town, PartyMember) == 2
    other = tmp_path / "other.pbcx"
    other.write_bytes(b"PK\x05\x06" + bytes(18))  # a file we did not send: replaced
    send_package(village, other, me=_me(VILLAGE), to=TOWN.card)
    assert other.read_bytes() != b"PK\x05\x06" + bytes(18)


def test_a_disk_filling_up_during_an_export_leaves_no_file_and_the_database_as_it_was(
    offices: tuple[Database, Database], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pbc_desktop.services.exchange import package_writer
    from tests.services.exchange.test_package import _SmallDisk

    village, _town = offices
    _village_data(village)
    original = package_writer._Out.__init__

    def on_small_disk(self: Any, file: Any, target: Path) -> None:
        original(self, _SmallDisk(file, 3000), target)

    usb = tmp_path / "usb"
    usb.mkdir()
    with monkeypatch.context() as m:
        m.setattr(package_writer._Out, "__init__", on_small_disk)
        with pytest.raises(UserError, match="磁盘已满"):
            send_package(village, usb / "p.pbcx", me=_me(VILLAGE), to=TOWN.card, encrypt=True)
    assert list(usb.iterdir()) == [] and _count(village, ExchangeLogEntry) == 0
    sent = send_package(village, usb / "p.pbcx", me=_me(VILLAGE), to=TOWN.card)
    assert sent.counts["party_member"] == 1  # nothing was taken as sent


def test_unregistered_sender_and_other_recipient_are_refused(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    village, town = offices
    _village_data(village)
    path = tmp_path / "p.pbcx"
    send_package(village, path, me=_me(VILLAGE), to=TOWN.card, encrypt=True)
    with pytest.raises(PackageError) as unknown:
        receive_package(town, path, me=_me(TOWN), lookup_sender=registry(STRANGER))
    assert unknown.value.problem is Problem.UNKNOWN_SENDER
    with pytest.raises(PackageError) as other:
        receive_package(town, path, me=_me(STRANGER), lookup_sender=registry(VILLAGE))
    assert other.value.problem is Problem.OTHER_RECIPIENT
    assert _count(town, PartyMember) == 0


def test_two_receptions_of_one_package_at_once_apply_it_once(
    offices: tuple[Database, Database], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pbc_desktop.services.exchange import transfer

    village, town = offices
    _village_data(village)
    path = tmp_path / "p.pbcx"
    send_package(village, path, me=_me(VILLAGE), to=TOWN.card)
    lookup = registry(VILLAGE)
    checked = transfer._opened

    def other_program_receives_it_meanwhile(*args: Any) -> Any:
        opened = checked(*args)  # not received yet: this reception goes on
        monkeypatch.setattr(transfer, "_opened", checked)
        second = office_db(tmp_path, "town")  # a second window on the same database
        try:
            receive_package(second, path, me=_me(TOWN), lookup_sender=lookup)
        finally:
            second.dispose()
        return opened

    monkeypatch.setattr(transfer, "_opened", other_program_receives_it_meanwhile)
    with pytest.raises(AlreadyReceivedError):
        receive_package(town, path, me=_me(TOWN), lookup_sender=lookup)
    assert _count(town, ExchangeLogEntry) == 1
    assert _count(town, PartyMember) == 1


def test_going_down_leaves_personal_data_out_and_says_so(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    village, town = offices
    _village_data(village)
    up = tmp_path / "up.pbcx"
    send_package(village, up, me=_me(VILLAGE), to=TOWN.card)
    receive_package(town, up, me=_me(TOWN), lookup_sender=registry(VILLAGE))
    with town.write() as s:
        member = s.scalars(select(PartyMember)).one()
        member.work_unit = "镇里更正的单位"
    down = tmp_path / "down.pbcx"
    sent = send_package(town, down, me=_me(TOWN), to=VILLAGE.card, everything=True)
    assert sent.left_out  # ID numbers and phones stay up
    back = receive_package(village, down, me=_me(VILLAGE), lookup_sender=registry(TOWN))
    assert back.left_out == sent.left_out
    with village.read() as s:
        member = s.scalars(select(PartyMember)).one()
        assert member.id_number  # the village's own value was not emptied


def test_each_package_is_logged_and_its_handover_sheet_prints(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    from pbc_desktop.reports.handover import build_handover
    from pbc_desktop.services.exchange.log import exchange_log
    from tests.pdf_helpers import page_texts

    village, town = offices
    _village_data(village)
    path = tmp_path / "p.pbcx"
    sent = send_package(village, path, me=_me(VILLAGE), to=TOWN.card, encrypt=True)
    received = receive_package(town, path, me=_me(TOWN), lookup_sender=registry(VILLAGE))
    (out,) = exchange_log(village)
    (into,) = exchange_log(town)
    assert (out.received, out.recipient, out.fingerprint) == (False, "和平镇党委", sent.fingerprint)
    assert (into.received, into.sender, into.fingerprint) == (True, "上底村党委", sent.fingerprint)
    assert into.records == sum(
        n for v in received.result.counts.values() for c, n in v.items() if c != "unchanged"
    )
    pdf = build_handover(town, into.id, tmp_path / "移交单.pdf", invariant=True)
    text = "".join(page_texts(pdf)).replace(" ", "").replace("\n", "")
    assert "上底村党委" in text and "和平镇党委" in text
    assert sent.fingerprint.replace(" ", "") in text
    assert VILLAGE.card.fingerprint.replace(" ", "") in text
    assert "仅接收单位可打开" in text


DISTRICT = office("a0000000-0000-4000-8000-000000000004", "潮南区委组织部", OrgLevel.DISTRICT)


def test_village_to_town_to_district_keeps_where_records_came_from_and_deletions_travel(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    from pbc_desktop.db.models import Activity
    from pbc_desktop.services.activities.editing import delete_activity

    village, town = offices
    district = office_db(tmp_path, "district")
    try:
        _village_data(village)
        hops = [(village, VILLAGE, town, TOWN), (town, TOWN, district, DISTRICT)]

        def relay(name: str) -> None:
            for source, me, target, them in hops:
                path = tmp_path / f"{name}-{me.card.name}.pbcx"
                send_package(source, path, me=_me(me), to=them.card)
                receive_package(target, path, me=_me(them), lookup_sender=registry(me))

        relay("first")
        with district.read() as s:
            origins = set(s.scalars(select(PartyMember.origin_office)))
            assert origins == {VILLAGE.card.uuid}  # the village's, though the town sent it
        with village.read() as s:
            activity_id = s.scalars(select(Activity.id)).one()
        delete_activity(village, activity_id)
        relay("second")
        for db in (town, district):
            assert _count(db, Activity) == 0
            assert _count(db, Attachment) == 0  # its photo went with it
    finally:
        district.dispose()


def test_a_package_from_the_previous_schema_is_received_after_an_upgrade(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    """An office still on schema 0003 (no ``origin_office`` column yet) sends a package;
    the upgraded office reads it: columns it lacks are simply not there."""
    from pbc_desktop.services.exchange.package import PackageWriter
    from tests.services.exchange.helpers import dump

    village, town = offices
    _village_data(village)
    old_rows = [
        (name, [{k: v for k, v in r.items() if k != "origin_office"} for r in rows])
        for name, rows in dump(village)
    ]
    path = tmp_path / "old.pbcx"
    with PackageWriter(
        path, VILLAGE.keys, VILLAGE.card, TOWN.card, encrypt=False, schema_revision="0003"
    ) as writer:
        for name, rows in old_rows:
            writer.add_part(name, rows)
    received = receive_package(town, path, me=_me(TOWN), lookup_sender=registry(VILLAGE))
    assert received.result.count("party_member", Change.NEW) == 1
    with town.read() as s:
        assert s.scalars(select(PartyMember.origin_office)).one() == VILLAGE.card.uuid


def test_a_package_from_a_newer_program_is_refused(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    from pbc_desktop.services.exchange.package import PackageWriter

    _village, town = offices
    path = tmp_path / "new.pbcx"
    with PackageWriter(
        path, VILLAGE.keys, VILLAGE.card, TOWN.card, encrypt=False, schema_revision="0099"
    ) as writer:
        writer.add_part("party_member", [])
    with pytest.raises(PackageError, match="更新版本"):
        receive_package(town, path, me=_me(TOWN), lookup_sender=registry(VILLAGE))


def test_the_preview_of_the_demo_district_counts_exactly_what_receiving_does(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    from datetime import date

    from pbc_desktop.services.demo import build_demo

    village, town = offices
    build_demo(village, today=date(2026, 11, 20))
    path = tmp_path / "demo.pbcx"
    send_package(village, path, me=_me(VILLAGE), to=TOWN.card)
    lookup = registry(VILLAGE)
    preview = preview_package(town, path, me=_me(TOWN), lookup_sender=lookup)
    received = receive_package(town, path, me=_me(TOWN), lookup_sender=lookup)
    assert preview.result.counts == received.result.counts
    assert [(c.entity, c.uuid, c.change) for c in preview.result.changes] == [
        (c.entity, c.uuid, c.change) for c in received.result.changes
    ]


def test_a_merged_record_says_which_office_it_came_from(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    from pbc_desktop.db.models import Activity
    from pbc_desktop.services.activities.detail import get_activity_detail
    from pbc_desktop.services.exchange import offices as office_registry
    from pbc_desktop.services.members import get_member_detail

    village, town = offices
    _village_data(village)
    path = tmp_path / "p.pbcx"
    send_package(village, path, me=_me(VILLAGE), to=TOWN.card)
    with town.read() as s:
        assert s.scalar(select(func.count()).select_from(PartyMember)) == 0
    receive_package(town, path, me=_me(TOWN), lookup_sender=registry(VILLAGE))
    with town.read() as s:
        member_id = s.scalars(select(PartyMember.id)).one()
        activity_id = s.scalars(select(Activity.id)).one()
    assert get_member_detail(town, member_id).origin == "未登记的单位"
    office_registry.register_card(town, VILLAGE.card)
    assert get_member_detail(town, member_id).origin == "上底村党委"
    assert get_activity_detail(town, activity_id).origin == "上底村党委"
    with village.read() as s:
        own = s.scalars(select(PartyMember.id)).one()
    assert get_member_detail(village, own).origin is None  # made here


def test_two_programs_receiving_the_same_package_at_once_apply_it_once(
    offices: tuple[Database, Database], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other program receives the package between this one's first look at the
    exchange log and its write: asked again under the write lock, it is refused."""
    from pbc_desktop.services.exchange import transfer

    village, town = offices
    _village_data(village)
    path = tmp_path / "p.pbcx"
    send_package(village, path, me=_me(VILLAGE), to=TOWN.card)
    lookup = registry(VILLAGE)
    other = Database(town.url, actor="测试员")  # a second copy of the program, same file
    first_look = transfer._refuse_if_received
    looks: list[str] = []

    def racing(s: object, package_uuid: str) -> None:
        if not looks:  # this program's first look: the other one receives it meanwhile
            looks.append("read")
            first_look(s, package_uuid)  # type: ignore[arg-type]
            receive_package(other, path, me=_me(TOWN), lookup_sender=lookup)
            return
        first_look(s, package_uuid)  # type: ignore[arg-type]

    monkeypatch.setattr(transfer, "_refuse_if_received", racing)
    with pytest.raises(AlreadyReceivedError):
        receive_package(town, path, me=_me(TOWN), lookup_sender=lookup)
    other.dispose()
    assert _count(town, ExchangeLogEntry) == 1 and _count(town, PartyMember) == 1
