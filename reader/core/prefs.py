"""The reader's preferences as one typed table: field names, types and defaults, once.

No QSettings here: `reader/ui/settings.py` is the only code that stores these. A field's
parser (stored string -> value) is derived from its type, so a new field needs no parser
entry; a type no parser is derived for fails at import, never at a user's start-up.
Corrupt stored values fall back to the field's default.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any, get_type_hints

from reader.core.article import QuoteStyle, Target, Theme, TraditionalStandard


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

#: The longest text a str field keeps (a font family's name is a few dozen characters).
MAX_TEXT_CHARS = 200

RANGE = "range"
"""Field metadata key: the inclusive (low, high) bounds of an int field."""


@dataclass(frozen=True, slots=True)
class Prefs:
    """User preferences (window state such as geometry is kept apart, in ui/settings.py)."""

    theme: Theme = Theme.SYSTEM
    script: Target = Target.ORIGINAL
    quotes: QuoteStyle = QuoteStyle.KEEP
    font: FontStyle = FontStyle.SERIF
    zoom: int = field(default=0, metadata={RANGE: (ZOOM_MIN, ZOOM_MAX)})
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
    line_spacing: int = field(default=18, metadata={RANGE: LINE_SPACING_RANGE})
    #: The column's width in CJK characters.
    column_width: int = field(default=40, metadata={RANGE: COLUMN_WIDTH_RANGE})
    #: Pixels kept at least on each side of the column.
    margins: int = field(default=24, metadata={RANGE: MARGINS_RANGE})
    #: 首行縮排: paragraphs start two characters in.
    indent: bool = False
    #: The faces for Traditional and Simplified text ("": the built-in choice).
    font_traditional: str = ""
    font_simplified: str = ""

    def with_changes(self, **changes: Any) -> Prefs:
        """A copy with some fields replaced."""
        return replace(self, **changes)


DEFAULTS = Prefs()

Parser = Callable[[str], Any]
"""Stored text -> value; None means "corrupt, use the default"."""


def _enum_parser(kind: type[StrEnum]) -> Parser:
    def parse(raw: str) -> Any:
        try:
            return kind(raw)
        except ValueError:
            return None

    return parse


def _int_parser(low: int, high: int) -> Parser:
    def parse(raw: str) -> int | None:
        try:
            value = int(raw)
        except ValueError:
            return None
        return value if low <= value <= high else None

    return parse


def _bool_parser(raw: str) -> bool | None:
    return {"true": True, "false": False}.get(raw.lower())


def _text_parser(raw: str) -> str | None:
    """Any short printable text (a font family's name: the font may be uninstalled later,
    Qt then falls back to the built-in list)."""
    return raw if len(raw) <= MAX_TEXT_CHARS and raw.isprintable() else None


def derive_parsers(table: type) -> dict[str, Parser]:
    """A parser for every field of the dataclass `table`, from the field's type.

    Raises:
        TypeError: a field has a type no parser is derived for.
    """
    hints = get_type_hints(table)
    out: dict[str, Parser] = {}
    for f in fields(table):
        kind = hints[f.name]
        if isinstance(kind, type) and issubclass(kind, StrEnum):
            out[f.name] = _enum_parser(kind)
        elif kind is bool:
            out[f.name] = _bool_parser
        elif kind is int:
            low, high = f.metadata.get(RANGE, (-(2**31), 2**31 - 1))
            out[f.name] = _int_parser(low, high)
        elif kind is str:
            out[f.name] = _text_parser
        else:
            raise TypeError(
                f"{table.__name__}.{f.name}: no parser for {kind!r}; use an enum, int, bool or str"
            )
    return out


PARSERS: Mapping[str, Parser] = derive_parsers(Prefs)
"""Stored text -> value for every Prefs field, derived from the field types."""


def field_names() -> tuple[str, ...]:
    """The Prefs fields in declaration order."""
    return tuple(f.name for f in fields(Prefs))


def parse(values: Mapping[str, str | None]) -> Prefs:
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
