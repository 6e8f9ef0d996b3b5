"""The loading worker's loop, run in its own process (see jobs.py): no Qt is imported here.

It receives (job id, function, args) messages on a pipe, runs them, and sends back
(job id, ok, result or message) until the pipe closes.
"""

from __future__ import annotations

import gc
import logging
from typing import TYPE_CHECKING

from reader.core.errors import ReaderError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

log = logging.getLogger(__name__)


def serve(conn: Connection) -> None:
    """The worker's loop: run (job id, function, args) messages until the pipe closes."""
    # The worker only loads pages: their trees and blocks hold no reference cycles, and
    # the cyclic collector walking them makes a 50 MB page take 17 s instead of 14 s.
    gc.disable()
    while True:
        try:
            jid, fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = (jid, True, fn(*args))
        except ReaderError as exc:
            reply = (jid, False, str(exc))
        except Exception as exc:  # a worker must report every failure, never die silently
            log.exception("background job failed")
            reply = (jid, False, f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return
