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
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import chain

from reader.core import heuristics as h
from reader.core.article import Block, BlockType, Removal
from reader.core.flatten import Raw


@dataclass(frozen=True, slots=True)
class Family:
    """One watermark: variants of one injected run.

    Attributes:
        text: a representative occurrence, as the page shows it (zero-width characters
            dropped).
        count: how many paragraphs carried it.
        variants: every occurrence seen, normalised (see `normalize`), longest first.
    """

    text: str
    count: int
    variants: tuple[str, ...]


class _FoldTable(dict[int, str]):
    """Each character as `normalize` folds it (NFKC, lower case, zero-width dropped),
    computed once per character met: `str.translate` then folds a text at C speed."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = "" if ch in h.WATERMARK_ZERO_WIDTH else unicodedata.normalize("NFKC", ch).lower()
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """`text` as `normalize` gives it, without the map back (what detection needs)."""
    plain = unicodedata.normalize("NFKC", text).lower()
    if len(plain) == len(text) and not h.WATERMARK_ZW_RE.search(text):
        return plain
    return text.translate(_FOLD)


def normalize(text: str) -> tuple[str, list[int]]:
    """`text` in the form marks are compared in, and for each of its characters the index
    of the original character it came from."""
    plain = unicodedata.normalize("NFKC", text).lower()
    if len(plain) == len(text) and not h.WATERMARK_ZW_RE.search(text):
        return plain, list(range(len(text)))
    pieces = [_FOLD[ord(ch)] for ch in text]
    index = [i for i, p in enumerate(pieces) for _ in range(len(p))]
    return "".join(pieces), index


@dataclass(slots=True)
class _Occurrence:
    para: int
    start: int
    end: int
    grams: set[str]


def find_families(texts: Sequence[str]) -> list[Family]:
    """The watermark families injected into `texts` (paragraphs), most frequent first."""
    paras = [fold(t[: h.WATERMARK_MAX_CHARS]) for t in texts[: h.WATERMARK_MAX_PARAS]]
    sample = "".join(paras)[: h.WATERMARK_SCRIPT_SAMPLE]
    cjk = sum(map(len, h.WATERMARK_CJK_RUN_RE.findall(sample)))  # runs: fewer strings
    if cjk < h.WATERMARK_MIN_CJK_SHARE * len(sample):
        return []  # a Latin-script page repeats its topic's words; farms here are Chinese
    candidates = [i for i, t in enumerate(paras) if len(t) >= h.WATERMARK_GRAM]
    # The share is of paragraphs that read as sentences: a list of headlines beside the
    # article carries no mark and must not dilute it.
    prose = sum(1 for i in candidates if h.WATERMARK_PROSE_RE.search(paras[i]))
    need = max(h.WATERMARK_MIN_PARAGRAPHS, int(h.WATERMARK_MIN_SHARE * prose + 0.999))
    if len(candidates) < need:
        return []
    gram = h.WATERMARK_GRAM
    grams = {
        i: {paras[i][j : j + gram] for j in range(len(paras[i]) - gram + 1)} for i in candidates
    }
    df = Counter(chain.from_iterable(grams.values()))  # one count over all paragraphs
    found = _find(texts, paras, candidates=candidates, grams=grams, df=df, need=need, prose=prose)
    if found or len(candidates) > h.WATERMARK_SHORT_MAX_PARAS:
        return found
    # A short article may carry a mark on two paragraphs only: it is taken when its
    # shape proves it (a domain, brackets, or a code or suffix that varies).
    return [
        f
        for f in _find(
            texts,
            paras,
            candidates=candidates,
            grams=grams,
            df=df,
            need=h.WATERMARK_SHORT_NEED,
            prose=prose,
        )
        if _proven(f)
    ]


def _proven(family: Family) -> bool:
    """Whether a family seen on few paragraphs is a mark by its shape alone."""
    runs = family.variants
    return (
        all(h.WATERMARK_DOMAIN_RE.search(r) for r in runs)
        or all(r[:1] in h.WATERMARK_OPENING and r[-1:] in h.WATERMARK_CLOSING for r in runs)
        or (len(runs) >= 2 and all(len(h.WATERMARK_CJK_RE.findall(r)) >= 4 for r in runs))
    )


def _find(
    texts: Sequence[str],
    paras: list[str],
    *,
    candidates: list[int],
    grams: dict[int, set[str]],
    df: Counter[str],
    need: int,
    prose: int,
) -> list[Family]:
    """The families of runs that recur in `need` paragraphs or more (see find_families)."""
    # A gram across a sentence's end would chain a mark to the sentence before it
    # ("服務。" ending three paragraphs before the mark).
    # Nor is a gram of digits and characters ("握20" before "2024年"): dates and counts
    # are the article's, and a farm's digits are in its domain.
    frequent = {
        g
        for g, n in df.items()
        if n >= need
        and h.WATERMARK_CORE_RE.search(g)
        and not _has_end(g)
        and not (_DIGIT_RE.search(g) and h.WATERMARK_CJK_RE.search(g))
    }
    if not frequent:
        return []
    # Only paragraphs that hold a recurring gram are scanned for runs of them.
    occurrences = [
        occ
        for i in candidates
        if not grams[i].isdisjoint(frequent)
        for occ in _occurrences(i, paras[i], grams[i] & frequent)
    ]
    groups = _group(occurrences)
    # Where recurring runs of the length of a slogan start: a site name and a colon
    # before one is a mark's, not a speaker's label.
    slogans = {
        (o.para, o.start) for o in occurrences if not _fragment(paras[o.para][o.start : o.end])
    }
    verdicts = [_is_mark(members, paras, need, prose, df, slogans=slogans) for members in groups]
    accepted = [m for m, ok in zip(groups, verdicts, strict=True) if ok]
    accepted += _beside(
        accepted, [m for m, ok in zip(groups, verdicts, strict=True) if not ok], paras
    )
    for members in accepted:
        for occ in members:
            _to_paragraph_end(occ, paras[occ.para])
    _join_neighbours(accepted, paras)
    # A family absorbed into another by joining keeps only its strays: they are dropped
    # with it ("邊的小" of a slogan, left in "河邊的小館子").
    found = [
        _family(members, paras, texts)
        for members in accepted
        if len({o.para for o in members}) >= need
    ]
    return sorted(found, key=lambda f: -f.count)


def _occurrences(para: int, text: str, grams: set[str]) -> list[_Occurrence]:
    """Runs of recurring n-grams (`grams`, those of the paragraph that recur) in one
    paragraph."""
    gram = h.WATERMARK_GRAM
    at: list[int] = []
    for g in grams:
        pos = text.find(g)
        while pos >= 0:
            at.append(pos)
            pos = text.find(g, pos + 1)
    at.sort()
    out = []
    i, n = 0, len(at)
    while i < n:
        j = at[i]
        k = i + 1
        while k < n and at[k] == at[k - 1] + 1:
            k += 1
        end = at[k - 1] + gram
        # The sentence's own punctuation around a run is not part of the mark.
        start = j
        while start < end and text[start] in h.WATERMARK_EDGE_PUNCT:
            start += 1
        stop = end
        while stop > start and text[stop - 1] in h.WATERMARK_EDGE_PUNCT:
            stop -= 1
        stop = _before_label(text, start, stop)
        for lo, hi in _at_domain_ends(text, start, stop):
            # The family is known by the grams of the run as kept (a label cut off it
            # must not tie the mark to every line the label opens).
            kept = {text[x : x + gram] for x in range(lo, hi - gram + 1)} & grams
            if kept:
                out.append(_Occurrence(para, lo, hi, kept))
        # The next run starts after this one's last gram.
        while k < n and at[k] < end:
            k += 1
        i = k
    return out


def _at_domain_ends(text: str, start: int, stop: int) -> list[tuple[int, int]]:
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


def _before_label(text: str, start: int, stop: int) -> int:
    """Where a run ends when it closes with a speaker's label ("李金澤：" after a mark in
    an interview recurs too, but is the article's)."""
    if stop - start <= 1 or text[stop - 1] != ":":
        return stop
    j = stop - 1
    while (
        j > start and stop - 1 - j < h.WATERMARK_MAX_LABEL and h.WATERMARK_CJK_RE.match(text[j - 1])
    ):
        j -= 1
    return j if j - start >= h.WATERMARK_MIN_CORE_CHARS else stop


