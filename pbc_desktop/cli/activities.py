"""``pbc activities``: a community's activities and meetings as a table on stdout."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from pbc_desktop.cli.common import year_number
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from pbc_desktop.cli.common import Subcommands


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "activities",
        parents=[common_parent],
        help=t("列出一个共同体的活动和会议", "list a community's activities and meetings"),
    )
    p.add_argument(
        "--community",
        required=True,
        metavar=t("共同体", "COMMUNITY"),
        help=t("共同体的名称", "the community's name"),
    )
    p.add_argument(
        "--year",
        type=year_number,
        metavar=t("年份", "YEAR"),
        help=t("只列这一年的活动", "only activities of this year"),
    )
    p.add_argument(
        "--kind",
        metavar=t("类型", "KIND"),
        help=t("例如 联席会议 或 joint_meeting", "e.g. 联席会议 or joint_meeting"),
    )
    p.set_defaults(handler=cmd_activities)


def cmd_activities(args: argparse.Namespace) -> int:
    from pbc_desktop import lang
    from pbc_desktop.cli.common import EXIT_OK, enum_option, open_db, print_table
    from pbc_desktop.domain.enums import ActivityKind
    from pbc_desktop.services.activities import listing as svc
    from pbc_desktop.services.paging import PageRequest

    kind = enum_option(ActivityKind, args.kind, ("活动类型", "activity kind"))
    db = open_db(args)
    try:
        community = svc.community_by_name(db, args.community)
        query = svc.ActivityQuery(
            community_id=community.id,
            kind=kind,
            date_from=None if args.year is None else date(args.year, 1, 1),
            date_to=None if args.year is None else date(args.year, 12, 31),
        )
        total = svc.count_activities(db, query)
        rows = svc.list_activities(
            db, query, PageRequest(offset=0, limit=max(total, 1), sort="starts_at")
        )
        lg = lang.language()
        print(community.name + (f" {args.year}" if args.year else ""))
        print_table(
            [
                "ID",
                t("时间", "Time"),
                t("类型", "Kind"),
                t("名称", "Title"),
                t("主导党组织", "Host"),
                t("地点", "Place"),
                t("应到", "Expected"),
                t("实到", "Present"),
                t("状态", "Status"),
            ],
            [
                (
                    r.id,
                    r.starts_at.strftime("%Y-%m-%d %H:%M"),
                    r.kind.label(lg),
                    r.title,
                    r.host_org_name,
                    r.place,
                    r.expected,
                    r.present,
                    r.status.label(lg),
                )
                for r in rows
            ],
        )
        print(t(f"共 {total} 次活动", f"{total} activities"))
        return EXIT_OK
    finally:
        db.dispose()
