"""The library window's search results: each hit as its title and a snippet, the matches
highlighted in the palette's selection colours, the file's path kept on its item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from reader.library.search import Hit


class ResultList(QListWidget):
    """The list of search hits; an item's `Qt.ItemDataRole.UserRole` data is its path.
    Its context menu is the window's (open, reveal, remove), as the table's is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def selected_paths(self) -> list[str]:
        """The paths of the selected hits, the current one when none is selected."""
        items = self.selectedItems() or ([self.currentItem()] if self.currentItem() else [])
        paths = [item.data(Qt.ItemDataRole.UserRole) for item in items]
        return [p for p in paths if isinstance(p, str)]

    def show_hits(self, hits: list[Hit]) -> None:
        """Add a rich-text row for each hit (the list is cleared by the caller)."""
        palette = self.palette()
        style = (
            f"background-color: {palette.highlight().color().name()}; "
            f"color: {palette.highlightedText().color().name()};"
        )
        width = self.viewport().width() - 8
        for hit in hits:
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            title = _html_marked(hit.title, hit.title_marks, style)
            snippet = _html_marked(hit.snippet, hit.marks, style)
            source = f" · {_escape(hit.source)}" if hit.source else ""
            label.setText(f"<b>{title}</b>{source}<br>{snippet}")
            label.setContentsMargins(4, 4, 4, 4)
            item = QListWidgetItem(self)
            item.setData(Qt.ItemDataRole.UserRole, hit.path)
            item.setToolTip(hit.path)
            hint = label.sizeHint()
            hint.setHeight(label.heightForWidth(width) if width > 0 else hint.height())
            item.setSizeHint(hint)
            self.setItemWidget(item, label)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _html_marked(text: str, marks: tuple[tuple[int, int], ...], style: str) -> str:
    """`text` as HTML with every match in a span of `style` (the highlight colours)."""
    out: list[str] = []
    at = 0
    for start, end in marks:
        out += [_escape(text[at:start]), f'<span style="{style}">']
        out += [_escape(text[start:end]), "</span>"]
        at = end
    out.append(_escape(text[at:]))
    return "".join(out)
