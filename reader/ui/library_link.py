"""What the reader's window knows of the library: its window, and reading positions.

The composition root builds one `LibraryLink` and hands it to the main window. Nothing is
opened, or even imported, until it is first used, so start-up pays nothing for the
library: the index on the first saved position, the library window on Ctrl+L.

Reading positions: the reader's settings are the one source of truth for where to
resume; the window passes every position it saves to `record_position`, and the index
follows (see reader/ui/library.py).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reader.core.prefs import Language
    from reader.library.index import Index
    from reader.ui.library import LibraryWindow

log = logging.getLogger(__name__)


class LibraryLink(QObject):
    """The library as the reader's window sees it.

    Signals:
        article_requested(str, object): the library asks to open a file (see LibraryWindow).
        failed(str): the library cannot be used (one sentence for a dialog).
    """

    article_requested = Signal(str, object)
    failed = Signal(str)

    def __init__(
        self,
        index_path: Path | None = None,
        *,
        workers: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._given_path = index_path
        self._workers = workers
        self._window: LibraryWindow | None = None
        self._index: Index | None = None

    @property
    def window(self) -> LibraryWindow | None:
        """The library window, once shown."""
        return self._window

    def show(self, language: Language, parent: QWidget | None = None) -> None:
        """Show the library window (built, and its folders rescanned, on first use)."""
        if self._window is None:
            import sqlite3  # noqa: PLC0415 - see the docstring: nothing of the library at start-up

            from reader.library.index import LibraryError  # noqa: PLC0415 - see the docstring
            from reader.ui.library import LibraryWindow  # noqa: PLC0415

            try:
                self._window = LibraryWindow(self.path, language=language, workers=self._workers)
            except (LibraryError, sqlite3.Error) as exc:
                self.failed.emit(str(exc))
                return
            self._window.article_requested.connect(self.article_requested)
            if parent is not None:
                self._window.move(parent.geometry().topLeft())
        self._window.set_language(language)
        if self._window.isVisible():  # already open, perhaps behind the reader: bring it up
            self._window.raise_()
            self._window.activateWindow()
        else:
            self._window.show()

    def record_position(self, path: Path | str, block: int, offset: int) -> None:
        """Follow a position the reader saved (nothing if the file is not in the library)."""
        import sqlite3  # noqa: PLC0415 - see the docstring: nothing of the library at start-up

        try:
            if self._window is not None:
                self._window.record_position(path, block, offset)
            elif (index := self._open()) is not None:
                index.set_position(path, block, offset)
        except sqlite3.Error as exc:  # the reader goes on; the library's scan reports it
            log.warning("Library position not saved: %s", exc)

    def shutdown(self) -> None:
        """Stop a running scan (its work is kept) and close the index."""
        if self._window is not None:
            self._window.close()
            self._window.index.close()
        if self._index is not None:
            self._index.close()
            self._index = None

    @property
    def path(self) -> Path:
        """The index file (the default one unless the constructor was given another)."""
        if self._given_path is None:
            from reader.library.index import default_path  # noqa: PLC0415 - see the docstring

            self._given_path = default_path()
        return self._given_path

    def _open(self) -> Index | None:
        if self._index is None:
            from reader.library.index import Index, LibraryError  # noqa: PLC0415

            if not self.path.is_file():
                return None  # no library yet: nothing to follow, nothing to create
            try:
                self._index = Index(self.path, verify=False)
            except LibraryError as exc:
                log.warning("%s", exc)
                return None
        return self._index
