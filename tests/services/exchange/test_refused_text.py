"""A signed package whose texts hold control characters, bidi overrides or line breaks
in one-line fields (a faulty program, or a package edited by hand and signed again) is
refused before anything is written, naming the record and the field, never the text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    ExchangeLogEntry,
    ListItem,
    Organization,
    PartyMember,
    ServiceList,
)
from pbc_desktop.domain.enums import ListKind, OrgLevel
from pbc_desktop.services.exchange.package import PackageError, Problem
from pbc_desktop.services.exchange.records import RowError
from pbc_desktop.services.exchange.transfer import (
    LocalOffice,
    preview_package,
    receive_package,
)
from tests.factories import make_activity, make_community, make_member, make_org
from tests.services.exchange.helpers import office_db
from tests.services.exchange.package_helpers import (
    Office,
    forge_part,
    office,
    registry,
    rewrite,
    sent_parts,
)

VILLAGE = office("a0000000-0000-4000-8000-000000000011", "上底村党委", OrgLevel.VILLAGE)
TOWN = office("a0000000-0000-4000-8000-000000000012", "和平镇党委", OrgLevel.TOWN)
ID_NUMBER = "440514199001011234"
PHONE = "13812345678"


def _me(o: Office) -> LocalOffice:
    return LocalOffice(o.card, o.keys)


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    village, town = office_db(tmp_path, "village"), office_db(tmp_path, "town")
    branch = make_org(village, "上底村党支部", address="上底村一号")
    make_member(village, "陈小明", branch, complete=True, phone=PHONE, remark="第一行\n第二行")
    community = make_community(village, "上底共建", [branch], lead_org_id=branch)
    make_activity(village, community, "主题党日", host_org_id=branch, summary="学习\n讨论")
    with village.write() as s:
        s.add(
            ServiceList(
                community_id=community,
                kind=ListKind.DEMAND,
                title="2026年需求清单",
                year=2026,
                items=[ListItem(title="修缮村道", description="一、路面\n\t二、排水")],
            )
        )
    yield village, town
    village.dispose()
    town.dispose()


def _sent(village: Database, path: Path) -> dict[str, list[dict[str, Any]]]:
    return sent_parts(village, path, VILLAGE, TOWN)


def _forge(path: Path, part: str, rows: list[dict[str, Any]]) -> None:
    forge_part(path, part, rows, VILLAGE.keys)


def _count(db: Database, model: object) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("part", "column", "value", "said"),
    [
        ("party_member", "name", "陈\u202e明小", ("“党员”记录（记录标识", "“姓名”", "U+202E")),
        ("party_member", "work_unit", "上底村\x00委", ("“党员”记录“陈小明”", "U+0000")),
        ("party_member", "id_number", ID_NUMBER[:-1] + "\n", ("“陈小明”", "换行")),
        ("party_member", "phone", PHONE + "\u2066", ("“陈小明”", "U+2066")),
        ("party_member", "remark", "第一行\n\x1b[31m第二行", ("“陈小明”", "“备注”", "U+001B")),
        ("organization", "name", "上底村\n党支部", ("“党组织”记录（记录标识", "换行")),
        ("organization", "address", "上底村\r二号", ("“上底村党支部”", "“地址”", "换行")),
        ("organization", "secretary", "张三\x85", ("“上底村党支部”", "“书记”", "U+0085")),
        ("activity", "title", "主题党日\u2028", ("“活动”记录（记录标识", "“标题”", "换行")),
        ("activity", "summary", "学习\u202e讨论", ("“主题党日”", "“内容摘要”", "U+202E")),
        ("list_item", "title", "修缮\x7f村道", ("“标题”", "U+007F")),
        ("list_item", "description", "路面\x0b排水", ("“修缮村道”", "U+000B")),
    ],
)
def test_a_package_with_a_control_character_in_a_text_is_refused_and_nothing_written(
    offices: tuple[Database, Database],
    tmp_path: Path,
    *,
    part: str,
    column: str,
    value: str,
    said: tuple[str, ...],
) -> None:
    village, town = offices
    path = tmp_path / "p.pbcx"
    parts = _sent(village, path)
    rows = parts[part]
    rows[0][column] = value
    _forge(path, part, rows)
    lookup = registry(VILLAGE)
    for call in (preview_package, receive_package):
        with pytest.raises(RowError) as caught:
            call(town, path, me=_me(TOWN), lookup_sender=lookup)
        message = caught.value.message
        for words in (*said, "已拒绝", "未写入任何数据"):
            assert words in message
        assert value not in message
        assert ID_NUMBER not in message
        assert PHONE not in message
    for model in (PartyMember, Organization, Activity, ServiceList, ListItem, ExchangeLogEntry):
        assert _count(town, model) == 0


def test_line_breaks_and_tabs_in_multi_line_texts_travel(
    offices: tuple[Database, Database], tmp_path: Path
) -> None:
    village, town = offices
    path = tmp_path / "p.pbcx"
    parts = _sent(village, path)
    rows = parts["list_item"]
    rows[0]["result"] = "已修缮\r\n\t验收合格"  # as typed on Windows, with an indent
    _forge(path, "list_item", rows)
    receive_package(town, path, me=_me(TOWN), lookup_sender=registry(VILLAGE))
    with town.read() as s:
        assert s.scalars(select(PartyMember.remark)).one() == "第一行\n第二行"
        assert s.scalars(select(ListItem.description)).one() == "一、路面\n\t二、排水"
        assert s.scalars(select(ListItem.result)).one() == "已修缮\r\n\t验收合格"


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("sender", "name"), "上底村\u202e委党"),
        (("recipient", "name"), "和平镇党委\n"),
        (("left_out",), ["身份证号码未发送。\x1b[2J"]),
    ],
)
def test_a_manifest_with_a_control_character_in_a_text_is_refused(
    offices: tuple[Database, Database], tmp_path: Path, where: tuple[str, ...], value: Any
) -> None:
    """The manifest's names are shown in the preview and the log and printed on the
    数据移交单: a package whose manifest was edited and signed again is refused too."""
    village, town = offices
    path = tmp_path / "p.pbcx"
    _sent(village, path)

    def edit(manifest: dict[str, Any]) -> None:
        target = manifest
        for key in where[:-1]:
            target = target[key]
        target[where[-1]] = value

    rewrite(path, manifest=edit, sign_with=VILLAGE.keys)
    with pytest.raises(PackageError) as caught:
        receive_package(town, path, me=_me(TOWN), lookup_sender=registry(VILLAGE))
    assert caught.value.problem is Problem.DAMAGED
    assert "\u202e" not in caught.value.message and "\x1b" not in caught.value.message
    assert _count(town, ExchangeLogEntry) == 0
    assert _count(town, PartyMember) == 0
