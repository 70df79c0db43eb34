"""Writing and reading a district-sized ``.pbcx`` package, plain and encrypted.

The package holds 30,000 member-like rows, 20,000 activity-like rows and 50 MB of
attachments (50 files of 1 MiB, incompressible like photos). Each step runs in a fresh
process, so its peak memory (maximum resident set, ``ru_maxrss``) is its own:

* **write**: stream the rows and files into the package (signed; encrypted or not);
* **read**: open the package as its recipient, check the signature, verify every part's
  and file's SHA-256, then read every row and every file as a merge would.

Goals (the container's share of the issue's: export under 10 s, verify + preview under
10 s, peak memory under 400 MB): each step under 5 s and under 150 MB.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

# The checkout this script lives in, not whichever copy is installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import peak_rss_mb

from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.domain.offices import OfficeCard
from pbc_desktop.services.exchange import keys
from pbc_desktop.services.exchange.package import PackageWriter, open_package

GOAL_SECONDS = 5.0
GOAL_PEAK_MB = 150.0
MEMBERS = 30_000
ACTIVITIES = 20_000
FILES = 50
FILE_BYTES = 1024 * 1024
SENDER_UUID = "0b6c0d8e-53a4-4d0e-8f6e-1c2b3a4d5e6f"
RECIPIENT_UUID = "1c7d1e9f-64b5-4e1f-9a7f-2d3c4b5e6f70"
SURNAMES = "陈林黄郑张李王吴刘蔡杨许谢洪"
KINDS = ("主题党日", "联学联建", "志愿服务", "党课")
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰涛明超秀兰霞平刚桂英"


def _member(i: int, rng: random.Random) -> dict[str, Any]:
    birth = date(1940, 1, 1) + timedelta(days=rng.randrange(25_000))
    return {
        "uuid": f"{i:08x}-53a4-4d0e-8f6e-{rng.getrandbits(48):012x}",
        "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
        "gender": rng.choice(["male", "female"]),
        "ethnicity": "汉族",
        "birth_date": birth.isoformat(),
        "id_number": f"440514{birth:%Y%m%d}{rng.randrange(1000):03d}X",
        "native_place": "广东汕头",
        "education": rng.choice(["大学本科", "大专", "高中", "初中"]),
        "joined_on": (birth + timedelta(days=9000)).isoformat(),
        "confirmed_on": (birth + timedelta(days=9365)).isoformat(),
        "category": "formal",
        "party_post": None,
        "work_unit": "潮南区和平镇下寨村股份经济合作社",
        "phone": f"138{rng.randrange(10**8):08d}",
        "organization_id": f"{rng.randrange(1500):08x}-0000-4000-8000-000000000000",
        "status": "normal",
        "remark": None,
        "created_at": "2026-01-05T08:00:00",
        "updated_at": "2026-11-02T09:30:00",
    }


def _activity(i: int, rng: random.Random) -> dict[str, Any]:
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(1000))
    return {
        "uuid": f"{i:08x}-64b5-4e1f-9a7f-{rng.getrandbits(48):012x}",
        "title": f"{rng.choice(KINDS)}：学习贯彻会议精神（第{i}期）",
        "kind": rng.choice(["theme_day", "joint_study", "volunteer", "lecture"]),
        "starts_at": f"{day.isoformat()}T09:00:00",
        "ends_at": f"{day.isoformat()}T11:00:00",
        "place": "和平镇党群服务中心二楼会议室",
        "expected": rng.randrange(10, 80),
        "actual": rng.randrange(5, 80),
        "trainees": rng.randrange(0, 80),
        "summary": "组织党员学习相关文件精神，开展交流研讨，部署下一阶段共建任务。" * 2,
        "community_id": f"{rng.randrange(300):08x}-0000-4000-8000-000000000000",
        "host_organization_id": f"{rng.randrange(1500):08x}-0000-4000-8000-000000000000",
        "created_at": "2026-01-05T08:00:00",
        "updated_at": "2026-11-02T09:30:00",
    }


def _rows(kind: str, count: int) -> Iterator[dict[str, Any]]:
    rng = random.Random(kind)
    make = _member if kind == "party_member" else _activity
    return (make(i, rng) for i in range(count))


def _file(i: int) -> bytes:
    return random.Random(i).randbytes(FILE_BYTES)


def _offices(folder: Path) -> tuple[keys.OfficeKeys, OfficeCard, keys.OfficeKeys, OfficeCard]:
    pem = folder / "keys.json"
    if not pem.exists():
        pem.write_text(
            json.dumps([keys.to_pem(keys.generate()).decode() for _ in range(2)]), "utf-8"
        )
    sender, recipient = (keys.from_pem(t.encode()) for t in json.loads(pem.read_text("utf-8")))
    return (
        sender,
        OfficeCard(
            SENDER_UUID, "潮南区委组织部", OrgLevel.DISTRICT, "", sender.sign_public,
            sender.box_public,
        ),
        recipient,
        OfficeCard(
            RECIPIENT_UUID, "和平镇党委", OrgLevel.TOWN, "", recipient.sign_public,
            recipient.box_public,
        ),
    )  # fmt: skip


def _write(folder: Path, encrypt: bool) -> dict[str, Any]:
    sender_keys, sender, _, recipient = _offices(folder)
    path = folder / ("sealed.pbcx" if encrypt else "plain.pbcx")
    start = time.perf_counter()  # what making the sample rows and files alone costs
    for kind, count in (("party_member", MEMBERS), ("activity", ACTIVITIES)):
        for _ in _rows(kind, count):
            pass
    for i in range(FILES):
        hashlib.sha256(_file(i)).hexdigest()
    making = time.perf_counter() - start
    start = time.perf_counter()
    with PackageWriter(
        path, sender_keys, sender, recipient, encrypt=encrypt, schema_revision="bench"
    ) as w:
        w.add_part("party_member", _rows("party_member", MEMBERS))
        w.add_part("activity", _rows("activity", ACTIVITIES))
        for i in range(FILES):
            data = _file(i)
            w.add_file(hashlib.sha256(data).hexdigest(), data)
    return {
        "seconds": time.perf_counter() - start,
        "making": making,
        "mb": path.stat().st_size / 1e6,
    }


def _read(folder: Path, encrypt: bool) -> dict[str, Any]:
    _, sender, recipient_keys, recipient = _offices(folder)
    path = folder / ("sealed.pbcx" if encrypt else "plain.pbcx")
    start = time.perf_counter()
    with open_package(
        path,
        my_keys=recipient_keys,
        my_uuid=recipient.uuid,
        lookup_sender={sender.uuid: sender}.get,
    ) as pkg:
        verified = time.perf_counter() - start
        rows = sum(1 for part in pkg.manifest.parts for _ in pkg.iter_part(part.name))
        size = sum(len(pkg.read_file(f.sha256)) for f in pkg.manifest.files)
    assert rows == MEMBERS + ACTIVITIES, rows
    assert size == FILES * FILE_BYTES, size
    return {"seconds": time.perf_counter() - start, "verify_seconds": verified}


def _child(step: str, encrypt: bool, folder: Path) -> None:
    result = (_write if step == "write" else _read)(folder, encrypt)
    result["peak_mb"] = peak_rss_mb()
    print(json.dumps(result))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--step", choices=["write", "read"])
    parser.add_argument("--encrypt", action="store_true")
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    if args.step:
        _child(args.step, args.encrypt, args.folder)
        return 0
    ok = True
    with tempfile.TemporaryDirectory(prefix="pbc-bench-package-") as tmp:
        for encrypt in (False, True):
            for step in ("write", "read"):
                command = [sys.executable, __file__, "--step", step, "--folder", tmp]
                out = subprocess.run(
                    command + (["--encrypt"] if encrypt else []),
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                r = json.loads(out.splitlines()[-1])
                met = r["seconds"] < GOAL_SECONDS and r["peak_mb"] < GOAL_PEAK_MB
                ok &= met
                extra = (
                    f", file {r['mb']:.1f} MB; making the sample data alone {r['making']:.2f} s"
                    if step == "write"
                    else f", of which open + verify {r['verify_seconds']:.2f} s"
                )
                print(
                    f"{'encrypted' if encrypt else 'plain':9} {step:5}: {r['seconds']:.2f} s "
                    f"(goal {GOAL_SECONDS:.0f} s), peak {r['peak_mb']:.0f} MB "
                    f"(goal {GOAL_PEAK_MB:.0f} MB){extra}{'' if met else '  MISSED'}",
                    flush=True,
                )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
