"""Sidebar: shows an article's sections and speakers; clicks go out as signals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from reader.core.article import Article
from reader.ui.sidebar import Sidebar, SidebarEntry, SidebarGroup
from tests.test_window import rich_article


def _groups(
    article: Article, sections: str = "章節", speakers: str = "發言人"
) -> list[SidebarGroup]:
    return [
        SidebarGroup(
            "sections",
            sections,
            tuple(SidebarEntry(s.title, s.title, i) for i, s in enumerate(article.sections)),
        ),
        SidebarGroup(
            "speakers",
            speakers,
            tuple(
                SidebarEntry(f"{s.name}（{len(s.blocks)}）", s.name, s.name)
                for s in article.speakers
            ),
        ),
    ]


def _sidebar(qtbot: QtBot) -> Sidebar:
    bar = Sidebar()
    qtbot.addWidget(bar)
    bar.resize(260, 500)
    bar.set_groups(_groups(rich_article()))
    return bar


def _click(qtbot: QtBot, bar: Sidebar, item: QTreeWidgetItem) -> None:
    pos = bar.visualItemRect(item).center()
    QTest.mouseClick(bar.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def test_lists_sections_and_speakers_with_counts(qtbot: QtBot) -> None:
    bar = _sidebar(qtbot)
    assert bar.objectName() == "sidebar"
    assert bar.items("sections") == ["從廢鐵到寶藏", "修理師傅的手藝", "市集的明天"]
    assert bar.items("speakers") == ["簡雨農（2）", "羅曉帆（2）", "蘇慧玲（2）"]
    bar.set_groups(_groups(rich_article(), "Sections", "Speakers"))
    assert bar.group_title("sections") == "Sections (3)"
    assert bar.group_title("speakers") == "Speakers (3)"


def test_any_number_of_groups(qtbot: QtBot) -> None:
    bar = _sidebar(qtbot)
    places = SidebarGroup("places", "地點", (SidebarEntry("鹿鳴鎮", "鹿鳴鎮", "鹿鳴鎮"),))
    bar.set_groups([*_groups(rich_article()), places])
    assert bar.items("places") == ["鹿鳴鎮"]
    assert bar.topLevelItemCount() == 3
    bar.show()
    qtbot.waitExposed(bar)
    with qtbot.waitSignal(bar.entry_activated) as chosen:
        _click(qtbot, bar, bar.item("places", 0))
    assert chosen.args == ["places", "鹿鳴鎮"]


def test_new_article_replaces_entries_and_hides_empty_groups(qtbot: QtBot) -> None:
    bar = _sidebar(qtbot)
    bar.set_groups(_groups(rich_article().with_changes(speakers=())))
    assert bar.items("speakers") == []
    assert bar.topLevelItem(1).isHidden()  # type: ignore[union-attr]
    assert len(bar.items("sections")) == 3


def test_clicks_emit_section_and_speaker(qtbot: QtBot) -> None:
    bar = _sidebar(qtbot)
    bar.show()
    qtbot.waitExposed(bar)
    with qtbot.waitSignal(bar.entry_activated) as got:
        _click(qtbot, bar, bar.item("sections", 1))
    assert got.args == ["sections", 1]
    with qtbot.waitSignal(bar.entry_activated) as spoke:
        _click(qtbot, bar, bar.item("speakers", 2))
    assert spoke.args == ["speakers", "蘇慧玲"]


def test_group_header_click_emits_nothing(qtbot: QtBot) -> None:
    bar = _sidebar(qtbot)
    bar.show()
    qtbot.waitExposed(bar)
    with qtbot.assertNotEmitted(bar.entry_activated):
        _click(qtbot, bar, bar.topLevelItem(0))  # type: ignore[arg-type]


def test_enter_key_activates_current_entry(qtbot: QtBot) -> None:
    bar = _sidebar(qtbot)
    bar.setCurrentItem(bar.item("speakers", 0))
    with qtbot.waitSignal(bar.entry_activated) as spoke:
        QTest.keyClick(bar, Qt.Key.Key_Return)
    assert spoke.args == ["speakers", "簡雨農"]


def test_highlighting_the_current_section_is_silent(qtbot: QtBot) -> None:
    bar = _sidebar(qtbot)
    with qtbot.assertNotEmitted(bar.entry_activated):
        bar.set_current("sections", 2)
    assert bar.current("sections") == 2
    assert bar.current("speakers") is None
    bar.set_current("sections", None)
    assert bar.current("sections") is None
    bar.set_current("sections", 99)
    assert bar.current("sections") is None


def test_counts_use_the_brackets_of_the_label_language() -> None:
    from reader.ui.i18n import parenthesized

    assert parenthesized("章節", 4) == "章節（4）"
    assert parenthesized("Sections", 4) == "Sections (4)"
