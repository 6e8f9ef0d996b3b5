"""A big article's script conversion in the worker process: the one conversion pending.

A script switch on an article of more than `INLINE_CONVERT_CHARS` characters is converted
and rendered in the loading worker (`worker.convert_rendered`) while the window keeps
painting the form it shows; a smaller one converts on the GUI thread (session.py says
why). One conversion is pending at most: a newer one supersedes it (queued behind it in
the same worker, which keeps the article loaded; the older result is dropped), and
`drop` forgets it when the reader goes back to a form already converted or opens another
article. The worker is given the article's file (it keeps the article it loaded last,
worker.py), or, for an article not from a file (`show_article`), the article pickled:
such articles are built in memory and rare, and pickling costs the GUI thread about a
third of converting there (21 ms for 370,000 characters against 66 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.ui.worker import Conversion, Stamp, convert_rendered, stamp

if TYPE_CHECKING:
    from reader.core import Article
    from reader.ui.jobs import ProcessJobs

INLINE_CONVERT_CHARS = 200_000
"""Articles up to this many characters convert on the GUI thread, bigger ones in the
worker. Converting (to 简体) and rendering take about 0.2 µs a character here (generated
pages: 36 ms for 185,000 characters, 66 ms for 371,000; on the 10 MB page's 1.8 million
the switch stalled the window 432-540 ms, benchmarks: responsiveness), so 200,000 characters
stay under the 100 ms a window may stall even on a busy machine, and every saved page of
../shared/corpus (the longest article 39,000 characters) keeps its instant switch. Above
it the worker's hand-off is the smaller price: the result's pickle round trip (22 ms for
185,000 characters) runs off the GUI thread, its unpickling on a helper thread."""


def article_chars(article: Article) -> int:
    """The characters of `article`'s blocks: what a conversion's cost grows with."""
    return sum(len(b.text) for b in article.blocks)


class BackgroundConversion:
    """The conversion pending in the worker that `jobs()` runs, if any."""

    def __init__(self, jobs: Callable[[], ProcessJobs]) -> None:
        self._jobs = jobs
        self._pending: tuple[int, Conversion] | None = None  # its job id and conversion

    def pending(self) -> Conversion | None:
        """The conversion asked for and not arrived yet."""
        return None if self._pending is None else self._pending[1]

    def start(self, article: Article, path: Path | None, key: Conversion) -> None:
        """Convert `article` (loaded from `path`, if any) as `key` says, superseding the
        conversion pending (its worker lives on, keeping the article)."""
        source: Article | Stamp = article
        if path is not None:
            stamped = stamp(path)
            source = article if stamped is None else stamped
        jid = self._jobs().submit(convert_rendered, source, key, stop_running=False)
        self._pending = (jid, key)

    def drop(self) -> None:
        """Forget the pending conversion, if any: its result is dropped when it comes."""
        if self._pending is not None:
            self._pending = None
            self._jobs().drop()

    def forget(self) -> None:
        """The worker's job is no longer ours (a load superseded it): nothing is pending."""
        self._pending = None

    def take(self, jid: int) -> Conversion | None:
        """The conversion job `jid` did, if it was the one pending (now no longer)."""
        if self._pending is None or self._pending[0] != jid:
            return None
        key, self._pending = self._pending[1], None
        return key
