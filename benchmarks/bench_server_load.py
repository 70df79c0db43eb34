"""Many clients on one PostgreSQL server, on the district data set (issue 14, "A district
server", performance).

    python benchmarks/bench_server_load.py [--seconds 60] [--clients 20] [--think 0.5]

starts a throwaway server (``tests/pg_cluster.py``; or uses the empty database that
``PBC_TEST_DB_URL`` names, as ``python -m tests.pg_cluster -- python
benchmarks/bench_server_load.py`` sets it), builds the district demo into it (``pbc init
--demo --scale district``), makes accounts of every role through ``services.accounts``
and starts the clients: each a process of its own with its own connections, signed in as
its own account (区委组织部, 镇街, 村/社区, 查看/督查), doing a clerk's mix through the
services until the time is up: opening tabs (the first page of 党员, 党组织, 共同体, 活动,
清单), searching members by a name or digits, paging through listings, saving
activities with their attendance (new ones, and changes version-checked as the editor
saves them), claiming project items, scoring an assessment (opening an activity or a
scoring sheet is timed apart from saving it). Between two actions a clerk thinks for a
random 0 to 2 × ``--think`` seconds, and as long again in an editor before saving (which
is when another clerk's save may come first). Before the run the year's scoring is
started for a few communities and project items are put up for claiming (the demo's are
nearly all done), each item dealt to one client.

Reported: throughput, p50/p95/p99 per operation, errors (any exception; a save refused
as stale, ``StaleEditError``, is a conflict, counted apart and not an error) and lost
updates (at the end, every save a client believed done is looked for in the database:
each new record with what it saved; of the changes of one record, no two made from the
same version, and the record holding the last one). Then the same mix by one client
(the district administrator) alone on the server and on a copy of the district SQLite
file, for comparison; and the window's start-up on the server against the SQLite file
(as ``bench_accounts.py`` times it). The machine's load average is printed with the figures: on a
shared machine the clients, the server and everything else share its processors.

Goals: 0 errors, 0 lost updates, p95 under 300 ms for listings and for saves, the
window's start-up within 0.5 s of the SQLite figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_accounts import startup
from common import CACHE, bench_env, build_district, district_db

LISTING_GOAL_MS = 300.0
SAVE_GOAL_MS = 300.0
STARTUP_GOAL_S = 0.5  # the window on the server, above the same on SQLite
STARTUP_RUNS = 5
BENCH_PASSWORD = "Bench-pass-2026"
DEMO_PASSWORD = "demo1234"
PAGE = 200  # the listings' page (ui/common/table_model.PAGE_SIZE)

#: The clients' roles in turn (20 clients: 3 district, 6 town, 7 village, 4 viewers).
ROLES = (
    "district", "town", "village", "viewer", "village", "town", "village", "district",
    "town", "village", "viewer", "town", "village", "town", "village", "viewer",
    "district", "town", "village", "viewer",
)  # fmt: skip
#: The demo's own account of each role, used by the first client of that role.
DEMO_ACCOUNTS = {"district": "admin", "town": "zhen", "village": "cun", "viewer": "ducha"}

#: A clerk's mix: operation and weight (a viewer only reads: its saves become listings).
MIX = (
    ("open", 30),
    ("search members", 20),
    ("page", 20),
    ("save activity", 15),
    ("claim item", 5),
    ("score", 10),
)
SAVES = ("new activity", "change activity", "claim item", "score")
TABS = ("members", "organizations", "communities", "activities", "lists")
#: What a clerk types into the member search: a surname, a full name, digits of a phone.
SEARCHES = ("张", "王伟", "李", "陈", "林", "黄", "郑", "蔡", "138", "0571")


# -- the server and its data ---------------------------------------------------------------
@contextmanager
def server() -> Iterator[str | None]:
    """The URL of an empty server database: ``PBC_TEST_DB_URL``'s, else a throwaway
    cluster's (stopped and removed afterwards); None when PostgreSQL is not installed."""
    from tests.pg_cluster import TEST_DB_URL_ENV, Cluster, find_bin_dir

    given = os.environ.get(TEST_DB_URL_ENV)
    if given:
        yield given
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        yield None
        return
    cluster = Cluster(bin_dir)
    try:
        cluster.start()
        yield cluster.url
    finally:
        cluster.stop()


