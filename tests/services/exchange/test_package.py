"""Packages: written and read back plain and encrypted, and every way one is refused."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.errors import UserError
from pbc_desktop.lang import set_language
from pbc_desktop.services.exchange import package as package_module
from pbc_desktop.services.exchange import package_writer
from pbc_desktop.services.exchange.package import (
    PackageError,
    PackageWriter,
    Problem,
)
from pbc_desktop.services.exchange.package_crypto import CHUNK_BYTES, HEADER_BYTES, TAG_BYTES

from .package_helpers import (
    ACTIVITIES,
    DOCUMENT,
    MEMBERS,
    NOW,
    PHOTO,
    SCHEMA,
    Office,
    central_entries,
    declare_size,
    flip,
    members_of,
    office,
    open_as,
    part_entry,
    rewrite,
    set_part,
    sha,
    write_sample,
)

DISTRICT = office("0b6c0d8e-53a4-4d0e-8f6e-1c2b3a4d5e6f", "潮南区委组织部", OrgLevel.DISTRICT)
TOWN = office("1c7d1e9f-64b5-4e1f-9a7f-2d3c4b5e6f70", "和平镇党委", OrgLevel.TOWN, "440514-101")
VILLAGE = office("2d8e2fa0-75c6-4f20-ab80-3e4d5c6f7081", "下寨村党委", OrgLevel.VILLAGE)


def _refused(problem: Problem, path: Path, me: Office = TOWN, **kw: Any) -> PackageError:
    with pytest.raises(PackageError) as caught:
        open_as(path, me, kw.pop("senders", [DISTRICT]), **kw).close()
    assert caught.value.problem == problem, caught.value.message
    assert "\n" not in caught.value.message
    return caught.value


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    path = tmp_path / "usb" / "潮南区-和平镇.pbcx"
    write_sample(path, DISTRICT, TOWN, encrypt=False, tmp=tmp_path)
    return path


@pytest.fixture
def sealed(tmp_path: Path) -> Path:
    path = tmp_path / "usb" / "潮南区-和平镇-加密.pbcx"
    write_sample(path, DISTRICT, TOWN, encrypt=True, tmp=tmp_path)
    return path


# -- round trips ------------------------------------------------------------------------------
@pytest.mark.parametrize("encrypt", [False, True])
def test_round_trip_keeps_every_part_file_and_field(tmp_path: Path, encrypt: bool) -> None:
    path = tmp_path / "usb" / "p.pbcx"
    writer = write_sample(path, DISTRICT, TOWN, encrypt=encrypt, tmp=tmp_path)
    assert [p.name for p in path.parent.iterdir()] == ["p.pbcx"]
    with open_as(path, TOWN, [DISTRICT]) as pkg:
        m = pkg.manifest
        assert m == writer.manifest
        assert pkg.encrypted is encrypt
        assert pkg.fingerprint == writer.fingerprint
        assert len(pkg.fingerprint.split(" ")) == 10
        assert pkg.sender == DISTRICT.card
        assert (m.created_at, m.schema_revision) == (NOW, SCHEMA)
        assert (m.sender.name, m.sender.level, m.sender.fingerprint) == (
            "潮南区委组织部",
            OrgLevel.DISTRICT,
            DISTRICT.card.fingerprint,
        )
        assert m.recipient is not None
        assert (m.recipient.uuid, m.recipient.fingerprint) == (
            TOWN.card.uuid,
            TOWN.card.fingerprint,
        )
        assert m.counts == {"party_member": 25, "activity": 7, "tombstone": 0}
        assert m.scope == {"kind": "all", "types": ["party_member", "activity"]}
        assert m.since == {"party_member": "2026-11-01T00:00:00Z"}
        assert m.left_out == ("身份证号码未发送（收件单位为同级村社区）。",)
        assert [f.sha256 for f in m.files] == sorted([sha(PHOTO), sha(DOCUMENT)])
        assert list(pkg.iter_part("party_member")) == MEMBERS
        assert list(pkg.iter_part("activity")) == ACTIVITIES
        assert list(pkg.iter_part("tombstone")) == []
        assert pkg.read_file(sha(PHOTO)) == PHOTO
        with pkg.open_file(sha(DOCUMENT)) as f:
            assert f.read(10) + f.read() == DOCUMENT
        with pytest.raises(KeyError):
            pkg.iter_part("organization")
        with pytest.raises(KeyError):
            pkg.open_file("0" * 64)


def test_unicode_rows_travel_as_utf8_lines(plain: Path) -> None:
    part = members_of(plain)["parts/party_member.jsonl"]
    assert part.count(b"\n") == len(MEMBERS)  # a newline inside a value is escaped
    assert "党员0".encode() in part
    assert "🎉".encode() in part


def test_a_package_with_no_recipient_opens_for_any_office(tmp_path: Path) -> None:
    path = tmp_path / "all.pbcx"
    write_sample(path, DISTRICT, None, encrypt=False, tmp=tmp_path)
    for me in (TOWN, VILLAGE):
        with open_as(path, me, [DISTRICT]) as pkg:
            assert pkg.manifest.recipient is None


def test_a_package_with_nothing_in_it(tmp_path: Path) -> None:
    path = tmp_path / "empty.pbcx"
    with PackageWriter(
        path, TOWN.keys, TOWN.card, DISTRICT.card, encrypt=True, schema_revision=SCHEMA
    ):
        pass
    with open_as(path, DISTRICT, [TOWN]) as pkg:
        assert (pkg.manifest.parts, pkg.manifest.files) == ((), ())


def test_large_encrypted_package_spans_many_chunks(tmp_path: Path) -> None:
    path = tmp_path / "big.pbcx"
    blob = os.urandom(3 * CHUNK_BYTES + 123)
    rows = ({"i": i, "text": "x" * 200} for i in range(20_000))
    with PackageWriter(
        path, TOWN.keys, TOWN.card, DISTRICT.card, encrypt=True, schema_revision=SCHEMA
    ) as w:
        w.add_part("activity", rows)
        w.add_file(sha(blob), blob)
    assert path.stat().st_size > 3 * CHUNK_BYTES
    done: list[int] = []
    with open_as(path, DISTRICT, [TOWN], progress=lambda d, total: done.append(d)) as pkg:
        assert done[-1] == sum(p.size for p in pkg.manifest.parts) + len(blob)
        assert sum(1 for _ in pkg.iter_part("activity")) == 20_000
        assert pkg.read_file(sha(blob)) == blob


def test_messages_in_english() -> None:
    set_language("en")
    from pbc_desktop.services.exchange import package_manifest as pm

    assert "not a data exchange package" in pm.not_package("x.pbcx").message


# -- writing: nothing half-written ----------------------------------------------------------
def _writer(path: Path, **kw: Any) -> PackageWriter:
    return PackageWriter(
        path, DISTRICT.keys, DISTRICT.card, TOWN.card, schema_revision=SCHEMA, **kw
    )


def _write_then_fail(path: Path, *, encrypt: bool) -> None:
    with _writer(path, encrypt=encrypt) as w:
        w.add_part("party_member", MEMBERS)
        w.add_file(sha(PHOTO), PHOTO)
        _ = 1 / 0


@pytest.mark.parametrize("encrypt", [False, True])
def test_an_error_inside_the_block_leaves_no_file(tmp_path: Path, encrypt: bool) -> None:
    usb = tmp_path / "usb"
    with pytest.raises(ZeroDivisionError):
        _write_then_fail(usb / "p.pbcx", encrypt=encrypt)
    assert list(usb.iterdir()) == []


def test_an_error_in_the_rows_spoils_the_package(tmp_path: Path) -> None:
    def rows() -> Any:
        yield {"uuid": "a"}
        raise OSError(errno.EIO, "database read failed")

    def carry_on(path: Path) -> None:
        with _writer(path, encrypt=False) as w:
            with pytest.raises(OSError, match="database read failed"):  # not a write error
                w.add_part("activity", rows())
            w.add_part("party_member", MEMBERS)  # a caller carrying on writes nothing

    usb = tmp_path / "usb"
    with pytest.raises(RuntimeError, match="spoiled"):
        carry_on(usb / "p.pbcx")
    assert list(usb.iterdir()) == []


def test_an_existing_file_survives_a_failed_write(plain: Path) -> None:
    before = plain.read_bytes()
    with pytest.raises(ZeroDivisionError):
        _write_then_fail(plain, encrypt=True)
    assert plain.read_bytes() == before
    assert list(plain.parent.iterdir()) == [plain]


def test_a_failing_medium_is_one_sentence_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def pulled_out(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(package_writer.os, "fsync", pulled_out)
    usb = tmp_path / "usb"
    with pytest.raises(UserError, match="无法写入"):
        write_sample(usb / "p.pbcx", DISTRICT, TOWN, encrypt=True, tmp=tmp_path)
    assert list(usb.iterdir()) == []


class _SmallDisk:
    """A file on a medium that fills up after ``room`` bytes."""

    def __init__(self, file: Any, room: int) -> None:
        self.file, self.room = file, room

    def write(self, data: bytes) -> int:
        self.room -= len(data)
        if self.room < 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return int(self.file.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.file, name)


@pytest.mark.parametrize("room", [100, 3000, 20_000])
def test_a_full_disk_while_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, room: int
) -> None:
    original = package_writer._Out.__init__

    def on_small_disk(self: Any, file: Any, target: Path) -> None:
        original(self, _SmallDisk(file, room), target)

    monkeypatch.setattr(package_writer._Out, "__init__", on_small_disk)
    usb = tmp_path / "usb"
    with pytest.raises(UserError, match="磁盘已满"):
        write_sample(usb / "p.pbcx", DISTRICT, TOWN, encrypt=room > 1000, tmp=tmp_path)
    assert list(usb.iterdir()) == []


def test_an_attachment_that_does_not_match_its_checksum(tmp_path: Path) -> None:
    path = tmp_path / "p.pbcx"
    source = tmp_path / "photo.jpg"
    source.write_bytes(PHOTO + b"!")
    with _writer(path, encrypt=False) as w:
        with pytest.raises(PackageError) as caught:
            w.add_file(sha(PHOTO), PHOTO + b"!")
        assert caught.value.problem == Problem.BAD_FILE
        with pytest.raises(PackageError):
            w.add_file(sha(PHOTO), source)
        w.add_file(sha(DOCUMENT), DOCUMENT)  # the package itself is still good
    with open_as(path, TOWN, [DISTRICT]) as pkg:
        assert [f.sha256 for f in pkg.manifest.files] == [sha(DOCUMENT)]


def test_writer_refuses_misuse(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="recipient"):
        PackageWriter(
            tmp_path / "p.pbcx", TOWN.keys, TOWN.card, None, encrypt=True, schema_revision=""
        )
    with pytest.raises(ValueError, match="keys"):
        PackageWriter(
            tmp_path / "p.pbcx", TOWN.keys, VILLAGE.card, None, encrypt=False, schema_revision=""
        )
    with _writer(tmp_path / "p.pbcx", encrypt=False) as w:
        w.add_part("activity", [])
        with pytest.raises(ValueError, match="twice"):
            w.add_part("activity", [])
        for bad in ("../x", "Activity", "a/b", ""):
            with pytest.raises(ValueError, match="part name"):
                w.add_part(bad, [])
        with pytest.raises(TypeError):
            w.set(left_out="一句话")
    with pytest.raises(RuntimeError):
        w.add_part("organization", [])


# -- refused: not ours, not for us ----------------------------------------------------------
@pytest.mark.parametrize("content", [b"", b"hello", b"PK\x03\x04 not really", "党员名册".encode()])
def test_not_a_package(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.pbcx"
    path.write_bytes(content)
    problem = Problem.DAMAGED if content.startswith(b"PK") else Problem.NOT_PACKAGE
    _refused(problem, path)


def test_a_large_file_that_is_not_a_package_is_refused_before_it_is_read_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from types import SimpleNamespace

    from pbc_desktop.services.exchange import package

    hashed = [0]

    class CountingSha:
        def __init__(self, data: bytes = b"") -> None:
            self._sha = hashlib.sha256(data)
            hashed[0] += len(data)

        def update(self, data: bytes) -> None:
            hashed[0] += len(data)
            self._sha.update(data)

        def hexdigest(self) -> str:
            return self._sha.hexdigest()

    monkeypatch.setattr(package, "hashlib", SimpleNamespace(sha256=CountingSha))
    path = tmp_path / "会议录像.pbcx"  # a film renamed, or picked by mistake
    with path.open("wb") as film:
        film.write(b"\x00\x00\x00\x18ftypmp42")
        film.truncate(32 * 1024 * 1024)
    _refused(Problem.NOT_PACKAGE, path)
    assert hashed[0] < 1024 * 1024


def test_another_zip_is_not_a_package(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    _refused(Problem.NOT_PACKAGE, path)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", '{"format": "other"}')
    _refused(Problem.NOT_PACKAGE, path)


@pytest.mark.parametrize(
    "text",
    [b"[" * 100_000 + b"]" * 100_000, b'{"format": "pbc-package", "x": ' + b"[" * 100_000 + b"}"],
)
def test_a_manifest_nested_too_deep_is_not_a_package(plain: Path, text: bytes) -> None:
    rewrite(plain, replace={"manifest.json": text})
    _refused(Problem.NOT_PACKAGE, plain)


def test_missing_file_cannot_be_read(tmp_path: Path) -> None:
    error = _refused(Problem.CANNOT_READ, tmp_path / "gone.pbcx")
    assert "gone.pbcx" in error.message


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="a pipe named by a path")
def test_a_package_from_a_pipe_is_refused_as_such(plain: Path) -> None:
    """``pbc exchange import /dev/stdin < p.pbcx``: a whole, sound package read from a pipe
    was called damaged or incomplete (a FIFO nobody writes was waited on without end)."""
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, plain.read_bytes()[:4096])
        os.close(write_end)
        error = _refused(Problem.CANNOT_READ, Path(f"/dev/fd/{read_end}"))
    finally:
        os.close(read_end)
    assert "不是普通文件" in error.message and "损坏" not in error.message


def test_made_by_a_newer_version(plain: Path, sealed: Path) -> None:
    rewrite(plain, manifest=lambda m: m.update(version=2, novelty={"x": 1}))
    _refused(Problem.TOO_NEW, plain)
    data = bytearray(sealed.read_bytes())
    data[9] = 2  # the header's version
    sealed.write_bytes(bytes(data))
    _refused(Problem.TOO_NEW, sealed)


def test_encrypted_for_another_office(sealed: Path) -> None:
    error = _refused(Problem.OTHER_RECIPIENT, sealed, me=VILLAGE)
    assert TOWN.card.fingerprint in error.message
    assert VILLAGE.card.fingerprint in error.message


def test_encrypted_but_this_pc_has_no_key(sealed: Path) -> None:
    with pytest.raises(PackageError) as caught:
        open_as(sealed, None, [DISTRICT])
    assert caught.value.problem == Problem.NO_KEY
    assert TOWN.card.fingerprint in caught.value.message


def test_plain_package_for_another_office(plain: Path) -> None:
    error = _refused(Problem.OTHER_RECIPIENT, plain, me=VILLAGE)
    assert "和平镇党委" in error.message
    assert TOWN.card.fingerprint in error.message


def test_unknown_sender_is_asked_to_be_registered(plain: Path) -> None:
    error = _refused(Problem.UNKNOWN_SENDER, plain, senders=[VILLAGE])
    assert "潮南区委组织部" in error.message
    assert DISTRICT.card.fingerprint in error.message
    assert "登记" in error.message


def test_signed_by_an_office_not_registered(tmp_path: Path) -> None:
    """A stranger makes a package claiming the district's identity with its own keys."""
    stranger = office(DISTRICT.card.uuid, DISTRICT.card.name, OrgLevel.DISTRICT)
    path = tmp_path / "p.pbcx"
    write_sample(path, stranger, TOWN, encrypt=False, tmp=tmp_path)
    error = _refused(Problem.BAD_SIGNATURE, path)
    assert stranger.card.fingerprint in error.message
    # ... and naming the registered fingerprint in the manifest does not help
    rewrite(
        path,
        manifest=lambda m: m["sender"].update(fingerprint=DISTRICT.card.fingerprint),
        sign_with=stranger.keys,
    )
    _refused(Problem.BAD_SIGNATURE, path)


