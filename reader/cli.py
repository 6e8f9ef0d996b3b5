"""The export command line, which never imports Qt.

`--dump PATH [--format json|markdown|text]
[--script original|traditional|taiwan|hongkong|simplified] [--quotes keep|corner|curly]
[--traditional-standard taiwan|hongkong|opencc]`
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from reader.core import Article, Block, BlockType, ReaderError, load_article
from reader.core.article import QuoteStyle, Target, TraditionalStandard
from reader.core.script import convert

FORMATS = ("json", "markdown", "text")


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


def format_article(article: Article, fmt: str) -> str:
    """The article as JSON, Markdown or plain text."""
    if fmt == "json":
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=1)
    lines: list[str] = []
    md = fmt == "markdown"
    lines.append(f"# {article.title}" if md else article.title)
    meta = " · ".join(x for x in (article.published, article.source, article.author) if x)
    if meta:
        lines.append(meta)
    if article.url:
        lines.append(f"<{article.url}>" if md else article.url)
    for b in article.blocks:
        if b.type is BlockType.HEADING:
            lines.append(f"## {b.text}" if md else b.text)
        elif b.type is BlockType.QUOTE:
            lines.append(f"> {b.text}" if md else b.text)
        elif b.type is BlockType.LIST_ITEM:
            lines.append(f"- {b.text}")
        elif b.type is BlockType.IMAGE:
            lines.append(f"![{b.text}]({b.src or ''})" if md else f"[{b.text or '圖'}]")
        elif b.type is BlockType.CAPTION:
            lines.append(f"*{b.text}*" if md else b.text)
        elif b.type is BlockType.POST:
            lines.append(f"---\n\n**{b.text}**" if md else f"— {b.text}")
        elif b.type is BlockType.TABLE:
            lines.append(_markdown_table(b) if md else "\n".join(" | ".join(r) for r in b.rows))
        else:
            lines.append(b.text)
    return "\n\n".join(lines) + "\n"


def _markdown_table(block: Block) -> str:
    """A table block as a Markdown (GFM) table; a table without a heading row gets an
    empty one, since Markdown tables must have one."""
    rows = [[cell.replace("|", "\\|") for cell in row] for row in block.rows]
    head = rows.pop(0) if block.header else [""] * len(rows[0])
    lines = [head, ["---"] * len(head), *rows]
    return "\n".join("| " + " | ".join(row) + " |" for row in lines)


def dump(
    path: str,
    fmt: str,
    out: TextIO | None = None,
    err: TextIO | None = None,
    *,
    script: str = "original",
    quotes: str = "keep",
    standard: str = TraditionalStandard.TAIWAN.value,
) -> int:
    """Print the cleaned article at `path` in `script` with `quotes`; return the exit status.

    `standard` is the forms `traditional` gives a Simplified article (a Traditional one is
    printed as written), as the window's 繁體 does.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        with paused_gc():  # one page, then exit: see paused_gc
            article = load_article(path)
            if script != "original" or quotes != "keep":
                article = convert(
                    article,
                    Target(script),
                    QuoteStyle(quotes),
                    standard=TraditionalStandard(standard),
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
