"""``pbc user``: the accounts of a database (add, list, passwd, disable, enable)."""

from __future__ import annotations

import argparse

from pbc_desktop.cli.common import (
    EXIT_OK,
    NEW_PASSWORD_ENV,
    ask_password,
    enum_option,
    known_town,
    no_administrator,
    open_db,
    print_table,
    sign_in_for,
)
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import UserRole
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t

ROLE_CHOICES = ("district", "town", "village", "viewer")


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    common_parent: argparse.ArgumentParser,
) -> None:
    user = subparsers.add_parser(
        "user",
        help=t(
            "账号：add 新建、list 列出、passwd 改密码、disable 停用、enable 启用",
            "accounts: add, list, passwd, disable, enable",
        ),
    )
    actions: argparse._SubParsersAction[argparse.ArgumentParser] = user.add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = actions.add_parser(
        "add",
        parents=[common_parent],
        help=t(
            "新建账号（数据库的第一个管理员不需要 --user）",
            "a new account (the first administrator of a database needs no --user)",
        ),
    )
    p.add_argument(
        "name",
        metavar=t("用户名", "NAME"),
        help=t("登录用的用户名", "the user name to sign in with"),
    )
    p.add_argument(
        "--role",
        required=True,
        choices=ROLE_CHOICES,
        help=t(
            "账号的角色：district 区委组织部管理员，town 镇（街道）党（工）委，"
            "village 村（社区）党组织，viewer 查看（督查）",
            "the account's role",
        ),
    )
    p.add_argument(
        "--organization",
        metavar=t("党组织", "ORGANIZATION"),
        help=t(
            "账号所属的党组织（名称或编号）：village、viewer 角色用",
            "its organization (name or id): village, viewer",
        ),
    )
    p.add_argument(
        "--town",
        metavar=t("镇", "TOWN"),
        help=t("账号所属的镇：town、viewer 角色用", "its town: town, viewer"),
    )
    p.add_argument(
        "--name",
        dest="full_name",
        metavar=t("姓名", "FULL_NAME"),
        help=t("使用人的姓名（默认同用户名）", "the person's name (default: NAME)"),
    )
    p.add_argument(
        "--unit",
        default="",
        metavar=t("单位职务", "UNIT"),
        help=t("单位/职务，显示在姓名旁", "单位/职务, printed beside the name"),
    )
    p.set_defaults(handler=cmd_add)

    p = actions.add_parser("list", parents=[common_parent], help=t("全部账号", "every account"))
    p.set_defaults(handler=cmd_list)

    p = actions.add_parser(
        "passwd",
        parents=[common_parent],
        help=t(
            "设置新密码：自己的，或（管理员）任何账号的",
            "a new password: one's own, or (an administrator) anyone's",
        ),
    )
    p.add_argument("name", metavar=t("用户名", "NAME"), help=t("账号的用户名", "the user name"))
    p.set_defaults(handler=cmd_passwd)

    for action, active, said in (("disable", False, "停用"), ("enable", True, "启用")):
        p = actions.add_parser(
            action,
            parents=[common_parent],
            help=t(f"{said}账号（账号不会删除）", f"{action} an account (never deleted)"),
        )
        p.add_argument("name", metavar=t("用户名", "NAME"), help=t("账号的用户名", "the user name"))
        p.set_defaults(handler=cmd_set_active, active=active)


def _new_password() -> str:
    return ask_password(NEW_PASSWORD_ENV, t("新密码：", "New password: "), twice=True)


def _check_scope_options(role: UserRole, organization: str | None, town: str | None) -> None:
    """Refuse ``--organization``/``--town`` that the role cannot have, rather than drop
    them: ``--role district --town X`` would otherwise make an administrator of the whole
    district for someone meant to look after one town."""
    if role is UserRole.DISTRICT and (organization or town):
        raise UserError(
            t(
                "管理员账号(district)管理全区,不能指定 --organization 或 --town。"
                "只管一个镇街请用 --role town --town 镇街,只查看请用 --role viewer。",
                "An administrator (district) looks after the whole district: it takes "
                "neither --organization nor --town. For one town use --role town --town "
                "NAME; to only look, --role viewer.",
            )
        )
    if role is UserRole.VILLAGE and town:
        raise UserError(
            t(
                "村（社区）账号属于一个党组织，用 --organization 指定，不能指定 --town。",
                "A village account belongs to one organization (--organization); it takes "
                "no --town.",
            )
        )
    if role is UserRole.TOWN and organization:
        raise UserError(
            t(
                "镇（街道）账号属于一个镇街，用 --town 指定，不能指定 --organization。",
                "A town account belongs to one town (--town); it takes no --organization.",
            )
        )
    if role is UserRole.VIEWER and organization and town:
        raise UserError(
            t(
                "查看账号限于一个党组织或一个镇街，请只指定 --organization 和 --town 之一。",
                "A viewer is limited to one organization or one town: give only one of "
                "--organization and --town.",
            )
        )