@dataclass(frozen=True)
class Seat:
    """One simulated client: its account and the organizations it works for."""

    username: str
    password: str
    role: str
    focus_orgs: tuple[int, ...]  # the hosts of the activities it records, its claimants
    #: project items only it claims (item, claiming organization): no two clients race for
    #: one item (the second would be refused, rightly, as already claimed)
    items: tuple[tuple[int, int], ...] = ()


def villages(db: Any, count: int) -> list[tuple[int, str]]:
    """Village organizations with members, each in a running community with others and,
    as far as there are enough, each in a town of its own (id, town): the demo's village
    account's first."""
    from sqlalchemy import func, select

    from pbc_desktop.db.models import (
        Community,
        CommunityMember,
        Organization,
        PartyMember,
        User,
    )
    from pbc_desktop.domain.enums import CommunityStatus, OrgLevel

    with db.read() as s:
        demo = s.scalar(select(User.organization_id).where(User.username == "cun"))
        shared = (
            select(CommunityMember.community_id)
            .group_by(CommunityMember.community_id)
            .having(func.count() > 1)
        )
        rows = s.execute(
            select(Organization.id, Organization.town)
            .join(CommunityMember, CommunityMember.organization_id == Organization.id)
            .join(Community, Community.id == CommunityMember.community_id)
            .where(
                Organization.level == OrgLevel.VILLAGE,
                Organization.town.is_not(None),
                Community.status == CommunityStatus.RUNNING,
                CommunityMember.left_on.is_(None),
                CommunityMember.community_id.in_(shared),
                select(PartyMember.id)
                .where(PartyMember.organization_id == Organization.id)
                .exists(),
            )
            .distinct()
            .order_by(Organization.id)
        ).all()
    rows.sort(key=lambda r: r.id != demo)
    picked: list[tuple[int, str]] = []
    towns: set[str] = set()
    for only_new_towns in (True, False):
        for org_id, town in rows:
            if len(picked) == count:
                return picked
            if (org_id, town) in picked or (only_new_towns and town in towns):
                continue
            picked.append((org_id, town))
            towns.add(town)
    return picked


def vacuum(url: str) -> None:
    """VACUUM ANALYZE the freshly loaded district, as autovacuum has long done on a server
    in use: otherwise it runs during the measurement (on the machine's same two cores)
    over the hundred thousand rows just inserted, and the planner has no statistics."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("VACUUM ANALYZE"))
    finally:
        engine.dispose()


def seats(url: str, clients: int, *, make_accounts: bool) -> list[Seat]:
    """The clients' accounts (made through ``services.accounts`` where the demo's own do
    not do: the towns of the picked villages, the villages, more district and viewer
    accounts). Village *k* works for its organization, town *k* for village *k*'s, the
    district accounts for all the villages' (so that clerks meet on the same records)."""
    from sqlalchemy import select

    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.db.models import User
    from pbc_desktop.domain.enums import UserRole
    from pbc_desktop.services.accounts import users

    roles = [ROLES[i % len(ROLES)] for i in range(clients)]
    db = open_database(url)
    try:
        picked = villages(db, max(1, roles.count("village"), roles.count("town")))
        with db.read() as s:
            known = set(s.scalars(select(User.username)))
        out: list[Seat] = []
        seen: dict[str, int] = defaultdict(int)
        for role in roles:
            k = seen[role]
            seen[role] += 1
            org_id, town = picked[k % len(picked)]
            focus: tuple[int, ...] = {
                "district": tuple(o for o, _t in picked),
                "town": (org_id,),
                "village": (org_id,),
                "viewer": (),
            }[role]
            if k == 0:  # the demo's town account is of the demo village's town: picked[0]
                out.append(Seat(DEMO_ACCOUNTS[role], DEMO_PASSWORD, role, focus))
                continue
            if not make_accounts:
                continue
            username = f"load_{role}_{k}"
            if username not in known:
                data = {
                    "district": users.UserInput(
                        username, f"区{k}", "区委组织部", UserRole.DISTRICT
                    ),
                    "town": users.UserInput(
                        username, f"镇{k}", f"{town}党委", UserRole.TOWN, None, town
                    ),
                    "village": users.UserInput(
                        username, f"村{k}", "村党组织", UserRole.VILLAGE, org_id
                    ),
                    "viewer": users.UserInput(username, f"督查{k}", "督查室", UserRole.VIEWER),
                }[role]
                users.create_user(db, data, BENCH_PASSWORD, must_change=False)
            out.append(Seat(username, BENCH_PASSWORD, role, focus))
        return out
    finally:
        db.dispose()


