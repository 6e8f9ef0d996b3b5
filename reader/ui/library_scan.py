"""Keeping the library's index up to date in the background: one scan on its own thread
(`ScanThread`, which cleans pages in worker processes through `reader.library.scan`), the
list of folders and pages a `QFileSystemWatcher` watches for changes, and what the
window's status line says of a scan (`progress_text`, `report_text`)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
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


def progress_text(t: Callable[..., str], done: int, total: int, eta: float) -> str:
    """Pages done of `total`, and the time left (`eta` seconds; negative: unknown), in the
    words of `t`."""
    text = t("indexing", done=done, total=total)
    if eta >= 0:
        left = t("seconds", n=round(eta)) if eta < 90 else t("minutes_short", n=round(eta / 60))
        text += t("time_left", t=left)
    return text


def report_text(t: Callable[..., str], report: object) -> str:
    """What a scan ended with (a `scan.Report`, or an error message), in the words of `t`."""
    if not isinstance(report, scan.Report):
        return str(report)
    if report.cancelled:
        message = t("scan_cancelled")
    else:
        message = t(
            "scan_done",
            added=report.added,
            updated=report.updated,
            removed=report.removed,
            failed=report.failed,
        )
    for folder in report.missing:
        message += " · " + t("folder_missing", path=folder)
    return message
