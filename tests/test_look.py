"""The paper theme, accents, the sidebar's visible focus, fonts per language and script,
and the system's CJK font list (pytest-qt, offscreen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPalette

from reader.core.article import Script, Target, Theme
from reader.core.language import ContentLanguage
from reader.core.prefs import Accent, FontStyle
from reader.ui.theme import ACCENTS, PAPER_COLORS, apply, colors
from reader.ui.typography import article_families, cjk_families

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def _contrast(a: str, b: str) -> float:
    def lum(c: str) -> float:
        q = QColor(c)
        parts = []
        for v in (q.redF(), q.greenF(), q.blueF()):
            parts.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_paper_is_a_light_theme_on_warm_paper(qapp: QApplication) -> None:
    look = apply(qapp, Theme.PAPER, Accent.VERMILION, system_dark=True)
    assert not look.dark and look.theme is Theme.PAPER
    assert look.colors["paper"] == PAPER_COLORS["paper"] != colors(False, Accent.INK)["paper"]
    assert qapp.palette().color(QPalette.ColorRole.Base) == QColor(PAPER_COLORS["paper"])
    assert PAPER_COLORS["paper"] in look.article_css or PAPER_COLORS["text"] in look.article_css
    assert look.colors["accent"] == ACCENTS[Accent.VERMILION][0]
    assert _contrast(look.colors["text"], look.colors["paper"]) >= 7  # WCAG AAA body text
    assert _contrast(look.colors["muted"], look.colors["paper"]) >= 4.5


def test_every_accent_is_readable_in_every_theme(qapp: QApplication) -> None:
    for theme in (Theme.LIGHT, Theme.DARK, Theme.PAPER):
        for accent in Accent:
            look = apply(qapp, theme, accent, system_dark=False)
            assert _contrast(look.colors["accent"], look.colors["paper"]) >= 3, (theme, accent)


def test_the_sidebar_shows_keyboard_focus(qapp: QApplication) -> None:
    look = apply(qapp, Theme.LIGHT, Accent.JADE, system_dark=False)
    assert "QTreeWidget:focus" in look.sidebar_qss
    assert "::item:focus" in look.sidebar_qss
    assert look.colors["accent"] in look.sidebar_qss


def test_fonts_follow_the_language_and_the_readers_faces(qapp: QApplication) -> None:
    tc = article_families(
        ContentLanguage.CHINESE, Target.ORIGINAL, Script.TRADITIONAL, FontStyle.SERIF
    )
    assert tc[0] == "Noto Serif CJK TC"
    chosen = article_families(
        ContentLanguage.CHINESE,
        Target.ORIGINAL,
        Script.TRADITIONAL,
        FontStyle.SERIF,
        traditional="My Ming Face",
        simplified="My Song Face",
    )
    assert chosen[0] == "My Ming Face" and "My Song Face" not in chosen
    sc = article_families(
        ContentLanguage.CHINESE,
        Target.SIMPLIFIED,
        Script.TRADITIONAL,
        FontStyle.SERIF,
        traditional="My Ming Face",
        simplified="My Song Face",
    )
    assert sc[0] == "My Song Face"
    ja = article_families(
        ContentLanguage.JAPANESE, Target.ORIGINAL, Script.TRADITIONAL, FontStyle.SERIF
    )
    assert ja[0] == "Noto Serif CJK JP" and "Noto Serif CJK TC" in ja  # TC only as fallback
    assert ja.index("Noto Serif CJK JP") < ja.index("Noto Serif CJK TC")
    en = article_families(ContentLanguage.OTHER, Target.ORIGINAL, Script.SIMPLIFIED, FontStyle.SANS)
    assert en[0] == "Noto Sans"
    assert len(en) == len(set(en))


def test_cjk_font_lists(qapp: QApplication) -> None:
    traditional, simplified = cjk_families()
    assert traditional == sorted(traditional) and simplified == sorted(simplified)
    assert not any(f.startswith("@") for f in traditional + simplified)


def test_reading_controls_are_preferences_with_bounds() -> None:
    from reader.core import prefs
    from reader.ui.typography import DEFAULT_STYLE, reading_style

    assert reading_style(prefs.DEFAULTS) == DEFAULT_STYLE
    chosen = prefs.DEFAULTS.with_changes(
        line_spacing=22,
        column_width=32,
        margins=60,
        indent=True,
        punctuation=False,
        follow_page_theme=False,
        font_traditional="My Ming Face",
    )
    stored = prefs.serialize(chosen)
    assert stored["indent"] == "true" and stored["punctuation"] == "false"
    assert prefs.parse(dict(stored)) == chosen
    style = reading_style(chosen)
    assert (style.line_spacing, style.column_chars, style.margin, style.indent) == (
        2.2,
        32,
        60,
        True,
    )
    # Values out of range or corrupt fall back to the defaults.
    bad = prefs.parse({"line_spacing": "99", "column_width": "x", "indent": "maybe"})
    assert bad == prefs.DEFAULTS
