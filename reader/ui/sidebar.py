"""Sidebar: the article's sections (章節) and speakers (發言人) as two groups.

It is given an Article and shows `article.sections` and `article.speakers`; it never
computes structure itself. Clicks go upward as signals.

The sidebar is on screen in the first frame, so nothing here names `Qt.<enum>` before a
key is pressed: that would make PySide build the whole Qt namespace first (40 ms).
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from reader.core.article import Article
from reader.ui.i18n import parenthesized

_KIND = 0x0100  # Qt.ItemDataRole.UserRole
_VALUE = 0x0101


class Sidebar(QTreeWidget):
    """Two groups of entries: sections and speakers.

    Signals:
        section_activated(int): the user chose the section with this index.
        speaker_activated(str): the user chose the speaker with this name.
    """

    section_activated = Signal(int)
    speaker_activated = Signal(str)

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
        self._sections_group = self._group()
        self._speakers_group = self._group()
        for group in (self._sections_group, self._speakers_group):
            group.setHidden(True)  # until set_article() has something to show
        self._titles = ("章節", "發言人")
        self._article: Article | None = None
        # Only clicks and Enter: itemActivated also fires on single click on some desktops,
        # which would advance the speaker cycle twice.
        self.itemClicked.connect(self._clicked)

    def set_article(self, article: Article) -> None:
        """Show the sections and speakers of `article`."""
        self._article = article
        for group in (self._sections_group, self._speakers_group):
            group.takeChildren()
        for i, section in enumerate(article.sections):
            item = QTreeWidgetItem([section.title])
            item.setToolTip(0, section.title)
            item.setData(0, _KIND, "section")
            item.setData(0, _VALUE, i)
            self._sections_group.addChild(item)
        for speaker in article.speakers:
            count = len(speaker.blocks)
            item = QTreeWidgetItem([f"{speaker.name}（{count}）"])
            item.setToolTip(0, speaker.name)
            item.setData(0, _KIND, "speaker")
            item.setData(0, _VALUE, speaker.name)
            self._speakers_group.addChild(item)
        self._update_group_titles()
        self._sections_group.setHidden(not article.sections)
        self._speakers_group.setHidden(not article.speakers)
        self.expandAll()

    def set_group_titles(self, sections: str, speakers: str) -> None:
        """Set the (translated) group headings."""
        self._titles = (sections, speakers)
        self._update_group_titles()

    def set_current_section(self, index: int | None) -> None:
        """Highlight section `index` (None: no section) without emitting a signal."""
        self.blockSignals(True)
        try:
            if index is None or not 0 <= index < self._sections_group.childCount():
                self.clearSelection()
                self.setCurrentIndex(QModelIndex())
            else:
                self.setCurrentItem(self.section_item(index))
        finally:
            self.blockSignals(False)

    def current_section(self) -> int | None:
        """The highlighted section's index, if a section is highlighted."""
        item = self.currentItem()
        if item is not None and item.data(0, _KIND) == "section":
            return int(item.data(0, _VALUE))
        return None

    def section_items(self) -> list[str]:
        """The texts of the section entries (for tests and accessibility checks)."""
        return [self.section_item(i).text(0) for i in range(self._sections_group.childCount())]

    def speaker_items(self) -> list[str]:
        """The texts of the speaker entries."""
        return [self.speaker_item(i).text(0) for i in range(self._speakers_group.childCount())]

    def section_item(self, index: int) -> QTreeWidgetItem:
        """The entry of section `index`."""
        return _child(self._sections_group, index)

    def speaker_item(self, index: int) -> QTreeWidgetItem:
        """The entry of speaker `index`."""
        return _child(self._speakers_group, index)

    def _group(self) -> QTreeWidgetItem:
        item = QTreeWidgetItem()  # not selectable: see selectionCommand
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(0, font)
        item.setData(0, _KIND, "group")
        self.addTopLevelItem(item)
        return item

    def _update_group_titles(self) -> None:
        n_sec = self._sections_group.childCount()
        n_spk = self._speakers_group.childCount()
        self._sections_group.setText(0, parenthesized(self._titles[0], n_sec))
        self._speakers_group.setText(0, parenthesized(self._titles[1], n_spk))

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind = item.data(0, _KIND)
        if kind == "section":
            self.section_activated.emit(int(item.data(0, _VALUE)))
        elif kind == "speaker":
            self.speaker_activated.emit(str(item.data(0, _VALUE)))

    def selectionCommand(
        self, index: QModelIndex | QPersistentModelIndex, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        # Group headings are never selected. (Item flags would say so too, but naming
        # Qt.ItemFlag costs the first paint 40 ms; see the module docstring.)
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
