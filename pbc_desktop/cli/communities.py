"""``pbc communities``: the Party-building communities as a table on stdout."""

from __future__ import annotations

import argparse

from pbc_desktop import lang
from pbc_desktop.cli.common import (
    EXIT_OK,
    Subcommands,
    enum_option,
    known_town,
    open_db,
    print_table,
)
from pbc_desktop.lang import t


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "communities",
        parents=[common_parent],
        help=t("列出党建共同体", "list Party-building communities"),
    )
    p.add_argument(
        "--search",
        metavar=t("文字", "SEARCH"),
        help=t("名称、主题或牵头党组织中的文字", "text in the name, theme or lead organization"),
    )
    p.add_argument(
        "--town",
        metavar=t("镇", "TOWN"),
        help=t(
            "有成员党组织在这个镇的共同体",
            "communities with a member organization in this town",
        ),
    )
    p.add_argument(
        "--status",
        metavar=t("状态", "STATUS"),
        help=t("例如 运行中 或 running", "e.g. 运行中 or running"),
    )
    p.set_defaults(handler=cmd_communities)


def cmd_communities(args: argparse.Namespace) -> int:
    from pbc_desktop.domain.enums import CommunityStatus
    from pbc_desktop.services import communities as svc
    from pbc_desktop.services.paging import PageRequest

    status = enum_option(CommunityStatus, args.status, ("状态", "status"))
    db = open_db(args, write=False)
    try:
        town = known_town(db, args.town)
        query = svc.CommunityQuery(text=args.search or "", town=town, status=status)
        total = svc.count_communities(db, query)
        rows = svc.list_communities(db, query, PageRequest(offset=0, limit=max(total, 1)))
        lg = lang.language()
        print_table(
            [
                t("名称", "Name"),
                t("牵头党组织", "Lead"),
                t("类型", "Types"),
                t("状态", "Status"),
                t("成员数", "Members"),
            ],
            [
                (
                    r.name,
                    r.lead_org_name,
                    "、".join(x.label(lg) for x in r.types),
                    r.status.label(lg),
                    r.member_count,
                )
                for r in rows
            ],
        )
        print(t(f"共 {total} 个党建共同体", f"{total} communities"))
        return EXIT_OK
    finally:
        db.dispose()
