"""The library file's schema and storage format: tables, migrations, checks, packing.

Schema (version 1; `PRAGMA user_version` is the version, `PRAGMA application_id` marks the
file as Qingdu's):

- ``folder``: the folders the user added (path, when added). Pages are found in them;
  nothing is ever written into them or copied out of them.
- ``article``: one row per saved page: path, folder, size and modification time (the
  rescan compares these), title, date, source, author, URL, script, length in characters,
  number of blocks, the error that kept it out (NULL when it was read), the reading
  position (block, offset) and progress (0-1), when it was added and last read, and
  whether the user removed it from the library (a rescan then leaves it out).
- ``article_text``: the cleaned body text, zlib-compressed UTF-8 (Chinese text shrinks
  to under half, and the text is most of the file), from which snippets are cut.
- ``article_fts``: a contentless FTS5 index over the folded text (`fold.index_text`).
  Contentless keeps one copy of the text, not two; the price is that a row is deleted
  by giving FTS5 the text it indexed, which is recomputed from ``article_text``.
- ``meta``: key/value; ``fold`` names the folding the FTS index was built with (a change
  of it rebuilds the FTS index from ``article_text``).

`check` says why a file cannot be used (`Index` then sets it aside), `migrate` brings a
file to `SCHEMA_VERSION`, `check_fold` rebuilds the FTS index after a change of folding.
"""

from __future__ import annotations

import logging
import sqlite3
import zlib

from reader.library import fold

log = logging.getLogger(__name__)

#: "QDLB": marks the file as a Qingdu library (PRAGMA application_id).
APPLICATION_ID = 0x51444C42
#: zlib level for stored bodies: on the shared corpus's cleaned texts level 6 (zlib's
#: default) shrinks them 2.15× at 0.8 ms an article; 9 gains nothing, 1 gives 2.0×.
BODY_COMPRESSION = 6
#: The folding the FTS index holds; bump when `fold` changes what it produces.
FOLD_VERSION = "1"

_V1 = """
CREATE TABLE folder (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    added REAL NOT NULL
);
CREATE TABLE article (
    id INTEGER PRIMARY KEY,
    folder_id INTEGER NOT NULL REFERENCES folder(id) ON DELETE CASCADE,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    published TEXT,
    source TEXT,
    author TEXT,
    url TEXT,
    script TEXT,
    length INTEGER NOT NULL DEFAULT 0,
    blocks INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    position_block INTEGER,
    position_offset INTEGER,
    progress REAL NOT NULL DEFAULT 0,
    added REAL NOT NULL,
    last_read REAL,
    hidden INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX article_folder ON article(folder_id);
CREATE INDEX article_last_read ON article(last_read);
CREATE TABLE article_text (
    article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
    body BLOB NOT NULL
);
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, body, content='', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

#: MIGRATIONS[n] takes a version-n file to version n+1. Append, never edit.
MIGRATIONS: tuple[str, ...] = (_V1,)
SCHEMA_VERSION = len(MIGRATIONS)

FTS_SQL = (
    "CREATE VIRTUAL TABLE article_fts USING fts5("
    "title, body, content='', tokenize='unicode61 remove_diacritics 2')"
)


def pack(body: str) -> bytes:
    """Body text as stored in ``article_text``."""
    return zlib.compress(body.encode("utf-8", "surrogatepass"), BODY_COMPRESSION)


def unpack(data: bytes) -> str:
    """Body text from ``article_text``."""
    return zlib.decompress(data).decode("utf-8", "surrogatepass")


def check(db: sqlite3.Connection, *, deep: bool) -> str | None:
    """Why this file is not a usable Qingdu index, or None (a new empty file is fine).

    `deep` also reads every page (`PRAGMA quick_check`).
    """
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id == 0 and version == 0 and tables == 0:
        return None  # a new file
    if app_id != APPLICATION_ID:
        return "it is not a Qingdu library"
    if version > SCHEMA_VERSION:
        return f"it was written by a newer Qingdu (schema {version})"
    result = db.execute("PRAGMA quick_check(1)").fetchone()[0] if deep else "ok"
    if result != "ok":
        return f"it is damaged: {result}"
    return None


def salvage_folders(db: sqlite3.Connection) -> list[tuple[str, float]]:
    """The folder list of a damaged index, if it can still be read (it is a few rows)."""
    try:
        return [(p, a) for p, a in db.execute("SELECT path, added FROM folder")]
    except sqlite3.DatabaseError:
        return []


def migrate(db: sqlite3.Connection) -> None:
    """Bring the file to `SCHEMA_VERSION`, one migration per transaction."""
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for n in range(version, SCHEMA_VERSION):
        with db:
            db.executescript(
                f"BEGIN; {MIGRATIONS[n]}; PRAGMA application_id = {APPLICATION_ID}; "
                f"PRAGMA user_version = {n + 1}; COMMIT;"
            )


def _fold_name() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        engine = version("opencc")
    except PackageNotFoundError:
        engine = "?"
    return f"{FOLD_VERSION}/opencc-{engine}"


def check_fold(db: sqlite3.Connection) -> None:
    """Rebuild the FTS index if it was built with another folding (see module docstring)."""
    name = _fold_name()
    row = db.execute("SELECT value FROM meta WHERE key = 'fold'").fetchone()
    if row is not None and row[0] == name:
        return
    with db:
        if row is not None:
            log.info("Rebuilding the search index (folding %s -> %s)", row[0], name)
            db.execute("DROP TABLE article_fts")
            db.execute(FTS_SQL)
            rows = db.execute(
                "SELECT a.id, a.title, t.body FROM article a "
                "JOIN article_text t ON t.article_id = a.id"
            ).fetchall()
            db.executemany(
                "INSERT INTO article_fts(rowid, title, body) VALUES (?, ?, ?)",
                ((i, fold.index_text(t), fold.index_text(unpack(b))) for i, t, b in rows),
            )
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('fold', ?)", (name,))
