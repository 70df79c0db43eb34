"""``pbc office`` (this office, its card and keys, the registered offices) and ``pbc
exchange`` (packages: export, import with a preview, the log, the conflicts)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pbc_desktop.cli.common import (
    EXIT_OK,
    EXIT_USER_ERROR,
    Subcommands,
    ask_password,
    confirmed,
    interactive,
    opened_db,
    output_file,
    print_table,
    record_id,
)
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.domain.exchange import (
    RECEIVED_COUNTS,
    field_label,
    held_status_text,
    label_order,
    received_headings,
    record_label,
)
from pbc_desktop.domain.offices import FINGERPRINT_BYTES, card_to_json, grouped_digest
from pbc_desktop.domain.punctuation import labelled
from pbc_desktop.errors import UserError
from pbc_desktop.files import atomic_output
from pbc_desktop.lang import language, t

if TYPE_CHECKING:  # each command imports the services it uses: ``pbc --help`` loads none
    from pbc_desktop.db.engine import Database
    from pbc_desktop.services.exchange.merge import MergeResult

PASSPHRASE_ENV = "PBC_KEY_PASSPHRASE"
EXIT_CONFLICTS = 1
LEVELS = ("village", "town", "district")


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    office = subparsers.add_parser(
        "office",
        help=t(
            "本单位、单位名片和密钥；其他单位",
            "this office, its card and keys; other offices",
        ),
    )
    actions: Subcommands = office.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser(
        "show",
        parents=[common_parent],
        help=t("本单位及其指纹", "this office and its fingerprint"),
    )
    p.add_argument("--json", action="store_true", help=t("输出 JSON", "as JSON"))
    p.set_defaults(handler=cmd_show)
    p = actions.add_parser(
        "create",
        parents=[common_parent],
        help=t("设置本单位（只需一次）", "set up this office (once)"),
    )
    add_office_arguments(p, required=True)
    p.set_defaults(handler=cmd_create)
    p = actions.add_parser(
        "update",
        parents=[common_parent],
        help=t(
            "修改本单位的名称或上下级位置（之后请把新的单位名片发给其他单位）",
            "change this office's name or place in the tree (then send the new card)",
        ),
    )
    add_office_arguments(p, required=True)
    p.set_defaults(handler=cmd_create, update=True)
    p = actions.add_parser(
        "card", parents=[common_parent], help=t("保存本单位的名片", "save this office's card")
    )
    _file_argument(p, "-o", "--output", said=t("要保存的名片文件", "the card's file to write"))
    p.set_defaults(handler=cmd_card)
    p = actions.add_parser(
        "register", parents=[common_parent], help=t("登记其他单位", "register another office")
    )
    _file_argument(p, "card", said=t("对方单位的名片", "the other office's card"))
    p.add_argument(
        "--yes",
        action="store_true",
        help=t("不再询问确认指纹", "do not ask to confirm the fingerprint"),
    )
    p.set_defaults(handler=cmd_register)
    p = actions.add_parser(
        "list",
        parents=[common_parent],
        help=t("本单位和已登记的单位", "this office and registered ones"),
    )
    p.set_defaults(handler=cmd_list)
    p = actions.add_parser(
        "export-key", parents=[common_parent], help=t("导出本单位的密钥", "the office's keys")
    )
    _file_argument(p, "-o", "--output", said=t("要保存的密钥文件", "the keys' file to write"))
    p.set_defaults(handler=cmd_export_key)
    p = actions.add_parser(
        "import-key", parents=[common_parent], help=t("把密钥导入到这里", "put the keys here")
    )
    _file_argument(p, "file", said=t("密钥文件", "the keys' file"))
    p.set_defaults(handler=cmd_import_key)

    exchange = subparsers.add_parser(
        "exchange",
        help=t("与其他单位交换数据包", "data packages to and from other offices"),
    )
    steps: Subcommands = exchange.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = steps.add_parser(
        "export",
        parents=[common_parent],
        help=t("为另一个单位生成数据包", "a package for another office"),
    )
    p.add_argument(
        "--to",
        required=True,
        metavar=t("单位", "OFFICE"),
        help=t("已登记单位的名称", "a registered office's name"),
    )
    p.add_argument(
        "--all",
        action="store_true",
        help=t("全部数据，而不只是对方还没有的", "everything, not only what is new to it"),
    )
    # Encrypted unless asked otherwise, as in the window: a package going up holds every
    # ID number and phone, and a lost USB stick must leak none of them.
    p.add_argument(
        "--encrypt",
        action="store_true",
        help=t("加密，只有接收单位能打开（默认）", "only the recipient can open it (the default)"),
    )
    p.add_argument(
        "--plain",
        action="store_true",
        help=t(
            "不加密：谁拿到文件都能读取（报送上级的数据包还含身份证号和电话）",
            "not encrypted: whoever has the file can read it (going up, the ID numbers "
            "and phones too)",
        ),
    )
    _file_argument(p, "-o", "--output", said=t("要保存的数据包文件", "the package's file to write"))
    _sheet_argument(p)
    p.set_defaults(handler=cmd_export)
    p = steps.add_parser(
        "import",
        parents=[common_parent],
        help=t(
            "接收数据包（退出码 0 已接收，1 有冲突待处理，2 被拒绝）",
            "receive a package (exit 0 applied, 1 conflicts left to decide, 2 refused)",
        ),
    )
    _file_argument(p, "file", said=t("收到的数据包文件", "the package's file"))
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=t(
            "只显示会改动哪些数据，以及数据包的指纹",
            "only show what it would change, and the package's fingerprint",
        ),
    )
    p.add_argument(
        "--expect-fingerprint",
        type=_fingerprint,
        metavar=t("指纹", "HEX"),
        help=t(
            "数据包指纹不是这个就拒绝接收（指纹见试运行的结果或发送单位的数据移交单；"
            "空格可以不写）",
            "refuse the file unless its package fingerprint is this one (as the dry run "
            "or the sender's handover sheet shows it; spaces may be left out)",
        ),
    )
    _sheet_argument(p)
    p.set_defaults(handler=cmd_import)
    p = steps.add_parser(
        "log", parents=[common_parent], help=t("发送和接收过的数据包", "packages sent and received")
    )
    p.set_defaults(handler=cmd_log)
    p = steps.add_parser(
        "sheet",
        parents=[common_parent],
        help=t(
            "重新保存一个已记录数据包的数据移交单",
            "save the handover sheet of a logged package again",
        ),
    )
    p.add_argument(
        "entry",
        type=record_id,
        metavar=t("序号", "NO"),
        help=t("数据包在 pbc exchange log 中的序号", "its number in pbc exchange log"),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar=t("文件.pdf", "PDF"),
        help=t("要保存的数据移交单 PDF", "the handover sheet's PDF to write"),
    )
    p.set_defaults(handler=cmd_sheet)


def _file_argument(p: argparse.ArgumentParser, *names: str, said: str) -> None:
    """A file a command reads or writes: ``FILE`` (``文件``), an option required."""
    metavar = t("文件", "FILE")
    if names[0].startswith("-"):
        p.add_argument(*names, type=Path, required=True, metavar=metavar, help=said)
    else:
        p.add_argument(*names, type=Path, metavar=metavar, help=said)


def _fingerprint(text: str) -> str:
    """``--expect-fingerprint``: the grouped form packages are shown in, whether typed with
    its spaces or without them, in capitals or not."""
    digits = "".join(text.split()).replace("-", "").upper()
    if len(digits) != 2 * FINGERPRINT_BYTES or any(c not in "0123456789ABCDEF" for c in digits):
        raise argparse.ArgumentTypeError(
            t(
                f"应给出数据包指纹：{2 * FINGERPRINT_BYTES} 个十六进制数字（0-9、A-F），"
                "如试运行或数据移交单上所示",
                f"expected a package fingerprint: {2 * FINGERPRINT_BYTES} hex digits "
                "(0-9, A-F), as the dry run or the handover sheet shows it",
            )
        )
    return grouped_digest(bytes.fromhex(digits))


def _not_the_expected(path: Path, found: str, expected: str) -> UserError:
    return UserError(
        t(
            f"数据包“{path.name}”的指纹是 {found}，不是 --expect-fingerprint 给出的 "
            f"{expected}，没有接收。",
            f"The package “{path.name}” has the fingerprint {found}, not {expected} as "
            "given by --expect-fingerprint; nothing was received.",
        )
    )


def _sheet_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--sheet",
        type=Path,
        metavar=t("文件.pdf", "PDF"),
        help=t(
            "同时保存数据移交单，以便打印、签字和存档",
            "also save the handover sheet (数据移交单) to print, sign and file",
        ),
    )


def _check_sheet(out: Path | None, package: Path) -> None:
    """Refuse a ``--sheet`` no sheet can be saved to before the package is sent or
    received: once it is, the exchange stands whatever becomes of the sheet."""
    if out is None:
        return
    output_file(out)
    if Path(out).resolve() == Path(package).resolve():
        raise UserError(
            t(
                "数据移交单不能保存为数据包本身，请给 --sheet 另一个文件名。",
                "The handover sheet cannot replace the package; give --sheet another file name.",
            )
        )


def _save_sheet(db: Database, log_id: int | None, out: Path | None) -> None:
    """The handover sheet of the package just sent or received (``--sheet``). The package
    is in the exchange log by now: a sheet that cannot be written (a disk filled up
    meanwhile) is a note, not a refusal, and ``pbc exchange sheet`` saves it again."""
    if out is None or log_id is None:
        return
    from pbc_desktop.reports.handover import build_handover

    try:
        build_handover(db, log_id, out)
    except UserError as exc:
        print(
            t(
                f"注意：数据包已记入交换记录（第 {log_id} 号），但数据移交单没有保存，"
                f"可用 pbc exchange sheet {log_id} -o 文件名.pdf 再保存。{exc}",
                f"Note: the package is in the exchange log (number {log_id}), but the "
                f"handover sheet was not saved; pbc exchange sheet {log_id} -o FILE.pdf "
                f"saves it again. {exc}",
            ),
            file=sys.stderr,
        )
        return
    print(t(f"数据移交单已保存：{out}", f"Handover sheet saved: {out}"))


def add_office_arguments(p: argparse.ArgumentParser, *, required: bool) -> None:
    p.add_argument(
        "--office",
        required=required,
        metavar=t("名称", "NAME"),
        help=t("本单位的名称", "this office's name"),
    )
    p.add_argument(
        "--level",
        choices=LEVELS,
        required=required,
        help=t("本单位的层级", "this office's level"),
    )
    p.add_argument(
        "--code",
        default="",
        metavar=t("代码", "CODE"),
        help=t("本单位的代码（可不填）", "this office's code (optional)"),
    )
    p.add_argument(
        "--organization",
        metavar=t("名称|编号", "NAME|ID"),
        help=t("村级单位：本村的党组织", "a village office: its own organization"),
    )
    p.add_argument(
        "--town",
        dest="office_town",
        metavar=t("镇名", "NAME"),
        help=t("镇级单位：本镇", "a town office: its town"),
    )


def create_office_from(db: Database, args: argparse.Namespace) -> None:
    """``pbc init --office …`` and ``pbc office create``: set up this office."""
    from pbc_desktop.services.exchange import offices
    from pbc_desktop.services.member_export import find_organization

    level = OrgLevel[args.level.upper()]
    org_id = find_organization(db, args.organization)[0] if args.organization else None
    town = args.office_town  # a new office's database may not know its town's records yet
    setup = offices.OfficeSetup(args.office, level, args.code, organization_id=org_id, town=town)
    if getattr(args, "update", False):
        card = offices.update_local_office(db, setup)
    else:
        card = offices.create_local_office(db, setup)
    print(t(f"本单位：{card.name}", f"This office: {card.name}"))
    print(t(f"指纹：{card.fingerprint}", f"Fingerprint: {card.fingerprint}"))


def cmd_create(args: argparse.Namespace) -> int:
    with opened_db(args) as db:
        create_office_from(db, args)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from pbc_desktop.services.exchange import offices

    with opened_db(args, write=False) as db:
        me = offices.local_office(db)
        path = offices.key_file(db)
        problem = offices.keys_problem(db) if me.keys is None else ""
    card = me.card
    if args.json:
        print(
            json.dumps(
                {
                    "uuid": card.uuid,
                    "name": card.name,
                    "level": card.level.value,
                    "code": card.code,
                    "fingerprint": card.fingerprint,
                    "keys_here": me.keys is not None,
                },
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    print(t(f"本单位：{card.name}", f"This office: {card.name}"))
    print(t(f"层级：{card.level.zh}", f"Level: {card.level.en}"))
    if card.code:
        print(t(f"代码：{card.code}", f"Code: {card.code}"))
    print(t(f"指纹：{card.fingerprint}", f"Fingerprint: {card.fingerprint}"))
    if me.keys is None:
        print(problem)
        print(t(f"密钥文件应在：{path}", f"The key file belongs at: {path}"))
    return EXIT_OK


def cmd_card(args: argparse.Namespace) -> int:
    from pbc_desktop.services.exchange import offices

    out = output_file(args.output)
    with opened_db(args, write=False) as db:
        card = offices.local_office(db).card
    with atomic_output(out) as tmp:
        tmp.write_text(card_to_json(card), encoding="utf-8")
    print(t(f"单位名片已保存：{out}", f"Office card saved: {out}"))
    print(t(f"指纹：{card.fingerprint}", f"Fingerprint: {card.fingerprint}"))
    return EXIT_OK


def cmd_register(args: argparse.Namespace) -> int:
    from pbc_desktop.services.exchange import offices

    card = offices.read_card(Path(args.card))
    print(t(f"单位：{card.name}（{card.level.zh}）", f"Office: {card.name} ({card.level.en})"))
    print(t(f"指纹：{card.fingerprint}", f"Fingerprint: {card.fingerprint}"))
    if not args.yes:
        if not interactive():
            raise UserError(
                t(
                    "请先与对方单位核对指纹，再加 --yes 登记。",
                    "Compare the fingerprint with the other office first, then add --yes.",
                )
            )
        if not confirmed(t("指纹与对方核对一致吗？", "Does the fingerprint match?")):
            print(t("未登记。", "Not registered."))
            return EXIT_USER_ERROR
    with opened_db(args) as db:
        new = offices.register_card(db, card)
    print(
        t(f"已登记：{card.name}", f"Registered: {card.name}")
        if new
        else t(f"{card.name} 已登记过，无变化。", f"{card.name} was registered already.")
    )
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from pbc_desktop.services.exchange import offices

    with opened_db(args, write=False) as db:
        rows = offices.offices(db)
    print_table(
        [
            t("单位", "Office"),
            t("层级", "Level"),
            t("本单位", "This office"),
            t("指纹", "Fingerprint"),
        ],
        [(o.name, o.level.label(language()), "✓" if o.local else "", o.fingerprint) for o in rows],
    )
    return EXIT_OK


def _passphrase(*, twice: bool) -> str:
    return ask_password(PASSPHRASE_ENV, t("密钥口令：", "Passphrase: "), twice=twice)


def cmd_export_key(args: argparse.Namespace) -> int:
    from pbc_desktop.services.exchange import offices
    from pbc_desktop.services.permissions import require

    target = output_file(args.output, keys=True)
    with opened_db(args) as db:
        require(db, Permission.MANAGE_ACCOUNTS)  # before asking for a passphrase
        out = offices.export_keys(db, target, _passphrase(twice=True))
    print(t(f"单位密钥已导出：{out}（请妥善保管）", f"Office keys exported: {out} (keep it safe)"))
    return EXIT_OK


def cmd_import_key(args: argparse.Namespace) -> int:
    from pbc_desktop.services.exchange import offices

    with opened_db(args) as db:
        offices.import_keys(db, args.file, _passphrase(twice=False))
    print(t("单位密钥已导入。", "Office keys imported."))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from pbc_desktop.services.exchange import offices
    from pbc_desktop.services.exchange.transfer import send_package

    if args.encrypt and args.plain:
        raise UserError(
            t("--encrypt 与 --plain 只能选一个。", "Give --encrypt or --plain, not both.")
        )
    args.output = output_file(args.output)
    _check_sheet(args.sheet, args.output)
    with opened_db(args) as db:
        me = offices.local_office(db)
        to = offices.find_office(db, args.to)
        sent = send_package(
            db, args.output, me=me, to=to, everything=args.all, encrypt=not args.plain
        )
        total = sum(sent.counts.values())
        print(t(f"数据包已生成：{sent.path}", f"Package written: {sent.path}"))
        print(t(f"接收单位：{to.name}", f"For: {to.name}"))
        for kind in sorted(sent.counts, key=label_order):
            if sent.counts[kind]:
                print("  " + labelled(record_label(kind), sent.counts[kind]))
        print(t(f"共 {total} 条记录", f"{total} records in all"))
        for note in sent.left_out:
            print(note)
        print(t(f"数据包指纹：{sent.fingerprint}", f"Package fingerprint: {sent.fingerprint}"))
        _save_sheet(db, sent.log_id, args.sheet)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from pbc_desktop.services.exchange import offices
    from pbc_desktop.services.exchange.transfer import (
        AlreadyReceivedError,
        NotThePreviewedError,
        preview_package,
        receive_package,
    )

    if args.dry_run and args.sheet:
        raise UserError(
            t(
                "试运行不接收数据包，也就没有数据移交单：请去掉 --sheet 或 --dry-run。",
                "A dry run receives nothing, so there is no handover sheet: leave out --sheet "
                "or --dry-run.",
            )
        )
    _check_sheet(args.sheet, args.file)
    expected: str | None = args.expect_fingerprint
    with opened_db(args, write=not args.dry_run) as db:
        me = offices.local_office(db)
        lookup = offices.lookup(db)
        try:
            if args.dry_run:
                received = preview_package(db, args.file, me=me, lookup_sender=lookup)
                if expected is not None and received.fingerprint != expected:
                    raise _not_the_expected(args.file, received.fingerprint, expected)
            else:
                received = receive_package(
                    db, args.file, me=me, lookup_sender=lookup, previewed=expected
                )
        except NotThePreviewedError as exc:
            assert expected is not None
            raise _not_the_expected(args.file, exc.found, expected) from None
        except AlreadyReceivedError as exc:  # nothing to do, nothing wrong
            print(exc)
            # run again after a kill or a power cut that came before the sheet was saved
            _save_sheet(db, exc.log_id, args.sheet)
            return EXIT_OK
        print(t(f"来自：{received.sender}", f"From: {received.sender}"))
        print(
            t(f"数据包指纹：{received.fingerprint}", f"Package fingerprint: {received.fingerprint}")
        )
        _print_result(received.result)
        for note in received.left_out:
            print(note)
        if args.dry_run:
            print(t("（试运行：未写入任何数据）", "(dry run: nothing was written)"))
            compact = received.fingerprint.replace(" ", "")
            print(
                t(
                    f"接收时加上 --expect-fingerprint {compact}，"
                    "可确保接收的正是这里预览的数据包。",
                    f"Add --expect-fingerprint {compact} to the import to receive exactly "
                    "the package previewed here.",
                )
            )
        else:
            _save_sheet(db, received.log_id, args.sheet)
    if received.result.conflicts:
        print(
            t(
                f"有 {received.result.conflicts} 条冲突待确认"
                "（窗口：文件 → 数据交换 → 冲突清单）。",
                f"{received.result.conflicts} conflicts wait for a decision (File → Data "
                "exchange → Conflicts).",
            )
        )
        return EXIT_CONFLICTS
    return EXIT_OK


def _print_result(result: MergeResult) -> None:
    from pbc_desktop.services.exchange.merge import Change

    columns = [Change(key) for key, _zh, _en in RECEIVED_COUNTS]
    print_table(
        received_headings(),
        [
            [record_label(kind)] + [str(result.counts[kind][c]) for c in columns]
            for kind in sorted(result.counts, key=label_order)
        ],
    )
    for change in result.changes:
        if change.by_arrivals and change.held_status is not None:  # the item itself unchanged
            held = held_status_text(change.held_status, stays=False, arrived=True)
            print(
                t(
                    f"状态变化：{record_label(change.entity)} {change.label}（{held}）",
                    f"Status change: {record_label(change.entity)} {change.label} ({held})",
                )
            )
        elif change.change is Change.CONFLICT:
            fields = "、".join(field_label(change.entity, f) for f in change.fields)
            if change.held_status is not None:  # the claims here hold it, whichever version
                held = held_status_text(change.held_status, stays=change.status_stays)
                fields = f"{fields}{t('；', '; ')}{held}" if fields else held
            print(
                t(
                    f"冲突：{record_label(change.entity)} {change.label}（{fields}）",
                    f"Conflict: {record_label(change.entity)} {change.label} ({fields})",
                )
            )


def cmd_log(args: argparse.Namespace) -> int:
    from pbc_desktop.services.exchange.log import exchange_log

    with opened_db(args, write=False) as db:
        rows = exchange_log(db)
    print_table(
        [
            t("编号", "No."),
            t("时间", "When"),
            t("方向", "Direction"),
            t("移交单位", "From"),
            t("接收单位", "To"),
            t("记录数", "Records"),
            t("冲突", "Conflicts"),
            t("数据包指纹", "Package fingerprint"),
        ],
        [
            (
                r.id,
                r.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                t("接收", "received") if r.received else t("发送", "sent"),
                r.sender,
                r.recipient,
                r.records,
                r.conflicts if r.received else "",
                r.fingerprint,
            )
            for r in rows
        ],
    )
    return EXIT_OK


def cmd_sheet(args: argparse.Namespace) -> int:
    """The 数据移交单 of a package in the exchange log, saved again (lost, or not saved when
    the package went)."""
    from pbc_desktop.reports.handover import build_handover

    out = output_file(args.output)
    with opened_db(args, write=False) as db:
        build_handover(db, args.entry, out)
    print(t(f"数据移交单已保存：{out}", f"Handover sheet saved: {out}"))
    return EXIT_OK
