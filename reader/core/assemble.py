"""Assembling the Article: the root's raw blocks become Blocks (meta lines, chrome and the
tail after the article's end logged as removed, section headings and captions marked),
repeated blocks and title echoes dropped, and the record built with its metadata."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reader.core import heuristics as h
from reader.core.article import Article, Block, BlockType, Removal, Script, Section
from reader.core.clean import clean_tree, parse_html
from reader.core.errors import NoArticleError
from reader.core.flatten import Flattener, Node, Raw, flatten
from reader.core.language import detect_language
from reader.core.meta import Meta, permalink, scan_meta_line
from reader.core.page import Page
from reader.core.root import keep_in_root, posts
from reader.core.sections import is_section_candidate
from reader.core.text import normalize_space
from reader.core.thread import post_head


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
        from html import unescape  # noqa: PLC0415 - its entity table costs start-up 2.6 ms

        # A plain-text body still carries HTML entities on some sites ("&nbsp;").
        texts = [normalize_space(unescape(t)) for t in body.splitlines()]
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
    heads = _post_heads(blocks, posts(blocks, flat.nodes, node)) if meta.thread else {}
    said: tuple[str, ...] = ()  # the current post's author and time, given by its head
    when = ""  # the current post's time, spaces removed
    body_from = -1  # where the current post's body starts after its header lines
    for idx in [*range(node.start, end), *_announced_tables(blocks, node, end)]:
        b = blocks[idx]
        if not b.text and b.kind is not BlockType.IMAGE:
            continue  # a block that was only a watermark
        if heads and idx in heads:
            (author, time), body_from = heads.pop(idx)
            parts = [x.replace(" ", "") for x in (author, time) if x]
            said, when = (*parts, "".join(parts)), time.replace(" ", "")
            kept.append(Block(BlockType.POST, " · ".join(x for x in (author, time) if x)))
        if idx < body_from:
            removed.append(Removal("post header", b.text[:200]))
            continue  # the poster's name, rank and counts: the post's head says who
        bare = b.text.replace(" ", "")
        if said and bare in said:
            continue  # the author's name or the time, now in the post's head
        if when and not b.is_prose and len(b.text) <= h.POST_HEAD_LINE_MAX_CHARS and when in bare:
            removed.append(Removal("post header", b.text))
            continue  # "#2 Post by mia » 2024-04-13 22:16": the head's time, on a line
        if not keep_in_root(b, node.depth):
            if b.chars:
                removed.append(Removal("chrome", b.text[:200]))
            continue
        if b.kind is BlockType.IMAGE:
            kept.append(Block(BlockType.IMAGE, b.text, b.src))
            continue
        if (
            not seen_prose
            and not b.is_prose
            and b.kind is not BlockType.TABLE
            and scan_meta_line(b.text, meta)
        ):
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
        kept.append(Block(kind, b.text, header=b.header))
    # Trailing chrome: short non-prose lines after the last prose block.
    while kept and kept[-1].type is BlockType.HEADING:
        removed.append(Removal("trailing", kept.pop().text))
    _mark_captions(kept)
    if meta.url is None:
        meta.url = permalink(b.text for b in blocks)
    return Draft(title, kept, meta, removed, flat.assets)


def article_blocks(blocks: list[Raw], node: Node | None) -> list[Raw]:
    """The raw blocks of the article: the root's, up to the article's end."""
    if node is None:
        return []
    return blocks[node.start : _article_end(blocks, node)]


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
    furniture = _post_furniture(bodies) if draft.meta.thread else frozenset()
    for b in bodies:
        if b.text in furniture and b.type is not BlockType.POST:
            removed.append(Removal("post furniture", b.text))
            continue
        if b.type is not BlockType.IMAGE and _may_be_copy(b.text, draft.meta.thread):
            # A table laid out again (its cells in other rows: a mobile copy) is a copy too.
            key = _cells_key(b) if b.type is BlockType.TABLE else b.text
            if key in seen:
                removed.append(Removal("duplicate", b.text[:200]))
                continue
            seen.add(key)
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


def _post_furniture(blocks: list[Block]) -> frozenset[str]:
    """On a thread, the short lines that recur through the posts: the buttons and labels
    of each post ("Reply", "评论", "Quote"), never a reply of their own."""
    counts = Counter(
        b.text
        for b in blocks
        if b.type is BlockType.PARAGRAPH
        and len(b.text) <= h.POST_FURNITURE_MAX_CHARS
        and not h.PUNCT_RE.search(b.text)
    )
    return frozenset(t for t, n in counts.items() if n >= h.POST_FURNITURE_MIN_REPEATS)


def _cells_key(block: Block) -> str:
    return "\n".join(sorted(cell for row in block.rows for cell in row if cell))


def _may_be_copy(text: str, thread: bool) -> bool:
    """Whether a repeat of `text` is a copy to drop: a paragraph (a page that carries the
    article twice), a short labelled line ("Joined: 4 months ago" under every post), or
    on a thread any line that recurs (a signature, a rank, a log-in prompt under each
    post). Other short lines repeat legitimately: the labels of a meal plan's every day,
    the steps of a workout's every round."""
    if len(text) >= (h.DUPLICATE_LABEL_MIN_CHARS if thread else h.DUPLICATE_MIN_CHARS):
        return True
    return len(text) >= h.DUPLICATE_LABEL_MIN_CHARS and bool(h.SHORT_LABEL_RE.match(text))


def article(
    draft: Draft,
    blocks: list[Block],
    page: Page,
    *,
    sections: tuple[Section, ...],
) -> Article:
    """The finished Article record, its speakers not yet found (`reader.core.add_speakers`)."""
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
        encoding=page.encoding,
        format=page.format.value,
        path=str(page.path) if page.path else None,
        removed=tuple(draft.removed),
        language=detect_language(sample),
        assets=draft.assets,
    )


def _detect_script(text: str) -> Script:
    try:
        from reader.core.script_detect import detect_script  # noqa: PLC0415
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


def _post_heads(
    blocks: list[Raw], post_nodes: list[Node]
) -> dict[int, tuple[tuple[str, str], int]]:
    """First block of each post that names its author or time -> ((author, time), where
    its body starts). The poster's card comes first in a post: short lines (avatar, name,
    rank, post count) down to the last one that gives the author or the time; the head
    replaces them. Lines after it, or a post with no such line, stay."""
    heads: dict[int, tuple[tuple[str, str], int]] = {}
    for n in post_nodes:
        head = post_head(n.el)
        said = [x for x in head if x]
        if not said:
            continue
        body = n.start
        for i in range(n.start, n.end):
            b = blocks[i]
            if b.is_prose or b.chars > h.POST_HEAD_MAX_CHARS or b.kind is BlockType.TABLE:
                break
            if any(x in b.text for x in said):
                body = i + 1
        heads[n.start] = (head, body)
    return heads


def _announced_tables(blocks: list[Raw], node: Node, end: int) -> list[int]:
    """Tables just after the root that its last line announces ("附：", "as follows:"):
    an attachment laid out beside the article's container, not chrome."""
    if end != node.end or end >= len(blocks):
        return []
    last = next((b for b in reversed(blocks[node.start : end]) if b.chars), None)
    if last is None or not last.text.endswith((":", "：")):
        return []
    found = []
    for idx in range(end, len(blocks)):
        b = blocks[idx]
        if b.kind is BlockType.TABLE and b.chrome_depth < 0:
            found.append(idx)
        elif b.kind is not BlockType.CAPTION:
            break
    return found


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
