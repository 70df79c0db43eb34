"""``pbc stats`` and ``pbc report assessment``: the dashboard's figures and the year-end report
(a PDF, or the workbook when ``-o`` names a ``.xlsx``)::

    pbc report assessment --year 2025 [--town 成田镇] -o 考核报告.pdf
    pbc report assessment --year 2025 [--town 成田镇] -o 考核结果.xlsx

Wired into ``pbc_desktop.cli.build_parser``::

    cli_assessment.register(sub, common)                  # adds ``stats``
    cli_assessment.add_report_commands(report_sub, common)  # adds ``report assessment``

where ``report_sub`` is the sub-parser group of the ``report`` command.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pbc_desktop.cli.common import known_town, year_number
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from pbc_desktop.cli.common import Subcommands

EXIT_OK = 0


def _figure_rows(f: Any) -> list[tuple[str, object]]:
    """(caption, value) in the dashboard's order and words."""
    rows: list[tuple[str, object]] = [
        (t("党建共同体（个）", "Party-building communities"), f.communities),
        (t("成员党组织（个）", "Member organizations"), f.member_organizations),
        (t("开放党群服务中心（处）", "Party-mass service centres opened"), f.service_centres),
        (t("党员报到（人）", "Party members reported"), f.members_reported),
        (t("开展活动（场次）", "Activities held"), f.activities_held),
        (t("组织教育培训（场次）", "Education and training sessions held"), f.trainings),
        (t("培训党员（人次）", "Party members trained (person-times)"), f.trainees),
        (t("签订清单（份）", "Lists signed"), f.lists_signed),
        (t("认领服务项目（个）", "Service projects claimed"), f.projects_claimed),
        (t("解决问题（个）", "Problems solved"), f.problems_solved),
        (t("逾期事项（个）", "Overdue items"), f.overdue_items),
    ]
    rows += [(t(f"类型：{k.zh}", f"Type: {k.en}"), n) for k, n in f.communities_by_type]
    rows += [(t(f"状态：{k.zh}", f"Status: {k.en}"), n) for k, n in f.communities_by_status]
    return rows


def cmd_stats(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import open_db, print_table
    from pbc_desktop.services import access, stats

    if args.what == "members":
        from pbc_desktop.cli.party_stats import cmd_stats_members

        return cmd_stats_members(args)
    if args.organization or args.output:
        raise UserError(
            t(
                "--organization 和 -o 只用于 pbc stats members。",
                "--organization and -o are for pbc stats members only.",
            )
        )
    db = open_db(args)
    try:
        known_town(db, args.town)
        year = args.year or date.today().year
        figures = stats.headline_figures(db, year, args.town)
        if args.json:
            print(json.dumps(stats.figures_dict(figures), ensure_ascii=False, indent=2))
            return EXIT_OK
        area = args.town or access.area_name(db) or t("全区", "whole district")
        print(t(f"{year} 年 · {area}", f"{year} · {area}"))
        print_table([t("指标", "Figure"), t("数值", "Value")], _figure_rows(figures))
        return EXIT_OK
    finally:
        db.dispose()


def cmd_report_assessment(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import open_db, output_file
    from pbc_desktop.cli.reports import warn
    from pbc_desktop.reports.assessment import build_assessment_report
    from pbc_desktop.services.assessments.workbook import export_assessment_xlsx

    out = output_file(args.output, ".pdf", ".xlsx")
    db = open_db(args)
    try:
        known_town(db, args.town)
        if out.suffix.lower() == ".xlsx":
            path = export_assessment_xlsx(db, args.year, out, town=args.town)
            print(t(f"考核结果已导出：{path}", f"Assessment workbook written: {path}"))
            return EXIT_OK

        def progress(percent: int, text: str) -> None:
            if not args.quiet:
                print(f"[{percent:3d}%] {text}", file=sys.stderr, flush=True)

        path = build_assessment_report(
            db,
            args.year,
            out,
            town=args.town,
            invariant=args.invariant,
            progress=progress,
            warn=warn,
        )
        print(t(f"考核报告已生成：{path}", f"Assessment report written: {path}"))
        return EXIT_OK
    finally:
        db.dispose()


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    """Add ``stats`` to the top-level sub-commands (``stats members``: ``cli/party_stats.py``)."""
    from pbc_desktop.cli.party_stats import add_options

    p = subparsers.add_parser(
        "stats",
        parents=[common_parent],
        help=t(
            "概览中的主要数字；`stats members`：党内统计表",
            "headline figures of the dashboard (概览); `stats members`: 党内统计 tables",
        ),
    )
    p.add_argument(
        "what",
        nargs="?",
        choices=["members"],
        help=t(
            "members：党员和党组织的党内统计构成表",
            "members: the 党内统计 composition tables of members and organizations",
        ),
    )
    p.add_argument(
        "--year",
        type=year_number,
        metavar=t("年份", "YEAR"),
        help=t("统计哪一年（默认为今年）", "the year counted (default: this year)"),
    )
    p.add_argument(
        "--town",
        metavar=t("镇", "TOWN"),
        help=t(
            "只统计有成员党组织在这个镇的共同体",
            "only communities with a member organization in this town",
        ),
    )
    p.add_argument(
        "--json",
        action="store_true",
        help=t("输出 JSON，而不是表格", "print JSON instead of a table"),
    )
    add_options(p)
    p.set_defaults(handler=cmd_stats)


def add_report_commands(
    report_subparsers: Subcommands, common_parent: argparse.ArgumentParser
) -> None:
    """Add ``assessment`` to the sub-commands of ``pbc report``."""
    p = report_subparsers.add_parser(
        "assessment",
        parents=[common_parent],
        help=t(
            "年度考核报告（PDF），或考核工作簿（.xlsx：结果和得分）",
            "year-end assessment report (PDF), or its workbook (.xlsx: results and scores)",
        ),
    )
    p.add_argument(
        "--year",
        type=year_number,
        required=True,
        metavar=t("年份", "YEAR"),
        help=t("考核年度", "the assessment year"),
    )
    p.add_argument(
        "--town",
        metavar=t("镇", "TOWN"),
        help=t(
            "只含有成员党组织在这个镇的共同体",
            "only communities with a member organization in this town",
        ),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar=t("文件.pdf|文件.xlsx", "FILE.pdf|FILE.xlsx"),
        help=t(
            "要保存的 PDF 报告或 Excel 工作簿",
            "the PDF report, or the Excel workbook, to write",
        ),
    )
    p.add_argument("--quiet", action="store_true", help=t("不显示进度", "no progress lines"))
    p.add_argument(
        "--invariant",
        action="store_true",
        help=t(
            "每次输出都相同（不含时间戳），测试用",
            "repeatable output (no timestamps), for tests",
        ),
    )
    p.set_defaults(handler=cmd_report_assessment)