def stage_work(url: str, seats_: list[Seat]) -> list[Seat]:
    """What the clerks work on beyond the demo's records (as the district would have it in
    December): the year's assessment started for six communities of each village's town
    (the demo's are all finished), and a project list of 30 items awaiting a claim in a
    community of each village, its items dealt out to the clients working for the village.
    Made through the services, as the program acting."""
    from datetime import date

    from sqlalchemy import func, select

    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.db.models import CommunityMember, IndicatorSet, Organization
    from pbc_desktop.domain.enums import ListKind
    from pbc_desktop.services.assessments import scoring
    from pbc_desktop.services.lists import editing

    focus = sorted({o for seat in seats_ for o in seat.focus_orgs})
    items: dict[str, list[tuple[int, int]]] = defaultdict(list)
    db = open_database(url, lock=False)
    try:
        with db.read() as s:
            # The latest indicator system's year (the demo's: this year's).
            year = s.scalar(select(func.max(IndicatorSet.year))) or date.today().year
            towns = sorted(
                {
                    town
                    for town in s.scalars(
                        select(Organization.town).where(Organization.id.in_(focus))
                    )
                    if town
                }
            )
            community_of = dict(
                s.execute(
                    select(CommunityMember.organization_id, CommunityMember.community_id)
                    .where(
                        CommunityMember.organization_id.in_(focus),
                        CommunityMember.left_on.is_(None),
                    )
                    .order_by(CommunityMember.community_id.desc())
                ).all()
            )
        for town in towns:
            for community in scoring.unassessed_communities(db, year, town)[:6]:
                scoring.start_assessment(db, community.id, year)
        for org_id in focus:
            list_id = editing.create_list(
                db,
                editing.ListInput(
                    community_of[org_id], ListKind.PROJECT, f"{year}年度项目清单（压力测试）", year
                ),
            )
            claimers = [seat.username for seat in seats_ if org_id in seat.focus_orgs]
            for n in range(30):
                item_id = editing.add_item(
                    db, list_id, editing.ItemInput(f"惠民项目 {n + 1}", category="民生")
                )
                items[claimers[n % len(claimers)]].append((item_id, org_id))
    finally:
        db.dispose()
    return [replace(seat, items=tuple(items[seat.username])) for seat in seats_]


# -- one client ------------------------------------------------------------------------------
@dataclass
class Outcome:
    """What one client did: times by operation, errors, conflicts, the saves it believes done."""

    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    conflicts: int = 0
    # ("activity", id, read version or None for a new one, token, attendance count),
    # ("score", assessment id, read version, token, 0), ("claim", claim id, None, "", 0)
    saves: list[tuple[str, int, int | None, str, int]] = field(default_factory=list)


