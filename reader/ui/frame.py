"""The window's frame: the sidebar beside the reading column, and the room each gets.

The reading column holds the article view, then (when shown) the removed-content panel
and the find bar. The frame gives the window its first size, fits the sidebar to the
window (hidden when it would be empty or leave no readable column) and remembers the
geometry and the sidebar between runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QFrame, QSplitter, QVBoxLayout, QWidget

from reader.ui import settings as store

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, QSize
    from PySide6.QtWidgets import QMainWindow

    from reader.ui.sidebar import Sidebar
    from reader.ui.view import ArticleView

SIDEBAR_WIDTH = 230
"""The sidebar's first width: a section title of about twelve characters."""

FIRST_SIZE = (1120, 780)
"""The window's first size where the screen has room: a 40-character column, the sidebar
and a margin on either side."""

SCREEN_SHARE = 0.9
"""At most this share of the available screen at first: a 1366x768 screen (or 150 %
scaling) keeps the status bar and the desktop's panel in view."""


def first_size(available: QSize) -> tuple[int, int]:
    """The window's first size on a screen with `available` room."""
    return (
        min(FIRST_SIZE[0], round(available.width() * SCREEN_SHARE)),
        min(FIRST_SIZE[1], round(available.height() * SCREEN_SHARE)),
    )


class Frame:
    """`sidebar` and a reading column around `view`, as `window`'s central widget."""

    def __init__(self, window: QMainWindow, view: ArticleView, sidebar: Sidebar) -> None:
        self._window = window
        self._view = view
        self._sidebar = sidebar
        reading = QWidget(window)
        self._column = QVBoxLayout(reading)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(view, 1)
        self.sidebar_wanted = True  # the reader's choice; an empty or narrow one hides
        self._sidebar_width = SIDEBAR_WIDTH
        # Horizontal is QSplitter's default; naming Qt.Orientation here would make PySide
        # build every enum of the Qt namespace before the first paint (40 ms).
        self._splitter = QSplitter()
        self._splitter.setObjectName("splitter")
        self._splitter.addWidget(sidebar)
        self._splitter.addWidget(reading)
        self._splitter.setStretchFactor(0, 0)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setCollapsible(1, False)
        self._splitter.setHandleWidth(1)
        view.setFrameShape(QFrame.Shape.NoFrame)
        window.setCentralWidget(self._splitter)

    def add_below(self, widget: QWidget) -> None:
        """Put `widget` at the bottom of the reading column (the find bar)."""
        self._column.addWidget(widget)

    def add_panel(self, widget: QWidget) -> None:
        """Put `widget` just under the article (the removed-content panel)."""
        self._column.insertWidget(1, widget)

    def toggle_sidebar(self) -> None:
        """Show or hide the sidebar, as the reader's choice."""
        self.sidebar_wanted = not self._sidebar.isVisibleTo(self._window)
        self._sidebar.setVisible(self.sidebar_wanted)

    def fit_sidebar(self, empty: bool) -> bool:
        """Show the sidebar as the reader wants it, unless it would be `empty`, or the window
        is too narrow for it and a readable column (then the toggle brings it back).
        Returns whether it was shown or hidden."""
        sidebar, window = self._sidebar, self._window
        width = self._splitter.sizes()[0]
        if sidebar.isVisibleTo(window) and width > 0:
            self._sidebar_width = width  # (a hidden one measures 0)
        room = window.width() - self._sidebar_width >= self._view.minimum_reading_width()
        show = self.sidebar_wanted and not empty and room
        if sidebar.isVisibleTo(window) == show:
            return False
        sidebar.setVisible(show)
        return True

    def restore(self, settings: QSettings) -> None:
        """The geometry and the sidebar of the last run (or a first size for the screen)."""
        window = self._window
        geometry = store.load_geometry(settings)
        if geometry is None or not window.restoreGeometry(geometry):
            window.resize(*first_size(window.screen().availableGeometry().size()))
        width, visible = store.load_sidebar(settings)
        self._sidebar_width = width or SIDEBAR_WIDTH
        self._splitter.setSizes([self._sidebar_width, 900])
        self.sidebar_wanted = visible
        self._sidebar.setVisible(visible)

    def save(self, settings: QSettings) -> None:
        """Remember the geometry and the sidebar for the next run."""
        store.save_geometry(settings, QByteArray(self._window.saveGeometry()))
        visible = self.sidebar_wanted
        store.save_sidebar(settings, self._splitter.sizes()[0] if visible else 0, visible)
