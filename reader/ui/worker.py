"""The loading worker, run as `python -m reader.ui.worker` by jobs.py: no Qt is imported.

It reads (job id, function, args) pickles from stdin, runs them, and writes (job id, ok,
result or message) pickles to stdout until stdin closes. Pickles delimit themselves, so
the pipes need no framing; anything the job prints goes to stderr instead.
"""

from __future__ import annotations

import gc
import logging
import pickle
import sys
from typing import BinaryIO

from reader.core.errors import ReaderError

log = logging.getLogger(__name__)


def serve(requests: BinaryIO, replies: BinaryIO) -> None:
    """Run the jobs read from `requests`, writing each reply to `replies`."""
    # The worker only loads pages: their trees and blocks hold no reference cycles, and
    # the cyclic collector walking them makes a 50 MB page take 17 s instead of 14 s.
    gc.disable()
    while True:
        try:
            jid, fn, args = pickle.load(requests)
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
            pickle.dump(reply, replies, protocol=pickle.HIGHEST_PROTOCOL)
            replies.flush()
        except (OSError, ValueError):
            return


def main() -> int:
    """The worker process's entry point."""
    replies = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the replies
    serve(sys.stdin.buffer, replies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
