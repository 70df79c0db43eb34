"""An office (单位) as other offices know it: its card and its keys' fingerprint.

Every database belongs to one office (a village or community, a town or subdistrict, the
district). Offices exchange data as signed packages; to trust a package an office first
registers the sender's **card**: the office's UUID, name, level and code and its two
public keys (Ed25519 to verify signatures, X25519 to encrypt packages to it). The card
travels as a small JSON file; the **fingerprint** (a digest of both public keys) is what
two clerks read to each other on the phone, or compare on paper, before registering it.

Plain Python: the keys here are raw 32-byte public keys; making and using them is the
services' business (``services/exchange/keys.py``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import uuid as uuid_module
from dataclasses import dataclass

from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.domain.validation import Label, text_error
from pbc_desktop.lang import t

CARD_FORMAT = "pbc-office-card"
CARD_VERSION = 1
KEY_BYTES = 32
NAME_MAX = 120
CODE_MAX = 40
#: Bytes of the SHA-256 digest shown as the fingerprint (20 bytes: 40 hex digits).
FINGERPRINT_BYTES = 20


def keys_missing() -> str:
    """What a PC without the office's private keys is told, and how to bring them."""
    return t(
        "本机没有本单位的密钥文件，不能签名或打开数据包：请管理员在“文件 → 数据交换 → "
        "本单位与登记单位”中导入密钥（或运行 pbc office import-key 文件）。",
        "This PC lacks the office's key file, so it can neither sign nor open packages: an "
        "administrator imports the keys in File → Data exchange → Offices (or runs pbc "
        "office import-key FILE).",
    )


class CardError(ValueError):
    """A card file that is not a valid office card; the message is one sentence."""


@dataclass(frozen=True)
class OfficeCard:
    uuid: str
    name: str
    level: OrgLevel
    code: str
    sign_key: bytes  # Ed25519 public key, raw 32 bytes
    box_key: bytes  # X25519 public key, raw 32 bytes
    #: the office's part of the organization tree, so a package sent down or sideways
    #: holds only the communities it is in: a village's own organization (its UUID), a
    #: town's name; neither for the district
    organization_uuid: str | None = None
    town: str | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_key, self.box_key)

    @property
    def fingerprint_digest(self) -> bytes:
        return fingerprint_digest(self.sign_key, self.box_key)


def fingerprint(sign_key: bytes, box_key: bytes) -> str:
    """``"3F2A 9C01 …"``: ten groups of four hex digits over both public keys."""
    return grouped_digest(fingerprint_digest(sign_key, box_key))


def fingerprint_digest(sign_key: bytes, box_key: bytes) -> bytes:
    """The fingerprint as raw bytes (:data:`FINGERPRINT_BYTES` long), as an encrypted
    package's header names its recipient."""
    return hashlib.sha256(b"pbc-office\n" + sign_key + box_key).digest()[:FINGERPRINT_BYTES]


def grouped_digest(digest: bytes) -> str:
    """The first :data:`FINGERPRINT_BYTES` of ``digest`` as ten groups of four hex digits,
    the form clerks read aloud or compare on paper (an office's keys, a package file)."""
    text = digest[:FINGERPRINT_BYTES].hex().upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def fingerprint_lines(grouped: str) -> tuple[str, str]:
    """A grouped fingerprint as two lines of five groups, the way the offices window, the
    office card and the 数据移交单 print it (never broken elsewhere)."""
    groups = grouped.split()
    return " ".join(groups[:5]), " ".join(groups[5:])


def card_to_json(card: OfficeCard) -> str:
    return json.dumps(
        {
            "format": CARD_FORMAT,
            "version": CARD_VERSION,
            "uuid": card.uuid,
            "name": card.name,
            "level": card.level.value,
            "code": card.code,
            "sign_key": base64.b64encode(card.sign_key).decode("ascii"),
            "box_key": base64.b64encode(card.box_key).decode("ascii"),
            "fingerprint": card.fingerprint,
            "organization_uuid": card.organization_uuid,
            "town": card.town,
        },
        ensure_ascii=False,
        indent=2,
    )


