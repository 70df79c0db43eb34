"""``pbc import-members``: import party members from a roster (.xlsx, .xls, .ods or .csv)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from pbc_desktop.cli.excel_import import add_import_command
from pbc_desktop.domain.privacy import scrub_text
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from pbc_desktop.cli.common import Subcommands
    from pbc_desktop.services.member_import import ImportCounts, ImportPreview

_EPILOG = """\
The header row may be anywhere in the first 10 rows; columns may come in any order and
other columns are ignored. 姓名, 身份证号 and 所在党组织 are required.

Headers are recognised under the names other systems and forms give them (所在党支部,
党支部, 支部信息 … for 所在党组织; 公民身份号码, 身份证 … for 身份证号; 政治面貌 for
人员类别, where 共青团员, 群众, 民革会员 … are refused as not Party members). The
columns not read are listed on a "未导入的列：" ("Columns not imported:") line.

Rows of people in the 发展党员 pipeline — 政治面貌 入党申请人, 入党积极分子 (积极分子) or
发展对象, or a 共青团员/群众 with a 递交入党申请书日期 — are not members: they are checked
with their dates (递交入党申请书日期/申请入党日期, 确定入党积极分子日期/积极分子确立日期,
确定发展对象日期/发展对象确立日期) by the rules of the 发展党员 tab, counted on a line
"N 行是入党申请人/积极分子/发展对象，可作为发展党员导入" and not imported, unless
--applicants is given: then they are entered as 发展党员 records at their stage, with
their dated steps, in the same transaction (--on-duplicate applies to a person already
entered, by ID number).

A member already stored whom the roster puts in another organization is counted on a
line of its own ("N 名已有党员将调整到文件中的党组织…"). With --on-duplicate update the
member is moved there as --moves says: "correction" (the default: a roster sent again
mostly puts right the organization entered before) corrects an entry error — no change
is recorded and the member's changes name the new organization, so that every year's
statistics count the member there; "transfer" records a transfer within the district —
转出 at the old organization and 转入 at the new one, dated the day of the import, so
that each organization's 党内统计 adds up. A move the member editor would refuse (a
member no longer on the roll transferred, a letter of transfer waiting, an organization
ended …) is a bad row.

An organization of the file that is not stored but close to one that is (大溪坝党总支,
大溪坝村党总支) is named with the close one and the --map-org option that maps it;
nothing is mapped unless you give --map-org "FROM=TO" (repeat it for several names).

The roster is read from the first visible sheet (the active one first) whose header names
those columns; hidden sheets are not read unless chosen with --sheet. When several sheets
look like rosters, or several columns have the same header, a "注意：" ("Note:") line says
which one was read.

Each bad row is printed as one line, e.g. "第12行：身份证号校验位错误" ("Row 12: ..." with
--lang en), the row number as Excel shows it. Then one summary line.

Exit status:
  0  every row was good (and imported, unless --dry-run)
  1  some rows are bad. Without --valid-only nothing was imported; with --valid-only the
     good rows were imported and the bad ones left out
  2  the file or the database cannot be used (the message says why)
"""

#: The same in Chinese, wrapped for an 80-column console.
_EPILOG_ZH = """\
表头行可以在前 10 行中的任意一行；各列顺序不限，其他列不读取。姓名、身份证号和
所在党组织必须有。

其他系统和表格中常见的列名也能识别（所在党支部、党支部、支部信息 … 即所在党组
织；公民身份号码、身份证 … 即身份证号；政治面貌即人员类别，其中共青团员、群
众、民革会员 … 不是党员，不予导入）。没有读取的列列在“未导入的列：”一行中。

发展党员中的人员（政治面貌为入党申请人、入党积极分子（积极分子）或发展对象，或
填有递交入党申请书日期的共青团员/群众）不是党员：按“发展党员”页的规则检查其日
期（递交入党申请书日期/申请入党日期、确定入党积极分子日期/积极分子确立日期、确
定发展对象日期/发展对象确立日期），计入
“N 行是入党申请人/积极分子/发展对象，可作为发展党员导入”一行，不予导入；加
--applicants 时，在同一事务中按所处阶段和已有日期的各步骤录入为发展党员记录
（已录入的人按身份证号对照，--on-duplicate 同样适用）。