# -- refused: altered ------------------------------------------------------------------------
def test_manifest_changed_after_signing(plain: Path) -> None:
    rewrite(plain, manifest=lambda m: m["left_out"].clear())
    error = _refused(Problem.BAD_SIGNATURE, plain)
    assert "潮南区委组织部" in error.message


def test_signature_missing_or_of_the_wrong_length(plain: Path) -> None:
    rewrite(plain, replace={"manifest.sig": b"\x00" * 10})
    _refused(Problem.BAD_SIGNATURE, plain)
    rewrite(plain, replace={"manifest.sig": None})
    _refused(Problem.BAD_SIGNATURE, plain)


def test_a_part_changed_with_the_zip_made_consistent(plain: Path) -> None:
    part = members_of(plain)["parts/activity.jsonl"]
    rewrite(plain, replace={"parts/activity.jsonl": part.replace(b"1.5", b"9.5")})
    error = _refused(Problem.ALTERED, plain)
    assert "parts/activity.jsonl" in error.message


def test_a_file_changed(plain: Path) -> None:
    name = f"files/{sha(PHOTO)}"
    rewrite(plain, replace={name: PHOTO[:-1] + b"X"})
    _refused(Problem.ALTERED, plain)


def test_two_parts_swapped(plain: Path) -> None:
    m = members_of(plain)
    rewrite(
        plain,
        replace={
            "parts/activity.jsonl": m["parts/party_member.jsonl"],
            "parts/party_member.jsonl": m["parts/activity.jsonl"],
        },
    )
    _refused(Problem.ALTERED, plain)


