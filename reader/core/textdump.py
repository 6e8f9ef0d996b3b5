"""Extraction for plain-text dumps (copied text): the same junk rules as HTML, applied
line by line, since a dump has no tree to choose a root in.

A dump copies the whole page: settings menus and breadcrumbs above the title, and below
the article its permalink, disclaimer, previous/next links and lists of other headlines.
The article ends at the first of those end lines that only lists follow; a list of
headlines under a short label is dropped wherever it stands.
"""

from __future__ import annotations

import re

from reader.core import heuristics as h
from reader.core.article import Block, BlockType, Removal
from reader.core.assemble import Draft
from reader.core.clean import is_junk, is_junk_label, is_settings_chrome
from reader.core.errors import NoArticleError
from reader.core.meta import Meta, find_date, permalink, scan_meta_line, text_theme
from reader.core.page import Page
from reader.core.text import normalize_space
from reader.core.watermark import family_cutter, find_families, removals

#: "上一篇：標題": a short label, a colon, something after it.
_LABELLED_RE = re.compile(r"^[^\s:：，。]{2,5}[:：]\s*\S")


def _is_prose_line(text: str) -> bool:
    return len(text) >= h.PROSE_MIN_CHARS and bool(h.PUNCT_RE.search(text))


def _is_headline(text: str) -> bool:
    """A line shaped like a headline in a list: short, and no sentence ended in it."""
    return len(text) <= h.LIST_LINE_MAX_CHARS and not any(c in text for c in "。！!")


def _is_paragraph(text: str) -> bool:
    """A line that reads as a paragraph of sentences, not a headline."""
    return len(text) > h.LIST_LINE_MAX_CHARS or text.endswith(("。", "”", "」"))


def _is_prev_next(first: str, second: str) -> bool:
    """Two labelled headlines whose labels differ in one character: 上一篇/下一篇,
    上篇/下篇, 前一篇/後一篇 (two "備註：" lines are notes, not a pair)."""
    if not all(_LABELLED_RE.match(t) and _is_headline(t) for t in (first, second)):
        return False
    a = re.split("[:：]", first, maxsplit=1)[0]
    b = re.split("[:：]", second, maxsplit=1)[0]
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def article_end(lines: list[str]) -> int:
    """Where the article of a dump ends: at a permalink, a notice or chrome label, or a
    previous/next pair, when what follows holds little prose (less than
    RELATED_TAIL_MAX_SHARE of the article before it)."""
    # What follows is measured in paragraphs of sentences (a list of headlines has
    # none); what precedes in text, since some blogs write without punctuation.
    after = [0] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        para = _is_paragraph(lines[i]) or "。" in lines[i]
        after[i] = after[i + 1] + (len(lines[i]) if para else 0)
    before = 0
    for i, ln in enumerate(lines):
        # Little prose after it first: the line's own tests are the dearer ones.
        if before and after[i + 1] < h.RELATED_TAIL_MAX_SHARE * before:
            ends = (
                ln.lstrip("【[").startswith(h.PERMALINK_PREFIXES)
                or is_junk_label(ln)
                or (i + 1 < len(lines) and _is_prev_next(ln, lines[i + 1]))
            )
            if ends:
                return i
        if len(ln) >= h.PROSE_MIN_CHARS:
            before += len(ln)
    return len(lines)


