"""Start-up: the window as `reader.app.main` builds it, controls following the first paint.

The article is put on screen before the menus, tool bar, status bar and find bar exist;
they are built right after the article's first paint, or as soon as something needs
them. The system colour scheme is guessed from the last session and checked after the
paint.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QToolBar
from pytestqt.qtbot import QtBot

from reader.app import SAMPLE, build_window, main
from reader.core import Theme
from reader.core.article import QuoteStyle, Target, TraditionalStandard
from reader.ui import settings as store
from reader.ui.session import ReadingSession
from reader.ui.theme import COLORS
from reader.ui.window import MainWindow

ORIGINAL = (Target.ORIGINAL, QuoteStyle.KEEP, TraditionalStandard.TAIWAN)


def _deferred(qtbot: QtBot, settings: QSettings) -> MainWindow:
    window = build_window(settings, defer_controls=True)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    assert window.open_path(SAMPLE)
    return window


def _colours(window: MainWindow, text: str) -> set[str]:
    """The colours `text` is shown in, wherever it is in the article."""
    doc, found = window.view.document(), set()
    cursor = doc.find(text)
    while not cursor.isNull():
        found.add(cursor.charFormat().foreground().color().name())
        cursor = doc.find(text, cursor)
    return found


def _window_colour(window: MainWindow) -> str:
    return QApplication.palette().color(QPalette.ColorRole.Window).name()


def test_article_comes_first_and_the_controls_follow_the_paint(
    qtbot: QtBot, settings: QSettings
) -> None:
    window = _deferred(qtbot, settings)
    article = window.article
    assert article is not None
    assert article.title in window.view.toPlainText()
    assert article.sections
    assert not article.speakers  # found after the first paint
    assert not window.menuBar().actions()  # nothing built before the first paint
    assert not window.sidebar.items("sections") + window.sidebar.items("speakers")
    qtbot.waitUntil(lambda: bool(window.menuBar().actions()))
    article = window.article
    assert article is not None
    assert article.speakers  # and shown with them: their names are marked in the text
    assert window.shown_article is not None and window.shown_article.speakers
    prose = _colours(window, article.blocks[-1].text[:6])
    assert _colours(window, article.speakers[0].name) - prose  # marked in a colour of its own
    assert len(window.sidebar.items("sections")) == len(article.sections)
    assert len(window.sidebar.items("speakers")) == len(article.speakers)
    assert window.action("actionScriptSimplified").shortcut().toString() == "Ctrl+3"
    toolbar = window.findChild(QToolBar, "toolbar")
    assert toolbar is not None
    assert toolbar.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonTextOnly
    qtbot.waitUntil(lambda: toolbar.isVisibleTo(window))  # laid out on the next pass
    chars = window.findChild(QLabel, "statusChars")
    assert chars is not None
    assert chars.text()  # filled in for the article already open
    assert window.action("actionScriptOriginal").isChecked()
    assert not window.find_bar.isVisible()
    assert store.recent_files(settings) == [str(SAMPLE.resolve())]


def test_anything_that_needs_the_controls_builds_them(qtbot: QtBot, settings: QSettings) -> None:
    window = build_window(settings, defer_controls=True)
    qtbot.addWidget(window)
    assert not window.menuBar().actions()
    window.action("actionThemeDark").trigger()  # before any paint
    assert window.menuBar().actions()
    assert window.look.dark
    window.open_find()
    assert window.find_bar.isVisibleTo(window)


def test_script_switch_started_before_the_controls_shows_the_busy_indicator(
    qtbot: QtBot, settings: QSettings
) -> None:
    settings.setValue("prefs/script", "simplified")
    window = _deferred(qtbot, settings)
    painted: list[str] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(window.view.toPlainText())
            return False

    watcher = FirstPaint(window)
    window.view.viewport().installEventFilter(watcher)
    # No event loop has run yet: the original is on screen, the conversion is pending
    # (it follows the first paint), and the controls built now show it as busy.
    shown = window.shown_article
    assert shown is not None and shown is window.article
    assert window.is_busy()
    window.build_controls()
    busy = window.findChild(QProgressBar, "busyIndicator")
    assert busy is not None
    assert not busy.isHidden()  # (the status bar itself shows on the next pass)
    qtbot.waitUntil(
        lambda: (
            window.shown_article is not None and window.shown_article.script.value == "simplified"
        ),
        timeout=20_000,
    )
    assert busy.isHidden()
    assert not window.is_busy()
    # The first frame showed the article as written: it never waited for OpenCC.
    assert painted and window.article is not None
    assert window.article.title in painted[0]


def test_a_wrong_guess_of_the_system_scheme_is_corrected(qtbot: QtBot, settings: QSettings) -> None:
    store.save_system_dark(settings, True)  # dark last time; the offscreen system is light
    window = _deferred(qtbot, settings)
    assert window.look.dark
    assert _window_colour(window) == COLORS["window"][1]
    qtbot.waitUntil(lambda: not window.look.dark)
    assert _window_colour(window) == COLORS["window"][0]
    window.close()
    assert store.load_system_dark(settings) is False


def test_a_right_guess_changes_nothing(qtbot: QtBot, settings: QSettings) -> None:
    store.save_system_dark(settings, False)
    window = _deferred(qtbot, settings)
    look = window.look
    qtbot.waitUntil(lambda: bool(window.menuBar().actions()))
    qtbot.wait(200)
    # Re-theming builds a new Look; a right guess keeps the one the first paint used.
    assert window.look is look
    assert not window.look.dark


def test_an_explicit_theme_needs_no_guess(qtbot: QtBot, settings: QSettings) -> None:
    settings.setValue("prefs/theme", "dark")
    store.save_system_dark(settings, False)
    window = _deferred(qtbot, settings)
    assert window.look.dark and window.look.theme is Theme.DARK
    qtbot.waitUntil(lambda: bool(window.menuBar().actions()))
    qtbot.wait(50)
    assert window.look.dark


def test_system_scheme_setting_reads_back_and_ignores_junk(settings: QSettings) -> None:
    assert store.load_system_dark(settings) is None
    store.save_system_dark(settings, True)
    assert store.load_system_dark(settings) is True
    settings.setValue("state/system_dark", "maybe")
    assert store.load_system_dark(settings) is None


def test_command_line_options_still_go_through_argparse(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert "qingdu" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["a.txt", "b.txt"])  # two paths: argparse reports the error


def test_a_page_opened_with_speakers_later_is_shown_again_with_them(
    qtbot: QtBot, settings: QSettings
) -> None:
    session = ReadingSession(settings)
    shown: list[int] = []
    session.script_changed.connect(lambda article: shown.append(len(article.speakers)))
    assert session.open(SAMPLE, speakers_later=True)
    session.show_in(*ORIGINAL)
    assert shown == [0]
    session.find_speakers()
    assert session.article is not None and session.article.speakers
    assert shown == [0, len(session.article.speakers)]  # shown again, with them
    assert 'class="speaker"' in session.html
    session.find_speakers()  # once only
    assert len(shown) == 2
