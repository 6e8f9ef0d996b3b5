"""ArticleView: the reading position through resizes and layout changes, jumps with room
above them, Back/Forward, Ctrl+Home/End, the section mark at the end, and find marks on
the scroll bar (pytest-qt, offscreen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextDocument
from PySide6.QtTest import QTest

from reader.core.article import Article, Block, BlockType, Script
from reader.core.render import anchor, render
from reader.ui.scrollmarks import MarkedScrollBar
from reader.ui.typography import ReadingStyle, typography_css
from reader.ui.view import ArticleView

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

CSS = "p.para { margin-bottom: 0.9em; } h2.section { font-size: large; }"
N_SECTIONS = 8
PER_SECTION = 6


def _article() -> Article:
    blocks: list[Block] = []
    for s in range(N_SECTIONS):
        blocks.append(Block(BlockType.HEADING, f"第{s + 1}節 碼頭的故事"))
        for n in range(PER_SECTION):
            blocks.append(
                Block(
                    BlockType.PARAGRAPH,
                    f"第{s + 1}節第{n + 1}段：潮水退去以後，碼頭邊的漁民開始整理漁網，"
                    "準備明天清早出海；孩子們在堤岸上追著海鷗跑，老人坐在石階上補網，"
                    "說起年輕時遇過的風浪，一說就是整個下午。",
                )
            )
    return Article(title="港灣的一天", blocks=tuple(blocks), script=Script.TRADITIONAL)


def _heading(section: int) -> int:
    return section * (PER_SECTION + 1)


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    v = ArticleView()
    qtbot.addWidget(v)
    v.set_reading_font(["Noto Serif CJK TC"], 14.0)
    v.resize(1000, 600)
    v.show()
    qtbot.waitExposed(v)
    v.show_article(render(_article()), CSS)
    return v


def _jump(qtbot: QtBot, view: ArticleView, block: int) -> None:
    assert view.scroll_to(anchor(block))
    qtbot.waitUntil(view.settled)


def _top_of(view: ArticleView, block: int) -> float:
    cur = view.block_cursor(block)
    assert cur is not None
    rect = view.document().documentLayout().blockBoundingRect(cur.block())
    return rect.top() - view.verticalScrollBar().value()


def test_a_jump_leaves_room_above_the_heading_and_marks_its_section(
    qtbot: QtBot, view: ArticleView
) -> None:
    target = _heading(5)
    with qtbot.waitSignal(view.top_block_changed) as changed:
        _jump(qtbot, view, target)
    assert 20 < _top_of(view, target) < 120  # not flush against the top edge
    assert view.top_block() == target
    assert changed.args == [target]


@pytest.mark.parametrize("width", [600, 420])
def test_resizing_keeps_the_reading_position(qtbot: QtBot, view: ArticleView, width: int) -> None:
    target = _heading(6) + 3  # a paragraph late in the article
    _jump(qtbot, view, target)
    before = view.top_block()
    assert before == target
    view.resize(width, 600)
    qtbot.wait(10)
    assert view.top_block() == target
    view.resize(1000, 600)
    qtbot.wait(10)
    assert view.top_block() == target


def test_a_new_reading_style_keeps_the_place_and_changes_the_column(
    qtbot: QtBot, view: ArticleView
) -> None:
    target = _heading(4) + 2
    _jump(qtbot, view, target)
    margin = view.document().rootFrame().frameFormat().leftMargin()
    view.set_reading_style(ReadingStyle(line_spacing=2.4, column_chars=30, margin=40))
    qtbot.waitUntil(view.settled)
    assert view.top_block() == target
    assert view.document().rootFrame().frameFormat().leftMargin() > margin  # narrower column
    assert view.reading_style().column_chars == 30


def test_first_line_indent_and_spacing_in_the_css(qapp: object) -> None:
    font = QFont("Noto Serif CJK TC", 14)
    plain = typography_css(font, ReadingStyle())
    assert "text-indent" not in plain
    indented = typography_css(font, ReadingStyle(indent=True, line_spacing=2.2))
    assert "p.para { text-indent:" in indented
    assert plain != typography_css(font, ReadingStyle(line_spacing=2.2))


def test_the_end_marks_the_last_section(qtbot: QtBot, view: ArticleView) -> None:
    view.setFocus()
    with qtbot.waitSignal(view.top_block_changed):
        QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    bar = view.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0
    assert view.at_end()
    assert view.reading_block() == len(_article().blocks) - 1
    QTest.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0
    assert view.reading_block() == -1


def test_back_and_forward_after_jumps(qtbot: QtBot, view: ArticleView) -> None:
    assert not view.can_go_back()
    _jump(qtbot, view, _heading(2))
    _jump(qtbot, view, _heading(6))
    assert view.can_go_back()
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(view.settled)
    assert view.top_block() == _heading(2)
    assert view.go_back()
    qtbot.waitUntil(view.settled)
    assert view.top_block() == -1  # where the reader started
    assert not view.can_go_back() and view.can_go_forward()
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(view.settled)
    assert view.top_block() == _heading(2)


def test_find_marks_are_ticked_on_the_scroll_bar(qtbot: QtBot, view: ArticleView) -> None:
    _jump(qtbot, view, _heading(3))
    value = view.verticalScrollBar().value()
    cursors = []
    cur = view.document().find("老人")
    while not cur.isNull():
        cursors.append(cur)
        cur = view.document().find("老人", cur, QTextDocument.FindFlag(0))
    assert len(cursors) == N_SECTIONS * PER_SECTION
    view.marks.set("find", cursors, QColor("#ffb347"))
    bar = view.verticalScrollBar()
    assert isinstance(bar, MarkedScrollBar)  # put in place with the first marks
    assert bar.value() == value  # the place is kept
    ticks = bar.ticks("find")
    assert len(ticks) == len(cursors)
    assert ticks == tuple(sorted(ticks)) and 0 < ticks[0] < 0.1 and 0.9 < ticks[-1] <= 1
    view.marks.clear("find")
    assert bar.ticks("find") == ()
    # Scrolling is still followed through the new bar.
    with qtbot.waitSignal(view.top_block_changed):
        bar.setValue(bar.maximum())


def test_minimum_reading_width_holds_a_usable_line(view: ArticleView) -> None:
    em = view.fontMetrics().horizontalAdvance("中")
    assert view.minimum_reading_width() >= 16 * em


def test_an_elided_address_shows_whole_on_hover(view: ArticleView) -> None:
    from PySide6.QtGui import QTextCursor

    url = "https://harbour.example/news/2024/06/01/" + "a-long-slug-" * 8 + "dawn.html"
    view.show_article(render(_article().with_changes(url=url)), CSS)
    start = view.document().find("https://harbour.example/")
    assert not start.isNull()
    line = start.block().text()
    assert "…" in line and len(line) <= 64  # one short line
    cur = QTextCursor(view.document())
    cur.setPosition(start.selectionStart() + 2)
    fmt = cur.charFormat()
    # QTextBrowser shows a character format's tool tip on hover (Qt's own behaviour; the
    # offscreen platform cannot raise the tip, so the format is checked).
    assert fmt.toolTip() == url
    assert fmt.anchorHref() == url  # Copy Link Location copies all of it


def test_ctrl_end_pressed_in_the_view_can_be_gone_back_from(
    qtbot: QtBot, view: ArticleView
) -> None:
    _jump(qtbot, view, _heading(2))
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.at_end()
    QTest.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(view.settled)
    assert view.top_block() == _heading(2)  # back where Ctrl+End left
