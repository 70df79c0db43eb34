"""The signature lines of a printed report: "主持人（签字）：______" side by side, each with
"日期：____年__月__日" below ("Prepared by (signature): ____", "Date: ____" in a report
that speaks English, see :func:`layout.in_english`). Signers whose lines do not fit side
by side (long English titles) stand one below the other. :func:`layout.sign_below` and
:func:`layout.fit_signatures` keep the block with what it signs."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from pbc_desktop.domain.punctuation import cjk_punctuation
from pbc_desktop.reports.layout import BODY_LEADING, BODY_SIZE, TEXT_WIDTH


class SignatureBlock(Flowable):  # type: ignore[misc]
    """ "主持人（签字）：______" side by side, each with a "日期：____年__月__日" line below;
    one below the other when their lines do not fit side by side."""

    def __init__(
        self,
        labels: Sequence[str],
        font: str,
        *,
        size: float = BODY_SIZE,
        date_text: str | None = None,
        space_before: float = BODY_LEADING,
        english: bool = False,
    ) -> None:
        super().__init__()
        self.english = english
        self.labels = [
            f"{label} (signature): " if english else cjk_punctuation(f"{label}（签字）：")
            for label in labels
        ]
        self.font = font
        self.size = size
        self.date_text = date_text
        self.spaceBefore = space_before
        self.row_gap = size * 2.6
        self.width = TEXT_WIDTH
        self.height = self._height()

    def _per_row(self) -> int:
        """Signers side by side: all, when each label fits in its column (its line may
        run short), the shortest line after it ends in the column (before the next
        signer's label; the last one's before the right margin) and so does the date line;
        else one a row ("Handed over by (signature): ___" ran its line under "Received",
        the line of the last of two long Chinese titles into the margin)."""
        count = max(len(self.labels), 1)
        column = self.width / count
        widths = [stringWidth(x, self.font, self.size) for x in self.labels]
        fits = (
            all(w + self.size <= column for w in widths)
            and all(w + 2 + self._shortest_line() <= column for w in widths)
            and self._date_width() <= column
        )
        return count if fits else 1

    def _shortest_line(self) -> float:
        return self.size * 3

    def _height(self) -> float:
        return self.row_gap * 2 * math.ceil(max(len(self.labels), 1) / self._per_row())

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self._height()
        return avail_width, self.height

    def _underline(self, x: float, y: float, width: float) -> float:
        self.canv.line(x, y - 3, x + width, y - 3)
        return x + width

    def _text(self, x: float, y: float, text: str) -> float:
        self.canv.drawString(x, y, text)
        return x + float(stringWidth(text, self.font, self.size))

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFont(self.font, self.size)
        canv.setLineWidth(0.6)
        per_row = self._per_row()
        column = self.width / per_row
        for i, label in enumerate(self.labels):
            row, place = divmod(i, per_row)
            base = self.height - (row + 1) * 2 * self.row_gap  # this signer's two lines
            left = place * column
            right = left + column - self.size
            sign_y = base + self.row_gap * 1.3
            x = self._text(left, sign_y, label)
            self._underline(x + 2, sign_y, max(right - x - 2, self._shortest_line()))
            self._date(left, base + self.row_gap * 0.3)
        canv.restoreState()

    def _date_width(self) -> float:
        """How far the date line (:meth:`_date`) reaches from its signer's left."""
        width = stringWidth(self._date_label(), self.font, self.size)
        if self.date_text:
            date_text = self.date_text if self.english else cjk_punctuation(self.date_text)
            return float(width + stringWidth(date_text, self.font, self.size))
        if self.english:
            return float(width + 2 + self.size * 6)
        blanks = sum(2 + blank + 2 for blank, _unit in self._blanks())
        units = sum(stringWidth(unit, self.font, self.size) for _blank, unit in self._blanks())
        return float(width + blanks + units)

    def _date_label(self) -> str:
        return "Date: " if self.english else cjk_punctuation("日期：")

    def _blanks(self) -> tuple[tuple[float, str], ...]:
        """The blanks of a Chinese date to fill in by hand, each with its unit."""
        return ((self.size * 2.2, "年"), (self.size * 1.5, "月"), (self.size * 1.5, "日"))

    def _date(self, left: float, y: float) -> None:
        """The date line: the date given, or blanks to fill in by hand."""
        x = self._text(left, y, self._date_label())
        if self.date_text:
            self._text(x, y, self.date_text if self.english else cjk_punctuation(self.date_text))
            return
        if self.english:
            self._underline(x + 2, y, self.size * 6)
            return
        for blank, unit in self._blanks():
            x = self._underline(x + 2, y, blank) + 2
            x = self._text(x, y, unit)