系统中已有、花名册中却在另一个党组织的党员，单独计入一行（“N 名已有党员将调整
到文件中的党组织…”）。加 --on-duplicate update 时，按 --moves 调整到那个党组
织：correction（默认：再次报送的花名册多半是改正以前录错的党组织）更正录入错
误，不记录变动，党员的变动记录都改为新的党组织，各年统计都计在那里；transfer
记录一次区县内的转接：在原党组织转出、在新党组织转入，日期为导入当天，各党组织
的党内统计前后相符。党员编辑窗口会拒绝的调整（已不在册的党员、有待办的介绍信、
党组织已撤销 …）算作错误行。

文件中的党组织在系统中没有、但与某个已有的党组织很相近（大溪坝党总支、大溪坝村
党总支）时，会说出相近的那个以及对应的 --map-org 选项；只有写了 --map-org
"原名=现名" 才会对应（多个名称就重复这个选项）。

花名册从表头含有上述各列的第一个可见工作表读取（先看当前工作表）；隐藏的工作表
只有用 --sheet 指定时才读取。有几个工作表都像花名册，或几列表头相同时，
“注意：”一行会说明读取的是哪一个。

每个错误行打印一行，例如“第12行：身份证号校验位错误”，行号与 Excel 中显示的相
同。最后是一行汇总。

退出码：
  0  所有行都正确（并已导入，除非加了 --dry-run）
  1  有错误行。不加 --valid-only 时什么也没有导入；加 --valid-only 时导入
     了正确的行，错误行未导入
  2  文件或数据库无法使用（提示中说明原因）