_DIGIT_RE = re.compile("[0-9]")


def _has_end(text: str) -> bool:
    return any(c in h.WATERMARK_SENTENCE_END for c in text)


def _group(occurrences: list[_Occurrence]) -> list[list[_Occurrence]]:
    """Occurrences that share an n-gram belong to one family."""
    parent: dict[str, str] = {}

    def root(g: str) -> str:
        while parent.setdefault(g, g) != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for occ in occurrences:
        grams = iter(occ.grams)
        first = root(next(grams))
        for g in grams:
            r = root(g)
            if r != first:
                parent[r] = first
    groups: dict[str, list[_Occurrence]] = {}
    for occ in occurrences:
        groups.setdefault(root(next(iter(occ.grams))), []).append(occ)
    return list(groups.values())


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _shared_length(own: str, window: str) -> int:
    """Length of the longest start of `own` found anywhere in `window`."""
    # Every start of a start found is found too: the length is searched by halves.
    lo, hi = 0, len(own)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if own[:mid] in window:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _shared_growth(
    own: str,
    windows: list[str],
    *,
    suffix: bool = True,
    df: Counter[str] | None = None,
    family: int = 0,
    pool: str = "",
) -> int:
    """How far `own` (the text after an occurrence) runs on as text found around the
    other occurrences (each window is one occurrence and the text after it: the runs of
    recurring n-grams end at different places in a slogan).

    The longest run shared with another occurrence is taken, unless a shorter one is
    shared by more of them and the longer only adds a character or two: that is two
    sentences after the mark that happen to open with the same word ("但").
    """
    if not own:
        return 0
    first = own[0]
    reach = [_shared_length(own, w) if first in w else 0 for w in windows]
    lengths = sorted(reach, reverse=True)
    if not lengths or lengths[0] == 0:
        return 0
    best = lengths[0]
    if len(lengths) > 1 and lengths[1] >= h.WATERMARK_MIN_CORE_CHARS and best - lengths[1] <= 2:
        best = lengths[1]
    # Text the article also has elsewhere is the article's: a name opening two of the
    # sentences after a mark ("沈望舒") stands in more paragraphs than the occurrences
    # that share it there, a slogan does not.
    if df is not None:
        # The peers compared are the nearest only: their count scales to the family's.
        scale = max(1.0, family / (len(windows) + 1))
        gram = h.WATERMARK_GRAM
        # From the end back: the article's text is where sharing stopped (a slogan may
        # hold a trigram the article has too, 「邊的小」 of 「河邊的小館子」).
        while best >= gram:
            sharing = (1 + sum(r >= best for r in reach)) * scale
            # All the family's windows (`pool`) count where the nearest are too few (a
            # slogan on six of thirty paragraphs, two of them near).
            sharing = max(sharing, pool.count(own[:best]))
            if df.get(own[best - gram : best], 0) <= sharing:
                break
            best -= gram
    # A number that is not part of a domain or code is the article's ("2024年").
    for m in range(best):
        if own[m].isdigit() and not (m and own[m - 1].isascii() and own[m - 1].isalnum()):
            best = m
            break
    shared = own[:best]
    if not shared:
        return 0
    words = len(h.WATERMARK_CORE_RE.findall(shared))
    # Two sentences after a mark may open with the same word or name ("周其仁", "記者："):
    # a shared run of letters and characters is taken when it is slogan-long, or when it
    # is one character and a joiner (「網——」 before a slogan); a joiner alone too.
    if 0 < words < h.WATERMARK_MIN_CORE_CHARS and not (
        suffix and words == 1 and shared[-1] in h.WATERMARK_SUFFIX_JOINERS
    ):
        return 0
    if not suffix and words:
        return 0  # before a mark comes its code (see _code_length) or the sentence's end
    if not words and any(c not in h.WATERMARK_JOINERS for c in shared):
        return 0  # a comma alone is the sentence's own
    return best


