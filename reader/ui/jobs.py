"""Work off the GUI process: one warm worker process, one job at a time, results as signals.

Why a process and not a thread: the core is pure Python, so a loading thread shares the
GIL with the GUI thread. Measured on a 10 MB page (1.8M characters;
benchmarks/bench_responsive.py): a loading thread stalls the event loop for 79-155 ms at a
time (long lxml and regex calls hold the GIL); with a worker process the longest stall is
27-60 ms, while the result is unpickled. A process can also really be stopped when a newer
job supersedes it, so it stops taking a core from the one the reader now wants.

The worker is a fresh interpreter running `python -m reader.ui.worker` (never a fork: it
would copy Qt's threads' state; and not multiprocessing's "spawn", which re-runs the
caller's main script in the child, so a script without an `if __name__ == "__main__"`
guard would start its window again there). It is started with the first job and kept for
the next ones; it imports no Qt. Requests and replies are pickles on its stdin/stdout.
"""

from __future__ import annotations

import itertools
import logging
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

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
        self._process: subprocess.Popen[bytes] | None = None
        self._waiter: threading.Thread | None = None  # reads the running job's reply
        self._replied.connect(self._deliver)

    def submit(self, fn: Job, *args: object) -> int:
        """Run `fn(*args)` in the worker (stopping any job still running); return its id."""
        if self._current:
            self.cancel()
        jid = next(self._ids)
        self._current = jid
        request = pickle.dumps((jid, fn, args), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            worker = self._worker()
            _send(worker, request)
        except OSError:  # the worker died since its last job: start another
            self._stop_worker()
            worker = self._worker()
            _send(worker, request)
        self._waiter = threading.Thread(target=self._wait, args=(worker, jid), daemon=True)
        self._waiter.start()
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

    def _worker(self) -> subprocess.Popen[bytes]:
        if self._process is None or self._process.poll() is not None:
            # The child finds `reader` where this process did (a source checkout run as
            # `python main.py` from elsewhere is not on the default path).
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
            self._process = subprocess.Popen(
                [sys.executable, "-m", "reader.ui.worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
            )
        return self._process

    def _stop_worker(self) -> None:
        process, waiter = self._process, self._waiter
        self._process = self._waiter = None
        if process is None:
            return
        process.kill()
        process.wait(timeout=5)
        if waiter is not None:
            waiter.join(timeout=5)  # its read ends (EOF) once the worker is dead
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()

    def _wait(self, worker: subprocess.Popen[bytes], jid: int) -> None:
        """On a helper thread: wait for job `jid`'s reply and hand it to the GUI thread."""
        try:
            if worker.stdout is None:
                raise EOFError
            reply_id, ok, payload = pickle.load(worker.stdout)
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


def _send(worker: subprocess.Popen[bytes], request: bytes) -> None:
    if worker.stdin is None:
        raise OSError("the worker has no input pipe")
    worker.stdin.write(request)
    worker.stdin.flush()
