"""The callbacks slow work reports through, declared once for every layer.

A long job (an import, an export, a report, a demo district, a backup) takes
``progress(percent, text)`` to say how far it got and ``cancelled()`` to learn whether the
user pressed Cancel; ``ui.worker`` supplies both from a background thread. Plain
callables, so services and reports know nothing of Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

ProgressFn: TypeAlias = Callable[[int, str], None]
CancelFn: TypeAlias = Callable[[], bool]
