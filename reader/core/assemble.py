"""Assembling the Article: the root's raw blocks become Blocks (meta lines, chrome and the
tail after the article's end logged as removed, section headings and captions marked),
repeated blocks and title echoes dropped, and the record built with its metadata."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core import heuristics as h
from reader.core.article import Article, Block, BlockType, Removal, Script, Section, Speaker
from reader.core.clean import clean_tree, parse_html
from reader.core.errors import NoArticleError
from reader.core.flatten import Flattener, Node, Raw, flatten
from reader.core.meta import Meta, permalink, scan_meta_line
from reader.core.page import Page
from reader.core.root import keep_in_root
from reader.core.sections import is_section_candidate
from reader.core.text import normalize_space


@dataclass(slots=True)
class Draft:
    """An article before its finishing stages: title, blocks, metadata, the removal log and
    the image bytes its blocks name."""

    title: str
    blocks: list[Block]
    meta: Meta
    removed: list[Removal]
    assets: dict[str, bytes] = field(default_factory=dict)


def wants_ld_body(meta: Meta, blocks: list[Raw], node: Node | None) -> bool:
    """Whether the page's JSON-LD `articleBody` holds much more text than the chosen root
    (pages that render their article from it by script)."""
    found = sum(b.chars for b in blocks[node.start : node.end]) if node else 0
    return bool(meta.ld_body) and found < h.LD_BODY_MIN_SHARE * len(meta.ld_body)


def from_ld_body(page: Page, meta: Meta, title: str, removed: list[Removal]) -> Draft:
    """The article from the JSON-LD `articleBody` (markup or plain lines)."""
    body = meta.ld_body
    if "<" in body and ">" in body:
        root = parse_html(body)
        clean_tree(root)
        flat = flatten(root, page)
        texts = [b.text for b in flat.blocks if b.kind is not BlockType.IMAGE]
    else:
        texts = [normalize_space(t) for t in body.splitlines()]
    blocks = [Block(BlockType.PARAGRAPH, t) for t in texts if t]
    return Draft(title, blocks, meta, removed)


def from_root(
    page: Page,
    flat: Flattener,
    node: Node | None,
    *,
    title: str,
    meta: Meta,
    removed: list[Removal],
) -> Draft:
    """The article from the blocks of the chosen root."""
    if node is None:
        raise NoArticleError(f"No article text was found in {page.path or 'this page'}.")
    blocks = flat.blocks
    # Meta lines: between the title heading and the root, and the root's first blocks.
    title_idx = next((i for i, b in enumerate(blocks) if b.text == title), None)
    lo = title_idx + 1 if title_idx is not None and title_idx < node.start else node.start
    for b in blocks[lo : node.start][:8]:
        scan_meta_line(b.text, meta)
    kept: list[Block] = []
    seen_prose = False
    end = _article_end(blocks, node)
    removed.extend(Removal("tail", x.text[:200]) for x in blocks[end : node.end] if x.chars)
    for idx in range(node.start, end):
        b = blocks[idx]
        if not keep_in_root(b, node.depth):
            if b.chars:
                removed.append(Removal("chrome", b.text[:200]))
            continue
        if b.kind is BlockType.IMAGE:
            kept.append(Block(BlockType.IMAGE, b.text, b.src))
            continue
        if not seen_prose and not b.is_prose and scan_meta_line(b.text, meta):
            removed.append(Removal("meta", b.text))
            continue
        if b.text == title:
            continue
        if b.is_prose:
            seen_prose = True
        kind = b.kind
        if is_section_candidate(b):
            kind = BlockType.HEADING
        elif kind is BlockType.HEADING:
            kind = BlockType.PARAGRAPH
        kept.append(Block(kind, b.text))
    # Trailing chrome: short non-prose lines after the last prose block.
    while kept and kept[-1].type is BlockType.HEADING:
        removed.append(Removal("trailing", kept.pop().text))
    _mark_captions(kept)
    if meta.url is None:
        meta.url = permalink(b.text for b in blocks)
    return Draft(title, kept, meta, removed, flat.assets)


def dedupe(draft: Draft, page: Page) -> list[Block]:
    """The draft's blocks without repeated paragraphs and without echoes of the title near
    the top (each repeat logged in `draft.removed`).

    Raises:
        NoArticleError: no text block is left.
    """
    title, bodies, removed = draft.title, draft.blocks, draft.removed
    norm_title = title.replace(" ", "")
    blocks: list[Block] = []
    seen: set[str] = set()
    for b in bodies:
        if b.type is not BlockType.IMAGE and len(b.text) >= h.DUPLICATE_MIN_CHARS:
            if b.text in seen:
                removed.append(Removal("duplicate", b.text[:200]))
                continue
            seen.add(b.text)
        if (
            len(blocks) < 4
            and b.type is not BlockType.IMAGE
            and norm_title
            and b.text.replace(" ", "") == norm_title
        ):
            continue
        blocks.append(b)
    if not any(b.type is not BlockType.IMAGE for b in blocks):
        raise NoArticleError(f"No article text was found in {page.path or 'this page'}.")
    return blocks


def article(
    draft: Draft,
    blocks: list[Block],
    page: Page,
    *,
    sections: tuple[Section, ...],
    speakers: tuple[Speaker, ...],
) -> Article:
    """The finished Article record."""
    meta, title = draft.meta, draft.title
    sample = title + "".join(b.text for b in blocks[:200])
    return Article(
        title=title,
        blocks=tuple(blocks),
        published=meta.published,
        source=meta.source,
        author=meta.author,
        url=meta.url,
        script=_detect_script(sample),
        theme=meta.theme,
        sections=sections,
        speakers=speakers,
        encoding=page.encoding,
        format=page.format.value,
        path=str(page.path) if page.path else None,
        removed=tuple(draft.removed),
        assets=draft.assets,
    )


def _detect_script(text: str) -> Script:
    try:
        from reader.core.script import detect_script  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the script module is part of the package
        return Script.SIMPLIFIED
    return detect_script(text)


def _article_end(blocks: list[Raw], node: Node) -> int:
    """Where the article stops inside its root: at a notice label ("免责声明："), or at a
    "related" label followed by little prose (a list of other stories, not more article)."""
    prose_before = 0
    for idx in range(node.start, node.end):
        b = blocks[idx]
        if prose_before and h.NOTICE_LABEL_RE.match(b.text):
            return idx
        related = b.chars <= h.RELATED_LABEL_MAX_CHARS and h.RELATED_LABEL_RE.match(b.text)
        if prose_before and related:
            after = sum(x.chars for x in blocks[idx + 1 : node.end] if x.is_prose)
            if after < h.RELATED_TAIL_MAX_SHARE * prose_before:
                return idx
        if b.is_prose:
            prose_before += b.chars
    return node.end


def _mark_captions(blocks: list[Block]) -> None:
    for i in range(1, len(blocks)):
        prev, b = blocks[i - 1], blocks[i]
        if (
            prev.type is BlockType.IMAGE
            and b.type is BlockType.PARAGRAPH
            and len(b.text) <= h.CAPTION_MAX_CHARS
            and not b.text.endswith(("。", "！", "？"))
        ):
            blocks[i] = Block(BlockType.CAPTION, b.text)
