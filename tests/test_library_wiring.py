"""The library inside the reader: File ▸ Library (Ctrl+L), opening from it, positions, titles."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.app import build_window
from reader.library import scan
from reader.library.index import Index, default_path
from reader.ui.window import MainWindow
from tests.library_pages import SIMPLIFIED_TITLE, TRADITIONAL_TITLE, make_folder


def _library(tmp_path: Path) -> Path:
    folder = make_folder(tmp_path)
    with Index(default_path()) as index:  # XDG_DATA_HOME is in tmp_path (conftest)
        index.add_folder(folder)
        scan.scan(index, workers=0)
    return folder


def _window(qtbot: QtBot, settings: QSettings) -> MainWindow:
    w = build_window(settings)
    qtbot.addWidget(w)
    w.show()
    return w


def test_ctrl_l_shows_the_library_and_opens_an_article_from_it(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    folder = _library(tmp_path)
    window = _window(qtbot, settings)
    action = window.action("actionLibrary")
    assert action.shortcut().toString() == "Ctrl+L"
    action.trigger()
    link = window._library
    assert link is not None and link.window is not None
    library = link.window
    qtbot.addWidget(library)
    assert library.isVisible()
    with qtbot.waitSignal(library.scan_finished, timeout=60_000):
        pass  # the quick rescan at start
    library.open_path(str((folder / "茶會" / "show-5-4127-0.htm").resolve()))
    assert window.article is not None and window.article.title == TRADITIONAL_TITLE


def test_positions_reach_the_index_and_recent_files_show_titles(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    folder = _library(tmp_path)
    window = _window(qtbot, settings)
    page = folder / "page.html"
    window.open_path(page)
    window.open_path(folder / "茶會" / "show-5-4127-0.htm")  # saves the first one's place
    with Index(default_path()) as index:
        entry = index.entry(page)
        assert entry is not None and entry.last_read is not None
        cont = index.continue_reading()
        assert cont is not None and cont.title == SIMPLIFIED_TITLE
    menu = window.build_controls().recent_menu
    window._rebuild_recent()
    names = [a.text() for a in menu.actions() if a.objectName().startswith("actionRecent")]
    assert names[:2] == [f"&1 {TRADITIONAL_TITLE}", f"&2 {SIMPLIFIED_TITLE}"]


def test_no_library_file_is_created_by_reading(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    window._rebuild_recent()
    window.close()
    assert not default_path().exists()
