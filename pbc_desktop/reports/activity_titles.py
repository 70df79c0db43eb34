"""How the activity reports (minutes, sign-in sheet) name an activity and its place."""

from __future__ import annotations

from pbc_desktop.domain.enums import ActivityKind
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
    """("XX党建共同体", "2026年第3次联席会议"), or ("", the activity's title) with no owner."""
    owner = owner_name(doc)
    if not owner:
        return "", doc.title
    return owner, f"{doc.starts_at.year}年第{doc.ordinal}次{doc.kind.zh}"


def minutes_suffix(doc: ActivityDocument) -> str:
    if doc.community_name is not None:
        return "纪要" if doc.kind.is_meeting else "活动记录"
    if doc.kind.is_meeting or doc.kind in BRANCH_KINDS:
        return "会议记录"
    return "活动记录"


def place_text(doc: ActivityDocument) -> str:
    if doc.venue_name is not None:
        if doc.place and doc.place != doc.venue_name:
            return f"{doc.venue_name}({doc.place})"
        return doc.venue_name
    return doc.place or ""
