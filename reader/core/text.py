"""Shared text notions: what a Han character is, space folding, an element's text, and the
two regex helpers every word list is compiled with.

Each notion is defined here once; the stages import it instead of typing a range again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from lxml import etree  # imported where HTML is parsed: text dumps never need it

# --------------------------------------------------------------------------- Han characters

#: The CJK Unified Ideographs block: every character of a modern Chinese personal name.
#: Name rules (speakers, bylines) use this narrow range on purpose: a rarer block in a
#: two- to four-character span is far more often a symbol than a name.
HAN_URO = "\u4e00-\u9fff"
#: The Han characters of the Basic Multilingual Plane: extension A, the unified block and
#: the compatibility ideographs. The charset detector scores decodings with this range.
HAN_BMP = f"\u3400-\u4dbf{HAN_URO}\uf900-\ufaff"
#: Every Han character, extension B and later (the astral planes) included: what counts
#: as "Chinese text" when measuring prose and converting scripts.
HAN_CLASS = f"{HAN_BMP}\U00020000-\U0003134f"
HAN_RE = re.compile(f"[{HAN_CLASS}]")


def is_han(ch: str) -> bool:
    """Whether `ch` is in the CJK Unified Ideographs block (see `HAN_URO`)."""
    return "\u4e00" <= ch <= "\u9fff"


# --------------------------------------------------------------------------- compiling


class _LazyPattern:
    """A regex compiled on first use (see `lazy_compile`)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        value = getattr(re.compile(self._pattern, self._flags), name)
        self.__dict__[name] = value  # later lookups find it here, at a plain attribute's cost
        return value


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, put off until the pattern is first used.

    For patterns only some pages need (HTML-only rules, encoding guesses): compiling
    costs start-up time, several ms for the large CJK character classes, and reading a
    text dump never uses them.
    """
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


def words_pattern(words: Iterable[str]) -> str:
    """A regex matching any of `words`, longest first, built as a trie.

    Python's `re` tries the branches of a flat alternation one by one at every position;
    a trie shares prefixes, so a hundred role words cost about as much as a few.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: the longer words are optional
            return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
        return body

    return build(trie)


# --------------------------------------------------------------------------- spaces

_CJK_WIDE = f"{HAN_CLASS}\u3001-\u303f\uff00-\uffef“”‘’"
_CJK_BREAK_RE = lazy_compile(rf"(?<=[{_CJK_WIDE}])[ \t\r]*\n\s*(?=[{_CJK_WIDE}])")


def normalize_space(text: str) -> str:
    """Collapse white space to single spaces, and drop the white space of a source line
    break between two CJK characters (HTML wraps Chinese text anywhere). A space typed
    between CJK words on one line ("沈若溪 摄", a full-width space in a headline) stays."""
    if "\n" in text:
        text = _CJK_BREAK_RE.sub("", text)
    return " ".join(text.split())  # str.split() knows U+00A0 and U+3000


def text_of(el: etree._Element) -> str:
    """All text inside `el` (its tail excluded)."""
    return "".join(el.itertext())
