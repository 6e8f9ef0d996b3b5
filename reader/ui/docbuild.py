"""ArticleDocument: a rendered article's QTextDocument and its anchors, built in slices.

`QTextDocument.setHtml` runs in one call on the GUI thread, holding the GIL (PySide), so a
thread cannot take it; on a 10 MB page's 48,000 blocks it kept the window frozen for
about 0.5 s, and the first layout and the anchor scan as long again. A big article is
therefore built a slice at a time: each slice is parsed into a small document of its own
and appended with `QTextCursor.insertFragment`, and `SliceBuilder` appends slices between
event-loop turns (`build_step`) for the view, so the first screenful shows at once and
the window keeps painting while the rest arrives. Small articles (below `SLICED_HTML_CHARS`) are
built with one `setHtml`, which is quicker than slicing them.

A slice may only begin with a top-level paragraph or heading (never inside a list), and
the block it lands in is given the slice's first block format and character format, so a
document built in slices is the same, block for block, as one built at once (a test
compares them).
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import QWidget

from reader.core.render import anchor
from reader.ui.afterpaint import AfterPaint

SLICED_HTML_CHARS = 200_000
"""Rendered HTML up to this length is built with one setHtml. Qt parses and lays out
about 10 million characters of the article's HTML a second here (setHtml 0.43 s and the
layout 0.65 s for a 4.3 MB render), so 200,000 characters take about 20-40 ms: below
that, slicing only adds the slices' own cost (benchmarks: switching, 25,000 characters
render to 120,000)."""

SLICE_CHARS = 12_000
"""HTML characters per slice: about 1-3 ms of parsing, inserting and layout, so a step
stops close to its time budget (`build_step`)."""

BUILD_START_MS = 100
"""A big article's building starts after the first screenful's paint, or this long after
it was shown if no paint comes (a hidden view)."""

BUILD_STEP_SECONDS = 0.015
"""How long one turn of building a big article's document may take.
With the layout Qt does for each slice and the paint after it, a turn took 20-40 ms on
a quiet machine (benchmarks: opening a 10 MB page); 25 ms here made turns of 30-45 ms,
and the shared machine doubles them at busy times: the margin under 100 ms is kept."""

_BOUNDARY = re.compile(r"\n(?=<p |<h)")
"""Where a slice may begin: a top-level paragraph or heading. `render` puts each
top-level element on a line of its own (the text itself never holds a newline: it is
written as <br />, and a `<` of the text is escaped)."""
_LIST = re.compile(r"<(/?)ul\b")


class ArticleDocument:
    """A document being built from rendered HTML, with its anchors known so far.

    `anchors` maps each anchor name ("top", "b<index>") to its block's number and
    `block_index` maps block numbers to article block indexes; both grow while a sliced
    document is built. Numbers, not QTextBlock objects: 48,000 of those kept alive made
    the garbage collector walk them, 75 ms at a time. Not frozen: it is the builder's
    state, kept by the view's cache.
    """

    def __init__(self, doc: QTextDocument, html: str) -> None:
        self.doc = doc
        self.anchors: dict[str, int] = {}
        self.block_index: dict[int, int] = {}
        self._html = html
        self._sliced = len(html) > SLICED_HTML_CHARS
        self._start = 0  # where the next slice begins in `_html`
        self._next = 0  # how many slices are in

    @property
    def complete(self) -> bool:
        """Whether every slice has been appended."""
        return self._start >= len(self._html) and self._next > 0

    def build_all(self) -> None:
        """Build the whole document now."""
        self.build_step(float("inf"))

    def build_step(self, seconds: float) -> bool:
        """Append slices until `seconds` have passed (at least one); True once complete."""
        deadline = time.perf_counter() + seconds
        while not self.complete:
            if not self._sliced:
                self.doc.setHtml(_anchors_as_states(self._html))
                self._start, first = len(self._html), 0
            else:
                end = _slice_end(self._html, self._start)
                first = self._append(self._html[self._start : end])
                self._start = end + 1  # past the newline
            self._next += 1
            _index(self.doc.findBlockByNumber(first), self.anchors, self.block_index)
            if time.perf_counter() >= deadline:
                break
        return self.complete

    def _append(self, html: str) -> int:
        """Append one slice; return the number of its first block."""
        part = QTextDocument()
        part.setDefaultFont(self.doc.defaultFont())
        part.setDefaultStyleSheet(self.doc.defaultStyleSheet())
        part.setHtml(_anchors_as_states(html))
        head = part.firstBlock()
        cursor = QTextCursor(self.doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if self._next == 0:
            cursor.setBlockFormat(head.blockFormat())
            cursor.setBlockCharFormat(head.charFormat())
        else:
            # A fragment's first block joins the block it is inserted in, with that
            # block's formats: so the new block gets the slice's own first. (After a
            # table too: setHtml also keeps the empty block that follows a table.)
            cursor.insertBlock(head.blockFormat(), head.charFormat())
        first = cursor.blockNumber()
        cursor.insertFragment(QTextDocumentFragment(part))
        return first


class SliceBuilder(QObject):
    """Builds the rest of the document shown, a turn at a time, once it has been painted.

    Signals:
        grew(): slices were appended (anchors asked for may have arrived).
        completed(): the document has its last slice now.
    """

    grew = Signal()
    completed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entry: ArticleDocument | None = None  # the one shown
        self._timer = QTimer(self)  # appends a big article's slices, turn by turn
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._build_more)
        self._after_paint = AfterPaint(self)

    def start(self, entry: ArticleDocument, painted: QWidget) -> None:
        """Build the rest of `entry` (the document now shown) after `painted` paints."""
        self._entry = entry
        self._timer.stop()
        if not entry.complete:
            # The rest once the first screenful is painted: the first paint of a new
            # document is the longest turn, and a slice in the same turn made it 85 ms.
            # (A view not painted, hidden say, builds anyway a moment later.)
            self._after_paint.watch(painted, self._start_building)
            QTimer.singleShot(BUILD_START_MS, self._start_building)

    def building(self) -> bool:
        """Whether the document shown is still being built."""
        return self._entry is not None and not self._entry.complete

    def _start_building(self) -> None:
        if self.building() and not self._timer.isActive():
            self._timer.start()

    def _build_more(self) -> None:
        entry = self._entry
        if entry is None or entry.build_step(BUILD_STEP_SECONDS):
            self._timer.stop()
        self.grew.emit()
        if entry is not None and entry.complete:
            self.completed.emit()


def article_block(block: QTextBlock, index: Mapping[int, int]) -> int:
    """The article block that document block `block` belongs to (-1: the header), by the
    `block_index` of its `ArticleDocument`."""
    while block.isValid():
        found = index.get(block.blockNumber())
        if found is not None:
            return found
        block = block.previous()
    return -1


def _slice_end(html: str, start: int) -> int:
    """Where the slice of `html` beginning at `start` ends: at the first `_BOUNDARY`
    SLICE_CHARS or more later that is outside any list (or at the end)."""
    at = start + SLICE_CHARS
    while (cut := _BOUNDARY.search(html, at)) is not None:
        depth = 0
        for m in _LIST.finditer(html, start, cut.start()):
            depth += -1 if m[1] else 1
        if depth == 0:
            return cut.start()
        at = cut.start() + 1
    return len(html)


# WORKAROUND for https://bugreports.qt.io/projects/QTBUG (no report found; measured with
# benchmarks/bench_responsive.py): QTextDocument.setHtml takes time growing with the
# square of the number of `<a name>` anchors (8,000 anchored paragraphs: 2.4 s; a 10 MB
# page's 48,000: about 230 s, the window frozen). So each anchor becomes its element's
# block user state (`-qt-user-state`, which Qt's HTML importer puts in
# QTextBlock.userState and no text format holds): 8,000 paragraphs then take 0.11 s.
# The state is the article block index; the header keeps its one `<a name="top">` (one
# anchor costs nothing) and is the document's first block.
_ANCHORED_RE = re.compile(r'<(\w+) class="([^"]*)"><a name="b(\d+)"></a>')


def _anchors_as_states(html: str) -> str:
    return _ANCHORED_RE.sub(_state, html)


def _state(m: re.Match[str]) -> str:
    # A function, not a template: CPython 3.11 expands templates in Python, twice as slow.
    return f'<{m[1]} class="{m[2]}" style="-qt-user-state:{m[3]}">'


def _index(block: QTextBlock, anchors: dict[str, int], index: dict[int, int]) -> None:
    """Record the anchors of `block` and the blocks after it (see `ArticleDocument`)."""
    number = block.blockNumber()
    if number == 0:
        anchors["top"] = 0
    while block.isValid():
        found = block.userState()
        if found >= 0:
            anchors.setdefault(anchor(found), number)
            index.setdefault(number, found)
        block = block.next()
        number += 1
