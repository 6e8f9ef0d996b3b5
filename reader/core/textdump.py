"""Extraction for plain-text dumps (copied text): the same junk rules as HTML, applied
line by line, since a dump has no tree to choose a root in."""

from __future__ import annotations

from reader.core import heuristics as h
from reader.core.article import Block, BlockType, Removal
from reader.core.assemble import Draft
from reader.core.clean import is_junk, is_settings_chrome
from reader.core.errors import NoArticleError
from reader.core.meta import Meta, find_date, permalink, scan_meta_line, text_theme
from reader.core.page import Page
from reader.core.text import normalize_space
from reader.core.watermark import find_watermarks, strip_watermarks


def _is_prose_line(text: str) -> bool:
    return len(text) >= h.PROSE_MIN_CHARS and bool(h.PUNCT_RE.search(text))


def extract_text(page: Page) -> Draft:
    """The article of a plain-text dump, line by line: watermarks, settings menus, title,
    meta lines, junk and trailing lines removed, short lines before prose as headings."""
    lines = [normalize_space(ln) for ln in page.text.splitlines()]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise NoArticleError(f"{page.path or 'The file'} holds no text.")
    meta = Meta(theme=text_theme(lines))
    removed: list[Removal] = []
    marks = find_watermarks(lines)
    if marks:
        removed.extend(Removal("watermark", m) for m in marks)
        lines = [strip_watermarks(ln, marks) for ln in lines]
        lines = [ln for ln in lines if ln]
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
        if len(ln) > 80 or not (scan_meta_line(ln, meta) or not _is_prose_line(ln)):
            break
        removed.append(Removal("meta", ln))
        body_start += 1
    body = lines[body_start:]
    meta.url = meta.url or permalink(body) or page.url
    kept: list[str] = []
    for ln in body:
        if is_junk(ln) or ln.startswith(("•", "·")):
            removed.append(Removal("junk", ln[:200]))
            continue
        kept.append(ln)
    # Trailing short non-prose lines (hot lists' titles and the like).
    while kept and not _is_prose_line(kept[-1]):
        removed.append(Removal("trailing", kept.pop()))
    blocks: list[Block] = []
    for i, ln in enumerate(kept):
        heading = (
            len(ln) <= h.TEXT_HEADING_MAX_CHARS
            and ln[-1] not in h.TERMINAL_PUNCT
            and not _is_prose_line(ln)
            and 0 < i < len(kept) - 1
            and _is_prose_line(kept[i + 1])
        )
        blocks.append(Block(BlockType.HEADING if heading else BlockType.PARAGRAPH, ln))
    return Draft(title, blocks, meta, removed)
