"""A script switch on a big article converts in the worker process, the window painting on.

Every article counts as big here (`ReadingSession(settings, inline_chars=0)`), so small
fixtures of original prose take the background path: the busy indicator shows, the form
shown stays until the conversion comes, a newer switch or open supersedes it, a form
already converted wins at once, and a failure is reported as on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.core import Article, load_article
from reader.core.article import QuoteStyle, Target, TraditionalStandard
from reader.ui.session import ReadingSession
from reader.ui.window import MainWindow
from reader.ui.worker import convert_rendered, load_rendered, stamp
from tests.test_window import (
    CONVERT_TIMEOUT,
    TEXT_PAGE,
    FakeDialogs,
    _busy_shown,
    _make,
    rich_article,
)
from tests.test_window import _text_page as _page

SIMPLIFIED = (Target.SIMPLIFIED, QuoteStyle.KEEP, TraditionalStandard.TAIWAN, False)


@pytest.fixture
def big(qtbot: QtBot, settings: QSettings, fake: FakeDialogs, tmp_path: Path) -> MainWindow:
    """A window whose every article converts in the background, showing a small page."""
    return _open_big(qtbot, settings, fake, tmp_path)


def _open_big(qtbot: QtBot, settings: QSettings, fake: FakeDialogs, tmp_path: Path) -> MainWindow:
    w = _make(qtbot, settings, fake, ReadingSession(settings, inline_chars=0))
    assert w.open_path(_page(tmp_path, "page.txt", "山城夜話"))  # loaded here: it is small
    assert "店主周念青說" in w.view.toPlainText()  # shown as written at once
    # ...then with full-width punctuation (on by default), converted in the background.
    qtbot.waitUntil(lambda: not w.is_busy(), timeout=CONVERT_TIMEOUT)
    return w


@pytest.fixture
def fake() -> FakeDialogs:
    """The window's dialogs, recorded."""
    return FakeDialogs()


def _shown(window: MainWindow) -> list[Article]:
    shown: list[Article] = []
    window.article_shown.connect(shown.append)
    return shown


def test_a_big_article_converts_in_the_background_with_busy_indicator(
    big: MainWindow, qtbot: QtBot, fake: FakeDialogs
) -> None:
    with qtbot.waitSignal(big.article_shown, timeout=CONVERT_TIMEOUT) as shown:
        big.action("actionScriptSimplified").trigger()  # returns before the conversion
        assert big.is_busy()
        assert _busy_shown(big)
        assert "店主周念青說" in big.view.toPlainText()  # the form shown stays meanwhile
    assert shown.args[0] is big.shown_article
    assert "店主周念青说" in big.view.toPlainText()
    assert not big.is_busy()
    assert not _busy_shown(big)
    assert not fake.errors


def test_an_article_without_a_file_is_converted_in_the_background_too(
    qtbot: QtBot, settings: QSettings, fake: FakeDialogs
) -> None:
    w = _make(qtbot, settings, fake, ReadingSession(settings, inline_chars=0))
    w.show_article(rich_article())
    with qtbot.waitSignal(w.article_shown, timeout=CONVERT_TIMEOUT):
        w.action("actionScriptSimplified").trigger()
        assert w.is_busy()
    assert "鹿鸣镇" in w.view.toPlainText()


def test_a_newer_switch_supersedes_a_pending_conversion(big: MainWindow, qtbot: QtBot) -> None:
    shown = _shown(big)
    big.action("actionScriptSimplified").trigger()
    assert big.is_busy()
    with qtbot.waitSignal(big.article_shown, timeout=CONVERT_TIMEOUT):
        big.action("actionQuotesCurly").trigger()  # 简体 with curly quotes, asked before
    # The worker converts in order: the first result came first and was dropped.
    assert len(shown) == 1
    assert "“书店不是卖书的地方" in big.view.toPlainText()
    assert not big.is_busy()


def test_switching_back_to_a_converted_form_while_converting_wins_at_once(
    big: MainWindow, qtbot: QtBot
) -> None:
    shown = _shown(big)
    big.action("actionScriptSimplified").trigger()
    assert big.is_busy()
    big.action("actionScriptOriginal").trigger()  # cached: shown before trigger returns
    assert shown == [big.article]
    assert not big.is_busy()
    # A later conversion arrives after the dropped one would have: it never showed.
    with qtbot.waitSignal(big.article_shown, timeout=CONVERT_TIMEOUT):
        big.action("actionQuotesCurly").trigger()
    assert len(shown) == 2
    assert "“書店不是賣書的地方" in big.view.toPlainText()


def test_a_new_open_supersedes_a_pending_conversion(
    big: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    big.action("actionScriptSimplified").trigger()
    assert big.is_busy()
    shown = _shown(big)
    assert big.open_path(_page(tmp_path, "other.txt", "河谷來信"))  # small: opened here
    assert big.path is not None and big.path.name == "other.txt"
    # Shown as written at once, then converted by a new worker that loads it again.
    qtbot.waitUntil(lambda: "河谷来信" in big.view.toPlainText(), timeout=CONVERT_TIMEOUT)
    assert [a.title for a in shown] == ["河谷來信", "河谷来信"]
    assert not big.is_busy()


def test_a_background_conversion_that_fails_is_reported(
    qtbot: QtBot,
    settings: QSettings,
    fake: FakeDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import opencc  # noqa: F401 - this process keeps the real one

    # The worker starts with the first conversion and finds a broken OpenCC first.
    broken = tmp_path / "broken" / "opencc"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("raise ImportError('no binding here')\n")
    monkeypatch.syspath_prepend(str(broken.parent))
    w = _open_big(qtbot, settings, fake, tmp_path)
    with qtbot.waitSignal(w.conversion_failed, timeout=CONVERT_TIMEOUT) as failed:
        w.action("actionScriptSimplified").trigger()
    assert "OpenCC" in failed.args[0]
    assert fake.errors and "OpenCC" in fake.errors[0][1]
    assert w.action("actionScriptOriginal").isChecked()  # the toggle put back
    assert "店主周念青說" in w.view.toPlainText()
    assert not w.is_busy()


def test_the_worker_converts_the_article_it_kept_or_loads_the_file_again(
    tmp_path: Path,
) -> None:
    page = _page(tmp_path, "page.txt", "山城夜話")
    load_rendered(page)
    kept = stamp(page)
    assert kept is not None
    page.write_text(f"改過的標題\n\n{TEXT_PAGE}", encoding="utf-8")
    done = convert_rendered(kept, SIMPLIFIED)  # the article as loaded, still kept
    assert done is not None and done[0].title == "山城夜话"
    now = stamp(page)
    assert now is not None and now != kept
    done = convert_rendered(now, SIMPLIFIED)  # the file as it is now, loaded again
    assert done is not None and done[0].title == "改过的标题"
    # A conversion that changes nothing is None: the window shows the article it has.
    same = (Target.ORIGINAL, QuoteStyle.KEEP, TraditionalStandard.TAIWAN, False)
    assert convert_rendered(load_article(page), same) is None
