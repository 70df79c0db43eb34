"""The contract between the main window and its tabs.

Every tab is a ``QWidget`` built as ``TabClass(ctx)`` that implements :class:`Tab`; a tab
that can send the user to another tab (the dashboard) also implements :class:`Navigable`,
one where this office can be set up :class:`SetsUpOffice`. The main window checks them
once, when it builds the tab, and then calls them directly.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance


@runtime_checkable
class Tab(Protocol):
    """What the main window asks of every tab."""

    def refresh(self) -> None:
        """Reload choices and rows: another tab (or window) may have changed the data."""

    def apply_filters(self, *args: Any, **filters: Any) -> None:
        """Show exactly the rows matching ``filters`` (keyword arguments only; the names
        are the tab's own, e.g. ``town=``, ``status=``); filters not named are cleared."""


@runtime_checkable
class FollowsChanges(Protocol):
    """A tab that shows others' writes in place (a listing: its selection and scroll kept);
    any other tab is refreshed."""

    def follow_changes(self) -> None:
        """Reload what is shown, keeping the user's place in it."""


@runtime_checkable
class Navigable(Protocol):
    """A tab that asks the main window to open another tab, filtered."""

    @property
    def navigate(self) -> SignalInstance:
        """``Signal(str, dict)``: the key of the tab to open and its ``apply_filters``."""


@runtime_checkable
class SetsUpOffice(Protocol):
    """A tab where this database's office can be set up or changed (the first steps)."""

    @property
    def office_changed(self) -> SignalInstance:
        """``Signal()``: the office was set up or changed; the main window follows it."""


def checked_tab(widget: object) -> Tab:
    """``widget`` as a :class:`Tab`, or a ``TypeError`` naming what it lacks (a bug)."""
    if not isinstance(widget, Tab):
        missing = [name for name in ("refresh", "apply_filters") if not hasattr(widget, name)]
        raise TypeError(f"{type(widget).__name__} is not a Tab: no {', '.join(missing)}")
    return widget
