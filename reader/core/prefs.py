"""The reader's preferences as one typed table: field names, types and defaults, once.

No QSettings here: `reader/ui/settings.py` is the only code that stores these. Each field
has a parser that turns a stored string back into a value, or None when the stored value
is corrupt (the adapter then uses the default).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any

from reader.core.article import QuoteStyle, Target, Theme, TraditionalStandard

#: The script preference is the conversion target (original, traditional, taiwan, ...).
ScriptChoice = Target
#: The quotation-mark preference is the conversion's quote style (keep, corner, curly).
Quotes = QuoteStyle


class FontStyle(StrEnum):
    """Serif (Song/Ming) or sans-serif (Hei) body text."""

    SERIF = "serif"
    SANS = "sans"


class Language(StrEnum):
    """The language of menus and messages (not of the article)."""

    AUTO = "auto"
    TRADITIONAL = "zh-Hant"
    SIMPLIFIED = "zh-Hans"
    ENGLISH = "en"


class Accent(StrEnum):
    """主題色: the accent colour presets."""

    INK = "ink"
    VERMILION = "vermilion"
    JADE = "jade"
    INDIGO = "indigo"


ZOOM_MIN = -6
"""Zoom is stored in steps of one point from the base size; six steps either way keeps
the 40-character column usable from a laptop screen up to a large monitor."""
ZOOM_MAX = 12

#: Inclusive bounds of the reading controls, each a step of the View menu away:
#: line spacing 1.2-3.0 em (below 1.2 CJK lines touch; above 3 a paragraph falls apart),
#: a column of 20-60 characters (narrower breaks phrases, wider loses the line's start),
#: side margins of 0-160 px.
LINE_SPACING_RANGE = (12, 30)
COLUMN_WIDTH_RANGE = (20, 60)
MARGINS_RANGE = (0, 160)


@dataclass(frozen=True, slots=True)
class Prefs:
    """User preferences (window state such as geometry is kept apart, in ui/settings.py)."""

    theme: Theme = Theme.SYSTEM
    script: ScriptChoice = ScriptChoice.ORIGINAL
    quotes: Quotes = Quotes.KEEP
    font: FontStyle = FontStyle.SERIF
    zoom: int = 0
    accent: Accent = Accent.INK
    language: Language = Language.AUTO
    #: The forms 繁體 gives a Simplified article (a Traditional one is shown as written).
    #: 臺灣 by default: the standard most readers of Traditional Chinese learn.
    traditional_standard: TraditionalStandard = TraditionalStandard.TAIWAN
    #: On: a page's recorded 日夜間 choice applies when it opens; off: `theme` always does.
    follow_page_theme: bool = True
    #: Half-width ,?!:;() between Chinese characters shown full-width (Chinese text only).
    punctuation: bool = True
    #: Body line height in tenths of an em (18: 1.8 em, see reader/ui/typography.py).
    line_spacing: int = 18
    #: The column's width in CJK characters.
    column_width: int = 40
    #: Pixels kept at least on each side of the column.
    margins: int = 24
    #: 首行縮排: paragraphs start two characters in.
    indent: bool = False
    #: The faces for Traditional and Simplified text ("" : the built-in choice).
    font_traditional: str = ""
    font_simplified: str = ""

    def with_changes(self, **changes: Any) -> Prefs:
        """A copy with some fields replaced."""
        return replace(self, **changes)


DEFAULTS = Prefs()


def _enum(kind: type[StrEnum]) -> Callable[[str], Any]:
    def parse(raw: str) -> Any:
        try:
            return kind(raw)
        except ValueError:
            return None

    return parse


def _int_range(low: int, high: int) -> Callable[[str], int | None]:
    def parse(raw: str) -> int | None:
        try:
            value = int(raw)
        except ValueError:
            return None
        return value if low <= value <= high else None

    return parse


def _bool(raw: str) -> bool | None:
    return {"true": True, "false": False}.get(raw.lower())


def _family(raw: str) -> str | None:
    """A font family name: any short printable text (the font may be uninstalled later:
    Qt then falls back to the built-in list)."""
    return raw if len(raw) <= 200 and raw.isprintable() else None


_zoom = _int_range(ZOOM_MIN, ZOOM_MAX)


PARSERS: dict[str, Callable[[str], Any]] = {
    "theme": _enum(Theme),
    "script": _enum(ScriptChoice),
    "quotes": _enum(Quotes),
    "font": _enum(FontStyle),
    "zoom": _zoom,
    "accent": _enum(Accent),
    "language": _enum(Language),
    "traditional_standard": _enum(TraditionalStandard),
    "follow_page_theme": _bool,
    "punctuation": _bool,
    "line_spacing": _int_range(*LINE_SPACING_RANGE),
    "column_width": _int_range(*COLUMN_WIDTH_RANGE),
    "margins": _int_range(*MARGINS_RANGE),
    "indent": _bool,
    "font_traditional": _family,
    "font_simplified": _family,
}
"""Stored text -> value for every Prefs field; None means "corrupt, use the default"."""


def field_names() -> tuple[str, ...]:
    """The Prefs fields in declaration order."""
    return tuple(f.name for f in fields(Prefs))


def parse(values: dict[str, str | None]) -> Prefs:
    """Prefs from stored strings; missing or corrupt values fall back to the defaults."""
    changes: dict[str, Any] = {}
    for name in field_names():
        raw = values.get(name)
        if raw is None:
            continue
        value = PARSERS[name](str(raw).strip())
        if value is not None:
            changes[name] = value
    return DEFAULTS.with_changes(**changes)


def serialize(prefs: Prefs) -> dict[str, str]:
    """The fields that differ from their defaults, as strings for storage."""
    out: dict[str, str] = {}
    for name in field_names():
        value = getattr(prefs, name)
        if value != getattr(DEFAULTS, name):
            out[name] = str(value).lower() if isinstance(value, bool) else str(value)
    return out