def _until_end(text: str) -> str:
    for i, c in enumerate(text):
        if c in h.WATERMARK_SENTENCE_END:
            return text[:i]
    return text


def _grow(members: list[_Occurrence], paras: list[str], df: Counter[str]) -> None:
    """Grow each occurrence over what the others share, its letter code and brackets."""
    after = [_until_end(paras[o.para][o.end : o.end + h.WATERMARK_MAX_GROW]) for o in members]
    before = [
        _until_end(paras[o.para][max(0, o.start - h.WATERMARK_MAX_GROW) : o.start][::-1])
        for o in members
    ]
    right = [paras[o.para][o.start : o.end] + a for o, a in zip(members, after, strict=True)]
    left = [paras[o.para][o.start : o.end][::-1] + b for o, b in zip(members, before, strict=True)]
    pool = "\n".join(right)
    for i, occ in enumerate(members):
        # Compared with the nearest occurrences only: a page with a mark on each of 400
        # paragraphs needs no more to see which slogans recur.
        near = [
            j
            for j in range(max(0, i - h.WATERMARK_GROW_PEERS), i + h.WATERMARK_GROW_PEERS + 1)
            if j != i
        ]
        near = [j for j in near if j < len(members) and members[j].para != occ.para]
        text = paras[occ.para]
        # Grown in steps: a joiner shared with some occurrences ("網——"), then the
        # slogan shared with others.
        for _ in range(3):
            ahead = _until_end(text[occ.end : occ.end + h.WATERMARK_MAX_GROW])
            windows = [right[j] for j in near]
            grown = _shared_growth(ahead, windows, df=df, family=len(members), pool=pool)
            if not grown and ahead[1:2]:
                # The site name's rotating suffix (「網：」 where others have 「站：」 or
                # none; 「網」 right before the slogan) is skipped to reach the slogan
                # they share.
                rest = _shared_growth(ahead[1:], windows, df=df, family=len(members), pool=pool)
                if ahead[1] in h.WATERMARK_SUFFIX_JOINERS:
                    grown = 1 + rest if rest > 1 else 0
                else:
                    words = len(h.WATERMARK_CORE_RE.findall(ahead[1 : 1 + rest]))
                    grown = 1 + rest if words >= h.WATERMARK_MIN_CORE_CHARS else 0
            # A domain ends a mark (see _at_domain_ends).
            grown = min(grown, _at_domain_ends(text, occ.start, occ.end + grown)[0][1] - occ.end)
            occ.end += max(0, grown)
            if grown <= 0:
                break
        for _ in range(3):
            back = text[max(0, occ.start - h.WATERMARK_MAX_GROW) : occ.start][::-1]
            grown = _shared_growth(_until_end(back), [left[j] for j in near], suffix=False)
            occ.start -= grown
            if not grown:
                break
    for occ in members:
        _dress(occ, paras[occ.para])
    _merge_overlaps(members)


