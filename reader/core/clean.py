"""Cleaning: take out everything a reader never wants, found by its shape.

Two kinds of input are cleaned here:

* an HTML tree (``clean_tree``): scripts, styles, frames and forms; hidden elements
  (inline styles, ``hidden``/``aria-hidden``, classes a ``<style>`` block hides) except an
  article container hidden until scripts run;
* lists of text lines or blocks: injected watermarks (``find_watermarks``), SEO link
  farms (``is_spam``) and labelled chrome lines (``is_junk_label``).

Which part of a page is the article is decided in extract.py; this module only removes
what is junk wherever it stands.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reader.core import css
from reader.core import selectors as sel
from reader.core.article import Removal

if TYPE_CHECKING:
    from lxml import etree  # imported where HTML is parsed: see parse_html

_CJK_WIDE = f"{sel.CJK_CLASS}\u3001-\u303f\uff00-\uffef“”‘’"
_CJK_BREAK_RE = sel.lazy_compile(rf"(?<=[{_CJK_WIDE}])[ \t\r]*\n\s*(?=[{_CJK_WIDE}])")


def normalize_space(text: str) -> str:
    """Collapse white space to single spaces, and drop the white space of a source line
    break between two CJK characters (HTML wraps Chinese text anywhere). A space typed
    between CJK words on one line ("沈若溪 摄", a full-width space in a headline) stays."""
    if "\n" in text:
        text = _CJK_BREAK_RE.sub("", text)
    return " ".join(text.split())  # str.split() knows U+00A0 and U+3000


def text_of(el: etree._Element) -> str:
    """All text inside `el` (its tail excluded)."""
    return "".join(el.itertext())


#: Control characters lxml refuses in text nodes (damaged files hold them); removed.
_NOT_XML_RE = sel.lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


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
    """Prose characters in `el`: Han characters, plus the letters of other scripts at
    their weight (sel.LATIN_CHARS_PER_HAN), when the text has sentence punctuation."""
    text = text_of(el)
    if len(text) < sel.HIDDEN_ARTICLE_MIN_CHARS or not sel.PUNCT_RE.search(text):
        return 0
    return prose_weight(text)


def prose_weight(text: str) -> int:
    """The length of `text` in Han-character equivalents: a Han character counts one,
    sel.LATIN_CHARS_PER_HAN letters of an alphabetic script count one."""
    han = len(sel.CJK_RE.findall(text))
    letters = sum(1 for ch in text if ch.isalpha()) - han
    return han + letters // sel.LATIN_CHARS_PER_HAN


def _is_hidden(el: etree._Element) -> bool:
    attrib = el.attrib
    if "hidden" in attrib or attrib.get("aria-hidden", "").lower() == "true":
        return True
    style = attrib.get("style")
    return bool(style and sel.HIDDEN_STYLE_RE.search(style))


#: The removal log is for people reading --dump output; a page with 50,000 hidden spans
#: does not need 50,000 entries.
_MAX_REMOVALS_LOGGED = 200


#: Elements that may be hidden, found by libxml2 before Python looks closer: anything with
#: a `hidden` or `aria-hidden` attribute, or a style that mentions none/hidden/0.
@functools.cache
def _maybe_hidden() -> etree.XPath:
    from lxml import etree  # noqa: PLC0415 - see parse_html

    return etree.XPath(
        "//*[@hidden or @aria-hidden or contains(@style, 'none') or contains(@style, 'hidden')"
        " or contains(@style, '0')]"
    )


#: The tag hidden elements are renamed to, so that libxml2 removes them all at once.
_DOOMED = "qingdu-removed"


def clean_tree(root: etree._Element) -> list[Removal]:
    """Remove non-content elements from `root` in place; return what was removed and why."""
    from lxml import etree  # noqa: PLC0415 - see parse_html

    removed: list[Removal] = []
    styles = " ".join(s.text or "" for s in root.iter("style"))
    etree.strip_elements(
        root, etree.Comment, etree.ProcessingInstruction, *sel.DROP_TAGS, with_tail=False
    )
    hidden = [el for el in _maybe_hidden()(root) if _is_hidden(el)]
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
        if len(el) or len(el.text or "") >= sel.HIDDEN_ARTICLE_MIN_CHARS:
            prose = _prose_chars(el)
            if prose >= sel.HIDDEN_ARTICLE_MIN_CHARS:
                if page_prose < 0:
                    page_prose = _prose_chars(root)
                share = (
                    sel.HIDDEN_ARTICLE_MIN_SHARE if i < inline else sel.CSS_HIDDEN_ARTICLE_MIN_SHARE
                )
                if prose > share * page_prose:
                    continue
        if len(removed) < _MAX_REMOVALS_LOGGED:
            text = normalize_space(text_of(el))
            if text:
                removed.append(Removal("hidden", text[:200]))
        el.tag = _DOOMED  # removed below in one pass inside libxml2
    etree.strip_elements(root, _DOOMED, with_tail=False)
    return removed


# --------------------------------------------------------------------------- line rules


def is_spam(text: str) -> bool:
    """A run of many `|`-separated short keyword phrases (an SEO link farm)."""
    if text.count("|") + text.count("｜") < sel.SPAM_MIN_SEPARATORS - 1:
        return False
    parts = [p for p in re.split(r"[|｜]", text) if p.strip()]
    if len(parts) < sel.SPAM_MIN_SEPARATORS:
        return False
    return sum(len(p.strip()) for p in parts) / len(parts) <= sel.SPAM_MAX_PHRASE_CHARS


_JUNK_PREFIX_RE = re.compile(
    "[【\\[（(「『 ·•]*(" + sel.words_pattern(sel.JUNK_LINE_PREFIXES) + ")(.?)"
)


def is_junk_label(text: str) -> bool:
    """A line labelled as chrome: prev/next, editor, disclaimer, share, copyright ..."""
    if len(text) <= sel.FOOTER_MAX_CHARS and sel.FOOTER_RE.search(text):
        return True
    m = _JUNK_PREFIX_RE.match(text)
    if m is None:
        return bool(sel.NOTICE_LABEL_RE.match(text) or sel.META_LABEL_RE.match(text))
    if m.group(1).endswith((":", "：")) or len(text) <= 60:
        return True
    return m.group(2) in (":", "：", " ", "】", "]", "|", "｜")


def is_junk(text: str) -> bool:
    """Chrome or spam whatever its container: a labelled line, a settings menu item or an
    SEO link farm."""
    return is_junk_label(text) or is_settings_chrome(text) or is_spam(text)


def is_settings_chrome(text: str) -> bool:
    """A line of a reader site's settings menu (設置 / 日夜間 / 隨系統 ...)."""
    return len(text) <= 12 and text.strip(" •·-*>|") in sel.SETTINGS_LABELS


