"""Choosing the article root: the block element whose blocks score highest as prose minus a
weighted share of non-prose text (``heuristics.JUNK_WEIGHT``), after marking chrome (chrome
names and tags, feeds of look-alike cards, weighed against the prose they hold); which of
the root's blocks stay; on a thread, which look-alike items are its posts."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from reader.core import heuristics as h
from reader.core.article import BlockType
from reader.core.flatten import Node, Raw, class_words
from reader.core.text import text_of

if TYPE_CHECKING:
    from lxml import etree


def _block_values(b: Raw) -> tuple[float, float]:
    """(prose value, junk value) of one block for scoring a candidate root."""
    if b.kind is BlockType.IMAGE:
        return 0.0, 0.0
    if b.chrome_depth >= 0 or b.junk:
        return 0.0, float(b.chars)
    if b.kind is BlockType.HEADING:
        return (0.0, 0.0) if b.link_density <= h.LINK_DENSITY_MAX else (0.0, float(b.chars))
    if b.is_prose:
        weight = h.LIST_PROSE_WEIGHT if b.kind is BlockType.LIST_ITEM else 1.0
        return b.chars * (1.0 - b.link_density) * weight, 0.0
    if b.chars >= h.PLAIN_MIN_CHARS and b.link_density <= h.PLAIN_MAX_LINK_DENSITY:
        return b.chars * h.PLAIN_WEIGHT, 0.0
    return 0.0, float(b.chars)


def chrome_level(el: etree._Element, thread: bool = False) -> int:
    """0: not chrome; 1: chrome unless it holds most of the prose; 2: always chrome.
    On a thread, the names of posts (comments, replies) are not chrome."""
    words = class_words(el)
    if not words:
        # Most elements have no class or id: only their tag or role can make them chrome.
        if el.tag == "dialog" and _mostly_form(el):
            return 2
        return 1 if el.tag in h.CHROME_TAGS or el.get("role") in h.CHROME_ROLES else 0
    if thread and words & h.THREAD_POST_WORDS:
        words = words - h.THREAD_POST_WORDS
    if words & h.STRONG_CHROME_WORDS and not words & h.CONTENT_WORDS:
        return 2
    if _is_dialog(el, words) and _mostly_form(el):
        return 2
    if words & h.STRONG_CHROME_WORDS:
        # A name that also says content ("post … comments-open", "comment-content"): the
        # element is chrome only if it holds little of the prose, like any other.
        return 1
    if el.tag in h.CHROME_TAGS or el.get("role") in h.CHROME_ROLES:
        return 1
    return 1 if words & h.CHROME_WORDS and not words & h.CONTENT_WORDS else 0


def _is_dialog(el: etree._Element, words: frozenset[str]) -> bool:
    """A dialog box (by tag or name). One that is mostly a form (report abuse, log in,
    subscribe) is chrome however much it explains: the reasons to report a post outweigh
    a short post (mhf-learnku)."""
    return bool(words & h.DIALOG_WORDS) or el.tag == "dialog"


def _mostly_form(el: etree._Element) -> bool:
    """Whether most of `el`'s text is inside forms (a dialog that asks, not a page
    wrapper that happens to hold a search box)."""
    forms = sum(len(text_of(f)) for f in el.iter("form"))
    return forms > 0 and forms >= h.DIALOG_FORM_MIN_SHARE * len(text_of(el))


def mark_chrome(blocks: list[Raw], nodes: list[Node], thread: bool = False) -> None:
    """Give each block the depth of its deepest chrome ancestor.

    A chrome-named element that holds most of the page's prose is not chrome (ASP.NET
    pages wrap everything in one form, blogs name their main column "sidebar-right").
    On a thread (`thread`), the posts' names are not chrome, and a group of look-alike
    items holding most of the prose is the thread, not a feed. Marking again (with
    another `thread`) starts afresh.
    """
    prose = _prose_sums(blocks)
    for b in blocks:
        b.chrome_depth = -1
    total = prose[-1] or 1
    for node in nodes:
        level = chrome_level(node.el, thread) if node.el.tag not in ("body", "html") else 0
        node.chrome, node.strong_chrome = level > 0, level > 1
    _mark_feeds(blocks, nodes, total if thread else 0)
    for node in nodes:
        if node.strong_chrome or (
            node.chrome and (prose[node.end] - prose[node.start]) / total < h.CHROME_MAX_PROSE_SHARE
        ):
            for b in blocks[node.start : node.end]:
                b.chrome_depth = max(b.chrome_depth, node.depth)


def _mark_feeds(blocks: list[Raw], nodes: list[Node], thread_prose: int = 0) -> None:
    """Mark as strong chrome the items of a feed: FEED_MIN_ITEMS or more siblings of one
    shape (tag and class) that each hold a linked headline, like "more stories" boxes.
    With `thread_prose` (a thread's total prose), items that hold most of it are posts."""
    items: list[tuple[Node, int, list[str]]] = []
    parents: defaultdict[str, set[int]] = defaultdict(set)  # first class -> its parents
    for node in nodes:
        if node.end <= node.start or node.el.tag not in h.FEED_ITEM_TAGS:
            continue
        parent = node.el.getparent()
        cls = node.el.get("class", "").split()
        if parent is None or (node.el.tag != "li" and not cls):
            continue  # classless <div>s are page layout, not cards
        if cls:
            parents[cls[0]].add(id(parent))
        items.append((node, id(parent), cls))
    groups: defaultdict[tuple[int, str, str], list[Node]] = defaultdict(list)
    for node, parent_id, cls in items:
        # The first class names the card; later ones vary per item (first/last, ads). A
        # first class found under many parents is a CSS framework's prefix ("ui segment",
        # "ui message"), which names nothing: the next class does.
        name = cls[0] if cls else ""
        if cls and len(parents[cls[0]]) > h.FEED_CLASS_MAX_PARENTS:
            name = " ".join(cls[:2])
        groups[parent_id, node.el.tag, name].append(node)
    for members in groups.values():
        if len(members) < h.FEED_MIN_ITEMS:
            continue
        sizes = [sum(b.chars for b in blocks[node.start : node.end]) for node in members]
        if (
            sorted(sizes)[len(sizes) // 2] > h.FEED_MAX_ITEM_CHARS
            or max(sizes) > h.FEED_MAX_LONGEST_ITEM_CHARS
        ):
            continue
        ranges = [blocks[node.start : node.end] for node in members]
        linked = sum(
            any(
                b.link_density > h.LINK_DENSITY_MAX and b.chars >= h.FEED_HEADLINE_MIN_CHARS
                for b in item
            )
            for item in ranges
        )
        if (
            linked < h.FEED_LINKED_SHARE * len(members)
            or not any(b.is_prose for item in ranges for b in item)  # no summary
            or sum(b.link_chars for item in ranges for b in item)
            < h.FEED_MIN_LINK_SHARE * sum(sizes)
        ):
            continue
        if thread_prose:
            held = sum(b.chars for item in ranges for b in item if b.is_prose)
            if held > h.CHROME_MAX_PROSE_SHARE * thread_prose:
                continue  # the posts of the thread
        for node in members:
            node.chrome = node.strong_chrome = True


def choose_root(blocks: list[Raw], nodes: list[Node]) -> Node | None:
    good = [0.0]
    bad = [0.0]
    for b in blocks:
        g, j = _block_values(b)
        good.append(good[-1] + g)
        bad.append(bad[-1] + j)
    best: Node | None = None
    best_score = 0.0
    for node in nodes:
        if node.end <= node.start:
            continue
        g = good[node.end] - good[node.start]
        if g <= 0:
            continue
        j = bad[node.end] - bad[node.start]
        score = g * g / (g + h.JUNK_WEIGHT * j)
        if score > best_score:  # ties go to the ancestor, which keeps neutral neighbours
            best, best_score = node, score
    return best


def keep_in_root(b: Raw, root_depth: int) -> bool:
    if b.kind is BlockType.IMAGE:
        return b.chrome_depth <= root_depth
    if b.chrome_depth > root_depth:
        return False
    if b.link_density > h.LINK_DENSITY_MAX and b.chars < h.LINKED_PROSE_MIN_CHARS:
        return False
    return not b.junk


def posts(blocks: list[Raw], nodes: list[Node], root: Node) -> list[Node]:
    """The posts of a thread inside its root: the largest group of look-alike siblings (tag
    and first class) that holds most of the root's prose (the first post may differ in
    shape, and is then not among them)."""
    groups: dict[tuple[int, str, str], list[Node]] = {}
    for n in nodes:
        if n.start < root.start or n.end > root.end or n.end <= n.start or n is root:
            continue
        cls = n.el.get("class", "").split()
        groups.setdefault((id(n.el.getparent()), n.el.tag, cls[0] if cls else ""), []).append(n)
    prose = _prose_sums(blocks)
    best: list[Node] = []
    best_prose = h.POST_MIN_PROSE_SHARE * (prose[root.end] - prose[root.start])
    for members in groups.values():
        if len(members) < h.POST_MIN_ITEMS:
            continue
        held = sum(prose[n.end] - prose[n.start] for n in members)
        if held >= best_prose and held > 0:
            best, best_prose = members, held
    return best


def _prose_sums(blocks: list[Raw]) -> list[int]:
    """Prose characters before each block (and in all of them, last): a node's prose is
    `sums[node.end] - sums[node.start]`."""
    sums = [0]
    for b in blocks:
        sums.append(sums[-1] + (b.chars if b.is_prose else 0))
    return sums
