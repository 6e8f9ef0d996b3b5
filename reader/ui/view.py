"""ArticleView: the read-only text area that shows a rendered article.

It is given HTML and CSS (`show`), a font, and the article's saved images; it knows
nothing about files, scripts or themes. Links are reported, never followed, and images
come only from the article's own assets: nothing is ever fetched from the network.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.core.render import ASSET_SCHEME, anchor, block_of_anchor

log = logging.getLogger(__name__)

COLUMN_CHARS = 40
"""Width of the text column in CJK characters: 36-42 is the comfortable range for
Chinese prose; 40 leaves room for full-width punctuation at the line end."""

MIN_SIDE_MARGIN = 24
"""Pixels kept on each side of the column when the window is narrower than the column."""

TOP_MARGIN = 28

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
        self._positions: list[tuple[float, int]] | None = None
        self._marks: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._last_top = -1
        self._html = ""
        self._css = ""
        self._typography = ""
        self._pending: tuple[str, int] | None = None
        # A scroll asked for before the first layout is done once the resizes that come
        # with showing the window have settled (a zero timer runs after all of them).
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.setInterval(0)
        self._pending_timer.timeout.connect(self._apply_pending)
        self.document().documentLayout().documentSizeChanged.connect(self._layout_changed)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    # -- content -------------------------------------------------------------------------

    def show_article(self, html: str, css: str, images: Mapping[int, bytes] | None = None) -> None:
        """Replace the content: `html` styled by `css`; `images` maps block index -> bytes."""
        self._images = dict(images or {})
        self._html = html
        self._css = css
        self._typography = self._typography_css()
        self._load()

    def _load(self) -> None:
        self.document().setDefaultStyleSheet(self._css + "\n" + self._typography)
        self._marks.clear()
        self.setExtraSelections([])
        self._pending = None
        self.setHtml(self._html)
        self._index_anchors()
        self._apply_column()
        self._last_top = -1

    def set_reading_font(self, families: Sequence[str], point_size: float) -> None:
        """Set the body font (a fallback list of families) and its size."""
        font = QFont(self.font())
        font.setFamilies(list(families))
        font.setPointSizeF(point_size)
        self.setFont(font)
        self._apply_column()
        typography = self._typography_css()
        if self._html and typography != self._typography:
            # Line height is a percentage of the font's own line height, which differs
            # between font families; re-load so the rules match the new font.
            self._typography = typography
            self._load()
        self._typography = typography

    # -- positions -------------------------------------------------------------------------

    def scroll_to(self, name: str, offset: int = 0) -> bool:
        """Put anchor `name` (plus `offset` pixels) at the top of the view.

        Before the view is first laid out the request is kept and carried out on the
        first resize. Returns False if there is no such anchor.
        """
        block = self._anchors.get(name)
        if block is None:
            return False
        if not self._laid_out():
            self._pending = (name, offset)
            return True
        self._pending = None
        self._pending_timer.stop()
        layout = self.document().documentLayout()
        top = 0 if block == self.document().firstBlock() else layout.blockBoundingRect(block).top()
        y = round(top) + offset
        bar = self.verticalScrollBar()
        if y > bar.maximum():
            # Large documents are laid out lazily; lay out to the end so the range fits.
            layout.blockBoundingRect(self.document().lastBlock())
            self._positions = None
        bar.setValue(y)
        if bar.value() == y:
            self._scrolled()
        return True

    def top_block(self) -> int | None:
        """The index of the article block at the top of the viewport (-1: the header).

        None when nothing is shown.
        """
        if self._pending is not None:
            found = block_of_anchor(self._pending[0])
            return -1 if found is None else found
        positions = self._block_positions()
        if not positions:
            return None
        y = self.verticalScrollBar().value() + 2
        i = bisect.bisect_right(positions, (y, 1 << 30)) - 1
        return positions[i][1] if i >= 0 else -1

    def top_offset(self) -> int:
        """Pixels between the top block's start and the top of the viewport."""
        if self._pending is not None:
            return self._pending[1]
        block = self.top_block()
        if block is None:
            return 0
        if block < 0:
            return self.verticalScrollBar().value()
        tb = self._anchors[anchor(block)]
        y = self.document().documentLayout().blockBoundingRect(tb).top()
        return max(0, self.verticalScrollBar().value() - round(y))

    def block_at_cursor(self, cursor: QTextCursor) -> int | None:
        """The article block that contains `cursor`."""
        positions = self._block_positions()
        if not positions:
            return None
        y = self.document().documentLayout().blockBoundingRect(cursor.block()).top()
        i = bisect.bisect_right(positions, (y + 0.5, 1 << 30)) - 1
        return positions[max(i, 0)][1]

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
        self.set_marks(kind, [], QColor())

    # -- Qt overrides ----------------------------------------------------------------------

    def loadResource(self, type: int, name: QUrl | str) -> object:
        """Images from the article's own assets only; anything else resolves to nothing."""
        url = QUrl(name) if isinstance(name, str) else name
        if type == QTextDocument.ResourceType.ImageResource.value and url.scheme() == ASSET_SCHEME:
            key = url.path()
            data = self._images.get(int(key)) if key.isdigit() else None
            if data is not None:
                image = QImage.fromData(data)
                if not image.isNull():
                    return self._fit(image)
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_column()
        if self._pending is not None:
            self._pending_timer.start()

    # -- internals -------------------------------------------------------------------------

    def _fit(self, image: QImage) -> QImage:
        width = self._column_width()
        if image.width() > width > 0:
            return image.scaledToWidth(round(width), Qt.TransformationMode.SmoothTransformation)
        return image

    def _column_width(self) -> float:
        return QFontMetricsF(self.font()).horizontalAdvance("中") * COLUMN_CHARS

    def _apply_column(self) -> None:
        """Centre a column of COLUMN_CHARS characters with the root frame's side margins."""
        avail = self.viewport().width()
        side = max(MIN_SIDE_MARGIN, (avail - self._column_width()) / 2)
        root = self.document().rootFrame()
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

    def _apply_pending(self) -> None:
        if self._pending is not None and self._laid_out():
            self.scroll_to(*self._pending)

    def _laid_out(self) -> bool:
        return self.isVisible() and self.viewport().width() > MIN_SIDE_MARGIN * 2

    def _typography_css(self) -> str:
        """Line heights for the current font, in Qt's sense of a percentage.

        Qt's `line-height: N%` scales the font's natural line height (ascent + descent,
        about 1.45 em for the CJK fonts), not the em as in browsers, so the percentage
        that gives LINE_HEIGHT_EM is worked out from the font metrics.
        """
        fm = QFontMetricsF(self.font())
        em = fm.horizontalAdvance("中") or fm.height()
        body = round(100 * LINE_HEIGHT_EM * em / fm.height())
        heading = round(100 * HEADING_LINE_HEIGHT_EM * em / fm.height())
        return (
            f"p.para, p.quote, li.item, p.image-alt {{ line-height: {body}%; }}\n"
            f"h2.section, p.caption {{ line-height: {heading}%; }}\n"
            f"h1.title {{ line-height: {max(100, heading - 10)}%; }}\n"
        )

    def _index_anchors(self) -> None:
        self._anchors.clear()
        self._positions = None
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                for name in it.fragment().charFormat().anchorNames():
                    self._anchors.setdefault(name, block)
                it += 1
            block = block.next()

    def _block_positions(self) -> list[tuple[float, int]]:
        if not self._laid_out():
            return []
        if self._positions is None:
            layout = self.document().documentLayout()
            pos: list[tuple[float, int]] = []
            for name, tb in self._anchors.items():
                index = block_of_anchor(name)
                if index is not None:
                    pos.append((layout.blockBoundingRect(tb).top(), index))
            pos.sort()
            self._positions = pos
        return self._positions

    def _layout_changed(self) -> None:
        self._positions = None

    def _scrolled(self) -> None:
        top = self.top_block()
        if top is not None and top != self._last_top:
            self._last_top = top
            self.top_block_changed.emit(top)
