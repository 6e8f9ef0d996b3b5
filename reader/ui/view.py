"""ArticleView: the read-only text area that shows a rendered article.

It is given HTML and CSS (`show_article`; `show` is QWidget's), a font and the article's
saved images; it knows nothing about files, scripts or themes. Links are reported, never
followed, and images come only from the article's own assets: nothing is ever fetched
from the network. Laid-out documents are kept per (HTML, CSS, font) (doccache.py), so
switching back to a script or theme seen recently costs no parsing or layout; highlights
are `marks` (marks.py). A big article's document is built in slices between event-loop
turns (`SliceBuilder`, docbuild.py): the first screenful shows at once, and anchors past
the part built yet are waited for.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QByteArray, QEvent, QPoint, QTimer, QUrl, Signal
from PySide6.QtGui import QFont, QTextCursor, QTextDocument
from PySide6.QtWidgets import QAbstractScrollArea, QTextBrowser, QWidget

from reader.core.render import ASSET_SCHEME, anchor, block_of_anchor
from reader.ui.docbuild import SliceBuilder, article_block
from reader.ui.doccache import DocumentCache
from reader.ui.history import History, Place
from reader.ui.marks import Marks
from reader.ui.typography import (
    DEFAULT_STYLE,
    ReadingStyle,
    column_width,
    em_width,
    minimum_width,
    set_column,
    typography_css,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QImage, QKeyEvent, QResizeEvent


log = logging.getLogger(__name__)

JUMP_HEADROOM_LINES = 1.5
"""A jump (to a section, a speaker, a find match) leaves this many body lines above its
target: a heading flush against the top edge reads as cut off, and the line before it
tells the reader where they came from."""


class ArticleView(QTextBrowser):
    """Shows one rendered article in a centred column.

    Signals:
        link_clicked(QUrl): the user clicked a link (the owner decides whether to open it).
        top_block_changed(int): the article block being read changed: the one at the
            reading line near the top, or at the end of the article the last one shown.
        history_changed(): a jump was recorded, or Back/Forward moved (see `go_back`).
        document_completed(): a big article built in slices has its last slice now.
    """

    link_clicked = Signal(QUrl)
    top_block_changed = Signal(int)
    history_changed = Signal()
    document_completed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAcceptDrops(False)
        self.anchorClicked.connect(self.link_clicked)
        self._style = DEFAULT_STYLE
        # The character at the reading line, kept while the reader scrolls, so a new
        # width (a resize, a new column) puts the same text back at the top.
        self._reading_char: int | None = None
        self._restoring = False
        self._history = History()
        self._images: dict[int, bytes] = {}
        self._anchors: dict[str, int] = {}  # anchor name -> document block number
        self._block_index: dict[int, int] = {}  # document block number -> article block
        self.marks = Marks(self, self._scrolled)
        """The highlights (find matches, a speaker's passages) and their scroll-bar ticks."""
        self._last_top = -1
        self._reading_font: QFont | None = None
        self._docs = DocumentCache(self)
        self._builder = SliceBuilder(self)  # the rest of a big article, turn by turn
        self._builder.grew.connect(self._grew)
        self._builder.completed.connect(self.document_completed)
        self._html = ""
        self._css = ""
        # The place asked for by the last scroll_to, held until pending resizes and
        # re-layouts have been handled: showing the window, a new style sheet or a font
        # change all move text after the call returns. A zero timer fires after them.
        self._pending: tuple[str, int] | None = None
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.setInterval(0)
        self._pending_timer.timeout.connect(self._settle)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    # -- content -------------------------------------------------------------------------

    def show_article(self, html: str, css: str, images: Mapping[int, bytes] | None = None) -> None:
        """Replace the content: `html` styled by `css`; `images` maps block index -> bytes.

        Documents already built for the same HTML, CSS and font are reused as they are,
        laid out, so switching back to a script or theme shown recently is immediate.
        """
        new_images = dict(images or {})
        if new_images != self._images:
            self._docs.clear(self.document())
            self._images = new_images
        self._html = html
        self._css = css
        self._load()

    def set_reading_font(
        self, families: Sequence[str], point_size: float, *, reload: bool = True
    ) -> None:
        """Set the body font (a fallback list of families) and its size.

        With `reload=False` the font is only remembered for the next `show_article`
        (the caller is about to show new content anyway).
        """
        font = QFont(self.font())
        font.setFamilies(list(families))
        font.setPointSizeF(point_size)
        if font == self._reading_font:
            return
        self._reading_font = font
        if self._html and reload:
            self._load()
        elif not self._html:
            self.setFont(font)

    def set_reading_style(self, style: ReadingStyle) -> None:
        """Lay the text out with `style` (spacing, column, margins, indent), keeping the
        reader's place."""
        if style == self._style:
            return
        place = self._place()
        self._style = style
        if self._html:
            self._load()
            if place is not None:
                self.scroll_to(*place)
        else:
            self._apply_column()

    def reading_style(self) -> ReadingStyle:
        """The layout in use."""
        return self._style

    def _load(self) -> None:
        font = self._reading_font or self.font()
        css = self._css + "\n" + typography_css(font, self._style)
        entry = self._docs.take(self._html, css, font)
        self.marks.forget()
        self._pending = None
        self._anchors = entry.anchors
        self._block_index = entry.block_index
        # Margins first, so the document is laid out once, at its final width.
        self._apply_column(entry.doc, font)
        bar = self.verticalScrollBar()
        bar.blockSignals(True)  # no scroll tracking while anchors and document disagree
        try:
            self.setDocument(entry.doc)
            if self.font() != font:
                self.setFont(font)  # the document has it already: see changeEvent
        finally:
            bar.blockSignals(False)
        self._builder.start(entry, self.viewport())
        self._docs.shown(entry)
        self._last_top = -1
        self._reading_char = None
        self.marks.clear_ticks()

    # -- positions -------------------------------------------------------------------------

    def scroll_to(self, name: str, offset: int | None = None) -> bool:
        """Put anchor `name` (plus `offset` pixels) at the top of the view.

        Without `offset` it is a jump (a section, a speaker): the target is left
        `JUMP_HEADROOM_LINES` below the top edge, and the place the reader leaves is
        recorded for `go_back`. The place is held until the layout settles (see
        `settled`), and before the view is first shown it is taken when it is. Returns
        False if there is no such anchor.
        """
        if name not in self._anchors and not (
            self.building() and block_of_anchor(name) is not None
        ):
            return False
        if offset is None:
            self.remember_place()
            offset = -self._headroom()
        self._pending = (name, offset)
        self._pending_timer.start()
        if self._ready(name):
            self._scroll_now(name, offset)
        return True

    def building(self) -> bool:
        """Whether the article shown is still being built (see docbuild.py)."""
        return self._builder.building()

    def settled(self) -> bool:
        """True once the last scroll_to has been carried out on the final layout."""
        return self._pending is None

    def _scroll_now(self, name: str, offset: int) -> None:
        block = self.document().findBlockByNumber(self._anchors[name])
        layout = self.document().documentLayout()
        top = 0 if block == self.document().firstBlock() else layout.blockBoundingRect(block).top()
        y = round(top) + offset
        bar = self.verticalScrollBar()
        if y > bar.maximum():
            # Large documents are laid out lazily; lay out to the end so the range fits.
            layout.blockBoundingRect(self.document().lastBlock())
        bar.setValue(y)
        self._scrolled()

    def top_block(self) -> int | None:
        """The index of the article block at the reading line, just below the top of the
        viewport (-1: the header). None when nothing is shown.

        The reading line is where a jump puts its target (`JUMP_HEADROOM_LINES` down), so
        after a jump to a section this is the section's heading.
        """
        if self._pending is not None and not self._ready(self._pending[0]):
            found = block_of_anchor(self._pending[0])
            return -1 if found is None else found
        if not self._block_index or not self._laid_out():
            return None
        # Hit-test the reading line (the layout answers by binary search), then take the
        # nearest article block at or above it.
        line = self._reading_line()
        y = self.verticalScrollBar().value() + line
        block = self.cursorForPosition(QPoint(self.viewport().width() // 2, line)).block()
        layout = self.document().documentLayout()
        if block.isValid() and layout.blockBoundingRect(block).top() > y:
            block = block.previous()
        return article_block(block, self._block_index)

    def top_offset(self) -> int:
        """Pixels between the top block's start and the top of the viewport (negative
        when the block starts below the top edge, above the reading line)."""
        if self._pending is not None and not self._ready(self._pending[0]):
            return self._pending[1]
        block = self.top_block()
        if block is None:
            return 0
        if block < 0:
            return self.verticalScrollBar().value()
        tb = self.document().findBlockByNumber(self._anchors[anchor(block)])
        y = self.document().documentLayout().blockBoundingRect(tb).top()
        return self.verticalScrollBar().value() - round(y)

    def at_end(self) -> bool:
        """Whether the view is scrolled to the end of the article."""
        bar = self.verticalScrollBar()
        return self._laid_out() and bar.value() >= bar.maximum()

    def reading_block(self) -> int | None:
        """The article block being read: `top_block`, except at the end of the article,
        where it is the last block on screen (the last section is being read, even when
        its heading is below the reading line)."""
        bar = self.verticalScrollBar()
        if self._pending is None and self.at_end() and bar.maximum() > 0 and self._block_index:
            bottom = QPoint(self.viewport().width() // 2, self.viewport().height() - 2)
            return article_block(self.cursorForPosition(bottom).block(), self._block_index)
        return self.top_block()

    # -- history ---------------------------------------------------------------------------

    def go_to_end(self, *, top: bool) -> None:
        """Scroll to the beginning (`top`) or the end of the article, recording the place
        left for `go_back`."""
        self.remember_place()
        bar = self.verticalScrollBar()
        if not top:
            doc = self.document()
            doc.documentLayout().blockBoundingRect(doc.lastBlock())  # the full height
        bar.setValue(bar.minimum() if top else bar.maximum())

    def remember_place(self) -> None:
        """Record where the reader is, for `go_back` (a jump or a find does this first)."""
        place = self._place()
        if place is not None:
            self._history.record(place)
            self.history_changed.emit()

    def can_go_back(self) -> bool:
        """Whether `go_back` has a place to return to."""
        return self._history.can_go_back()

    def can_go_forward(self) -> bool:
        """Whether `go_forward` has a place to return to."""
        return self._history.can_go_forward()

    def go_back(self) -> bool:
        """Return to the place before the last jump or find (Alt+Left)."""
        return self._go(self._history.back(self._place(), self._anchors.__contains__))

    def go_forward(self) -> bool:
        """Undo a `go_back` (Alt+Right)."""
        return self._go(self._history.forward(self._place(), self._anchors.__contains__))

    def clear_history(self) -> None:
        """Forget the places recorded (a new article is shown)."""
        self._history.clear()
        self.history_changed.emit()

    def _go(self, place: Place | None) -> bool:
        if place is not None:
            self.scroll_to(*place)
        self.history_changed.emit()
        return place is not None

    def _place(self) -> Place | None:
        block = self.top_block()
        if block is None:
            return None
        return ("top" if block < 0 else anchor(block), self.top_offset())

    def _em(self) -> float:
        return em_width(self._reading_font or self.font())

    def _headroom(self) -> int:
        return round(self._em() * self._style.line_spacing * JUMP_HEADROOM_LINES)

    def _reading_line(self) -> int:
        """Pixels from the top edge to the reading line: a jump's target plus half a
        character, so a place restored a few pixels off (another font's metrics) still
        reads as the same block."""
        return self._headroom() + round(self._em() / 2)

    def block_cursor(self, index: int) -> QTextCursor | None:
        """A cursor selecting the whole document block of article block `index`."""
        number = self._anchors.get(anchor(index))
        if number is None:
            return None
        cur = QTextCursor(self.document().findBlockByNumber(number))
        cur.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        return cur

    # -- Qt overrides ----------------------------------------------------------------------

    def loadResource(self, type: int, name: QUrl | str) -> object:
        """Images from the article's own assets only; anything else resolves to nothing."""
        url = QUrl(name) if isinstance(name, str) else name
        if type == QTextDocument.ResourceType.ImageResource.value and url.scheme() == ASSET_SCHEME:
            key = url.path()
            data = self._images.get(int(key)) if key.isdigit() else None
            if data is not None:
                from PySide6.QtGui import QImage  # noqa: PLC0415 - see Marks.set

                image = QImage.fromData(data)
                if not image.isNull():
                    return self._fit(image)
        # Never the base class: QTextBrowser would read local files named by the page.
        # (An empty byte array, not None: PySide mishandles None from this override.)
        return QByteArray()

    def changeEvent(self, event: QEvent) -> None:
        # Setting an application style sheet (every theme switch) re-polishes widgets and
        # drops the font given with setFont(). Put it back before QTextEdit hands the
        # wrong font to the document, so the text is never laid out with it and the
        # scroll position is not clamped on the way.
        if event.type() == QEvent.Type.FontChange:
            if self._reading_font is not None and self.font() != self._reading_font:
                self.setFont(self._reading_font)
                return
            if self.document().defaultFont() == self.font():
                # QTextEdit would set the same font on the document again, and that
                # always lays the whole document out again (25 ms for 25,000 characters).
                QAbstractScrollArea.changeEvent(self, event)
                return
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The text at the reading line stays there: a new width re-wraps every line, and
        # the old scroll value in pixels would show earlier or later text.
        char = self._reading_char if self._pending is None else None
        super().resizeEvent(event)
        self._apply_column()
        if self._pending is not None:
            if self._ready(self._pending[0]):
                self._scroll_now(*self._pending)
            self._pending_timer.start()
        elif char is not None and self._laid_out():
            self._scroll_to_char(char)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        qt = QtCore.Qt
        key, mods = event.key(), event.modifiers()
        if mods & qt.KeyboardModifier.ControlModifier and key in (qt.Key.Key_Home, qt.Key.Key_End):
            self.go_to_end(top=key == qt.Key.Key_Home)
            event.accept()
            return
        if mods == qt.KeyboardModifier.AltModifier and key in (qt.Key.Key_Left, qt.Key.Key_Right):
            # QTextBrowser's own Back/Forward would walk its source history (unused here).
            self.go_back() if key == qt.Key.Key_Left else self.go_forward()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- internals -------------------------------------------------------------------------

    def _fit(self, image: QImage) -> QImage:
        width = self._column_width()
        if image.width() > width > 0:
            # QtCore.Qt at call time: the Qt namespace is slow to set up (see theme.py).
            smooth = QtCore.Qt.TransformationMode.SmoothTransformation
            return image.scaledToWidth(round(width), smooth)
        return image

    def _column_width(self, font: QFont | None = None) -> float:
        return column_width(font or self.font(), self._style)

    def minimum_reading_width(self) -> int:
        """The narrowest viewport that still holds `MIN_COLUMN_CHARS` characters a line
        between the side margins."""
        return minimum_width(self._reading_font or self.font(), self._style)

    def _apply_column(self, doc: QTextDocument | None = None, font: QFont | None = None) -> None:
        """Centre a column of `column_chars` characters with the root frame's side margins."""
        width = self._column_width(font)
        set_column(doc or self.document(), self.viewport().width(), width, self._style)

    def _settle(self) -> None:
        if self._pending is not None and self._ready(self._pending[0]):
            self._scroll_now(*self._pending)
            self._pending = None
            self._scrolled()  # the reading line's character, now that the place is final

    def _laid_out(self) -> bool:
        return self.isVisible() and self.viewport().width() > self._style.margin * 2

    def _ready(self, name: str) -> bool:
        """Whether anchor `name` can be scrolled to now (laid out, and built)."""
        return name in self._anchors and self._laid_out()

    def _grew(self) -> None:
        if self._pending is not None and self._ready(self._pending[0]):
            self._pending_timer.start()  # the place asked for has arrived

    def _scroll_to_char(self, char: int) -> None:
        """Put the line holding character `char` at the reading line."""
        doc = self.document()
        block = doc.findBlock(char)
        if not block.isValid():
            return
        top = doc.documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(char - block.position())
        y = top + (line.y() if line.isValid() else 0)
        bar = self.verticalScrollBar()
        if y > bar.maximum():
            doc.documentLayout().blockBoundingRect(doc.lastBlock())
        self._restoring = True
        try:
            bar.setValue(round(y) - self._headroom())
        finally:
            self._restoring = False
        self._reading_char = char
        self._scrolled()

    def _scrolled(self) -> None:
        if not self._restoring and self._pending is None and self._laid_out():
            left = round(self.document().rootFrame().frameFormat().leftMargin()) + 1
            point = QPoint(left, self._reading_line())
            self._reading_char = self.cursorForPosition(point).position()
        top = self.reading_block()
        if top is not None and top != self._last_top:
            self._last_top = top
            self.top_block_changed.emit(top)
