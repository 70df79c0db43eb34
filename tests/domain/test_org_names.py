"""Organization names that almost match (domain.org_names)."""

from __future__ import annotations

import pytest

from pbc_desktop.domain.org_names import OrgNameMatcher, name_core

STORED = ("大溪坝村党总支", "柳河社区党支部", "青石镇党委", "中共石桥村支部委员会", "石门村党支部")


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("中共大溪坝村党总支", "大溪坝"),
        ("大溪坝党总支", "大溪坝"),
        ("柳河社区党支部", "柳河"),
        ("石桥村支部委员会", "石桥"),
        ("党支部", "党支部"),  # nothing else left: the whole name
    ],
)
def test_name_core(name: str, core: str) -> None:
    assert name_core(name) == core


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("大溪坝党总支", "大溪坝村党总支"),
        ("大溪坝 党总支", "大溪坝村党总支"),
        ("柳河党支部", "柳河社区党支部"),
        ("青石镇", "青石镇党委"),
        ("石桥村党支部", "中共石桥村支部委员会"),
        ("石门支部", "石门村党支部"),
        ("中共青石镇委员会", "青石镇党委"),
        ("完全不同的名称", None),
        ("坝", None),
    ],
)
def test_suggest(name: str, suggested: str | None) -> None:
    assert OrgNameMatcher(STORED).suggest(name) == suggested


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("和平社区党支部", None),  # a branch: never the town's committee
        ("和平村党总支", None),
        ("和平镇党委", "中共和平镇委员会"),
        ("和平镇", "中共和平镇委员会"),  # no kind said
    ],
)
def test_a_branch_is_never_suggested_for_a_committee(name: str, suggested: str | None) -> None:
    assert OrgNameMatcher(("中共和平镇委员会",)).suggest(name) == suggested