def _merge_overlaps(members: list[_Occurrence]) -> None:
    """One occurrence for runs of one paragraph that grew into each other."""
    members.sort(key=lambda o: (o.para, o.start))
    merged: list[_Occurrence] = []
    for occ in members:
        last = merged[-1] if merged else None
        if last is not None and last.para == occ.para and occ.start <= last.end:
            last.end = max(last.end, occ.end)
            last.grams |= occ.grams
        else:
            merged.append(occ)
    members[:] = merged


def _dress(occ: _Occurrence, text: str) -> None:
    """Give an occurrence its letter code and its brackets."""
    if True:
        occ.start -= _code_length(text, occ.start)
        # Brackets around the run ("（霧松資訊）") are the mark's.
        opening = text[occ.start - 1 : occ.start]
        if opening and opening in h.WATERMARK_OPENING:
            close = h.WATERMARK_CLOSING[h.WATERMARK_OPENING.index(opening)]
            if text[occ.end : occ.end + 1] == close:
                occ.start -= 1
                occ.end += 1
            elif close in text[occ.start : occ.end]:
                occ.start -= 1
        run = text[occ.start : occ.end]
        if run and run[0] in h.WATERMARK_OPENING:
            close = h.WATERMARK_CLOSING[h.WATERMARK_OPENING.index(run[0])]
            if close not in run and text[occ.end : occ.end + 1] == close:
                occ.end += 1


def _code_length(text: str, start: int) -> int:
    """Length of a random code (letters, maybe digits) glued before position `start`."""
    j = start
    while j > 0 and start - j < h.WATERMARK_MAX_CODE + 1 and text[j - 1].isascii():
        if not text[j - 1].isalnum():
            break
        j -= 1
    code = text[j:start]
    alone = j == 0 or not (text[j - 1].isascii() and text[j - 1].isalnum())
    if alone and len(code) <= h.WATERMARK_MAX_CODE and any(c.isalpha() for c in code):
        return len(code)
    # Glued to a word or number ("Taobaoqgg", "6,323ube"): its last letters, if few.
    k = start
    while k > 0 and text[k - 1].isascii() and text[k - 1].isalpha():
        k -= 1
    return start - k if start - k <= h.WATERMARK_MAX_CODE else 0


def _may_be_delimited(text: str, start: int, end: int) -> bool:
    """Whether a run could still prove delimited once grown: what growing may add before
    it (a letter code, a bracket, joiners) set aside, it stands at the paragraph's start
    or after a sentence's end; or what follows it to the paragraph's end could be grown
    over."""
    left = text[:start].rstrip(h.WATERMARK_JOINERS + h.WATERMARK_OPENING)
    j = len(left)
    while (
        j > 0
        and len(left) - j < h.WATERMARK_MAX_CODE
        and left[j - 1].isascii()
        and left[j - 1].isalpha()
    ):
        j -= 1
    left = left[:j].rstrip()
    if not left or left[-1] in h.WATERMARK_SENTENCE_END or left[-1] in "”」』\"'":
        return True
    rest = text[end:]
    return len(rest) <= 3 * h.WATERMARK_MAX_GROW and not _has_end(rest)


def _hopeful(members: list[_Occurrence], paras: list[str]) -> int:
    """How many occurrences could still prove delimited once grown (see
    `_may_be_delimited`): a run right after another that could (the slogan after the site
    name and a rotating suffix, found apart) counts with it."""
    count = 0
    last: tuple[int, int, bool] = (-1, 0, False)  # paragraph, end, hopeful
    for o in sorted(members, key=lambda o: (o.para, o.start)):
        text = paras[o.para]
        ok = _may_be_delimited(text, o.start, o.end) or (
            last[0] == o.para
            and last[2]
            and o.start - last[1] <= h.WATERMARK_MAX_CODE
            and not _has_end(text[last[1] : o.start])
        )
        count += ok
        last = (o.para, o.end, ok)
    return count


def _delimited(text: str, start: int, end: int) -> bool:
    """True when the run text[start:end] is not part of a sentence: at a paragraph edge
    or after a sentence's end."""
    left = text[:start].rstrip()
    right = text[end:].lstrip()
    if not left or not right:
        return True
    return left[-1] in h.WATERMARK_SENTENCE_END or (
        left[-1] in "”」』\"'" and left[-2:-1] in tuple(h.WATERMARK_SENTENCE_END)
    )