def list_runs(lines: list[str]) -> set[int]:
    """Indices of headline lists: a short label without punctuation ("熱門資訊") and
    LIST_MIN_LINES or more headline-shaped lines under it, in an article whose other
    lines are mostly not headline-shaped."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_headline(lines[j]) and not _is_paragraph(lines[j]):
            j += 1
        if j == i:
            i += 1
            continue
        label = len(lines[i]) <= h.LIST_LABEL_MAX_CHARS and not h.PUNCT_RE.search(lines[i])
        if label and j - i - 1 >= h.LIST_MIN_LINES:
            out.update(range(i, j))
        i = j
    # Where the article's own lines are shaped like headlines too (a blog written without
    # sentence marks), a heading over its lines looks like a list's label: nothing is
    # taken for a list there.
    rest = [ln for k, ln in enumerate(lines) if k not in out]
    shaped = sum(_is_headline(ln) and not _is_paragraph(ln) for ln in rest)
    if rest and shaped >= h.LIST_UNPUNCTUATED_SHARE * len(rest):
        return set()
    return out


def _two_phrases(text: str) -> bool:
    """Whether a space parts two phrases of TEXT_PHRASE_MIN_CHARS or more: a caption and
    its credit ("小李在病房 本報記者 攝"), an advertisement's two claims; a heading's
    number stands apart from its words ("第一章 開端")."""
    return sum(len(p) >= h.TEXT_PHRASE_MIN_CHARS for p in text.split()) >= 2


def _headings(lines: list[str]) -> set[int]:
    """Indices of the lines that head what follows them.

    A heading is short, ends without a sentence's mark, is no field ("電話：…") and stands
    between two lines; it is shorter than the article's lines by far (in a blog written
    without punctuation, a line of 21 characters among lines of 28 is a paragraph). It
    heads a paragraph of sentences; or, where the article's lines are not sentences (a
    notice's fields, a program, unpunctuated text), a line longer than itself, when it
    holds no digits (a program's "9:50 大會休息" is an entry, not a heading). A heading
    may head another (a part's title over a section's), up to TEXT_HEADING_MAX_RUN in a
    row: more short lines in a row are a list; a line with a space in it before a heading
    is a caption and its credit ("小李在病房 本報記者 攝").
    """
    if len(lines) < 3:
        return set()
    lengths = sorted(len(ln) for ln in lines)
    typical = lengths[len(lengths) // 2]
    limit = min(h.TEXT_HEADING_MAX_CHARS, h.TEXT_HEADING_MAX_SHARE * typical)
    out: set[int] = set()
    run = 0  # headings in a row just below the line looked at
    for i in range(len(lines) - 2, 0, -1):
        ln, nxt = lines[i], lines[i + 1]
        if (
            len(ln) > limit
            or ln[-1] in h.TERMINAL_PUNCT
            or _is_prose_line(ln)
            or ":" in ln
            or "：" in ln  # a field ("電話：…") or a line that introduces the next
            or _two_phrases(ln)
        ):
            run = 0
            continue
        if (
            _is_prose_line(nxt)
            or (
                len(ln) <= h.TEXT_HEADING_LONE_SHARE * typical
                and len(nxt) >= h.TEXT_HEADING_NEXT_RATIO * len(ln)
                and not any(c.isdigit() for c in ln)
            )
            or (i + 1 in out and run < h.TEXT_HEADING_MAX_RUN and " " not in ln)
        ):
            out.add(i)
            run += 1
        else:
            run = 0
    return out


def extract_text(page: Page) -> Draft:
    """The article of a plain-text dump, line by line: settings menus, title, meta lines,
    the tail after the article's end, headline lists, watermarks, junk and trailing lines
    removed; short lines before prose as headings."""
    lines = [normalize_space(ln) for ln in page.text.splitlines()]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise NoArticleError(f"{page.path or 'The file'} holds no text.")
    meta = Meta(theme=text_theme(lines))
    removed: list[Removal] = []
    # Settings chrome at the top (menus of reader sites) and bullet-only menu lines.
    start = 0
    while start < len(lines) and (
        is_settings_chrome(lines[start]) or lines[start].startswith(("•", "·"))
    ):
        removed.append(Removal("chrome", lines[start]))
        start += 1
    lines = lines[start:]
    if not lines:
        raise NoArticleError(f"{page.path or 'The file'} holds only menu lines, no article.")
    # Title: the line before the first date line near the top, else the first line.
    date_idx = next((i for i, ln in enumerate(lines[:15]) if len(ln) <= 80 and find_date(ln)), None)
    title_idx = date_idx - 1 if date_idx is not None and date_idx > 0 else 0
    title = lines[title_idx]
    for ln in lines[:title_idx]:
        removed.append(Removal("chrome", ln))
    body_start = title_idx + 1
    # Meta lines right under the title (date, source, byline).
    while body_start < min(len(lines), title_idx + 4):
        ln = lines[body_start]
        short = len(ln) <= h.TEXT_META_MAX_CHARS and not _is_prose_line(ln)
        if len(ln) > 80 or not (scan_meta_line(ln, meta) or short):
            break
        removed.append(Removal("meta", ln))
        body_start += 1
    body = lines[body_start:]
    meta.url = meta.url or permalink(body) or page.url
    end = article_end(body)
    removed.extend(Removal("tail", ln[:200]) for ln in body[end:])
    body = body[:end]
    listed = list_runs(body)
    removed.extend(Removal("list", body[i][:200]) for i in sorted(listed))
    body = [ln for i, ln in enumerate(body) if i not in listed]
    # Watermarks are looked for in the article's lines only: the lists and notices after
    # it carry none, and would dilute their share.
    families = find_families(body)
    if families:
        removed.extend(removals(families))
        cut = family_cutter(families)
        body = [t for t in map(cut, body) if t]
        title = cut(title) or title
    kept: list[str] = []
    for ln in body:
        if is_junk(ln) or ln.startswith(("•", "·")):
            removed.append(Removal("junk", ln[:200]))
            continue
        kept.append(ln)
    # Trailing short non-prose lines (a lone label, a sign-off); a longer line without
    # punctuation is a blog's own (some write without any).
    while kept and not _is_prose_line(kept[-1]) and len(kept[-1]) < h.PROSE_MIN_CHARS:
        removed.append(Removal("trailing", kept.pop()))
    headings = _headings(kept)
    blocks = [
        Block(BlockType.HEADING if i in headings else BlockType.PARAGRAPH, ln)
        for i, ln in enumerate(kept)
    ]
    return Draft(title, blocks, meta, removed)
