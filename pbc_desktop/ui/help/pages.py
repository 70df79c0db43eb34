"""The manual's pages: HTML files in ``resources/manual/`` (Chinese, shipped with the
program, read offline), their order in the contents and the page of each tab (F1).

The page titles are the files' own ``<title>``, so the contents cannot drift from the pages.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from pbc_desktop.paths import resources_dir

#: The pages in the order of the contents (file names without ``.html``).
PAGES = (
    "index",
    "communities",
    "organizations",
    "members",
    "development",
    "activities",
    "lists",
    "assessment",
    "fees",
    "overview",
    "exchange",
    "backup",
    "accounts",
    "shortcuts",
)

#: The first page: 开始使用 (a new database, step by step).
START_PAGE = "index"

#: The page F1 opens for each tab, by the tab's object name (``<key>Tab``, main_window.py).
TAB_PAGES = {
    "overviewTab": "overview",
    "communitiesTab": "communities",
    "organizationsTab": "organizations",
    "membersTab": "members",
    "developmentTab": "development",
    "activitiesTab": "activities",
    "listsTab": "lists",
    "assessmentTab": "assessment",
}

_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    name: str
    title: str
    path: Path


def manual_dir() -> Path:
    return resources_dir() / "manual"


def page_path(name: str) -> Path:
    return manual_dir() / f"{name}.html"


def page_title(path: Path) -> str:
    """The text of the page's ``<title>`` (the file name when it has none)."""
    found = _TITLE.search(path.read_text(encoding="utf-8"))
    return html.unescape(found.group(1)).strip() if found else path.stem


def pages() -> list[Page]:
    """The manual's pages in the contents' order."""
    return [Page(name, page_title(page_path(name)), page_path(name)) for name in PAGES]


def page_for_tab(object_name: str) -> str:
    """The page of the tab named ``object_name``; the start page for anything else."""
    return TAB_PAGES.get(object_name, START_PAGE)
