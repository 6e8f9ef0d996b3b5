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


def _zoom(raw: str) -> int | None:
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if ZOOM_MIN <= value <= ZOOM_MAX else None


PARSERS: dict[str, Callable[[str], Any]] = {
    "theme": _enum(Theme),
    "script": _enum(ScriptChoice),
    "quotes": _enum(Quotes),
    "font": _enum(FontStyle),
    "zoom": _zoom,
    "accent": _enum(Accent),
    "language": _enum(Language),
    "traditional_standard": _enum(TraditionalStandard),
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
            out[name] = str(value)
    return out
