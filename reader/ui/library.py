"""The library window: the articles in the user's folders, search, and indexing progress.

A self-contained widget with a small public interface: it is given the index file's path
and the language, and it asks the reader to open an article through `article_requested`.
Indexing runs on a thread (`ScanThread`, library_scan.py), which cleans pages in worker
processes (`reader.library.scan`); the list stays usable meanwhile and fills in as pages
are committed. Cancelling stops after the pages in flight; what was done is kept.

Folders are watched while the window exists (`QFileSystemWatcher` on every folder and
subfolder, and on the pages themselves up to `WATCH_FILES_MAX` in library_scan.py; a
burst of changes is gathered into one quick rescan). Past that many pages, a file
rewritten in place is picked up by the next rescan (at start, on any change in its
folder, or the Rescan button).

Reading positions: the reader's settings (`reader.ui.settings`, per file) are the one
source of truth for where to resume; the index follows them (`record_position` is
called with every position the reader saves), so the library can show progress and
"continue reading" without Qt's settings, and the command line can list them.

The table (its model, filter and view) is in library_model.py, the search results list
in library_results.py, the scan's thread, watch list and status words in library_scan.py.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.prefs import Language
from reader.library.index import Index
from reader.library.search import QueryError, search
from reader.ui import i18n
from reader.ui.library_model import LibraryFilter, LibraryModel, LibraryTable
from reader.ui.library_results import ResultList
from reader.ui.library_scan import ScanThread, progress_text, report_text, update_watch

#: Changes in a watched folder are gathered this long before one rescan: saving a page
#: writes the file and its companion folder in a burst.
WATCH_DELAY_MS = 1000
#: The list is reloaded at most this often while indexing: it reads the whole index
#: (3,000 articles: about 0.1 s of the GUI thread).
REFRESH_EVERY_S = 2.0
#: The search runs this long after the last keystroke (input methods send bursts).
SEARCH_DELAY_MS = 150


def _ask_folder(parent: QWidget, title: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title)
    return Path(name) if name else None


class LibraryWindow(QWidget):
    """The library: list, filters, search, indexing progress, continue reading.

    Signals:
        article_requested(str, object): open this file; the object is the index's copy of
            the reading position, (block, offset), or None.
        scan_finished(object): a scan ended (its `scan.Report`, or an error message).
    """

    article_requested = Signal(str, object)
    scan_finished = Signal(object)

    def __init__(
        self,
        index_path: Path,
        *,
        language: Language = Language.ENGLISH,
        workers: int | None = None,
        ask_folder: Callable[[QWidget, str], Path | None] = _ask_folder,
        reveal: Callable[[QUrl], object] = QDesktopServices.openUrl,
        watch: bool = True,
        scan_at_start: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("libraryWindow")
        self._path = index_path
        self._index = Index(index_path, verify=False)  # the scan at start verifies it
        self._lang = language
        self._workers = workers
        self._ask_folder = ask_folder
        self._reveal = reveal
        self._thread: ScanThread | None = None
        self._rescan_wanted = False
        self._stale = False
        self._verified = False
        self._last_refresh = 0.0
        self._build()
        self._watcher = None
        if watch:
            from PySide6.QtCore import QFileSystemWatcher  # noqa: PLC0415

            self._watcher = QFileSystemWatcher(self)
            self._watcher.directoryChanged.connect(self._folder_changed)
            self._watcher.fileChanged.connect(self._folder_changed)
        self._watch_timer = QTimer(self, singleShot=True, interval=WATCH_DELAY_MS)
        self._watch_timer.timeout.connect(self.rescan)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.set_language(language)
        self.refresh()
        self._watch_folders()
        if self._index.notice:
            self.status.setText(self._index.notice)
        if scan_at_start:
            self.rescan()  # the quick rescan: only new and changed files are cleaned

    # -- public ---------------------------------------------------------------------------

    @property
    def index(self) -> Index:
        """The GUI thread's connection to the index (reads, removals, positions)."""
        return self._index

    @property
    def scanning(self) -> bool:
        return self._thread is not None

    def set_language(self, language: Language) -> None:
        self._lang = language
        t = self._t
        self.setWindowTitle(t("library_title"))
        self.model.set_language(language)
        self.search_edit.setPlaceholderText(t("search_placeholder"))
        self.unread_box.setText(t("unread_only"))
        self.add_button.setText(t("add_folder"))
        self.folders_button.setText(t("folders"))
        self.rescan_button.setText(t("rescan"))
        self.cancel_button.setText(t("cancel"))
        for i, key in enumerate(("all_scripts", "only_traditional", "only_simplified")):
            self.script_box.setItemText(i, t(key))
        self.source_box.setItemText(0, t("all_sources"))
        self._update_continue()

    def refresh(self) -> None:
        """Reload the list from the index (after a scan, or while one runs)."""
        self._last_refresh = time.monotonic()
        self._stale = False
        try:
            entries = self._index.entries()
        except sqlite3.Error as exc:  # damaged since it was opened: the next scan sets it aside
            self.status.setText(str(exc))
            return
        self.model.set_entries(entries)
        sources = sorted({e.source for e in entries if e.source})
        current = self.source_box.currentData()
        self.source_box.blockSignals(True)
        self.source_box.clear()
        self.source_box.addItem(self._t("all_sources"), None)
        for s in sources:
            self.source_box.addItem(s, s)
        at = self.source_box.findData(current) if current else 0
        self.source_box.setCurrentIndex(max(0, at))
        self.source_box.blockSignals(False)
        self._update_continue()
        if not entries and not self.scanning:
            self.status.setText(self._t("empty_library"))

    def add_folder(self, folder: Path | None = None) -> None:
        """Add a folder (asked for when not given) and index it."""
        chosen = folder or self._ask_folder(self, self._t("choose_folder"))
        if chosen is None or not chosen.is_dir():
            return
        self._index.add_folder(chosen)
        self.rescan()

    def rescan(self) -> None:
        """Bring the index up to date with the folders (queued if a scan runs)."""
        if self._thread is not None:
            self._rescan_wanted = True
            return
        self._rescan_wanted = False
        # The first scan of the window verifies the file (see Index); later ones (the
        # watcher's) need not read every page again.
        thread = ScanThread(self._path, self._workers, not self._verified, self)
        self._verified = True
        thread.progressed.connect(self._progressed)
        thread.finished_scan.connect(self._scan_done)
        self._thread = thread
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        thread.start()

    def cancel_scan(self) -> None:
        """Stop indexing after the pages in flight (their work and all before is kept)."""
        if self._thread is not None:
            self._rescan_wanted = False
            self._thread.cancel()

    def wait_for_scan(self) -> None:
        """Block until the running scan has ended (closing, tests)."""
        if self._thread is not None:
            self._thread.wait()

    def set_query(self, query: str) -> None:
        """Search for `query` (an empty query shows the list again)."""
        self.search_edit.setText(query)
        self._run_search()

    def selected_paths(self) -> list[str]:
        """The selected articles of the view on screen: the table, or the search results."""
        if self.stack.currentWidget() is self.results:
            return self.results.selected_paths()
        return self.table.selected_paths()

    def open_path(self, path: str) -> None:
        """Ask the reader to open `path` at the index's copy of its position."""
        try:
            entry = self._index.entry(path)
        except sqlite3.Error:
            entry = None  # the reader still opens it, at its own saved place
        self.article_requested.emit(path, entry.position if entry else None)

    def open_selected(self) -> None:
        paths = self.selected_paths()
        if paths:
            self.open_path(paths[0])

    def remove_selected(self) -> None:
        """Take the selected articles out of the library (never the files)."""
        self._index.remove(self.selected_paths())
        self.refresh()
        if self.search_edit.text().strip():
            self._run_search()

    def remove_folder(self, folder: str) -> None:
        """Take a folder and its articles out of the library (the files stay)."""
        if self.scanning:  # the scan would write the folder's pages back: stop it first
            self.cancel_scan()
            self.wait_for_scan()
        self._index.remove_folder(folder)
        self.refresh()
        self._watch_folders()

    def reveal_selected(self) -> None:
        """Show the selected article's folder in the desktop's file manager."""
        paths = self.selected_paths()
        if paths:
            self._reveal(QUrl.fromLocalFile(str(Path(paths[0]).parent)))

    def record_position(self, path: str | Path, block: int, offset: int) -> None:
        """Follow the reader's saved position for `path` (ignored if not in the library)."""
        if self._index.set_position(path, block, offset):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True  # reloaded when next shown

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("librarySearch")
        self.search_edit.setClearButtonEnabled(True)
        self.source_box = QComboBox(self)
        self.source_box.addItem("", None)
        self.script_box = QComboBox(self)
        for value in (None, "traditional", "simplified"):
            self.script_box.addItem("", value)
        self.unread_box = QCheckBox(self)
        self.add_button = QPushButton(self)
        self.folders_button = QPushButton(self)
        self.folders_button.setObjectName("libraryFolders")
        self.folders_button.setMenu(QMenu(self.folders_button))
        self.rescan_button = QPushButton(self)
        top = QHBoxLayout()
        for w in (self.search_edit, self.source_box, self.script_box, self.unread_box):
            top.addWidget(w, 3 if w is self.search_edit else 0)
        top.addWidget(self.add_button)
        top.addWidget(self.folders_button)
        top.addWidget(self.rescan_button)

        self.continue_button = QPushButton(self)
        self.continue_button.setObjectName("continueReading")
        self.continue_button.setFlat(True)
        self.continue_button.setStyleSheet("text-align: left;")
        self.continue_button.hide()

        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.table = LibraryTable(self.model, self.proxy, self)

        self.results = ResultList(self)
        self.results.setObjectName("libraryResults")
        self.results.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.results)

        self.progress = QProgressBar(self)
        self.progress.hide()
        self.cancel_button = QPushButton(self)
        self.cancel_button.hide()
        self.status = QLabel(self)
        self.status.setObjectName("libraryStatus")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.continue_button)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._run_search)
        self.source_box.currentIndexChanged.connect(self._filters_changed)
        self.script_box.currentIndexChanged.connect(self._filters_changed)
        self.unread_box.toggled.connect(self._filters_changed)
        self.add_button.clicked.connect(self._add_clicked)
        self.rescan_button.clicked.connect(self.rescan)
        self.folders_button.menu().aboutToShow.connect(self._fill_folders_menu)
        self.cancel_button.clicked.connect(self.cancel_scan)
        self.continue_button.clicked.connect(self._continue)
        self.table.doubleClicked.connect(self._table_activated)
        self.table.activated.connect(self._table_activated)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.results.customContextMenuRequested.connect(self._context_menu)
        self.results.itemActivated.connect(self._result_activated)
        self.results.itemDoubleClicked.connect(self._result_activated)
        self.resize(900, 600)

    # -- reacting -------------------------------------------------------------------------

    def _t(self, key: str, **fields: object) -> str:
        return i18n.text(key, self._lang, **fields)

    def _add_clicked(self) -> None:
        self.add_folder()

    def _filters_changed(self) -> None:
        source, script = self.source_box.currentData(), self.script_box.currentData()
        self.proxy.set_filters(source, script, self.unread_box.isChecked())

    def _update_continue(self) -> None:
        try:
            entry = self._index.continue_reading()
        except sqlite3.Error:
            entry = None  # refresh() says why
        self.continue_button.setVisible(entry is not None)
        if entry is not None:
            self.continue_button.setText(
                self._t("continue_reading", title=entry.title, p=f"{entry.progress:.0%}")
            )
            self.continue_button.setProperty("path", entry.path)

    def _continue(self) -> None:
        path = self.continue_button.property("path")
        if isinstance(path, str):
            self.open_path(path)

    def _table_activated(self, index: QModelIndex) -> None:
        self.open_path(self.table.path_at(index))

    def _result_activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(path, str):
            self.open_path(path)

    def _fill_folders_menu(self) -> None:
        menu = self.folders_button.menu()
        menu.clear()
        for folder in self._index.folders():
            sub = menu.addMenu(folder.path + (" ⚠" if folder.missing else ""))
            url = QUrl.fromLocalFile(folder.path)
            sub.addAction(self._t("reveal"), partial(self._reveal, url))
            sub.addAction(self._t("remove_from_library"), partial(self.remove_folder, folder.path))
        if menu.isEmpty():
            menu.addAction(self._t("no_folders")).setEnabled(False)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self._t("open_article"), self.open_selected)
        menu.addAction(self._t("reveal"), self.reveal_selected)
        menu.addSeparator()
        menu.addAction(self._t("remove_from_library"), self.remove_selected)
        shown = self.results if self.stack.currentWidget() is self.results else self.table
        menu.popup(shown.viewport().mapToGlobal(pos))

    def _run_search(self) -> None:
        self._search_timer.stop()
        query = self.search_edit.text().strip()
        self.results.clear()
        if not query:
            self.stack.setCurrentWidget(self.table)
            return
        self.stack.setCurrentWidget(self.results)
        try:
            hits = search(self._index, query)
        except QueryError:
            hits = []
        except sqlite3.Error as exc:
            self.status.setText(str(exc))
            return
        self.results.show_hits(hits)
        self.status.setText(self._t("results", n=len(hits)))

    def _progressed(self, done: int, total: int, eta: float) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.status.setText(progress_text(self._t, done, total, eta))
        if time.monotonic() - self._last_refresh > REFRESH_EVERY_S:
            self.refresh()

    def _scan_done(self, report: object, notice: str) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        if notice:  # the scan's check set the file aside: this connection is to the old one
            self._index.close()
            self._index = Index(self._path, verify=False)
        self.progress.hide()
        self.cancel_button.hide()
        self.refresh()
        self._watch_folders()
        self.status.setText(report_text(self._t, report))
        if notice:
            self.status.setText(notice)
        self.scan_finished.emit(report)
        if self._rescan_wanted:
            self.rescan()

    def _watch_folders(self) -> None:
        """Watch every folder and subfolder of the library, and its pages if few enough."""
        if self._watcher is not None:
            update_watch(self._watcher, self._index)

    def _folder_changed(self, _path: str) -> None:
        self._watch_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel_scan()
        self.wait_for_scan()
        super().closeEvent(event)
