"""The library's index: one SQLite file listing the saved pages in the user's folders.

The tables are described in `schema`. This module finds the file (`data_dir`), opens it
(setting a bad file aside, see `Index`) and reads and writes its rows. A file that is
not a SQLite database, is another program's, is damaged or comes from a newer Qingdu is
renamed aside (never deleted) and a new index started; `Index.notice` says so in one
sentence for the UI or CLI to show.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.library import fold
from reader.library.schema import (
    check,
    check_fold,
    migrate,
    pack,
    salvage_folders,
    unpack,
)

log = logging.getLogger(__name__)

#: Folder and file name under the platform's data directory.
APP_DIR = "qingdu"
FILE_NAME = "library.sqlite3"


def data_dir(
    environ: Mapping[str, str] | None = None, platform: str | None = None, home: Path | None = None
) -> Path:
    """Qingdu's data directory, as Qt's `QStandardPaths.AppDataLocation` would name it.

    Linux and other Unix: `$XDG_DATA_HOME/qingdu` (default `~/.local/share/qingdu`);
    macOS: `~/Library/Application Support/qingdu`; Windows: `%APPDATA%/qingdu`. Computed
    without Qt so the command line and the window agree on one file.
    """
    env = os.environ if environ is None else environ
    plat = sys.platform if platform is None else platform
    base_home = Path.home() if home is None else home
    if plat.startswith("win"):
        appdata = env.get("APPDATA")
        base = Path(appdata) if appdata else base_home / "AppData" / "Roaming"
    elif plat == "darwin":
        base = base_home / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_DATA_HOME", "")
        # The XDG spec: a relative value is invalid and is ignored.
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else base_home / ".local" / "share"
    return base / APP_DIR


def default_path() -> Path:
    """The library index file (see `data_dir`); `$QINGDU_LIBRARY` overrides it."""
    override = os.environ.get("QINGDU_LIBRARY")
    return Path(override) if override else data_dir() / FILE_NAME


@dataclass(frozen=True, slots=True)
class Folder:
    """A folder the user added to the library."""

    id: int
    path: str
    added: float

    @property
    def missing(self) -> bool:
        """Whether the folder is gone (unmounted, moved, deleted) right now."""
        return not Path(self.path).is_dir()


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What indexing takes from a cleaned page."""

    title: str
    published: str | None
    source: str | None
    author: str | None
    url: str | None
    script: str
    length: int
    blocks: int
    body: str
    #: `fold.index_text` of the title and of the body (computed in the cleaning worker).
    fts_title: str
    fts_body: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One article of the library, as listed."""

    id: int
    path: str
    folder: str
    title: str
    published: str | None
    source: str | None
    author: str | None
    url: str | None
    script: str | None
    length: int
    error: str | None
    position: tuple[int, int] | None
    progress: float
    added: float
    last_read: float | None
    #: Taken out of the library by the user (kept out of lists, searches and rescans).
    removed: bool = False

    @property
    def unread(self) -> bool:
        """Never opened from the library or the reader."""
        return self.last_read is None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready fields (the `qingdu library list --format json` contract)."""
        return {
            "path": self.path,
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "author": self.author,
            "url": self.url,
            "script": self.script,
            "length": self.length,
            "progress": round(self.progress, 3),
            "added": self.added,
            "last_read": self.last_read,
            "error": self.error,
        }


_ENTRY_COLUMNS = (
    "a.id, a.path, f.path, a.title, a.published, a.source, a.author, a.url, a.script, "
    "a.length, a.error, a.position_block, a.position_offset, a.progress, a.added, a.last_read, "
    "a.hidden"
)


def _entry(row: tuple[Any, ...]) -> Entry:
    (id_, path, folder, title, published, source, author, url, script, length, error) = row[:11]
    block, offset, progress, added, last_read, hidden = row[11:]
    return Entry(
        id=id_,
        path=path,
        folder=folder,
        title=title,
        published=published,
        source=source,
        author=author,
        url=url,
        script=script,
        length=length,
        error=error,
        position=(block, offset) if block is not None else None,
        progress=progress,
        added=added,
        last_read=last_read,
        removed=bool(hidden),
    )


class LibraryError(Exception):
    """The index cannot be opened or created at all (e.g. its folder is not writable)."""


