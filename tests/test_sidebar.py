"""Sidebar: shows an article's sections and speakers; clicks go out as signals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from reader.ui.sidebar import Sidebar
from tests.test_window import rich_article


def _sidebar(qtbot: QtBot) -> Sidebar:
    bar = Sidebar()
    qtbot.addWidget(bar)
    bar.resize(260, 500)
    bar.set_article(rich_article())
    return bar


def _click(qtbot: QtBot, bar: Sidebar, item: QTreeWidgetItem) -> None:
    pos = bar.visualItemRect(item).center()
    QTest.mouseClick(bar.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def test_lists_sections_and_speakers_with_counts(qtbot: QtBot) -> None:
    bar = _sidebar(qtbot)
    assert bar.objectName() == "sidebar"
    assert bar.section_items() == ["從廢鐵到寶藏", "修理師傅的手藝", "市集的明天"]
    assert bar.speaker_items() == ["簡雨農（2）", "羅曉帆（2）", "蘇慧玲（2）"]
    bar.set_group_titles("Sections", "Speakers")
    assert bar.topLevelItem(0).text(0) == "Sections (3)"  # type: ignore[union-attr]
    assert bar.topLevelItem(1).text(0) == "Speakers (3)"  # type: ignore[union-attr]


def test_new_article_replaces_entries_and_hides_empty_groups(qtbot: QtBot) -> None:
    bar = _sidebar(qtbot)
    bar.set_article(rich_article().with_changes(speakers=()))
    assert bar.speaker_items() == []
    assert bar.topLevelItem(1).isHidden()  # type: ignore[union-attr]
    assert len(bar.section_items()) == 3


def test_clicks_emit_section_and_speaker(qtbot: QtBot) -> None:
    bar = _sidebar(qtbot)
    bar.show()
    qtbot.waitExposed(bar)
    with qtbot.waitSignal(bar.section_activated) as got:
        _click(qtbot, bar, bar.section_item(1))
    assert got.args == [1]
    with qtbot.waitSignal(bar.speaker_activated) as spoke:
        _click(qtbot, bar, bar.speaker_item(2))
    assert spoke.args == ["蘇慧玲"]


def test_group_header_click_emits_nothing(qtbot: QtBot) -> None:
    bar = _sidebar(qtbot)
    bar.show()
    qtbot.waitExposed(bar)
    with (
        qtbot.assertNotEmitted(bar.section_activated),
        qtbot.assertNotEmitted(bar.speaker_activated),
    ):
        _click(qtbot, bar, bar.topLevelItem(0))  # type: ignore[arg-type]


def test_enter_key_activates_current_entry(qtbot: QtBot) -> None:
    bar = _sidebar(qtbot)
    bar.setCurrentItem(bar.speaker_item(0))
    with qtbot.waitSignal(bar.speaker_activated) as spoke:
        QTest.keyClick(bar, Qt.Key.Key_Return)
    assert spoke.args == ["簡雨農"]


def test_highlighting_the_current_section_is_silent(qtbot: QtBot) -> None:
    bar = _sidebar(qtbot)
    with qtbot.assertNotEmitted(bar.section_activated):
        bar.set_current_section(2)
    assert bar.current_section() == 2
    bar.set_current_section(None)
    assert bar.current_section() is None
    bar.set_current_section(99)
    assert bar.current_section() is None


def test_counts_use_the_brackets_of_the_label_language() -> None:
    from reader.ui.i18n import parenthesized

    assert parenthesized("章節", 4) == "章節（4）"
    assert parenthesized("Sections", 4) == "Sections (4)"
