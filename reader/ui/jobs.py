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
the next ones; it imports no Qt. Requests and replies are pickles on its stdin/stdout,
the replies read by one helper thread per worker (unpickling there, not on the GUI
thread). A job that supersedes another stops the worker, or, for a short job that wants
the worker's kept article (a script conversion), queues behind it and drops its result.
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

DIED = 0
"""The job id of the reply that says the worker ended (job ids start at 1)."""


class ProcessJobs(QObject):
    """Runs picklable functions in a worker process; a new job supersedes the running one.

    Signals:
        finished(int, object): a job's id and its result (on the GUI thread).
        failed(int, str): a job's id and a message fit for the user.
    """

    finished = Signal(int, object)
    failed = Signal(int, str)
    _replied = Signal(object, int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._current = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._waiter: threading.Thread | None = None  # reads the worker's replies
        self._replied.connect(self._deliver)

    def submit(self, fn: Job, *args: object, stop_running: bool = True) -> int:
        """Run `fn(*args)` in the worker; return its id. A job still running is superseded
        (its result never arrives): stopped with its worker, or with `stop_running=False`
        left to finish first, so the worker and what it keeps (worker.py) live on."""
        if self._current and stop_running:
            self.cancel()
        jid = next(self._ids)
        self._current = jid
        request = pickle.dumps((jid, fn, args), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            _send(self._worker(), request)
        except OSError:  # the worker died since its last job: start another
            self._stop_worker()
            _send(self._worker(), request)
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

    def drop(self) -> None:
        """Forget the running job without stopping the worker (its result is dropped)."""
        self._current = 0

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
            # One reader per worker: it hands every reply to the GUI thread in turn.
            self._waiter = threading.Thread(target=self._wait, args=(self._process,), daemon=True)
            self._waiter.start()
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

    def _wait(self, worker: subprocess.Popen[bytes]) -> None:
        """On a helper thread: hand the worker's replies to the GUI thread until it ends."""
        while True:
            try:
                if worker.stdout is None:
                    raise EOFError
                reply_id, ok, payload = pickle.load(worker.stdout)
            except (EOFError, OSError):
                # The worker is gone: stopped for a newer job (then `_deliver` drops this,
                # the worker being stale) or died on a page (then the user hears of it).
                self._replied.emit(worker, DIED, False, STOPPED)
                return
            except Exception as exc:  # an unpicklable result, say: report, never hang
                self._replied.emit(worker, DIED, False, f"{type(exc).__name__}: {exc}")
                return
            self._replied.emit(worker, reply_id, ok, payload)

    def _deliver(self, worker: object, jid: int, ok: bool, payload: object) -> None:
        if worker is not self._process or not self._current:
            return  # a stopped worker's last words, or nothing is waited for
        if jid == DIED:
            jid = self._current
            self._stop_worker()  # dead or unreadable: the next job starts a new one
        elif jid != self._current:
            return  # superseded: a stale result is dropped
        self._current = 0
        if ok:
            self.finished.emit(jid, payload)
        else:
            self.failed.emit(jid, str(payload))


def _send(worker: subprocess.Popen[bytes], request: bytes) -> None:
    if worker.stdin is None:
        raise OSError("the worker has no input pipe")
    worker.stdin.write(request)
    worker.stdin.flush()