def cmd_add(args: argparse.Namespace) -> int:
    from pbc_desktop.services.accounts import users
    from pbc_desktop.services.member_export import find_organization
    from pbc_desktop.services.permissions import require

    role = enum_option(UserRole, args.role, ("角色", "role"))
    assert role is not None
    _check_scope_options(role, args.organization, args.town)
    db = open_db(args, sign_in=False)
    try:
        first = users.needs_first_admin(db)
        if first and role is not UserRole.DISTRICT:
            raise no_administrator()
        if not first:
            sign_in_for(db, args)
            require(db, Permission.MANAGE_ACCOUNTS)  # before a new password is typed in vain
        org_id = find_organization(db, args.organization)[0] if args.organization else None
        data = users.UserInput(
            username=args.name,
            name=args.full_name or args.name,
            unit=args.unit,
            role=role,
            organization_id=org_id,
            town=known_town(db, args.town),  # a typo refused, for a viewer too
        )
        users.check_user(db, data)  # every field refused before a password is typed in vain
        password = _new_password()
        if first:
            users.create_first_admin(db, data, password)
        else:
            users.create_user(db, data, password)
        print(t(f"已新建账号 {args.name}（{role.zh}）", f"Account {args.name} created ({role.en})"))
        return EXIT_OK
    finally:
        db.dispose()


def cmd_list(args: argparse.Namespace) -> int:
    from pbc_desktop.services import access
    from pbc_desktop.services.accounts import users

    db = open_db(args, write=False)
    try:
        # an account of no organization or town: the district, or this database's own area
        whole = access.own_area(db) or t("全区", "whole district")
        rows = []
        for u in users.list_users(db):
            state = (
                t("已停用", "disabled")
                if not u.active
                else t("需改密码", "must change password")
                if u.must_change_password
                else t("正常", "active")
            )
            rows.append(
                (
                    u.username,
                    u.name,
                    u.unit,
                    t(u.role.zh, u.role.value),
                    u.organization_name or u.town or whole,
                    state,
                )
            )
        print_table(
            [
                t("用户名", "user"),
                t("姓名", "name"),
                t("单位/职务", "unit"),
                t("角色", "role"),
                t("范围", "scope"),
                t("状态", "state"),
            ],
            rows,
        )
        return EXIT_OK
    finally:
        db.dispose()


def cmd_passwd(args: argparse.Namespace) -> int:
    """One's own password (the sign-in proves the old one), or an administrator's reset."""
    import os

    from pbc_desktop.cli.common import PASSWORD_ENV, USER_ENV
    from pbc_desktop.services.accounts import users
    from pbc_desktop.services.accounts.sign_in import change_password, sign_in
    from pbc_desktop.services.permissions import require

    db = open_db(args, sign_in=False)
    try:
        acting = args.user or os.environ.get(USER_ENV) or args.name
        old = ask_password(PASSWORD_ENV, t("当前密码：", "Current password: "))
        done = sign_in(db, acting, old)
        db.user = done.actor
        own = args.name.strip().lower() == done.actor.username.lower()
        if not own:  # refused before a new password is typed in vain, and before NAME is
            # looked up: who may not manage accounts learns not even which names exist
            if done.must_change_password:
                raise UserError(t("请先修改自己的密码。", "Change your own password first."))
            require(db, Permission.MANAGE_ACCOUNTS)
        target = users.user_id_by_name(db, args.name)
        new = _new_password()
        if own:
            change_password(db, target, old, new)
            print(t("密码已修改。", "The password was changed."))
        else:
            users.reset_password(db, target, new)
            print(
                t(
                    f"已重置 {args.name} 的密码；该用户下次登录时须修改密码。",
                    f"The password of {args.name} was reset; they must change it at "
                    "their next sign-in.",
                )
            )
        return EXIT_OK
    finally:
        db.dispose()


def cmd_set_active(args: argparse.Namespace) -> int:
    from pbc_desktop.services.accounts import users

    db = open_db(args)
    try:
        users.set_active(db, users.user_id_by_name(db, args.name), args.active)
        print(
            t(f"已启用账号 {args.name}", f"Account {args.name} enabled")
            if args.active
            else t(f"已停用账号 {args.name}", f"Account {args.name} disabled")
        )
        return EXIT_OK
    finally:
        db.dispose()
