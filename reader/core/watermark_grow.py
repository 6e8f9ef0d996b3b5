"""Growing and trimming watermark occurrences: each recurring run found
(`Occurrence`) grows over what the other occurrences of its family share (a joiner, a
rotating slogan), its letter code and its brackets; reaches its family's core; is cut back
where its family stops agreeing; and two marks of one paragraph are joined. Steps 3 of the
stage described in watermark.py."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.core import heuristics as h
from reader.core.watermark_text import DIGIT_RE, at_domain_ends, has_end, until_end


@dataclass(slots=True)
class Occurrence:
    para: int
    start: int
    end: int
    grams: set[str]


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


def grow(members: list[Occurrence], paras: list[str], df: Counter[str]) -> None:
    """Grow each occurrence over what the others share, its letter code and brackets."""
    after = [until_end(paras[o.para][o.end : o.end + h.WATERMARK_MAX_GROW]) for o in members]
    before = [
        until_end(paras[o.para][max(0, o.start - h.WATERMARK_MAX_GROW) : o.start][::-1])
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
            ahead = until_end(text[occ.end : occ.end + h.WATERMARK_MAX_GROW])
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
            # A domain ends a mark (see at_domain_ends).
            grown = min(grown, at_domain_ends(text, occ.start, occ.end + grown)[0][1] - occ.end)
            occ.end += max(0, grown)
            if grown <= 0:
                break
        for _ in range(3):
            back = text[max(0, occ.start - h.WATERMARK_MAX_GROW) : occ.start][::-1]
            grown = _shared_growth(until_end(back), [left[j] for j in near], suffix=False)
            occ.start -= grown
            if not grown:
                break
    for occ in members:
        _dress(occ, paras[occ.para])
    _merge_overlaps(members)


def _merge_overlaps(members: list[Occurrence]) -> None:
    """One occurrence for runs of one paragraph that grew into each other."""
    members.sort(key=lambda o: (o.para, o.start))
    merged: list[Occurrence] = []
    for occ in members:
        last = merged[-1] if merged else None
        if last is not None and last.para == occ.para and occ.start <= last.end:
            last.end = max(last.end, occ.end)
            last.grams |= occ.grams
        else:
            merged.append(occ)
    members[:] = merged


def _dress(occ: Occurrence, text: str) -> None:
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


def reach_core(members: list[Occurrence], paras: list[str], core: set[str]) -> None:
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
            if pos >= 0 and not has_end(text[pos : occ.start]):
                occ.start = pos - _code_length(text, pos)
                run = text[occ.start : occ.end]
                continue
            pos = text.find(
                gram, occ.end, occ.end + h.WATERMARK_MAX_GAP + h.WATERMARK_MIN_CORE_CHARS
            )
            if pos >= 0 and not has_end(text[occ.end : pos]):
                end = pos + h.WATERMARK_MIN_CORE_CHARS
                while (
                    end < len(text) and text[end - h.WATERMARK_MIN_CORE_CHARS + 1 : end + 1] in core
                ):
                    end += 1
                occ.end = end
                run = text[occ.start : occ.end]


def trim_tails(members: list[Occurrence], paras: list[str], core: set[str]) -> None:
    """Cut each occurrence back to where its family's occurrences stop agreeing.

    Beyond the core, a mark's own text (a joiner, a rotating slogan, the domain) goes on
    in groups of occurrences; the sentence after a mark starts differently in most of
    them. An occurrence stops at the first point where most occurrences that agree with
    it so far go on each in its own way: a name that opens three of the sentences after
    the mark ("沈望舒") is then left to them.
    """
    size = h.WATERMARK_MIN_CORE_CHARS
    right: list[tuple[Occurrence, int, str]] = []
    left: list[tuple[Occurrence, int, str]] = []
    for occ in members:
        text = paras[occ.para]
        run = text[occ.start : occ.end]
        hits = [i for i in range(len(run) - size + 1) if run[i : i + size] in core]
        if not hits:
            continue
        first, last = occ.start + hits[0], occ.start + hits[-1] + size
        right.append((occ, last, until_end(text[last : last + h.WATERMARK_MAX_GROW])))
        back = text[max(0, first - h.WATERMARK_MAX_GROW) : first][::-1]
        left.append((occ, first, until_end(back)))
    for occ, anchor, _, agreed in _agreement(right):
        occ.end = min(occ.end, anchor + agreed)
    for occ, anchor, _, agreed in _agreement(left):
        if anchor - agreed > occ.start:
            occ.start = anchor - agreed
            _dress(occ, paras[occ.para])


def _agreement(
    tails: list[tuple[Occurrence, int, str]],
) -> list[tuple[Occurrence, int, str, int]]:
    """For each tail, how many of its characters the others agree on (see trim_tails).

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


def to_paragraph_end(occ: Occurrence, text: str, *, colon: bool = False) -> None:
    """A mark that goes on with a joiner (or a site suffix and a joiner) and then only a
    short phrase to the end of its paragraph takes that phrase: it is a slogan seen once
    (「極客日知 - 」 + 「科技新知一手掌握」 closing a paragraph). With `colon` (the family
    goes on past a colon elsewhere, see `runs_past_colon`) a colon joins too."""
    rest = text[occ.end :]
    if not rest or len(rest) > h.WATERMARK_MAX_GROW or has_end(rest):
        return
    # Not after a colon ("新發展格局：結構與效應" is a title's own) unless the family's
    # mark has one, nor after a space before a date or count (a byline's "發布時間
    # 2005/03/28").
    joiners = (h.WATERMARK_JOINERS if colon else h.WATERMARK_JOINERS.replace(":", "")) + ","
    if DIGIT_RE.search(rest):
        joiners = joiners.replace(" ", "")
    joined = text[occ.end - 1 : occ.end] in joiners or rest[0] in joiners
    # Or a tag of a character or two closing the paragraph (「原創」 after the site name).
    if joined or (rest[1:2] and rest[1] in joiners) or len(rest.strip()) <= 2:
        occ.end = len(text)


def runs_past_colon(members: list[Occurrence], paras: list[str]) -> bool:
    """Whether a run of the family goes on past a colon to the end of its paragraph: the
    colon is then the mark's own ("晨報網站：" and a slogan), wherever it stands."""
    for o in members:
        text = paras[o.para]
        colon = text.find(":", o.start, o.end - 1)
        if colon >= 0 and not text[o.end :].strip():
            return True
    return False


def join_neighbours(families: list[list[Occurrence]], paras: list[str]) -> None:
    """Join two marks of one paragraph with the short text between them (a slogan seen
    once, between the site name and the domain) into the first one's occurrence."""
    by_para: dict[int, list[tuple[Occurrence, list[Occurrence]]]] = {}
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
            if len(gap) <= h.WATERMARK_MAX_GAP and not has_end(gap):
                a.end = max(a.end, b.end)
                b_family.remove(b)
                del found[i + 1]
            else:
                i += 1
