"""The library window's table: its entries as rows (`LibraryModel`), sorted and filtered
by source, script and unread (`LibraryFilter`), shown with its columns sized
(`LibraryTable`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from reader.core.prefs import Language
from reader.library.index import Entry
from reader.ui import i18n

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("col_title", "col_source", "col_date", "col_length", "col_progress")
#: Texts as wide as the source, date, length and progress columns need.
_COLUMN_SAMPLES = ("中央广播电视总台", "2024-05-06", "888,888", "100%")


class LibraryModel(QAbstractTableModel):
    """The library's entries as a table: title, source, date, length, progress."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._lang = Language.ENGLISH
        self._sort: tuple[int, Qt.SortOrder] = (2, Qt.SortOrder.DescendingOrder)

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._entries = _sorted(entries, *self._sort)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python (one key per row; Qt's proxy would call `data` per compare:
        10,000 rows cost 0.3 s that way)."""
        self._sort = (column, order)
        self.beginResetModel()
        self._entries = _sorted(self._entries, column, order)
        self.endResetModel()

    def set_language(self, language: Language) -> None:
        self._lang = language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return i18n.text(COLUMNS[section], self._lang)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        e = self._entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(e, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return i18n.text("unreadable", self._lang, error=e.error) if e.error else e.path
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and e.error:
            return Qt.GlobalColor.gray
        return None

    def _display(self, e: Entry, col: int) -> str:
        if col == 0:
            return e.title or Path(e.path).name
        if col == 1:
            return i18n.text("unreadable", self._lang, error=e.error) if e.error else e.source or ""
        if col == 2:
            return (e.published or "")[:10]
        if col == 3:
            return f"{e.length:,}" if not e.error else ""
        return f"{e.progress:.0%}" if e.last_read is not None else ""


def _sort_key(e: Entry, column: int) -> tuple[int, object]:
    """Rows without a value sort last in ascending order; titles case-insensitively."""
    if column == 0:
        return (0, (e.title or Path(e.path).name).casefold())
    value = (None, e.source, e.published, e.length, e.progress)[column]
    return (1, "") if value is None else (0, value)


def _sorted(entries: list[Entry], column: int, order: Qt.SortOrder) -> list[Entry]:
    descending = order == Qt.SortOrder.DescendingOrder
    return sorted(entries, key=lambda e: _sort_key(e, column), reverse=descending)


class LibraryFilter(QSortFilterProxyModel):
    """Filtering by source, script and unread; sorting is the model's own (`sort`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: str | None = None
        self._script: str | None = None
        self._unread = False

    def set_filters(self, source: str | None, script: str | None, unread: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._source, self._script, self._unread = source, script, unread
            self.endFilterChange()
        else:
            self._source, self._script, self._unread = source, script, unread
            self.invalidateFilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, LibraryModel)
        e = model.entry(row)
        if self._source is not None and e.source != self._source:
            return False
        if self._script is not None and e.script != self._script:
            return False
        return not (self._unread and not e.unread)


class LibraryTable(QTableView):
    """The rows of `model` through `proxy`, newest first, selected as whole rows; the
    owner gives the context menu (`customContextMenuRequested`)."""

    def __init__(
        self, model: LibraryModel, proxy: LibraryFilter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._entries = model
        self._proxy = proxy
        proxy.setSourceModel(model)
        self.setObjectName("libraryTable")
        self.setModel(proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Widths from sample texts, not ResizeToContents: that reads every row's text
        # (10,000 rows: 0.3 s) each time the list is reloaded.
        metrics = self.fontMetrics()
        for col, sample in enumerate(_COLUMN_SAMPLES, start=1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, metrics.horizontalAdvance(sample) + 24)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def path_at(self, index: QModelIndex) -> str:
        """The file of the row at `index` (an index of this table)."""
        return self._entries.entry(self._proxy.mapToSource(index).row()).path

    def selected_paths(self) -> list[str]:
        """The files of the selected rows, in the model's order."""
        rows = {self._proxy.mapToSource(i).row() for i in self.selectionModel().selectedRows()}
        return [self._entries.entry(r).path for r in sorted(rows)]