def test_a_member_dropped(plain: Path) -> None:
    rewrite(plain, replace={f"files/{sha(DOCUMENT)}": None})
    _refused(Problem.ALTERED, plain)


@pytest.mark.parametrize("member", ["manifest.json", "parts/party_member.jsonl", "files/"])
def test_one_byte_changed_in_the_file(plain: Path, member: str) -> None:
    data = plain.read_bytes()
    name = f"files/{sha(PHOTO)}" if member == "files/" else member
    # the member's name in its local header comes first; its data follows
    at = data.index(name.encode()) + len(name) + 40
    flip(plain, at)
    with pytest.raises(PackageError) as caught:
        open_as(plain, TOWN, [DISTRICT]).close()
    assert caught.value.problem in {Problem.DAMAGED, Problem.ALTERED, Problem.BAD_SIGNATURE}


@pytest.mark.parametrize(
    ("offset", "problem"),
    [
        (HEADER_BYTES - 1, Problem.DAMAGED),  # the ephemeral key
        (12, Problem.DAMAGED),  # the chunk size
        (20, Problem.OTHER_RECIPIENT),  # the recipient's fingerprint
        (0, Problem.NOT_PACKAGE),  # the magic
        (HEADER_BYTES + 5, Problem.DAMAGED),  # the first chunk
        (-5, Problem.DAMAGED),  # the last chunk's tag
    ],
)
def test_one_byte_changed_in_the_encrypted_form(
    sealed: Path, offset: int, problem: Problem
) -> None:
    flip(sealed, offset if offset >= 0 else sealed.stat().st_size + offset)
    _refused(problem, sealed)


