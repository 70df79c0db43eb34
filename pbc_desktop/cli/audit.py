"""``pbc audit verify``: is the audit log's hash chain intact?"""

from __future__ import annotations

import argparse

from pbc_desktop.cli.common import EXIT_OK, Subcommands, opened_db
from pbc_desktop.lang import t

#: The chain is broken: an entry was altered or removed (the message names the first).
EXIT_BROKEN = 1


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    audit = subparsers.add_parser("audit", help=t("操作日志", "the audit log"))
    actions: Subcommands = audit.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser(
        "verify",
        parents=[common_parent],
        help=t(
            "检查操作日志的哈希链（退出码 0 完好，1 有记录被改动或删除）",
            "check the hash chain (exit 0 intact, 1 altered or removed entries)",
        ),
    )
    p.set_defaults(handler=cmd_verify)


def cmd_verify(args: argparse.Namespace) -> int:
    from pbc_desktop.services.audit_chain import verify_chain

    with opened_db(args, write=False) as db:
        check = verify_chain(db)
    print(check.message)
    return EXIT_OK if check.intact else EXIT_BROKEN
