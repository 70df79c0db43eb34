"""``pbc import-organizations``: import Party organizations from a list (.xlsx, .xls, .ods or
.csv)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from pbc_desktop.cli.excel_import import add_import_command
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from pbc_desktop.cli.common import Subcommands
    from pbc_desktop.services.member_import import ImportCounts

_EPILOG = """\
The list is the first visible sheet whose header (in its first 10 rows) names 党组织名称
and 党组织类别; 所属领域 is required too. Other columns: 上级党组织 (a row of the same
sheet, in any order, or an organization already stored), 所属镇街, 层级 (derived from the
field and the parent when empty), 简称, 书记, 联系人, 联系电话, 地址, 成立日期, 开始日期,
结束日期, 备注. `pbc export-template --organizations FILE.xlsx` writes an empty list.

Each bad row is printed as one line, e.g. "第12行：上级党组织“…”既不在本表中，系统中也没有…"
("Row 12: ..." with --lang en), the row number as Excel shows it. Then one summary line.

Exit status:
  0  every row was good (and imported, unless --dry-run)
  1  some rows are bad. Without --valid-only nothing was imported; with --valid-only the
     good rows were imported and the bad ones (and the rows below them) left out
  2  the file, an argument or the database cannot be used (the message says why)
"""

#: The same in Chinese, wrapped for an 80-column console.
_EPILOG_ZH = """\
清单为表头（在前 10 行中）含有党组织名称和党组织类别的第一个可见工作表；所属领
域也必须有。其他列：上级党组织（同一工作表中的一行，顺序不限，或系统中已有的党
组织）、所属镇街、层级（为空时按所属领域和上级党组织推定）、简称、书记、联系
人、联系电话、地址、成立日期、开始日期、结束日期、备注。`pbc export-template
--organizations 文件.xlsx` 生成一份空白清单。

每个错误行打印一行，例如“第12行：上级党组织“…”既不在本表中，系统中也没有…”，行
号与 Excel 中显示的相同。最后是一行汇总。

退出码：
  0  所有行都正确（并已导入，除非加了 --dry-run）
  1  有错误行。不加 --valid-only 时什么也没有导入；加 --valid-only 时导入
     了正确的行，错误行（及其下面的行）未导入
  2  文件、参数或数据库无法使用（提示中说明原因）
"""


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    add_import_command(
        subparsers,
        common_parent,
        "import-organizations",
        imports=t("从党组织清单导入党组织", "import Party organizations from a list"),
        the_file=t("党组织清单", "the organization list"),
        duplicate_help=t(
            "系统中已有的党组织（名称相同）", "an organization already stored (same name)"
        ),
        epilog=t(_EPILOG_ZH, _EPILOG),
        handler=cmd_import_organizations,
    )


def cmd_import_organizations(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import open_db
    from pbc_desktop.cli.excel_import import import_checked
    from pbc_desktop.services import organization_import as svc

    db = open_db(args)
    try:
        preview = svc.read_organizations(db, args.file)
        return import_checked(
            args,
            preview,
            nothing_imported="党组织",
            dry_run=lambda: _print_dry_run(preview.counts(args.on_duplicate), args.on_duplicate),
            apply=lambda: svc.apply_org_import(
                db, preview, on_duplicate=args.on_duplicate, valid_only=args.valid_only
            ),
        )
    finally:
        db.dispose()


def _print_dry_run(counts: ImportCounts, on_duplicate: str) -> None:
    action = t("更新", "update") if on_duplicate == "update" else t("跳过", "skip")
    print(
        t(
            f"试运行，未写入任何数据：共 {counts.total} 行，可新增 {counts.new} 个，"
            f"已有党组织 {counts.duplicates} 个（将{action}），有错误 {counts.bad} 行",
            f"Dry run, nothing written: {counts.total} rows, {counts.new} new organizations, "
            f"{counts.duplicates} already present (would {action}), {counts.bad} bad rows",
        ),
        file=sys.stdout,
    )