def test_ciphertext_byte_changed_in_a_later_chunk(tmp_path: Path) -> None:
    path = tmp_path / "p.pbcx"
    blob = os.urandom(2 * CHUNK_BYTES)
    with _writer(path, encrypt=True) as w:
        w.add_file(sha(blob), blob)
    flip(path, HEADER_BYTES + CHUNK_BYTES + TAG_BYTES + 77)
    _refused(Problem.DAMAGED, path)


@pytest.mark.parametrize("cut", [1, 100, "chunk"])
def test_truncated(tmp_path: Path, cut: int | str) -> None:
    for encrypt in (False, True):
        path = tmp_path / f"p{encrypt}.pbcx"
        blob = os.urandom(CHUNK_BYTES + 1000)
        with _writer(path, encrypt=encrypt) as w:
            w.add_part("activity", ACTIVITIES)
            w.add_file(sha(blob), blob)
        data = path.read_bytes()
        keep = HEADER_BYTES + CHUNK_BYTES + TAG_BYTES if cut == "chunk" else len(data) - int(cut)
        path.write_bytes(data[:keep])
        _refused(Problem.DAMAGED, path)


def test_bytes_added_to_an_encrypted_package(sealed: Path) -> None:
    sealed.write_bytes(sealed.read_bytes() + b"\x00" * 16)
    _refused(Problem.DAMAGED, sealed)


