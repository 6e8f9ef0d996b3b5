"""Finding watermark families in an article's paragraphs: the recurring n-grams, each
paragraph's runs of them (occurrences), grouped into families that are grown, tested
(watermark_accept) and joined, and each family as a `Family` record with the text the page
shows. Steps 1 and 2 of the stage described in watermark.py, and its driver."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from reader.core import heuristics as h
from reader.core.watermark_accept import beside, is_mark
from reader.core.watermark_grow import (
    Occurrence,
    join_neighbours,
    runs_past_colon,
    to_paragraph_end,
)
from reader.core.watermark_text import (
    DIGIT_RE,
    at_domain_ends,
    fold,
    fragment,
    has_end,
    normalize,
)


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


def find_families(texts: Sequence[str]) -> list[Family]:
    """The watermark families injected into `texts` (paragraphs), most frequent first."""
    paras = [fold(t[: h.WATERMARK_MAX_CHARS]) for t in texts[: h.WATERMARK_MAX_PARAS]]
    sample = "".join(paras)[: h.WATERMARK_SCRIPT_SAMPLE]
    cjk = h.WATERMARK_CJK_RE.subn("", sample)[1]  # a count, without a string per character
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
        and not has_end(g)
        and not (DIGIT_RE.search(g) and h.WATERMARK_CJK_RE.search(g))
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
        (o.para, o.start) for o in occurrences if not fragment(paras[o.para][o.start : o.end])
    }
    verdicts = [is_mark(members, paras, need, prose, df, slogans=slogans) for members in groups]
    accepted = [m for m, ok in zip(groups, verdicts, strict=True) if ok]
    accepted += beside(
        accepted, [m for m, ok in zip(groups, verdicts, strict=True) if not ok], paras
    )
    for members in accepted:
        colon = runs_past_colon(members, paras)
        for occ in members:
            to_paragraph_end(occ, paras[occ.para], colon=colon)
    join_neighbours(accepted, paras)
    # A family absorbed into another by joining keeps only its strays: they are dropped
    # with it ("邊的小" of a slogan, left in "河邊的小館子").
    found = [
        _family(members, paras, texts)
        for members in accepted
        if len({o.para for o in members}) >= need
    ]
    return sorted(found, key=lambda f: -f.count)


def _occurrences(para: int, text: str, grams: set[str]) -> list[Occurrence]:
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
        for lo, hi in at_domain_ends(text, start, stop):
            # The family is known by the grams of the run as kept (a label cut off it
            # must not tie the mark to every line the label opens).
            kept = {text[x : x + gram] for x in range(lo, hi - gram + 1)} & grams
            if kept:
                out.append(Occurrence(para, lo, hi, kept))
        # The next run starts after this one's last gram.
        while k < n and at[k] < end:
            k += 1
        i = k
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


def _group(occurrences: list[Occurrence]) -> list[list[Occurrence]]:
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
    groups: dict[str, list[Occurrence]] = {}
    for occ in occurrences:
        groups.setdefault(root(next(iter(occ.grams))), []).append(occ)
    return list(groups.values())


def _family(members: list[Occurrence], paras: list[str], texts: Sequence[str]) -> Family:
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
