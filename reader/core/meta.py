"""Metadata: title, date, source, author and URL (from <head>, JSON-LD and the short meta
lines under the title), and the page's theme (day or night) where the page shows one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.core import heuristics as h
from reader.core.article import Theme
from reader.core.flatten import Raw, class_words
from reader.core.page import Page
from reader.core.text import normalize_space, text_of

if TYPE_CHECKING:
    from lxml import etree  # imported where HTML is parsed: see clean.parse_html


@dataclass(slots=True)
class Meta:
    title: str = ""
    h1: list[str] = field(default_factory=list)
    og_title: str = ""
    published: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    theme: Theme | None = None
    ld_body: str = ""
    site_name: str = ""
    thread: bool = False  # a forum or Q&A thread (thread.py): its posts are the content


def _format_date(m: re.Match[str]) -> str:
    out = f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}"
    if m["H"]:
        out += f" {int(m['H']):02d}:{m['M']}"
        if m["S"]:
            out += f":{m['S']}"
    return out


def find_date(text: str) -> str | None:
    m = h.DATE_RE.search(text)
    if not m or not (1 <= int(m["m"]) <= 12 and 1 <= int(m["d"]) <= 31):
        return None
    return _format_date(m)


def _theme_from_value(value: str) -> Theme | None:
    v = value.lower()
    if any(w in v for w in ("dark", "night", "black")):
        return Theme.DARK
    if any(w in v for w in ("light", "day", "white")):
        return Theme.LIGHT
    if any(w in v for w in ("auto", "system", "os")):
        return Theme.SYSTEM
    return None


def _is_selected(el: etree._Element) -> bool:
    for node in (el, el.getparent()):
        if node is None or not isinstance(node.tag, str):
            continue
        if class_words(node) & h.SELECTED_WORDS:
            return True
        for attr in ("aria-checked", "aria-selected", "aria-pressed", "aria-current"):
            if node.get(attr, "").lower() in ("true", "page"):
                return True
        if node.get("checked") is not None or node.get("selected") is not None:
            return True
        for inp in node.iterchildren("input"):
            if inp.get("checked") is not None:
                return True
    return False


_THEME_ATTRS = ("data-theme", "data-color-mode", "data-mode", "data-color-scheme", "theme")


def _under_night_label(el: etree._Element) -> bool:
    """True when a menu item sits under a night-mode label (its group's first text)."""
    node = el.getparent()
    for _ in range(3):
        if node is None:
            return False
        for child in node.iter():
            text = (child.text or "").strip()
            if text:
                if text in h.NIGHT_MODE_LABELS:
                    return True
                break
        node = node.getparent()
    return False


def _read_theme(root: etree._Element, markup: str = "") -> Theme | None:
    """The page's recorded day/night choice. `markup` (the page's source) tells which
    theme attributes are worth asking every menu item for."""
    attrs = [a for a in _THEME_ATTRS if a in markup]
    body = root.find("body")
    for el in (root, body):
        if el is None:
            continue
        for attr in _THEME_ATTRS:
            value = el.get(attr)
            if value and (theme := _theme_from_value(value)):
                return theme
        if class_words(el) & h.DARK_CLASS_WORDS:
            return Theme.DARK
    for el in root.iter("li", "a", "span", "label", "button", "option", "div"):
        # The active item of a day/night menu: its value, its label, or on/off under a
        # night-mode label (夜間模式: 開啟 / 關閉). Whether it is the active one is asked
        # last: most elements are neither.
        text = (el.text or "").strip()
        values = [v for attr in attrs if (v := el.get(attr))] if attrs else []
        if not values and text not in h.THEME_LABELS and text not in h.SWITCH_LABELS:
            continue
        if not _is_selected(el):
            continue
        for value in values:
            if theme := _theme_from_value(value):
                return theme
        if text in h.THEME_LABELS:
            return Theme(h.THEME_LABELS[text])
        if text in h.SWITCH_LABELS and _under_night_label(el):
            return Theme.DARK if h.SWITCH_LABELS[text] else Theme.LIGHT
    for meta in root.iter("meta"):
        if meta.get("name", "").lower() == "color-scheme":
            words = set(meta.get("content", "").lower().replace(",", " ").split())
            if words in ({"dark"}, {"only", "dark"}):
                return Theme.DARK
            if words in ({"light"}, {"only", "light"}):
                return Theme.LIGHT
            if {"light", "dark"} <= words:
                return Theme.SYSTEM
    return None


def read_head(root: etree._Element, page: Page) -> Meta:
    meta = Meta()
    title_el = root.find(".//title")
    if title_el is not None:
        meta.title = normalize_space(text_of(title_el))
    canonical = og_url = None
    for el in root.iter("meta", "link"):
        if el.tag == "link":
            if "canonical" in el.get("rel", "").lower().split() and el.get("href"):
                canonical = el.get("href", "").strip()
            continue
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = normalize_space(el.get("content") or "")
        if not content:
            continue
        if key == "og:title":
            meta.og_title = content
        elif key == "og:url":
            og_url = content
        elif key in (
            "article:published_time",
            "pubdate",
            "publishdate",
            "publish_date",
            "datepublished",
            "ptime",
            "og:release_date",
            "weibo:article:create_at",
        ):
            meta.published = meta.published or find_date(content)
        elif key in ("author", "article:author") and not content.startswith("http"):
            meta.author = meta.author or content
        elif key in ("og:site_name", "application-name"):
            meta.site_name = meta.site_name or content
        elif key in ("source", "og:site_name", "mediaid") and key == "source":
            meta.source = meta.source or content
    for url in (canonical, og_url, page.url):
        if url and url.startswith(("http://", "https://")):
            meta.url = url
            break
    meta.theme = _read_theme(root, page.text)
    meta.ld_body = _ld_article_body(root)
    return meta


def _ld_article_body(root: etree._Element) -> str:
    """The `articleBody` of the page's JSON-LD, if any (some pages render only from it)."""
    best = ""
    for script in root.iter("script"):
        if script.get("type", "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            import json  # noqa: PLC0415 - HTML-only; importing it costs start-up 4 ms

            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                body = item.get("articleBody")
                if isinstance(body, str) and len(body) > len(best):
                    best = body
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return best


def _title_parts(title: str) -> list[str]:
    return [p.strip() for p in h.TITLE_SEPARATORS_RE.split(title) if p.strip()]


def _strip_site_suffix(title: str, sites: frozenset[str] = frozenset()) -> str:
    """The headline part of a document title: its longest part that is not a site name
    (an og:site_name, a host name, an h1 that the title ends with)."""
    for site in sites:
        if title.endswith(site) and len(title) - len(site) >= h.TITLE_MIN_CHARS:
            title = title[: -len(site)].rstrip(h.TITLE_SEPARATOR_CHARS)
    parts = _title_parts(title)
    kept = [p for p in parts if p not in sites and not h.HOST_NAME_RE.fullmatch(p)]
    if len(parts) <= 1 or not kept:
        return title.strip()
    return max(kept, key=len)


def _site_names(meta: Meta, h1s: list[str]) -> frozenset[str]:
    """Names of the site rather than of the page: og:site_name, and an h1 (a logo) that a
    multi-part document title ends with ("Thread title - Example Forums")."""
    names = {meta.site_name} if meta.site_name else set()
    for title in (meta.title, meta.og_title):
        parts = _title_parts(title)
        for heading in h1s:
            # A site's name is shorter than the headline it follows; a headline after a
            # short site name ("Harbour News - Ferry strikes go on") stays the headline.
            if len(parts) >= 2 and heading == parts[-1]:
                if max(len(p) for p in parts[:-1]) > len(heading):
                    names.add(heading)
            elif title.endswith(heading) and len(title) - len(heading) > max(
                len(heading), h.TITLE_MIN_CHARS - 1
            ):
                names.add(heading)  # "土豆不土 松花江网": a site name after a space
    return frozenset(names)


def h1_titles(blocks: Sequence[Raw]) -> list[str]:
    """The first three short level-1 headings: the candidates for the title."""
    return [b.text for b in blocks if b.heading_level == 1 and b.chars <= h.TITLE_MAX_CHARS][:3]


def choose_title(meta: Meta, h1s: list[str]) -> str:
    """The headline: an h1 that the document title or og:title also gives (and that is
    not the site's name), else the headline part of og:title or the title, else an h1."""
    h1s = [h.EDIT_LINK_RE.sub("", heading).strip() for heading in h1s]
    sites = _site_names(meta, h1s)
    for heading in h1s:
        if not heading or heading in sites:
            continue
        for title in (meta.title, meta.og_title):
            in_title = len(heading) >= h.TITLE_MIN_CHARS and heading in title
            if in_title or heading in _title_parts(title):
                return heading
    for title in (meta.og_title, meta.title):
        if title:
            return _strip_site_suffix(title, sites)
    return next((x for x in h1s if x not in sites), h1s[0] if h1s else "")


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def scan_meta_line(text: str, meta: Meta) -> bool:
    """Read date/source/author from a short meta line; True if the line is one."""
    if len(text) > h.META_LINE_MAX_CHARS:
        return False
    date = find_date(text)
    src = h.SOURCE_RE.search(text) if _has_any(text, h.SOURCE_LABELS) else None
    auth = h.AUTHOR_RE.search(text)
    body = h.BYLINE_BODY_RE.search(text) if _has_any(text, h.BYLINE_BODIES) else None
    dateline = h.DATELINE_SOURCE_RE.match(text) if _has_any(text, h.REPORTER_WORDS) else None
    if dateline and dateline.group(1) in ("本报", "本報", "本刊", "本台", "本网", "本網"):
        dateline = None  # "本報記者": the paper is the page's own, named elsewhere
    if not (date or src or body or dateline or (auth and len(text) <= h.BYLINE_MAX_CHARS)):
        return False
    if date and not meta.published:
        meta.published = date
    if body and not meta.source:
        meta.source = body.group(1)  # "文／青川地方報編輯部": a body, not an author
    if dateline and not meta.source:
        meta.source = dateline.group(1)
    if src and not meta.source:
        value = src.group(1).strip("：:")
        if value and not h.DATE_RE.match(value):
            meta.source = value
    if dateline and not meta.author:
        meta.author = dateline.group(2)
    if auth and not meta.author and not (body and auth.start(1) < body.end(1)):
        meta.author = auth.group(1)
    return True


def permalink(texts: object) -> str | None:
    for text in texts:  # type: ignore[attr-defined]
        t = str(text).lstrip("【[")
        if t.startswith(h.PERMALINK_PREFIXES):
            m = h.URL_RE.search(t)
            if m:
                return m.group(0)
    return None


def text_theme(lines: list[str]) -> Theme | None:
    for line in lines[:40]:
        stripped = line.strip(" •·-*")
        for mark in h.THEME_CHECK_MARKS:
            if mark in stripped:
                label = stripped.replace(mark, "").strip()
                if label in h.THEME_LABELS:
                    return Theme(h.THEME_LABELS[label])
    return None