class Index:
    """The library index file, opened (and created or migrated) on construction.

    With `verify` (the default) every page of the file is checked (`PRAGMA quick_check`,
    about 50 ms per 40 MB) and the search index is rebuilt if it was made with another
    folding. The window opens its own connection without, for a fast start, because the
    quick rescan it starts at once opens one with.

    One Index per thread (sqlite3 connections stay in the thread that made them); several
    may be open on one file: it is in WAL mode, so the list reads while a scan writes.

    Raises:
        LibraryError: the file cannot be created or opened even after setting it aside.
    """

    def __init__(self, path: Path | str, *, verify: bool = True) -> None:
        self.path = Path(path)
        self._verify = verify
        #: One sentence for the user when the file had to be set aside, else None.
        self.notice: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except (OSError, sqlite3.Error) as exc:
            raise LibraryError(f"The library index {self.path} cannot be opened: {exc}") from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db(self) -> sqlite3.Connection:
        """The connection, for the search and scan modules of this package."""
        return self._db

    # ----------------------------------------------------------------------- opening

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10.0)
        db.execute("PRAGMA foreign_keys = ON")
        return db

    def _open(self) -> sqlite3.Connection:
        db = self._connect()
        folders: list[tuple[str, float]] = []
        try:
            problem = check(db, deep=self._verify)
            if problem is None:
                migrate(db)
                if self._verify:
                    check_fold(db)
                return db
            if problem.startswith("it is damaged"):
                folders = salvage_folders(db)
        except sqlite3.DatabaseError as exc:  # not a database, or damaged
            problem = str(exc)
        db.close()
        aside = self._set_aside()
        again = "its folders are being read again" if folders else "add your folders again"
        self.notice = (
            f"The library index could not be used ({problem}); it was kept as {aside} "
            f"and a new one was started: {again}."
        )
        log.warning("%s", self.notice)
        db = self._connect()
        migrate(db)
        check_fold(db)
        with db:
            db.executemany("INSERT OR IGNORE INTO folder(path, added) VALUES (?, ?)", folders)
        return db

    def _set_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.name}.unreadable-{stamp}-{n}")
        self.path.rename(aside)
        for suffix in ("-wal", "-shm"):  # SQLite's side files belong to the old file
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                side.rename(aside.with_name(aside.name + suffix))
        return aside

    # ----------------------------------------------------------------------- folders

    def add_folder(self, path: Path | str) -> Folder:
        """Add a folder (idempotent); its pages are indexed by the next scan."""
        resolved = str(Path(path).resolve())
        with self._db:
            self._db.execute(
                "INSERT OR IGNORE INTO folder(path, added) VALUES (?, ?)", (resolved, time.time())
            )
        row = self._db.execute(
            "SELECT id, path, added FROM folder WHERE path = ?", (resolved,)
        ).fetchone()
        return Folder(*row)

    def remove_folder(self, path: Path | str) -> bool:
        """Forget a folder and its articles (the files are not touched)."""
        resolved = str(Path(path).resolve())
        row = self._db.execute("SELECT id FROM folder WHERE path = ?", (resolved,)).fetchone()
        if row is None:
            return False
        with self._db:
            ids = [
                r[0] for r in self._db.execute("SELECT id FROM article WHERE folder_id = ?", row)
            ]
            self._delete_ids(ids)
            self._db.execute("DELETE FROM folder WHERE id = ?", row)
        return True

    def folders(self) -> list[Folder]:
        return [Folder(*r) for r in self._db.execute("SELECT id, path, added FROM folder")]

    # ----------------------------------------------------------------------- files

    def known_files(self, folder_id: int) -> dict[str, tuple[int, int]]:
        """Path -> (size, mtime_ns) of every file indexed (or failed) under a folder."""
        rows = self._db.execute(
            "SELECT path, size, mtime_ns FROM article WHERE folder_id = ?", (folder_id,)
        )
        return {p: (s, m) for p, s, m in rows}

    def put(
        self, folder_id: int, path: str, size: int, mtime_ns: int, result: Cleaned | str
    ) -> None:
        """Record a file: its cleaned article, or the error (a str) that kept it out.

        Reading position, progress, dates and removal survive a change of the file.
        Call `commit` after a batch.
        """
        db = self._db
        row = db.execute("SELECT id FROM article WHERE path = ?", (path,)).fetchone()
        if row is None:
            cur = db.execute(
                "INSERT INTO article(folder_id, path, size, mtime_ns, added) VALUES (?,?,?,?,?)",
                (folder_id, path, size, mtime_ns, time.time()),
            )
            article_id = cur.lastrowid
        else:
            article_id = row[0]
            self._drop_text(article_id)
        if isinstance(result, str):
            db.execute(
                "UPDATE article SET size=?, mtime_ns=?, error=?, title='', published=NULL, "
                "source=NULL, author=NULL, url=NULL, script=NULL, length=0, blocks=0 WHERE id=?",
                (size, mtime_ns, result, article_id),
            )
            return
        c = result
        fields = (c.title, c.published, c.source, c.author, c.url, c.script, c.length, c.blocks)
        db.execute(
            "UPDATE article SET size=?, mtime_ns=?, error=NULL, title=?, published=?, source=?, "
            "author=?, url=?, script=?, length=?, blocks=? WHERE id=?",
            (size, mtime_ns, *fields, article_id),
        )
        hidden = db.execute("SELECT hidden FROM article WHERE id = ?", (article_id,)).fetchone()[0]
        if hidden:
            return  # removed by the user: listed nowhere, searched nowhere
        db.execute(
            "INSERT INTO article_text(article_id, body) VALUES (?, ?)",
            (article_id, pack(c.body)),
        )
        db.execute(
            "INSERT INTO article_fts(rowid, title, body) VALUES (?, ?, ?)",
            (article_id, c.fts_title, c.fts_body),
        )

    def forget(self, paths: Iterable[str]) -> int:
        """Drop files that are gone from disk; returns how many rows went."""
        ids = [
            r[0]
            for p in paths
            for r in self._db.execute("SELECT id FROM article WHERE path = ?", (p,))
        ]
        self._delete_ids(ids)
        return len(ids)

    def commit(self) -> None:
        self._db.commit()

    def _delete_ids(self, ids: list[int]) -> None:
        for article_id in ids:
            self._drop_text(article_id)
            self._db.execute("DELETE FROM article WHERE id = ?", (article_id,))

    def _drop_text(self, article_id: int) -> None:
        """Take an article's text out of the FTS index and ``article_text``."""
        row = self._db.execute(
            "SELECT a.title, t.body FROM article a JOIN article_text t ON t.article_id = a.id "
            "WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is not None:  # a row with an error was never in the FTS index
            self._db.execute(
                "INSERT INTO article_fts(article_fts, rowid, title, body) "
                "VALUES ('delete', ?, ?, ?)",
                (article_id, fold.index_text(row[0]), fold.index_text(unpack(row[1]))),
            )
            self._db.execute("DELETE FROM article_text WHERE article_id = ?", (article_id,))

    # ----------------------------------------------------------------------- articles

    def entries(self, *, include_errors: bool = True) -> list[Entry]:
        """Every article of the library (removed ones left out), newest first."""
        where = "a.hidden = 0" + ("" if include_errors else " AND a.error IS NULL")
        rows = self._db.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM article a JOIN folder f ON f.id = a.folder_id "
            f"WHERE {where} ORDER BY a.added DESC, a.id DESC"
        )
        return [_entry(r) for r in rows]

    def entry(self, path: Path | str) -> Entry | None:
        """The article at `path`, if the library has it (removed or not)."""
        row = self._db.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM article a JOIN folder f ON f.id = a.folder_id "
            "WHERE a.path = ?",
            (str(Path(path).resolve()),),
        ).fetchone()
        return _entry(row) if row else None

    def remove(self, paths: Iterable[Path | str]) -> int:
        """Take articles out of the library (the index only, never the file).

        They stay out across rescans; adding the folder again does not bring them back.
        Returns how many were removed.
        """
        n = 0
        with self._db:
            for p in paths:
                row = self._db.execute(
                    "SELECT id FROM article WHERE path = ? AND hidden = 0",
                    (str(Path(p).resolve()),),
                ).fetchone()
                if row is not None:
                    self._drop_text(row[0])
                    self._db.execute("UPDATE article SET hidden = 1 WHERE id = ?", row)
                    n += 1
        return n

    def set_position(self, path: Path | str, block: int, offset: int) -> bool:
        """Record the reading position in `path` and mark it read now.

        Progress is the share of blocks before the position. Returns False when the
        library does not have the file.
        """
        with self._db:
            cur = self._db.execute(
                "UPDATE article SET position_block = ?, position_offset = ?, last_read = ?, "
                "progress = CASE WHEN blocks > 0 "
                "THEN min(1.0, max(0.0, (? + 1.0) / blocks)) ELSE 0 END WHERE path = ?",
                (block, offset, time.time(), block, str(Path(path).resolve())),
            )
        return cur.rowcount > 0

    def continue_reading(self) -> Entry | None:
        """The article read most recently and not finished, if any."""
        row = self._db.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM article a JOIN folder f ON f.id = a.folder_id "
            "WHERE a.hidden = 0 AND a.error IS NULL AND a.last_read IS NOT NULL "
            "AND a.progress < 1 ORDER BY a.last_read DESC LIMIT 1"
        ).fetchone()
        return _entry(row) if row else None
