"""MainWindow: actions and menus, the current Article, and the wiring between widgets."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QSplitter, QWidget

from reader.core import Article, ReaderError, load_article
from reader.core.render import render
from reader.ui.sidebar import Sidebar
from reader.ui.view import ArticleView

log = logging.getLogger(__name__)

OPEN_FILTERS = "Saved pages (*.html *.htm *.xhtml *.mht *.mhtml *.txt);;All files (*)"


class MainWindow(QMainWindow):
    """The reader's one window."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._article: Article | None = None
        self._path: Path | None = None
        self.view = ArticleView(self)
        self.sidebar = Sidebar(self)
        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.addWidget(self.sidebar)
        self._splitter.addWidget(self.view)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setSizes([220, 780])
        self.setCentralWidget(self._splitter)
        self.sidebar.section_activated.connect(self._go_to_section)

        self.action_open = QAction("開啟…", self)
        self.action_open.setObjectName("actionOpen")
        self.action_open.setShortcut(QKeySequence.StandardKey.Open)
        self.action_open.triggered.connect(self.open_dialog)
        menu = self.menuBar().addMenu("檔案")
        menu.addAction(self.action_open)
        self.resize(1000, 720)
        self.setWindowTitle("清讀")

    @property
    def article(self) -> Article | None:
        """The article on screen, as extracted (unconverted)."""
        return self._article

    def open_path(self, path: str | Path) -> bool:
        """Open the saved page at `path`; on failure show why and keep the current article."""
        p = Path(path)
        try:
            article = load_article(p)
        except ReaderError as exc:
            self._show_error("無法開啟", f"{p.name}\n\n{exc}")
            return False
        self._article = article
        self._path = p
        self.view.show_article(render(article), "")
        self.sidebar.set_article(article)
        self.setWindowTitle(f"{article.title} — 清讀")
        return True

    def open_dialog(self) -> None:
        """Ask for a file and open it."""
        path = self._ask_open_path()
        if path is not None:
            self.open_path(path)

    def _ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, "開啟", "", OPEN_FILTERS)
        return Path(name) if name else None

    def _show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def _go_to_section(self, index: int) -> None:
        if self._article is not None and 0 <= index < len(self._article.sections):
            self.view.scroll_to(f"b{self._article.sections[index].block}")
