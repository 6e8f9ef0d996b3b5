"""Watermark families: text a content farm injects into many paragraphs of an article.

A farm re-posting an article stamps its brand into the paragraphs: a site name, often
with a joiner and one of several rotating slogans, a random letter code in front, the
domain in capitals (full-width too), zero-width characters sprinkled through it; at the
start or end of a paragraph or between two sentences, on all paragraphs or only some.
None of these strings is known in advance, so a mark is recognised by shape:

1. Each paragraph is compared in a normalised form (NFKC, so full-width letters are
   ASCII; lower case; zero-width characters dropped), with a map back to the original.
2. Character n-grams that recur in many paragraphs are found, and each paragraph's run
   of them (joined across a short gap without sentence punctuation, which is where a
   rotating slogan sits between the site name and the domain) is one occurrence.
   Occurrences sharing n-grams form a family.
3. Each occurrence grows over what it shares with other occurrences of its family (a
   slogan that recurs, a joiner), a letter code glued in front, and its brackets.
4. A family is a watermark only when it is not part of the text: it holds a domain name,
   or nearly all its occurrences stand at a paragraph edge, after a sentence's end or in
   brackets. A term or a person's name that recurs through an article sits inside
   sentences, and is kept.

This module is the stage's entry: the families are found (watermark_find, over the text
of watermark_text, grown in watermark_grow and tested in watermark_accept) and cut out of
the article's raw blocks, blocks and title here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from reader.core import heuristics as h
from reader.core.article import Block, BlockType, Removal
from reader.core.flatten import Raw
from reader.core.watermark_find import Family, find_families
from reader.core.watermark_text import normalize

__all__ = [
    "Family",
    "family_cutter",
    "find_families",
    "removals",
    "strip_families",
    "strip_from_blocks",
    "strip_raw",
]


def _is_word_char(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


_CODE_RE = re.compile(f"^[a-z]{{1,{h.WATERMARK_MAX_CODE}}}")


def _uncoded(variant: str) -> str:
    """A variant without the letter code it starts with, if any (letters before Han)."""
    code = _CODE_RE.match(variant)
    if code is not None and h.WATERMARK_CJK_RE.match(variant, code.end()):
        return variant[code.end() :]
    return variant


def _cased_code_length(text: str, start: int) -> int:
    """Length of a letter code glued before text[start] in the page's own text, where
    case still shows: a code alone ("。KY"), or the letters of one case after a word of
    the other ("CommerceKY"). A code of mixed case glued to a word is not told apart."""
    j = start
    while j > 0 and start - j <= h.WATERMARK_MAX_CODE and text[j - 1].isascii():
        if not text[j - 1].isalpha():
            break
        j -= 1
    alone = not (j and text[j - 1].isascii() and text[j - 1].isalnum())
    if start - j <= h.WATERMARK_MAX_CODE and alone:
        return start - j
    upper = text[start - 1].isupper()
    k = start
    while k > 0 and text[k - 1].isascii() and text[k - 1].isalpha():
        if text[k - 1].isupper() != upper:
            break
        k -= 1
    return start - k if start - k <= h.WATERMARK_MAX_CODE else 0


def strip_families(text: str, families: Iterable[Family]) -> str:
    """`text` with every occurrence of the families' variants cut out, and of each
    variant without its letter code with whatever code is glued before it here (a new
    random code on a paragraph past those looked at)."""
    return family_cutter(families)(text)


def family_cutter(families: Iterable[Family]) -> Callable[[str], str]:
    """`strip_families` for many texts of one page: the variants are worked out once
    (per text, a 50 MB dump's 300,000 lines spent 3 s on that alone)."""
    seen = {v for f in families for v in f.variants}
    seen |= {u for u in map(_uncoded, seen) if len(u) >= h.WATERMARK_MIN_CORE_CHARS}
    variants = [
        # Each with whether it starts and whether it ends with a domain name.
        (
            v,
            h.WATERMARK_DOMAIN_RE.match(v) is not None,
            h.WATERMARK_DOMAIN_END_RE.search(v) is not None,
        )
        for v in sorted(seen, key=len, reverse=True)
    ]
    return lambda text: _cut(text, variants)


def _cut(text: str, variants: Sequence[tuple[str, bool, bool]]) -> str:
    if not variants or not text:
        return text
    norm, index = normalize(text)
    cut = bytearray(len(text))  # 1 where a character goes
    hit = False
    for v, domain_first, domain_last in variants:
        pos = norm.find(v)
        while pos >= 0:
            lo, hi = index[pos], index[pos + len(v) - 1] + 1
            lo -= _cased_code_length(text, lo)
            # A domain that is part of a link (www.x.com/1.html) is the link's.
            inside_link = (
                (
                    domain_first
                    and norm[pos - 1 : pos] in h.WATERMARK_LINK_CHARS
                    and _is_word_char(norm[pos - 2 : pos - 1])  # "www." but not "行文..."
                )
                or (domain_last and norm[pos + len(v) : pos + len(v) + 1] == "/")
            )
            if not inside_link and hi > lo and cut.find(1, lo, hi) < 0:
                hit = True
                cut[lo:hi] = b"\x01" * (hi - lo)
            pos = norm.find(v, pos + len(v))
    if not hit:
        return text
    kept = "".join(_kept_spans(text, cut))
    # Zero-width characters and spaces left at a cut's edges go with it.
    return (
        " ".join(h.WATERMARK_ZW_RE.sub("", kept).split())
        if h.WATERMARK_ZW_RE.search(text)
        else kept.strip()
    )


def _kept_spans(text: str, cut: bytearray) -> list[str]:
    """The pieces of `text` between its cut characters, in order."""
    pieces, i = [], 0
    while i >= 0:
        j = cut.find(1, i)
        pieces.append(text[i:] if j < 0 else text[i:j])
        i = -1 if j < 0 else cut.find(0, j)
    return pieces


# --------------------------------------------------------------------------- pipeline


#: Blocks whose text is not prose to look in or cut: images (alt text) and tables (cells
#: joined by tabs and newlines, which cutting would fold).
_NOT_TEXT = frozenset({BlockType.IMAGE, BlockType.TABLE})


def removals(families: Sequence[Family]) -> list[Removal]:
    """One removal entry per family: a representative text and how many paragraphs."""
    return [Removal("watermark", f.text, f.count) for f in families]


def strip_raw(blocks: Sequence[Raw], removed: list[Removal]) -> list[Family]:
    """Cut the families found in the article's raw blocks out of them, in place, before
    headings are decided (a heading carrying a mark is too long, or ends wrongly, to look
    like one); a block left empty keeps an empty text. Each family is logged in
    `removed`."""
    families = find_families([b.text for b in blocks if b.kind not in _NOT_TEXT])
    if not families:
        return []
    removed.extend(removals(families))
    cut = family_cutter(families)
    for b in blocks:
        if b.kind in _NOT_TEXT:
            continue
        text = cut(b.text)
        if text != b.text:
            b.text = text
            b.chars = len(text) - text.count(" ")
            b.punct = h.PUNCT_RE.search(text) is not None
            b.link_chars = min(b.link_chars, b.chars)
            b.__post_init__()  # is_prose follows the new text
    return families


def strip_from_blocks(
    title: str, blocks: list[Block], removed: list[Removal]
) -> tuple[str, list[Block]]:
    """The title and blocks with the families found in the blocks cut out (blocks left
    empty dropped); each family logged in `removed`."""
    families = find_families([b.text for b in blocks if b.type not in _NOT_TEXT])
    if not families:
        return title, blocks
    removed.extend(removals(families))
    cut = family_cutter(families)
    blocks = [
        replace(b, text=cut(b.text))  # a table keeps its heading row
        if b.type not in _NOT_TEXT
        else b
        for b in blocks
    ]
    title = cut(title) or title
    return title, [b for b in blocks if b.text or b.type in _NOT_TEXT]
