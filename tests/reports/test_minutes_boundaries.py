"""The minutes' signatures at page boundaries: always below the last paragraph."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pbc_desktop.db.engine import Database
from pbc_desktop.reports.minutes import write_minutes_pdf
from pbc_desktop.services.activities.detail import AgendaView
from pbc_desktop.services.activities.documents import get_activity_document
from tests.pdf_helpers import page_texts, signed_page
from tests.report_factories import make_joint_meeting

DISCUSSION = "大家认真讨论了本议题，一致同意。" * 3


def test_the_signatures_go_over_with_the_last_paragraph(db: Database, tmp_path: Path) -> None:
    """Agendas of 3–4 and 9–10 items with votes end at a page's foot: the signatures go
    over with the votes of the last item, never alone."""
    base = get_activity_document(db, make_joint_meeting(db).activity_id)
    pages_seen = set()
    for count in (3, 4, 9, 10):
        agenda = tuple(
            AgendaView(n, f"议题{n}号", DISCUSSION, None, 5, 0, None) for n in range(1, count + 1)
        )
        path = write_minutes_pdf(
            replace(base, agenda=agenda), tmp_path / f"{count}.pdf", invariant=True
        )
        signed = signed_page(path, "主持人（签字）")
        assert signed.before.endswith("表决结果：同意5票，反对0票。"), count
        pages_seen.add(len(page_texts(path)))
        if count in (4, 10):  # the last votes went over with them, to a page's head
            assert signed.before.startswith("表决结果"), count
    assert pages_seen == {2, 3, 4}
