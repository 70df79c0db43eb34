"""``pbc stats members``: the 党内统计 composition tables (``services/party_stats``).

Reached through ``pbc stats`` (``cli/assessment.py``), whose first word chooses between the
dashboard's figures (none) and these tables (``members``)::

    pbc stats members --year 2025 [--town 成田镇 | --organization NAME|ID] [--json]
        [-o FILE.xlsx|FILE.pdf]
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from pbc_desktop.errors import UserError
from pbc_desktop.lang import t

EXIT_OK = 0


def add_options(p: argparse.ArgumentParser) -> None:
    """The options only ``pbc stats members`` reads."""
    p.add_argument(
        "--organization",
        metavar=t("名称|编号", "NAME|ID"),
        help=t(
            "members：统计这个党组织及其下级党组织（而不是一个镇）",
            "members: an organization with those below it (instead of the town)",
        ),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar=t("文件.xlsx|文件.pdf", "FILE.xlsx|FILE.pdf"),
        help=t(
            "members：同时把统计表保存到这个工作簿或 PDF",
            "members: also write the tables to this workbook or PDF",
        ),
    )
    p.add_argument("--invariant", action="store_true", help=argparse.SUPPRESS)


def cmd_stats_members(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import known_town, opened_db, output_file, print_table
    from pbc_desktop.cli.reports import warn
    from pbc_desktop.reports.party_stats import build_party_stats_pdf
    from pbc_desktop.services.member_export import find_organization
    from pbc_desktop.services.party_stats.tables import party_statistics, share_text
    from pbc_desktop.services.party_stats.workbook import write_party_stats_xlsx

    if args.town and args.organization:  # one of them was silently left out
        raise UserError(
            t(
                "--town 和 --organization 只能指定其中一个（一个党组织已包括其下级）。",
                "Give --town or --organization, not both (an organization includes those "
                "below it).",
            )
        )
    out = output_file(args.output, ".xlsx", ".pdf") if args.output else None
    with opened_db(args, write=False) as db:
        town = known_town(db, args.town)
        org_id = find_organization(db, args.organization)[0] if args.organization else None
        stats = party_statistics(
            db, args.year or date.today().year, town=town, organization_id=org_id
        )
    if out is not None:
        if out.suffix.lower() == ".pdf":
            build_party_stats_pdf(stats, out, invariant=args.invariant, warn=warn)
        else:
            write_party_stats_xlsx(stats, out)
    if args.json:
        print(json.dumps(stats.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(
        t(
            f"{stats.year}年 · {stats.area} · 党员{stats.members}名 · "
            f"党组织{stats.organizations}个",
            f"{stats.year} · {stats.area} · {stats.members} members · "
            f"{stats.organizations} organizations",
        )
    )
    for table in stats.tables:
        print()
        if table.share:
            print_table(
                [table.title, table.shown_columns[0], t("占比", "Share")],
                [
                    (r.shown, r.values[0], share_text(r.values[0], stats.members))
                    for r in table.rows
                ],
            )
        else:
            print_table(
                [table.title, *table.shown_columns], [(r.shown, *r.values) for r in table.rows]
            )
    if out is not None:
        print(t(f"已写入：{out}", f"Written: {out}"))
    return EXIT_OK
