"""帮助 → 使用手册: the manual's pages in a QTextBrowser, the contents on the left.

Links between pages, anchors and images are followed inside the window; a link
``pbc:shortcuts`` opens 帮助 → 快捷键 (the window's live list of keys); web links go to
the system's browser. One window per main window, left open beside it while working.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QShowEvent, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.ui.common.screens import fit_to_screen
from pbc_desktop.ui.common.views import close_buttons
from pbc_desktop.ui.help.pages import START_PAGE, manual_dir, page_path, pages

# The link scheme of the program's own commands in the pages (``pbc:shortcuts``).
COMMAND_SCHEME = "pbc"
# Widest picture in a page (pixels; narrower when the page is, not below the minimum); a
# wider screenshot is scaled down smoothly, and a click on it opens it full size in the
# system's picture viewer.
IMAGE_WIDTH = 720
MIN_IMAGE_WIDTH = 400


class ManualBrowser(QTextBrowser):
    """Pictures scaled smoothly to the page's width (Qt's own scaling of ``<img width>``
    drops every other pixel, which makes Chinese text in a screenshot unreadable)."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            image = QImage(self.source().resolved(QUrl(name)).toLocalFile())
            width = max(MIN_IMAGE_WIDTH, min(IMAGE_WIDTH, self.viewport().width() - 40))
            if not image.isNull():
                if image.width() > width:
                    image = image.convertToFormat(QImage.Format.Format_RGB32).scaledToWidth(
                        width, Qt.TransformationMode.SmoothTransformation
                    )
                return image
        return super().loadResource(kind, name)


class HelpWindow(QDialog):
    """Not modal: the clerk reads a step and does it in the main window."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        commands: dict[str, Callable[[], object]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Manual"))
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.commands = dict(commands or {})
        self.contents = QListWidget(self)
        self.contents.setObjectName("helpContents")
        self.browser = ManualBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setSearchPaths([str(manual_dir())])
        self.browser.anchorClicked.connect(self.follow)
        self.browser.sourceChanged.connect(self._source_changed)
        for page in pages():
            item = QListWidgetItem(page.title, self.contents)
            item.setData(Qt.ItemDataRole.UserRole, page.name)
        self.contents.currentItemChanged.connect(self._contents_picked)
        splitter = QSplitter(self)
        splitter.setObjectName("helpSplitter")
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(close_buttons(self))
        fit_to_screen(self, 960, 720)
        self.show_page(START_PAGE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.browser.reload()  # the pictures fit the page's width, now known

    def show_page(self, name: str, anchor: str = "") -> None:
        url = QUrl.fromLocalFile(str(page_path(name)))
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)

    def current_page(self) -> str:
        """The file name (without ``.html``) of the page shown."""
        return self.browser.source().fileName().removesuffix(".html")

    def follow(self, url: QUrl) -> None:
        """A link clicked in a page."""
        if url.scheme() == COMMAND_SCHEME:
            command = self.commands.get(url.path())
            if command is not None:
                command()
        elif url.scheme() in {"http", "https", "mailto"}:
            QDesktopServices.openUrl(url)
        elif url.path().endswith(".png"):  # a screenshot, full size
            QDesktopServices.openUrl(self.browser.source().resolved(url))
        elif url.isRelative() and not url.path():  # "#anchor" within the page
            self.browser.scrollToAnchor(url.fragment())
        else:
            self.browser.setSource(self.browser.source().resolved(url))

    def _source_changed(self, url: QUrl) -> None:
        name = url.fileName().removesuffix(".html")  # source() may still be the old page
        self.setWindowTitle(self.tr("Manual - {0}").format(self.browser.documentTitle()))
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                self.contents.blockSignals(True)
                self.contents.setCurrentItem(item)
                self.contents.blockSignals(False)
                return

    def _contents_picked(self, item: QListWidgetItem | None, _old: QListWidgetItem | None) -> None:
        if item is not None:
            name = item.data(Qt.ItemDataRole.UserRole)
            if name != self.current_page():
                self.show_page(str(name))
