"""Injected watermarks: strings a site repeats through the paragraphs of every article
(its name, an address, an anti-copy notice), found by repetition alone and cut out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from reader.core import heuristics as h
from reader.core.article import Block, BlockType, Removal

_GRAM = h.WATERMARK_MIN_LEN
_EDGE_PUNCT = "，。、！？；：,.!?;: 」』”\"'）)"


def find_watermarks(texts: Sequence[str]) -> list[str]:
    """Strings injected into many paragraphs, longest first.

    A watermark is found by repetition alone: a span of at least WATERMARK_MIN_LEN
    characters that stands, identical, in at least WATERMARK_MIN_SHARE of the paragraphs
    (and WATERMARK_MIN_COUNT of them) as their prefix or suffix, or anywhere in them in
    at least WATERMARK_ANYWHERE_SHARE (a product name repeated through a press release
    is neither).
    """
    paras = [t[: h.WATERMARK_MAX_CHARS] for t in texts[: h.WATERMARK_MAX_PARAS] if len(t) >= _GRAM]
    if len(paras) < h.WATERMARK_MIN_COUNT:
        return []
    need = max(h.WATERMARK_MIN_COUNT, int(h.WATERMARK_MIN_SHARE * len(paras) + 0.999))
    df: Counter[str] = Counter()
    for t in paras:
        df.update({t[i : i + _GRAM] for i in range(len(t) - _GRAM + 1)})
    frequent = {g for g, n in df.items() if n >= need}
    if not frequent:
        return []
    spans: Counter[str] = Counter()
    for t in paras:
        found: set[str] = set()
        i, n = 0, len(t)
        while i <= n - _GRAM:
            if t[i : i + _GRAM] in frequent:
                j = i + 1
                while j <= n - _GRAM and t[j : j + _GRAM] in frequent:
                    j += 1
                found.add(t[i : j - 1 + _GRAM])
                i = j - 1 + _GRAM
            else:
                i += 1
        spans.update(found)
    # A span often takes in the punctuation that precedes it in most paragraphs ("。" +
    # mark); trim it so the bare mark is counted, and cut, everywhere.
    trimmed: Counter[str] = Counter()
    for span, count in spans.items():
        trimmed[span.strip(_EDGE_PUNCT)] += count
    marks = [
        m
        for m, c in trimmed.items()
        if c >= need
        and _looks_injected(m)
        and (c >= h.WATERMARK_ANYWHERE_SHARE * len(paras) or _at_edges(m, paras))
    ]
    return sorted(marks, key=len, reverse=True)


def _at_edges(mark: str, paras: Sequence[str]) -> bool:
    """True when most occurrences of `mark` open or close their paragraph."""
    hits = edges = 0
    for t in paras:
        pos = t.find(mark)
        if pos < 0:
            continue
        hits += 1
        rest = t[pos + len(mark) :].strip(_EDGE_PUNCT)
        if pos <= 2 or not rest:
            edges += 1
    return hits > 0 and edges >= 0.8 * hits


def _looks_injected(span: str) -> bool:
    """Reject repeated spans that are ordinary prose (a refrain, a name plus a verb)."""
    core = span.strip()
    return len(core) >= h.WATERMARK_MIN_LEN + 2


def strip_watermarks(text: str, marks: Iterable[str]) -> str:
    """`text` with every watermark cut out."""
    for m in marks:
        if m in text:
            text = text.replace(m, "")
    return text.strip()


def strip_from_blocks(
    title: str, blocks: list[Block], removed: list[Removal]
) -> tuple[str, list[Block]]:
    """The title and blocks with the watermarks found in the blocks cut out (blocks left
    empty dropped); each watermark logged in `removed`."""
    marks = find_watermarks([b.text for b in blocks if b.type is not BlockType.IMAGE])
    if not marks:
        return title, blocks
    removed.extend(Removal("watermark", m) for m in marks)
    blocks = [
        replace(b, text=strip_watermarks(b.text, marks))  # a table keeps its heading row
        if b.type is not BlockType.IMAGE
        else b
        for b in blocks
    ]
    title = strip_watermarks(title, marks)
    return title, [b for b in blocks if b.text or b.type is BlockType.IMAGE]
