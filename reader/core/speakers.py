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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from reader.core import names as nm
from reader.core import speaker_words as w
from reader.core.article import Block, BlockType, Speaker
from reader.core.text import lazy_compile, words_pattern

#: Blocks whose text can attribute speech (headings, captions and images cannot).
_SCANNED = (BlockType.PARAGRAPH, BlockType.QUOTE, BlockType.LIST_ITEM)
#: Speakers are looked for in the first this many characters of the body: far more than
#: any article (a long feature is 20,000), and it keeps a 50 MB page from spending seconds
#: on a list nobody can use.
SCAN_MAX_CHARS = 2_000_000
#: Characters that end a clause: the subject of a verb is looked for after the last one.
#: ("?" is left out: between Han characters it is a middle dot lost to an encoding.)
_CLAUSE_BREAKS = frozenset('，。；！？,;!“”‘’「」『』"：:…\n')
#: Clause breaks when quoted words may stand inside the clause (the previous clause).
_COMMA_BREAKS = frozenset("，。；！？,;!：:\n")
#: A label colon opens a speaker's turn only when at least this much text follows it in
#: the block (a label alone on its line heads a box or a list).
_LABEL_MIN_AFTER = 4
#: A label colon opens a speaker's turn only when a sentence or clause mark follows it:
#: "孫豐：巴黎舉行座談會" is a byline-and-title line, not a turn.
_LABEL_TURN_RE = lazy_compile(r"[。！？!?…，,；;]")
#: Last characters of `names.NAMED_AS` ("名叫"): where an appositive name may start.
_NAMED_AS_ENDS = frozenset(x[-1] for x in nm.NAMED_AS)
#: A quoted span this short right before a verb's clause is a title, not speech: the
#: clause reads across it ("在“清華大學論壇”上表示").
_TITLE_QUOTE_MAX = 30
#: What introduces a person right after their name ("……是一名護士"): the name is a
#: person's, for a later 他說/她說.
_INTRODUCERS = ("是一名", "是一位", "是位", "是个", "是個")
#: Kinds of attribution site.
_VERB, _QUOTE, _LABEL = "verb", "quote", "label"
#: Conjunctions joining two speakers of one verb ("李明和王芳表示").
_AND_CHARS = frozenset("、和与與及")
#: After a verb of `speaker_words.NOUNISH_VERBS`: what makes it a verb of speech (a
#: sentence's end too: "……負責人文佳琪這樣解釋。").
_SPEECH_FOLLOWS_RE = lazy_compile(r"\s*(?:[，,：:“「『。！？]|[说說称稱道]|表示|认为|認為|指出)")
#: A pronoun subject: the speech goes to the last person named.
_PRONOUNS = ("他", "她")
#: People named are looked for in a pronoun's block and this many blocks before it.
_MENTION_BLOCKS_BACK = 2
#: Pronoun resolution looks back at most this many characters for the person named: about
#: two paragraphs, beyond which "他" is as likely someone left unnamed.
_PRONOUN_REACH = 600
#: A quote colon is attributed when the name stands at most this many characters before it
#: ("彭學舟信心滿滿：“"): a manner phrase, not a second clause.
_COLON_REACH = 8

_OPENERS = nm.WordTable(w.OPENERS)
_ROLE_RE = lazy_compile(words_pattern(w.ROLES))
_BREAK_RE = lazy_compile("[，。；！？,;!“”「」『』]")
#: A quote colon ("：“") anywhere, or a label colon at the start of a block: a name,
#: perhaps with a bracket ("馬金鵬（14歲）："), then the colon.
_COLON_RE = lazy_compile(r"[：:]\s*[“「『\"]|^[^：:，。（(]{2,12}(?:[（(][^）)]{0,20}[）)])?[：:]")


def _skip_openers(text: str, pos: int, limit: int) -> int:
    """Skip conjunctions, time words and dates at the start of a clause."""
    while pos < limit:
        if text[pos] in " \u3000":
            pos += 1
            continue
        k = _OPENERS.at(text, pos)
        if not k and (m := nm.DATE_RE.match(text, pos)):
            k = m.end() - pos
        if not k:
            return pos
        pos += k
    return pos


def _skip_fillers(text: str, pos: int, limit: int) -> int:
    while pos < limit:
        k = nm.FILLERS.at(text, pos)
        if not k:
            return pos
        pos += k
    return pos


