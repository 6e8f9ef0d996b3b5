"""The loading worker, run as `python -m reader.ui.worker` by jobs.py: no Qt is imported.

It reads (job id, function, args) pickles from stdin, runs them, and writes (job id, ok,
result or message) pickles to stdout until stdin closes. Pickles delimit themselves, so
the pipes need no framing; anything the job prints goes to stderr instead.

Its jobs: `load_rendered` loads a big page, renders it and converts it to the script
asked for; `convert_rendered` converts and renders an article for a later script switch.
The worker keeps the last article it loaded, so a switch names the file rather than
sending the article back (pickling an article costs the GUI thread about 21 ms per
370,000 characters, so about 0.1 s for a 10 MB page's 1.8 million); a worker that no
longer has it (restarted, or another file since) loads the file again.
"""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path
from typing import BinaryIO

from reader.core import Article, load_article
from reader.core.article import QuoteStyle, Target, TraditionalStandard
from reader.core.errors import ReaderError
from reader.core.progress import elapsed_minutes
from reader.core.render import render

log = logging.getLogger(__name__)


Conversion = tuple[Target, QuoteStyle, TraditionalStandard, bool]
"""A script conversion: the script asked for, the quotes, the 繁體 standard, and whether
punctuation between Chinese characters is made full-width (the session's `Key`)."""


Stamp = tuple[Path, int, int]
"""A file as it was when loaded: its path, size and modification time (ns)."""

_kept: dict[Stamp, Article] = {}
"""The last article this worker loaded, by its file's stamp (one entry at most)."""


def stamp(path: Path) -> Stamp | None:
    """`path` as it is now (None if it cannot be read: the loader then says why)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return path, st.st_size, st.st_mtime_ns


Loaded = tuple[Article, str, tuple[Article, str] | None, tuple[float, ...]]
"""What `load_rendered` returns: the article, its rendering, its conversion with that
one's rendering (or None), and its reading times (`progress.elapsed_minutes`)."""


def load_rendered(path: Path, conversion: Conversion | None = None) -> Loaded:
    """A job: the article at `path` and its rendering, and if `conversion` is given, the
    article converted and its rendering, and the article's reading times (the GUI then
    only shows them). A conversion that fails is left to the GUI, which says why."""
    article = _load_kept(path)
    html = render(article)
    shown = None
    if conversion is not None:
        try:
            done = converted(article, conversion)
        except ReaderError:
            log.info("conversion left to the window", exc_info=True)
        else:
            shown = (done, html if done is article else render(done))
    return article, html, shown, elapsed_minutes(article)


def convert_rendered(source: Article | Stamp, conversion: Conversion) -> tuple[Article, str] | None:
    """A job: the article (given, or the file loaded as `source` stamps it) converted as
    `conversion` says, and its rendering; None when the conversion changes nothing (the
    window shows the article it has). A conversion that fails raises `ScriptError`."""
    if isinstance(source, Article):
        article = source
    else:
        kept = _kept.get(source)
        article = kept if kept is not None else _load_kept(source[0])
    done = converted(article, conversion)
    return None if done is article else (done, render(done))


def _load_kept(path: Path) -> Article:
    """The article at `path`, loaded and kept for `convert_rendered`."""
    stamped = stamp(path)  # before reading: a file changed meanwhile is loaded again later
    article = load_article(path)
    _kept.clear()
    if stamped is not None:
        _kept[stamped] = article
    return article


def converted(article: Article, conversion: Conversion) -> Article:
    """`article` converted as `conversion` says (itself when that changes nothing)."""
    target, quotes, standard, punctuation = conversion
    if target is Target.ORIGINAL and quotes is QuoteStyle.KEEP:  # no OpenCC needed
        from reader.core.punctuation import fullwidth_article  # noqa: PLC0415

        return fullwidth_article(article) if punctuation else article
    # Imported here: OpenCC must not slow the window's first paint (see session.py).
    from reader.core.script import convert  # noqa: PLC0415

    return convert(article, target, quotes, standard=standard, punctuation=punctuation)


def serve(requests: BinaryIO, replies: BinaryIO) -> None:
    """Run the jobs read from `requests`, writing each reply to `replies`."""
    # Imported here: the window imports this module at start-up for `converted` alone.
    import pickle  # noqa: PLC0415

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
