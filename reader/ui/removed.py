"""RemovedPanel: what the cleaner cut from the page, so a reader can check that nothing of
the article was lost.

It is given an Article and lists `article.removed` by reason (watermarks, menus and
lists, page details, what followed the article...), each group with its count, each entry
once with the number of times it was cut ("×12" for a watermark in twelve paragraphs).
The core lists a watermark family once with its count (`Removal.count`); an entry listed
more than once is counted the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from reader.core.article import Article, Removal
from reader.ui.i18n import parenthesized

#: Reasons in the order a reader checks them: what touched the article's own text first.
REASON_ORDER: tuple[str, ...] = (
    "watermark",
    "hidden",
    "duplicate",
    "chrome",
    "list",
    "meta",
    "tail",
    "trailing",
    "junk",
)

#: Characters of a removed text shown in its entry (the whole text is its tooltip).
ENTRY_CHARS = 80


def group_removed(removed: Iterable[Removal]) -> list[tuple[str, list[tuple[str, int]]]]:
    """`removed` as (reason, [(text, times)]) groups in `REASON_ORDER` (unknown reasons
    last), each text once with how many times it was cut."""
    groups: dict[str, dict[str, int]] = {}
    for r in removed:
        times = r.count if r.count is not None and r.count > 0 else 1  # a family's count
        entries = groups.setdefault(r.reason, {})
        entries[r.text] = entries.get(r.text, 0) + times

    def rank(reason: str) -> int:
        return REASON_ORDER.index(reason) if reason in REASON_ORDER else len(REASON_ORDER)

    return [(reason, list(groups[reason].items())) for reason in sorted(groups, key=rank)]


class RemovedPanel(QTreeWidget):
    """The removed texts of one article, grouped by reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("removedPanel")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setRootIsDecorated(True)
        self.setWordWrap(True)
        self._groups: list[tuple[str, list[tuple[str, int]]]] = []
        self._label: Callable[[str], str] = lambda key: key
        self._empty = "—"

    def set_article(self, article: Article) -> None:
        """Show what was removed from `article`."""
        self._groups = group_removed(article.removed)
        self._fill()

    def set_labels(self, label: Callable[[str], str], empty: str) -> None:
        """The (translated) group label for a reason key ("removed_watermark"...) and the
        text shown when nothing was removed."""
        self._label = label
        self._empty = empty
        self._fill()

    def groups(self) -> Sequence[tuple[str, list[tuple[str, int]]]]:
        """The groups shown (for tests)."""
        return self._groups

    def _fill(self) -> None:
        self.clear()
        if not self._groups:
            self.addTopLevelItem(QTreeWidgetItem([self._empty]))
            return
        for reason, entries in self._groups:
            total = sum(times for _text, times in entries)
            known = reason in REASON_ORDER
            title = self._label(f"removed_{reason}" if known else "removed_other")
            group = QTreeWidgetItem([parenthesized(title, total)])
            for text, times in entries:
                shown = text if len(text) <= ENTRY_CHARS else text[: ENTRY_CHARS - 1] + "…"
                item = QTreeWidgetItem([f"{shown}  ×{times}" if times > 1 else shown])
                item.setToolTip(0, text)
                group.addChild(item)
            self.addTopLevelItem(group)
        self.expandAll()
