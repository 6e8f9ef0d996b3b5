"""Issue 14 in the window: each defect and each reading control, as a user meets them
(pytest-qt, offscreen; dialogs recorded by FakeDialogs)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QToolButton

from reader.app import build_window
from reader.core import Article, Block, BlockType, Theme
from reader.core.article import Removal
from reader.core.prefs import Language
from reader.ui.frame import first_size
from reader.ui.window import MainWindow
from tests.conftest import PAGES
from tests.test_window import CONVERT_TIMEOUT, FakeDialogs, _make, rich_article

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot


def _window(qtbot: QtBot, settings: QSettings, fake: FakeDialogs | None = None) -> MainWindow:
    return _make(qtbot, settings, fake or FakeDialogs())


def _shown(qtbot: QtBot, window: MainWindow, article: Article) -> None:
    with qtbot.waitSignal(window.article_shown, timeout=CONVERT_TIMEOUT):
        window.show_article(article)
    qtbot.waitUntil(window.view.settled)


# -- 1. the page's day/night choice --------------------------------------------------------


def test_follow_the_page_theme_is_a_preference(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    window.action("actionThemeDark").trigger()
    assert window.prefs.follow_page_theme  # on by default: the page's choice applies
    assert window.open_path(PAGES / "colorscheme-light.html")
    assert window.look.theme is Theme.LIGHT and not window.look.dark
    assert window.action("actionThemeLight").isChecked()  # the toolbar shows it
    # Off: the reader's own choice stands, now and for the next page.
    window.action("actionFollowPageTheme").trigger()
    assert not window.prefs.follow_page_theme
    assert window.look.theme is Theme.DARK and window.action("actionThemeDark").isChecked()
    assert window.open_path(PAGES / "colorscheme-light.html")
    assert window.look.theme is Theme.DARK and window.look.dark


# -- 2. the reading position through resizes; the section mark at the end -----------------


def test_resizing_keeps_the_place_and_the_section_mark(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    article = rich_article()
    _shown(qtbot, window, article)
    window.go_to_section(2)
    qtbot.waitUntil(window.view.settled)
    heading = article.sections[2].block
    assert window.view.top_block() == heading
    for width in (600, 420, 1000):
        window.resize(width, 700)
        qtbot.wait(20)
        assert window.view.reading_block() in (heading, heading + 1), width
        assert window.sidebar.current("sections") == 2, width


def test_the_end_key_marks_the_last_section(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    window.resize(1000, 1400)  # tall: the last heading is well below the top at the end
    article = rich_article()
    _shown(qtbot, window, article)
    window.action("actionGoEnd").trigger()
    qtbot.wait(20)
    bar = window.view.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0
    assert window.sidebar.current("sections") == len(article.sections) - 1
    window.action("actionGoTop").trigger()
    assert bar.value() == 0
    assert window.sidebar.current("sections") is None


# -- 3. narrow and small screens -------------------------------------------------------------


def test_first_size_fits_the_screen() -> None:
    assert first_size(QSize(1920, 1040)) == (1120, 780)
    width, height = first_size(QSize(1366, 728))  # 1366x768 less a panel
    assert height <= 728 * 0.9 and width <= 1366
    assert first_size(QSize(910, 480)) == (819, 432)  # 1366x768 at 150 %


def test_the_first_window_fits_the_available_screen(qtbot: QtBot, settings: QSettings) -> None:
    window = build_window(settings, dialogs=FakeDialogs().dialogs())  # no saved geometry
    qtbot.addWidget(window)
    room = window.screen().availableGeometry().size()
    assert window.width() <= room.width() * 0.9 + 1
    assert window.height() <= room.height() * 0.9 + 1


def test_a_narrow_window_collapses_the_sidebar(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    _shown(qtbot, window, rich_article())
    assert window.sidebar.isVisible()
    window.resize(420, 600)
    qtbot.wait(20)
    assert not window.sidebar.isVisible()
    assert window.view.width() >= window.view.minimum_reading_width() - 40
    assert window.action("actionSidebar").isEnabled()  # the toggle stays
    window.resize(1000, 700)
    qtbot.wait(20)
    assert window.sidebar.isVisible()  # the reader's choice comes back with the room


def test_the_toolbar_never_loses_an_action(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    window.resize(600, 600)
    qtbot.wait(20)
    bar = window.build_controls().toolbar
    hidden = [
        a.objectName()
        for a in bar.actions()
        if not a.isSeparator() and ((w := bar.widgetForAction(a)) is None or not w.isVisible())
    ]
    assert hidden  # 600 px is too narrow for every button
    # What does not fit is in the tool bar's extension menu, whose button must be seen:
    # the tool buttons' padding left no room for its arrow, a blank strip. (A check on
    # pixels, the only evidence of a drawn arrow: a blank button is one colour.)
    extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is not None and extension.isVisible(), hidden
    image = extension.grab().toImage()
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    assert len(colours) > 2


def test_an_empty_sidebar_collapses(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    bare = Article(title="短訊", blocks=(Block(BlockType.PARAGRAPH, "今天港口風平浪靜。"),))
    _shown(qtbot, window, bare)
    assert not window.sidebar.isVisible()
    _shown(qtbot, window, rich_article())
    assert window.sidebar.isVisible()


# -- 4. error dialogs in one language ------------------------------------------------------


def test_error_dialogs_speak_one_language(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    fake = FakeDialogs()
    window = _window(qtbot, settings, fake)
    window.action("actionLanguageEnglish").trigger()
    assert not window.open_path(tmp_path / "missing.html")
    title, message = fake.errors[-1]
    assert message == "Cannot open “missing.html”.\n\nNo such file."
    window.action("actionLanguageHant").trigger()
    assert not window.open_path(tmp_path / "missing.html")
    title, message = fake.errors[-1]
    assert title == "無法開啟" and "找不到這個檔案" in message
    assert "such" not in message and str(tmp_path) not in message


# -- 5. the smaller ones -----------------------------------------------------------------------


def test_back_and_forward_after_sidebar_jumps(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    article = rich_article()
    _shown(qtbot, window, article)
    window.go_to_section(1)
    qtbot.waitUntil(window.view.settled)
    window.go_to_section(2)
    qtbot.waitUntil(window.view.settled)
    window.action("actionBack").trigger()
    qtbot.waitUntil(window.view.settled)
    assert window.view.top_block() == article.sections[1].block
    window.action("actionForward").trigger()
    qtbot.waitUntil(window.view.settled)
    assert window.view.top_block() == article.sections[2].block


def test_back_after_find(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    _shown(qtbot, window, rich_article())
    assert window.view.top_block() == -1
    window.open_find()
    window.find_bar.edit.setText("市集的明天")  # the last section's heading
    qtbot.waitUntil(lambda: window.match_count() > 0)
    qtbot.waitUntil(lambda: (window.view.top_block() or -1) > 10)
    window.action("actionBack").trigger()
    qtbot.waitUntil(window.view.settled)
    assert window.view.top_block() == -1


def test_clicking_the_address_without_a_browser_says_so(qtbot: QtBot, settings: QSettings) -> None:
    fake = FakeDialogs()
    fake.browser = False
    window = _window(qtbot, settings, fake)
    _shown(qtbot, window, rich_article())
    url = "https://weekly.luming.example/market/2024/0511.html"
    window.view.link_clicked.emit(QUrl(url))
    assert fake.opened == [QUrl(url)]
    assert fake.errors and url in fake.errors[-1][1]
    assert QGuiApplication.clipboard().text() == url


def test_a_page_in_english_is_shown_as_written(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    window.action("actionLanguageEnglish").trigger()
    text = "The tide went out, and the fishermen on the quay began to mend their nets. " * 6
    page = Article(title="A morning at the quay", blocks=(Block(BlockType.PARAGRAPH, text),))
    from reader.core.language import ContentLanguage

    english = page.with_changes(language=ContentLanguage.OTHER)
    _shown(qtbot, window, english)
    status = window.build_controls().status.script.text()
    assert "Simplified" not in status and "Traditional" not in status
    assert "not Chinese" in status
    assert not window.action("actionScriptSimplified").isEnabled()
    assert window.view.font().families()[0] in ("Noto Serif", "Noto Sans")


def test_reading_controls_apply_and_are_remembered(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    article = rich_article()
    _shown(qtbot, window, article)
    window.go_to_section(2)
    qtbot.waitUntil(window.view.settled)
    where = window.view.top_block()
    for name in ("actionLineSpacingMore", "actionColumnNarrower", "actionMarginsMore"):
        window.action(name).trigger()
        qtbot.waitUntil(window.view.settled)
        assert window.view.top_block() == where, name  # the place is kept
    window.action("actionIndent").trigger()
    window.action("actionThemePaper").trigger()
    window.action("actionPunctuation").trigger()  # off
    style = window.view.reading_style()
    assert (style.line_spacing, style.column_chars, style.margin, style.indent) == (
        2.0,
        36,
        40,
        True,
    )
    window.close()
    again = build_window(settings, dialogs=FakeDialogs().dialogs())
    qtbot.addWidget(again)
    p = again.prefs
    assert (p.line_spacing, p.column_width, p.margins, p.indent) == (20, 36, 40, True)
    assert p.theme is Theme.PAPER and not p.punctuation
    again.build_controls()
    assert again.action("actionIndent").isChecked()
    assert again.action("actionThemePaper").isChecked()
    again.action("actionLayoutReset").trigger()
    assert again.view.reading_style().column_chars == 40


def test_full_width_punctuation_is_on_for_chinese(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    farm = Article(
        title="從1到10,科研成果如何跨越“死亡之谷”?",
        blocks=(Block(BlockType.PARAGRAPH, "研究團隊表示:成果轉化需要時間,也需要耐心!"),),
    )
    _shown(qtbot, window, farm)
    text = window.view.toPlainText()
    assert "從1到10，科研" in text and "表示：成果轉化需要時間，也需要耐心！" in text
    # Find follows what is shown: a query typed with half-width marks finds the text.
    window.open_find()
    window.find_bar.edit.setText("時間,也")
    qtbot.waitUntil(lambda: window.match_count() == 1)
    window.action("actionPunctuation").trigger()
    qtbot.waitUntil(lambda: "表示:成果" in window.view.toPlainText(), timeout=CONVERT_TIMEOUT)


def test_fonts_per_script_are_chosen_from_the_system(qtbot: QtBot, settings: QSettings) -> None:
    fake = FakeDialogs()
    window = _window(qtbot, settings, fake)
    _shown(qtbot, window, rich_article())
    fake.items = ["Test Ming Face"]
    window.action("actionFontTraditional").trigger()
    assert fake.offered and fake.offered[-1][0] in ("自動", "自动", "Automatic")
    assert window.prefs.font_traditional == "Test Ming Face"
    assert window.view.font().families()[0] == "Test Ming Face"


def test_export_and_print_from_the_file_menu(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    fake = FakeDialogs()
    window = _window(qtbot, settings, fake)
    _shown(qtbot, window, rich_article())
    fake.saves = [tmp_path / "a.md", tmp_path / "a.html", tmp_path / "a.pdf"]
    for name in ("actionExportMarkdown", "actionExportHtml", "actionExportPdf"):
        window.action(name).trigger()
    assert (tmp_path / "a.md").read_text(encoding="utf-8").startswith("# 鹿鳴鎮舊貨市集")
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in page
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    window.action("actionPrint").trigger()
    assert fake.printed and "鹿鳴鎮舊貨市集" in fake.printed[0]
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    names = {a.objectName() for a in file_menu.actions()}
    assert "actionPrint" in names


def test_what_was_removed_panel(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    window.action("actionLanguageHant").trigger()
    mark = "（來源：溪谷週報 weekly.luming.example）"
    article = rich_article().with_changes(
        removed=(Removal("watermark", mark), Removal("watermark", mark), Removal("chrome", "首頁"))
    )
    _shown(qtbot, window, article)
    assert not window.removed_panel.isVisible()
    window.action("actionRemoved").trigger()
    assert window.removed_panel.isVisible()
    first = window.removed_panel.topLevelItem(0)
    assert first is not None and first.text(0) == "浮水印（2）"
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.action("actionRemoved").isChecked()


def test_progress_in_the_status_bar(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    window.set_pref("language", Language.ENGLISH)
    _shown(qtbot, window, rich_article())
    status = window.build_controls().status.time
    assert "min" in status.text()
    window.action("actionGoEnd").trigger()
    qtbot.waitUntil(lambda: status.text() == "Read to the end")
    window.action("actionGoTop").trigger()
    qtbot.waitUntil(lambda: "min" in status.text())


def test_punctuation_that_changes_nothing_costs_no_second_rendering(
    qtbot: QtBot, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core import render as core_render
    from reader.ui import session

    rendered: list[str] = []
    real = core_render.render

    def counting(article: Article, *args: object) -> str:
        rendered.append(article.title)
        return real(article)

    monkeypatch.setattr(session, "render", counting)
    window = _window(qtbot, settings)
    assert window.prefs.punctuation
    _shown(qtbot, window, rich_article())  # full-width already: nothing to change
    assert window.shown_article is window.article
    with qtbot.waitSignal(window.article_shown, timeout=CONVERT_TIMEOUT):
        window.action("actionPunctuation").trigger()  # off: the same text, as written
    with qtbot.waitSignal(window.article_shown, timeout=CONVERT_TIMEOUT):
        window.action("actionPunctuation").trigger()  # on again
    assert len(rendered) == 1  # one rendering of the one text


def test_a_japanese_page_gets_a_japanese_font(qtbot: QtBot, settings: QSettings) -> None:
    from reader.core.language import ContentLanguage

    window = _window(qtbot, settings)
    text = "潮が引いた後、波止場の漁師たちは網を繕い始め、翌朝早くの出港に備えた。" * 4
    page = Article(
        title="波止場の朝",
        blocks=(Block(BlockType.PARAGRAPH, text),),
        language=ContentLanguage.JAPANESE,
    )
    _shown(qtbot, window, page)
    assert window.view.font().families()[0] == "Noto Serif CJK JP"
    assert window.shown_article is window.article  # shown as written
    assert not window.action("actionScriptTraditional").isEnabled()
