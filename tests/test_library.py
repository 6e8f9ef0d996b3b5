"""The library core: indexing folders, rescans, search in both scripts, a bad index file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.library import fold, scan
from reader.library import search as search_module
from reader.library.index import (
    Index,
    LibraryError,
    data_dir,
    default_path,
)
from reader.library.schema import APPLICATION_ID, SCHEMA_VERSION
from reader.library.search import QueryError, search
from tests.library_pages import (
    SIMPLIFIED,
    SIMPLIFIED_TITLE,
    THIRD,
    THIRD_TITLE,
    TRADITIONAL_TITLE,
    make_folder,
    touch_later,
    write,
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_folder(tmp_path)


@pytest.fixture
def index(tmp_path: Path, folder: Path) -> Index:
    ix = Index(tmp_path / "data" / "library.sqlite3")
    ix.add_folder(folder)
    scan.scan(ix, workers=0)
    return ix


def titles(ix: Index) -> set[str]:
    return {e.title for e in ix.entries(include_errors=False)}


# --------------------------------------------------------------------------- indexing


def test_scan_indexes_pages_recursively_and_skips_companion_folders(index: Index) -> None:
    assert titles(index) == {SIMPLIFIED_TITLE, TRADITIONAL_TITLE}
    trad = next(e for e in index.entries() if e.title == TRADITIONAL_TITLE)
    assert trad.source == "山城週報"
    assert trad.published == "2024-05-06 08:30"
    assert trad.script == "traditional"
    assert trad.length > 150
    assert trad.unread
    assert trad.progress == 0


def test_unreadable_file_is_listed_with_its_error_and_the_rest_indexed(index: Index) -> None:
    failed = [e for e in index.entries() if e.error]
    assert [Path(e.path).name for e in failed] == ["broken.html"]
    assert "binary" in (failed[0].error or "").lower()
    assert len(titles(index)) == 2


def test_rescan_of_unchanged_folder_cleans_nothing(index: Index) -> None:
    report = scan.scan(index, workers=0)
    assert (report.added, report.updated, report.removed, report.failed) == (0, 0, 0, 0)
    assert report.unchanged == 3


def test_added_changed_and_deleted_files_are_picked_up(index: Index, folder: Path) -> None:
    write(folder / "new" / "river.html", THIRD_TITLE, THIRD)
    changed = folder / "page.html"
    write(
        changed,
        "青溪镇图书馆延长周末开放",
        ["图书馆员周慕白说，周末也会开放到晚上，方便外地上班的居民借还图书。", *SIMPLIFIED[3:]],
    )
    touch_later(changed)
    (folder / "茶會" / "show-5-4127-0.htm").unlink()

    report = scan.scan(index, workers=0)

    assert (report.added, report.updated, report.removed) == (1, 1, 1)
    assert titles(index) == {THIRD_TITLE, "青溪镇图书馆延长周末开放"}
    assert search(index, "茶會") == []
    assert [h.title for h in search(index, "修缮")] == [THIRD_TITLE]
    assert [h.title for h in search(index, "周末")] == ["青溪镇图书馆延长周末开放"]
    assert search(index, "夜间") == []  # the old text of the changed page is gone


def test_change_keeps_the_reading_position(index: Index, folder: Path) -> None:
    page = folder / "page.html"
    assert index.set_position(page, 2, 40)
    write(page, SIMPLIFIED_TITLE, THIRD)
    touch_later(page)
    scan.scan(index, workers=0)
    entry = index.entry(page)
    assert entry is not None and entry.position == (2, 40)


def test_folder_that_disappears_keeps_its_articles_until_it_is_back(
    index: Index, folder: Path, tmp_path: Path
) -> None:
    moved = tmp_path / "unplugged"
    folder.rename(moved)
    report = scan.scan(index, workers=0)
    assert report.missing == (str(folder.resolve()),)
    assert report.removed == 0
    assert titles(index) == {SIMPLIFIED_TITLE, TRADITIONAL_TITLE}
    assert index.folders()[0].missing

    moved.rename(folder)
    report = scan.scan(index, workers=0)
    assert report.missing == ()
    assert (report.added, report.removed, report.unchanged) == (0, 0, 3)


def test_removed_article_stays_out_of_lists_searches_and_rescans(
    index: Index, folder: Path
) -> None:
    page = folder / "page.html"
    assert index.remove([page]) == 1
    assert SIMPLIFIED_TITLE not in titles(index)
    assert search(index, "夜间") == []
    touch_later(page)
    scan.scan(index, workers=0)
    assert SIMPLIFIED_TITLE not in titles(index)
    assert search(index, "夜间") == []
    assert page.is_file()  # the index only, never the file


def test_remove_folder_forgets_its_articles_not_its_files(index: Index, folder: Path) -> None:
    assert index.remove_folder(folder)
    assert index.entries() == []
    assert search(index, "发布") == []
    assert (folder / "page.html").is_file()


def test_nothing_is_written_into_the_folder(tmp_path: Path, folder: Path) -> None:
    before = sorted((p, p.stat().st_mtime_ns) for p in folder.rglob("*"))
    ix = Index(tmp_path / "lib.sqlite3")
    ix.add_folder(folder)
    scan.scan(ix, workers=0)
    assert sorted((p, p.stat().st_mtime_ns) for p in folder.rglob("*")) == before


def test_progress_counts_up_and_cancel_keeps_the_work_done(tmp_path: Path, folder: Path) -> None:
    for i in range(4):
        write(folder / f"more-{i}.html", f"{THIRD_TITLE}{i}", THIRD)
    ix = Index(tmp_path / "lib.sqlite3")
    ix.add_folder(folder)
    seen: list[scan.Progress] = []
    report = scan.scan(ix, workers=0, progress=seen.append, cancel=lambda: len(seen) >= 3)
    assert report.cancelled
    assert [p.done for p in seen] == [1, 2, 3]
    assert {p.total for p in seen} == {7}
    assert seen[-1].eta is not None and seen[-1].eta >= 0
    assert len(ix.entries()) == 3

    report = scan.scan(ix, workers=0)
    assert not report.cancelled
    assert report.added + report.failed == 4
    assert len(ix.entries()) == 7


def test_worker_processes_clean_as_this_process_does(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan, "IN_PROCESS_BELOW", 0)
    ix = Index(tmp_path / "lib.sqlite3")
    ix.add_folder(folder)
    report = scan.scan(ix, workers=1)
    assert (report.added, report.failed) == (2, 1)
    assert titles(ix) == {SIMPLIFIED_TITLE, TRADITIONAL_TITLE}
    assert [h.title for h in search(ix, "發佈")] != []


# --------------------------------------------------------------------------- search


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # one character: 里 and 裡 are one word in two scripts
        ("里", {SIMPLIFIED_TITLE, TRADITIONAL_TITLE}),
        ("裡", {SIMPLIFIED_TITLE, TRADITIONAL_TITLE}),
        # two characters
        ("发布", {SIMPLIFIED_TITLE, TRADITIONAL_TITLE}),
        ("發佈", {SIMPLIFIED_TITLE, TRADITIONAL_TITLE}),
        ("茶馆", {TRADITIONAL_TITLE}),
        ("夜間", {SIMPLIFIED_TITLE}),
        # four characters
        ("图书馆员", {SIMPLIFIED_TITLE, TRADITIONAL_TITLE}),
        ("圖書館員", {SIMPLIFIED_TITLE, TRADITIONAL_TITLE}),
        ("秋季讲座", {TRADITIONAL_TITLE}),
        # characters present, not adjacent: no match
        ("馆茶", set()),
        # every term must match
        ("图书馆 茶馆", {TRADITIONAL_TITLE}),
    ],
)
def test_search_finds_words_in_either_script(index: Index, query: str, expected: set[str]) -> None:
    assert {h.title for h in search(index, query)} == expected


def test_snippet_marks_the_match_in_the_original_script(index: Index) -> None:
    hits = {h.title: h for h in search(index, "发布")}
    trad = hits[TRADITIONAL_TITLE]
    assert [trad.snippet[a:b] for a, b in trad.marks] == ["發佈"]
    assert "【發佈】" in trad.marked()
    assert [trad.title[a:b] for a, b in trad.title_marks] == ["發佈"]
    simp = hits[SIMPLIFIED_TITLE]
    assert [simp.snippet[a:b] for a, b in simp.marks] == ["发布"]


def test_snippet_starts_at_the_sentence_of_the_match(index: Index) -> None:
    [hit] = search(index, "公告栏")
    assert hit.snippet.startswith("不少居民在镇上的公告栏")


def test_very_common_words_are_ranked_among_the_newest_matches(
    index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "RANK_LIMIT", 1)
    # Both articles have 发布; the Traditional one was indexed last (its folder sorts later).
    assert [h.title for h in search(index, "发布")] == [TRADITIONAL_TITLE]


def test_title_match_ranks_first(index: Index) -> None:
    # 發佈 is in both titles and both bodies; 秋季 only in the Traditional title and body.
    assert search(index, "秋季")[0].title == TRADITIONAL_TITLE


@pytest.mark.parametrize("query", ["", "   ", "，。！", '"'])
def test_query_without_words_is_refused(index: Index, query: str) -> None:
    with pytest.raises(QueryError):
        search(index, query)


def test_query_syntax_characters_are_searched_as_text(index: Index) -> None:
    for query in ('发布"', "* 发布", "发布:", "(发布)", "发布 -"):
        assert {h.title for h in search(index, query)} >= {TRADITIONAL_TITLE}, query
    # FTS5 operators are words like any other: every term must be in the text.
    assert search(index, "发布 OR 茶馆") == []
    assert search(index, "NEAR(发布)") == []


@given(st.text(max_size=60))
def test_fold_keeps_every_position(text: str) -> None:
    assert len(fold.fold(text)) == len(text)


def test_fold_joins_the_scripts_and_widths() -> None:
    assert fold.fold("發佈會在臺北裡面") == "发布会在台北里面"
    assert fold.fold("衞生") == fold.fold("衛生") == "卫生"
    assert fold.fold("ＡＢＣ１２") == "ABC12"
    assert fold.fold("什么著作") == "什么著作"  # Simplified text's own characters stay


# --------------------------------------------------------------------------- reading state


def test_position_sets_progress_and_continue_reading(index: Index, folder: Path) -> None:
    assert index.continue_reading() is None
    page = folder / "page.html"
    index.set_position(page, 1, 10)
    entry = index.entry(page)
    assert entry is not None
    assert entry.position == (1, 10)
    assert entry.progress == pytest.approx(2 / 5)
    assert not entry.unread
    cont = index.continue_reading()
    assert cont is not None and cont.path == str(page.resolve())
    index.set_position(page, 4, 0)  # the last block: finished
    assert index.continue_reading() is None
    assert not index.set_position(folder / "elsewhere.html", 0, 0)


# --------------------------------------------------------------------------- the file


def test_data_dir_follows_the_platform(tmp_path: Path) -> None:
    home = tmp_path
    assert data_dir({"XDG_DATA_HOME": "/x/share"}, "linux", home) == Path("/x/share/qingdu")
    assert data_dir({"XDG_DATA_HOME": "rel"}, "linux", home) == home / ".local/share/qingdu"
    assert data_dir({}, "darwin", home) == home / "Library/Application Support/qingdu"
    assert data_dir({"APPDATA": str(tmp_path / "R")}, "win32", home) == tmp_path / "R/qingdu"


def test_default_path_honours_xdg_and_the_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QINGDU_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    assert default_path() == tmp_path / "d" / "qingdu" / "library.sqlite3"
    monkeypatch.setenv("QINGDU_LIBRARY", str(tmp_path / "other.sqlite3"))
    assert default_path() == tmp_path / "other.sqlite3"


def _aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".unreadable-*"))


def test_corrupt_index_is_set_aside_and_rebuilt(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not a database, " * 200)
    ix = Index(path)
    assert ix.notice is not None and "kept as" in ix.notice
    [aside] = _aside(path)
    assert aside.read_bytes().startswith(b"this is not a database")
    ix.add_folder(folder)
    scan.scan(ix, workers=0)
    assert len(titles(ix)) == 2


def test_damaged_pages_inside_an_index_are_set_aside(index: Index) -> None:
    index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    index.close()
    path = index.path
    data = bytearray(path.read_bytes())
    page = 4096
    for at in range(page * 2, len(data), page):
        data[at : at + 100] = b"\xff" * 100  # every page after the schema's
    path.write_bytes(bytes(data))
    ix = Index(path)
    assert ix.notice is not None
    assert _aside(path)
    assert ix.entries() == []


def test_another_programs_database_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    ix = Index(path)
    assert ix.notice is not None and "not a Qingdu library" in ix.notice
    assert ix.entries() == []


def test_index_from_a_newer_qingdu_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Index(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    ix = Index(path)
    assert ix.notice is not None and "newer" in ix.notice
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_reopening_keeps_everything(index: Index) -> None:
    index.close()
    ix = Index(index.path)
    assert ix.notice is None
    assert len(titles(ix)) == 2


def test_a_new_folding_rebuilds_the_search_index(index: Index, folder: Path) -> None:
    with index.db:
        index.db.execute("UPDATE meta SET value = 'older' WHERE key = 'fold'")
        # As if built by a different folding: the index no longer matches the texts.
        index.db.execute("INSERT INTO article_fts(article_fts) VALUES ('delete-all')")
    index.close()
    ix = Index(index.path)
    assert {h.title for h in search(ix, "發佈")} == {SIMPLIFIED_TITLE, TRADITIONAL_TITLE}
    (folder / "page.html").unlink()  # deleting needs the rebuilt index to match
    scan.scan(ix, workers=0)
    assert {h.title for h in search(ix, "發佈")} == {TRADITIONAL_TITLE}


def test_index_in_an_unwritable_place_raises_library_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryError):
        Index(blocker / "library.sqlite3")


def test_two_indexes_on_one_file_see_each_others_writes(index: Index, folder: Path) -> None:
    other = Index(index.path)
    write(folder / "river.html", THIRD_TITLE, THIRD)
    scan.scan(other, workers=0)
    assert THIRD_TITLE in titles(index)
    other.close()


def test_folder_given_twice_nested_indexes_each_page_once(index: Index, folder: Path) -> None:
    index.add_folder(folder / "茶會")
    report = scan.scan(index, workers=0)
    assert (report.added, report.updated, report.removed) == (0, 0, 0)
    assert len(index.entries()) == 3
    (folder / "茶會" / "show-5-4127-0.htm").unlink()
    report = scan.scan(index, workers=0)
    assert report.removed == 1
    assert titles(index) == {SIMPLIFIED_TITLE}
