"""What changing each preference does on screen: one redraw per preference, and the redraws.

A preference is set through `preferences.py`; `EFFECTS` says which of a few redraws it
needs (a test checks every `Prefs` field has an entry), so a new setting is one row here,
and `PrefEffects` does them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum, auto
from typing import TYPE_CHECKING

from reader.ui.typography import reading_style

if TYPE_CHECKING:
    from reader.core import Article
    from reader.core.prefs import Prefs
    from reader.ui.present import ArticlePresenter
    from reader.ui.theme import ThemeController
    from reader.ui.view import ArticleView


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


class PrefEffects:
    """Shows the effect of a changed preference (`apply`), reading the current `prefs` and
    `article`; the script and the interface language are the caller's (`script`,
    `language`), and `checks` puts the check marks on the theme in force."""

    def __init__(
        self,
        prefs: Callable[[], Prefs],
        article: Callable[[], Article | None],
        theme: ThemeController,
        present: ArticlePresenter,
        view: ArticleView,
        *,
        script: Callable[[], None],
        language: Callable[[], None],
        checks: Callable[[], None],
    ) -> None:
        self._prefs = prefs
        self._article = article
        self._theme = theme
        self._present = present
        self._view = view
        self._checks = checks
        self._do: Mapping[Effect, Callable[[], object]] = {
            Effect.SCRIPT: script,
            Effect.THEME: lambda: theme.set_theme(prefs().theme, prefs().accent),
            Effect.ACCENT: lambda: theme.set_theme(theme.theme, prefs().accent),
            Effect.FONT: self._font,
            Effect.LANGUAGE: language,
            Effect.PAGE_THEME: self.follow_page,
            Effect.LAYOUT: lambda: view.set_reading_style(reading_style(prefs())),
        }

    def apply(self, name: str) -> None:
        """Show the effect of a change to the preference `name`."""
        self._do[EFFECTS[name]]()

    def follow_page(self) -> None:
        """The page's recorded day/night choice applies while that preference is on; off,
        the reader's own theme stands (the toolbar shows the theme in force)."""
        article, p = self._article(), self._prefs()
        page = article.theme if article is not None and p.follow_page_theme else None
        wanted = page or p.theme
        if wanted is not self._theme.theme:
            self._theme.set_theme(wanted, p.accent)
        self._checks()

    def _font(self) -> None:
        pos = self._present.position()
        self._present.apply_font(self._article(), self._prefs())
        self._present.restore(pos)
