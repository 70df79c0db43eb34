"""会议纪要 / 会议记录: the minutes of a meeting (or the record of an activity), on A4."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.attendance import absence_text, attendance_taken
from pbc_desktop.domain.chinese_text import chinese_number, format_time_range
from pbc_desktop.domain.enums import ActivityStatus, AttendanceStatus
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.reports.activity_titles import (
    base_title,
    minutes_suffix,
    place_text,
    write_activity_pdf,
)
from pbc_desktop.reports.glyphs import Paragraph, WarnFn
from pbc_desktop.reports.layout import (
    Styles,
    info_table,
    lines,
    make_styles,
    markup,
    plain,
    title_paragraph,
)
from pbc_desktop.reports.signature_block import SignatureBlock
from pbc_desktop.services.activities.detail import AgendaView
from pbc_desktop.services.activities.documents import (
    ActivityDocument,
    Attendee,
    get_activity_document,
)

NAME_SEPARATOR = "、"


def minutes_title_parts(activity: ActivityDocument) -> tuple[str, str]:
    owner, rest = base_title(activity)
    return owner, rest + minutes_suffix(activity)


def build_minutes(
    db: Database,
    activity_id: int,
    out_path: Path,
    *,
    invariant: bool = False,
    warn: WarnFn | None = None,
) -> Path:
    """Write the minutes of the activity to ``out_path`` (replaced only when complete).

    ``warn`` is told which words hold characters no installed font has."""
    return write_minutes_pdf(
        get_activity_document(db, activity_id), out_path, invariant=invariant, warn=warn
    )


def write_minutes_pdf(
    activity: ActivityDocument,
    out_path: Path,
    *,
    invariant: bool = False,
    warn: WarnFn | None = None,
) -> Path:
    """Lay out the minutes of ``activity`` and write them atomically to ``out_path``."""
    styles = make_styles()
    parts = minutes_title_parts(activity)
    title = "".join(parts)
    story: list[Flowable] = [title_paragraph(parts, styles.title)]
    status_note = _status_note(activity)
    if status_note is not None:
        story.append(Paragraph(status_note, styles.subtitle))
    story += _basics(activity, styles)
    story += _attendance(activity, styles)
    if activity.summary:
        story.append(
            Paragraph("会议概况" if activity.kind.is_meeting else "活动概况", styles.heading)
        )
        story += [Paragraph(p, styles.body) for p in lines(activity.summary)]
    story += _agenda(activity, styles)
    # The signatures never stand alone on the last page: they keep the last paragraph.
    signatures = SignatureBlock(("主持人", "记录人"), styles.fonts.body)
    story[-1] = KeepTogether([story[-1], signatures])
    return write_activity_pdf(
        activity,
        out_path,
        story,
        styles,
        title=title,
        invariant=invariant,
        warn=warn,
        watermark=_WATERMARKS.get(activity.status),
    )


#: Minutes of a meeting not held are printed marked: planned → a draft, cancelled → void.
_WATERMARKS = {ActivityStatus.PLANNED: "草稿", ActivityStatus.CANCELLED: "已取消"}


def _status_note(activity: ActivityDocument) -> str | None:
    what = "会议" if activity.kind.is_meeting else "活动"
    if activity.status is ActivityStatus.PLANNED:
        return f"（草稿：本次{what}尚未举行，举行后请重新打印。）"
    if activity.status is ActivityStatus.CANCELLED:
        return f"（本次{what}已取消，未举行。此页仅供存档。）"
    return None


def _label(text: str, styles: Styles) -> str:
    """An inline run in the heading font (黑体 where installed), e.g. "讨论情况:"."""
    return f'<font face="{styles.fonts.heading}">{plain(text)}</font>'


def _basics(activity: ActivityDocument, styles: Styles) -> list[Flowable]:
    meeting = activity.kind.is_meeting
    rows: list[tuple[str, str | None]] = [
        ("会议主题" if meeting else "活动主题", activity.title),
        ("时间", format_time_range(activity.starts_at, activity.ends_at)),
        ("地点", place_text(activity) or "—"),
    ]
    if activity.host_org_name is not None:
        rows.append(("主办单位", activity.host_org_name))
    rows.append(("主持人", activity.chair or "—"))
    rows.append(("记录人", activity.recorder or "—"))
    if activity.lecturer:
        rows.append(("主讲人", activity.lecturer))
    if activity.organizations:
        rows.append(("参加单位", NAME_SEPARATOR.join(activity.organizations)))
    # Not kept with its table: a table too long for the rest of the first page would take
    # the heading along to the second, leaving the first with the title alone.
    heading = ParagraphStyle("BasicsHeading", parent=styles.heading, keepWithNext=0)
    return [Paragraph("基本情况", heading), info_table(rows, styles)]


def _absence(row: Attendee) -> str:
    detail = absence_text(row.absence_reason, row.reason_text)
    return with_note(row.name, detail) if detail else row.name


def _attendance(activity: ActivityDocument, styles: Styles) -> list[Flowable]:
    rows = activity.attendance
    present = [a.name for a in rows if a.status is AttendanceStatus.PRESENT]
    absent = [_absence(a) for a in rows if a.status is AttendanceStatus.ABSENT]
    observers = [a.name for a in rows if a.status is AttendanceStatus.NON_VOTING]
    out: list[Flowable] = [Paragraph("出席情况", styles.heading)]
    if not rows and not activity.guests:
        out.append(Paragraph("未登记出席情况。", styles.body))
        return out
    taken = attendance_taken(activity.status)  # planned: those called, none present yet
    if rows:
        expected = len(present) + len(absent)
        counts = f"应到 {expected} 人" + (f"，实到 {len(present)} 人" if taken else "")
        if absent:
            counts += f"，缺席 {len(absent)} 人"
        if observers:
            counts += f"，列席 {len(observers)} 人"
        out.append(Paragraph(plain(counts + "。"), styles.body))

    def names(label: str, items: list[str]) -> None:
        if items:
            text = plain(NAME_SEPARATOR.join(items))
            out.append(Paragraph(f"{_label(label + ':', styles)}{text}。", styles.body))

    names("出席" if taken else "拟出席", present)
    names("缺席", absent)
    names("列席", observers)
    if activity.guests:
        out.append(
            Paragraph(f"{_label('特邀嘉宾:', styles)}{markup(activity.guests)}", styles.body)
        )
    return out


def _votes(item: AgendaView) -> str:
    parts = [
        f"{label} {count} 票"
        for label, count in (
            ("同意", item.votes_for),
            ("反对", item.votes_against),
            ("弃权", item.votes_abstain),
        )
        if count is not None
    ]
    return ",".join(parts)


def _agenda(activity: ActivityDocument, styles: Styles) -> list[Flowable]:
    meeting = activity.kind.is_meeting
    out: list[Flowable] = [Paragraph("会议议题" if meeting else "活动内容", styles.heading)]
    items = activity.agenda
    if not items:
        out.append(Paragraph("未登记议题。" if meeting else "未登记具体内容。", styles.body))
        return out
    for n, item in enumerate(items, start=1):
        out.append(Paragraph(f"{chinese_number(n)}、{plain(item.title)}", styles.subheading))
        discussion = lines(item.discussion)
        if discussion:
            discussion[0] = _label("讨论情况：", styles) + discussion[0]
            out += [Paragraph(p, styles.body) for p in discussion]
        resolution = lines(item.resolution)
        if resolution:
            resolution[0] = _label("决议：", styles) + resolution[0]
            out += [Paragraph(p, styles.body) for p in resolution]
        votes = _votes(item)
        if votes:
            out.append(Paragraph(f"{_label('表决结果:', styles)}{plain(votes)}。", styles.body))
    return out
