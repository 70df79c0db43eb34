"""An office's key pair: Ed25519 to sign packages, X25519 to open packages sent to it.

Both private keys travel together as one PEM text (two PKCS#8 blocks), encrypted with a
passphrase when the administrator exports them; the public halves are the office card's
``sign_key`` and ``box_key`` (``domain/offices.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from pbc_desktop.errors import UserError
from pbc_desktop.lang import t

_RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw
_PEM_END = b"-----END ENCRYPTED PRIVATE KEY-----", b"-----END PRIVATE KEY-----"


class KeyFileError(UserError):
    """Key text that cannot be read (damaged, not ours, or a wrong passphrase)."""


@dataclass(frozen=True)
class OfficeKeys:
    sign: Ed25519PrivateKey
    box: X25519PrivateKey

    @property
    def sign_public(self) -> bytes:
        return self.sign.public_key().public_bytes(*_RAW)

    @property
    def box_public(self) -> bytes:
        return self.box.public_key().public_bytes(*_RAW)


def generate() -> OfficeKeys:
    return OfficeKeys(sign=Ed25519PrivateKey.generate(), box=X25519PrivateKey.generate())


def sign(keys: OfficeKeys, data: bytes) -> bytes:
    return keys.sign.sign(data)


def signature_valid(sign_public: bytes, signature: bytes, data: bytes) -> bool:
    """Whether ``signature`` over ``data`` was made by the holder of ``sign_public``."""
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def to_pem(keys: OfficeKeys, passphrase: str | None = None) -> bytes:
    """Both private keys as PEM text, encrypted when a passphrase is given."""
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
        if passphrase
        else serialization.NoEncryption()
    )
    return b"".join(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
        for key in (keys.sign, keys.box)
    )


def from_pem(data: bytes, passphrase: str | None = None) -> OfficeKeys:
    """Read :func:`to_pem`'s text back; :class:`KeyFileError` says what is wrong."""
    blocks = _pem_blocks(data)
    password = passphrase.encode("utf-8") if passphrase else None
    try:
        loaded = [serialization.load_pem_private_key(b, password=password) for b in blocks]
    except TypeError as exc:  # encrypted without a passphrase, or the other way round
        raise KeyFileError(
            t("该密钥文件需要口令。", "The key file needs its passphrase.")
            if password is None
            else t("该密钥文件没有口令保护，无需输入口令。", "The key file has no passphrase.")
        ) from exc
    except ValueError as exc:
        raise KeyFileError(
            t("口令错误，或密钥文件已损坏。", "Wrong passphrase, or the key file is damaged.")
        ) from exc
    if len(loaded) != 2:
        raise KeyFileError(_not_keys())
    sign_key, box_key = loaded
    if not isinstance(sign_key, Ed25519PrivateKey) or not isinstance(box_key, X25519PrivateKey):
        raise KeyFileError(_not_keys())
    return OfficeKeys(sign=sign_key, box=box_key)


def _pem_blocks(data: bytes) -> list[bytes]:
    blocks: list[bytes] = []
    rest = data
    while True:
        ends = [(rest.find(end), end) for end in _PEM_END if rest.find(end) >= 0]
        if not ends:
            break
        at, end = min(ends)
        blocks.append(rest[: at + len(end)].strip() + b"\n")
        rest = rest[at + len(end) :]
    if len(blocks) != 2 or rest.strip():
        raise KeyFileError(_not_keys())
    return blocks


def _not_keys() -> str:
    return t(
        "该文件不是本程序的单位密钥文件。", "The file is not an office key file of this program."
    )