class Clerk:
    """A signed-in client doing the mix on its own connections."""

    def __init__(self, db: Any, seat: Seat, index: int, seed: int, think: float) -> None:
        self.db = db
        self.seat = seat
        self.index = index
        self.rng = random.Random(seed)
        self.think = think
        self.out = Outcome()
        self.counter = 0
        self.activities: list[int] = []  # the activities it may change
        self.hosts: list[tuple[int, int]] = []  # (host organization, community) for new ones
        self.people: dict[int, list[tuple[int, str]]] = {}  # members by host organization
        self.items = list(seat.items)  # (item, claiming organization)
        self.assessments: list[int] = []
        self.doing = ""  # the operation under way, for an error's line

    # -- its records (not timed)
    def prepare(self) -> None:
        from sqlalchemy import select

        from pbc_desktop.db.models import Activity, Assessment, CommunityMember, PartyMember
        from pbc_desktop.domain.enums import AssessmentStatus, MembershipStatus
        from pbc_desktop.services.assessments import scoring

        focus = list(self.seat.focus_orgs)
        if not focus:
            return
        with self.db.read() as s:
            self.activities = list(
                s.scalars(
                    select(Activity.id)
                    .where(Activity.host_org_id.in_(focus))
                    .order_by(Activity.starts_at.desc(), Activity.id.desc())
                    .limit(12 * len(focus))
                )
            )
            self.hosts = [
                (r.organization_id, r.community_id)
                for r in s.execute(
                    select(CommunityMember.organization_id, CommunityMember.community_id).where(
                        CommunityMember.organization_id.in_(focus),
                        CommunityMember.left_on.is_(None),
                    )
                )
            ]
            for org_id in focus:
                self.people[org_id] = [
                    (r.id, r.name)
                    for r in s.execute(
                        select(PartyMember.id, PartyMember.name)
                        .where(
                            PartyMember.organization_id == org_id,
                            PartyMember.status == MembershipStatus.NORMAL,
                        )
                        .order_by(PartyMember.id)
                        .limit(15)
                    )
                ]
            drafts = list(
                s.scalars(
                    select(Assessment.id)
                    .where(Assessment.status == AssessmentStatus.DRAFT)
                    .order_by(Assessment.id)
                )
            )
        self.rng.shuffle(drafts)
        for assessment_id in drafts[:400]:
            if scoring.change_refusal(self.db, assessment_id) is None:
                self.assessments.append(assessment_id)
                if len(self.assessments) == 6:
                    break

    # -- the mix
    def run(self, seconds: float) -> Outcome:
        from pbc_desktop.errors import StaleEditError

        names = [name for name, _w in MIX]
        weights = [w for _n, w in MIX]
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            step = self.pick(self.rng.choices(names, weights)[0])
            try:
                step()
            except StaleEditError:
                self.out.conflicts += 1
            except Exception as exc:  # every failure counts; the first line says what
                what = " / ".join(traceback.format_exception_only(exc)[-1].split("\n"))
                self.out.errors.append(f"{self.doing}: {what.strip(' /')[:300]}")
            self.pause()
        return self.out

    def pause(self) -> None:
        """A clerk's pause: between two actions, and in an editor before saving."""
        if self.think:
            time.sleep(self.rng.uniform(0, 2 * self.think))

    @contextmanager
    def clock(self, name: str) -> Iterator[None]:
        """Time what the block does as operation ``name`` (only when it succeeds)."""
        self.doing = name
        started = time.perf_counter()
        yield
        self.out.times[name].append((time.perf_counter() - started) * 1000)

    def pick(self, op: str) -> Callable[[], None]:
        """The step to do for ``op`` (a client that cannot do ``op`` — a viewer's save,
        nothing left to claim — opens a tab instead)."""
        if op == "save activity" and self.activities and self.hosts:
            return self.new_activity if self.rng.random() < 0.4 else self.change_activity
        if op == "claim item" and self.items:
            return self.claim
        if op == "score" and self.assessments:
            return self.score
        if op == "search members":
            text = self.rng.choice(SEARCHES)
            return lambda: self.search(text)
        tab = self.rng.choice(TABS)
        return lambda: self.page(tab, None if op == "page" else 0)

    def token(self) -> str:
        self.counter += 1
        return f"load-{self.index}-{self.counter}"

    # -- listings: the count and one page, as a tab's model asks them
    def page(self, tab: str, page: int | None) -> None:
        from pbc_desktop.services import communities, members, organizations
        from pbc_desktop.services.activities import listing
        from pbc_desktop.services.lists import queries
        from pbc_desktop.services.paging import PageRequest

        db = self.db
        name = f"open {tab}" if page == 0 else f"page {tab}"
        counts: dict[str, Callable[[], int]] = {
            "members": lambda: members.count_members(db, members.MemberQuery()),
            "organizations": lambda: organizations.count_organizations(
                db, organizations.OrgQuery()
            ),
            "communities": lambda: communities.count_communities(db, communities.CommunityQuery()),
            "activities": lambda: listing.count_activities(db, listing.ActivityQuery()),
            "lists": lambda: queries.count_items(db, queries.ItemQuery()),
        }
        with self.clock(name):
            total = counts[tab]()
            if page is None:  # a page further down, as far as the listing goes
                page = self.rng.randrange(max(1, (total + PAGE - 1) // PAGE))
            request = PageRequest(offset=page * PAGE, limit=PAGE)
            if tab == "members":
                members.list_members(db, members.MemberQuery(), request)
            elif tab == "organizations":
                organizations.list_organizations(db, organizations.OrgQuery(), request)
            elif tab == "communities":
                communities.list_communities(db, communities.CommunityQuery(), request)
            elif tab == "activities":
                listing.list_activities(db, listing.ActivityQuery(), request)
            else:
                queries.list_items(db, queries.ItemQuery(), request)

    def search(self, text: str) -> None:
        from pbc_desktop.services import members
        from pbc_desktop.services.paging import PageRequest

        query = members.MemberQuery(text=text)
        with self.clock("search members"):
            members.count_members(self.db, query)
            members.list_members(self.db, query, PageRequest(limit=PAGE))

    # -- saves
    def attendance(self, host_org_id: int | None, present: int = 0) -> tuple[Any, ...]:
        """The host's members called, a random few of them absent with a reason, at least
        ``present`` of them there (an agenda's votes need as many)."""
        from pbc_desktop.domain.enums import AbsenceReason, AttendanceStatus
        from pbc_desktop.services.activities.editing import AttendanceInput

        people = self.people.get(host_org_id or 0, [])
        low = min(max(3, present), len(people))
        chosen = sorted(self.rng.sample(people, self.rng.randint(low, len(people))))
        absent = [p for p in chosen if self.rng.random() < 0.2][: len(chosen) - present]
        return tuple(
            AttendanceInput(
                name,
                AttendanceStatus.ABSENT,
                member_id,
                self.rng.choice(list(AbsenceReason)),
                "临时有事",
            )
            if (member_id, name) in absent
            else AttendanceInput(name, member_id=member_id)
            for member_id, name in chosen
        )

    def new_activity(self) -> None:
        from pbc_desktop.domain.enums import ActivityKind
        from pbc_desktop.services.activities import editing

        host_org_id, community_id = self.rng.choice(self.hosts)
        token = self.token()
        attendance = self.attendance(host_org_id)
        starts = datetime.now().replace(microsecond=0) - timedelta(days=self.rng.randint(1, 60))
        with self.clock("new activity"):
            activity_id = editing.create_activity(
                self.db,
                editing.ActivityInput(
                    community_id=community_id,
                    kind=self.rng.choice(
                        (ActivityKind.THEME_PARTY_DAY, ActivityKind.JOINT_MEETING)
                    ),
                    title=f"联学联建活动 {token}",
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=2),
                    host_org_id=host_org_id,
                    place="党群服务中心",
                    summary=token,
                    organization_ids=(host_org_id,),
                    attendance=attendance,
                ),
            )
        self.activities.append(activity_id)
        self.out.saves.append(("activity", activity_id, None, token, len(attendance)))

    def change_activity(self) -> None:
        """Open the editor on an activity, change its attendance and summary, save."""
        from pbc_desktop.services.activities import editing

        activity_id = self.rng.choice(self.activities)
        with self.clock("open activity"):
            edit = editing.get_activity_edit(self.db, activity_id)
        token = self.token()
        votes = max((item.votes_cast for item in edit.agenda), default=0)
        if votes <= len(self.people.get(edit.host_org_id or 0, [])):
            attendance = self.attendance(edit.host_org_id, votes)
        else:  # not enough of the host's members to call: the clerk keeps who came
            attendance = tuple(
                editing.AttendanceInput(
                    a.person_name, a.status, a.member_id, a.absence_reason, a.reason_text
                )
                for a in edit.attendance
            )
        data = editing.ActivityInput(
            community_id=edit.community_id,
            kind=edit.kind,
            title=edit.title,
            starts_at=edit.starts_at,
            ends_at=edit.ends_at,
            status=edit.status,
            venue_id=edit.venue_id,
            place=edit.place,
            host_org_id=edit.host_org_id,
            chair=edit.chair,
            recorder=edit.recorder,
            lecturer=edit.lecturer,
            guests=edit.guests,
            trainee_count=edit.trainee_count,
            summary=token,
            organization_ids=tuple(o.id for o in edit.organizations),
            attendance=attendance,
            agenda=edit.agenda,
            version=edit.version,
        )
        self.pause()  # the clerk at work in the editor
        with self.clock("change activity"):
            editing.update_activity(self.db, activity_id, data)
        self.out.saves.append(("activity", activity_id, edit.version, token, len(attendance)))

    def claim(self) -> None:
        from datetime import date

        from pbc_desktop.domain.enums import ClaimMode
        from pbc_desktop.services.lists import claims

        item_id, org_id = self.items.pop(self.rng.randrange(len(self.items)))
        today = date.today()
        with self.clock("claim item"):
            claim_id = claims.claim_item(
                self.db,
                item_id,
                claims.ClaimInput(
                    ClaimMode.SINGLE, org_id, today, today + timedelta(days=90), "王书记"
                ),
            )
        self.out.saves.append(("claim", claim_id, None, "", 0))

    def score(self) -> None:
        """Open an assessment's scoring sheet, score one indicator, save."""
        from pbc_desktop.services.assessments import scoring

        assessment_id = self.rng.choice(self.assessments)
        with self.clock("open scoring sheet"):
            sheet = scoring.get_scoring_sheet(self.db, assessment_id)
        row = self.rng.choice(sheet.rows)
        token = self.token()
        self.pause()  # the scorer at work on the sheet
        with self.clock("score"):
            scoring.save_scores(
                self.db,
                assessment_id,
                scoring.ScoresInput(
                    {row.indicator_id: round(self.rng.uniform(0, row.max_score), 1)},
                    feedback=token,
                    version=sheet.version,
                ),
            )
        self.out.saves.append(("score", assessment_id, sheet.version, token, 0))


def client_child() -> int:
    """A client process: read what it is (a line of JSON on stdin: no password on the
    command line), sign in, prepare, say "ready", wait for "go" on stdin, run the mix,
    print its outcome as JSON."""
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.services.accounts.sign_in import sign_in

    given = json.loads(sys.stdin.readline())
    seat = Seat(
        **{
            **given["seat"],
            "focus_orgs": tuple(given["seat"]["focus_orgs"]),
            "items": tuple((i, o) for i, o in given["seat"]["items"]),
        }
    )
    db = open_database(given["url"], lock=False)
    try:
        db.user = sign_in(db, seat.username, seat.password, note=False).actor
        clerk = Clerk(db, seat, given["index"], given["seed"], given["think"])
        clerk.prepare()
        print("ready", flush=True)
        if sys.stdin.readline().strip() != "go":
            return 1
        out = clerk.run(given["seconds"])
    finally:
        db.dispose()
    print(
        json.dumps(
            {
                "times": out.times,
                "errors": out.errors,
                "conflicts": out.conflicts,
                "saves": out.saves,
            }
        ),
        flush=True,
    )
    return 0


# -- the run ---------------------------------------------------------------------------------
@dataclass
class Run:
    """The clients' outcomes together."""

    seconds: float
    clients: int
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    conflicts: int = 0
    saves: list[tuple[str, int, int | None, str, int]] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)

    @property
    def operations(self) -> int:
        return sum(len(v) for v in self.times.values())