# -- refused: unsafe -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    [
        "../evil.txt",
        "parts/../../evil.jsonl",
        "/etc/passwd",
        "C:/Windows/evil",
        "files\\..\\evil",
        "parts/Activity.jsonl",
        "files/abc",
        "readme.txt",
    ],
)
def test_members_outside_the_layout(plain: Path, name: str) -> None:
    rewrite(plain, extra=[(name, b"x")])
    _refused(Problem.UNSAFE, plain)


def test_duplicate_member_names(plain: Path) -> None:
    rewrite(plain, extra=[("parts/activity.jsonl", b'{"a":1}\n')])
    error = _refused(Problem.UNSAFE, plain)
    assert "parts/activity.jsonl" in error.message
    rewrite(plain, extra=[("manifest.json", b"{}")])
    _refused(Problem.UNSAFE, plain)


def test_a_member_the_manifest_does_not_list(plain: Path) -> None:
    rewrite(plain, extra=[("parts/organization.jsonl", b'{"uuid":"x"}\n')])
    _refused(Problem.UNSAFE, plain)


def test_a_huge_declared_size(plain: Path) -> None:
    declare_size(plain, "manifest.json", 0x7FFF_FFFF)
    _refused(Problem.UNSAFE, plain)


def test_a_declared_size_unlike_the_manifest(plain: Path) -> None:
    declare_size(plain, "parts/activity.jsonl", 10**9)
    _refused(Problem.ALTERED, plain)


