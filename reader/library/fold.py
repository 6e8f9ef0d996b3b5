"""Text folded for search: one script, one width, Han characters as single tokens.

Search must find 發佈 for 发布 and 里 for 裡, and must answer one- and two-character
queries. SQLite's FTS5 `unicode61` tokenizer reads a run of Han characters as one token
(a whole sentence), and its `trigram` tokenizer cannot match fewer than three characters.
So both the indexed text and the query are folded the same way before FTS5 sees them:

- every character is mapped to one character (`fold`), so a position in the folded text
  is the same position in the original (snippets are cut from the original text):
  Traditional forms to Simplified (OpenCC's `t2s`, character by character, so no phrase
  changes a length), regional Traditional forms first to the standard ones (衞 → 衛 → 卫),
  and full-width Latin letters and digits to ASCII;
- Han characters are then spaced apart (`spaced`), so each is a `unicode61` token and a
  query of n characters is a phrase of n tokens (`phrase`).

The folding table is built once per process from OpenCC (about 0.15 s).
"""

from __future__ import annotations

import functools
import re

from reader.core import script_chars
from reader.core.opencc_engine import opencc_convert
from reader.core.text import HAN_CLASS

#: The code points whose script forms are folded: extension A, the unified block, the
#: compatibility ideographs and extension B (every Han character OpenCC's character
#: dictionaries name lies in these).
_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2A6E0))
#: Full-width ASCII (Ａ-Ｚ, ０-９ …): typed by Chinese input methods, folded to ASCII.
#: (The index's tokenizer folds letter case itself; `pattern` is used with IGNORECASE.)
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
#: Regional forms OpenCC's `t2s` leaves alone (衞 Hong Kong, 簷 Taiwan) are folded through
#: `hk2t`/`tw2t` first, but only for characters that only Traditional text writes: the
#: same configs also map characters Simplified text writes (么 → 幺, 著 → 着), and those
#: must stay as they are.
_VARIANT_CONFIGS = ("hk2t", "tw2t")
_TRADITIONAL_ONLY = frozenset(
    script_chars.TRADITIONAL_ONLY + script_chars.TAIWAN_CHARS + script_chars.HONGKONG_CHARS
)
_HAN_RUN = re.compile(f"([{HAN_CLASS}])")
#: What `unicode61` reads as a token (letters, digits; Han characters are letters).
_TOKEN = re.compile(r"\w", re.UNICODE)


def _convert_each(chars: list[str], config: str) -> list[str]:
    """Each character of `chars` converted alone (a line each, so no phrase spans two)."""
    out = opencc_convert("\n".join(chars), config).split("\n")
    return out if len(out) == len(chars) else chars


@functools.cache
def _table() -> dict[int, int]:
    """The one-to-one folding table (`str.translate`)."""
    chars = [chr(c) for start, end in _HAN_RANGES for c in range(start, end)]
    simple = _convert_each(chars, "t2s")
    table: dict[int, int] = dict(_FULL_WIDTH)
    for ch, to in zip(chars, simple, strict=True):
        if to != ch and len(to) == 1:
            table[ord(ch)] = ord(to)
    for config in _VARIANT_CONFIGS:
        for ch, standard in zip(chars, _convert_each(chars, config), strict=True):
            if ord(ch) in table or ch not in _TRADITIONAL_ONLY or len(standard) != 1:
                continue
            to = opencc_convert(standard, "t2s")
            if to != ch and len(to) == 1:
                table[ord(ch)] = ord(to)
    return table


@functools.cache
def _reverse() -> dict[str, str]:
    """Each folded character -> every character that folds to it (itself included)."""
    groups: dict[str, set[str]] = {}
    for src, dst in _table().items():
        groups.setdefault(chr(dst), {chr(dst)}).add(chr(src))
    return {k: "".join(sorted(v)) for k, v in groups.items()}


def fold(text: str) -> str:
    """`text` with each character in its folded form; always the same length as `text`."""
    return text.translate(_table())


def spaced(folded: str) -> str:
    """Folded text with every Han character a token of its own (for the index)."""
    return _HAN_RUN.sub(r" \1 ", folded)


def index_text(text: str) -> str:
    """What the full-text index is given for `text`."""
    return spaced(fold(text))


def terms(query: str) -> list[str]:
    """The query's terms: its words split at spaces, each with at least one token character."""
    return [t for t in query.split() if _TOKEN.search(t)]


def phrase(term: str) -> str:
    """An FTS5 phrase matching `term` in either script (its folded tokens, in order)."""
    tokens = " ".join(spaced(fold(term)).split())
    return '"' + tokens.replace('"', '""') + '"'


def pattern(term: str) -> str:
    """A regex finding `term` in original (unfolded) text, in either script.

    Each character becomes the class of every character that folds like it; spaces may
    separate Han characters (the index does not see them). Use with re.IGNORECASE.
    """
    reverse = _reverse()
    parts: list[str] = []
    for ch in fold(term):
        if not _TOKEN.match(ch):
            continue  # punctuation inside a term separates tokens in the index too
        group = reverse.get(ch, ch)
        parts.append("[" + re.escape(group) + "]" if len(group) > 1 else re.escape(group))
    return r"\W*".join(parts)
