"""What the window says about the article around it: the title bar and the status bar.

The status bar shows the article's format, length and script, the share read and the
time left; it exists once the controls are built (before that, building them fills it
in). The time is counted on the original article: a conversion has the same blocks and
nearly the same characters, and its times are then counted once per article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer

from reader.core.progress import progress

if TYPE_CHECKING:
    from reader.core import Article
    from reader.core.prefs import Prefs
    from reader.ui.controls import Controls
    from reader.ui.view import ArticleView


class Reading(Protocol):
    """What the status line reads: the article as opened and as shown, the preferences."""

    @property
    def article(self) -> Article | None: ...

    @property
    def shown_article(self) -> Article | None: ...

    @property
    def prefs(self) -> Prefs: ...


@dataclass(frozen=True)
class StatusLine:
    """Keeps the title (through `set_title`) and the status bar (of `controls()`, None
    before they are built) in step with `reading`, in the words of `text`."""

    reading: Reading
    view: ArticleView
    text: Callable[..., str]
    controls: Callable[[], Controls | None]
    set_title: Callable[[str], None]

    def update_title(self) -> None:
        """The article's title, then the application's."""
        app = self.text("app")
        r = self.reading
        article = r.shown_article or r.article
        self.set_title(f"{article.title} — {app}" if article else app)

    def update(self) -> None:
        """The status bar's words and progress."""
        c = self.controls()
        if c is not None:  # otherwise building the controls fills it in
            r = self.reading
            p = r.prefs
            c.show_status(
                self.text,
                r.shown_article or r.article,
                r.article,
                p.script,
                p.traditional_standard,
            )
            self.update_progress()

    def update_after_building(self) -> None:
        """`update`, in a turn of its own while the view builds a big article: its
        character count (20 ms for a 10 MB page) then never stalls the window long (see
        docbuild.py)."""
        if self.view.building():
            QTimer.singleShot(0, self.update)
        else:
            self.update()

    def update_progress(self, _block: int | None = None) -> None:
        """The share read and the time left."""
        article, block = self.reading.article, self.view.reading_block()
        c = self.controls()
        if c is not None and article is not None and block is not None:
            at = progress(article, block, at_end=self.view.at_end())
            c.show_progress(self.text, article, at)
