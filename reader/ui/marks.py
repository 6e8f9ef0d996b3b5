"""Highlights on the article view: marked passages and matches, and their scroll-bar ticks.

One set of highlights per kind ("find", "find_current", "speaker"), drawn as the text
area's extra selections; where they are in the article shows as ticks on the scroll bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTextEdit

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QTextCursor

    from reader.ui.scrollmarks import MarkedScrollBar

MARKED_BAR = "markedScrollBar"
"""objectName of the scroll bar that shows marks (see `Marks._marked_bar`)."""

#: The kinds whose ticks a new document clears.
KINDS = ("find", "find_current", "speaker")


class Marks:
    """The highlights of one text area (`view`); `scrolled` follows the marking scroll bar."""

    def __init__(self, view: QTextEdit, scrolled: Callable[[], None]) -> None:
        self._view = view
        self._scrolled = scrolled
        self._marks: dict[str, list[QTextEdit.ExtraSelection]] = {}

    def set(
        self, kind: str, cursors: Sequence[QTextCursor], color: QColor, *, full_width: bool = False
    ) -> None:
        """Highlight `cursors` with `color`; one set per `kind` (e.g. "find", "speaker").

        `full_width` paints whole lines across the column (for marking passages).
        """
        # Imported on first use, like QImage in view.py: setting up a PySide class costs
        # start-up time, and the first paint needs neither.
        from PySide6.QtGui import QTextCharFormat, QTextFormat  # noqa: PLC0415

        fmt = QTextCharFormat()
        fmt.setBackground(color)
        if full_width:
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        sels: list[QTextEdit.ExtraSelection] = []
        for cur in cursors:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cur
            sel.format = fmt
            sels.append(sel)
        self._marks[kind] = sels
        self._view.setExtraSelections([s for group in self._marks.values() for s in group])
        if cursors or self._ticked():
            self._marked_bar().set_ticks(kind, self._fractions(cursors), color)

    def count(self, kind: str) -> int:
        """How many highlights of `kind` are shown."""
        return len(self._marks.get(kind, ()))

    def clear(self, kind: str) -> None:
        """Remove the highlights of `kind`."""
        # Not set(kind, []): a QTextCharFormat's background brush made from a colour
        # needs the Qt namespace, which the first paint can do without (see theme.py).
        if self._marks.pop(kind, None) is not None:
            self._view.setExtraSelections([s for group in self._marks.values() for s in group])
        self._clear_ticks(kind)

    def forget(self) -> None:
        """Drop every highlight (a new document is about to be shown)."""
        self._marks.clear()
        self._view.setExtraSelections([])

    def clear_ticks(self) -> None:
        """Remove every tick from the scroll bar."""
        for kind in KINDS:
            self._clear_ticks(kind)

    def _ticked(self) -> bool:
        """Whether the scroll bar is the marking one already (see `_marked_bar`)."""
        return self._view.verticalScrollBar().objectName() == MARKED_BAR

    def _marked_bar(self) -> MarkedScrollBar:
        """The scroll bar that shows marks, put in place the first time marks are shown:
        making a QScrollBar subclass costs the first paint 45 ms (PySide sets the class up),
        and most readings never mark anything. Qt hands the new bar the old one's range
        and value."""
        from reader.ui.scrollmarks import MarkedScrollBar  # noqa: PLC0415

        bar = self._view.verticalScrollBar()
        if isinstance(bar, MarkedScrollBar):
            return bar
        marked = MarkedScrollBar(self._view)
        marked.setObjectName(MARKED_BAR)
        self._view.setVerticalScrollBar(marked)
        marked.valueChanged.connect(self._scrolled)
        return marked

    def _clear_ticks(self, kind: str) -> None:
        if self._ticked():
            self._marked_bar().clear_ticks(kind)

    def _fractions(self, cursors: Sequence[QTextCursor]) -> list[float]:
        """Where each cursor is, as a fraction of the document's laid-out height."""
        doc = self._view.document()
        layout = doc.documentLayout()
        layout.blockBoundingRect(doc.lastBlock())  # lay out to the end: the full height
        height = layout.documentSize().height()
        if height <= 0 or not cursors:
            return []
        from reader.ui.scrollmarks import MAX_TICKS  # noqa: PLC0415 - see _marked_bar

        step = max(1, len(cursors) // MAX_TICKS)
        out: list[float] = []
        for cur in cursors[::step]:
            block = cur.block()
            y = layout.blockBoundingRect(block).top()
            line = block.layout().lineForTextPosition(cur.selectionStart() - block.position())
            if line.isValid():
                y += line.y()
            out.append(y / height)
        return out