def _is_mark(
    members: list[_Occurrence],
    paras: list[str],
    need: int,
    prose: int,
    df: Counter[str],
    *,
    slogans: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
) -> bool:
    """True when a family of recurring runs is injected text, not the article's own."""
    if len({o.para for o in members}) < need:
        return False
    # Cheap tests first (growing is the costly part): the core already shows in the
    # runs as found, and a family of Latin words is never a mark here.
    if not _core_grams(_per_paragraph(members, paras)):
        return False
    # A family is first tested as it stands: growing all of a term's hundreds of
    # occurrences costs a long page a tenth of a second, and most families of a page
    # without marks are its terms, inside sentences.
    raw = [paras[o.para][o.start : o.end] for o in members]
    domains = sum(bool(h.WATERMARK_DOMAIN_RE.search(r)) for r in raw)
    if domains < 0.5 * len(raw) and _hopeful(
        members, paras
    ) < h.WATERMARK_MIN_DELIMITED_SHARE * len(members):
        return False
    _grow(members, paras, df)
    # Fragments (".com" of a link) share an n-gram with the mark but are not it.
    members[:] = [o for o in members if not _fragment(paras[o.para][o.start : o.end])]
    if len({o.para for o in members}) < need:
        return False
    # Nearly all paragraphs hold one string of MIN_CORE_CHARS (the site name or the
    # domain; looked for per paragraph, where they may be two runs): runs chained by
    # shared n-grams through an article's sentences ("習近平強調，長三角區域要", a
    # caption, the title) have no such core.
    core = _core_grams(_per_paragraph(members, paras))
    if not core:
        return False
    # Trimming costs too; a family that sits inside sentences as grown is let go first
    # (the grown runs are the trimmed ones or a little longer).
    grown = [paras[o.para][o.start : o.end] for o in members]
    if sum(bool(h.WATERMARK_DOMAIN_RE.search(r)) for r in grown) < 0.5 * len(grown):
        placed = sum(_delimited(paras[o.para], o.start, o.end) for o in members)
        if placed < (h.WATERMARK_MIN_DELIMITED_SHARE - 0.2) * len(members):
            return False
    _reach_core(members, paras, core)
    _trim_tails(members, paras, core)
    members[:] = [o for o in members if not _fragment(paras[o.para][o.start : o.end])]
    if len({o.para for o in members}) < need:
        return False
    runs = [paras[o.para][o.start : o.end] for o in members]
    # One occurrence may be the site name in the source line ("來源：霧松資訊"): the tests
    # below reject a family when a share of its runs fails them, not any one.
    limit = h.WATERMARK_MAX_ODD_SHARE * len(runs)
    if sum(_has_end(r.strip(h.WATERMARK_SENTENCE_END)) for r in runs) > limit:
        return False  # a mark holds no sentence's end
    if sum(bool(h.WATERMARK_DOMAIN_RE.search(r)) for r in runs) >= 0.5 * len(runs):
        return True
    # "王明：" opens an interview answer; 「晨報網：」 before a recurring slogan is a mark.
    labels = sum(
        r.rstrip().endswith(":")
        and not any((o.para, x) in slogans for x in range(o.end - 1, o.end + 2))
        for o, r in zip(members, runs, strict=True)
    )
    if labels > limit:
        return False
    if sum(len(h.WATERMARK_CJK_RE.findall(r)) >= 2 for r in runs) < 0.5 * len(runs):
        return False  # recurring Latin words are a topic, not a mark
    if (
        sum(
            bool(h.WATERMARK_DIGIT_RE.search(r) or h.WATERMARK_LABEL_RE.match(r.replace(" ", "")))
            for r in runs
        )
        > limit
    ):
        return False  # "4月份，" opens a statistics report's paragraphs, "地點：" a program's
    delimited = sum(_delimited(paras[o.para], o.start, o.end) for o in members)
    if delimited < h.WATERMARK_MIN_DELIMITED_SHARE * len(members):
        return False
    # Without a domain, a run that opens sentences could be the article's subject ("工業
    # 和信息化部"): it takes more. A mark varies (rotating slogans, random codes), stands
    # in brackets or closes paragraphs; or it is in most of the paragraphs.
    variants = {r.strip() for r in runs}
    # Closing a paragraph after a sentence, not glued to its last word ("五樓會議室"
    # ending a program's place lines is the article's).
    closing = sum(
        not paras[o.para][o.end :].strip() and not _glued(paras[o.para], o.start) for o in members
    )
    bracketed = sum(r[:1] in h.WATERMARK_OPENING and r[-1:] in h.WATERMARK_CLOSING for r in runs)
    # One string the same everywhere, glued to the word before it, ends those words.
    glued = sum(_glued(paras[o.para], o.start) for o in members)
    return (
        len(variants) >= 2
        or max(closing, bracketed) >= h.WATERMARK_MIN_DELIMITED_SHARE * len(members)
        or (
            len({o.para for o in members})
            >= max(h.WATERMARK_FIXED_MIN_PARAGRAPHS, h.WATERMARK_FIXED_MIN_SHARE * prose)
            and glued <= limit
        )
    )


