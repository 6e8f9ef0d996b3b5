"""Names in running Chinese text: what a person's name looks like and where it starts
and ends.

A Chinese full name is a surname (single or compound, from `speaker_words`) and a given name
of one or two characters that given names use; a foreign name is a run of transcription
characters, its parts joined by a middle dot; a Latin-script name is one or two capitalised
words. A name starts at a left boundary (a role word, 的, 、, punctuation) and ends at a
right boundary (a verb of speech, a filler, a title, a bracket); when the text gives no
boundary, the article's recurrence of the name decides.
"""

from __future__ import annotations

import re

from reader.core import speaker_words as w
from reader.core.text import is_han, lazy_compile, words_pattern


class WordTable:
    """A word list read at a position of a text: the longest word of it that starts there."""

    __slots__ = ("_firsts", "_lengths", "_words")

    def __init__(self, words: frozenset[str]) -> None:
        self._words = words
        self._lengths = sorted({len(x) for x in words}, reverse=True)
        # The words' first characters: most positions are ruled out by one set lookup.
        self._firsts = frozenset(x[0] for x in words)

    def at(self, text: str, pos: int) -> int:
        """Length of the longest word that starts at `pos` (0 if none)."""
        if text[pos : pos + 1] not in self._firsts:
            return 0
        for k in self._lengths:
            if text[pos : pos + k] in self._words:
                return k
        return 0


#: Separators inside foreign names: the middle dot and its look-alikes, and "?" where a
#: page lost the dot to a wrong encoding ("斯蒂芬妮?席爾霍爾茨").
_SEPARATORS = "·•‧・･．.?"
#: Characters after which a name may start inside a clause: particles and conjunctions
#: ("的唐悅", "、李明", "據王芳"), and measure words ("一位", "兩名").
_LEFT_CHARS = frozenset("的之、和与與及跟同据據由让讓被给給将將把向对對位名")
#: Last characters of role words (宇航員, 船長, 律師, 作家, 選手, 學者, 法官, 檔主, 考生,
#: 護士, 職工, 漁民, 發言人, 助理, 果農): a name may start after one even when the role word
#: itself is not listed.
_ROLE_END_CHARS = frozenset("员員长長师師家手者官主生士工民人理农農")
#: One-character fillers a name may end before ("李明則說", "王芳也表示").
_RIGHT_CHARS = frozenset("在则則也还還更又亦就仍曾均都再却卻便即并並对對向跟和与與同等")
#: Particles that make a name a possessor, not a subject ("丈夫秦昊的減肥方法：").
POSSESSIVE = ("的", "之")
#: A person named this many times, always with the same characters after the first two,
#: has a proven right boundary (a three-character name is not a two-character one plus a
#: word) even where the text after it is no boundary word.
_RECUR_MIN = 2
#: Chinese full names have at most this many characters without a compound surname; a
#: longer run of transliteration characters is a foreign name.
_CHINESE_MAX = 3
_ROLE_LENGTHS = sorted({len(x) for x in w.ROLES}, reverse=True)
#: Last characters of role words: a role word ends before `pos` only if one stands at
#: `pos - 1`, which rules out most positions at the cost of one set lookup.
_ROLE_LAST_CHARS = frozenset(x[-1] for x in w.ROLES)
#: Titles that may follow a name ("洪教授說"); not every role word: "萬千網友紛紛表示".
_TITLES = WordTable(w.TITLES_AFTER)
#: Words between a name and its verb (`speaker_words.FILLERS`).
FILLERS = WordTable(w.FILLERS)
#: "When doing something" between a name and its verb: a short phrase ending in 時.
_WHEN_RE = lazy_compile("[\u4e00-\u9fff]{1,5}?[时時]")
#: A verb of speech (a name may end right before one).
VERB_RE = lazy_compile(words_pattern(w.SPEECH_VERBS))
_TRANSLIT = "".join(sorted(w.TRANSLIT))
_FOREIGN_RE = lazy_compile(
    f"[{_TRANSLIT}]{{1,8}}(?:[{re.escape(_SEPARATORS)}][{_TRANSLIT}]{{1,8}})+"
)
SEPARATOR_RE = lazy_compile(f"[{re.escape(_SEPARATORS)}]")
_TRANSLIT_RUN_RE = lazy_compile(f"[{_TRANSLIT}]{{3,10}}")
_TRANSLIT_PAIR_RE = lazy_compile(f"[{_TRANSLIT}]{{2}}")
#: A run of transcription characters glossed by its Latin spelling in a bracket: a foreign
#: name however short ("密爾(John S. Mill)", "哈里斯（Sydney Harris）", "福山(Francis
#: Fukuyama)": one character of the run may be outside the table).
_GLOSSED_RE = lazy_compile("[\u4e00-\u9fff]{2,10}(?=\\s*[（(]\\s*[A-Z][a-z])")
_GLOSSED_OTHER_MAX = 1
#: Words that introduce a name in apposition ("一位名叫德勒斯的犬儒派說"): the name ends
#: before the 的 that joins it to its noun.
NAMED_AS = ("名叫", "叫做", "名为", "名為", "名唤", "名喚")
_NAMED_AS_RE = lazy_compile(r"([^\s，。、的（(]{2,12}?)(?:\s*[（(][^）)]{0,30}[）)])?的")
#: A Latin-script name: one or two capitalised words (Jenny, Robin Winks); three or more
#: are a title or a firm.
_LATIN_RE = lazy_compile(r"[A-Z][a-z]+(?:[ ·.\-]?[A-Z][a-z]+)?(?![ ·.\-]?[A-Za-z])")
#: A date or time of day: it may open a clause or stand between a name and its verb.
DATE_RE = lazy_compile(r"(?:\d{1,4}年)?(?:\d{1,2}月)?\d{1,2}[日号號]|[上下]午|当地时间|當地時間")


