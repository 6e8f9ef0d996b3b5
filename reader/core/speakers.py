"""Speakers: who is quoted in the article, and in which blocks.

Found from the structure of attribution, not by a word segmenter. A speech verb (表示, 說,
指出 ...) or a quote colon (：“) marks a site. The speaker is the subject of the clause
before it: the leftmost name that starts after a clear left boundary (the clause's start
after its openers, a role word such as 主任 or 副省長, 的, 、, a measure word) and ends
before a clear right boundary (the verb, a filler such as 則 or 此前在接受採訪時, a title such
as 教授, a bracket). Recurrence in the article settles what the boundaries leave open.
他說/她說 go to the last person named; a given name alone (思浩) and the last part of a
foreign name (漢森) are merged into the full name found elsewhere.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from reader.core import speaker_words as w
from reader.core.article import Block, BlockType, Speaker
from reader.core.text import is_han, lazy_compile, words_pattern

#: Blocks whose text can attribute speech (headings, captions and images cannot).
_SCANNED = (BlockType.PARAGRAPH, BlockType.QUOTE, BlockType.LIST_ITEM)
#: Speakers are looked for in the first this many characters of the body: far more than
#: any article (a long feature is 20,000), and it keeps a 50 MB page from spending seconds
#: on a list nobody can use.
SCAN_MAX_CHARS = 2_000_000
#: Separators inside foreign names: the middle dot and its look-alikes, and "?" where a
#: page lost the dot to a wrong encoding ("斯蒂芬妮?席爾霍爾茨").
_SEPARATORS = "·•‧・･．.?"
#: Characters that end a clause: the subject of a verb is looked for after the last one.
#: ("?" is left out: between Han characters it is a middle dot lost to an encoding.)
_CLAUSE_BREAKS = frozenset('，。；！？,;!“”‘’「」『』"：:…\n')
#: Clause breaks when quoted words may stand inside the clause (the previous clause).
_COMMA_BREAKS = frozenset("，。；！？,;!：:\n")
#: A label colon opens a speaker's turn only when at least this much text follows it in
#: the block (a label alone on its line heads a box or a list).
_LABEL_MIN_AFTER = 4
#: Kinds of attribution site.
_VERB, _QUOTE, _LABEL = "verb", "quote", "label"
#: Characters after which a name may start inside a clause: particles and conjunctions
#: ("的唐悅", "、李明", "據王芳"), and measure words ("一位", "兩名").
_LEFT_CHARS = frozenset("的之、和与與及跟同据據由让讓被给給将將把向对對位名")
#: Last characters of role words (宇航員, 船長, 律師, 作家, 選手, 學者, 法官, 檔主, 考生,
#: 護士, 職工, 漁民, 發言人, 助理): a name may start after one even when the role word itself is
#: not listed.
_ROLE_END_CHARS = frozenset("员員长長师師家手者官主生士工民人理")
#: One-character fillers a name may end before ("李明則說", "王芳也表示").
_RIGHT_CHARS = frozenset("在则則也还還更又亦就仍曾均都再却卻便即并並对對向跟和与與同等")
#: Conjunctions joining two speakers of one verb ("李明和王芳表示").
_AND_CHARS = frozenset("、和与與及")
#: After a verb of `speaker_words.NOUNISH_VERBS`: what makes it a verb of speech (a
#: sentence's end too: "……負責人文佳琪這樣解釋。").
_SPEECH_FOLLOWS_RE = lazy_compile(r"\s*(?:[，,：:“「『。！？]|[说說称稱道]|表示|认为|認為|指出)")
#: Particles that make a name a possessor, not a subject ("丈夫秦昊的減肥方法：").
_POSSESSIVE = ("的", "之")
#: A pronoun subject: the speech goes to the last person named.
_PRONOUNS = ("他", "她")
#: People named are looked for in a pronoun's block and this many blocks before it.
_MENTION_BLOCKS_BACK = 2
#: Pronoun resolution looks back at most this many characters for the person named: about
#: two paragraphs, beyond which "他" is as likely someone left unnamed.
_PRONOUN_REACH = 600
#: A person named this many times, always with the same characters after the first two,
#: has a proven right boundary (a three-character name is not a two-character one plus a
#: word) even where the text after it is no boundary word.
_RECUR_MIN = 2
#: Chinese full names have at most this many characters without a compound surname; a
#: longer run of transliteration characters is a foreign name.
_CHINESE_MAX = 3
#: A quote colon is attributed when the name stands at most this many characters before it
#: ("彭學舟信心滿滿：“"): a manner phrase, not a second clause.
_COLON_REACH = 8

_ROLE_LENGTHS = sorted({len(x) for x in w.ROLES}, reverse=True)
_OPENER_LENGTHS = sorted({len(x) for x in w.OPENERS}, reverse=True)
#: Titles that may follow a name ("洪教授說"); not every role word: "萬千網友紛紛表示".
_TITLE_SET = w.TITLES_AFTER
_TITLE_LENGTHS = sorted({len(x) for x in _TITLE_SET}, reverse=True)
_SKIP_LENGTHS = sorted({len(x) for x in w.FILLERS}, reverse=True)
_VERB_RE = lazy_compile(words_pattern(w.SPEECH_VERBS))
_ROLE_RE = lazy_compile(words_pattern(w.ROLES))
_BREAK_RE = lazy_compile("[，。；！？,;!“”「」『』]")
_TRANSLIT = "".join(sorted(w.TRANSLIT))
_FOREIGN_RE = lazy_compile(
    f"[{_TRANSLIT}]{{1,8}}(?:[{re.escape(_SEPARATORS)}][{_TRANSLIT}]{{1,8}})+"
)
_SEPARATOR_RE = lazy_compile(f"[{re.escape(_SEPARATORS)}]")
_TRANSLIT_RUN_RE = lazy_compile(f"[{_TRANSLIT}]{{3,10}}")
_TRANSLIT_PAIR_RE = lazy_compile(f"[{_TRANSLIT}]{{2}}")
#: A Latin-script name: one or two capitalised words (Jenny, Robin Winks); three or more
#: are a title or a firm.
_LATIN_RE = lazy_compile(r"[A-Z][a-z]+(?:[ ·.\-]?[A-Z][a-z]+)?(?![ ·.\-]?[A-Za-z])")
#: English words that start a capitalised phrase that is no name.
_LATIN_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "We",
        "You",
        "They",
        "He",
        "She",
        "I",
        "In",
        "On",
        "Of",
        "For",
        "And",
        "But",
        "Or",
        "With",
        "From",
        "By",
        "To",
        "At",
        "As",
        "If",
        "When",
        "Why",
        "How",
        "What",
        "Who",
        "Our",
        "My",
        "Your",
        "Their",
        "His",
        "Her",
        "Its",
        "Abstract",
        "Chapter",
        "Part",
        "Note",
        "Photo",
        "Source",
        "Via",
        "Update",
        "Breaking",
        "Exclusive",
        "Chat",
        "Read",
        "More",
    ]
)
_DATE_RE = lazy_compile(r"(?:\d{1,4}年)?(?:\d{1,2}月)?\d{1,2}[日号號]|[上下]午|当地时间|當地時間")
#: A quote colon ("：“") anywhere, or a label colon at the start of a block: a name,
#: perhaps with a bracket ("馬金鵬（14歲）："), then the colon.
_COLON_RE = lazy_compile(r"[：:]\s*[“「『\"]|^[^：:，。（(]{2,12}(?:[（(][^）)]{0,20}[）)])?[：:]")


def _surname_len(cand: str) -> int:
    if cand[:2] in w.COMPOUND_SURNAMES:
        return 2
    return 1 if cand[:1] in w.SINGLE_SURNAMES else 0


def valid_name(cand: str) -> bool:
    """Whether `cand` can be a Chinese full name: a surname, a given name of one or two
    characters that names use, and not an everyday word."""
    n = _surname_len(cand)
    given = cand[n:]
    if not n or not 1 <= len(given) <= 2 or cand in w.NOT_NAMES or cand in w.ROLES:
        return False
    if not all(is_han(c) and c not in w.NOT_GIVEN for c in given):
        return False
    return cand[-1] not in w.ORG_SUFFIX_CHARS and cand[-1] not in w.NOT_LAST


class _Doc:
    """The article's scanned text, with counts of short strings (computed once each)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._counts: dict[str, int] = {}

    def count(self, key: str) -> int:
        n = self._counts.get(key)
        if n is None:
            n = self._counts[key] = self.text.count(key)
        return n


