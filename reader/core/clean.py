"""Cleaning: take out everything a reader never wants, found by its shape.

Two kinds of input are cleaned here:

* an HTML tree, parsed here (``parse_html``) and cleaned in place (``clean_tree``):
  scripts, styles, frames and forms; hidden elements (inline styles,
  ``hidden``/``aria-hidden``, classes a ``<style>`` block hides) except an article
  container hidden until scripts run;
* single text lines: SEO link farms (``is_spam``), labelled chrome lines
  (``is_junk_label``) and settings menus (``is_settings_chrome``).

Which part of a page is the article is decided in root.py; injected watermarks are found
in watermark.py; this module only removes what is junk wherever it stands.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from reader.core import heuristics as h
from reader.core.article import Removal
from reader.core.text import HAN_RE, lazy_compile, normalize_space, text_of, words_pattern

if TYPE_CHECKING:
    from lxml import etree  # imported where HTML is parsed: see parse_html

_HIDDEN_CLASS_RE = lazy_compile(
    r"\.([A-Za-z][\w-]*)\s*\{[^}]*?(?:display\s*:\s*none|visibility\s*:\s*hidden)"
)


#: Control characters lxml refuses in text nodes (damaged files hold them); removed.
_NOT_XML_RE = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@functools.cache
def _parser() -> etree.HTMLParser:
    from lxml import etree  # noqa: PLC0415 - see parse_html

    # huge_tree: a SingleFile page inlines pictures as data: URIs of megabytes each, past
    # libxml2's default limits (it stops parsing there). Size is bounded by the loader.
    return etree.HTMLParser(
        remove_blank_text=False, remove_comments=False, no_network=True, huge_tree=True
    )


def parse_html(markup: str) -> etree._Element:
    """Parse markup into an lxml tree.

    libxml2 stops nesting at a fixed depth (2,048 levels with huge_tree), so a page nested
    100,000 deep loses its deepest text instead of exhausting a stack.
    """
    # lxml is imported on the first HTML page, not with this module: a text dump never
    # needs it, and importing it would cost every start-up 12 ms.
    from lxml import etree  # noqa: PLC0415

    markup = markup.lstrip("\ufeff")
    if _NOT_XML_RE.search(markup):
        markup = _NOT_XML_RE.sub("", markup)
    # lxml refuses str input with an XML encoding declaration.
    if markup.startswith("<?xml"):
        end = markup.find("?>")
        markup = markup[end + 2 :] if end >= 0 else markup
    root = None
    try:
        root = etree.fromstring(markup, _parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:  # empty or unparseable markup
        root = etree.fromstring("<html><body></body></html>", _parser())
    return root


def _prose_chars(el: etree._Element) -> int:
    text = text_of(el)
    if len(text) < h.HIDDEN_ARTICLE_MIN_CHARS:
        return 0
    return len(HAN_RE.findall(text)) if h.PUNCT_RE.search(text) else 0


def _is_hidden(el: etree._Element, hidden_classes: frozenset[str]) -> bool:
    attrib = el.attrib
    if "hidden" in attrib or attrib.get("aria-hidden", "").lower() == "true":
        return True
    style = attrib.get("style")
    if style and h.HIDDEN_STYLE_RE.search(style):
        return True
    if hidden_classes:
        cls = attrib.get("class")
        if cls and not hidden_classes.isdisjoint(cls.split()):
            return True
    return False


#: Elements that may be hidden, found by libxml2 before Python looks closer: anything with
#: a `hidden` or `aria-hidden` attribute, or a style that mentions none/hidden/0.
@functools.cache
def _maybe_hidden() -> etree.XPath:
    from lxml import etree  # noqa: PLC0415 - see parse_html

    return etree.XPath(
        "//*[@hidden or @aria-hidden or contains(@style, 'none') or contains(@style, 'hidden')"
        " or contains(@style, '0')]"
    )


def _hidden_candidates(
    root: etree._Element, hidden_classes: frozenset[str]
) -> list[etree._Element]:
    """Elements that may be hidden: the XPath prefilter's, plus any element wearing a class
    a <style> block hides (checked in Python: one XPath test per class costs 0.2 s on a
    1 MB encyclopedia page)."""
    found = list(_maybe_hidden()(root))
    if hidden_classes:
        # lxml hands back the same proxy for a node while one is alive: ids are stable here.
        seen = {id(el) for el in found}
        found += [
            el
            for el in root.iterfind(".//*[@class]")
            if id(el) not in seen and not hidden_classes.isdisjoint(el.get("class", "").split())
        ]
    return found


#: The tag hidden elements are renamed to, so that libxml2 removes them all at once.
_DOOMED = "qingdu-removed"


def clean_tree(root: etree._Element) -> list[Removal]:
    """Remove non-content elements from `root` in place; return what was removed and why."""
    from lxml import etree  # noqa: PLC0415 - see parse_html

    removed: list[Removal] = []
    styles = " ".join(s.text or "" for s in root.iter("style"))
    hidden_classes = frozenset(_HIDDEN_CLASS_RE.findall(styles))
    etree.strip_elements(
        root, etree.Comment, etree.ProcessingInstruction, *h.DROP_TAGS, with_tail=False
    )
    for el in _hidden_candidates(root, hidden_classes):
        if not _is_hidden(el, hidden_classes):
            continue
        # An article hidden until its scripts run (WeChat style) stays; a leaf with a
        # short text (the usual anti-scraping span) cannot be one, and is not measured.
        if (len(el) or len(el.text or "") >= h.HIDDEN_ARTICLE_MIN_CHARS) and _prose_chars(
            el
        ) >= h.HIDDEN_ARTICLE_MIN_CHARS:
            continue
        if len(removed) < h.MAX_HIDDEN_REMOVALS_LOGGED:
            text = normalize_space(text_of(el))
            if text:
                removed.append(Removal("hidden", text[:200]))
        el.tag = _DOOMED  # removed below in one pass inside libxml2
    etree.strip_elements(root, _DOOMED, with_tail=False)
    return removed


# --------------------------------------------------------------------------- line rules


def is_spam(text: str) -> bool:
    """A run of many `|`-separated short keyword phrases (an SEO link farm)."""
    if text.count("|") + text.count("｜") < h.SPAM_MIN_SEPARATORS - 1:
        return False
    parts = [p for p in re.split(r"[|｜]", text) if p.strip()]
    if len(parts) < h.SPAM_MIN_SEPARATORS:
        return False
    return sum(len(p.strip()) for p in parts) / len(parts) <= h.SPAM_MAX_PHRASE_CHARS


_JUNK_PREFIX_RE = re.compile("[【\\[（(「『 ·•]*(" + words_pattern(h.JUNK_LINE_PREFIXES) + ")(.?)")


def is_junk_label(text: str) -> bool:
    """A line labelled as chrome: prev/next, editor, disclaimer, share, copyright ..."""
    if len(text) <= h.FOOTER_MAX_CHARS and h.FOOTER_RE.search(text):
        return True
    m = _JUNK_PREFIX_RE.match(text)
    if m is None:
        return bool(h.NOTICE_LABEL_RE.match(text) or h.META_LABEL_RE.match(text))
    if m.group(1).endswith((":", "：")) or len(text) <= 60:
        return True
    return m.group(2) in (":", "：", " ", "】", "]", "|", "｜")


def is_junk(text: str) -> bool:
    """Chrome or spam whatever its container: a labelled line, a settings menu item or an
    SEO link farm."""
    return is_junk_label(text) or is_settings_chrome(text) or is_spam(text)


def is_settings_chrome(text: str) -> bool:
    """A line of a reader site's settings menu (設置 / 日夜間 / 隨系統 ...)."""
    return len(text) <= 12 and text.strip(" •·-*>|") in h.SETTINGS_LABELS