"""


#: ``--moves``: how the members stored in another organization are moved (an update only),
#: the values of ``OrganizationMove`` (not imported to build the parser).
MOVES = ("transfer", "correction")


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    p = add_import_command(
        subparsers,
        common_parent,
        "import-members",
        imports=t("从花名册导入党员", "import party members from a roster"),
        the_file=t("花名册", "the roster"),
        duplicate_help=t(
            "系统中已有的党员（身份证号相同）", "a member already stored (same ID number)"
        ),
        epilog=t(_EPILOG_ZH, _EPILOG),
        handler=cmd_import_members,
    )
    p.add_argument(
        "--sheet",
        metavar=t("工作表", "NAME"),
        help=t(
            "要读取的工作表（默认：表头含有必填列的第一个可见工作表；隐藏的工作表只有在"
            "这里指定时才读取）",
            "the worksheet to read (default: the first visible sheet whose header names "
            "the required columns; hidden sheets are read only when named here)",
        ),
    )
    p.add_argument(
        "--map-org",
        action="append",
        default=[],
        metavar=t("文件中的名称=系统中的名称", "FROM=TO"),
        help=t(
            "每一行都把文件中的党组织名称当作系统中已有的另一个党组织（例如 --map-org "
            '"大溪坝党总支=大溪坝村党总支"）；可多次使用',
            "read the organization FROM of the file as the stored organization TO, for "
            'every row (e.g. --map-org "大溪坝党总支=大溪坝村党总支"); repeatable',
        ),
    )
    p.add_argument(
        "--create-orgs",
        action="store_true",
        help=t(
            "新建系统中还没有的党组织（所在党组织）",
            "create the Party organizations (所在党组织) that do not exist yet",
        ),
    )
    p.add_argument(
        "--applicants",
        action="store_true",
        help=t(
            "把入党申请人、入党积极分子和发展对象的行也按所处阶段导入为发展党员记录"
            "（默认只计数，不导入）",
            "also import the rows of 入党申请人, 入党积极分子 and 发展对象 as 发展党员 "
            "records at their stage (by default they are counted and left out)",
        ),
    )
    p.add_argument(
        "--moves",
        choices=MOVES,
        default="correction",
        help=t(
            "系统中已有、花名册中却在另一个党组织的党员，更新时（--on-duplicate update）："
            "以前录错了党组织（correction，默认：不记录变动），或党员在本区县内调动"
            "（transfer：按导入当天记录转出和转入）",
            "a member already stored whom the roster puts in another organization, "
            "updated (--on-duplicate update): the organization entered before was wrong "
            "(correction, the default: no change recorded) or the member moved within the "
            "district (transfer: 转出 and 转入 recorded on the day of the import)",
        ),
    )


def _progress(percent: int, text: str) -> None:
    print(f"\r[{percent:3d}%] {text}", end="", file=sys.stderr, flush=True)


def cmd_import_members(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import open_db
    from pbc_desktop.cli.excel_import import import_checked
    from pbc_desktop.domain.member_changes import OrganizationMove
    from pbc_desktop.services import member_import as svc

    show_progress = sys.stderr.isatty()
    progress = _progress if show_progress else None
    db = open_db(args)
    try:
        org_map = parse_org_map(args.map_org)
        preview = svc.read_members(
            db,
            args.file,
            create_orgs=args.create_orgs,
            sheet=args.sheet,
            org_map=org_map,
            progress=progress,
        ).with_applicants(args.applicants)
        preview = preview.with_move(OrganizationMove.from_label(args.moves))
        if show_progress:
            print(file=sys.stderr)
        _print_notices(preview)
        missing = preview.missing_orgs
        suggestions = preview.org_suggestions

        def dry_run() -> None:
            _print_dry_run(
                preview.counts(args.on_duplicate),
                preview.orgs_to_create(args.on_duplicate),
                args.on_duplicate,
                applicants=args.applicants,
            )
            _print_moves(preview, args)

        def apply() -> svc.ImportResult:
            result = svc.apply_import(
                db,
                preview,
                on_duplicate=args.on_duplicate,
                valid_only=args.valid_only,
                progress=progress,
            )
            if show_progress:
                print(file=sys.stderr)
            return result

        return import_checked(
            args,
            preview,
            nothing_imported="党员",
            dry_run=dry_run,
            apply=apply,
            after=lambda: _after(preview, args, missing, suggestions),
        )
    finally:
        db.dispose()


def parse_org_map(given: list[str]) -> dict[str, str]:
    """``--map-org "FROM=TO"`` options as a mapping; a malformed one is refused."""
    out: dict[str, str] = {}
    for text in given:
        source, sep, target = text.partition("=")
        source, target = source.strip(), target.strip()
        if not sep or not source or not target:
            raise UserError(
                t(
                    f"--map-org “{text}”应写成“文件中的名称=系统中的名称”，"
                    '例如 --map-org "大溪坝党总支=大溪坝村党总支"。',
                    f"--map-org “{text}” must be “name in the file=name stored”, e.g. "
                    '--map-org "大溪坝党总支=大溪坝村党总支".',
                )
            )
        out[source] = target
    return out


def _print_notices(preview: ImportPreview) -> None:
    """The sheet read when several look like rosters, columns named twice, the columns
    not read and the organizations mapped."""
    for notice in preview.notices:
        print(t(f"注意：{notice}", f"Note: {notice}"))
    if preview.ignored_headers:
        print(
            t(
                f"未导入的列：{'、'.join(preview.ignored_headers)}",
                f"Columns not imported: {', '.join(preview.ignored_headers)}",
            )
        )
    for source, target in preview.org_map:
        print(
            t(
                f"党组织对应：文件中的“{source}”导入到“{target}”",
                f"Organization mapped: “{source}” in the file goes to “{target}”",
            )
        )
    others = [n for n in preview.sheets if n != preview.sheet]
    if others:
        print(
            t(
                f"已读取工作表“{preview.sheet}”；如需导入其他工作表，请加 --sheet 工作表名，"
                f'例如 --sheet "{others[0]}"。',
                f"Read the sheet “{preview.sheet}”; to import another one add --sheet NAME, "
                f'e.g. --sheet "{others[0]}".',
            )
        )


def _after(
    preview: ImportPreview,
    args: argparse.Namespace,
    missing: tuple[str, ...],
    suggestions: tuple[tuple[str, str], ...],
) -> None:
    """What follows the summary: the applicants left out, the members stored in another
    organization not moved, the organizations not stored."""
    from pbc_desktop.services.member_import import applicants_offer

    people = preview.counts(args.on_duplicate).people
    if people and not args.applicants:
        print(
            t(
                f"{applicants_offer(people)}：加 --applicants 可一并导入。",
                f"{applicants_offer(people)}: add --applicants to import them too.",
            )
        )
    if not args.dry_run and args.on_duplicate != "update":
        _print_moves(preview, args)
    _print_missing_orgs(missing, suggestions, args.create_orgs)


def _print_moves(preview: ImportPreview, args: argparse.Namespace) -> None:
    """How many members already stored the roster puts in another organization, and how
    they are (would be) taken, with the option that takes them the other way; after an
    import that skipped them, how to move them."""
    from pbc_desktop.services.member_import import moves_notice

    count = preview.counts(args.on_duplicate).moves
    if not count:
        return
    text = moves_notice(count, preview.move, args.on_duplicate)
    if args.on_duplicate != "update":
        hint = t(
            "如需调整，请加 --on-duplicate update 重新导入，并用 --moves transfer（调动）或 "
            "--moves correction（录入错误）说明如何调整",
            "to move them, import again with --on-duplicate update, and --moves transfer "
            "(they moved) or --moves correction (entered wrong)",
        )
    else:  # asked before an import that updates (after one, its summary says it)
        other = "correction" if args.moves == "transfer" else "transfer"
        hint = t(f"如不是这样，请加 --moves {other}", f"if that is not so, add --moves {other}")
    print(t(f"{text}；{hint}。", f"{text}; {hint}."))


def _print_dry_run(
    counts: ImportCounts, new_orgs: list[str], on_duplicate: str, *, applicants: bool = False
) -> None:
    action = t("更新", "update") if on_duplicate == "update" else t("跳过", "skip")
    print(
        t(
            f"试运行，未写入任何数据：共 {counts.total} 行，可新增 {counts.new} 名，"
            f"已有党员 {counts.duplicates} 名（将{action}），有错误 {counts.bad} 行",
            f"Dry run, nothing written: {counts.total} rows, {counts.new} new members, "
            f"{counts.duplicates} already present (would {action}), {counts.bad} bad rows",
        )
    )
    if applicants and counts.people:
        print(
            t(
                f"作为发展党员导入：可新增 {counts.applicants} 名，"
                f"已有 {counts.applicants_present} 名（将{action}）",
                f"As development records: {counts.applicants} new, "
                f"{counts.applicants_present} already present (would {action})",
            )
        )
    if new_orgs:
        print(
            t(
                f"将新建党组织 {len(new_orgs)} 个：{'、'.join(new_orgs)}",
                f"{len(new_orgs)} organizations would be created: {', '.join(new_orgs)}",
            )
        )


def _print_missing_orgs(
    missing: tuple[str, ...], suggestions: tuple[tuple[str, str], ...], create_orgs: bool
) -> None:
    """How to deal with organization names the database does not know: the close stored
    organization of each, with the option that maps it, then what else to do."""
    for source, close in suggestions:
        print(
            t(
                f"“{source}”与系统中的“{close}”相近：若是同一个党组织，"
                f'请加 --map-org "{source}={close}" 重新导入。',
                f"“{source}” is close to the stored “{close}”: if it is the same "
                f'organization, add --map-org "{source}={close}" and import again.',
            )
        )
    if not missing or create_orgs:
        return
    named = [scrub_text(name) for name in missing[:5]]  # a phone in a slipped column
    shown = "、".join(named) + ("等" if len(missing) > 5 else "")
    shown_en = ", ".join(named) + (" …" if len(missing) > 5 else "")
    print(
        t(
            f"有 {len(missing)} 个党组织在系统中不存在（{shown}）：请核对名称是否与“党组织”页中"
            "的完全一致，或加 --create-orgs 新建这些党组织。",
            f"{len(missing)} Party organizations do not exist ({shown_en}): check that the "
            "names are exactly those of the organizations tab, or add --create-orgs to "
            "create them.",
        )
    )
