"""How long an article takes to read, and how much of it is left from a block on.

Chinese is read by characters, other languages by words: a block's reading time is its
CJK characters at `CHARS_PER_MINUTE` plus its other words at `WORDS_PER_MINUTE`, so a
Chinese article with English terms, or an English one, is timed fairly too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reader.core.article import Article, BlockType
from reader.core.text import HAN_CLASS, lazy_compile

CHARS_PER_MINUTE = 400
"""Reading speed of Chinese text. Studies of silent reading of Chinese prose put adults
at roughly 300-500 characters a minute; 400 is the middle of that range and rounds to
friendly figures for news pieces."""

WORDS_PER_MINUTE = 240
"""Reading speed of English (and other space-separated) text: Brysbaert's 2019 review of
190 studies finds 238 words a minute for silent reading of non-fiction by adults."""

_CJK_RE = lazy_compile(f"[{HAN_CLASS}\u3040-\u30ff\uac00-\ud7a3]")
#: A word of a space-separated language: letters and digits (Latin, Greek, Cyrillic),
#: with inner apostrophes, hyphens and points ("don't", "e-mail", "3.14").
_WORD_RE = lazy_compile(
    r"[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+"
    r"(?:['’.\-][0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+)*"
)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a reader is: the share of the reading done (0-100) and minutes left."""

    percent: int
    minutes_left: int


def block_minutes(text: str) -> float:
    """Minutes a reader needs for `text`."""
    cjk = len(_CJK_RE.findall(text))
    words = len(_WORD_RE.findall(text))
    return cjk / CHARS_PER_MINUTE + words / WORDS_PER_MINUTE


#: The last articles timed, by identity (hashing an Article hashes all its blocks): the
#: article on screen and its original beside a conversion.
_TIMED: list[tuple[Article, tuple[float, ...]]] = []
_TIMED_KEPT = 2


def elapsed_minutes(article: Article) -> tuple[float, ...]:
    """Minutes to read up to each block (the first is 0) and, last, the whole article."""
    return _elapsed(article)


def remember_elapsed(article: Article, elapsed: tuple[float, ...]) -> None:
    """Take `elapsed`, `elapsed_minutes(article)` worked out elsewhere, as `article`'s: the
    loading worker times a big page (a 10 MB page's 48,000 blocks take 0.27 s, which the
    window's thread must not spend in one go)."""
    _TIMED.insert(0, (article, tuple(elapsed)))
    del _TIMED[_TIMED_KEPT:]


def _elapsed(article: Article) -> tuple[float, ...]:
    """Minutes to read up to each block (the first is 0) and, last, the whole article.

    Remembered for the last articles asked about: the window asks on every scroll that
    reaches a new block, and counting a long article's characters again each time would
    cost milliseconds.
    """
    for seen, elapsed in _TIMED:
        if seen is article:
            return elapsed
    out = [0.0]
    for b in article.blocks:
        out.append(out[-1] + (0.0 if b.type is BlockType.IMAGE else block_minutes(b.text)))
    _TIMED.insert(0, (article, tuple(out)))
    del _TIMED[_TIMED_KEPT:]
    return _TIMED[0][1]


def reading_minutes(article: Article) -> int:
    """Estimated minutes to read the whole article (at least 1 for any text)."""
    total = _elapsed(article)[-1]
    return math.ceil(total) if total > 0 else 0


def progress(article: Article, block: int, *, at_end: bool = False) -> Progress:
    """The progress of a reader whose screen starts at article block `block` (-1: the
    header); `at_end` when the view is scrolled to the end (all read)."""
    elapsed = _elapsed(article)
    total = elapsed[-1]
    if at_end or total <= 0:
        return Progress(100, 0)
    done = elapsed[min(max(0, block), len(elapsed) - 1)]
    left = total - done
    return Progress(min(99, math.floor(100 * done / total)), math.ceil(left) if left > 0 else 0)
