"""The Open Recent menu's list: the files opened lately and their articles' titles.

The list is kept in the settings (`settings.py`); this object adds to it, clears it and
puts it in the menu of the controls (`Controls.set_recent`), each entry opening its file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.ui import settings as store

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow

    from reader.ui.controls import Controls


class RecentFiles:
    """The recent files stored in `settings`; an entry chosen goes to `open_path`."""

    def __init__(self, settings: QSettings, open_path: Callable[[Path], object]) -> None:
        self._settings = settings
        self._open_path = open_path

    def add(self, path: Path, title: str | None = None) -> None:
        """Put `path` (with its article's `title`, if known) first in the list."""
        store.add_recent(self._settings, path, title)

    def clear(self) -> None:
        """Forget the recent files."""
        store.clear_recent(self._settings)

    def fill(self, controls: Controls, window: QMainWindow, none_text: str) -> None:
        """List them in the Open Recent menu of `controls` (`none_text` when there are none)."""
        recent = [Path(p) for p in store.recent_files(self._settings)]
        titles = store.recent_titles(self._settings)
        controls.set_recent(window, recent, self._open_path, none_text, titles)
