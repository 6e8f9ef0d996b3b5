"""The acceptance test of watermark families: whether a family of recurring runs is
injected text (a domain, or standing at paragraph edges, after a sentence's end or in
brackets) rather than the article's own terms and names, and which families touching an
accepted mark are its parts. Step 4 of the stage described in watermark.py."""

from __future__ import annotations

from collections import Counter

from reader.core import heuristics as h
from reader.core.watermark_grow import Occurrence, grow, reach_core, runs_past_colon, trim_tails
from reader.core.watermark_text import fragment, has_end


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
    return len(rest) <= 3 * h.WATERMARK_MAX_GROW and not has_end(rest)


def _hopeful(members: list[Occurrence], paras: list[str]) -> int:
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
            and not has_end(text[last[1] : o.start])
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


def is_mark(
    members: list[Occurrence],
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
    grow(members, paras, df)
    # Fragments (".com" of a link) share an n-gram with the mark but are not it.
    members[:] = [o for o in members if not fragment(paras[o.para][o.start : o.end])]
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
    reach_core(members, paras, core)
    trim_tails(members, paras, core)
    for o in members:
        _before_open_bracket(o, paras[o.para])
    members[:] = [o for o in members if not fragment(paras[o.para][o.start : o.end])]
    if len({o.para for o in members}) < need:
        return False
    runs = [paras[o.para][o.start : o.end] for o in members]
    # One occurrence may be the site name in the source line ("來源：霧松資訊"): the tests
    # below reject a family when a share of its runs fails them, not any one.
    limit = h.WATERMARK_MAX_ODD_SHARE * len(runs)
    if sum(has_end(r.strip(h.WATERMARK_SENTENCE_END)) for r in runs) > limit:
        return False  # a mark holds no sentence's end
    if sum(bool(h.WATERMARK_DOMAIN_RE.search(r)) for r in runs) >= 0.5 * len(runs):
        return True
    # "王明：" opens an interview answer; 「晨報網：」 before a recurring slogan is a mark,
    # and so is one before a slogan seen once when a run of the family elsewhere goes on
    # past its colon to the paragraph's end ("晨報網站：" and two rotating slogans; an
    # interview's answers go on to sentences).
    labels = (
        0
        if runs_past_colon(members, paras)
        else sum(
            r.rstrip().endswith(":")
            and not any((o.para, x) in slogans for x in range(o.end - 1, o.end + 2))
            for o, r in zip(members, runs, strict=True)
        )
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


def _before_open_bracket(occ: Occurrence, text: str) -> None:
    """End a run before a bracket it opens and does not close: what follows is the
    article's own parenthesis ("…每天知道多一點（詳情請點擊鏈接：" where a link was), which
    recurs too, not the mark (normalised text: every bracket is "(" and ")")."""
    run = text[occ.start : occ.end]
    cut = run.rfind("(")
    if cut > 0 and ")" not in run[cut:]:
        occ.end = occ.start + len(run[:cut].rstrip())


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


def _per_paragraph(members: list[Occurrence], paras: list[str]) -> list[str]:
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


def beside(
    accepted: list[list[Occurrence]], others: list[list[Occurrence]], paras: list[str]
) -> list[list[Occurrence]]:
    """Families of characters that touch a mark (nothing but a bracket, joiners or one
    character, a site suffix, between)
    in most of their paragraphs: the site name before a recurring domain, in brackets
    that vary, in a heading too ("一、政策背景【霧松資訊】XYZ.EXAMPLE"), is the mark's
    even where it alone would not pass."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for members in accepted:
        for o in members:
            spans.setdefault(o.para, []).append((o.start, o.end))

    def near(o: Occurrence) -> bool:
        text = paras[o.para]
        for start, end in spans.get(o.para, ()):
            if end <= o.start and h.WATERMARK_DOMAIN_END_RE.search(text, start, end):
                continue  # a domain ends a mark (see at_domain_ends)
            gap = text[o.end : start] if o.end <= start else text[end : o.start]
            if len(gap) <= 1 or (
                len(gap) <= h.WATERMARK_MAX_CODE and not h.WATERMARK_CORE_RE.search(gap)
            ):
                return True  # touching, or a site suffix, a bracket or joiners between
        return False

    def dated(o: Occurrence) -> bool:  # a date beside a byline is no site name
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
