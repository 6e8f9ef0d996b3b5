"""Laid-out documents kept per (HTML, CSS, font), so showing one again costs no layout.

Switching back to a script or theme seen recently reuses its document as it is, laid
out; the least recently shown beyond `DOCUMENTS_KEPT` are deleted.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocument

from reader.ui.docbuild import ArticleDocument

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QFont

DOCUMENTS_KEPT = 4
"""Laid-out documents kept for instant switching back: the original and one conversion,
each in the light and the dark theme. A 25,000-character document is about 1 MB."""


class DocumentCache:
    """The documents one view has shown recently (owned by `parent`)."""

    def __init__(self, parent: QObject) -> None:
        self._parent = parent
        self._docs: OrderedDict[tuple[str, str, str], ArticleDocument] = OrderedDict()
        self._own_doc: QTextDocument | None = None  # the last one shown, if made here

    def take(self, html: str, css: str, font: QFont) -> ArticleDocument:
        """The document of `html` styled by `css` in `font`, now the most recent: the one
        kept, or a new one (a small article whole, a big one's first screenful)."""
        key = (html, css, font.key())
        entry = self._docs.pop(key, None)
        if entry is None:
            doc = QTextDocument(self._parent)
            doc.setUndoRedoEnabled(False)
            doc.setDefaultFont(font)
            doc.setDefaultStyleSheet(css)
            entry = ArticleDocument(doc, html)
            entry.build_step(0)  # a small article whole, a big one's first screenful
        self._docs[key] = entry
        return entry

    def shown(self, entry: ArticleDocument) -> None:
        """`entry` is on screen now: delete what is no longer kept."""
        # Only documents made here are ours to delete (Qt deletes its own initial one).
        # (Not previous.parent(): wrapping Qt's private control object costs 40 ms.)
        previous, self._own_doc = self._own_doc, entry.doc
        if (
            previous is not None
            and previous is not entry.doc
            and all(previous is not e.doc for e in self._docs.values())
        ):
            previous.deleteLater()  # dropped from the cache while it was on screen
        while len(self._docs) > DOCUMENTS_KEPT:
            _key, old = self._docs.popitem(last=False)
            old.doc.deleteLater()

    def clear(self, current: QTextDocument) -> None:
        """Delete every document kept but `current` (the one on screen)."""
        for entry in self._docs.values():
            if entry.doc is not current:
                entry.doc.deleteLater()
        self._docs.clear()
