"""ArticleView: the read-only text area that shows a rendered article.

It is given HTML and CSS (`show_article`; `show` is QWidget's), a font and the article's
saved images; it knows nothing about files, scripts or themes. Links are reported, never
followed, and images come only from the article's own assets: nothing is ever fetched
from the network. Laid-out documents are kept per (HTML, CSS, font), so switching back
to a script or theme seen recently costs no parsing or layout.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6 import QtCore
from PySide6.QtCore import QByteArray, QEvent, QPoint, QTimer, QUrl, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QTextBlock, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QAbstractScrollArea, QTextBrowser, QTextEdit, QWidget

from reader.core.render import ASSET_SCHEME, anchor, block_of_anchor

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QImage, QResizeEvent

log = logging.getLogger(__name__)

COLUMN_CHARS = 40
"""Width of the text column in CJK characters: 36-42 is the comfortable range for
Chinese prose; 40 leaves room for full-width punctuation at the line end."""

MIN_SIDE_MARGIN = 24
"""Pixels kept on each side of the column when the window is narrower than the column."""

TOP_MARGIN = 28

DOCUMENTS_KEPT = 4
"""Laid-out documents kept for instant switching back: the original and one conversion,
each in the light and the dark theme. A 25,000-character document is about 1 MB."""

LINE_HEIGHT_EM = 1.8
"""Body line height in ems, the CSS sense of `line-height: 1.8`: CJK text has no
ascenders to separate lines, so it wants more air than Latin text (1.4-1.5)."""

HEADING_LINE_HEIGHT_EM = 1.5


class ArticleView(QTextBrowser):
    """Shows one rendered article in a centred column.

    Signals:
        link_clicked(QUrl): the user clicked a link (the owner decides whether to open it).
        top_block_changed(int): the article block at the top of the viewport changed.
    """

    link_clicked = Signal(QUrl)
    top_block_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAcceptDrops(False)
        self.anchorClicked.connect(self.link_clicked)
        self._images: dict[int, bytes] = {}
        self._anchors: dict[str, QTextBlock] = {}
        self._block_index: dict[int, int] = {}  # document block number -> article block
        self._marks: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._last_top = -1
        self._reading_font: QFont | None = None
        self._docs: OrderedDict[tuple[str, str, str], _Doc] = OrderedDict()
        self._own_doc: QTextDocument | None = None
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
            self._drop_documents()
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

    def _load(self) -> None:
        font = self._reading_font or self.font()
        css = self._css + "\n" + _typography_css(font)
        key = (self._html, css, font.key())
        entry = self._docs.pop(key, None)
        if entry is None:
            doc = QTextDocument(self)
            doc.setUndoRedoEnabled(False)
            doc.setDefaultFont(font)
            doc.setDefaultStyleSheet(css)
            doc.setHtml(_anchors_as_states(self._html))
            entry = _Doc(doc, *_anchor_blocks(doc))
        self._docs[key] = entry
        self._marks.clear()
        self.setExtraSelections([])
        self._pending = None
        self._anchors = entry.anchors
        self._block_index = entry.block_index
        # Margins first, so the document is laid out once, at its final width.
        self._apply_column(entry.doc, font)
        # Only documents made here are ours to delete (Qt deletes its own initial one).
        # (Not previous.parent(): wrapping Qt's private control object costs 40 ms.)
        previous = self._own_doc
        bar = self.verticalScrollBar()
        bar.blockSignals(True)  # no scroll tracking while anchors and document disagree
        try:
            self.setDocument(entry.doc)
            if self.font() != font:
                self.setFont(font)  # the document has it already: see changeEvent
        finally:
            bar.blockSignals(False)
        self._own_doc = entry.doc
        if (
            previous is not None
            and previous is not entry.doc
            and all(previous is not e.doc for e in self._docs.values())
        ):
            previous.deleteLater()  # dropped from the cache while it was on screen
        while len(self._docs) > DOCUMENTS_KEPT:
            _key, old = self._docs.popitem(last=False)
            old.doc.deleteLater()
        self._last_top = -1

    # -- positions -------------------------------------------------------------------------

    def scroll_to(self, name: str, offset: int = 0) -> bool:
        """Put anchor `name` (plus `offset` pixels) at the top of the view.

        The place is held until the layout settles (see `settled`), and before the view
        is first shown it is taken when it is. Returns False if there is no such anchor.
        """
        if name not in self._anchors:
            return False
        self._pending = (name, offset)
        self._pending_timer.start()
        if self._laid_out():
            self._scroll_now(name, offset)
        return True

    def settled(self) -> bool:
        """True once the last scroll_to has been carried out on the final layout."""
        return self._pending is None

    def _scroll_now(self, name: str, offset: int) -> None:
        block = self._anchors[name]
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
        """The index of the article block at the top of the viewport (-1: the header).

        None when nothing is shown.
        """
        if self._pending is not None and not self._laid_out():
            found = block_of_anchor(self._pending[0])
            return -1 if found is None else found
        if not self._block_index or not self._laid_out():
            return None
        # Hit-test the top edge (the layout answers by binary search), then take the
        # nearest article block at or above it.
        y = self.verticalScrollBar().value() + 2
        block = self.cursorForPosition(QPoint(self.viewport().width() // 2, 2)).block()
        layout = self.document().documentLayout()
        if block.isValid() and layout.blockBoundingRect(block).top() > y:
            block = block.previous()
        return self._article_block(block)

    def top_offset(self) -> int:
        """Pixels between the top block's start and the top of the viewport."""
        if self._pending is not None and not self._laid_out():
            return self._pending[1]
        block = self.top_block()
        if block is None:
            return 0
        if block < 0:
            return self.verticalScrollBar().value()
        tb = self._anchors[anchor(block)]
        y = self.document().documentLayout().blockBoundingRect(tb).top()
        return max(0, self.verticalScrollBar().value() - round(y))

    def block_cursor(self, index: int) -> QTextCursor | None:
        """A cursor selecting the whole document block of article block `index`."""
        tb = self._anchors.get(f"b{index}")
        if tb is None:
            return None
        cur = QTextCursor(tb)
        cur.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        return cur

    # -- highlights ------------------------------------------------------------------------

    def set_marks(
        self, kind: str, cursors: Sequence[QTextCursor], color: QColor, *, full_width: bool = False
    ) -> None:
        """Highlight `cursors` with `color`; one set per `kind` (e.g. "find", "speaker").

        `full_width` paints whole lines across the column (for marking passages).
        """
        # Imported on first use, like QImage below: setting up a PySide class costs
        # start-up time, and the first paint needs neither.
        from PySide6.QtGui import QTextCharFormat  # noqa: PLC0415

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
        self.setExtraSelections([s for group in self._marks.values() for s in group])

    def mark_count(self, kind: str) -> int:
        """How many highlights of `kind` are shown."""
        return len(self._marks.get(kind, ()))

    def clear_marks(self, kind: str) -> None:
        """Remove the highlights of `kind`."""
        # Not set_marks(kind, []): a QTextCharFormat's background brush made from a colour
        # needs the Qt namespace, which the first paint can do without (see theme.py).
        if self._marks.pop(kind, None) is not None:
            self.setExtraSelections([s for group in self._marks.values() for s in group])

    # -- Qt overrides ----------------------------------------------------------------------

    def loadResource(self, type: int, name: QUrl | str) -> object:
        """Images from the article's own assets only; anything else resolves to nothing."""
        url = QUrl(name) if isinstance(name, str) else name
        if type == QTextDocument.ResourceType.ImageResource.value and url.scheme() == ASSET_SCHEME:
            key = url.path()
            data = self._images.get(int(key)) if key.isdigit() else None
            if data is not None:
                from PySide6.QtGui import QImage  # noqa: PLC0415 - see set_marks

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
        super().resizeEvent(event)
        self._apply_column()
        if self._pending is not None:
            if self._laid_out():
                self._scroll_now(*self._pending)
            self._pending_timer.start()

    # -- internals -------------------------------------------------------------------------

    def _fit(self, image: QImage) -> QImage:
        width = self._column_width()
        if image.width() > width > 0:
            # QtCore.Qt at call time: the Qt namespace is slow to set up (see theme.py).
            smooth = QtCore.Qt.TransformationMode.SmoothTransformation
            return image.scaledToWidth(round(width), smooth)
        return image

    def _column_width(self, font: QFont | None = None) -> float:
        return QFontMetricsF(font or self.font()).horizontalAdvance("中") * COLUMN_CHARS

    def _apply_column(self, doc: QTextDocument | None = None, font: QFont | None = None) -> None:
        """Centre a column of COLUMN_CHARS characters with the root frame's side margins."""
        avail = self.viewport().width()
        side = max(MIN_SIDE_MARGIN, (avail - self._column_width(font)) / 2)
        root = (doc or self.document()).rootFrame()
        fmt = root.frameFormat()
        if (
            abs(fmt.leftMargin() - side) < 0.5
            and abs(fmt.rightMargin() - side) < 0.5
            and fmt.topMargin() == TOP_MARGIN
        ):
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(TOP_MARGIN)
        fmt.setBottomMargin(TOP_MARGIN * 2)
        root.setFrameFormat(fmt)

    def _settle(self) -> None:
        if self._pending is not None and self._laid_out():
            self._scroll_now(*self._pending)
            self._pending = None

    def _laid_out(self) -> bool:
        return self.isVisible() and self.viewport().width() > MIN_SIDE_MARGIN * 2

    def _drop_documents(self) -> None:
        current = self.document()
        for entry in self._docs.values():
            if entry.doc is not current:
                entry.doc.deleteLater()
        self._docs.clear()

    def _article_block(self, block: QTextBlock) -> int:
        """The article block that document block `block` belongs to (-1: the header)."""
        while block.isValid():
            found = self._block_index.get(block.blockNumber())
            if found is not None:
                return found
            block = block.previous()
        return -1

    def _scrolled(self) -> None:
        top = self.top_block()
        if top is not None and top != self._last_top:
            self._last_top = top
            self.top_block_changed.emit(top)