def _in_words(text: str, pos: int, words: frozenset[str], lengths: list[int]) -> int:
    """Length of the word of `words` that starts at `pos` (0 if none)."""
    for k in lengths:
        if text[pos : pos + k] in words:
            return k
    return 0


def _role_before(text: str, pos: int) -> bool:
    return any(pos >= k and text[pos - k : pos] in w.ROLES for k in _ROLE_LENGTHS)


def _may_start_name(ch: str) -> bool:
    """Whether a name can start with `ch`: a surname, a transcription character or a
    capital (checked first: it rules out most characters at the cost of a set lookup)."""
    return ch in w.SINGLE_SURNAMES or ch in w.TRANSLIT or ("A" <= ch <= "Z")


def _left_ok(text: str, pos: int) -> bool:
    """Whether a name may start at `pos` in the middle of a clause."""
    if pos == 0:
        return True
    prev = text[pos - 1]
    if prev in _SEPARATORS and pos >= 2 and is_han(text[pos - 2]):
        return False  # the second half of a foreign name ("史蒂文·溫伯格")
    if not is_han(prev):
        return not (prev.isascii() and prev.isalpha())
    return prev in _LEFT_CHARS or prev in _ROLE_END_CHARS or _role_before(text, pos)


def _right_ok(text: str, end: int, limit: int, *, title: bool = True) -> bool:
    """Whether a name may end at `end`, the verb or colon being at `limit`.

    A title after the name counts only when a boundary follows it in turn: in
    "洪教授說" the name ends before 教授, in "蘇豪副總裁丁海說" 蘇豪 is no name.
    """
    if end >= limit:
        return True
    ch = text[end]
    if not is_han(ch):
        return ch not in _SEPARATORS
    if ch in _RIGHT_CHARS or _VERB_RE.match(text, end):
        return True
    if _in_words(text, end, w.FILLERS, _SKIP_LENGTHS):
        return True
    if title and (k := _in_words(text, end, _TITLE_SET, _TITLE_LENGTHS)):
        return _right_ok(text, end + k, limit, title=False)
    return _DATE_RE.match(text, end) is not None


