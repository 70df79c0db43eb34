"""How the activity reports (minutes, sign-in sheet) name an activity and its place, and
write their PDF under that name."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from pbc_desktop.domain.enums import ActivityKind
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.reports.glyphs import WarnFn
from pbc_desktop.reports.layout import Styles, build_pdf
from pbc_desktop.services.activities.documents import ActivityDocument

# 三会一课: recorded by the branch itself ("XX党支部…会议记录") when not a community's.
BRANCH_KINDS = frozenset(
    {
        ActivityKind.BRANCH_ASSEMBLY,
        ActivityKind.BRANCH_COMMITTEE,
        ActivityKind.GROUP_MEETING,
        ActivityKind.PARTY_LESSON,
    }
)


def owner_name(doc: ActivityDocument) -> str:
    if doc.community_name is not None:
        return doc.community_name
    if doc.host_org_name is not None:
        return doc.host_org_name
    return ""


def base_title(doc: ActivityDocument) -> tuple[str, str]:
    """("XX党建共同体", "2026年第3次联席会议"), or ("", the activity's title) with no owner.

    A title that names the kind ("第二季度联席会议", "“党旗飘扬”主题党日活动") is printed as
    the clerk wrote it, so the paper's heading matches the meeting in the list; a title
    that only names the subject ("春耕互助") or the bare kind ("支委会", "主题党日活动")
    gives way to "2026年第N次<kind>" (the title is printed as 会议主题 below)."""
    owner = owner_name(doc)
    title = doc.title.strip()
    if not owner:
        return "", title
    if title.startswith(owner):
        title = title[len(owner) :]
    if doc.kind.zh in title and len(title) > len(doc.kind.zh) + 2:
        return owner, title
    return owner, f"{doc.starts_at.year}年第{doc.ordinal}次{doc.kind.zh}"


def minutes_suffix(doc: ActivityDocument) -> str:
    """纪要 / 会议记录 / 活动记录, without repeating what the title already ends with."""
    if doc.community_name is not None:
        suffix = "纪要" if doc.kind.is_meeting else "活动记录"
    elif doc.kind.is_meeting or doc.kind in BRANCH_KINDS:
        suffix = "会议记录"
    else:
        suffix = "活动记录"
    _owner, title = base_title(doc)
    if title.endswith(suffix):
        return ""
    if title.endswith(suffix[:2]):  # "…主题党日活动" + "记录", "…支委会会议" + "记录"
        return suffix[2:]
    return suffix


def place_text(doc: ActivityDocument) -> str:
    if doc.venue_name is not None:
        if doc.place and doc.place != doc.venue_name:
            return with_note(doc.venue_name, doc.place)
        return doc.venue_name
    return doc.place or ""


def write_activity_pdf(
    activity: ActivityDocument,
    out_path: Path,
    story: list[Flowable],
    styles: Styles,
    *,
    title: str,
    invariant: bool = False,
    warn: WarnFn | None = None,
    watermark: str | None = None,
) -> Path:
    """``build_pdf`` for a paper of ``activity``: the activity's own title is the PDF's
    subject."""
    return build_pdf(
        out_path,
        story,
        styles,
        title=title,
        subject=activity.title,
        invariant=invariant,
        warn=warn,
        watermark=watermark,
    )
