"""The window's dialogs in the reader's language: a file to open, a font, export, print, errors.

`Dialogs` (dialogs.py) is the injected seam that shows them; this puts the window's
words on them and installs Qt's own words (buttons, a file dialog's labels) in the same
language just before each one is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.ui import i18n

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QWidget

    from reader.core.prefs import Language
    from reader.ui.dialogs import Dialogs
    from reader.ui.export import Shown


class Prompts:
    """`dialogs` over `parent`, in the language `language()` gives at the time."""

    def __init__(self, parent: QWidget, dialogs: Dialogs, language: Callable[[], Language]) -> None:
        self._parent = parent
        self._dialogs = dialogs
        self._language = language
        self._qt_texts = i18n.QtTranslations(parent)

    def ask_open_path(self, folder: str) -> Path | None:
        """The file the reader chose to open (starting in `folder`), or None."""
        self._qt_words()  # the file dialog's own words
        return self._dialogs.ask_open_path(
            self._parent, self._t("open_title"), folder, self._t("open_filter")
        )

    def choose_font(self, name: str, current: str) -> str | None:
        """The face chosen for `name` ("font_traditional", "font_simplified"), "" for
        automatic; None if cancelled. `current` is the face in use."""
        from reader.ui.typography import cjk_families  # noqa: PLC0415

        traditional, simplified = cjk_families()
        auto = self._t("font_automatic")
        items = [auto, *(traditional if name == "font_traditional" else simplified)]
        key = "menu_" + name
        self._qt_words()  # the dialog's OK and Cancel
        chosen = self._dialogs.choose_item(
            self._parent,
            self._t(key),
            self._t(key),
            items,
            items.index(current) if current in items else 0,
        )
        if chosen is None:
            return None
        return "" if chosen == auto else chosen

    def export(self, fmt: str, shown: Shown) -> None:
        """Ask where, then write `shown` as `fmt` ("markdown", "html", "pdf")."""
        from reader.ui.export import Exporter  # noqa: PLC0415 - only when exporting

        self._qt_words()  # the file dialog's own words
        Exporter(self._parent, self._dialogs, self._t, self.error).export(fmt, shown)

    def print(self, shown: Shown) -> None:
        """Print `shown` (Qt's print dialog)."""
        from reader.ui.export import Exporter  # noqa: PLC0415 - only when printing

        self._qt_words()
        Exporter(self._parent, self._dialogs, self._t, self.error).print(shown)

    def reason(self, message: str) -> str:
        """The core's reason `message` in the reader's language (errors.py)."""
        from reader.ui.errors import reason  # noqa: PLC0415 - on errors only

        return reason(message, self._language())

    def error(self, title: str, message: str) -> None:
        """Tell the reader something failed."""
        self._qt_words()  # the dialog's own buttons in the same language
        self._dialogs.show_error(self._parent, title, message)

    def open_link(self, url: QUrl) -> None:
        """Open a web link in the reader's browser; with none, copy it and say so."""
        if url.scheme().lower() in ("http", "https") and not self._dialogs.open_url(url):
            from PySide6.QtGui import QGuiApplication  # noqa: PLC0415 - on first use only

            text = url.toString()
            QGuiApplication.clipboard().setText(text)
            self.error(self._t("no_browser_title"), self._t("no_browser", url=text))

    def _t(self, key: str, **fields: object) -> str:
        return i18n.text(key, self._language(), **fields)

    def _qt_words(self) -> None:
        self._qt_texts.use(self._language())
