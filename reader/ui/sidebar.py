"""Sidebar: lists of the article's parts (sections, speakers, ...) as titled groups.

It is given a list of `SidebarGroup`s and shows them; it never computes structure
itself. A click (or Enter) on an entry goes upward as `entry_activated(kind, value)`.

The sidebar is on screen in the first frame, so nothing here names `Qt.<enum>` before a
key is pressed: that would make PySide build the whole Qt namespace first (40 ms).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex
    from PySide6.QtGui import QKeyEvent

from reader.ui.i18n import parenthesized

_KIND = 0x0100  # Qt.ItemDataRole.UserRole
_VALUE = 0x0101


@dataclass(frozen=True, slots=True)
class SidebarEntry:
    """One line: its text, tooltip, and the value reported when it is chosen."""

    text: str
    tooltip: str
    value: object


@dataclass(frozen=True, slots=True)
class SidebarGroup:
    """A titled list; `kind` names it in signals ("sections", "speakers", ...)."""

    kind: str
    title: str
    entries: tuple[SidebarEntry, ...]


class Sidebar(QTreeWidget):
    """Groups of entries, each group headed by its title and count; empty groups hide.

    Signals:
        entry_activated(str, object): the user chose an entry: its group's kind, its value.
    """

    entry_activated = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # (Entries are elided on the right, the default.)
        self._groups: dict[str, QTreeWidgetItem] = {}
        # Only clicks and Enter: itemActivated also fires on single click on some desktops,
        # which would advance the speaker cycle twice.
        self.itemClicked.connect(self._clicked)

    def set_groups(self, groups: Sequence[SidebarGroup]) -> None:
        """Show `groups`, in order, replacing what was shown."""
        self.clear()
        self._groups = {}
        for group in groups:
            head = QTreeWidgetItem([parenthesized(group.title, len(group.entries))])
            font = QFont(self.font())
            font.setBold(True)
            head.setFont(0, font)  # not selectable: see selectionCommand
            self.addTopLevelItem(head)
            for entry in group.entries:
                item = QTreeWidgetItem([entry.text])
                item.setToolTip(0, entry.tooltip)
                item.setData(0, _KIND, group.kind)
                item.setData(0, _VALUE, entry.value)
                head.addChild(item)
            head.setHidden(not group.entries)
            self._groups[group.kind] = head
        self.expandAll()

    def items(self, kind: str) -> list[str]:
        """The texts of the entries of group `kind` (empty if there is no such group)."""
        head = self._groups.get(kind)
        return [] if head is None else [_child(head, i).text(0) for i in range(head.childCount())]

    def item(self, kind: str, index: int) -> QTreeWidgetItem:
        """Entry `index` of group `kind`."""
        head = self._groups.get(kind)
        if head is None:
            raise IndexError(index)
        return _child(head, index)

    def group_title(self, kind: str) -> str:
        """The heading of group `kind` as shown (title and count)."""
        head = self._groups.get(kind)
        return "" if head is None else head.text(0)

    def set_current(self, kind: str, index: int | None) -> None:
        """Highlight entry `index` of `kind` (None: nothing) without emitting a signal."""
        self.blockSignals(True)
        try:
            head = self._groups.get(kind)
            if head is None or index is None or not 0 <= index < head.childCount():
                self.clearSelection()
                self.setCurrentIndex(QModelIndex())
            else:
                self.setCurrentItem(_child(head, index))
        finally:
            self.blockSignals(False)

    def current(self, kind: str) -> int | None:
        """The index of the highlighted entry if it belongs to group `kind`."""
        item = self.currentItem()
        parent = item.parent() if item is not None else None
        if item is None or parent is None or item.data(0, _KIND) != kind:
            return None
        return parent.indexOfChild(item)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind = item.data(0, _KIND)
        if isinstance(kind, str):
            self.entry_activated.emit(kind, item.data(0, _VALUE))

    def selectionCommand(
        self, index: QModelIndex | QPersistentModelIndex, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        # Group headings are never selected. (Item flags would say so too, but naming
        # Qt.ItemFlag costs the first paint 40 ms; see the module docstring.)
        from PySide6.QtCore import QItemSelectionModel  # noqa: PLC0415 - see the docstring

        if index.isValid() and not index.parent().isValid():
            return QItemSelectionModel.SelectionFlag.NoUpdate
        return super().selectionCommand(index, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        keys = (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter)
        if item is not None and event.key() in keys:
            self._clicked(item)
            event.accept()
            return
        super().keyPressEvent(event)


def _child(group: QTreeWidgetItem, index: int) -> QTreeWidgetItem:
    item = group.child(index)
    if item is None:
        raise IndexError(index)
    return item
