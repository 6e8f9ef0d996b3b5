"""Choosing the article root: the block element whose blocks score highest as prose minus a
weighted share of non-prose text (``heuristics.JUNK_WEIGHT``), after marking chrome (chrome
names and tags, feeds of look-alike cards); which of the root's blocks stay."""

from __future__ import annotations

from reader.core import heuristics as h
from reader.core.article import BlockType
from reader.core.flatten import Node, Raw


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


def mark_chrome(blocks: list[Raw], nodes: list[Node]) -> None:
    """Give each block the depth of its deepest chrome ancestor.

    A chrome-named element that holds most of the page's prose is not chrome (ASP.NET
    pages wrap everything in one form, blogs name their main column "sidebar-right").
    """
    prose = [0]
    for b in blocks:
        prose.append(prose[-1] + (b.chars if b.is_prose else 0))
    total = prose[-1] or 1
    _mark_feeds(blocks, nodes)
    for node in nodes:
        if node.strong_chrome or (
            node.chrome and (prose[node.end] - prose[node.start]) / total < h.CHROME_MAX_PROSE_SHARE
        ):
            for b in blocks[node.start : node.end]:
                b.chrome_depth = max(b.chrome_depth, node.depth)


def _mark_feeds(blocks: list[Raw], nodes: list[Node]) -> None:
    """Mark as strong chrome the items of a feed: FEED_MIN_ITEMS or more siblings of one
    shape (tag and class) that each hold a linked headline, like "more stories" boxes."""
    groups: dict[tuple[int, str, str], list[Node]] = {}
    for node in nodes:
        parent = node.el.getparent()
        if parent is None or node.end <= node.start or node.el.tag not in h.FEED_ITEM_TAGS:
            continue
        cls = node.el.get("class", "").split()
        if node.el.tag != "li" and not cls:
            continue  # classless <div>s are page layout, not cards
        # The first class names the card; later ones vary per item (first/last, ads).
        key = (id(parent), node.el.tag, cls[0] if cls else "")
        groups.setdefault(key, []).append(node)
    for members in groups.values():
        if len(members) < h.FEED_MIN_ITEMS:
            continue
        linked = 0
        for node in members:
            if any(
                b.link_density > h.LINK_DENSITY_MAX and b.chars >= h.FEED_HEADLINE_MIN_CHARS
                for b in blocks[node.start : node.end]
            ):
                linked += 1
        sizes = [sum(b.chars for b in blocks[node.start : node.end]) for node in members]
        has_summary = any(b.is_prose for node in members for b in blocks[node.start : node.end])
        if (
            has_summary
            and sorted(sizes)[len(sizes) // 2] <= h.FEED_MAX_ITEM_CHARS
            and linked >= h.FEED_LINKED_SHARE * len(members)
        ):
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