class _Doc(NamedTuple):
    """A built document and where its anchors are."""

    doc: QTextDocument
    anchors: dict[str, QTextBlock]
    block_index: dict[int, int]  # document block number -> article block index


# WORKAROUND for https://bugreports.qt.io/projects/QTBUG (no report found; measured with
# benchmarks/bench_responsive.py): QTextDocument.setHtml takes time growing with the
# square of the number of `<a name>` anchors (8,000 anchored paragraphs: 2.4 s; a 10 MB
# page's 48,000: about 230 s, the window frozen). So each anchor becomes its element's
# block user state (`-qt-user-state`, which Qt's HTML importer puts in
# QTextBlock.userState and no text format holds): 8,000 paragraphs then take 0.11 s.
# The state is the article block index plus one; 0 is the header ("top").
_ANCHORED_RE = re.compile(r'<(\w+) class="([^"]*)"><a name="([^"]+)"></a>')


def _anchors_as_states(html: str) -> str:
    def state(m: re.Match[str]) -> str:
        found = block_of_anchor(m[3])
        return (
            f'<{m[1]} class="{m[2]}" style="-qt-user-state:{(-1 if found is None else found) + 1}">'
        )

    return _ANCHORED_RE.sub(state, html)


def _anchor_blocks(doc: QTextDocument) -> tuple[dict[str, QTextBlock], dict[int, int]]:
    """Every anchor name in `doc` with its block, and block number -> article block."""
    anchors: dict[str, QTextBlock] = {}
    index: dict[int, int] = {}
    block = doc.begin()
    while block.isValid():
        state = block.userState()
        if state >= 0:
            found = state - 1
            anchors.setdefault("top" if found < 0 else anchor(found), block)
            if found >= 0:
                index.setdefault(block.blockNumber(), found)
        block = block.next()
    return anchors, index


def _typography_css(font: QFont) -> str:
    """Line heights for `font`, in Qt's sense of a percentage.

    Qt's `line-height: N%` scales the font's natural line height (ascent + descent, about
    1.45 em for the CJK fonts), not the em as in browsers, so the percentage that gives
    LINE_HEIGHT_EM is worked out from the font metrics.
    """
    fm = QFontMetricsF(font)
    em = fm.horizontalAdvance("中") or fm.height()
    body = round(100 * LINE_HEIGHT_EM * em / fm.height())
    heading = round(100 * HEADING_LINE_HEIGHT_EM * em / fm.height())
    return (
        f"p.para, p.quote, li.item, p.image-alt {{ line-height: {body}%; }}\n"
        f"h2.section, p.caption {{ line-height: {heading}%; }}\n"
        f"h1.title {{ line-height: {max(100, heading - 10)}%; }}\n"
    )