def _surname_len(cand: str) -> int:
    if cand[:2] in w.COMPOUND_SURNAMES:
        return 2
    return 1 if cand[:1] in w.SINGLE_SURNAMES else 0


#: Words that make a surname before them a partial name (`title_follows_surname`).
_TITLES_OR_ROLES = w.TITLES_AFTER | w.ROLES


def title_follows_surname(text: str, pos: int) -> bool:
    """Whether the surname at `pos` is followed by a title: "劉先生", "金醫生" name nobody in
    full (a partial name), so no name starts there."""
    return (
        text[pos + 1 : pos + 3] in _TITLES_OR_ROLES or text[pos + 1 : pos + 4] in _TITLES_OR_ROLES
    )


def valid_name(cand: str) -> bool:
    """Whether `cand` can be a Chinese full name: a surname, a given name of one or two
    characters that names use, and not an everyday word."""
    n = _surname_len(cand)
    given = cand[n:]
    if not n or not 1 <= len(given) <= 2 or cand in w.NOT_NAMES or cand in w.ROLES:
        return False
    if given in w.TITLES_AFTER or given in w.ROLES or cand[:2] in w.NOT_NAMES:
        return False  # a surname and a title ("毛主席", "王教授"), or a word and more ("古人云")
    for c in given:  # a plain loop: all() and its generator cost more here
        if not is_han(c) or c in w.NOT_GIVEN:
            return False
    return cand[-1] not in w.ORG_SUFFIX_CHARS and cand[-1] not in w.NOT_LAST