def card_from_json(text: str) -> OfficeCard:
    """Parse a card file's text; :class:`CardError` names what is wrong. A byte-order mark
    before it (Windows Notepad puts one when a card opened to look at it is saved) is no
    part of it: the card was refused as “not JSON”."""
    try:
        data = json.loads(text.removeprefix("\ufeff"))
    except (ValueError, RecursionError) as exc:  # not JSON, or nested beyond the parser's depth
        raise CardError(
            t(
                "该文件不是单位名片（不是 JSON 格式）。",
                "The file is not an office card (it is not JSON).",
            )
        ) from exc
    if not isinstance(data, dict) or data.get("format") != CARD_FORMAT:
        raise CardError(t("该文件不是单位名片。", "The file is not an office card."))
    if data.get("version") != CARD_VERSION:
        raise CardError(
            t(
                "该单位名片由更新版本的程序生成。",
                "The office card was made by a newer version of the program.",
            )
        )
    name = _text(data, "name", NAME_MAX)
    code = _text(data, "code", CODE_MAX, required=False)
    try:
        office_uuid = str(uuid_module.UUID(str(data.get("uuid"))))
    except ValueError as exc:
        raise CardError(
            t("单位名片的标识已损坏。", "The office card's identifier is damaged.")
        ) from exc
    try:
        level = OrgLevel[str(data.get("level")).upper()]
    except KeyError as exc:
        raise CardError(
            t(
                "单位名片的层级不是村（社区）、镇街或区。",
                "The office card's level is not village, town or district.",
            )
        ) from exc
    card = OfficeCard(
        uuid=office_uuid,
        name=name,
        level=level,
        code=code,
        sign_key=_key(data, "sign_key"),
        box_key=_key(data, "box_key"),
        organization_uuid=_optional_uuid(data.get("organization_uuid")),
        town=_text(data, "town", NAME_MAX, required=False) or None,
    )
    shown = data.get("fingerprint")
    if shown is not None and shown != card.fingerprint:
        raise CardError(
            t(
                "单位名片的指纹与其公钥不符。",
                "The office card's fingerprint does not match its keys.",
            )
        )
    return card


def _optional_uuid(value: object) -> str | None:
    if value is None:
        return None
    try:
        return str(uuid_module.UUID(str(value)))
    except ValueError as exc:
        raise CardError(
            t(
                "单位名片的党组织标识已损坏。",
                "The office card's organization identifier is damaged.",
            )
        ) from exc


#: What the card's text fields and keys are called in messages.
FIELD_LABELS: dict[str, Label] = {
    "name": ("单位名称", "office name"),
    "code": ("单位代码", "office code"),
    "town": ("所在镇街", "town"),
    "sign_key": ("签名公钥", "signing key"),
    "box_key": ("加密公钥", "encryption key"),
}


def _text(data: dict[str, object], key: str, limit: int, *, required: bool = True) -> str:
    """A text field of the card: a line of ordinary characters. A line break or an
    invisible mark in an office's name would print as a line of its own (a forged
    "错误：…" under the name) or reorder the text around it, wherever the name is shown."""
    zh, en = FIELD_LABELS[key]
    value = data.get(key) or ""
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > limit:
        raise CardError(
            t(f"单位名片中的{zh}缺失或过长。", f"The office card's {en} is missing or too long.")
        )
    if text_error(value, FIELD_LABELS[key]) is not None:
        raise CardError(
            t(
                f"单位名片中的{zh}含有换行或不可见的控制字符，名片可能被改动过。",
                f"The office card's {en} holds a line break or an invisible control "
                "character; the card may have been altered.",
            )
        )
    return value.strip()


def _key(data: dict[str, object], key: str) -> bytes:
    zh, en = FIELD_LABELS[key]
    damaged = CardError(t(f"单位名片中的{zh}已损坏。", f"The office card's {en} is damaged."))
    try:
        raw = base64.b64decode(str(data.get(key)), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise damaged from exc
    if len(raw) != KEY_BYTES:
        raise damaged
    return raw