@dataclass(slots=True)
class _Finder:
    names: nm.NameReader
    #: name -> blocks where it speaks
    hits: dict[str, set[int]] = field(default_factory=dict)
    #: (position in doc, block) of 他說/她說
    pronouns: list[tuple[int, int]] = field(default_factory=list)
    #: short forms (a given name alone, a foreign surname alone) -> blocks
    aliases: dict[str, set[int]] = field(default_factory=dict)
    #: blocks with a pronoun or a short form: where people named are looked for
    near: set[int] = field(default_factory=set)

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
            if text[pos - 1 : pos] in _NAMED_AS_ENDS and (
                named := self.names.named_as(text, pos, limit)
            ):
                return [named[0]], None
            if pos != first and not nm.may_start_name(ch):
                continue
            if pos != first and not (
                nm.role_before(text, pos) if relaxed else nm.left_ok(text, pos)
            ):
                continue  # a quote colon's name follows a listed role word or starts the clause
            if nm.role_before(text, pos + 1):
                continue  # the last character of a role word (主席, 省長), not a surname
            found = self.names.name_at(text, pos, limit, relaxed=relaxed, latin=latin)
            if found is None:
                continue
            name, end = found
            names = [name]
            while end < limit - 1 and text[end] in _AND_CHARS:
                more = self.names.name_at(text, end + 1, limit, latin=latin)
                if more is None:
                    break
                names.append(more[0])
                end = more[1]
            if relaxed and limit - end > _COLON_REACH:
                return [], None
            return names, None
        return [], self.names.alias_at(text, first, limit)

    # -- sites

    def scan(self, block: int, text: str, offset: int) -> None:
        for start, end, kind in _sites(text):
            self.attribute(block, text, start, end, kind=kind, offset=offset)

    def attribute(
        self, block: int, text: str, start: int, end: int, *, kind: str, offset: int
    ) -> None:
        if kind == _LABEL and (
            len(text) - end < _LABEL_MIN_AFTER or not _LABEL_TURN_RE.search(text, end)
        ):
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
            and nm.right_ok(text, body + 1, start)
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
            opened = text.rfind("“", 0, clause)
            if (
                not names
                and kind == _VERB
                and clause > 0
                and text[clause - 1] == "”"
                and 0 <= clause - opened <= _TITLE_QUOTE_MAX
            ):
                # "教授尹稚在“某某論壇”上表示": the quote names an event; the subject is
                # before it.
                prev = _clause_start(text, opened, _COMMA_BREAKS)
                names, alias = self.subject(text, prev, start)
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
            for m in nm.NAME_START_RE.finditer(text, 0, size - 1):
                pos, ch = m.start(), m.group()
                if not nm.left_ok(text, pos) or nm.role_before(text, pos + 1):
                    continue
                if pos and (text[pos - 1].isdigit() or (text[pos - 1].isalpha() and ch.isascii())):
                    continue  # "200萬千瓦": a number's unit, not a name
                got = (
                    self.names.name_at(text, pos, size, latin=True)
                    or _introduced(text, pos)
                    or nm.dotted_at(text, pos)
                )
                if got and (
                    got[0] in self.hits
                    or nm.role_before(text, pos)
                    or nm.SEPARATOR_RE.search(got[0]) is not None  # "漢娜·阿倫特": by its shape
                    or text.startswith(_INTRODUCERS, pos + len(got[0]))
                    or (
                        len(got[0]) > 2
                        and got[0][0] not in w.WEAK_SURNAMES
                        and self.names.bounded_twice(got[0])
                    )
                ):
                    found.append((offset + pos, got[0]))
            offset += size + 1
        return found

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
            owners = {p for p in persons if nm.short_form(alias, p)}
            if not owners:
                owners = self.names.full_names_in_doc(alias)
            if len(owners) == 1:
                self.hits.setdefault(owners.pop(), set()).update(blocks)
        for name in list(self.hits):
            owners = {p for p in persons if nm.short_form(name, p, alone=False)}
            if not owners and all(c in w.TRANSLIT for c in name):
                owners = {
                    p for p in self.names.full_names_in_doc(name) if nm.SEPARATOR_RE.search(p)
                }
            if len(owners) == 1:
                self.hits.setdefault(owners.pop(), set()).update(self.hits.pop(name))


def _introduced(text: str, pos: int) -> tuple[str, int] | None:
    """A name introduced as a person ("樊曉婷是一名兒科護士"): someone a later 她說 may
    point back to, though named only once."""
    for k in (3, 2):
        cand = text[pos : pos + k]
        if text.startswith(_INTRODUCERS, pos + k) and nm.valid_name(cand):
            return cand, pos + k
    return None


def _clause_start(text: str, pos: int, breaks: frozenset[str] = _CLAUSE_BREAKS) -> int:
    i = pos
    while i > 0 and text[i - 1] not in breaks:
        i -= 1
    return i


def _sites(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of each place that attributes speech: a verb, a quote colon or
    a label colon at the start of the block."""
    for m in nm.VERB_RE.finditer(text):
        if m.start() and text[m.start() - 1] in nm.POSSESSIVE:
            continue  # a noun: "……的分析", "他的介紹"
        if (
            m.group() in w.NOUNISH_VERBS
            and not _SPEECH_FOLLOWS_RE.match(text, m.end())
            and not _name_ends_at(text, m.start())
        ):
            continue  # "實證分析為例", "預測模型": a noun unless speech follows or a name leads
        if m.end() - m.start() == 1:
            prev = text[m.start() - 1] if m.start() else ""
            if prev in w.SHORT_VERB_NOT_AFTER or text[m.end() : m.end() + 1] in (
                w.SHORT_VERB_NOT_BEFORE
            ):
                continue
        yield m.start(), m.end(), _VERB
    if "：" not in text and ":" not in text:
        return  # no colon site: a quick test, where the colon pattern tries every position
    for m in _COLON_RE.finditer(text):
        if text[m.start()] in "：:":
            yield m.start(), m.start() + 1, _QUOTE
        else:
            yield m.end() - 1, m.end(), _LABEL


def _name_ends_at(text: str, end: int) -> bool:
    """Whether a name stands right before `end` ("吳榮達提醒消費者": 提醒 is a verb)."""
    return any(
        end >= k
        and nm.valid_name(text[end - k : end])
        and nm.left_ok(text, end - k)
        and text[end - k - 1 : end - k] not in nm.POSSESSIVE  # "……之關連分析"
        for k in (3, 2, 4)
    )


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
    finder = _Finder(nm.NameReader(nm.Doc("\n".join(t for _, t in texts))))
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
