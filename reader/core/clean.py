"""Cleaning: take out everything a reader never wants, found by its shape.

Two kinds of input are cleaned here:

* an HTML tree, parsed here (``parse_html``) and cleaned in place (``clean_tree``):
  scripts, styles, frames and forms; hidden elements (inline styles,
  ``hidden``/``aria-hidden``, what the page's ``<style>`` rules hide: css.py) except an
  article container hidden until scripts run;
* single text lines: SEO link farms (``is_spam``), labelled chrome lines
  (``is_junk_label``) and settings menus (``is_settings_chrome``).

Which part of a page is the article is decided in root.py; injected watermarks are found
in watermark.py; this module only removes what is junk wherever it stands.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.core import css
from reader.core import heuristics as h
from reader.core.article import Removal
from reader.core.text import HAN_RE, lazy_compile, normalize_space, text_of, words_pattern

if TYPE_CHECKING:
    from lxml import etree  # imported where HTML is parsed: see parse_html

#: Control characters lxml refuses in text nodes (damaged files hold them); removed.
_NOT_XML_RE = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: The same characters one by one: a page is tested for each with `in` (a scan at memchr
#: speed, 40% cheaper than the regex's character class over a 100 KB page).
_NOT_XML_CHARS = tuple(
    chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)
)


@functools.cache
def _parser() -> etree.HTMLParser:
    from lxml import etree  # noqa: PLC0415 - see parse_html

    # huge_tree: a SingleFile page inlines pictures as data: URIs of megabytes each, past
    # libxml2's default limits (it stops parsing there). Size is bounded by the loader.
    # collect_ids=False: no table of the `id`s (nothing looks elements up by id; the
    # attributes stay), 4% of parsing.
    return etree.HTMLParser(
        remove_blank_text=False,
        remove_comments=False,
        no_network=True,
        huge_tree=True,
        collect_ids=False,
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
    if any(c in markup for c in _NOT_XML_CHARS):
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
    """Prose characters in `el`: Han characters, plus the letters of other scripts at
    their weight (h.LATIN_CHARS_PER_HAN), when the text has sentence punctuation."""
    text = text_of(el)
    if len(text) < h.HIDDEN_ARTICLE_MIN_CHARS or not h.PUNCT_RE.search(text):
        return 0
    han = len(HAN_RE.findall(text))
    letters = sum(map(str.isalpha, text)) - han
    return han + letters // h.LATIN_CHARS_PER_HAN


def _is_hidden(el: etree._Element) -> bool:
    attrib = el.attrib
    if "hidden" in attrib or attrib.get("aria-hidden", "").lower() == "true":
        return True
    style = attrib.get("style")
    return bool(style and h.HIDDEN_STYLE_RE.search(style))


def _maybe_hidden(root: etree._Element) -> Iterator[etree._Element]:
    """The elements of `root`'s document (its top-level siblings too: a page may hold a
    second <html>), in document order, with a `hidden` or `aria-hidden` attribute or a
    style that mentions none/hidden/0 (case-sensitive, a cheap test before
    HIDDEN_STYLE_RE). One walk in Python, testing attributes where an element has any,
    costs half of an XPath predicate asked of every element."""
    from lxml import etree  # noqa: PLC0415 - see parse_html

    for top in (*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()):
        for el in top.iter(etree.Element):
            attrib = el.attrib
            if not attrib:
                continue
            style = attrib.get("style")
            if (
                (style and ("none" in style or "hidden" in style or "0" in style))
                or "hidden" in attrib
                or "aria-hidden" in attrib
            ):
                yield el


#: The tag hidden elements are renamed to, so that libxml2 removes them all at once.
_DOOMED = "qingdu-removed"


def clean_tree(root: etree._Element) -> list[Removal]:
    """Remove non-content elements from `root` in place; return what was removed and why."""
    from lxml import etree  # noqa: PLC0415 - see parse_html

    removed: list[Removal] = []
    styles = " ".join(s.text or "" for s in root.iter("style"))
    etree.strip_elements(
        root, etree.Comment, etree.ProcessingInstruction, *h.DROP_TAGS, with_tail=False
    )
    hidden = [el for el in _maybe_hidden(root) if _is_hidden(el)]
    inline = len(hidden)
    if styles:
        hidden += css.hidden_elements(root, styles)
    page_prose = -1
    for i, el in enumerate(hidden):
        if el.tag == _DOOMED:
            continue
        # An article hidden until its scripts run stays: an element with most of the
        # page's prose (WeChat's inline `visibility: hidden`, an app root hidden by the
        # stylesheet until scripts start). A leaf with a short text (the usual
        # anti-scraping span) cannot be one, and is not measured; a hidden copy of a
        # visible article (a print or AMP twin) holds only half the page's prose, and
        # goes; so does a closed dialog, however long (mh-nbcnews' cookie policy).
        if len(el) or len(el.text or "") >= h.HIDDEN_ARTICLE_MIN_CHARS:
            prose = _prose_chars(el)
            if prose >= h.HIDDEN_ARTICLE_MIN_CHARS:
                if page_prose < 0:
                    page_prose = _prose_chars(root)
                share = h.HIDDEN_ARTICLE_MIN_SHARE if i < inline else h.CSS_HIDDEN_ARTICLE_MIN_SHARE
                if prose > share * page_prose:
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
