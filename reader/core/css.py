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
#: Class and id names a selector requires (a cheap test before matching: most rules of a
#: site-wide sheet name classes that the saved page does not use).
_NAME_RE = lazy_compile(r"([.#])(-?[A-Za-z_][\w-]*)")


def rules(css: str) -> Iterator[tuple[str, bool]]:
    """(selector, hides) for each selector of each rule that sets `display` or
    `visibility` on a desktop screen, in source order."""
    if "display" not in css and "visibility" not in css:
        return
    if "/*" in css:
        css = _COMMENT_RE.sub(" ", css)
    if "@" in css:
        css = _desktop_rules(css)
    # Only the rules whose declarations name display or visibility, found from those
    # words: a site-wide sheet has thousands of rules, a few dozen of them these.
    done = -1
    for at in _show_hide_words(css):
        if at < done:
            continue  # another word of a rule already read
        close = css.find("}", at)
        if close < 0:
            break  # no rule ends after this: the sheet is cut short
        done = close
        # Backward searches stay within a window, so that a damaged sheet (braces that
        # never close) costs linear time.
        window = max(0, at - _MAX_RULE_CHARS)
        brace = css.rfind("{", window, at)
        if brace < 0 or "}" in css[brace:at]:
            continue  # not inside a rule's declarations
        body = css[brace + 1 : close]
        hides: bool | None = None
        if found := _declared(_DISPLAY_RE, "display", body):
            hides = found[-1].lower() == "none"
        if found := _declared(_VISIBILITY_RE, "visibility", body):
            hides = bool(hides) or found[-1].lower() == "hidden"
        if hides is None:
            continue
        lo = max(0, brace - _MAX_RULE_CHARS)
        start = max(css.rfind("}", lo, brace), css.rfind("{", lo, brace), lo - 1)
        start = max(start, css.rfind(";", start + 1, brace))
        for selector in css[start + 1 : brace].split(","):
            if selector := selector.strip():
                yield selector, hides


def _declared(pattern: re.Pattern[str], name: str, body: str) -> list[str]:
    """The values `pattern` finds for the property `name` in declarations `body`. A rule
    names one of the two properties (the other seldom): in ASCII text the pattern, case
    aside, needs the name as it is in lower case, and is not run where it is not."""
    if body.isascii() and name not in body.lower():
        return []
    return pattern.findall(body)


#: Longer selector lists or declaration blocks than this are not looked into (a real one
#: is a few hundred characters; this bounds the cost of a damaged sheet).
_MAX_RULE_CHARS = 4096
#: Property names are written in lower case (in every sheet of both corpora): they are
#: found case-sensitively, by `str.find` (twice as fast as a regex alternation on a 500 KB
#: sheet).
_SHOW_HIDE_WORDS = ("display", "visibility")


def _show_hide_words(css: str) -> Iterator[int]:
    """Where each of `_SHOW_HIDE_WORDS` occurs in `css`, in order (neither word can overlap
    itself or the other, so these are the matches of `display|visibility`)."""
    first, second = _SHOW_HIDE_WORDS
    a, b = css.find(first), css.find(second)
    while a >= 0 or b >= 0:
        if b < 0 or 0 <= a < b:
            yield a
            a = css.find(first, a + len(first))
        else:
            yield b
            b = css.find(second, b + len(second))


#: An at-rule's head: `@media screen {`, `@font-face {`, `@import url(x);`.
_AT_RULE_RE = lazy_compile(r"@([\w-]+)([^{};]*)([{;])")


def _desktop_rules(css: str) -> str:
    """`css` without the at-rule blocks that do not apply on a desktop screen
    (`@media (max-width: …)`, print, `@supports`, keyframes, font faces), and with
    unconditional `@media screen`/`@media all` blocks opened (their rules kept)."""
    out: list[str] = []
    pos = 0
    while (m := _AT_RULE_RE.search(css, pos)) is not None:
        out.append(css[pos : m.start()])
        pos = m.end()
        if m.group(3) == ";":
            continue  # @import, @charset: a statement
        name, cond = m.group(1).lower(), m.group(2).lower()
        if name == "media" and "(" not in cond and "print" not in cond:
            out.append("{")  # the block's rules stay; its braces only separate them
            continue
        pos = _block_end(css, pos)
        out.append("}")
    out.append(css[pos:])
    return "".join(out)


def _block_end(css: str, pos: int) -> int:
    """Just after the "}" that closes the block open at `pos` (its nested blocks skipped),
    or the sheet's end. The depth can reach 0 only at a "}": the "{"s before each are
    counted in one go, not one by one."""
    depth = 1
    while (close := css.find("}", pos)) >= 0:
        depth += css.count("{", pos, close) - 1
        if depth == 0:
            return close + 1
        pos = close + 1
    return len(css)


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
    found = [(parsed, hides) for s, hides in rules(css) if (parsed := _parse(s)) is not None]
    if not any(hides for _, hides in found):
        return []
    by_class, by_id = _index(root, {c for (cs, _), _ in found for comp in cs for c in comp[1]})
    decided: dict[int, tuple[etree._Element, bool]] = {}
    for (compounds, combinators), hides in found:
        if not hides and not decided:
            continue  # nothing hidden yet that this rule could show again
        if not all(
            all(c in by_class for c in comp_classes) and (not comp_id or comp_id in by_id)
            for _, comp_classes, comp_id in compounds
        ):
            continue  # names a class or id this page does not have: matches nothing
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
    root: etree._Element, wanted: set[str]
) -> tuple[dict[str, list[etree._Element]], dict[str, list[etree._Element]]]:
    """The page's elements by class (the `wanted` classes only) and by id."""
    from lxml import etree  # noqa: PLC0415 - see clean.parse_html

    by_class: dict[str, list[etree._Element]] = {}
    by_id: dict[str, list[etree._Element]] = {}
    for el in root.iterdescendants(etree.Element):  # one walk for both
        attrib = el.attrib
        if not attrib:
            continue
        if (classes := attrib.get("class")) is not None:
            for c in classes.split():
                if c in wanted:
                    by_class.setdefault(c, []).append(el)
        if (ident := attrib.get("id")) is not None:
            by_id.setdefault(ident, []).append(el)
    return by_class, by_id