def _glued(text: str, start: int) -> bool:
    """Whether the run at `start` goes on from a word before it: a Chinese character
    after a Chinese character, a letter or digit after one, nothing between (a letter
    code after a heading's last character starts something new)."""
    if start <= 0:
        return False
    before, first = text[start - 1], text[start]
    cjk = h.WATERMARK_CJK_RE.match
    if cjk(before) and cjk(first):
        return True
    return before.isascii() and before.isalnum() and first.isascii() and first.isalnum()


def _per_paragraph(members: list[_Occurrence], paras: list[str]) -> list[str]:
    """Each paragraph's runs of a family, joined by newlines."""
    joined: dict[int, str] = {}
    for o in members:
        joined[o.para] = joined.get(o.para, "") + "\n" + paras[o.para][o.start : o.end]
    return list(joined.values())


def _core_grams(runs: list[str]) -> set[str]:
    counts: Counter[str] = Counter()
    for r in runs:
        counts.update(
            {
                r[i : i + h.WATERMARK_MIN_CORE_CHARS]
                for i in range(len(r) - h.WATERMARK_MIN_CORE_CHARS + 1)
            }
        )
    # The core is the farm's own letters and characters: not a gram across two runs of
    # one paragraph (joined by "\n") nor one of punctuation.
    return {
        g
        for g, n in counts.items()
        if n >= h.WATERMARK_CORE_SHARE * len(runs)
        and "\n" not in g
        and len(h.WATERMARK_CORE_RE.findall(g)) >= h.WATERMARK_MIN_CORE_CHARS - 1
    }


def _reach_core(members: list[_Occurrence], paras: list[str], core: set[str]) -> None:
    """Stretch an occurrence that lacks part of its family's core (the site name when
    only the domain recurred here) over it, when it stands within WATERMARK_MAX_GAP
    characters without a sentence's end between."""
    for occ in members:
        text = paras[occ.para]
        run = text[occ.start : occ.end]
        for gram in core:
            if gram in run:
                continue
            lo = max(0, occ.start - h.WATERMARK_MAX_GAP)
            pos = text.rfind(gram, lo, occ.start)
            if pos >= 0 and not _has_end(text[pos : occ.start]):
                occ.start = pos - _code_length(text, pos)
                run = text[occ.start : occ.end]
                continue
            pos = text.find(
                gram, occ.end, occ.end + h.WATERMARK_MAX_GAP + h.WATERMARK_MIN_CORE_CHARS
            )
            if pos >= 0 and not _has_end(text[occ.end : pos]):
                end = pos + h.WATERMARK_MIN_CORE_CHARS
                while (
                    end < len(text) and text[end - h.WATERMARK_MIN_CORE_CHARS + 1 : end + 1] in core
                ):
                    end += 1
                occ.end = end
                run = text[occ.start : occ.end]


def _trim_tails(members: list[_Occurrence], paras: list[str], core: set[str]) -> None:
    """Cut each occurrence back to where its family's occurrences stop agreeing.

    Beyond the core, a mark's own text (a joiner, a rotating slogan, the domain) goes on
    in groups of occurrences; the sentence after a mark starts differently in most of
    them. An occurrence stops at the first point where most occurrences that agree with
    it so far go on each in its own way: a name that opens three of the sentences after
    the mark ("沈望舒") is then left to them.
    """
    size = h.WATERMARK_MIN_CORE_CHARS
    right: list[tuple[_Occurrence, int, str]] = []
    left: list[tuple[_Occurrence, int, str]] = []
    for occ in members:
        text = paras[occ.para]
        run = text[occ.start : occ.end]
        hits = [i for i in range(len(run) - size + 1) if run[i : i + size] in core]
        if not hits:
            continue
        first, last = occ.start + hits[0], occ.start + hits[-1] + size
        right.append((occ, last, _until_end(text[last : last + h.WATERMARK_MAX_GROW])))
        back = text[max(0, first - h.WATERMARK_MAX_GROW) : first][::-1]
        left.append((occ, first, _until_end(back)))
    for occ, anchor, _, agreed in _agreement(right):
        occ.end = min(occ.end, anchor + agreed)
    for occ, anchor, _, agreed in _agreement(left):
        if anchor - agreed > occ.start:
            occ.start = anchor - agreed
            _dress(occ, paras[occ.para])


