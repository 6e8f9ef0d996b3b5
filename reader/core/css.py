"""Which elements a page's own stylesheet hides.

Only `<style>` blocks are read (a saved page's linked sheets are not fetched: offline).
Each rule that sets `display` or `visibility` is matched as a selector, so that
`.featured-posts > .widget { display: none }` hides the widgets inside `.featured-posts`
and no other. Selectors made of compound selectors (tag, classes, id) joined by
descendant or child combinators are matched here, right to left from the elements that
carry the subject's class or id; rules whose context cannot be evaluated that way
(attributes, pseudo-classes, sibling combinators, a bare tag as subject) are left alone.
cssselect would evaluate them all, but cost 8 ms a page on ../shared/corpus_more
(a tenth of our extraction time) for rules that hide little of interest.

The last matching rule in source order decides (specificity is not weighed: a later,
narrower rule such as `.menu.open` showing what `.menu` hid is the common shape). Rules
inside conditional at-rules (`@media (max-width: …)`, print, `@supports`) do not apply
to a desktop reader and are skipped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.core.text import lazy_compile

if TYPE_CHECKING:
    from lxml import etree

#: `(?<![\w-])` keeps `-webkit-backface-visibility: hidden` from reading as `visibility`.
_DISPLAY_RE = lazy_compile(r"(?<![\w-])display\s*:\s*([\w-]+)", re.IGNORECASE)
_VISIBILITY_RE = lazy_compile(r"(?<![\w-])visibility\s*:\s*([\w-]+)", re.IGNORECASE)
_COMMENT_RE = lazy_compile(r"/\*.*?\*/", re.DOTALL)
_BRACE_RE = lazy_compile(r"[{}]")
#: Class and id names a selector requires (a cheap test before matching: most rules of a
#: site-wide sheet name classes that the saved page does not use).
_NAME_RE = lazy_compile(r"([.#])(-?[A-Za-z_][\w-]*)")


def rules(css: str) -> Iterator[tuple[str, bool]]:
    """(selector, hides) for each selector of each rule that sets `display` or
    `visibility` on a desktop screen, in source order."""
    for selectors, body in _blocks(_COMMENT_RE.sub(" ", css)):
        hides: bool | None = None
        if found := _DISPLAY_RE.findall(body):
            hides = found[-1].lower() == "none"
        if found := _VISIBILITY_RE.findall(body):
            hides = bool(hides) or found[-1].lower() == "hidden"
        if hides is None:
            continue
        for selector in selectors.split(","):
            if selector := selector.strip():
                yield selector, hides


def _blocks(css: str) -> Iterator[tuple[str, str]]:
    """(selector list, declarations) of the rules at top level and inside unconditional
    `@media screen`/`@media all` blocks; other at-rule blocks are skipped whole."""
    pos, n = 0, len(css)
    while pos < n:
        brace = css.find("{", pos)
        if brace < 0:
            return
        # After the `}` that closes an @media block, or an @import/@charset statement.
        prelude = css[pos:brace].rsplit("}", 1)[-1].rsplit(";", 1)[-1].strip()
        if prelude.startswith("@"):
            media = prelude.lower()
            if media.startswith("@media") and "(" not in media and "print" not in media:
                pos = brace + 1  # read the block's rules as top-level ones
                continue
            depth, pos = 1, n
            for m in _BRACE_RE.finditer(css, brace + 1):
                depth += 1 if m.group() == "{" else -1
                if depth == 0:
                    pos = m.end()
                    break
            continue
        close = css.find("}", brace)
        if close < 0:
            return
        yield prelude, css[brace + 1 : close]
        pos = close + 1


#: (tag or "", classes, id or "") of one compound selector.
_Compound = tuple[str, frozenset[str], str]
_COMPOUND_RE = lazy_compile(r"(\*|[A-Za-z][\w-]*)?((?:[.#]-?[A-Za-z_][\w-]*)*)")
_COMBINATOR_RE = lazy_compile(r"\s*>\s*|\s+")


@functools.lru_cache(maxsize=8192)
def _parse(selector: str) -> tuple[tuple[_Compound, ...], tuple[str, ...]] | None:
    """(compounds, combinators between them), or None for a selector not matched here."""
    if any(c in selector for c in "[]:+~()\\\"'"):
        return None
    compounds: list[_Compound] = []
    for part in _COMBINATOR_RE.split(selector.strip()):
        m = _COMPOUND_RE.fullmatch(part)
        if m is None or not part:
            return None
        names = _NAME_RE.findall(m.group(2))
        ids = [n for k, n in names if k == "#"]
        compound = (
            (m.group(1) or "").lower().replace("*", ""),
            frozenset(n for k, n in names if k == "."),
            ids[0] if ids else "",
        )
        compounds.append(compound)
    if not compounds or not (compounds[-1][1] or compounds[-1][2]):
        return None  # a bare tag as subject: too broad to evaluate cheaply, left alone
    return tuple(compounds), tuple(_combinators(selector.strip()))


def _combinators(selector: str) -> list[str]:
    return [">" if ">" in m.group() else " " for m in _COMBINATOR_RE.finditer(selector)]


def _matches(el: etree._Element, compound: _Compound) -> bool:
    tag, classes, ident = compound
    if tag and el.tag != tag:
        return False
    if ident and el.get("id") != ident:
        return False
    return not classes or classes <= set(el.get("class", "").split())


def _match_chain(
    el: etree._Element, compounds: tuple[_Compound, ...], combinators: tuple[str, ...]
) -> bool:
    """Does `el` (matching the last compound) stand in the context the others describe?
    Right to left and greedy: the nearest fitting ancestor is taken for each step."""
    node = el
    for i in range(len(compounds) - 2, -1, -1):
        parent = node.getparent()
        if combinators[i] == ">":
            if parent is None or not _matches(parent, compounds[i]):
                return False
            node = parent
            continue
        while parent is not None and not _matches(parent, compounds[i]):
            parent = parent.getparent()
        if parent is None:
            return False
        node = parent
    return True


def hidden_elements(root: etree._Element, css: str) -> list[etree._Element]:
    """The elements of `root` that the stylesheet `css` hides."""
    found = list(rules(css))
    if not found:
        return []
    by_class, by_id = _index(root)
    decided: dict[int, tuple[etree._Element, bool]] = {}
    for selector, hides in found:
        if not hides and not decided:
            continue  # nothing hidden yet that this rule could show again
        parsed = _parse(selector)
        if parsed is None:
            continue
        compounds, combinators = parsed
        _, classes, ident = compounds[-1]
        if ident:
            candidates = by_id.get(ident, [])
        else:
            candidates = min((by_class.get(c, []) for c in classes), key=len)
        for el in candidates:
            if _matches(el, compounds[-1]) and _match_chain(el, compounds, combinators):
                decided[id(el)] = (el, hides)
    return [el for el, hides in decided.values() if hides]


def _index(
    root: etree._Element,
) -> tuple[dict[str, list[etree._Element]], dict[str, list[etree._Element]]]:
    """The page's elements by class and by id."""
    by_class: dict[str, list[etree._Element]] = {}
    by_id: dict[str, list[etree._Element]] = {}
    for el in root.iterfind(".//*[@class]"):
        for c in el.get("class", "").split():
            by_class.setdefault(c, []).append(el)
    for el in root.iterfind(".//*[@id]"):
        by_id.setdefault(el.get("id", ""), []).append(el)
    return by_class, by_id
