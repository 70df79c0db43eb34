"""``pbc report …``: the printed reports from the command line.

``register`` adds the ``report`` command with its sub-commands to the ``pbc`` parser::

    pbc report minutes --activity 12 -o 纪要.pdf
    pbc report signin --activity 12 -o 签到表.pdf --blank-rows 10
    pbc report roster --organization 甲村党支部 -o 花名册.pdf [--unmasked] [--as-of 2025-12-31]
    pbc report transfer-letter --transfer 7 -o 介绍信.pdf [--unmasked]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pbc_desktop.cli.common import (
    add_unmasked_option,
    date_option,
    output_file,
    record_id,
    year_number,
)
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from pbc_desktop.cli.common import Handler, Subcommands


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(
            t(f"应为 0 或正整数：{text}", f"expected 0 or a positive whole number: {text}")
        )
    return value


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> Subcommands:
    """Add ``report minutes``, ``signin`` and ``roster``; returns the ``report`` kinds for more."""
    report = subparsers.add_parser("report", help=t("生成 PDF 报表", "print a report as PDF"))
    kinds = report.add_subparsers(dest="report", required=True, metavar="REPORT")

    def kind(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        p = kinds.add_parser(name, parents=[common_parent], help=help_text)
        p.set_defaults(handler=handler)
        return p

    p = kind(
        "minutes",
        t("一次会议或活动的会议纪要/会议记录", "会议纪要/会议记录 of a meeting or activity"),
        cmd_report_minutes,
    )
    _activity_option(p)
    _output_option(p)

    p = kind("signin", t("已计划活动的签到表", "签到表 of a planned activity"), cmd_report_signin)
    _activity_option(p)
    _output_option(p)
    p.add_argument(
        "--blank-rows",
        type=_non_negative,
        default=None,
        metavar=t("行数", "N"),
        help=t(
            "留给签名的空行数（默认：填满最后一页，至少 5 行）",
            "blank rows to sign (default: fill the last page, at least 5)",
        ),
    )

    p = kind(
        "roster",
        t("一个党组织的党员花名册", "党员花名册 of one Party organization"),
        cmd_report_roster,
    )
    _organization_option(p)
    _output_option(p, "--out")
    add_unmasked_option(p)
    p.add_argument(
        "--as-of",
        type=date_option,
        metavar=t("年-月-日", "YYYY-MM-DD"),
        help=t(
            "这一天的名册（默认：现在在册的党员）",
            "the roll at this date (default: the members on the roll now)",
        ),
    )

    p = kind(
        "transfer-letter",
        t("组织关系介绍信，带存根和回执", "组织关系介绍信 with its 存根 and 回执"),
        cmd_report_transfer_letter,
    )
    p.add_argument(
        "--transfer",
        type=record_id,
        required=True,
        metavar=t("编号", "ID"),
        help=t("介绍信的编号", "the letter's id"),
    )
    _output_option(p, "--out")
    add_unmasked_option(p, "the full ID number and phone (recorded in the audit log)")

    p = kind(
        "appraisal",
        t("一个党组织一年的民主评议党员结果表", "民主评议党员结果表 of one organization and year"),
        cmd_report_appraisal,
    )
    _organization_option(p)
    p.add_argument(
        "--year",
        type=year_number,
        required=True,
        metavar=t("年份", "YEAR"),
        help=t("评议年度", "the year appraised"),
    )
    _output_option(p, "--out")
    return kinds


def _activity_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--activity",
        type=record_id,
        required=True,
        metavar=t("编号", "ID"),
        help=t("活动的编号", "activity id"),
    )


def _organization_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--organization",
        required=True,
        metavar=t("名称|编号", "NAME|ID"),
        help=t("党组织的名称或编号", "the organization's name or id"),
    )


def _output_option(p: argparse.ArgumentParser, *aliases: str) -> None:
    p.add_argument(
        "-o",
        "--output",
        *aliases,
        type=Path,
        required=True,
        metavar=t("文件.pdf", "FILE.pdf"),
        help=t("要保存的 PDF 文件", "the PDF file to write"),
    )


def warn(message: str) -> None:
    """A warning about a written report (e.g. characters no font has), on stderr."""
    print(t(f"注意：{message}", f"Note: {message}"), file=sys.stderr)


def _output(args: argparse.Namespace) -> Path:
    return output_file(args.output, ".pdf")


def cmd_report_minutes(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import EXIT_OK, opened_db
    from pbc_desktop.reports.minutes import build_minutes

    with opened_db(args) as db:
        path = build_minutes(db, args.activity, _output(args), warn=warn)
    print(t(f"已生成会议纪要：{path}", f"Minutes written: {path}"))
    return EXIT_OK


def cmd_report_signin(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import EXIT_OK, opened_db
    from pbc_desktop.reports.signin import build_signin

    with opened_db(args) as db:
        path = build_signin(db, args.activity, _output(args), blank_rows=args.blank_rows, warn=warn)
    print(t(f"已生成签到表：{path}", f"Sign-in sheet written: {path}"))
    return EXIT_OK


def cmd_report_roster(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import EXIT_OK, opened_db
    from pbc_desktop.reports.roster import build_roster
    from pbc_desktop.services.member_export import find_organization

    with opened_db(args) as db:
        org_id, name = find_organization(db, args.organization)
        path = build_roster(
            db, org_id, _output(args), unmasked=args.unmasked, warn=warn, as_of=args.as_of
        )
    print(t(f"已生成{name}党员花名册：{path}", f"Member roster of {name} written: {path}"))
    return EXIT_OK


def cmd_report_transfer_letter(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import EXIT_OK, opened_db
    from pbc_desktop.reports.transfer_letter import build_transfer_letter

    with opened_db(args) as db:
        path = build_transfer_letter(
            db, args.transfer, _output(args), unmasked=args.unmasked, warn=warn
        )
    print(t(f"已生成组织关系介绍信：{path}", f"Letter of transfer written: {path}"))
    return EXIT_OK


def cmd_report_appraisal(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import EXIT_OK, opened_db
    from pbc_desktop.reports.appraisal_sheet import build_appraisal_sheet
    from pbc_desktop.services.member_export import find_organization

    with opened_db(args, write=False) as db:
        org_id, name = find_organization(db, args.organization)
        path = build_appraisal_sheet(db, org_id, args.year, _output(args), warn=warn)
    print(
        t(
            f"已生成{name}{args.year}年度民主评议党员结果表：{path}",
            f"Appraisal sheet of {name} for {args.year} written: {path}",
        )
    )
    return EXIT_OK
