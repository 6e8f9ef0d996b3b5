"""Find in page: the bar under the article (`FindBar`) and the search it drives.

The bar only collects input and shows the count. `FindController` searches the view's
document for the query in every form it may take on screen (typed in either script: the
window hands it the variants, which the core's `script_query` writes), marks the matches
and steps through them.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.core.article import Script, Target, TraditionalStandard
from reader.core.errors import ReaderError
from reader.core.script_query import query_for_shown
from reader.ui.view import ArticleView

log = logging.getLogger(__name__)


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


def query_variants(
    query: str,
    target: Target,
    source: Script | None,
    standard: TraditionalStandard,
    *,
    punctuation: bool = False,
) -> set[str]:
    """`query` as typed and as written in the script on screen (when OpenCC can say), and
    with `punctuation` (full-width marks shown) also with its marks made full-width."""
    variants = {query}
    if source is not None:
        try:
            variants.add(query_for_shown(query, target, source, standard))
        except ReaderError as exc:
            log.info("find: no script conversion for the query (%s)", exc)
    if punctuation:  # "時間,也" typed finds the "時間，也" shown
        from reader.core.punctuation import fullwidth  # noqa: PLC0415

        variants |= {fullwidth(v) for v in variants}
    return variants


class FindController(QObject):
    """Searches `view` for what `bar` asks, marks the matches and steps through them.

    `variants(query)` gives every form of the query to look for; `color(name)` the mark
    colours ("find", "find_current"); `no_match()` the words for "no matches".
    """

    def __init__(
        self,
        view: ArticleView,
        bar: FindBar,
        variants: Callable[[str], set[str]],
        color: Callable[[str], QColor],
        no_match: Callable[[], str],
    ) -> None:
        super().__init__(bar)
        self._view = view
        self._bar = bar
        self._variants = variants
        self._color = color
        self._no_match = no_match
        self._matches: list[QTextCursor] = []
        self._match = -1
        bar.query_changed.connect(self.search)
        bar.next_requested.connect(self.find_next)
        bar.previous_requested.connect(self.find_previous)
        bar.closed.connect(self._closed)

    def open(self) -> None:
        """Show the bar (and search again for what it holds); Back returns to where the
        reader was before the search."""
        self._view.remember_place()
        self._bar.open_bar()
        if self._bar.query():
            self.search(self._bar.query())

    def match_count(self) -> int:
        """How many matches the last search found."""
        return len(self._matches)

    def find_next(self) -> None:
        """Select the next match."""
        self._step(1)

    def find_previous(self) -> None:
        """Select the previous match."""
        self._step(-1)

    def refresh(self) -> None:
        """Search again in a new document (same query, same match number if it exists)."""
        if self._bar.isVisible() and self._bar.query():
            self.search(self._bar.query(), keep_index=True)

    def search(self, query: str, keep_index: bool = False) -> None:
        """Find every match of `query`, mark them, and select the first one below the top."""
        previous = self._match
        self._matches = []
        self._match = -1
        if query:
            doc = self._view.document()
            seen: set[int] = set()
            for v in self._variants(query):
                cur = doc.find(v, 0)
                while not cur.isNull():
                    if cur.selectionStart() not in seen:
                        seen.add(cur.selectionStart())
                        self._matches.append(cur)
                    cur = doc.find(v, cur)
            self._matches.sort(key=lambda c: c.selectionStart())
        self._view.marks.set("find", self._matches, self._color("find"))
        if not self._matches:
            self._view.marks.clear("find_current")
            self._bar.set_count(self._no_match() if query else "")
            return
        if keep_index and 0 <= previous < len(self._matches):
            self._match = previous
        else:
            view = self._view
            top = view.cursorForPosition(view.viewport().rect().topLeft()).position()
            starts = [c.selectionStart() for c in self._matches]
            self._match = bisect.bisect_left(starts, top) % len(self._matches)
        self._show_match()

    def _step(self, step: int) -> None:
        if not self._matches:
            if self._bar.query():
                self.search(self._bar.query())
            return
        self._match = (self._match + step) % len(self._matches)
        self._show_match()

    def _show_match(self) -> None:
        cur = self._matches[self._match]
        self._view.setTextCursor(cur)
        self._view.ensureCursorVisible()
        self._view.marks.set("find_current", [cur], self._color("find_current"))
        self._bar.set_count(f"{self._match + 1}/{len(self._matches)}")

    def _closed(self) -> None:
        self._matches = []
        self._match = -1
        self._view.marks.clear("find")
        self._view.marks.clear("find_current")
        cur = self._view.textCursor()
        cur.clearSelection()
        self._view.setTextCursor(cur)
        self._view.setFocus()
