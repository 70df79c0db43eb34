"""Office keys: sign and verify, PEM round trips with and without a passphrase, refusals."""

from __future__ import annotations

import pytest

from pbc_desktop.services.exchange import keys


def test_signature_checks_signer_and_data() -> None:
    office, other = keys.generate(), keys.generate()
    sig = keys.sign(office, b"manifest")
    assert keys.signature_valid(office.sign_public, sig, b"manifest")
    assert not keys.signature_valid(office.sign_public, sig, b"manifesT")
    assert not keys.signature_valid(other.sign_public, sig, b"manifest")
    assert not keys.signature_valid(b"short", sig, b"manifest")


@pytest.mark.parametrize("passphrase", [None, "口令 passphrase"])
def test_pem_round_trip_keeps_both_keys(passphrase: str | None) -> None:
    office = keys.generate()
    text = keys.to_pem(office, passphrase)
    assert (b"ENCRYPTED" in text) == (passphrase is not None)
    again = keys.from_pem(text, passphrase)
    assert (again.sign_public, again.box_public) == (office.sign_public, office.box_public)


def test_wrong_or_missing_passphrase_is_one_sentence() -> None:
    text = keys.to_pem(keys.generate(), "right")
    with pytest.raises(keys.KeyFileError, match="口令错误"):
        keys.from_pem(text, "wrong")
    with pytest.raises(keys.KeyFileError, match="需要口令"):
        keys.from_pem(text)


@pytest.mark.parametrize("data", [b"", b"hello", b"-----END PRIVATE KEY-----"])
def test_other_files_are_refused(data: bytes) -> None:
    with pytest.raises(keys.KeyFileError):
        keys.from_pem(data)


def test_keys_in_the_wrong_order_are_refused() -> None:
    office = keys.generate()
    text = keys.to_pem(office)
    split = text.index(b"-----BEGIN", 10)
    with pytest.raises(keys.KeyFileError, match="不是本程序"):
        keys.from_pem(text[split:] + text[:split])