def _agreement(
    tails: list[tuple[_Occurrence, int, str]],
) -> list[tuple[_Occurrence, int, str, int]]:
    """For each tail, how many of its characters the others agree on (see _trim_tails).

    After the last AGREE_CONTEXT characters read, the next character is agreed on unless,
    wherever the tails hold those characters, most go on each with a character no other
    tail has there (the last characters rather than the whole tail so far: 「網——」 and
    「站——」 lead to the same slogans).
    """
    size = h.WATERMARK_AGREE_CONTEXT
    # Contexts shorter than `size` are the tails' starts; longer ones float.
    table: dict[str, dict[str, int]] = {}
    for _, _, tail in tails:
        for k in range(len(tail) + 1):
            nxt = tail[k : k + 2]  # "" where a tail ends
            starts = (tail[max(0, k - size) : k], "^" + tail[:k])
            for key in starts if k < size else starts[:1]:
                seen = table.setdefault(key, {})
                seen[nxt] = seen.get(nxt, 0) + 1
    verdicts: dict[str, bool] = {}

    def parted(key: str) -> bool:
        if key not in verdicts:
            verdicts[key] = _parting(table[key])
        return verdicts[key]

    out = []
    for occ, anchor, tail in tails:
        k = 0
        while k < len(tail):
            # Near the start, both the tails that start alike and those that read alike
            # just before must part ways ("·" after 「青禾快訊」 and after 「青禾快訊網」).
            keys = [tail[max(0, k - size) : k]] + (["^" + tail[:k]] if k < size else [])
            # After a joiner comes a slogan, however rarely each one recurs.
            joined = k > 0 and tail[k - 1] in h.WATERMARK_SUFFIX_JOINERS
            if not joined and all(parted(key) for key in keys):
                break
            k += 1
        out.append((occ, anchor, tail, k))
    return out


def _parting(seen: dict[str, int]) -> bool:
    """True when most tails in a group go on each with a character of its own (or end);
    where too few tails are left to judge, they are taken to agree."""
    # `seen` counts the next two characters; tails agree on the next character. One
    # that goes on with a joiner, or with one character and a joiner (a site name's
    # suffix: 「網——」), is still in the farm's text.
    firsts: Counter[str] = Counter()
    for nxt, n in seen.items():
        firsts[nxt[:1]] += n
    joined = h.WATERMARK_SUFFIX_JOINERS
    group = sum(seen.values())
    lone = sum(
        n
        for nxt, n in seen.items()
        if not nxt or (firsts[nxt[:1]] == 1 and nxt[0] not in joined and nxt[1:2] not in joined)
    )
    return group >= h.WATERMARK_AGREE_MIN_GROUP and 2 * lone >= group


def _to_paragraph_end(occ: _Occurrence, text: str) -> None:
    """A mark that goes on with a joiner (or a site suffix and a joiner) and then only a
    short phrase to the end of its paragraph takes that phrase: it is a slogan seen once
    (「極客日知 - 」 + 「科技新知一手掌握」 closing a paragraph)."""
    rest = text[occ.end :]
    if not rest or len(rest) > h.WATERMARK_MAX_GROW or _has_end(rest):
        return
    # Not after a colon ("新發展格局：結構與效應" is a title's own), nor after a space
    # before a date or count (a byline's "發布時間 2005/03/28").
    joiners = h.WATERMARK_JOINERS.replace(":", "") + ","
    if _DIGIT_RE.search(rest):
        joiners = joiners.replace(" ", "")
    joined = text[occ.end - 1 : occ.end] in joiners or rest[0] in joiners
    # Or a tag of a character or two closing the paragraph (「原創」 after the site name).
    if joined or (rest[1:2] and rest[1] in joiners) or len(rest.strip()) <= 2:
        occ.end = len(text)


def _fragment(run: str) -> bool:
    return len(h.WATERMARK_CORE_RE.findall(run)) < h.WATERMARK_MIN_CORE_CHARS


