"""Shortcuts taken for speed give the answers of what they shortcut, on any input.

* The form watermarks are compared in is NFKC and lower case: `fold` and `normalize` fold
  a paragraph character by character where that gives the text's NFKC form, and must give
  the same answer as normalising the text whole, also where characters compose across
  their boundaries (a letter and a combining accent) or expand (a ligature), or where lower
  case depends on the context (a final capital sigma).
* The words of an element's class and id are those `heuristics.CLASS_SPLIT_RE` cuts out,
  lower-cased, also where `class_words` splits them without the pattern.
* A style sheet's block ends where counting its braces one by one says, also where the
  braces of its nested blocks are counted between closing ones.
* A text with watermarks cut keeps the characters not marked for cutting, in order,
  however the marks fall (`watermark._kept_spans` cuts by spans, not character by
  character).
"""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from reader.core import heuristics as h
from reader.core.css import _block_end
from reader.core.flatten import class_words
from reader.core.watermark import _kept_spans
from reader.core.watermark_text import fold, normalize

#: Full-width punctuation, letters and digits; an ideographic space; a combining acute
#: and cedilla (they compose with the letter before them); a ligature and a circled
#: digit (they expand); Hangul jamo (they compose into a syllable); Greek capitals and
#: sigma; and plain Chinese.
ALPHABET = "，。！？（）：ＡＢａ１２　e\u0301\u0327cﬁ①가\u1100\u1161\u11a8ΑΣσ文字的 A"


def _whole(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


@given(st.text(alphabet=ALPHABET, max_size=24))
def test_fold_is_the_whole_texts_nfkc_in_lower_case(text: str) -> None:
    whole = _whole(text)
    if len(whole) != len(text):
        return  # folded character by character by design (see watermark_text.normalize)
    assert fold(text) == whole
    assert normalize(text)[0] == whole


def test_characters_that_compose_across_their_boundary_are_normalised_whole() -> None:
    # "e" and a combining acute compose, the ligature expands: the length is kept, and
    # only normalising the whole text gives "éfi".
    assert fold("e\u0301ﬁ") == "éfi"
    assert fold("（Ａ１）文字，") == "(a1)文字,"


#: Separators of class names (white space of several kinds, "_", "-"), capitals that
#: start a camelCase word, letters whose lower case depends on their neighbours (sigma).
CLASS_ALPHABET = "ab Z_-\t\u00a0\u3000ΣσxYé.1"


@given(st.text(alphabet=CLASS_ALPHABET, max_size=16), st.text(alphabet=CLASS_ALPHABET, max_size=8))
def test_class_words_are_the_patterns_words_lower_cased(cls: str, ident: str) -> None:
    el = etree.Element("div", {"class": cls, "id": ident})
    raw = f"{cls} {ident}"
    expected = frozenset(w.lower() for w in h.CLASS_SPLIT_RE.split(raw) if w)
    assert class_words(el) == (expected if cls or ident else frozenset())


def _block_end_by_each_brace(css: str, pos: int) -> int:
    depth = 1
    for i in range(pos, len(css)):
        depth += {"{": 1, "}": -1}.get(css[i], 0)
        if depth == 0:
            return i + 1
    return len(css)


@given(st.text(alphabet="{}a; ", max_size=40), st.integers(min_value=0, max_value=40))
def test_a_style_blocks_end_is_found_as_by_counting_each_brace(css: str, pos: int) -> None:
    pos = min(pos, len(css))
    assert _block_end(css, pos) == _block_end_by_each_brace(css, pos)


@given(st.lists(st.tuples(st.sampled_from("文字。 a"), st.booleans()), max_size=30))
def test_cutting_by_spans_keeps_the_characters_not_cut(marked: list[tuple[str, bool]]) -> None:
    text = "".join(c for c, _ in marked)
    cut = bytearray(1 if gone else 0 for _, gone in marked)
    by_character = "".join(c for c, gone in marked if not gone)
    assert "".join(_kept_spans(text, cut)) == by_character