def _skip_openers(text: str, pos: int, limit: int) -> int:
    """Skip conjunctions, time words and dates at the start of a clause."""
    while pos < limit:
        if text[pos] in " \u3000":
            pos += 1
            continue
        k = _in_words(text, pos, w.OPENERS, _OPENER_LENGTHS)
        if not k and (m := _DATE_RE.match(text, pos)):
            k = m.end() - pos
        if not k:
            return pos
        pos += k
    return pos


def _skip_fillers(text: str, pos: int, limit: int) -> int:
    while pos < limit:
        k = _in_words(text, pos, w.FILLERS, _SKIP_LENGTHS)
        if not k:
            return pos
        pos += k
    return pos


@dataclass(slots=True)
class _Finder:
    doc: _Doc
    #: name -> blocks where it speaks
    hits: dict[str, set[int]] = field(default_factory=dict)
    #: (position in doc, block) of 他說/她說
    pronouns: list[tuple[int, int]] = field(default_factory=list)
    #: short forms (a given name alone, a foreign surname alone) -> blocks
    aliases: dict[str, set[int]] = field(default_factory=dict)
    #: blocks with a pronoun or a short form: where people named are looked for
    near: set[int] = field(default_factory=set)

    # -- one name at a known left boundary

    def name_at(
        self, text: str, pos: int, limit: int, *, relaxed: bool = False, latin: bool = False
    ) -> tuple[str, int] | None:
        """The name that starts at `pos` and ends at a right boundary before `limit`.

        `relaxed`: the site is a quote colon, and the name may be followed by a short
        manner phrase. `latin`: the site is a verb, and a Latin-script name may stand.
        """
        ch = text[pos]
        if ch.isascii():
            before = text[:pos].rstrip(" ")[-1:]
            glossed = before in "(（" and before != ""  # "德勒斯(Teles)"
            after_word = before.isascii() and before.isalnum()  # "BDI Furniture"
            m = _LATIN_RE.match(text, pos) if latin and not glossed and not after_word else None
            if (
                m
                and m.end() <= limit
                and _right_ok(text, m.end(), limit)
                and m.group().split()[0] not in _LATIN_NOT_NAMES
                and self.doc.count(m.group().upper()) == 0  # "Nasa" of "NASA": a body
            ):
                return m.group(), m.end()
            return None
        m = _FOREIGN_RE.match(text, pos, limit)
        if m:
            name = m.group()
            # "戴夫·漢森特別強調": the run may take the start of the next word.
            for cut in range(3):
                end = m.end() - cut
                if text[end - 1] in _SEPARATORS:
                    break
                if _right_ok(text, end, limit):
                    return name[: len(name) - cut], end
        run = _TRANSLIT_RUN_RE.match(text, pos, limit)
        if run and run.group() in w.PLACES:
            run = None
        if run and len(run.group()) > _CHINESE_MAX and _right_ok(text, run.end(), limit):
            return run.group(), run.end()
        for size in (4, 3, 2):
            cand = text[pos : pos + size]
            if len(cand) < size or pos + size > limit or not valid_name(cand):
                continue
            if cand[0] in w.WEAK_SURNAMES and not (
                _role_before(text, pos)
                or (self.doc.count(cand) >= _RECUR_MIN and (pos == 0 or not is_han(text[pos - 1])))
            ):
                continue  # "由於道路", "連中國": the surname is part of the word before
            if size == 3 and (cand[-1] in _RIGHT_CHARS or self.two_wins(cand)):
                continue  # "賈玲曾強調": a filler, not a third character
            if _right_ok(text, pos + size, limit) or self.recurs(
                cand, text[pos + size : pos + size + 1]
            ):
                return cand, pos + size
        if relaxed:
            # A quote colon: "總經理彭學舟信心滿滿：“", three characters unless the first two
            # recur more often; never a name followed by 的 (the colon is not theirs).
            two, three = text[pos : pos + 2], text[pos : pos + 3]
            if (
                valid_name(three)
                and text[pos + 3 : pos + 4] not in _POSSESSIVE
                and self.doc.count(two) <= self.doc.count(three)
            ):
                return three, pos + 3
            if (
                valid_name(two)
                and text[pos + 2 : pos + 3] not in _POSSESSIVE
                and (self.doc.count(two) >= _RECUR_MIN or _right_ok(text, pos + 2, limit))
            ):
                return two, pos + 2
        if run and _right_ok(text, run.end(), limit):
            return run.group(), run.end()
        return None

    def recurs(self, cand: str, after: str) -> bool:
        """A three-character candidate that recurs whole, and not always with the same
        character after it, is a name: not two characters of one plus a word, nor the
        start of a longer word (席爾霍爾茨)."""
        if len(cand) != 3 or _surname_len(cand) != 1:
            return False
        n = self.doc.count(cand)
        if n < _RECUR_MIN or self.doc.count(cand[:2]) != n:
            return False
        return not after or self.doc.count(cand + after) < n

    def two_wins(self, three: str) -> bool:
        """Whether a three-character candidate seen once is its first two characters (a
        name seen elsewhere with a boundary after it) plus a word: "賈玲唱：“"."""
        two = three[:2]
        if self.doc.count(three) != 1 or self.doc.count(two) < _RECUR_MIN or not valid_name(two):
            return False
        text = self.doc.text
        at = text.find(two)
        while at >= 0:
            end = at + 2
            if text[end : end + 1] != three[2] and _right_ok(text, end, len(text)):
                return True
            at = text.find(two, end)
        return False

    def alias_at(self, text: str, pos: int, limit: int) -> str | None:
        """A short form at `pos`, to be merged into a full name named elsewhere: part of a
        foreign name (漢森, 勞倫斯), a given name alone (思浩), a surname alone (艾說)."""
        run = _TRANSLIT_RUN_RE.match(text, pos, limit) or _TRANSLIT_PAIR_RE.match(text, pos, limit)
        if run and _right_ok(text, run.end(), limit):
            return run.group()
        if text[pos] in w.SINGLE_SURNAMES and _VERB_RE.match(text, pos + 1, limit + 4):
            return text[pos]
        cand = text[pos : pos + 2]
        if len(cand) < 2 or pos + 2 > limit or cand in w.NOT_NAMES or cand in w.ROLES:
            return None
        if cand in w.PLACES or not all(is_han(c) and c not in w.NOT_GIVEN for c in cand):
            return None
        return cand if _right_ok(text, pos + 2, limit) else None

    # -- the subject of a clause

    def subject(
        self, text: str, start: int, limit: int, *, relaxed: bool = False, latin: bool = True
    ) -> tuple[list[str], str | None]:
        """(names, alias) of the clause text[start:limit]: the leftmost name, with the
        names joined to it by 、/和; else a short form standing first."""
        first = _skip_openers(text, start, limit)
        depth = 0
        for pos in range(first, limit - 1):
            ch = text[pos]
            if ch in "（(":
                depth += 1
            elif ch in "）)":
                depth = max(0, depth - 1)
            if depth:
                continue  # an aside: a dateline's reporters, a gloss, an age
            if pos != first and not _may_start_name(ch):
                continue
            if pos != first and not (_role_before(text, pos) if relaxed else _left_ok(text, pos)):
                continue  # a quote colon's name follows a listed role word or starts the clause
            if _role_before(text, pos + 1):
                continue  # the last character of a role word (主席, 省長), not a surname
            found = self.name_at(text, pos, limit, relaxed=relaxed, latin=latin)
            if found is None:
                continue
            name, end = found
            names = [name]
            while end < limit - 1 and text[end] in _AND_CHARS:
                more = self.name_at(text, end + 1, limit, latin=latin)
                if more is None:
                    break
                names.append(more[0])
                end = more[1]
            if relaxed and limit - end > _COLON_REACH:
                return [], None
            return names, None
        return [], self.alias_at(text, first, limit)

    # -- sites

    def scan(self, block: int, text: str, offset: int) -> None:
        for start, end, kind in _sites(text):
            self.attribute(block, text, start, end, kind=kind, offset=offset)

    def attribute(
        self, block: int, text: str, start: int, end: int, *, kind: str, offset: int
    ) -> None:
        if kind == _LABEL and len(text) - end < _LABEL_MIN_AFTER:
            return  # "今日焦點：" heads what follows; a speaker's label opens their turn
        clause = 0 if kind == _LABEL else _clause_start(text, start)
        first = _skip_openers(text, clause, start)
        if text.startswith("看来", start) or text.startswith("看來", start):
            if not text.startswith("在", first):
                return  # "看來" alone is "it seems"; "在他看來" is someone's view
            first += 1
        body = _skip_fillers(text, first, start)
        if (
            text.startswith(_PRONOUNS, body)
            and text[body + 1 : body + 2] not in ("们", "們", "人")
            and _right_ok(text, body + 1, start)
        ):
            self.pronouns.append((offset + body, block))
            self.near.add(block)
            return
        if body >= start and kind == _VERB and clause > 0 and text[clause - 1] in "，,":
            # "……就“光之城”進行了闡釋，表示": the subject is the previous clause's,
            # read up to its comma across any quoted words.
            prev = _clause_start(text, clause - 1, _COMMA_BREAKS)
            names, alias = self.subject(text, prev, clause - 1)
        else:
            names, alias = self.subject(
                text, first, start, relaxed=kind == _QUOTE, latin=kind == _VERB
            )
        for name in names:
            self.hits.setdefault(name, set()).add(block)
        if not names and alias:
            self.aliases.setdefault(alias, set()).add(block)
            self.near.add(block)
        for name in names:
            if len(name) <= 2 or all(c in w.TRANSLIT for c in name):
                self.near.add(block)  # perhaps a short form of a name said in full before

    # -- after the scan

    def mentions(self, texts: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
        """(position in the article, name) of every person named: a name of three or more
        characters at a name boundary, or any name after a role word or found speaking.

        Only read where a pronoun or a short form needs a person: in their block and the
        `_MENTION_BLOCKS_BACK` blocks before it.
        """
        wanted = {
            k - back
            for k, (block, _) in enumerate(texts)
            if block in self.near
            for back in range(_MENTION_BLOCKS_BACK + 1)
        }
        found: list[tuple[int, str]] = []
        offset = 0
        for k, (_, text) in enumerate(texts):
            size = len(text)
            if k not in wanted:
                offset += size + 1
                continue
            for pos in range(size - 1):
                ch = text[pos]
                if not _may_start_name(ch):
                    continue
                if not _left_ok(text, pos) or _role_before(text, pos + 1):
                    continue
                if pos and (text[pos - 1].isdigit() or (text[pos - 1].isalpha() and ch.isascii())):
                    continue  # "200萬千瓦": a number's unit, not a name
                got = self.name_at(text, pos, size, latin=True)
                if got and (
                    got[0] in self.hits
                    or _role_before(text, pos)
                    or (
                        len(got[0]) > 2
                        and got[0][0] not in w.WEAK_SURNAMES
                        and self.bounded_twice(got[0])
                    )
                ):
                    found.append((offset + pos, got[0]))
            offset += size + 1
        return found

    def bounded_twice(self, name: str) -> bool:
        """Whether `name` recurs, once at least with a name's right boundary after it:
        a person talked about, not a word that starts with a surname (連中國人種)."""
        if self.doc.count(name) < _RECUR_MIN:
            return False
        text, at = self.doc.text, self.doc.text.find(name)
        while at >= 0:
            end = at + len(name)
            if _right_ok(text, end, len(text)) and text[end : end + 1] not in _POSSESSIVE:
                return True
            at = text.find(name, end)
        return False

    def resolve_pronouns(self, mentions: list[tuple[int, str]]) -> None:
        """Give each 他說/她說 to the person named last before it (within reach)."""
        starts = [at for at, _ in mentions]
        for pos, block in self.pronouns:
            i = bisect.bisect_left(starts, pos) - 1
            if i >= 0 and pos - starts[i] <= _PRONOUN_REACH:
                self.hits.setdefault(mentions[i][1], set()).add(block)

    def merge_aliases(self, persons: set[str]) -> None:
        """Give each short form's blocks to the one full name it stands for ("思浩" ->
        "梁思浩", "漢森" -> "戴夫·漢森", "艾" -> "艾思奇"); short forms of nobody are dropped."""
        for alias, blocks in self.aliases.items():
            owners = {p for p in persons if _short_form(alias, p)}
            if not owners:
                owners = self._full_names_in_doc(alias)
            if len(owners) == 1:
                self.hits.setdefault(owners.pop(), set()).update(blocks)
        for name in list(self.hits):
            owners = {p for p in persons if _short_form(name, p, alone=False)}
            if not owners and all(c in w.TRANSLIT for c in name):
                owners = {p for p in self._full_names_in_doc(name) if _SEPARATOR_RE.search(p)}
            if len(owners) == 1:
                self.hits.setdefault(owners.pop(), set()).update(self.hits.pop(name))

    def _full_names_in_doc(self, alias: str) -> set[str]:
        """Full names in the article that `alias` is a short form of."""
        text = self.doc.text
        out: set[str] = set()
        if len(alias) == 1:  # a surname: only a person named elsewhere (see merge_aliases)
            return out
        at = text.find(alias)
        while at >= 0:
            cand = text[at - 1 : at + len(alias)] if at else ""
            if cand and valid_name(cand) and _left_ok(text, at - 1):
                out.add(cand)
            for m in _FOREIGN_RE.finditer(text, max(0, at - 9), at + len(alias) + 9):
                if _short_form(alias, m.group()):
                    out.add(m.group())
            at = text.find(alias, at + 1)
        return out


def _short_form(short: str, full: str, *, alone: bool = True) -> bool:
    """Whether `short` names the person `full`: a part of a foreign name, a given name, or
    (`alone`: a short form found by itself) a surname."""
    if short == full or len(short) >= len(full):
        return False
    parts = re.split(f"[{re.escape(_SEPARATORS)}]", full)
    if len(parts) > 1:
        return short in (parts[0], parts[-1])
    if len(full) == len(short) + 1 and full.endswith(short):
        return True
    return alone and len(short) == 1 and full.startswith(short) and valid_name(full)


def _clause_start(text: str, pos: int, breaks: frozenset[str] = _CLAUSE_BREAKS) -> int:
    i = pos
    while i > 0 and text[i - 1] not in breaks:
        i -= 1
    return i


def _sites(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of each place that attributes speech: a verb, a quote colon or
    a label colon at the start of the block."""
    for m in _VERB_RE.finditer(text):
        if m.start() and text[m.start() - 1] in _POSSESSIVE:
            continue  # a noun: "……的分析", "他的介紹"
        if m.group() in w.NOUNISH_VERBS and not _SPEECH_FOLLOWS_RE.match(text, m.end()):
            continue  # "實證分析為例", "預測模型": a noun unless speech follows
        if m.end() - m.start() == 1:
            prev = text[m.start() - 1] if m.start() else ""
            if prev in w.SHORT_VERB_NOT_AFTER or text[m.end() : m.end() + 1] in (
                w.SHORT_VERB_NOT_BEFORE
            ):
                continue
        yield m.start(), m.end(), _VERB
    for m in _COLON_RE.finditer(text):
        if text[m.start()] in "：:":
            yield m.start(), m.start() + 1, _QUOTE
        else:
            yield m.end() - 1, m.end(), _LABEL


def find_speakers(blocks: Sequence[Block], author: str | None) -> tuple[Speaker, ...]:
    """The people quoted in `blocks`, each with the blocks where they speak, in order of
    their first passage. `author` (the byline) is never a speaker."""
    texts: list[tuple[int, str]] = []
    budget = SCAN_MAX_CHARS
    for i, b in enumerate(blocks):
        if b.type in _SCANNED:
            budget -= len(b.text)
            if budget < 0:
                break
            texts.append((i, b.text))
    finder = _Finder(_Doc("\n".join(t for _, t in texts)))
    offset = 0
    for i, text in texts:
        finder.scan(i, text, offset)
        offset += len(text) + 1
    mentions = finder.mentions(texts)
    finder.resolve_pronouns(mentions)
    finder.merge_aliases({name for _, name in mentions} | set(finder.hits))
    if author:
        finder.hits.pop(author, None)
    result = [Speaker(name, tuple(sorted(idx))) for name, idx in finder.hits.items() if idx]
    return tuple(sorted(result, key=lambda s: (s.blocks[0], s.name)))
