"""FindBar: the find-in-page strip under the article (query, previous/next, match count).

The bar only collects input and shows the count; the window does the searching.
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    """A one-line find bar.

    Signals:
        query_changed(str): the text to find changed.
        next_requested(): go to the next match (Enter, the ↓ button).
        previous_requested(): go to the previous match (Shift+Enter, the ↑ button).
        closed(): the bar was closed (Esc, the × button).
    """

    query_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setClearButtonEnabled(False)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(72)
        self.prev_button = QToolButton(self)
        self.prev_button.setText("↑")
        self.next_button = QToolButton(self)
        self.next_button.setText("↓")
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.edit.textChanged.connect(self.query_changed)
        self.edit.returnPressed.connect(self.next_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.prev_button.clicked.connect(self.previous_requested)
        self.close_button.clicked.connect(self.close_bar)
        self.edit.installEventFilter(self)

    def set_texts(self, placeholder: str, previous: str, next_: str, close: str) -> None:
        """Set the translated placeholder and button names."""
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(placeholder)
        for button, name in (
            (self.prev_button, previous),
            (self.next_button, next_),
            (self.close_button, close),
        ):
            button.setToolTip(name)
            button.setAccessibleName(name)

    def open_bar(self) -> None:
        """Show the bar and focus the query, selected for retyping."""
        self.show()
        # QtCore.Qt at call time: setting up the Qt namespace costs 40 ms (see theme.py).
        self.edit.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and announce it."""
        self.hide()
        self.closed.emit()

    def set_count(self, text: str) -> None:
        """Show the match count (e.g. "3/12")."""
        self.count.setText(text)

    def query(self) -> str:
        """The current query."""
        return self.edit.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Shift+Enter must be caught before QLineEdit turns every Enter into returnPressed.
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            Qt = QtCore.Qt  # noqa: N806 - the usual name, looked up at call time
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.previous_requested.emit()
                return True
        return super().eventFilter(watched, event)