class Doc:
    """The article's scanned text, with counts of short strings (computed once each)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._counts: dict[str, int] = {}

    def count(self, key: str) -> int:
        n = self._counts.get(key)
        if n is None:
            n = self._counts[key] = self.text.count(key)
        return n


def role_before(text: str, pos: int) -> bool:
    # A plain loop: called for every name candidate, where any() and its generator cost
    # more than the lookups.
    if not pos or text[pos - 1] not in _ROLE_LAST_CHARS:
        return False
    roles = w.ROLES
    for k in _ROLE_LENGTHS:  # noqa: SIM110 - see above
        if pos >= k and text[pos - k : pos] in roles:
            return True
    return False


def may_start_name(ch: str) -> bool:
    """Whether a name can start with `ch`: a surname, a transcription character or a
    capital (checked first: it rules out most characters at the cost of a set lookup)."""
    return ch in w.SINGLE_SURNAMES or ch in w.TRANSLIT or ("A" <= ch <= "Z")


#: The characters `may_start_name` accepts, as one class: a text's candidates are found in
#: one regex pass instead of one call per character.
NAME_START_RE = re.compile(
    "[" + "".join(sorted(re.escape(c) for c in w.SINGLE_SURNAMES | w.TRANSLIT)) + "A-Z]"
)


def left_ok(text: str, pos: int) -> bool:
    """Whether a name may start at `pos` in the middle of a clause."""
    if pos == 0:
        return True
    prev = text[pos - 1]
    if prev in _SEPARATORS and pos >= 2 and is_han(text[pos - 2]):
        return False  # the second half of a foreign name ("史蒂文·溫伯格")
    if not is_han(prev):
        return not (prev.isascii() and prev.isalpha())
    return prev in _LEFT_CHARS or prev in _ROLE_END_CHARS or role_before(text, pos)


def right_ok(text: str, end: int, limit: int, *, title: bool = True) -> bool:
    """Whether a name may end at `end`, the verb or colon being at `limit`.

    A title after the name counts only when a boundary follows it in turn: in
    "洪教授說" the name ends before 教授, in "蘇豪副總裁丁海說" 蘇豪 is no name.
    """
    if end >= limit:
        return True
    ch = text[end]
    if not is_han(ch):
        return ch not in _SEPARATORS
    if ch in _RIGHT_CHARS or VERB_RE.match(text, end):
        return True
    if FILLERS.at(text, end):
        return True
    if title and (k := _TITLES.at(text, end)):
        return right_ok(text, end + k, limit, title=False)
    when = _WHEN_RE.match(text, end, limit)  # "質詢時直言", "受訪時說"
    if when and (when.end() == limit or right_ok(text, when.end(), limit, title=False)):
        return True
    return DATE_RE.match(text, end) is not None


class NameReader:
    """Reads names in the texts of one article (`doc`: the article's text, for recurrence)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

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
                and right_ok(text, m.end(), limit)
                and m.group().split()[0] not in w.LATIN_NOT_NAMES
                and self.doc.count(m.group().upper()) == 0  # "Nasa" of "NASA": a body
            ):
                return m.group(), m.end()
            return None
        m = _GLOSSED_RE.match(text, pos, limit)
        if (
            m
            and m.group() not in w.PLACES
            and sum(c not in w.TRANSLIT for c in m.group()) <= _GLOSSED_OTHER_MAX
            and may_start_name(ch)
        ):
            return m.group(), m.end()
        if ch in w.SINGLE_SURNAMES and ch not in w.TRANSLIT:
            # "狄奧根尼回答說": a surname character heading a transcription run is the first
            # syllable of a foreign name longer than any Chinese one.
            run = _TRANSLIT_RUN_RE.match(text, pos + 1, limit)
            if run and text[pos : run.end()] not in w.PLACES:
                for end in range(run.end(), max(pos + _CHINESE_MAX, run.end() - 2), -1):
                    if right_ok(text, end, limit):
                        return text[pos:end], end
        translit = ch in w.TRANSLIT  # both foreign-name patterns below start with one
        m = _FOREIGN_RE.match(text, pos, limit) if translit else None
        if m:
            name = m.group()
            # "戴夫·漢森特別強調": the run may take the start of the next word.
            for cut in range(3):
                end = m.end() - cut
                if text[end - 1] in _SEPARATORS:
                    break
                if right_ok(text, end, limit):
                    return name[: len(name) - cut], end
        run = _TRANSLIT_RUN_RE.match(text, pos, limit) if translit else None
        if run and run.group() in w.PLACES:
            run = None
        if run and len(run.group()) > _CHINESE_MAX:
            # "勃烈日涅夫當年曾說": the run may take the start of the next word.
            for end in range(run.end(), max(pos + _CHINESE_MAX, run.end() - 2), -1):
                if right_ok(text, end, limit):
                    return text[pos:end], end
        # A Chinese name is its surname and one or two given characters: only those two
        # sizes are tried (no surname, no Chinese name; "劉先生" is a partial name).
        surname = _surname_len(text[pos : pos + 2])
        partial = surname > 0 and title_follows_surname(text, pos)
        for size in (surname + 2, surname + 1) if surname and not partial else ():
            cand = text[pos : pos + size]
            if len(cand) < size or pos + size > limit or not valid_name(cand):
                continue
            if cand[0] in w.WEAK_SURNAMES and not (
                role_before(text, pos)
                or ((pos == 0 or not is_han(text[pos - 1])) and self.doc.count(cand) >= _RECUR_MIN)
            ):
                continue  # "由於道路", "連中國": the surname is part of the word before
            if size == 3 and cand[-1] in _RIGHT_CHARS:
                continue  # "賈玲曾強調": a filler, not a third character
            if not right_ok(text, pos + size, limit) and not self.recurs(
                cand, text[pos + size : pos + size + 1]
            ):
                continue
            if size == 3 and self.two_wins(cand):
                # "賈玲唱：“": a name seen elsewhere, and a word (asked last: it counts
                # in the whole article).
                continue
            return cand, pos + size
        if relaxed and not partial:
            # A quote colon: "總經理彭學舟信心滿滿：“", three characters unless the first two
            # recur more often; never a name followed by 的 (the colon is not theirs).
            two, three = text[pos : pos + 2], text[pos : pos + 3]
            if (
                valid_name(three)
                and text[pos + 3 : pos + 4] not in POSSESSIVE
                and self.doc.count(two) <= self.doc.count(three)
            ):
                return three, pos + 3
            if (
                valid_name(two)
                and text[pos + 2 : pos + 3] not in POSSESSIVE
                and (self.doc.count(two) >= _RECUR_MIN or right_ok(text, pos + 2, limit))
            ):
                return two, pos + 2
        if run and right_ok(text, run.end(), limit):
            return run.group(), run.end()
        return None

    def named_as(self, text: str, pos: int, limit: int) -> tuple[str, int] | None:
        """The name after 名叫 at `pos`, up to the 的 of its noun ("名叫瓦連京·圖爾欽的異議
        人士"), when it is shaped like a name."""
        if not text.startswith(NAMED_AS, max(0, pos - 2)) or pos < 2:
            return None
        m = _NAMED_AS_RE.match(text, pos, limit)
        if m is None:
            return None
        cand = m.group(1)
        if (
            valid_name(cand)
            or _FOREIGN_RE.fullmatch(cand)
            or _TRANSLIT_RUN_RE.fullmatch(cand)
            or _LATIN_RE.fullmatch(cand)
        ):
            return cand, pos + len(cand)
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
            if text[end : end + 1] != three[2] and right_ok(text, end, len(text)):
                return True
            at = text.find(two, end)
        return False

    def alias_at(self, text: str, pos: int, limit: int) -> str | None:
        """A short form at `pos`, to be merged into a full name named elsewhere: part of a
        foreign name (漢森, 勞倫斯), a given name alone (思浩), a surname alone (艾說)."""
        run = _TRANSLIT_RUN_RE.match(text, pos, limit) or _TRANSLIT_PAIR_RE.match(text, pos, limit)
        if run and right_ok(text, run.end(), limit):
            return run.group()
        if text[pos] in w.SINGLE_SURNAMES and VERB_RE.match(text, pos + 1, limit + 4):
            return text[pos]
        cand = text[pos : pos + 2]
        if len(cand) < 2 or pos + 2 > limit or cand in w.NOT_NAMES or cand in w.ROLES:
            return None
        if cand in w.PLACES or not all(is_han(c) and c not in w.NOT_GIVEN for c in cand):
            return None
        return cand if right_ok(text, pos + 2, limit) else None

    def bounded_twice(self, name: str) -> bool:
        """Whether `name` recurs, once at least with a name's right boundary after it:
        a person talked about, not a word that starts with a surname (連中國人種)."""
        if self.doc.count(name) < _RECUR_MIN:
            return False
        text, at = self.doc.text, self.doc.text.find(name)
        while at >= 0:
            end = at + len(name)
            if right_ok(text, end, len(text)) and text[end : end + 1] not in POSSESSIVE:
                return True
            at = text.find(name, end)
        return False

    def full_names_in_doc(self, alias: str) -> set[str]:
        """Full names in the article that `alias` is a short form of."""
        text = self.doc.text
        out: set[str] = set()
        if len(alias) == 1:  # a surname: only a person named elsewhere (see merge_aliases)
            return out
        at = text.find(alias)
        while at >= 0:
            cand = text[at - 1 : at + len(alias)] if at else ""
            if cand and valid_name(cand) and left_ok(text, at - 1):
                out.add(cand)
            for m in _FOREIGN_RE.finditer(text, max(0, at - 9), at + len(alias) + 9):
                if short_form(alias, m.group()):
                    out.add(m.group())
            at = text.find(alias, at + 1)
        return out


def dotted_at(text: str, pos: int) -> tuple[str, int] | None:
    """A foreign name with its parts joined by a middle dot, whole, at `pos`: a person by
    its shape wherever it stands ("漢娜·羅森把這座城市比作……")."""
    m = _FOREIGN_RE.match(text, pos)
    return (m.group(), m.end()) if m else None


def short_form(short: str, full: str, *, alone: bool = True) -> bool:
    """Whether `short` names the person `full`: a part of a foreign name, a given name, or
    (`alone`: a short form found by itself) a surname."""
    if short == full or len(short) >= len(full):
        return False
    parts = SEPARATOR_RE.split(full)
    if len(parts) > 1:
        return short in (parts[0], parts[-1])
    if len(full) == len(short) + 1 and full.endswith(short):
        return True
    return alone and len(short) == 1 and full.startswith(short) and valid_name(full)
