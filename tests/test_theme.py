"""Theme: the colour table, one apply(), following the system, fonts by script."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.article import Script, Target, Theme
from reader.core.prefs import Accent, FontStyle
from reader.ui.theme import (
    ACCENTS,
    COLORS,
    Look,
    ThemeController,
    apply,
    article_css,
    colors,
    palette,
    reading_families,
)


def test_colour_table_has_a_light_and_a_dark_value_for_every_role() -> None:
    for name, (light, dark) in COLORS.items():
        assert light.startswith("#") and dark.startswith("#"), name
        assert light != dark, name
    assert set(ACCENTS) == set(Accent)


def test_dark_colours_are_dark_and_text_contrasts() -> None:
    light = palette(colors(False, Accent.INK))
    dark = palette(colors(True, Accent.INK))
    assert light.color(QPalette.ColorRole.Base).lightness() > 200
    assert dark.color(QPalette.ColorRole.Base).lightness() < 60
    for pal in (light, dark):
        gap = (
            pal.color(QPalette.ColorRole.Text).lightness()
            - pal.color(QPalette.ColorRole.Base).lightness()
        )
        assert abs(gap) > 140


def test_article_css_is_filled_and_has_no_fonts() -> None:
    css = article_css(colors(True, Accent.JADE))
    assert "$" not in css
    assert ACCENTS[Accent.JADE][1] in css
    assert "font-family" not in css  # fonts follow the script, set by the view


def test_apply_sets_fusion_palette_and_style_sheet(qapp: QApplication) -> None:
    qapp.setStyle("Windows")
    look = apply(qapp, Theme.DARK, Accent.VERMILION, system_dark=False)
    assert qapp.style().name().lower() in ("fusion", "")  # "" = style-sheet wrapper
    assert qapp.property("qingduStyle") == "fusion"
    assert look.dark
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == COLORS["window"][1]
    assert qapp.palette().color(QPalette.ColorRole.Highlight).name() == ACCENTS[Accent.VERMILION][1]
    assert ACCENTS[Accent.VERMILION][1] in look.toolbar_qss
    assert ACCENTS[Accent.VERMILION][1] in look.sidebar_qss
    assert "$" not in look.toolbar_qss + look.sidebar_qss
    # No application style sheet: with one, Qt stops passing the palette to widgets.
    assert qapp.styleSheet() == ""
    light = apply(qapp, Theme.LIGHT, Accent.VERMILION, system_dark=True)
    assert not light.dark
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == COLORS["window"][0]


def test_system_theme_uses_the_system_scheme(qapp: QApplication) -> None:
    assert apply(qapp, Theme.SYSTEM, Accent.INK, system_dark=True).dark
    assert not apply(qapp, Theme.SYSTEM, Accent.INK, system_dark=False).dark


def test_controller_emits_theme_changed(qtbot: QtBot, qapp: QApplication) -> None:
    controller = ThemeController(qapp)
    with qtbot.waitSignal(controller.theme_changed) as got:
        controller.set_theme(Theme.DARK, Accent.INDIGO)
    look = got.args[0]
    assert isinstance(look, Look)
    assert look.theme is Theme.DARK and look.dark and look.accent is Accent.INDIGO
    assert controller.look() is look
    # (Qt >= 6.8 also gets setColorScheme(); the offscreen platform ignores it.)


def test_controller_follows_the_system_only_when_asked(qtbot: QtBot, qapp: QApplication) -> None:
    controller = ThemeController(qapp)
    controller.set_theme(Theme.SYSTEM)
    hints = qapp.styleHints()
    with qtbot.waitSignal(controller.theme_changed) as got:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert got.args[0].dark
    controller.set_theme(Theme.LIGHT)
    with qtbot.assertNotEmitted(controller.theme_changed):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not controller.look().dark


def test_speaker_mark_is_a_faint_accent(qapp: QApplication) -> None:
    look = apply(qapp, Theme.LIGHT, Accent.INK, system_dark=False)
    mark = look.color("speaker_mark")
    assert 0 < mark.alpha() < 100
    assert mark.rgb() == look.color("accent").rgb()


@pytest.mark.parametrize(
    ("shown", "original", "style", "first"),
    [
        (Target.ORIGINAL, Script.TRADITIONAL, FontStyle.SERIF, "Noto Serif CJK TC"),
        (Target.ORIGINAL, Script.SIMPLIFIED, FontStyle.SANS, "Noto Sans CJK SC"),
        (Target.SIMPLIFIED, Script.TRADITIONAL, FontStyle.SERIF, "Noto Serif CJK SC"),
        (Target.TAIWAN, Script.SIMPLIFIED, FontStyle.SANS, "Noto Sans CJK TC"),
        (Target.HONGKONG, Script.SIMPLIFIED, FontStyle.SANS, "Noto Sans CJK HK"),
    ],
)
def test_fonts_follow_the_script_on_screen(
    shown: Target, original: Script, style: FontStyle, first: str
) -> None:
    families = reading_families(shown, original, style)
    assert families[0] == first
    # Fallbacks for macOS and Windows are in the list too.
    assert any(f.startswith(("PingFang", "Songti")) for f in families)
    assert any(f.startswith(("Microsoft", "PMingLiU", "SimSun", "MingLiU")) for f in families)
