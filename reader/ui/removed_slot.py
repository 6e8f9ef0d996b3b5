"""The removed-content panel's place in the window: built on first use, then kept on the
open article and in the reader's language.

`removed.py` (and its Qt classes) is imported only when the panel is first asked for,
so start-up does without it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reader.core import Article
    from reader.ui.removed import RemovedPanel


class RemovedSlot:
    """Builds the panel under `parent` and hands it to `place`; `text` gives its words
    and `article` the article it lists."""

    def __init__(
        self,
        parent: QWidget,
        place: Callable[[QWidget], None],
        text: Callable[..., str],
        article: Callable[[], Article | None],
    ) -> None:
        self._parent = parent
        self._place = place
        self._text = text
        self._article = article
        self._panel: RemovedPanel | None = None  # built when first shown

    def panel(self) -> RemovedPanel:
        """The panel (built now if it is not yet)."""
        if self._panel is None:
            from reader.ui.removed import RemovedPanel  # noqa: PLC0415 - not at start-up

            panel = RemovedPanel(self._parent)
            panel.hide()
            panel.set_labels(self._text, self._text("removed_none"))
            article = self._article()
            if article is not None:
                panel.set_article(article)
            self._place(panel)
            self._panel = panel
        return self._panel

    def shown(self) -> bool:
        """Whether the panel is shown."""
        return self._panel is not None and self._panel.isVisibleTo(self._parent)

    def toggle(self) -> None:
        """Show or hide the panel."""
        self.panel().setVisible(not self.shown())

    def set_article(self, article: Article) -> None:
        """List what the cleaner removed from `article` (if the panel exists)."""
        if self._panel is not None:
            self._panel.set_article(article)

    def retranslate(self) -> None:
        """Put the reader's words on the panel (if it exists)."""
        if self._panel is not None:
            self._panel.set_labels(self._text, self._text("removed_none"))
