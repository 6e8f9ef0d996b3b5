"""What changing each preference does on screen, and the arithmetic of the number preferences.

A preference is set through `MainWindow.set_pref`; this table says which of the window's
few redraws it needs (a test checks every `Prefs` field has an entry), so a new setting
is one row here. The bounds of the number preferences come from the `Prefs` field
metadata, so they are written once, in the core.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from enum import Enum, auto

from reader.core.prefs import DEFAULTS, RANGE, ZOOM_MAX, ZOOM_MIN, Prefs


class Effect(Enum):
    """One redraw the window knows how to do after a preference changed."""

    SCRIPT = auto()  # convert the article again (script, quotes, standard, punctuation)
    THEME = auto()  # the reader's theme
    ACCENT = auto()  # the accent colour of the theme in force
    FONT = auto()  # the body font or its size, keeping the place
    LANGUAGE = auto()  # the interface language
    PAGE_THEME = auto()  # whether the page's own day/night choice applies
    LAYOUT = auto()  # line spacing, column width, margins, indent


EFFECTS: Mapping[str, Effect] = {
    "script": Effect.SCRIPT,
    "quotes": Effect.SCRIPT,
    "theme": Effect.THEME,
    "accent": Effect.ACCENT,
    "font": Effect.FONT,
    "zoom": Effect.FONT,
    "language": Effect.LANGUAGE,
    "traditional_standard": Effect.SCRIPT,
    "punctuation": Effect.SCRIPT,
    "follow_page_theme": Effect.PAGE_THEME,
    "line_spacing": Effect.LAYOUT,
    "column_width": Effect.LAYOUT,
    "margins": Effect.LAYOUT,
    "indent": Effect.LAYOUT,
    "font_traditional": Effect.FONT,
    "font_simplified": Effect.FONT,
}
"""What changing each preference does on screen (tests check every Prefs field has one)."""

PREF_BOUNDS: Mapping[str, tuple[int, int]] = {
    f.name: f.metadata[RANGE] for f in fields(Prefs) if RANGE in f.metadata
}
"""The bounds of the number preferences (their `Prefs` field metadata)."""


def stepped(prefs: Prefs, name: str, step: int) -> int:
    """The number preference `name` moved by `step`, within its bounds."""
    low, high = PREF_BOUNDS[name]
    value: int = getattr(prefs, name)
    return max(low, min(high, value + step))


def zoomed(prefs: Prefs, steps: int | None) -> int:
    """The zoom moved by `steps` points, within its bounds (None: back to the default)."""
    return 0 if steps is None else max(ZOOM_MIN, min(ZOOM_MAX, prefs.zoom + steps))


def layout_reset(prefs: Prefs) -> Prefs:
    """`prefs` with the default line spacing, column width and margins (the indent apart:
    the caller sets it, which stores them all and lays the text out again)."""
    d = DEFAULTS
    return prefs.with_changes(
        line_spacing=d.line_spacing, column_width=d.column_width, margins=d.margins
    )
