"""The reader's files in and out: opening a saved page, and keeping the article shown.

Every way in (File ▸ Open…, Reload, the command line, a file dropped on the window, the
Open Recent menu, the library) ends in `open`, which hands the path to the reading
session with the script the reader chose. File ▸ Export and Print hand what is on screen
(`export.Shown`: the article as converted, its HTML and pictures, the body font) to the
dialogs (`prompts.py`); `export.py` is imported only then.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.ui.routing import ScriptRouting

if TYPE_CHECKING:
    from reader.core.prefs import Prefs
    from reader.ui.export import Shown
    from reader.ui.prompts import Prompts
    from reader.ui.session import ReadingSession
    from reader.ui.view import ArticleView


class Files:
    """Opens pages into `session` in the script `prefs()` asks for, and exports or prints
    what `view` shows, asking through `prompts`."""

    def __init__(
        self,
        session: ReadingSession,
        view: ArticleView,
        prefs: Callable[[], Prefs],
        prompts: Prompts,
    ) -> None:
        self._session = session
        self._view = view
        self._prefs = prefs
        self._prompts = prompts

    def open(self, path: str | Path, *, speakers_later: bool = False) -> bool:
        """Open the saved page at `path` (see `MainWindow.open_path`; `speakers_later`:
        see `ReadingSession.open`)."""
        key = ScriptRouting.key(self._prefs())
        return self._session.open(Path(path), key, speakers_later=speakers_later)

    def ask_open(self) -> None:
        """Ask for a file and open it."""
        path = self._session.path
        chosen = self._prompts.ask_open_path(str(path.parent) if path else "")
        if chosen is not None:
            self.open(chosen)

    def reload(self) -> None:
        """Open the current file again, keeping the place."""
        path = self._session.path
        if path is not None:
            self._session.remember_position()
            self.open(path)

    def export(self, fmt: str) -> None:
        """Ask where, then write the article shown as `fmt` ("markdown", "html", "pdf")."""
        shown = self._shown()
        if shown is not None:
            self._prompts.export(fmt, shown)

    def print(self) -> None:
        """Print the article shown (Qt's print dialog)."""
        shown = self._shown()
        if shown is not None:
            self._prompts.print(shown)

    def _shown(self) -> Shown | None:
        from reader.ui.export import Shown  # noqa: PLC0415 - only when exporting or printing

        s = self._session
        article = s.shown or s.article
        if article is None:
            return None
        font = self._view.document().defaultFont()
        return Shown(article, s.html, s.images, font, s.path, self._prefs().accent)