# --------------------------------------------------------------------------- watermarks

_GRAM = sel.WATERMARK_MIN_LEN
_EDGE_PUNCT = "，。、！？；：,.!?;: 」』”\"'）)"
#: Paragraphs and characters looked at when searching for watermarks; enough to see a
#: string repeated on every paragraph, small enough for a 50 MB page.
_WM_MAX_PARAS = 400
_WM_MAX_CHARS = 3000


def find_watermarks(texts: Sequence[str]) -> list[str]:
    """Strings injected into many paragraphs, longest first.

    A watermark is found by repetition alone: a span of at least WATERMARK_MIN_LEN
    characters that stands, identical, in at least WATERMARK_MIN_SHARE of the paragraphs
    (and WATERMARK_MIN_COUNT of them) as their prefix or suffix, or anywhere in them in
    at least WATERMARK_ANYWHERE_SHARE (a product name repeated through a press release
    is neither).
    """
    paras = [t[:_WM_MAX_CHARS] for t in texts[:_WM_MAX_PARAS] if len(t) >= _GRAM]
    if len(paras) < sel.WATERMARK_MIN_COUNT:
        return []
    need = max(sel.WATERMARK_MIN_COUNT, int(sel.WATERMARK_MIN_SHARE * len(paras) + 0.999))
    df: Counter[str] = Counter()
    for t in paras:
        df.update({t[i : i + _GRAM] for i in range(len(t) - _GRAM + 1)})
    frequent = {g for g, n in df.items() if n >= need}
    if not frequent:
        return []
    spans: Counter[str] = Counter()
    for t in paras:
        found: set[str] = set()
        i, n = 0, len(t)
        while i <= n - _GRAM:
            if t[i : i + _GRAM] in frequent:
                j = i + 1
                while j <= n - _GRAM and t[j : j + _GRAM] in frequent:
                    j += 1
                found.add(t[i : j - 1 + _GRAM])
                i = j - 1 + _GRAM
            else:
                i += 1
        spans.update(found)
    # A span often takes in the punctuation that precedes it in most paragraphs ("。" +
    # mark); trim it so the bare mark is counted, and cut, everywhere.
    trimmed: Counter[str] = Counter()
    for span, count in spans.items():
        trimmed[span.strip(_EDGE_PUNCT)] += count
    marks = [
        m
        for m, c in trimmed.items()
        if c >= need
        and _looks_injected(m)
        and (c >= sel.WATERMARK_ANYWHERE_SHARE * len(paras) or _at_edges(m, paras))
    ]
    return sorted(marks, key=len, reverse=True)


def _at_edges(mark: str, paras: Sequence[str]) -> bool:
    """True when most occurrences of `mark` open or close their paragraph."""
    hits = edges = 0
    for t in paras:
        pos = t.find(mark)
        if pos < 0:
            continue
        hits += 1
        rest = t[pos + len(mark) :].strip(_EDGE_PUNCT)
        if pos <= 2 or not rest:
            edges += 1
    return hits > 0 and edges >= 0.8 * hits


def _looks_injected(span: str) -> bool:
    """Reject repeated spans that are ordinary prose (a refrain, a name plus a verb)."""
    core = span.strip()
    return len(core) >= sel.WATERMARK_MIN_LEN + 2


def strip_watermarks(text: str, marks: Iterable[str]) -> str:
    """`text` with every watermark cut out."""
    for m in marks:
        if m in text:
            text = text.replace(m, "")
    return text.strip()
