"""Look and feel: resource files, the colour table, the palette, QSS and article CSS.

One `apply()` sets everything for a theme (habit 8); `ThemeController` remembers the
chosen theme, follows the system colour scheme while the theme is 隨系統, and announces
every change with `theme_changed(Look)` so each consumer re-reads its colours from there.
Colours live only in `COLORS` and `ACCENTS`; the CSS and QSS files under
`resources/style/` (read through `reader.assets`) are `string.Template` files filled from
them. Style sheets are set on the two widgets that need one (tool bar, sidebar), never on
the application: once an application style sheet is set, Qt stops passing palette changes
on to the widgets.

Start-up note: the first use of `Qt.<anything>` makes PySide build all 93 enums of the
Qt namespace (about 40 ms), so code that runs before the first paint reaches `Qt` only
through `QtCore.Qt` at call time, and `ThemeController.start` can put off asking Qt for
the system's colour scheme until the article is on screen.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from string import Template

from PySide6 import QtCore
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader import assets
from reader.core.article import Script, Target, Theme
from reader.core.prefs import Accent, FontStyle
from reader.ui.earlyinit import STYLE_PROPERTY, started_in_fusion

log = logging.getLogger(__name__)


def register_icons() -> None:
    """Make `icons:name.svg` resolve to resources/icons (the controls call it: only they
    show icons, so the first paint does without QDir)."""
    from PySide6.QtCore import QDir  # noqa: PLC0415 - see the docstring

    folder = str(assets.path("icons"))
    if folder not in QDir.searchPaths("icons"):
        QDir.addSearchPath("icons", folder)


# name: (light, dark). Roles are named by use, not by widget.
COLORS: Mapping[str, tuple[str, str]] = {
    "window": ("#efebe3", "#1c1e21"),
    "paper": ("#fbf9f4", "#15171a"),
    "paper_alt": ("#f3efe6", "#202327"),
    "text": ("#22201c", "#d8d4cc"),
    "muted": ("#6f6a61", "#8f8a82"),
    "rule": ("#d9d2c5", "#34373c"),
    "button": ("#e6e1d7", "#2a2d32"),
    "quote_bg": ("#f2ede2", "#1d2024"),
    "find": ("#ffe08a", "#6a5819"),
    "find_current": ("#ffb347", "#a4631b"),
    "tooltip": ("#fffdf6", "#2a2d32"),
    "disabled": ("#a8a296", "#5d5a55"),
}

# The paper theme (紙張, 護眼): the light roles on warm paper. Sepia lowers the blue
# light and the glare of white; the text keeps a contrast above 10:1 (WCAG AAA) on it.
PAPER_COLORS: Mapping[str, str] = {
    "window": "#e9dfc9",
    "paper": "#f4ecd8",
    "paper_alt": "#ece1c8",
    "text": "#3b2f20",
    "muted": "#6b5b44",
    "rule": "#d6c6a4",
    "button": "#e0d3b6",
    "quote_bg": "#ece2cb",
    "tooltip": "#f8f1e0",
}

# 主題色 presets: (light, dark) so the accent keeps its contrast on either background.
ACCENTS: Mapping[Accent, tuple[str, str]] = {
    Accent.INK: ("#2f5d8a", "#7fa9d6"),
    Accent.VERMILION: ("#b0412c", "#e58a72"),
    Accent.JADE: ("#2d7657", "#6cc39c"),
    Accent.INDIGO: ("#4a4e9a", "#9ea2e6"),
}

SPEAKER_MARK_ALPHA = 38
"""Alpha (of 255) of the accent tint behind a chosen speaker's passages: strong enough
to find them while scrolling, faint enough to keep the text contrast above WCAG AA."""


@dataclass(frozen=True, slots=True)
class Look:
    """Everything a widget needs to draw itself in the current theme."""

    theme: Theme
    dark: bool
    accent: Accent
    colors: Mapping[str, str]
    article_css: str
    toolbar_qss: str
    sidebar_qss: str

    def color(self, name: str) -> QColor:
        """A named colour from the table (plus "accent" and "speaker_mark")."""
        if name == "speaker_mark":
            c = QColor(self.colors["accent"])
            c.setAlpha(SPEAKER_MARK_ALPHA)
            return c
        return QColor(self.colors[name])


def colors(dark: bool, accent: Accent, *, paper: bool = False) -> dict[str, str]:
    """The colour table resolved for light or dark (or paper), with the accent added."""
    i = 1 if dark else 0
    out = {name: pair[i] for name, pair in COLORS.items()}
    if paper and not dark:
        out.update(PAPER_COLORS)
    out["accent"] = ACCENTS[accent][i]
    out["on_accent"] = "#15171a" if dark else "#ffffff"
    return out


def palette(c: Mapping[str, str]) -> QPalette:
    """A QPalette from a resolved colour table."""
    cr = QPalette.ColorRole
    pal = QPalette()
    roles = {
        cr.Window: "window",
        cr.WindowText: "text",
        cr.Base: "paper",
        cr.AlternateBase: "paper_alt",
        cr.Text: "text",
        cr.Button: "button",
        cr.ButtonText: "text",
        cr.ToolTipBase: "tooltip",
        cr.ToolTipText: "text",
        cr.PlaceholderText: "muted",
        cr.Highlight: "accent",
        cr.HighlightedText: "on_accent",
        cr.Link: "accent",
        cr.LinkVisited: "accent",
        cr.BrightText: "on_accent",
        cr.Mid: "rule",
        cr.Midlight: "paper_alt",
        cr.Dark: "rule",
        cr.Shadow: "rule",
        cr.Light: "paper",
    }
    for role, name in roles.items():
        pal.setColor(role, QColor(c[name]))
    for role in (cr.WindowText, cr.Text, cr.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(c["disabled"]))
    return pal


@functools.cache
def _template(name: str) -> Template:
    return Template(assets.read_text(f"style/{name}"))


def article_css(c: Mapping[str, str]) -> str:
    """The article style sheet (Qt's rich-text CSS subset) for a colour table."""
    return _template("article.css").substitute(c)


def widget_qss(name: str, c: Mapping[str, str]) -> str:
    """The style sheet `style/<name>.qss` for one widget, for a colour table."""
    return _template(f"{name}.qss").substitute(c)


def apply(app: QApplication, theme: Theme, accent: Accent, system_dark: bool) -> Look:
    """Apply `theme` to the whole application and return the resulting Look.

    Sets the Fusion style and the palette built from `COLORS`. The returned Look carries
    the article CSS and the QSS of the tool bar and the sidebar, for those widgets.
    """
    dark = system_dark if theme is Theme.SYSTEM else theme is Theme.DARK
    c = colors(dark, accent, paper=theme is Theme.PAPER)
    mark = app.property(STYLE_PROPERTY)
    if not started_in_fusion(app) and (mark != "fusion" or app.style().name().lower() != "fusion"):
        # Fusion draws every widget from the palette, so light and dark look the same on
        # every platform. Setting it again would re-polish every widget, hence the mark,
        # checked against the style in use (someone may have set another since), except
        # in an application started in Fusion (earlyinit.make_application): asking
        # app.style() costs start-up 15 ms, PySide builds the enums of QStyle to wrap it.
        app.setStyle("Fusion")
        app.setProperty(STYLE_PROPERTY, "fusion")
    if app.styleSheet():
        app.setStyleSheet("")  # it would stop the palette reaching the widgets
    app.setPalette(palette(c))
    return Look(
        theme=theme,
        dark=dark,
        accent=accent,
        colors=c,
        article_css=article_css(c),
        toolbar_qss=widget_qss("toolbar", c),
        sidebar_qss=widget_qss("sidebar", c),
    )


class ThemeController(QObject):
    """Holds the chosen theme and accent, follows the system while 隨系統.

    Signals:
        theme_changed(Look): the look changed (theme, accent, or the system scheme).
    """

    theme_changed = Signal(object)

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._theme = Theme.SYSTEM
        self._accent = Accent.INK
        self._look: Look | None = None
        self._applying = False
        self._system_dark: bool | None = None  # as Qt last reported it
        self._guessed = False  # the look rests on a guess until confirm_scheme()
        app.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    @property
    def theme(self) -> Theme:
        """The chosen theme (SYSTEM, LIGHT, DARK or PAPER)."""
        return self._theme

    @property
    def accent(self) -> Accent:
        """The chosen accent preset."""
        return self._accent

    @property
    def system_dark(self) -> bool | None:
        """Whether the system's colour scheme is dark, as last seen while 隨系統 (None: not
        seen yet)."""
        return self._system_dark

    def look(self) -> Look:
        """The current look (applying the defaults the first time)."""
        if self._look is None:
            return self.set_theme(self._theme, self._accent)
        return self._look

    def set_theme(self, theme: Theme, accent: Accent | None = None) -> Look:
        """Apply `theme` (and `accent`, if given) and emit theme_changed."""
        self._theme = theme
        if accent is not None:
            self._accent = accent
        self._guessed = False
        self._applying = True
        try:
            system_dark = self._request_scheme(theme)
        finally:
            self._applying = False
        return self._apply(system_dark)

    def start(self, theme: Theme, accent: Accent, system_dark: bool | None) -> Look:
        """Apply `theme` at start-up without asking Qt about the colour scheme yet.

        隨系統 takes `system_dark` (the scheme seen last time) or, when that is None,
        judges from the platform's palette. `confirm_scheme()`, called once the window
        has been painted, asks Qt and corrects the look if the guess was wrong.
        """
        self._theme = theme
        self._accent = accent
        self._guessed = True
        if system_dark is None:
            pal = self._app.palette()
            window = pal.color(QPalette.ColorRole.Window).lightness()
            system_dark = window < pal.color(QPalette.ColorRole.WindowText).lightness()
        return self._apply(system_dark)

    def confirm_scheme(self) -> None:
        """After `start`: ask Qt for the colour scheme, and re-apply if the guess was off."""
        if not self._guessed:
            return
        self._guessed = False
        look = self._look
        self._applying = True
        try:
            system_dark = self._request_scheme(self._theme)
        finally:
            self._applying = False
        if self._theme is Theme.SYSTEM and (look is None or look.dark != system_dark):
            self._apply(system_dark)

    def _request_scheme(self, theme: Theme) -> bool:
        """Ask Qt for the matching colour scheme; return whether the system is dark."""
        hints = self._app.styleHints()
        qt = QtCore.Qt
        scheme = {
            Theme.SYSTEM: qt.ColorScheme.Unknown,
            Theme.LIGHT: qt.ColorScheme.Light,
            Theme.DARK: qt.ColorScheme.Dark,
            Theme.PAPER: qt.ColorScheme.Light,
        }[theme]
        if hasattr(hints, "setColorScheme"):  # Qt >= 6.8
            hints.setColorScheme(scheme)
        dark = bool(hints.colorScheme() == qt.ColorScheme.Dark)
        if theme is Theme.SYSTEM:  # otherwise Qt reports the scheme just asked for
            self._system_dark = dark
        return dark

    def _apply(self, system_dark: bool) -> Look:
        self._look = apply(self._app, self._theme, self._accent, system_dark)
        self.theme_changed.emit(self._look)
        return self._look

    def _system_scheme_changed(self, scheme: QtCore.Qt.ColorScheme) -> None:
        if self._applying or self._theme is not Theme.SYSTEM:
            return
        dark = scheme == QtCore.Qt.ColorScheme.Dark
        self._system_dark = dark
        if self._look is not None and self._look.dark == dark:
            return
        log.debug("system colour scheme changed: %s", scheme)
        self._apply(dark)


# Body-text fonts, best first. Families are matched per glyph, so each list mixes the
# Linux (Noto/Source Han), macOS (PingFang, Songti, Heiti) and Windows (JhengHei, YaHei,
# MingLiU, SimSun) names; the first installed one wins and the rest are fallbacks.
_FONTS: Mapping[tuple[str, FontStyle], tuple[str, ...]] = {
    ("tc", FontStyle.SERIF): (
        "Noto Serif CJK TC",
        "Source Han Serif TC",
        "Songti TC",
        "PMingLiU",
        "MingLiU",
        "AR PL UMing TW",
    ),
    ("tc", FontStyle.SANS): (
        "Noto Sans CJK TC",
        "Source Han Sans TC",
        "PingFang TC",
        "Microsoft JhengHei",
        "Heiti TC",
    ),
    ("hk", FontStyle.SERIF): (
        "Noto Serif CJK HK",
        "Noto Serif CJK TC",
        "Source Han Serif HC",
        "Songti TC",
        "MingLiU_HKSCS",
    ),
    ("hk", FontStyle.SANS): (
        "Noto Sans CJK HK",
        "Noto Sans CJK TC",
        "Source Han Sans HC",
        "PingFang HK",
        "Microsoft JhengHei",
    ),
    ("sc", FontStyle.SERIF): (
        "Noto Serif CJK SC",
        "Source Han Serif SC",
        "Songti SC",
        "SimSun",
        "AR PL UMing CN",
    ),
    ("sc", FontStyle.SANS): (
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "PingFang SC",
        "Microsoft YaHei",
        "Heiti SC",
    ),
}
_FALLBACK = ("WenQuanYi Micro Hei", "Droid Sans Fallback")


def reading_families(shown: Target, original: Script, style: FontStyle) -> tuple[str, ...]:
    """Font families for body text, so glyph shapes match the script on screen."""
    if shown is Target.HONGKONG:
        key = "hk"
    elif shown is Target.SIMPLIFIED or (shown is Target.ORIGINAL and original is Script.SIMPLIFIED):
        key = "sc"
    else:
        key = "tc"
    other = FontStyle.SANS if style is FontStyle.SERIF else FontStyle.SERIF
    # The other style of the same region comes next, so a machine with only a sans CJK
    # font still gets the right regional glyphs before any generic fallback.
    return _FONTS[(key, style)] + _FONTS[(key, other)] + _FALLBACK


def base_point_size() -> float:
    """The body text size at zoom 0: a little above the UI font, for long reading."""
    size = QGuiApplication.font().pointSizeF()
    return max(13.0, (size if size > 0 else 10.0) * 1.3)