def test_a_signed_manifest_declaring_a_huge_part(plain: Path) -> None:
    def huge(m: dict[str, Any]) -> None:
        m["parts"][0]["size"] = 5 * 1024**3

    rewrite(plain, manifest=huge, sign_with=DISTRICT.keys)
    _refused(Problem.UNSAFE, plain)


def test_too_many_members(plain: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package_module, "MAX_MEMBERS", 3)
    _refused(Problem.UNSAFE, plain)


@pytest.mark.parametrize("member", ["parts/", "manifest.json"])
def test_a_zip_with_a_password(plain: Path, member: str) -> None:
    data = bytearray(plain.read_bytes())
    for at, name in central_entries(bytes(data)):
        if name.startswith(member):
            data[at + 8] |= 0x01
    plain.write_bytes(bytes(data))
    _refused(Problem.UNSAFE, plain)


# -- refused: rows that are not records -----------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        b"[1, 2]",
        b'"text"',
        b"{not json",
        b"",
        b'{"a": NaN}',
        b"\xff\xfe{}",
        b"null",
        b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    ],
)
def test_a_line_that_is_not_a_record(plain: Path, line: bytes) -> None:
    data = b'{"uuid":"a"}\n' + line + b"\n"
    rewrite(
        plain,
        replace={"parts/activity.jsonl": data},
        manifest=lambda m: set_part(m, "activity", data),
        sign_with=DISTRICT.keys,
    )
    with open_as(plain, TOWN, [DISTRICT]) as pkg:
        rows = pkg.iter_part("activity")
        assert next(rows) == {"uuid": "a"}
        with pytest.raises(PackageError) as caught:
            next(rows)
    assert caught.value.problem == Problem.BAD_ROW
    assert "第 2 行" in caught.value.message


def test_a_last_line_without_its_newline(plain: Path) -> None:
    data = b'{"uuid":"a"}\n{"uuid":"b"}'
    entry = part_entry("activity", data)

    def edit(m: dict[str, Any]) -> None:
        set_part(m, "activity", data)
        m["parts"][-1]["rows"] = entry["rows"]

    rewrite(plain, replace={"parts/activity.jsonl": data}, manifest=edit, sign_with=DISTRICT.keys)
    _refused(Problem.ALTERED, plain)  # verify counts the lines by their newlines


def test_verify_can_wait_until_the_rows_are_read(plain: Path) -> None:
    data = b'{"uuid":"a"}\n'
    rewrite(
        plain,
        replace={"parts/activity.jsonl": data},
        manifest=lambda m: set_part(m, "activity", data),
        sign_with=DISTRICT.keys,
    )
    with open_as(plain, TOWN, [DISTRICT], verify=False) as pkg:
        assert list(pkg.iter_part("activity")) == [{"uuid": "a"}]
        assert json.loads(pkg.manifest.to_bytes())["format"] == "pbc-package"


def test_registered_card_with_other_keys(plain: Path) -> None:
    renewed = office(DISTRICT.card.uuid, DISTRICT.card.name, OrgLevel.DISTRICT)
    error = _refused(Problem.BAD_SIGNATURE, plain, senders=[renewed])
    assert renewed.card.fingerprint in error.message
