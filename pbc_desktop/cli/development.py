"""``pbc development``: who in the 发展党员 pipeline is due for the next step, and who is late."""

from __future__ import annotations

import argparse
import json
from datetime import date

from pbc_desktop.cli.common import EXIT_OK, Subcommands, enum_option, known_town, opened_db
from pbc_desktop.lang import t


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    development = subparsers.add_parser("development", help=t("发展党员", "the 发展党员 pipeline"))
    actions: Subcommands = development.add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = actions.add_parser(
        "due",
        parents=[common_parent],
        help=t(
            "下一步已逾期或一个月内到期的人员（--all：全部人员）",
            "people whose next step is late or due within a month (--all: everyone)",
        ),
    )
    p.add_argument(
        "--town",
        metavar=t("镇", "TOWN"),
        help=t("只列这个镇的党组织", "only this town's organizations"),
    )
    p.add_argument(
        "--stage",
        metavar=t("阶段", "STAGE"),
        help=t(
            "只列这个阶段（中文或英文名称）",
            "only this stage, by its Chinese or English name",
        ),
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument("--late", action="store_true", help=t("只列已逾期的", "only those late"))
    which.add_argument(
        "--all", action="store_true", help=t("发展党员中的全部人员", "everyone in the pipeline")
    )
    p.add_argument("--json", action="store_true", help=t("输出 JSON", "print JSON"))
    p.set_defaults(handler=cmd_due)


def cmd_due(args: argparse.Namespace) -> int:
    from pbc_desktop.domain.development import DevelopmentStage
    from pbc_desktop.services.development.listing import (
        DevelopmentQuery,
        Urgency,
        list_development,
    )
    from pbc_desktop.services.paging import PageRequest

    urgency = Urgency.ALL if args.all else Urgency.LATE if args.late else Urgency.DUE
    today = date.today()
    with opened_db(args, write=False) as db:
        query = DevelopmentQuery(
            town=known_town(db, args.town),
            stage=enum_option(DevelopmentStage, args.stage, ("阶段", "stage")),
            urgency=urgency,
        )
        rows = list_development(db, query, PageRequest(limit=1_000_000), today=today)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "name": r.name,
                        "organization": r.organization_name,
                        "town": r.town,
                        "stage": r.stage.value,
                        "next_step": r.next_step.value if r.next_step else None,
                        "due_on": r.due_on.isoformat() if r.due_on else None,
                        "deadline": r.deadline,
                        "days_overdue": r.days_overdue,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    from pbc_desktop.cli.common import print_table

    print_table(
        [
            t("姓名", "Name"),
            t("阶段", "Stage"),
            t("下一步骤", "Next step"),
            t("期限", "Due on"),
            t("逾期天数", "Days late"),
            t("所在党组织", "Organization"),
        ],
        [
            (
                r.name,
                t(r.stage.zh, r.stage.en),
                t(r.next_step.zh, r.next_step.en) if r.next_step else "",
                r.due_on.isoformat() if r.due_on else "",
                r.days_overdue or "",
                r.organization_name,
            )
            for r in rows
        ],
    )
    print(t(f"共 {len(rows)} 人", f"{len(rows)} people"))
    return EXIT_OK
