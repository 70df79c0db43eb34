"""The manual's pages (resources/manual/): each listed, each link and picture found,
Chinese punctuation full-width, the pictures small enough to ship."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from pbc_desktop.domain.punctuation import half_width_marks
from pbc_desktop.ui.help.pages import PAGES, START_PAGE, TAB_PAGES, manual_dir, page_title
from pbc_desktop.ui.help.window import COMMAND_SCHEME
from pbc_desktop.ui.shell.main_window import TABS

#: the program commands a page may link to (``pbc:…``), see MainWindow.show_manual
COMMANDS = {"shortcuts"}
#: every picture together (bytes): the manual ships in the installer and the wheel
MAX_IMAGES_SIZE = 3 * 1024 * 1024


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.images: list[str] = []
        self.anchors: set[str] = set()
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        if tag == "a" and "name" in values:
            self.anchors.add(values["name"])
        if "id" in values:
            self.anchors.add(values["id"])
        if tag == "img":
            self.images.append(values["src"])
        if tag == "link":
            self.links.append(values["href"])

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append(data)


def parsed(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


HTML_FILES = sorted(manual_dir().glob("*.html"))


def test_every_page_is_in_the_contents_and_every_tab_has_one() -> None:
    assert sorted(p.stem for p in HTML_FILES) == sorted(PAGES)
    assert PAGES[0] == START_PAGE
    assert set(TAB_PAGES) == {f"{key}Tab" for key, _t, _c in TABS}
    assert set(TAB_PAGES.values()) <= set(PAGES)
    titles = [page_title(manual_dir() / f"{name}.html") for name in PAGES]
    assert len(set(titles)) == len(titles)
    assert titles[0] == "开始使用"


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name)
def test_every_link_and_picture_of_a_page_is_found(path: Path) -> None:
    page = parsed(path)
    for src in page.images:
        assert not urlsplit(src).scheme, src  # offline: only pictures shipped beside it
        assert (path.parent / src).is_file(), src
    for href in page.links:
        url = urlsplit(href)
        if url.scheme == COMMAND_SCHEME:
            assert url.path in COMMANDS, href
            continue
        assert not url.scheme, f"{href}: the manual is read offline"
        target = path.parent / url.path if url.path else path
        assert target.is_file(), href
        if url.fragment:
            assert url.fragment in parsed(target).anchors, href


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name)
def test_the_text_uses_full_width_punctuation(path: Path) -> None:
    bad = [text for text in parsed(path).texts if half_width_marks(text)]
    assert not bad, "half-width punctuation in Chinese text:\n" + "\n".join(bad)


def test_the_pictures_are_used_and_small() -> None:
    images = sorted((manual_dir() / "images").glob("*"))
    assert images
    assert all(p.suffix == ".png" for p in images)
    used = {(path.parent / src).resolve() for path in HTML_FILES for src in parsed(path).images}
    assert {p.resolve() for p in images} == used  # no picture left over
    assert sum(p.stat().st_size for p in images) < MAX_IMAGES_SIZE
