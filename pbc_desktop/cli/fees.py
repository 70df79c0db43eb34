"""``pbc fees arrears --month YYYY-MM [--town T] [--json]``: members behind with 党费."""

from __future__ import annotations

import argparse
import json
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from pbc_desktop.lang import t

if TYPE_CHECKING:
    from pbc_desktop.cli.common import Subcommands


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    fees = subparsers.add_parser("fees", help=t("党费", "Party fees (党费)"))
    sub = fees.add_subparsers(dest="fees_command", required=True, metavar="ACTION")
    p = sub.add_parser(
        "arrears",
        parents=[common_parent],
        help=t("按支部列出欠缴党费的党员", "members in arrears with their fees, by branch"),
    )
    p.add_argument(
        "--month",
        required=True,
        metavar=t("月份", "MONTH"),
        help=t(
            "截至这个月（含本月），例如 2026-11",
            "up to and including this month, e.g. 2026-11",
        ),
    )
    p.add_argument(
        "--town",
        metavar=t("镇", "TOWN"),
        help=t("只列这个镇的支部", "only branches in this town"),
    )
    p.add_argument(
        "--json",
        action="store_true",
        help=t("输出 JSON，而不是表格", "print JSON instead of a table"),
    )
    p.set_defaults(handler=cmd_arrears)


def cmd_arrears(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import EXIT_OK, known_town, opened_db, print_table
    from pbc_desktop.domain.fees import FeeRuleError, month_label, month_of, parse_month
    from pbc_desktop.errors import UserError
    from pbc_desktop.services.fees.arrears import arrears_list

    try:
        month = parse_month(args.month)
    except FeeRuleError as error:
        raise UserError(error.message) from None
    if month > month_of(date.today()):  # a typo (2062-11): every month to it counted as owed
        raise UserError(
            t(
                f"月份 {month_label(month)} 还没有到，请给出本月或以前的月份。",
                f"The month {month_label(month)} has not come yet; give this month or an "
                "earlier one.",
            )
        )
    with opened_db(args, write=False) as db:
        town = known_town(db, args.town)
        rows = arrears_list(db, month, town)
    if args.json:
        print(
            json.dumps(
                {
                    "month": month_label(month),
                    "town": town,
                    "members": [
                        {
                            "name": r.name,
                            "organization": r.organization_name,
                            "town": r.town,
                            "months": r.months,
                            "consecutive": r.consecutive,
                            "since": month_label(r.first_month),
                            "owed": str(r.owed),
                        }
                        for r in rows
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    print(
        t(
            f"截至 {month_label(month)} 欠缴党费的党员",
            f"Members in arrears up to {month_label(month)}",
        )
    )
    print_table(
        [
            t("镇街", "Town"),
            t("党组织", "Organization"),
            t("姓名", "Name"),
            t("欠缴月数", "Months"),
            t("连续欠缴", "In a row"),
            t("起始月份", "Since"),
            t("欠缴金额（元）", "Owed (yuan)"),
        ],
        [
            (
                r.town,
                r.organization_name,
                r.name,
                r.months,
                r.consecutive,
                month_label(r.first_month),
                r.owed,
            )
            for r in rows
        ],
    )
    total = sum((r.owed for r in rows), Decimal("0.00"))
    print(t(f"共 {len(rows)} 人，欠缴合计 {total} 元", f"{len(rows)} members, {total} yuan owed"))
    return EXIT_OK
