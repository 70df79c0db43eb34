"""What ``pbc import-members`` and ``pbc import-organizations`` share: the bad rows
printed one a line, --dry-run and --valid-only, and the exit status."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pbc_desktop.argparse_text import wrap
from pbc_desktop.cli.common import EXIT_OK
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from pbc_desktop.cli.common import Handler, Subcommands
    from pbc_desktop.services.member_import import OnDuplicate, RowProblem

EXIT_BAD_ROWS = 1

#: The columns of a Chinese text argparse prints as it is (a raw description, an epilog):
#: wrapped to them where it is written.
EPILOG_COLUMNS = 78


def add_import_command(
    subparsers: Subcommands,
    common_parent: argparse.ArgumentParser,
    command: str,
    *,
    imports: str,
    the_file: str,
    duplicate_help: str,
    epilog: str,
    handler: Handler,
) -> argparse.ArgumentParser:
    """``pbc <command> FILE`` (its help: ``imports`` what from what, "import party members
    from a roster"; FILE is ``the_file``) in any format it reads, with --dry-run,
    --valid-only and --on-duplicate (``duplicate_help``: what counts as one already
    stored); returned for the command's own options. The texts in the current language."""
    formats = t(".xlsx、.xls、.ods 或 .csv", ".xlsx, .xls, .ods or .csv")
    p = subparsers.add_parser(
        command,
        parents=[common_parent],
        help=t(f"{imports}（{formats}）", f"{imports} ({formats})"),
        description=t(
            "\n".join(  # raw, as the epilog: wrapped here
                wrap(
                    f"{imports}：Excel 工作簿（.xlsx、.xlsm、.xls）、OpenDocument 表格"
                    "（.ods）或 CSV 文件（UTF-8 或 GBK 编码）。",
                    EPILOG_COLUMNS,
                )
            ),
            f"{imports[:1].upper()}{imports[1:]}: an Excel workbook (.xlsx, .xlsm, .xls), "
            "an OpenDocument spreadsheet (.ods) or a CSV file (UTF-8 or GBK).",
        ),
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "file",
        type=Path,
        metavar=t("文件", "FILE"),
        help=t(f"{the_file}（{formats}）", f"{the_file} ({formats})"),
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=t("只检查文件并报告，不写入任何数据", "check the file and report; write nothing"),
    )
    p.add_argument(
        "--valid-only",
        action="store_true",
        help=t(
            "有错误行时也导入正确的行（退出码仍为 1）",
            "import the good rows even when some rows are bad (the exit status is still 1)",
        ),
    )
    p.add_argument(
        "--on-duplicate",
        choices=("skip", "update"),
        default="skip",
        help=t(
            f"{duplicate_help}：不动它（skip，默认）或用文件中填了的单元格更新（update）",
            f"{duplicate_help}: leave alone (default) or update from the filled-in cells",
        ),
    )
    p.set_defaults(handler=handler)
    return p


class _Preview(Protocol):
    def bad_rows(self, on_duplicate: OnDuplicate, /) -> list[RowProblem]: ...


class _Result(Protocol):
    def summary(self) -> str: ...


def import_checked(
    args: argparse.Namespace,
    preview: _Preview,
    *,
    nothing_imported: str,
    dry_run: Callable[[], None],
    apply: Callable[[], _Result],
    after: Callable[[], None] = lambda: None,
) -> int:
    """Print the bad rows of ``preview``, then: with --dry-run ``dry_run()``; with bad rows
    and no --valid-only, that nothing (``nothing_imported``, e.g. “党员”) was imported; else
    the summary of ``apply()``. ``after()`` prints what follows each of these. Returns the
    exit status: 1 when some rows are bad, else 0."""
    bad = preview.bad_rows(args.on_duplicate)
    for problem in bad:
        print(problem.line())
    if args.dry_run:
        dry_run()
    elif bad and not args.valid_only:
        print(
            t(
                f"有 {len(bad)} 行有错误，没有导入任何{nothing_imported}。"
                "请改正后重新导入，或加 --valid-only 只导入正确的行。",
                f"{len(bad)} rows have errors; nothing was imported. Correct them and "
                "import again, or add --valid-only to import only the good rows.",
            )
        )
    else:
        print(apply().summary())
    after()
    return EXIT_BAD_ROWS if bad else EXIT_OK
