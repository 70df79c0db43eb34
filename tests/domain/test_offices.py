"""Office cards: the round trip, the fingerprint, and every way a card file is refused."""

from __future__ import annotations

import json

import pytest

from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.domain.offices import (
    CardError,
    OfficeCard,
    card_from_json,
    card_to_json,
    grouped_digest,
)

CARD = OfficeCard(
    uuid="7d4a0c4e-2b1f-4f0e-9d55-0a3b7c1e2f40",
    name="和平镇党委",
    level=OrgLevel.TOWN,
    code="440514-101",
    sign_key=bytes(range(32)),
    box_key=bytes(range(32, 64)),
    town="和平镇",
)


def test_card_round_trip_keeps_every_field() -> None:
    assert card_from_json(card_to_json(CARD)) == CARD


def test_a_card_saved_again_by_notepad_with_a_byte_order_mark_is_read() -> None:
    assert card_from_json("\ufeff" + card_to_json(CARD)) == CARD


def test_fingerprint_is_ten_groups_and_covers_both_keys() -> None:
    groups = CARD.fingerprint.split(" ")
    assert len(groups) == 10
    assert all(len(g) == 4 for g in groups)
    other_box = OfficeCard(**{**CARD.__dict__, "box_key": bytes(32)})
    other_sign = OfficeCard(**{**CARD.__dict__, "sign_key": bytes(32)})
    assert len({CARD.fingerprint, other_box.fingerprint, other_sign.fingerprint}) == 3


def test_fingerprint_digest_is_the_grouped_text_as_bytes() -> None:
    assert len(CARD.fingerprint_digest) == 20
    assert grouped_digest(CARD.fingerprint_digest) == CARD.fingerprint
    assert grouped_digest(bytes(range(32))) == grouped_digest(bytes(range(20)))
    assert grouped_digest(bytes(range(20))).startswith("0001 0203 ")


def _altered(**changes: object) -> str:
    data = json.loads(card_to_json(CARD))
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("not json", "JSON"),
        ("[" * 100_000 + "]" * 100_000, "JSON"),
        ("[]", "不是单位名片"),
        (_altered(format="other"), "不是单位名片"),
        (_altered(version=2), "更新版本"),
        (_altered(name=""), "单位名称缺失"),
        (_altered(name="和平镇党委\n错误：伪造的一行"), "单位名称含有换行"),
        (_altered(name="\u202e委党镇平和"), "单位名称含有换行或不可见的控制字符"),
        (_altered(code="440514\x00"), "单位代码含有"),
        (_altered(town="和平\u2028镇"), "所在镇街含有"),
        (_altered(uuid="x"), "标识"),
        (_altered(level="province"), "层级"),
        (_altered(sign_key="AAAA"), "签名公钥已损坏"),
        (_altered(box_key="%%%"), "加密公钥已损坏"),
        (_altered(fingerprint="0000"), "指纹"),
        (_altered(organization_uuid="nope"), "党组织标识"),
    ],
)
def test_bad_cards_are_refused_with_a_sentence(text: str, words: str) -> None:
    """A line break or a direction mark in a card's name was registered, then printed as
    a forged line of its own (``错误：…``) wherever the name was shown; fields were named
    by their JSON keys (``name``, ``sign_key``) in the Chinese sentence."""
    with pytest.raises(CardError, match=words) as caught:
        card_from_json(text)
    assert not any(key in caught.value.args[0] for key in ("name", "sign_key", "box_key"))


def test_key_swapped_under_a_kept_fingerprint_is_refused() -> None:
    data = json.loads(card_to_json(CARD))
    data["sign_key"], data["box_key"] = data["box_key"], data["sign_key"]
    with pytest.raises(CardError, match="指纹"):
        card_from_json(json.dumps(data))


def test_a_card_without_its_place_in_the_tree_still_reads() -> None:
    data = json.loads(card_to_json(CARD))
    del data["organization_uuid"], data["town"]
    card = card_from_json(json.dumps(data))
    assert (card.organization_uuid, card.town) == (None, None)
