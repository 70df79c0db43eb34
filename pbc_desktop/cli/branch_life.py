"""``pbc branch-life`` (三会一课 of each branch for a year) and ``pbc terms due`` (换届)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pbc_desktop.cli.common import (
    EXIT_OK,
    date_option,
    known_town,
    opened_db,
    output_file,
    print_table,
    year_number,
)
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from pbc_desktop.cli.common import Subcommands
    from pbc_desktop.services.branch_life.compliance import BranchYear
    from pbc_desktop.services.terms.committees import CommitteeRow, Seat


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "branch-life",
        parents=[common_parent],
        help=t(
            "三会一课：各支部每类会议已开和应开的次数，是否落后",
            "三会一课: each branch's meetings held and due per kind, behind or not",
        ),
    )
    p.add_argument(
        "--year",
        type=year_number,
        required=True,
        metavar=t("年份", "YEAR"),
        help=t("统计哪一年", "the year counted"),
    )
    _town_option(p, t("只列这个镇的支部", "only the branches of this town"))
    _as_of_option(p)
    p.add_argument(
        "--behind", action="store_true", help=t("只列落后的支部", "only the branches behind")
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar=t("文件.pdf", "OUTPUT"),
        help=t("同时把通报保存为 PDF", "also write the 通报 as a PDF"),
    )
    _json_option(p)
    p.set_defaults(handler=cmd_branch_life)

    terms = subparsers.add_parser(
        "terms", parents=[common_parent], help=t("换届：班子任期", "换届: committee terms")
    )
    terms_sub: Any = terms.add_subparsers(dest="terms_command", required=True, metavar="ACTION")
    d = terms_sub.add_parser(
        "due",
        parents=[common_parent],
        help=t("班子任期将满的党组织", "organizations whose committee's term runs out"),
    )
    d.add_argument(
        "--within-months",
        type=int,
        default=6,
        metavar=t("月数", "WITHIN_MONTHS"),
        help=t("几个月内任期届满（默认 6）", "due within N months (6)"),
    )
    _town_option(d, t("只列这个镇的党组织", "only the organizations of this town"))
    _as_of_option(d)
    _json_option(d)
    d.set_defaults(handler=cmd_terms_due)
    r = terms_sub.add_parser(
        "record",
        parents=[common_parent],
        help=t("登记新选举产生的班子（换届）", "record a newly elected committee (换届)"),
    )
    _organization_option(r)
    r.add_argument(
        "--term-no",
        type=int,
        required=True,
        metavar=t("届次", "TERM_NO"),
        help=t("第几届，例如 5", "the term number (届次), e.g. 5"),
    )
    r.add_argument(
        "--elected-on",
        type=date_option,
        required=True,
        metavar=t("年-月-日", "YYYY-MM-DD"),
        help=t("选举日期", "the day of the election"),
    )
    r.add_argument(
        "--years",
        type=int,
        required=True,
        choices=(3, 5),
        help=t("任期（年）", "term length"),
    )
    r.add_argument(
        "--member",
        action="append",
        default=[],
        metavar=t("职务：姓名", "POST:NAME"),
        help=t(
            "一名班子成员及其职务，例如 书记：张三（每人写一次这个选项）",
            "a member and post, e.g. 书记:张三 (repeat the option for each)",
        ),
    )
    r.add_argument(
        "--allow-gap",
        action="store_true",
        help=t(
            "届次有意跳过上次登记之后的几届",
            "the term number skips terms after the last one recorded on purpose",
        ),
    )
    r.set_defaults(handler=cmd_terms_record)
    h = terms_sub.add_parser(
        "history",
        parents=[common_parent],
        help=t("一个党组织的历届班子，最近的在前", "an organization's committees, latest first"),
    )
    _organization_option(h)
    _json_option(h)
    h.set_defaults(handler=cmd_terms_history)


def _town_option(p: argparse.ArgumentParser, said: str) -> None:
    p.add_argument("--town", metavar=t("镇", "TOWN"), help=said)


def _as_of_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--as-of",
        type=date_option,
        metavar=t("年-月-日", "AS_OF"),
        help=t("按这一天统计（默认为今天）", "count as of this day (default: today)"),
    )


def _json_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--json",
        action="store_true",
        help=t("输出 JSON，而不是表格", "print JSON instead of a table"),
    )


def _organization_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--organization",
        metavar=t("名称|编号", "NAME|ID"),
        required=True,
        help=t("党组织的名称或编号", "the organization's name or id"),
    )


def _branch_json(b: BranchYear) -> dict[str, Any]:
    return {
        "organization": b.name,
        "town": b.town,
        "behind": b.behind,
        "kinds": {
            k.kind.value: {
                "name": k.kind.zh,
                "interval_months": k.interval_months,
                "held": k.held,
                "due": k.due,
                "missed": k.missed,
                "behind": k.behind,
                "months": list(k.months),
            }
            for k in b.kinds
        },
    }


def cmd_branch_life(args: argparse.Namespace) -> int:
    from pbc_desktop import lang
    from pbc_desktop.services.branch_life.compliance import town_year

    if args.year < 2000:  # 三会一课 as this program counts it began with its records
        raise UserError(
            t(
                f"三会一课的年度应在2000年至2100年之间，而不是{args.year}年。",
                f"The year of 三会一课 must be from 2000 to 2100, not {args.year}.",
            )
        )
    if args.output is not None:
        args.output = output_file(args.output, ".pdf")
    today = args.as_of or date.today()
    with opened_db(args, write=args.output is not None) as db:
        town = known_town(db, args.town)
        report = town_year(db, args.year, today, town=town)
        branches = report.behind if args.behind else report.branches
        if args.output is not None:
            from pbc_desktop.cli.reports import warn
            from pbc_desktop.reports.branch_life import build_branch_life_notice

            path = build_branch_life_notice(
                db,
                args.year,
                args.output.expanduser().resolve(),
                today=today,
                town=town,
                warn=warn,
            )
            print(t(f"已写入 {path}", f"Wrote {path}"), file=sys.stderr)
        if args.json:
            out = {
                "year": args.year,
                "as_of": today.isoformat(),
                "town": town,
                "branches": [_branch_json(b) for b in branches],
            }
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return EXIT_OK
        lg = lang.language()
        kinds = [k.kind for k in report.branches[0].kinds] if report.branches else []
        print_table(
            [t("党支部", "Branch"), t("镇街", "Town")]
            + [k.label(lg) for k in kinds]
            + [t("落后", "Behind")],
            [
                [b.name, b.town]
                + [f"{k.held}/{k.due}" for k in b.kinds]
                + [t("是", "yes") if b.behind else t("否", "no")]
                for b in branches
            ],
        )
        print(
            t(
                f"共 {len(report.branches)} 个党支部，{len(report.behind)} 个落后"
                f"（已开/应开，截至 {today.isoformat()}）",
                f"{len(report.branches)} branches, {len(report.behind)} behind "
                f"(held/due as of {today.isoformat()})",
            )
        )
        return EXIT_OK


def _term_json(r: CommitteeRow) -> dict[str, Any]:
    return {
        "organization": r.organization_name,
        "town": r.town,
        "term_no": r.term_no,
        "elected_on": r.elected_on.isoformat(),
        "term_years": r.term_years,
        "due_on": r.due_on.isoformat(),
        "state": r.state.value,
        "days_left": r.days_left,
        "members": [{"name": s.person_name, "post": s.post.zh} for s in r.seats],
    }


def cmd_terms_due(args: argparse.Namespace) -> int:
    from pbc_desktop import lang
    from pbc_desktop.services.terms.due import due_terms

    if not 0 <= args.within_months <= 120:
        raise UserError(
            t("--within-months 应为0至120个月", "--within-months must be 0 to 120 months")
        )
    today = args.as_of or date.today()
    with opened_db(args, write=False) as db:
        town = known_town(db, args.town)
        rows = due_terms(db, today, args.within_months, town)
    if args.json:
        print(json.dumps([_term_json(r) for r in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    lg = lang.language()
    print_table(
        [
            t("党组织", "Organization"),
            t("镇街", "Town"),
            t("届次", "Term"),
            t("选举日期", "Elected"),
            t("任期", "Years"),
            t("届满日期", "Due"),
            t("状态", "State"),
            t("天数", "Days"),
        ],
        [
            (
                r.organization_name,
                r.town,
                t(f"第{r.term_no}届", f"no. {r.term_no}"),
                r.elected_on.isoformat(),
                t(f"{r.term_years}年", f"{r.term_years} years"),
                r.due_on.isoformat(),
                r.state.label(lg),
                t(f"超期{-r.days_left}天", f"{-r.days_left} overdue")
                if r.days_left < 0
                else t(f"还剩{r.days_left}天", f"{r.days_left} left"),
            )
            for r in rows
        ],
    )
    print(
        t(
            f"共 {len(rows)} 个党组织 {args.within_months} 个月内到期或已超期",
            f"{len(rows)} organizations due within {args.within_months} months or overdue",
        )
    )
    return EXIT_OK


def _seats(texts: list[str]) -> tuple[Seat, ...]:
    from pbc_desktop.domain.terms import CommitteePost
    from pbc_desktop.services.terms.committees import Seat

    found = []
    for text in texts:
        post, _sep, name = text.replace("：", ":").partition(":")
        try:
            found.append(Seat(name.strip(), CommitteePost.from_label(post)))
        except ValueError:
            posts = "、".join(p.zh for p in CommitteePost)
            raise UserError(
                t(
                    f"“{text}”应写成“职务：姓名”（如“书记：张三”），职务为{posts}之一",
                    f"“{text}” must read POST:NAME, the post one of {posts}",
                )
            ) from None
    return tuple(found)


def cmd_terms_record(args: argparse.Namespace) -> int:
    from pbc_desktop.services.member_export import find_organization
    from pbc_desktop.services.terms.committees import (
        CommitteeInput,
        TermGapError,
        record_committee,
    )

    seats = _seats(args.member)
    with opened_db(args) as db:
        org_id, name = find_organization(db, args.organization)
        data = CommitteeInput(org_id, args.term_no, args.elected_on, args.years, seats)
        try:
            record_committee(db, data, allow_gap=args.allow_gap)
        except TermGapError as gap:
            raise UserError(
                t(
                    f"{name}上一届是第{gap.last}届，第{gap.term_no}届会跳过中间的届次且以后"
                    "无法补登；确属跳号请加 --allow-gap。",
                    f"The last committee of {name} recorded is no. {gap.last}; no. "
                    f"{gap.term_no} would skip terms that can never be added later: add "
                    "--allow-gap if that is intended.",
                )
            ) from None
    print(
        t(f"已登记{name}第{args.term_no}届班子", f"Recorded committee no. {args.term_no} of {name}")
    )
    return EXIT_OK


def cmd_terms_history(args: argparse.Namespace) -> int:
    from pbc_desktop import lang
    from pbc_desktop.services.member_export import find_organization
    from pbc_desktop.services.terms.committees import history

    with opened_db(args, write=False) as db:
        org_id, name = find_organization(db, args.organization)
        rows = history(db, org_id)
    if args.json:
        print(json.dumps([_term_json(r) for r in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    lg = lang.language()
    print(name)
    print_table(
        [
            t("届次", "Term"),
            t("选举日期", "Elected"),
            t("任期", "Years"),
            t("届满日期", "Due"),
            t("班子成员", "Members"),
        ],
        [
            (
                t(f"第{r.term_no}届", f"no. {r.term_no}"),
                r.elected_on.isoformat(),
                t(f"{r.term_years}年", f"{r.term_years} years"),
                r.due_on.isoformat(),
                "、".join(f"{x.post.label(lg)} {x.person_name}" for x in r.seats),
            )
            for r in rows
        ],
    )
    return EXIT_OK
