"""The text watermarks are compared in: each paragraph folded (NFKC, lower case,
zero-width characters dropped) with a map back to the page's characters, and the small
tests on that text (a sentence's end, a domain's end, a run too short to be a mark) that
finding, growing and accepting marks share. The stage is described in watermark.py."""

from __future__ import annotations

import re
import unicodedata

from reader.core import heuristics as h


class _FoldTable(dict[int, str]):
    """Each character as `normalize` folds it (NFKC, lower case, zero-width dropped),
    computed once per character met: `str.translate` then folds a text at C speed."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = "" if ch in h.WATERMARK_ZERO_WIDTH else unicodedata.normalize("NFKC", ch).lower()
        self[code] = folded
        return folded


_FOLD = _FoldTable()


class _NfkcTable(dict[int, str]):
    """Each character's own NFKC form, computed once per character met."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = unicodedata.normalize("NFKC", chr(code))
        return folded


_NFKC = _NfkcTable()


def _nfkc(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`, about twice as fast on Chinese text.

    Chinese prose is seldom in NFKC (full-width commas and brackets fold to ASCII), and
    normalizing it costs 100 ns a character. Each character replaced by its own NFKC
    form leaves the text's compatibility decomposition as it was, so the text's NFKC form
    is that of the replaced text; when the replaced text is in NFKC already (a fast check:
    nothing in it composes), it is the answer. Otherwise the text is normalized whole.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    each = text.translate(_NFKC)
    return each if unicodedata.is_normalized("NFKC", each) else unicodedata.normalize("NFKC", text)


def fold(text: str) -> str:
    """`text` as `normalize` gives it, without the map back (what detection needs)."""
    plain = _nfkc(text).lower()
    if len(plain) == len(text) and not h.WATERMARK_ZW_RE.search(text):
        return plain
    return text.translate(_FOLD)


def normalize(text: str) -> tuple[str, list[int]]:
    """`text` in the form marks are compared in, and for each of its characters the index
    of the original character it came from."""
    plain = _nfkc(text).lower()
    if len(plain) == len(text) and not h.WATERMARK_ZW_RE.search(text):
        return plain, list(range(len(text)))
    pieces = [_FOLD[ord(ch)] for ch in text]
    index = [i for i, p in enumerate(pieces) for _ in range(len(p))]
    return "".join(pieces), index


DIGIT_RE = re.compile("[0-9]")


def has_end(text: str) -> bool:
    return any(c in h.WATERMARK_SENTENCE_END for c in text)


def until_end(text: str) -> str:
    for i, c in enumerate(text):
        if c in h.WATERMARK_SENTENCE_END:
            return text[:i]
    return text


def fragment(run: str) -> bool:
    return len(h.WATERMARK_CORE_RE.findall(run)) < h.WATERMARK_MIN_CORE_CHARS


def at_domain_ends(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The run text[start:stop] cut after each domain name that a Chinese character
    follows: a farm's domain ends its mark, and the sentence glued after it recurs on
    its own ("XYZ.NET安寧療護" where the article's paragraphs open with its subject),
    which must not tie the two into one family."""
    out = []
    for m in h.WATERMARK_DOMAIN_RE.finditer(text, start, stop):
        if m.end() < stop and h.WATERMARK_CJK_RE.match(text, m.end()):
            out.append((start, m.end()))
            start = m.end()
    out.append((start, stop))
    return out
