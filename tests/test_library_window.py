"""The library window on its own: list, filters, search, indexing in the background, watching."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel, QMenu
from pytestqt.qtbot import QtBot

from reader.core.prefs import Language
from reader.library import scan
from reader.library.index import Index
from reader.ui.library import LibraryWindow
from tests.library_pages import (
    SIMPLIFIED_TITLE,
    THIRD,
    THIRD_TITLE,
    TRADITIONAL_TITLE,
    make_folder,
    write,
)

SCAN_TIMEOUT_MS = 60_000


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_folder(tmp_path)


def open_window(qtbot: QtBot, tmp_path: Path, **kwargs: object) -> LibraryWindow:
    kwargs.setdefault("scan_at_start", False)
    window = LibraryWindow(tmp_path / "lib.sqlite3", workers=0, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    return window


def add_and_wait(qtbot: QtBot, window: LibraryWindow, folder: Path) -> object:
    with qtbot.waitSignal(window.scan_finished, timeout=SCAN_TIMEOUT_MS) as blocker:
        window.add_folder(folder)
    return blocker.args[0] if blocker.args else None


def shown_titles(window: LibraryWindow) -> list[str]:
    proxy = window.proxy
    return [str(proxy.index(r, 0).data()) for r in range(proxy.rowCount())]


def test_adding_a_folder_indexes_it_in_the_background(
    qtbot: QtBot, tmp_path: Path, folder: Path
) -> None:
    window = open_window(qtbot, tmp_path, watch=False)
    report = add_and_wait(qtbot, window, folder)
    assert isinstance(report, scan.Report) and report.added == 2 and report.failed == 1
    assert set(shown_titles(window)) == {SIMPLIFIED_TITLE, TRADITIONAL_TITLE, "broken.html"}
    assert "1 unreadable" in window.status.text()
    assert not window.progress.isVisible()


def test_progress_bar_counts_while_indexing(qtbot: QtBot, tmp_path: Path, folder: Path) -> None:
    window = open_window(qtbot, tmp_path, watch=False)
    seen: list[tuple[int, int]] = []
    window.index.add_folder(folder)
    window.rescan()
    assert window.scanning and window.progress.isVisible()
    thread = window._thread
    assert thread is not None
    thread.progressed.connect(lambda done, total, _eta: seen.append((done, total)))
    with qtbot.waitSignal(window.scan_finished, timeout=SCAN_TIMEOUT_MS):
        pass
    assert seen and seen[-1] == (3, 3)


def test_cancel_keeps_the_window_usable_and_the_work_done(
    qtbot: QtBot, tmp_path: Path, folder: Path
) -> None:
    for i in range(6):
        write(folder / f"more-{i}.html", f"{THIRD_TITLE}{i}", THIRD)
    window = open_window(qtbot, tmp_path, watch=False)
    window.index.add_folder(folder)
    with qtbot.waitSignal(window.scan_finished, timeout=SCAN_TIMEOUT_MS) as blocker:
        window.rescan()
        window.cancel_scan()
    report = blocker.args[0]
    assert isinstance(report, scan.Report)
    assert report.cancelled
    done = report.added + report.failed
    assert len(window.index.entries()) == done < 9
    window.set_query("修缮")  # usable: searching what was indexed
    report = add_and_wait(qtbot, window, folder)
    assert len(window.index.entries()) == 9


def test_filters_by_source_script_and_unread(qtbot: QtBot, tmp_path: Path, folder: Path) -> None:
    window = open_window(qtbot, tmp_path, watch=False)
    add_and_wait(qtbot, window, folder)
    window.script_box.setCurrentIndex(window.script_box.findData("traditional"))
    assert shown_titles(window) == [TRADITIONAL_TITLE]
    window.script_box.setCurrentIndex(0)
    window.source_box.setCurrentIndex(window.source_box.findData("溪畔日报"))
    assert shown_titles(window) == [SIMPLIFIED_TITLE]
    window.source_box.setCurrentIndex(0)
    window.record_position(folder / "page.html", 1, 0)
    window.unread_box.setChecked(True)
    assert set(shown_titles(window)) == {TRADITIONAL_TITLE, "broken.html"}


def test_sorting_by_length(qtbot: QtBot, tmp_path: Path, folder: Path) -> None:
    window = open_window(qtbot, tmp_path, watch=False)
    add_and_wait(qtbot, window, folder)
    window.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert shown_titles(window)[:2] == [SIMPLIFIED_TITLE, TRADITIONAL_TITLE]


def test_search_shows_marked_snippets_and_opens_the_result(
    qtbot: QtBot, tmp_path: Path, folder: Path
) -> None:
    window = open_window(qtbot, tmp_path, watch=False)
    add_and_wait(qtbot, window, folder)
    window.set_query("裡")
    assert window.stack.currentWidget() is window.results
    assert window.results.count() == 2
    widgets = [window.results.itemWidget(window.results.item(i)) for i in range(2)]
    labels = [w.text() for w in widgets if isinstance(w, QLabel)]
    assert any(">里</span>" in t for t in labels) and any(">裡</span>" in t for t in labels)
    with qtbot.waitSignal(window.article_requested) as blocker:
        window.results.itemActivated.emit(window.results.item(0))
    assert blocker.args[0] in {
        str((folder / "page.html").resolve()),
        str((folder / "茶會" / "show-5-4127-0.htm").resolve()),
    }
    window.set_query("")
    assert window.stack.currentWidget() is window.table


def test_open_passes_the_saved_position_and_continue_reading(
    qtbot: QtBot, tmp_path: Path, folder: Path
) -> None:
    window = open_window(qtbot, tmp_path, watch=False)
    add_and_wait(qtbot, window, folder)
    assert not window.continue_button.isVisible()
    page = str((folder / "page.html").resolve())
    window.record_position(page, 2, 30)
    assert window.continue_button.isVisible()
    assert SIMPLIFIED_TITLE in window.continue_button.text()
    with qtbot.waitSignal(window.article_requested) as blocker:
        window.continue_button.click()
    assert blocker.args == [page, (2, 30)]


def test_remove_and_reveal_act_on_the_selection_only(
    qtbot: QtBot, tmp_path: Path, folder: Path
) -> None:
    revealed: list[QUrl] = []
    window = open_window(qtbot, tmp_path, watch=False, reveal=revealed.append)
    add_and_wait(qtbot, window, folder)
    row = shown_titles(window).index(TRADITIONAL_TITLE)
    window.table.selectRow(row)
    window.reveal_selected()
    assert [u.toLocalFile() for u in revealed] == [str((folder / "茶會").resolve())]
    window.remove_selected()
    assert TRADITIONAL_TITLE not in shown_titles(window)
    assert (folder / "茶會" / "show-5-4127-0.htm").is_file()


def test_remove_and_reveal_act_on_a_search_result_too(
    qtbot: QtBot, tmp_path: Path, folder: Path
) -> None:
    revealed: list[QUrl] = []
    window = open_window(qtbot, tmp_path, watch=False, reveal=revealed.append)
    add_and_wait(qtbot, window, folder)
    window.set_query("茶")
    assert window.stack.currentWidget() is window.results
    hit = window.results.item(0)
    path = hit.data(Qt.ItemDataRole.UserRole)
    window.results.setCurrentItem(hit)
    window.reveal_selected()
    assert [u.toLocalFile() for u in revealed] == [str(Path(path).parent)]
    window.remove_selected()
    paths = [
        window.results.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.results.count())
    ]
    assert path not in paths  # the search ran again without it
    assert Path(path).is_file()  # the file stays


def test_folder_changes_are_picked_up_while_running(
    qtbot: QtBot, tmp_path: Path, folder: Path
) -> None:
    window = open_window(qtbot, tmp_path)
    add_and_wait(qtbot, window, folder)
    with qtbot.waitSignal(window.scan_finished, timeout=SCAN_TIMEOUT_MS):
        write(folder / "茶會" / "river.html", THIRD_TITLE, THIRD)
    assert THIRD_TITLE in shown_titles(window)
    with qtbot.waitSignal(window.scan_finished, timeout=SCAN_TIMEOUT_MS):
        write(folder / "page.html", "青溪镇图书馆延长周末开放", THIRD)  # rewritten in place
    assert "青溪镇图书馆延长周末开放" in shown_titles(window)
    with qtbot.waitSignal(window.scan_finished, timeout=SCAN_TIMEOUT_MS):
        (folder / "page.html").unlink()
    assert "青溪镇图书馆延长周末开放" not in shown_titles(window)


def test_a_corrupt_index_opens_with_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "lib.sqlite3").write_bytes(b"not a database " * 100)
    window = open_window(qtbot, tmp_path, watch=False, language=Language.SIMPLIFIED)
    assert "could not be used" in window.status.text()
    assert shown_titles(window) == []


def test_language_switch_renames_the_columns(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path, watch=False, language=Language.TRADITIONAL)
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "標題"
    window.set_language(Language.ENGLISH)
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Title"


def test_close_during_a_scan_waits_for_it(qtbot: QtBot, tmp_path: Path, folder: Path) -> None:
    window = open_window(qtbot, tmp_path, watch=False)
    window.index.add_folder(folder)
    window.rescan()
    window.close()
    assert window._thread is None or window._thread.isFinished()
    Index(tmp_path / "lib.sqlite3").close()  # the file is fine afterwards


def test_start_rescans_and_sets_a_damaged_index_aside_keeping_its_folders(
    qtbot: QtBot, tmp_path: Path, folder: Path
) -> None:
    path = tmp_path / "lib.sqlite3"
    with Index(path) as index:
        index.add_folder(folder)
        scan.scan(index, workers=0)
    damage_table(path, "article_text")
    window = LibraryWindow(path, workers=0, watch=False, scan_at_start=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.scan_finished, timeout=SCAN_TIMEOUT_MS):
        window.rescan()
    assert "being read again" in window.status.text()
    assert set(shown_titles(window)) == {SIMPLIFIED_TITLE, TRADITIONAL_TITLE, "broken.html"}
    assert list(tmp_path.glob("lib.sqlite3.unreadable-*"))


def damage_table(path: Path, table: str) -> None:
    """Overwrite the pages of one table's b-tree root (the rest of the file stays good)."""
    import sqlite3

    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        sql = "SELECT rootpage FROM sqlite_master WHERE name = ?"
        root = db.execute(sql, (table,)).fetchone()[0]
    db.close()
    with path.open("r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xee" * page_size)


def test_folders_menu_removes_a_folder_and_its_articles(
    qtbot: QtBot, tmp_path: Path, folder: Path
) -> None:
    window = open_window(qtbot, tmp_path, watch=False)
    add_and_wait(qtbot, window, folder)
    menu = window.folders_button.menu()
    menu.aboutToShow.emit()
    [sub] = [m for a in menu.actions() if isinstance(m := a.menu(), QMenu)]
    assert sub.title() == str(folder.resolve())
    remove = sub.actions()[-1]
    remove.trigger()
    assert shown_titles(window) == []
    assert (folder / "page.html").is_file()
    menu.aboutToShow.emit()
    assert [a.isEnabled() for a in menu.actions()] == [False]