def _beside(
    accepted: list[list[_Occurrence]], others: list[list[_Occurrence]], paras: list[str]
) -> list[list[_Occurrence]]:
    """Families of characters that touch a mark (nothing but a bracket, joiners or one
    character, a site suffix, between)
    in most of their paragraphs: the site name before a recurring domain, in brackets
    that vary, in a heading too ("一、政策背景【霧松資訊】XYZ.EXAMPLE"), is the mark's
    even where it alone would not pass."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for members in accepted:
        for o in members:
            spans.setdefault(o.para, []).append((o.start, o.end))

    def near(o: _Occurrence) -> bool:
        text = paras[o.para]
        for start, end in spans.get(o.para, ()):
            if end <= o.start and h.WATERMARK_DOMAIN_END_RE.search(text, start, end):
                continue  # a domain ends a mark (see _at_domain_ends)
            gap = text[o.end : start] if o.end <= start else text[end : o.start]
            if len(gap) <= 1 or (
                len(gap) <= h.WATERMARK_MAX_CODE and not h.WATERMARK_CORE_RE.search(gap)
            ):
                return True  # touching, or a site suffix, a bracket or joiners between
        return False

    def dated(o: _Occurrence) -> bool:  # a date beside a byline is no site name
        run = paras[o.para][o.start : o.end]
        return bool(h.WATERMARK_DIGIT_RE.search(run)) and not h.WATERMARK_DOMAIN_RE.search(run)

    return [
        members
        for members in others
        if len(members) >= h.WATERMARK_MIN_PARAGRAPHS
        and sum(near(o) for o in members) >= h.WATERMARK_BESIDE_SHARE * len(members)
        and not any(dated(o) for o in members)
        and all(
            len(h.WATERMARK_CJK_RE.findall(paras[o.para][o.start : o.end])) >= 2 for o in members
        )
    ]


def _join_neighbours(families: list[list[_Occurrence]], paras: list[str]) -> None:
    """Join two marks of one paragraph with the short text between them (a slogan seen
    once, between the site name and the domain) into the first one's occurrence."""
    by_para: dict[int, list[tuple[_Occurrence, list[_Occurrence]]]] = {}
    for members in families:
        for occ in members:
            by_para.setdefault(occ.para, []).append((occ, members))
    for para, found in by_para.items():
        found.sort(key=lambda x: x[0].start)
        text = paras[para]
        i = 0
        while i + 1 < len(found):
            (a, _), (b, b_family) = found[i], found[i + 1]
            gap = text[a.end : b.start]
            if len(gap) <= h.WATERMARK_MAX_GAP and not _has_end(gap):
                a.end = max(a.end, b.end)
                b_family.remove(b)
                del found[i + 1]
            else:
                i += 1


def _family(members: list[_Occurrence], paras: list[str], texts: Sequence[str]) -> Family:
    runs = [paras[o.para][o.start : o.end].strip() for o in members]
    shown = Counter(_shown(texts[o.para], paras[o.para], o.start, o.end) for o in members)
    variants = tuple(sorted({r for r in runs if r}, key=len, reverse=True))
    # The commonest occurrence stands for the family; of equally common ones, the longest
    # (the whole run rather than the site name of a source line).
    text = max(shown.items(), key=lambda x: (x[1], len(x[0])))[0]
    return Family(text, len({o.para for o in members}), variants)


def _shown(original: str, norm: str, start: int, end: int) -> str:
    _, index = normalize(original[: h.WATERMARK_MAX_CHARS])
    if end > len(index) or start >= end:
        return norm[start:end].strip()
    return h.WATERMARK_ZW_RE.sub("", original[index[start] : index[end - 1] + 1]).strip()


def _is_word_char(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


_CODE_RE = re.compile(f"^[a-z]{{1,{h.WATERMARK_MAX_CODE}}}(?={h.WATERMARK_CJK_RE.pattern})")


def _uncoded(variant: str) -> str:
    """A variant without the letter code it starts with, if any."""
    return _CODE_RE.sub("", variant, count=1)


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
    seen = {v for f in families for v in f.variants}
    seen |= {u for u in map(_uncoded, seen) if len(u) >= h.WATERMARK_MIN_CORE_CHARS}
    variants = sorted(seen, key=len, reverse=True)
    if not variants or not text:
        return text
    norm, index = normalize(text)
    cut = [False] * len(text)
    hit = False
    for v in variants:
        pos = norm.find(v)
        while pos >= 0:
            lo, hi = index[pos], index[pos + len(v) - 1] + 1
            lo -= _cased_code_length(text, lo)
            # A domain that is part of a link (www.x.com/1.html) is the link's.
            inside_link = (
                (
                    h.WATERMARK_DOMAIN_RE.match(v) is not None
                    and norm[pos - 1 : pos] in h.WATERMARK_LINK_CHARS
                    and _is_word_char(norm[pos - 2 : pos - 1])  # "www." but not "行文..."
                )
                or (
                    h.WATERMARK_DOMAIN_END_RE.search(v) is not None
                    and norm[pos + len(v) : pos + len(v) + 1] == "/"
                )
            )
            if not inside_link and not any(cut[lo:hi]):
                hit = True
                for x in range(lo, hi):
                    cut[x] = True
            pos = norm.find(v, pos + len(v))
    if not hit:
        return text
    # Zero-width characters and spaces left at a cut's edges go with it.
    kept = "".join(c for c, gone in zip(text, cut, strict=True) if not gone)
    return (
        " ".join(h.WATERMARK_ZW_RE.sub("", kept).split())
        if h.WATERMARK_ZW_RE.search(text)
        else kept.strip()
    )


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
    for b in blocks:
        if b.kind in _NOT_TEXT:
            continue
        text = strip_families(b.text, families)
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
    blocks = [
        replace(b, text=strip_families(b.text, families))  # a table keeps its heading row
        if b.type not in _NOT_TEXT
        else b
        for b in blocks
    ]
    title = strip_families(title, families) or title
    return title, [b for b in blocks if b.text or b.type in _NOT_TEXT]
