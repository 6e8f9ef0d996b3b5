"""AfterPaint: run a start-up step just after a widget has been painted.

The window shows the article first and builds its controls one frame later, then checks
the colour scheme once the controls are on screen (see controls_slot.py); each step waits for
the previous one's paint. A zero timer set during the paint runs once that frame is out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterPaint(QObject):
    """Watches one widget at a time; a new `watch` replaces the one still waiting."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: tuple[QWidget, Callable[[], None]] | None = None

    def watch(self, widget: QWidget, then: Callable[[], None]) -> None:
        """Run `then` just after `widget` next paints."""
        if self._waiting is not None:
            self._waiting[0].removeEventFilter(self)
        self._waiting = (widget, then)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        waiting = self._waiting
        if waiting is not None and watched is waiting[0] and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._waiting = None
            QTimer.singleShot(0, waiting[1])
        return super().eventFilter(watched, event)
