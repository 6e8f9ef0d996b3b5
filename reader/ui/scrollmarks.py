"""A vertical scroll bar that marks places in the document: find matches, a speaker's
passages. Each mark is a short tick across the groove at its place (a fraction of the
document's height), in the colour of its kind, so a reader sees where the matches are
before scrolling to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QScrollBar, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

TICK_HEIGHT = 2
"""Pixels: a tick one device pixel high vanishes on a high-DPI screen; three merge
neighbours that are a line apart."""

MAX_TICKS = 2000
"""Ticks drawn per kind at most: a bar a thousand pixels tall shows no more distinct
places, and a query matching every character of a 10 MB page must not slow painting."""


class MarkedScrollBar(QScrollBar):
    """A QScrollBar with tick marks: `set_ticks(kind, fractions, color)`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ticks: dict[str, tuple[tuple[float, ...], QColor]] = {}

    def set_ticks(self, kind: str, fractions: Sequence[float], color: QColor) -> None:
        """Mark the places `fractions` (0 = top of the document, 1 = its end) of `kind`."""
        step = max(1, len(fractions) // MAX_TICKS)
        kept = tuple(min(1.0, max(0.0, f)) for f in fractions[::step])
        if kept:
            self._ticks[kind] = (kept, QColor(color))
        else:
            self._ticks.pop(kind, None)
        self.update()

    def clear_ticks(self, kind: str) -> None:
        """Remove the ticks of `kind`."""
        if self._ticks.pop(kind, None) is not None:
            self.update()

    def ticks(self, kind: str) -> tuple[float, ...]:
        """The places marked for `kind` (for tests)."""
        entry = self._ticks.get(kind)
        return entry[0] if entry else ()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._ticks:
            return
        from PySide6.QtGui import QPainter  # noqa: PLC0415 - only once something is marked

        painter = QPainter(self)
        try:
            width = self.width()
            span = max(1, self.height() - TICK_HEIGHT)
            for fractions, color in self._ticks.values():
                tick = QColor(color)
                tick.setAlpha(220)
                for f in fractions:
                    painter.fillRect(2, round(f * span), width - 4, TICK_HEIGHT, tick)
        finally:
            painter.end()
