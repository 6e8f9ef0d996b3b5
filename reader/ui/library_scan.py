"""Keeping the library's index up to date in the background: one scan on its own thread
(`ScanThread`, which cleans pages in worker processes through `reader.library.scan`), and
the list of folders and pages a `QFileSystemWatcher` watches for changes."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QThread, Signal

from reader.library import scan
from reader.library.index import Index

#: A folder's changes report added and removed files, not a file rewritten in place; for
#: that each page is watched too, up to this many (each takes one of the user's inotify
#: watches, 8,192 in all on older Linux systems, shared with every other program).
WATCH_FILES_MAX = 2000


class ScanThread(QThread):
    """One scan of the index file, on its own thread with its own connection.

    Signals:
        progressed(int, int, float): pages done, pages to do, seconds left (-1: unknown).
        finished_scan(object, str): the `scan.Report` (or an error message, a str), and
            the index's notice if this scan's check set a bad file aside (else "").
    """

    progressed = Signal(int, int, float)
    finished_scan = Signal(object, str)

    def __init__(
        self, path: Path, workers: int | None, verify: bool, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._path = path
        self._workers = workers
        self._verify = verify
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        def progress(p: scan.Progress) -> None:
            self.progressed.emit(p.done, p.total, -1.0 if p.eta is None else p.eta)

        notice = ""
        try:
            with Index(self._path, verify=self._verify) as index:
                notice = index.notice or ""
                report: object = scan.scan(
                    index, workers=self._workers, progress=progress, cancel=self._stop.is_set
                )
        except Exception as exc:  # reported in the window, never a crash
            report = str(exc)
        self.finished_scan.emit(report, notice)


def update_watch(watcher: QFileSystemWatcher, index: Index) -> None:
    """Watch every folder and subfolder of the library, and its pages if few enough."""
    wanted: set[str] = set()
    for folder in index.folders():
        if not folder.missing:
            wanted.update(scan.subfolders(Path(folder.path)))
    try:
        pages = [e.path for e in index.entries()]
    except sqlite3.Error:
        pages = []
    if len(pages) <= WATCH_FILES_MAX:
        wanted.update(pages)
    have = set(watcher.directories()) | set(watcher.files())
    if wanted - have:
        watcher.addPaths(sorted(wanted - have))
    if have - wanted:
        watcher.removePaths(sorted(have - wanted))
