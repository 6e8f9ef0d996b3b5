"""Work off the GUI process: one warm worker process, one job at a time, results as signals.

Why a process and not a thread: the core is pure Python, so a loading thread shares the
GIL with the GUI thread. Measured on a 10 MB page (1.8M characters; benchmarks: responsive
open): a thread stalls the event loop up to 155 ms (long lxml and regex calls hold the
GIL); a worker process stalls it at most 30-40 ms, while the result is unpickled. A
process can also really be stopped when a newer job supersedes it.

The worker is started with "spawn" (a fresh interpreter: fork would copy Qt's threads'
state) on the first job and kept for the next ones; its loop is in `worker.py`, which
imports no Qt, so neither does the worker.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from reader.ui.worker import serve

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

log = logging.getLogger(__name__)

Job = Callable[..., Any]

STOPPED = "The loading process stopped unexpectedly."


class ProcessJobs(QObject):
    """Runs picklable functions in a worker process; a new job supersedes the running one.

    Signals:
        finished(int, object): a job's id and its result (on the GUI thread).
        failed(int, str): a job's id and a message fit for the user.
    """

    finished = Signal(int, object)
    failed = Signal(int, str)
    _replied = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._current = 0
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._replied.connect(self._deliver)

    def submit(self, fn: Job, *args: object) -> int:
        """Run `fn(*args)` in the worker (stopping any job still running); return its id."""
        if self._current:
            self.cancel()
        jid = next(self._ids)
        self._current = jid
        try:
            conn = self._worker()
            conn.send((jid, fn, args))
        except OSError:  # the worker died since its last job: start another
            self._stop_worker()
            conn = self._worker()
            conn.send((jid, fn, args))
        threading.Thread(target=self._wait, args=(conn, jid), daemon=True).start()
        return jid

    def busy(self) -> bool:
        """Whether a job is running."""
        return self._current != 0

    def cancel(self) -> None:
        """Stop the running job, if any (its result never arrives)."""
        if not self._current:
            return
        self._current = 0
        self._stop_worker()

    def shutdown(self) -> None:
        """Stop the worker (call before the application quits)."""
        self._current = 0
        self._stop_worker()

    def _worker(self) -> Connection:
        if self._process is None or self._conn is None or not self._process.is_alive():
            import multiprocessing  # noqa: PLC0415 - only here: see ReadingSession._background

            ctx = multiprocessing.get_context("spawn")
            ours, theirs = ctx.Pipe()
            process = ctx.Process(target=serve, args=(theirs,), daemon=True, name="qingdu-load")
            process.start()
            theirs.close()
            self._process, self._conn = process, ours
        return self._conn

    def _stop_worker(self) -> None:
        # The pipe is not closed here: a helper thread may be reading it. Once the worker
        # is dead its read fails with EOFError, and the Connection closes when dropped.
        process = self._process
        self._process = self._conn = None
        if process is not None:
            process.kill()
            process.join(timeout=5)

    def _wait(self, conn: Connection, jid: int) -> None:
        """On a helper thread: wait for job `jid`'s reply and hand it to the GUI thread."""
        try:
            reply_id, ok, payload = conn.recv()
        except (EOFError, OSError):
            # The worker is gone: stopped for a newer job (then `_deliver` drops this, the
            # job being stale) or died on the page (then the user hears of it).
            reply_id, ok, payload = jid, False, STOPPED
        except Exception as exc:  # an unpicklable result, say: report, never hang
            reply_id, ok, payload = jid, False, f"{type(exc).__name__}: {exc}"
        self._replied.emit(reply_id, ok, payload)

    def _deliver(self, jid: int, ok: bool, payload: object) -> None:
        if jid != self._current:
            return  # superseded: a stale result is dropped
        self._current = 0
        if payload == STOPPED:
            self._stop_worker()  # dead: the next job starts a new one
        if ok:
            self.finished.emit(jid, payload)
        else:
            self.failed.emit(jid, str(payload))
