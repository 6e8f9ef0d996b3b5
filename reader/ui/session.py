"""ReadingSession: the article being read, its conversions and reading positions.

The window observes the session through signals and forwards the reader's intent to it;
the session never touches a widget. Data flows one way: `open` -> `article_loaded` ->
`show_in(target, quotes, standard, punctuation)` -> `script_changed`. Switching script
converts and renders once per (target, quotes, standard, punctuation) and keeps the
result in the session's one cache, so switching back costs nothing (and wins over a
conversion still on its way).

Where the work runs, and why (numbers from `python -m benchmarks` on this machine):

* Loading: a page up to `INLINE_LOAD_BYTES` loads right here, on the GUI thread (a
  start-up on the bundled sample paints sooner this way); a bigger one loads, and is
  rendered, in a worker process (`jobs.ProcessJobs` running `worker.load_rendered`: the
  core is pure Python, and a loading thread would hold the GIL and stall the window
  79-155 ms at a time on a 10 MB page, a worker process 27-80 ms). The view then builds
  a big article's document in slices between event-loop turns (`docbuild.py`).
* Converting: an article up to `converting.INLINE_CONVERT_CHARS` characters (every real
  saved page we have) converts on the GUI thread, never in a thread. OpenCC's C++
  binding converts 25,000 characters in 3-9 ms (s2t-s2twp), the variant is detected in
  1.7 ms and the result rendered in 2.4 ms: a warm switch repaints in about 25 ms on a
  quiet machine (a worker thread's hand-off made it 20 ms slower; benchmarks:
  switching), and tests rely on it being done when the action returns. A thread would
  not help a big one either, the binding and the renderer both holding the GIL. On the
  10 MB page's 1.8 million characters conversion and rendering took about 0.5 s on the
  GUI thread, so a bigger article converts in the worker process (`converting.py`,
  running `worker.convert_rendered`; the busy indicator shows, the form on screen stays
  until the new one comes, a newer switch or open supersedes it; the longest stall of
  that switch fell from 432-540 ms to 38-42 ms, benchmarks: responsiveness). A page loaded in the
  worker is converted there to the script asked for when it was opened (`open(path,
  then)`), so its first showing needs no switch at all.
  At start-up the window shows the original first and asks for the conversion once its
  controls are painted, so the first paint never waits for OpenCC's dictionaries (45-70
  ms for a config's first use).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from reader.core import Article, BlockType, ReaderError, add_speakers, load_article
from reader.core.article import QuoteStyle, Target, TraditionalStandard
from reader.core.progress import remember_elapsed
from reader.core.render import render
from reader.ui import settings as store
from reader.ui.converting import INLINE_CONVERT_CHARS, BackgroundConversion, article_chars

if TYPE_CHECKING:
    from reader.ui.jobs import ProcessJobs

log = logging.getLogger(__name__)

Position = tuple[int, int]
"""A reading position: (block index, pixel offset); block -1 is the header."""

TOP: Position = (-1, 0)

INLINE_LOAD_BYTES = 256 * 1024
"""Pages up to this size load on the GUI thread. Loading costs at most about 0.3 s per MB
(the generated dense 10 MB page: 3 s; benchmarks: big pages), so 256 KB stays under the
100 ms a window may stall; real saved pages are cheaper (../shared/corpus: 0.04-0.17 s per
MB, its 200-300 KB pages 15-84 ms), and 188 of its 199 pages are below this size. Above
it the worker process's hand-off (the first job also starts the worker) is the smaller
price."""

Key = tuple[Target, QuoteStyle, TraditionalStandard, bool]
"""What a conversion depends on: the script asked for, the quotes, the 繁體 standard, and
whether punctuation between Chinese characters is made full-width."""


def _is_original(key: Key) -> bool:
    return key[0] is Target.ORIGINAL and key[1] is QuoteStyle.KEEP and not key[3]


class ReadingSession(QObject):
    """The open article, its conversions, and where the reader is in each file.

    Signals:
        busy_changed(bool): a page started or stopped loading or converting in the
            background.
        article_loaded(Article): a new article was opened (as extracted).
        load_failed(str, str): opening failed: the file's name and the reason.
        script_changed(Article): the article shown changed (`shown`, `html`, `images`).
        conversion_failed(str): a conversion failed (the message fit for the user).
        position_saved(Path, int, int): the place in a file was stored (block, offset).
    """

    busy_changed = Signal(bool)
    article_loaded = Signal(object)
    load_failed = Signal(str, str)
    script_changed = Signal(object)
    conversion_failed = Signal(str)
    position_saved = Signal(object, int, int)

    def __init__(
        self,
        settings: QSettings,
        parent: QObject | None = None,
        *,
        inline_bytes: int = INLINE_LOAD_BYTES,
        inline_chars: int = INLINE_CONVERT_CHARS,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._inline_bytes = inline_bytes
        self._inline_chars = inline_chars
        self._jobs: ProcessJobs | None = None  # made with the first big page
        self._converting = BackgroundConversion(self._background)
        self._big = False  # the open article converts in the background
        self._loading: Path | None = None
        self._loading_key: Key | None = None  # the conversion asked for with it
        self._path: Path | None = None
        self._article: Article | None = None
        self._cache: dict[Key, tuple[Article, str]] = {}
        self._shown_key: Key | None = None
        self._images: dict[int, bytes] = {}
        self._speakers_later = False  # the open article's speakers are still to be found
        self._position: Callable[[], Position | None] = lambda: None

    # -- state -----------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The file the article came from (None for an article given directly)."""
        return self._path

    @property
    def article(self) -> Article | None:
        """The open article as extracted (before script conversion)."""
        return self._article

    @property
    def shown(self) -> Article | None:
        """The article as shown (after conversion), once `script_changed` has said so."""
        return None if self._shown_key is None else self._cache[self._shown_key][0]

    @property
    def html(self) -> str:
        """The rendered HTML of `shown`."""
        return "" if self._shown_key is None else self._cache[self._shown_key][1]

    @property
    def shown_key(self) -> Key | None:
        """The (target, quotes) of what is shown."""
        return self._shown_key

    @property
    def images(self) -> Mapping[int, bytes]:
        """The article's own images: block index -> bytes."""
        return self._images

    def busy(self) -> bool:
        """Whether a page is loading, or the article converting, in the background."""
        jobs = self._jobs
        return jobs is not None and jobs.busy()

    # -- opening ---------------------------------------------------------------------------

    def set_position_source(self, source: Callable[[], Position | None]) -> None:
        """Where the reader is now (asked whenever a position must be remembered)."""
        self._position = source

    def open(self, path: Path, then: Key | None = None, *, speakers_later: bool = False) -> bool:
        """Open `path`: at once when it is small, else in the background.

        `then` is the conversion `show_in` will be asked for first: a page loaded in the
        background is converted there too, so showing it costs the GUI thread nothing.
        `speakers_later`: a page opened here is shown before its speakers are found, for
        `find_speakers` to add (the window's first paint at start-up does not wait).

        Returns False when it failed at once (`load_failed` was emitted); True when it
        opened (`article_loaded` was emitted) or is loading (one of the two follows).
        A newer `open` supersedes one still loading: its result is dropped.
        """
        self._converting.forget()  # stopped with the worker, if pending
        if self._inline(path):
            if self._jobs is not None:
                self._jobs.cancel()
            self._set_loading(None)
            try:
                article = load_article(path, speakers=not speakers_later)
            except ReaderError as exc:
                self.load_failed.emit(path.name, str(exc))
                return False
            self.set_article(article, path)
            self._speakers_later = speakers_later
            return True
        from reader.ui.worker import load_rendered  # noqa: PLC0415 - see _background

        self._background().submit(load_rendered, path, then)
        self._loading_key = then
        self._set_loading(path)
        return True

    def loading(self) -> Path | None:
        """The file loading in the background, if any."""
        return self._loading

    def set_article(
        self,
        article: Article,
        path: Path | None = None,
        html: str | None = None,
        conversions: Mapping[Key, tuple[Article, str]] | None = None,
    ) -> None:
        """Make `article` (from `path`, if any) the open article; emits `article_loaded`.

        `html` is its rendering and `conversions` some conversions of it with their
        renderings, when the caller has them already (the loading worker's).
        """
        self.remember_position()
        self._converting.drop()  # the article it converts is gone
        self._path = path
        self._article = article
        self._big = article_chars(article) > self._inline_chars
        self._speakers_later = False
        self._cache.clear()
        if html is not None:
            original = (Target.ORIGINAL, QuoteStyle.KEEP, TraditionalStandard.TAIWAN, False)
            self._cache[original] = (article, html)
        self._cache.update(conversions or {})
        self._shown_key = None
        assets = article.assets
        self._images = (
            {
                i: assets[b.src]
                for i, b in enumerate(article.blocks)
                if b.type is BlockType.IMAGE and b.src is not None and b.src in assets
            }
            if assets
            else {}
        )
        self.article_loaded.emit(article)

    def find_speakers(self) -> None:
        """Find the speakers of an article opened with `speakers_later`, and show it again
        with them (their names marked; `script_changed` is emitted, the place kept)."""
        article = self._article
        if article is None or not self._speakers_later:
            return
        self._speakers_later = False
        found = add_speakers(article)
        if not found.speakers:
            return
        key = self._shown_key
        self._article = found
        self._cache.clear()
        self._shown_key = None
        if key is not None:
            self.show_in(*key)

    def saved_position(self) -> Position | None:
        """Where the reader left the open file last time, if known."""
        if self._path is None:
            return None
        return store.reading_position(self._settings, self._path)

    def remember_position(self) -> None:
        """Store the reader's place in the open file (before it goes, or at exit)."""
        pos = self._position()
        if self._path is not None and pos is not None and self._shown_key is not None:
            store.save_reading_position(self._settings, self._path, *pos)
            self.position_saved.emit(self._path, *pos)

    def shutdown(self) -> None:
        """Remember the place and stop background work (the window is closing)."""
        self.remember_position()
        if self._jobs is not None:
            self._jobs.shutdown()

    # -- scripts ---------------------------------------------------------------------------

    def show_in(
        self,
        target: Target,
        quotes: QuoteStyle,
        standard: TraditionalStandard,
        punctuation: bool = False,
    ) -> None:
        """Show the article in `target` with `quotes`, 繁體 in `standard`, with full-width
        `punctuation` between Chinese characters or not: cached, converted now, or (a big
        article) once converted in the background, the form shown until then staying."""
        key, article = (target, quotes, standard, punctuation), self._article
        if article is None:
            return
        if key not in self._cache and not _is_original(key):
            if self._big:
                self._convert_in_background(article, key)
                return
            try:
                # A conversion that changes nothing (no farm punctuation to widen, a page
                # shown as written) shares the rendering it already has.
                self._cache[key] = self._rendering(_convert(article, key))
            except ReaderError as exc:
                self.conversion_failed.emit(str(exc))
                return
        if self._converting.pending() is not None:
            self._converting.drop()  # a form already converted wins over one on its way
            self.busy_changed.emit(self.busy())
        self._show(key)

    def _convert_in_background(self, article: Article, key: Key) -> None:
        if self._loading is not None:
            # A newer page is on its way (a conversion would supersede its load): it is
            # shown in the script chosen now when it comes.
            return
        if self._shown_key is None:  # a new article: shown as written until converted
            self._show((Target.ORIGINAL, QuoteStyle.KEEP, key[2], False))
        if self._converting.pending() != key:
            self._converting.start(article, self._path, key)
            self.busy_changed.emit(self.busy())

    def _conversion_done(self, key: Key, result: object) -> None:
        article = self._article
        if article is None:
            return
        if result is None:  # nothing to convert: the article as it is, rendered once
            self._cache[key] = self._rendering(article)
        elif isinstance(result, tuple):
            converted, html = result
            if not isinstance(converted, Article) or not isinstance(html, str):
                return
            self._cache[key] = (converted, html)
        self._show(key)

    def _show(self, key: Key) -> None:
        article = self._article
        if article is None:
            return
        if _is_original(key) and key not in self._cache:
            # The original is the same whatever the standard: one rendering for all.
            self._cache[key] = self._rendering(article)
        self._shown_key = key
        self.script_changed.emit(self._cache[key][0])

    def _rendering(self, article: Article) -> tuple[Article, str]:
        """`article` with its rendering: the one cached for it under another key, or new."""
        hit = next((v for v in self._cache.values() if v[0] is article), None)
        return hit or (article, render(article))

    # -- background loading ----------------------------------------------------------------

    def _background(self) -> ProcessJobs:
        if self._jobs is None:
            # Imported with the first big page: start-up never needs it.
            from reader.ui.jobs import ProcessJobs  # noqa: PLC0415

            self._jobs = ProcessJobs(self)
            self._jobs.finished.connect(self._job_finished)
            self._jobs.failed.connect(self._job_failed)
        return self._jobs

    def _inline(self, path: Path) -> bool:
        try:
            return path.stat().st_size <= self._inline_bytes
        except OSError:
            return True  # the loader says what is wrong, with its own words

    def _set_loading(self, path: Path | None) -> None:
        self._loading = path
        self.busy_changed.emit(self.busy())

    def _job_finished(self, jid: int, result: object) -> None:
        key = self._converting.take(jid)
        if key is not None:
            self.busy_changed.emit(self.busy())
            self._conversion_done(key, result)
            return
        path = self._loading
        self._set_loading(None)
        key, self._loading_key = self._loading_key, None
        if isinstance(result, tuple) and path is not None:
            article, html, converted, elapsed = result
            if isinstance(article, Article) and isinstance(html, str):
                remember_elapsed(article, elapsed)
                done = {key: converted} if key is not None and converted is not None else {}
                self.set_article(article, path, html, done)

    def _job_failed(self, jid: int, message: str) -> None:
        if self._converting.take(jid) is not None:
            self.busy_changed.emit(self.busy())
            self.conversion_failed.emit(message)
            return
        path, self._loading_key = self._loading, None
        self._set_loading(None)
        self.load_failed.emit(path.name if path else "", message)


def _convert(article: Article, key: Key) -> Article:
    from reader.ui.worker import converted  # noqa: PLC0415 - no Qt, little to load

    return converted(article, key)