def load(url: str, seats_: list[Seat], seconds: float, think: float) -> Run:
    """Start a process per seat, let them all go at once, gather what they did."""
    children = []
    for index, seat in enumerate(seats_):
        spec = {
            "url": url,
            "seat": seat.__dict__,
            "index": index,
            "seed": 1000 + index,
            "think": think,
            "seconds": seconds,
        }
        child = subprocess.Popen(
            [sys.executable, __file__, "--client"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=bench_env(),
        )
        assert child.stdin is not None
        child.stdin.write(json.dumps(spec) + "\n")
        child.stdin.flush()
        children.append(child)
    for child in children:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        assert line == "ready", f"a client did not start ({line!r}); see its messages above"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    run = Run(seconds, len(seats_))
    for child in children:
        stdout, _ = child.communicate()
        assert child.returncode == 0, f"a client failed (exit {child.returncode})"
        got = json.loads(stdout.strip().splitlines()[-1])
        for name, ms in got["times"].items():
            run.times[name] += ms
        run.errors += got["errors"]
        run.conflicts += got["conflicts"]
        run.saves += [tuple(s) for s in got["saves"]]
    return run


def check_saves(url: str, run: Run) -> None:
    """Every save a client believed done, looked for in the database (``run.lost``)."""
    from sqlalchemy import func, select

    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.db.models import Activity, Assessment, Attendance, Claim

    models: dict[str, Any] = {"activity": Activity, "score": Assessment}
    by_record: dict[tuple[str, int], list[tuple[int | None, str, int]]] = defaultdict(list)
    claims: list[int] = []
    for kind, record_id, version, token, count in run.saves:
        if kind == "claim":
            claims.append(record_id)
        else:
            by_record[(kind, record_id)].append((version, token, count))
    db = open_database(url, lock=False)
    try:
        with db.read() as s:
            found = (
                set(s.scalars(select(Claim.id).where(Claim.id.in_(claims)))) if claims else set()
            )
            run.lost += [f"claim {c}: not stored" for c in claims if c not in found]
            for (kind, record_id), done in by_record.items():
                model = models[kind]
                record = s.get(model, record_id)
                if record is None:
                    run.lost.append(f"{kind} {record_id}: not stored")
                    continue
                changes = [d for d in done if d[0] is not None]
                made = [d for d in done if d[0] is None]
                versions = [d[0] for d in changes]
                for v in {v for v in versions if versions.count(v) > 1}:
                    run.lost.append(
                        f"{kind} {record_id}: {versions.count(v)} saves made from version {v}"
                    )
                last = max(changes, key=lambda d: d[0] or 0) if changes else made[-1]
                stored = record.summary if kind == "activity" else record.feedback
                if stored != last[1]:
                    run.lost.append(f"{kind} {record_id}: holds {stored!r}, not {last[1]!r}")
                if kind == "activity":
                    called = s.scalar(
                        select(func.count()).where(Attendance.activity_id == record_id)
                    )
                    if called != last[2]:
                        run.lost.append(f"activity {record_id}: {called} called, not {last[2]}")
    finally:
        db.dispose()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[int(p) - 1]


def report(title: str, run: Run) -> bool:
    """Print the run's table and verdicts; whether every goal was met."""
    print(f"\n== {title}: {run.clients} client(s), {run.seconds:.0f} s")
    print(
        f"throughput: {run.operations / run.seconds:.1f} operations/s "
        f"({run.operations} done, {len(run.saves)} saves)"
    )
    width = max(len(n) for n in run.times) if run.times else 10
    columns = f"{'count':>6}  {'p50 ms':>7}  {'p95 ms':>7}  {'p99 ms':>7}"
    print(f"{'operation':<{width}}  {columns}  goal")
    ok = True
    for name in sorted(run.times, key=lambda n: (n in SAVES, n)):
        ms = run.times[name]
        p95 = percentile(ms, 95)
        goal = SAVE_GOAL_MS if name in SAVES else LISTING_GOAL_MS
        met = p95 < goal
        ok = ok and met
        print(
            f"{name:<{width}}  {len(ms):>6}  {percentile(ms, 50):>7.0f}  {p95:>7.0f}  "
            f"{percentile(ms, 99):>7.0f}  p95 < {goal:.0f} ms: {'ok' if met else 'TOO SLOW'}"
        )
    for label, values in (
        ("listings", [m for n, v in run.times.items() if n not in SAVES for m in v]),
        ("saves", [m for n, v in run.times.items() if n in SAVES for m in v]),
    ):
        if values:
            p95 = percentile(values, 95)
            met = p95 < LISTING_GOAL_MS
            ok = ok and met
            print(
                f"all {label}: p50 {percentile(values, 50):.0f} ms, p95 {p95:.0f} ms, "
                f"p99 {percentile(values, 99):.0f} ms (goal p95 < {LISTING_GOAL_MS:.0f} ms): "
                f"{'ok' if met else 'TOO SLOW'}"
            )
    print(f"conflicts (stale saves refused, not errors): {run.conflicts}")
    print(f"errors: {len(run.errors)} (goal 0): {'ok' if not run.errors else 'TOO MANY'}")
    for error in sorted(set(run.errors))[:10]:
        print(f"  {run.errors.count(error)} x {error}")
    print(f"lost updates: {len(run.lost)} (goal 0): {'ok' if not run.lost else 'LOST'}")
    for lost in run.lost[:10]:
        print(f"  {lost}")
    return ok and not run.errors and not run.lost


# -- the window's start-up -------------------------------------------------------------------
def startups(url: str, sqlite_path: Path) -> bool:
    startup(url, sign_in=True)  # warm the caches, make the settings
    startup(sqlite_path, sign_in=True)
    on_server, on_file = [], []
    for _ in range(STARTUP_RUNS):  # alternately, so that a busy moment weighs on both
        on_server.append(startup(url, sign_in=True))
        on_file.append(startup(sqlite_path, sign_in=True))
    server_s, file_s = statistics.median(on_server), statistics.median(on_file)
    met = server_s - file_s <= STARTUP_GOAL_S
    print("\n== the window's start-up (median of 5, signed in as admin)")
    print(f"on the server: {server_s:.2f} s (min {min(on_server):.2f} s)")
    print(f"on SQLite:     {file_s:.2f} s (min {min(on_file):.2f} s)")
    print(
        f"server above SQLite: {server_s - file_s:+.2f} s (goal <= {STARTUP_GOAL_S} s): "
        f"{'ok' if met else 'TOO SLOW'}"
    )
    return met


def sqlite_copy(source: Path, folder: Path) -> Path:
    """A copy of the cached district file the SQLite client may write into (the cache
    stays as other benchmarks expect it)."""
    copy = folder / "district-load.sqlite"
    with sqlite3.connect(source) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    return copy


def load_average() -> str:
    """The machine's 1, 5 and 15 minute load averages (the figures depend on them)."""
    if not hasattr(os, "getloadavg"):  # Windows
        return "unknown"
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    if sys.argv[1:] == ["--client"]:
        return client_child()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="each run's length")
    parser.add_argument("--clients", type=int, default=20, help="clients on the server")
    parser.add_argument(
        "--think", type=float, default=0.5, help="a clerk's mean pause between actions (s)"
    )
    parser.add_argument(
        "--server-only",
        action="store_true",
        help="only the run of many clients (no one-client and start-up comparisons)",
    )
    args = parser.parse_args()
    from pbc_desktop.db.engine import sqlite_url

    sqlite_path = district_db()
    print(f"{os.cpu_count()} CPUs; load average before: {load_average()}")
    with server() as url:
        if url is None:
            print("PostgreSQL is not installed (no initdb/pg_ctl found): nothing measured.")
            return 0
        started = time.perf_counter()
        build_district(url)
        print(f"district demo built on the server in {time.perf_counter() - started:.1f} s")
        vacuum(url)
        clients = stage_work(url, seats(url, args.clients, make_accounts=True))
        run = load(url, clients, args.seconds, args.think)
        check_saves(url, run)
        after = load_average()
        ok = report("on the server", run)
        print(f"load average after the server run: {after}")
        if args.server_only:
            return 0 if ok else 1
        # The same client alone, on the server and on a copy of the SQLite file.
        alone = stage_work(url, seats(url, 1, make_accounts=False))
        one_on_server = load(url, alone, args.seconds, args.think)
        check_saves(url, one_on_server)
        report("one client on the server, for comparison", one_on_server)
        with tempfile.TemporaryDirectory(dir=CACHE) as folder:
            copy = sqlite_url(sqlite_copy(sqlite_path, Path(folder)))
            alone = stage_work(copy, seats(copy, 1, make_accounts=False))
            one_on_file = load(copy, alone, args.seconds, args.think)
            check_saves(copy, one_on_file)
            ok = report("one client on SQLite, for comparison", one_on_file) and ok
        ok = startups(url, sqlite_path) and ok
    print(f"load average after: {load_average()}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
