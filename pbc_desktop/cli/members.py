"""Member commands of ``pbc``: the import template and the roster workbook.

::

    pbc export-template 党员信息采集表.xlsx
    pbc export-template --organizations 党组织信息表.xlsx
    pbc export-members 党员名册.xlsx --town 成田镇 --category 预备党员
    pbc export-members 党员名册.xlsx --organization 甲村党支部 --unmasked
    pbc export-members 流动党员.xlsx --roll 流动党员
    pbc export-members 年末名册.xlsx --as-of 2025-12-31

``export-members`` takes the filters of the 党员 tab. ID numbers and phones are masked
unless ``--unmasked`` is given; an unmasked export is recorded in the audit log.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from pbc_desktop.cli.common import add_unmasked_option, date_option, output_file
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from pbc_desktop.cli.common import Subcommands

YES = ("yes", "y", "true", "1", "是", "已报到")
NO = ("no", "n", "false", "0", "否", "未报到")


def yes_no(text: str) -> bool:
    """``--reported yes|no`` (also 是/否)."""
    key = text.strip().lower()
    if key in YES:
        return True
    if key in NO:
        return False
    raise argparse.ArgumentTypeError(
        t(f"应为 yes 或 no（是/否），而不是“{text}”", f"expected yes or no, not “{text}”")
    )


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    """Add ``export-template`` and ``export-members`` to ``pbc``."""
    p = subparsers.add_parser(
        "export-template",
        parents=[common_parent],
        help=t(
            "生成导入党员用的 Excel 模板（党员基本信息采集表），加 --organizations 则生成"
            "导入党组织用的模板（党组织信息表）",
            "write the Excel template for importing members (党员基本信息采集表), or with "
            "--organizations the one for importing organizations (党组织信息表)",
        ),
    )
    p.add_argument(
        "file",
        type=Path,
        metavar=t("文件.xlsx", "FILE.xlsx"),
        help=t("要保存的模板文件", "the template's file to write"),
    )
    p.add_argument(
        "--organizations",
        action="store_true",
        help=t(
            "生成 `pbc import-organizations` 用的模板，而不是党员的模板",
            "the template of `pbc import-organizations` instead of the members' one",
        ),
    )
    p.set_defaults(handler=cmd_export_template)

    p = subparsers.add_parser(
        "export-members",
        parents=[common_parent],
        help=t(
            "把党员（全部，或符合筛选条件的）导出到 Excel 工作簿",
            "write the members (all, or those matching the filters) to an Excel workbook",
        ),
    )
    p.add_argument(
        "file",
        type=Path,
        metavar=t("文件.xlsx", "FILE.xlsx"),
        help=t("要保存的工作簿", "the workbook to write"),
    )
    p.add_argument(
        "--search",
        default="",
        metavar=t("文字", "SEARCH"),
        help=t(
            "姓名、电话或身份证号末几位中的文字",
            "text in the name, phone or last ID digits",
        ),
    )
    p.add_argument(
        "--organization",
        metavar=t("名称|编号", "NAME|ID"),
        help=t("这个党组织的党员", "members of this organization"),
    )
    p.add_argument(
        "--town",
        metavar=t("镇", "TOWN"),
        help=t("这个镇各党组织的党员", "members of organizations in this town"),
    )
    p.add_argument(
        "--category",
        metavar=t("类别", "CATEGORY"),
        help=t(
            "正式党员 或 预备党员（也可写 full、probationary）",
            "正式党员 or 预备党员 (full or probationary)",
        ),
    )
    p.add_argument(
        "--reported",
        type=yes_no,
        metavar="yes|no",
        help=t(
            "已到岗位报到（yes）或未报到（no）的党员",
            "members who have (yes) or have not (no) reported to a post",
        ),
    )
    p.add_argument(
        "--roll",
        metavar=t("范围", "WHICH"),
        help=t(
            "在册党员（current，默认）、失联党员（lost_contact）、流动党员（away）、"
            "已减少党员（left）或 全部党员（all）",
            "在册党员 (current, the default), 失联党员 (lost_contact), 流动党员 (away), "
            "已减少党员 (left) or 全部党员 (all)",
        ),
    )
    p.add_argument(
        "--as-of",
        type=date_option,
        metavar=t("年-月-日", "YYYY-MM-DD"),
        help=t(
            "这一天的名册，每名党员按当天所在的党组织",
            "the roll at this date, each member in the organization of that day",
        ),
    )
    add_unmasked_option(p)
    p.set_defaults(handler=cmd_export_members)


def cmd_export_template(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import EXIT_OK
    from pbc_desktop.services.member_export import write_template
    from pbc_desktop.services.organization_import import write_org_template

    write = write_org_template if args.organizations else write_template
    path = write(output_file(args.file, ".xlsx"))
    print(t(f"已生成导入模板：{path}", f"Import template written: {path}"))
    return EXIT_OK


def cmd_export_members(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import EXIT_OK, enum_option, known_town, open_db
    from pbc_desktop.domain.enums import MemberCategory
    from pbc_desktop.domain.member_changes import MemberRoll
    from pbc_desktop.services.member_export import cut_sentence, export_members, find_organization
    from pbc_desktop.services.members import MemberQuery

    out = output_file(args.file, ".xlsx")
    category = enum_option(MemberCategory, args.category, ("人员类别", "category"))
    roll = enum_option(MemberRoll, args.roll, ("名册范围", "roll"))
    db = open_db(args)
    try:
        org_id = None
        if args.organization is not None:
            org_id, _name = find_organization(db, args.organization)
        town = known_town(db, args.town)
        query = MemberQuery(
            text=args.search or "",
            organization_id=org_id,
            town=town,
            category=category,
            reported=args.reported,
            roll=roll or MemberRoll.CURRENT,
            as_of=args.as_of,
        )
        result = export_members(db, query, out, unmasked=args.unmasked)
    finally:
        db.dispose()
    count = result.count
    if args.unmasked:
        print(
            t(
                f"已导出 {count} 名党员（含完整身份证号和联系电话，已记入操作日志）：{out}",
                f"{count} members exported with full ID numbers and phones "
                f"(recorded in the audit log): {out}",
            )
        )
    else:
        print(
            t(
                f"已导出 {count} 名党员（身份证号和联系电话已部分隐藏）：{out}",
                f"{count} members exported, ID numbers and phones partly hidden: {out}",
            )
        )
    if result.cut_rows:
        print(cut_sentence(result.cut_rows))
    return EXIT_OK
