"""Moving through the article: sections and speakers, in the sidebar and in the view.

`Navigator` fills the sidebar's groups from the article on screen, follows the reader's
place with the current section, jumps to sections, cycles through a speaker's passages
and marks them. It is given the view, the sidebar, and ways to read the article shown
and the marking colour; it holds only which speaker is marked.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from reader.core import Article
from reader.core.render import anchor
from reader.ui.i18n import parenthesized
from reader.ui.sidebar import Sidebar, SidebarEntry, SidebarGroup
from reader.ui.view import ArticleView

SECTIONS, SPEAKERS = "sections", "speakers"
"""The sidebar's groups (their kinds are also the i18n keys of their titles)."""


class Navigator(QObject):
    """Sections and speakers of the article on screen, in the sidebar and the view."""

    def __init__(
        self,
        view: ArticleView,
        sidebar: Sidebar,
        article: Callable[[], Article | None],
        mark_color: Callable[[], QColor],
    ) -> None:
        super().__init__(sidebar)
        self._view = view
        self._sidebar = sidebar
        self._article = article
        self._mark_color = mark_color
        self._speaker: int | None = None  # index in article.speakers (same in every script)
        self._speaker_next = 0
        sidebar.entry_activated.connect(self._entry_activated)
        view.top_block_changed.connect(self.track)

    def reset(self) -> None:
        """A new article: no speaker marked."""
        self._speaker = None
        self._speaker_next = 0

    def fill(self, title: Callable[[str], str]) -> None:
        """Show the article's groups in the sidebar, titled by `title(kind)`."""
        article = self._article()
        if article is None:
            return
        self._sidebar.set_groups(
            [
                SidebarGroup(
                    SECTIONS,
                    title(SECTIONS),
                    tuple(
                        SidebarEntry(s.title, s.title, i) for i, s in enumerate(article.sections)
                    ),
                ),
                SidebarGroup(
                    SPEAKERS,
                    title(SPEAKERS),
                    tuple(
                        SidebarEntry(parenthesized(s.name, len(s.blocks)), s.name, s.name)
                        for s in article.speakers
                    ),
                ),
            ]
        )
        self.track(self._view.top_block())

    def go_to_section(self, index: int) -> None:
        """Put section `index`'s heading at the top of the view."""
        article = self._article()
        if article is not None and 0 <= index < len(article.sections):
            self._view.scroll_to(anchor(article.sections[index].block))
            self._sidebar.set_current(SECTIONS, index)

    def step_section(self, step: int) -> None:
        """Jump to the next (`step` 1) or previous (-1) section from the top of the view."""
        sections, top = self._section_blocks(), self._view.top_block()
        if not sections or top is None:
            return
        i = (
            bisect.bisect_right(sections, top)
            if step > 0
            else bisect.bisect_left(sections, top) - 1
        )
        if 0 <= i < len(sections):
            self.go_to_section(i)

    def go_to_speaker(self, name: str) -> None:
        """Jump to `name`'s next passage (cycling) and mark all their passages."""
        article = self._article()
        names = [s.name for s in article.speakers] if article else []
        if article is None or name not in names:
            return
        index = names.index(name)
        speaker = article.speakers[index]
        if not speaker.blocks:
            return
        if self._speaker != index:
            self._speaker = index
            self._speaker_next = 0
        i = self._speaker_next % len(speaker.blocks)
        self._speaker_next = i + 1
        self.mark_speaker()
        self._view.scroll_to(anchor(speaker.blocks[i]))

    def marked_speaker(self) -> str | None:
        """The name of the speaker whose passages are marked, if any."""
        article = self._article()
        if article is None or self._speaker is None or self._speaker >= len(article.speakers):
            return None
        return article.speakers[self._speaker].name

    def mark_speaker(self) -> None:
        """Mark the chosen speaker's passages again (after the document changed)."""
        # The speaker is kept by index: after a script switch the name is written
        # differently, but the list (and each speaker's blocks) is the same.
        article, index = self._article(), self._speaker
        if article is None or index is None or index >= len(article.speakers):
            self._view.marks.clear("speaker")
            return
        blocks = article.speakers[index].blocks
        cursors = [c for c in (self._view.block_cursor(b) for b in blocks) if c]
        self._view.marks.set("speaker", cursors, self._mark_color(), full_width=True)

    def track(self, top: int | None) -> None:
        """Highlight the section the block at the top of the view belongs to."""
        sections = self._section_blocks()
        i = bisect.bisect_right(sections, top) - 1 if top is not None and sections else -1
        self._sidebar.set_current(SECTIONS, i if i >= 0 else None)

    def _section_blocks(self) -> list[int]:
        article = self._article()
        return [s.block for s in article.sections] if article else []

    def _entry_activated(self, kind: str, value: object) -> None:
        if kind == SECTIONS and isinstance(value, int):
            self.go_to_section(value)
        elif kind == SPEAKERS and isinstance(value, str):
            self.go_to_speaker(value)
