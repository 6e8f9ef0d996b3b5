"""Script conversion off the GUI thread, with results cached per (script, quotes).

`Conversion` is given the current Article. `lookup()` answers at once from the cache
(switching back is instant); `start()` converts on a private one-thread pool and the
answer comes back through `finished` on the GUI thread. OpenCC is imported
only when the first conversion is asked for, so it never slows the first paint.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from reader.core.article import Article, Script, TraditionalStandard
from reader.core.errors import ReaderError
from reader.core.prefs import Quotes, ScriptChoice
from reader.core.render import render

if TYPE_CHECKING:
    from reader.core.script import ArticleConverter

log = logging.getLogger(__name__)

Key = tuple[ScriptChoice, Quotes]


def convert_query(
    query: str,
    choice: ScriptChoice,
    original: Script,
    standard: TraditionalStandard = TraditionalStandard.TAIWAN,
) -> str:
    """`query` written in the script on screen, so a search typed in either script works."""
    # Imported here, not at the top: OpenCC must not slow the first paint.
    from reader.core.script import convert_text  # noqa: PLC0415

    if shown_script(choice, original) is Script.TRADITIONAL:
        target = choice if choice is not ScriptChoice.ORIGINAL else ScriptChoice.TRADITIONAL
        return convert_text(query, Script.SIMPLIFIED, target, standard=standard)
    return convert_text(query, Script.TRADITIONAL, ScriptChoice.SIMPLIFIED)


def shown_script(choice: ScriptChoice, original: Script) -> Script:
    """The script on screen for a choice."""
    if choice is ScriptChoice.ORIGINAL:
        return original
    return Script.SIMPLIFIED if choice is ScriptChoice.SIMPLIFIED else Script.TRADITIONAL


class Conversion(QObject):
    """Converts and renders the current article for a (script, quotes) choice.

    Signals:
        started(): a conversion began on the worker thread (show a busy indicator).
        finished(int, object, str): request id, the converted Article and its HTML.
        failed(int, str): request id and a message fit for the user.
    """

    started = Signal()
    finished = Signal(int, object, str)
    failed = Signal(int, str)
    _done = Signal(int, object, object, object, str)
    _error = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._article: Article | None = None
        self._converter: ArticleConverter | None = None
        self._standard = TraditionalStandard.TAIWAN
        self._lock = threading.Lock()
        self._cache: dict[Key, tuple[Article, str]] = {}
        self._done.connect(self._deliver)
        self._error.connect(self.failed)

    def set_article(
        self, article: Article, standard: TraditionalStandard = TraditionalStandard.TAIWAN
    ) -> None:
        """Start over with a new original article, or a new 繁體 standard (drops the cache)."""
        self._pool.clear()
        with self._lock:
            self._article = article
            self._standard = standard
            self._converter = None
            self._cache.clear()

    def lookup(self, target: ScriptChoice, quotes: Quotes) -> tuple[Article, str] | None:
        """The converted article and its HTML if they are ready now (cached or original)."""
        article = self._article
        if article is None:
            return None
        key = (target, quotes)
        hit = self._cache.get(key)
        if hit is None and target is ScriptChoice.ORIGINAL and quotes is Quotes.KEEP:
            hit = (article, render(article))
            self._cache[key] = hit
        return hit

    def start(self, target: ScriptChoice, quotes: Quotes) -> int:
        """Convert on the worker thread; the answer comes through `finished` with this id."""
        rid = next(self._ids)
        article = self._article
        if article is not None:
            self.started.emit()
            self._pool.start(self._job(rid, article, (target, quotes)))
        return rid

    def shutdown(self) -> None:
        """Drop queued work and wait for the running job (call before the window goes)."""
        self._pool.clear()
        self._pool.waitForDone()

    def _job(self, rid: int, article: Article, key: Key) -> Callable[[], None]:
        target, quotes = key

        def run() -> None:
            try:
                converter = self._converter_for(article)
                converted = converter.get(target, quotes)
                html = render(converted)
            except ReaderError as exc:
                self._error.emit(rid, str(exc))
                return
            except Exception as exc:  # a worker must report every failure, never die silently
                log.exception("conversion failed")
                self._error.emit(rid, f"{type(exc).__name__}: {exc}")
                return
            self._done.emit(rid, key, article, converted, html)

        return run

    def _converter_for(self, article: Article) -> ArticleConverter:
        from reader.core.script import ArticleConverter  # noqa: PLC0415 - see convert_query

        with self._lock:
            if (
                self._converter is None
                or self._converter.original is not article
                or self._converter.standard is not self._standard
            ):
                self._converter = ArticleConverter(article, standard=self._standard)
            return self._converter

    def _deliver(self, rid: int, key: Key, source: Article, converted: Article, html: str) -> None:
        if source is not self._article:
            return  # a late answer for an article that is no longer open
        self._cache[key] = (converted, html)
        self.finished.emit(rid, converted, html)
