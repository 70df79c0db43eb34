"""Money in fen (分): parsing what a clerk types ("1,234.50", "¥1234.5元") and showing it."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from pbc_desktop.domain.validation import typed_number
from pbc_desktop.lang import t

#: The largest amount accepted: one hundred million yuan (a typo guard, not a ledger limit).
MAX_CENTS = 100_000_000 * 100

_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?$")
_PLAIN = re.compile(r"^\d+(\.\d*)?$|^\.\d+$")


class MoneyError(ValueError):
    """The text is not an amount; ``message`` says why, in the current language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


#: How an amount is named in the sentences of :func:`parse_yuan` (Chinese, English).
AMOUNT = ("金额", "amount")


def parse_yuan(text: str, *, zero: bool = False, field: tuple[str, str] = AMOUNT) -> int:
    """The amount in fen of a positive yuan amount such as ``1,234.50`` or ``¥ 80元``.

    Full-width digits and punctuation are accepted; thousands separators must be in the
    right places; at most two decimals; negative amounts are refused, and zero too unless
    ``zero`` (an amount that may be none, such as an award: ``0`` is then 0). The
    :class:`MoneyError` names the amount as ``field`` (``("奖补金额", "award")``:
    "奖补金额不能为负数").
    """
    zh, en = field
    raw = typed_number(unicodedata.normalize("NFKC", text)).strip().replace("，", ",")
    for mark in ("¥", "￥", "RMB", "元", " "):
        raw = raw.replace(mark, "")
    if not raw:
        raise MoneyError(t(f"请填写{zh}", f"Enter the {en}"))
    if raw.startswith("-"):
        raise _not_positive(zero, zh, en)
    typed = text.strip()
    invalid = MoneyError(t(f"「{typed}」不是有效的{zh}", f"'{typed}' is not a valid {en}"))
    if "," in raw and not _GROUPED.match(raw):
        raise invalid
    digits = raw.replace(",", "")
    if not _PLAIN.match(digits):
        raise invalid
    try:
        value = Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - the pattern already refused it
        raise invalid from exc
    scaled = value * 100  # 1,234.500 (a cell formatted with three decimals) is 1,234.50
    if scaled != scaled.to_integral_value():
        raise MoneyError(t(f"{zh}最多精确到分（两位小数）", "Use at most two decimals (fen)"))
    cents = int(scaled)
    if cents == 0 and not zero:
        raise _not_positive(zero, zh, en)
    if cents > MAX_CENTS:
        raise MoneyError(t(f"{zh}过大，请核对", f"The {en} is too large; please check it"))
    return cents


def _not_positive(zero: bool, zh: str, en: str) -> MoneyError:
    if zero:
        return MoneyError(t(f"{zh}不能为负数", f"The {en} cannot be negative"))
    return MoneyError(t(f"{zh}必须大于零", f"The {en} must be greater than zero"))


def typed_amount(text: str) -> Decimal | None:
    """An amount as typed in a cell or a field: ``None`` when empty; full-width digits and
    point (``４０．５０``) and ``。`` for the point, as a Chinese input method types them
    (:func:`~pbc_desktop.domain.validation.typed_number`), thousands commas (``,``
    or ``，``, between groups of three digits), ``¥`` and ``元`` are taken; a text that
    is no number (``abc``, ``1,2``, ``1e5``) is ``Decimal("NaN")``,
    which :func:`cents_of` (and so the service) refuses by the field's name."""
    cleaned = typed_number(unicodedata.normalize("NFKC", text)).strip().replace("，", ",")
    for mark in ("¥", "元", " "):
        cleaned = cleaned.replace(mark, "")
    if not cleaned:
        return None
    sign, number = (cleaned[0], cleaned[1:]) if cleaned[:1] in ("+", "-") else ("", cleaned)
    # a comma only between groups of three digits: "1,2" or "3,50" (a comma typed for the
    # point) was read 12 and 350 yuan, and "1e5" 100,000
    if "," in number and not _GROUPED.match(number):
        return Decimal("NaN")
    number = number.replace(",", "")
    if not _PLAIN.match(number):
        return Decimal("NaN")
    return Decimal(sign + number)


def format_yuan(cents: int, *, symbol: bool = False, grouped: bool = True) -> str:
    """``123450`` → ``1,234.50`` (``¥1,234.50`` with ``symbol``, ``1234.50`` without
    ``grouped``, e.g. in an edit); negatives keep their sign."""
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), 100)
    return f"{sign}{'¥' if symbol else ''}{yuan:{',' if grouped else ''}}.{fen:02d}"


def format_amount(value: Decimal | None, *, grouped: bool = True) -> str:
    """Exact Decimal yuan with two decimals: ``Decimal("1234.5")`` → ``1,234.50``
    (``1234.50`` without ``grouped``); ``None`` → empty (a cell with nothing due)."""
    if value is None:
        return ""
    return f"{value:{',' if grouped else ''}.2f}"


def yuan(cents: int) -> Decimal:
    """Fen as exact Decimal yuan: ``1234`` → ``Decimal('12.34')`` (for JSON and people)."""
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def cents_of(amount: Decimal) -> int:
    """Exact Decimal yuan → fen; refused with :class:`MoneyError`: more than two decimals,
    no number at all (``NaN``, ``Infinity``) or more than :data:`MAX_CENTS` either way
    (``1e20`` typed in a cell would not fit a database integer)."""
    if not amount.is_finite():
        raise MoneyError(t(f"「{amount}」不是有效的金额", f"'{amount}' is not a valid amount"))
    scaled = amount * 100
    if scaled != scaled.to_integral_value():
        raise MoneyError(t("金额最多精确到分（两位小数）", "Use at most two decimals (fen)"))
    if abs(scaled) > MAX_CENTS:
        raise MoneyError(t("金额过大，请核对", "The amount is too large; please check it"))
    return int(scaled)
