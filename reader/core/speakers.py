"""Speakers: who is quoted in the article (a name before a speech verb, a role word's
name, an interview label), and in which blocks."""

from __future__ import annotations

import re

from reader.core import heuristics as h
from reader.core.article import Block, BlockType, Speaker
from reader.core.text import HAN_URO, is_han, words_pattern

_HAN_NAME_RE = re.compile(f"[{HAN_URO}]+")


def _starts_with_surname(name: str) -> bool:
    return name[:1] in h.SURNAMES or name[:2] in h.SURNAMES


def _valid_name(name: str) -> bool:
    if not 2 <= len(name) <= 4 or name in h.NOT_NAMES:
        return False
    if not _HAN_NAME_RE.fullmatch(name) or name[-1] in h.ORG_SUFFIX_CHARS:
        return False
    return _starts_with_surname(name)


def _name_at(text: str, start: int) -> str | None:
    """The name that starts at `start`, cut before the first boundary character."""
    seg = text[start : start + 5]
    for size in (2, 3, 4):
        cand, nxt = seg[:size], seg[size : size + 1]
        if len(cand) < size:
            return None
        if _valid_name(cand) and (not nxt or nxt in h.NAME_BOUNDARY or not is_han(nxt)):
            return cand
    return None


def _name_before(text: str, end: int, doc: _Counts) -> str | None:
    """The name that ends right before `end` (after adverb fillers), or None.

    Three characters are tried before two ("黃淑芬說" is not "淑芬說"); a two-character
    name glued to a preceding word is accepted only after a particle or a role word
    ("的唐悅認為", "員常林在"), or when it recurs in the article.
    """
    while end > 0 and text[end - 1] in h.NAME_VERB_FILLERS:
        end -= 1
    if end >= 4 and text[end - 4 : end - 2] in h.SURNAMES and _valid_name(text[end - 4 : end]):
        return text[end - 4 : end]  # compound surname: 司徒偉明
    three = text[max(0, end - 3) : end]
    if len(three) == 3 and _valid_name(three) and three[0] not in h.NAME_FUNCTION_CHARS:
        return three
    two = text[max(0, end - 2) : end]
    if len(two) == 2 and _valid_name(two):
        prev = text[end - 3] if end >= 3 else ""
        if not prev or not is_han(prev) or prev in h.NAME_PRECEDERS or doc.count(two) >= 2:
            return two
    return None


_ROLE_RE = re.compile(words_pattern(h.ROLE_SUFFIXES))


_VERB_RE = re.compile(words_pattern(h.SPEECH_VERBS))


_INTERVIEW_RE = re.compile(rf"^([{HAN_URO}·]{{2,5}})[：:]")


_CLAUSE_BREAK_RE = re.compile(r"[，。；！？,;!?“”「」『』\"]")


_PRONOUN_VERB_RE = re.compile("[他她]" + words_pattern(h.SPEECH_VERBS))


def _role_names(text: str) -> list[str]:
    names = []
    for m in _ROLE_RE.finditer(text):
        name = _name_at(text, m.end())
        if name:
            names.append(name)
    return names


def _recurring_name(seg: str, doc: _Counts) -> str | None:
    """A name at the start of `seg` told apart from the words after it by recurrence: the
    three-character form when its two-character prefix never occurs without the third."""
    three, two = seg[:3], seg[:2]
    if len(three) == 3 and _valid_name(three):
        n3 = doc.count(three)
        if n3 >= 2 and n3 == doc.count(two):
            return three
    if len(two) == 2 and _valid_name(two) and doc.count(two) >= 2:
        return two
    return None


def _speaker_of_verb(text: str, verb_start: int, doc: _Counts) -> str | None:
    direct = _name_before(text, verb_start, doc)
    if direct:
        return direct
    clause_start = 0
    for m in _CLAUSE_BREAK_RE.finditer(text, 0, verb_start):
        clause_start = m.end()
    clause = text[clause_start:verb_start]
    roles = _role_names(clause)
    if roles:
        return roles[-1]
    for opener in h.CLAUSE_OPENERS:
        if clause.startswith(opener):
            clause = clause[len(opener) :]
            break
    if clause.startswith("在"):
        clause = clause[1:]
    name = _name_at(clause, 0)
    if name is None and clause_start > 0 and text[clause_start - 1] in '”」"':
        # "……”吳世喆笑著說": the clause right after a quote opens with the speaker.
        name = _recurring_name(clause, doc)
    return name


class _Counts(dict[str, int]):
    """Occurrences of short strings in the article, counted once each."""

    def __init__(self, doc: str) -> None:
        super().__init__()
        self._doc = doc

    def __missing__(self, key: str) -> int:
        value = self[key] = self._doc.count(key)
        return value

    def count(self, key: str) -> int:
        return self[key]


def find_speakers(blocks: list[Block], author: str | None) -> tuple[Speaker, ...]:
    spoken: dict[str, set[int]] = {}
    excluded = {author} if author else set()
    doc = _Counts("\n".join(b.text for b in blocks))
    budget = h.SPEAKER_SCAN_MAX_CHARS
    for i, b in enumerate(blocks):
        if b.type in (BlockType.IMAGE, BlockType.HEADING):
            continue
        text = b.text
        budget -= len(text)
        if budget < 0:
            break
        m = _INTERVIEW_RE.match(text)
        if m and m.group(1) not in h.INTERVIEW_NON_NAMES and _valid_name(m.group(1)):
            spoken.setdefault(m.group(1), set()).add(i)
        for vm in _VERB_RE.finditer(text):
            if len(vm.group()) == 1 and text[vm.end() : vm.end() + 1] in h.SHORT_VERB_NOT_BEFORE:
                continue
            name = _speaker_of_verb(text, vm.start(), doc)
            if name and name not in excluded:
                spoken.setdefault(name, set()).add(i)
        # "……教授蘇俊也對記者說……他坦言": the person a role introduced speaks as 他/她.
        if _PRONOUN_VERB_RE.search(text) and (roles := _role_names(text)):
            spoken.setdefault(roles[-1], set()).add(i)
    result = [Speaker(name, tuple(sorted(idx))) for name, idx in spoken.items()]
    names = {s.name for s in result}
    result = [s for s in result if not any(s.name != n and s.name in n for n in names)]
    return tuple(sorted(result, key=lambda s: s.blocks[0]))
