"""The export command line, which never imports Qt.

`--dump PATH [--format json|markdown|text|html]
[--script original|traditional|taiwan|hongkong|simplified] [--quotes keep|corner|curly]
[--traditional-standard taiwan|hongkong|opencc] [--fullwidth-punctuation]`
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from reader.core import ReaderError, load_article
from reader.core.article import QuoteStyle, Target, TraditionalStandard
from reader.core.export import format_article
from reader.core.script import convert


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside the block; the collector's state restored after.

    The library never switches the collector (it is process-wide, and the caller's to set).
    A caller that loads one big page and exits wants it off: the trees and blocks of a page
    hold no reference cycles, yet the cyclic collector keeps walking them (a 50 MB page:
    17 s instead of 14 s).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def dump(
    path: str,
    fmt: str,
    out: TextIO | None = None,
    err: TextIO | None = None,
    *,
    script: str = "original",
    quotes: str = "keep",
    standard: str = TraditionalStandard.TAIWAN.value,
    fullwidth: bool = False,
) -> int:
    """Print the cleaned article at `path` in `script` with `quotes`; return the exit status.

    `standard` is the forms `traditional` gives a Simplified article (a Traditional one is
    printed as written), as the window's 繁體 does; `fullwidth` makes half-width marks
    between Chinese characters full-width, as the window's punctuation switch does.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        with paused_gc():  # one page, then exit: see paused_gc
            article = load_article(path)
            if script != "original" or quotes != "keep" or fullwidth:
                article = convert(
                    article,
                    Target(script),
                    QuoteStyle(quotes),
                    standard=TraditionalStandard(standard),
                    punctuation=fullwidth,
                )
    except ReaderError as exc:
        print(f"qingdu: {exc}", file=err)
        return 2
    write_utf8(format_article(article, fmt), out)
    return 0


def write_utf8(text: str, out: TextIO) -> None:
    """Write `text` to `out`; on the real stdout as UTF-8 whatever the locale says."""
    if out is sys.stdout:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        out.write(text)
