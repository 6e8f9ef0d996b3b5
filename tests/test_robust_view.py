"""The reading view shows the new block kinds of issue 11: tables as tables, post heads."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.core import extract
from reader.core.prefs import Accent
from reader.core.render import render
from tests.test_robust import TIMETABLE, _page, _story


def test_a_table_block_is_a_table_in_the_view(qtbot: QtBot) -> None:
    from PySide6.QtGui import QTextTable

    from reader.ui.theme import article_css, colors
    from reader.ui.view import ArticleView

    article = extract(_page(f"<article>{_story(4)}{TIMETABLE}{_story(4)}</article>"))
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(render(article), article_css(colors(False, Accent.INK)))
    frames = view.document().rootFrame().childFrames()
    tables = [f for f in frames if isinstance(f, QTextTable)]
    assert len(tables) == 1
    assert (tables[0].rows(), tables[0].columns()) == (4, 3)
    assert tables[0].cellAt(2, 0).firstCursorPosition().block().text() == "Tuesday"
