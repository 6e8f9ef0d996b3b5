"""Quotation-mark styles: “” ‘’ ⇄ 「」 『』 as matched pairs inside Chinese text."""

from __future__ import annotations

import re
from collections.abc import Mapping

from reader.core.article import QuoteStyle
from reader.core.text import HAN_RE as _HAN_RE

_QUOTE_RE = re.compile("[“”‘’「」『』]")
_OPENERS = {"“": "”", "‘": "’", "「": "」", "『": "』"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}
_STYLES: Mapping[QuoteStyle, tuple[tuple[str, str], tuple[str, str]]] = {
    QuoteStyle.CORNER: (("「", "」"), ("『", "』")),
    QuoteStyle.CURLY: (("“", "”"), ("‘", "’")),
}
_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
#: ‘ before a two-digit year is an apostrophe (‘90s, the ‘07 season), not an opening quote;
#: before digits that run on into a word (‘90後’) it opens a quotation.
_YEAR_RE = re.compile(r"\d\d(?:s|(?!\w))")


def _is_apostrophe(text: str, pos: int) -> bool:
    ch = text[pos]
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + 1] if pos + 1 < len(text) else ""
    if ch == "’":  # don’t, it’s, rock’n’roll: a letter on both sides
        return bool(before) and bool(after) and before in _WORD and after in _WORD
    if ch == "‘":
        return before not in _WORD and _YEAR_RE.match(text, pos + 1) is not None
    return False


def _quote_pairs(text: str) -> list[tuple[int, int]]:
    """Positions of matched quotation marks, properly nested, in order of the opening mark.

    A closing mark pairs with the nearest open mark of its own kind; open marks skipped
    over that way, closing marks with no partner and apostrophes stay unpaired.
    """
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for m in _QUOTE_RE.finditer(text):
        pos, ch = m.start(), m.group()
        if _is_apostrophe(text, pos):
            continue
        if ch in _OPENERS:
            stack.append(pos)
            continue
        want = _CLOSERS[ch]
        for k in range(len(stack) - 1, -1, -1):
            if text[stack[k]] == want:
                pairs.append((stack[k], pos))
                del stack[k:]
                break
    pairs.sort()
    return pairs


def apply_quotes(text: str, style: QuoteStyle) -> str:
    """`text` with its Chinese quotations in `style`; everything else is left as it was.

    Only matched pairs whose content has a Han character change. The outermost such pair
    becomes 「」 (or “”), the next level 『』 (or ‘’), then alternating. English quotes,
    apostrophes and unbalanced marks are never touched, so no half pair is ever made.
    """
    if style is QuoteStyle.KEEP or not _QUOTE_RE.search(text):
        return text
    outer, inner = _STYLES[style]
    chars = list(text)
    open_ends: list[int] = []  # closing positions of the enclosing converted pairs
    for start, end in _quote_pairs(text):
        while open_ends and open_ends[-1] < start:
            open_ends.pop()
        if not _HAN_RE.search(text, start + 1, end):
            continue
        chars[start], chars[end] = inner if len(open_ends) % 2 else outer
        open_ends.append(end)
    return "".join(chars)
