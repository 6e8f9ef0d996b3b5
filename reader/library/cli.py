"""The library's command line, for scripts; never imports Qt.

    qingdu library add DIR...        add folders and index them
    qingdu library rescan            bring the index up to date with the folders
    qingdu library list [--errors]   the articles (with --errors: only the unreadable files)
    qingdu library folders           the folders, and whether each is there
    qingdu library remove PATH...    take articles (or a whole folder) out of the library
    qingdu search QUERY...           full-text search, in either script

Every command takes `--format text|json` (where it prints a list) and `--library FILE`
(another index file; `$QINGDU_LIBRARY` does the same). Bad input prints one line on
stderr and exits with status 2, as `--dump` does.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from reader.cli import write_utf8
from reader.library import scan as scanning
from reader.library.index import Entry, Index, LibraryError, default_path
from reader.library.search import DEFAULT_LIMIT, QueryError, search


class _UsageError(Exception):
    """Bad input: one line for stderr, status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors raised (one line, status 2) instead of printed with usage."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message[:1].upper() + message[1:] + ".")


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--library",
        metavar="FILE",
        type=Path,
        help="the index file (default: $QINGDU_LIBRARY, else library.sqlite3 in the "
        "data directory, $XDG_DATA_HOME/qingdu on Linux)",
    )
    listing = _Parser(add_help=False)
    listing.add_argument("--format", choices=("text", "json"), default="text")

    p = _Parser(prog="qingdu", description="清讀 Qingdu's library of saved pages.")
    top = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    lib = top.add_parser("library", help="the folders and articles of the library")
    sub = lib.add_subparsers(dest="action", required=True, parser_class=_Parser)
    add = sub.add_parser("add", parents=[common], help="add folders and index their pages")
    add.add_argument("folders", nargs="+", metavar="DIR", type=Path)
    add.add_argument("--workers", type=int, default=None, help="cleaning processes")
    rescan = sub.add_parser("rescan", parents=[common], help="update the index from disk")
    rescan.add_argument("--workers", type=int, default=None, help="cleaning processes")
    ls = sub.add_parser("list", parents=[common, listing], help="list the articles")
    ls.add_argument("--errors", action="store_true", help="only files that could not be read")
    sub.add_parser("folders", parents=[common, listing], help="list the folders")
    rm = sub.add_parser("remove", parents=[common], help="take articles or folders out")
    rm.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    find = top.add_parser("search", parents=[common, listing], help="full-text search")
    find.add_argument("query", nargs="+", help="words to find (all of them), either script")
    find.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="results at most")
    return p


def main(argv: Sequence[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one library command; returns the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(list(argv))
    except _UsageError as exc:
        print(f"qingdu: {exc}", file=err)
        return 2
    try:
        index = Index(args.library or default_path())
    except LibraryError as exc:
        print(f"qingdu: {exc}", file=err)
        return 2
    if index.notice:
        print(f"qingdu: {index.notice}", file=err)
    try:
        with index:
            text = _run(index, args, err)
    except (_UsageError, QueryError) as exc:
        print(f"qingdu: {exc}", file=err)
        return 2
    if text:
        write_utf8(text, out)
    return 0


def _run(index: Index, args: argparse.Namespace, err: TextIO) -> str:
    if args.command == "search":
        if args.limit < 1:
            raise _UsageError("--limit must be at least 1.")
        hits = search(index, " ".join(args.query), limit=args.limit)
        if args.format == "json":
            return _json([h.to_dict() for h in hits])
        return "".join(f"{h.title}\n  {h.path}\n  {h.marked()}\n" for h in hits)
    action = args.action
    if action == "add":
        for folder in args.folders:
            if not folder.is_dir():
                raise _UsageError(f"{folder} is not a folder.")
        for folder in args.folders:
            index.add_folder(folder)
        return _scan(index, args.workers, err)
    if action == "rescan":
        return _scan(index, args.workers, err)
    if action == "list":
        entries = [e for e in index.entries() if not args.errors or e.error]
        if args.format == "json":
            return _json([e.to_dict() for e in entries])
        return "".join(_entry_line(e) for e in entries)
    if action == "folders":
        folders = index.folders()
        if args.format == "json":
            return _json([{"path": f.path, "missing": f.missing} for f in folders])
        return "".join(f"{f.path}{'  (missing)' if f.missing else ''}\n" for f in folders)
    return _remove(index, args.paths)


def _scan(index: Index, workers: int | None, err: TextIO) -> str:
    if workers is not None and workers < 0:
        raise _UsageError("--workers must be 0 or more.")
    show = err.isatty()

    def progress(p: scanning.Progress) -> None:
        left = f" · {p.eta:.0f} s left" if p.eta is not None else ""
        err.write(f"\r{p.done}/{p.total}{left}   ")
        err.flush()

    report = scanning.scan(index, workers=workers, progress=progress if show else None)
    if show:
        err.write("\n")
    for folder in report.missing:
        print(f"qingdu: {folder} is missing; its articles are kept until it is back.", file=err)
    return (
        f"{report.added} added, {report.updated} updated, {report.removed} removed, "
        f"{report.failed} unreadable, {report.unchanged} unchanged\n"
    )


def _remove(index: Index, paths: list[Path]) -> str:
    """Remove folders and articles; nothing is removed unless every path is known."""
    folders = {f.path for f in index.folders()}
    resolved = [str(p.resolve()) for p in paths]
    for path, name in zip(paths, resolved, strict=True):
        entry = index.entry(name)
        if name not in folders and (entry is None or entry.removed):
            raise _UsageError(f"{path} is not in the library.")
    for name in resolved:
        if name in folders:
            index.remove_folder(name)
        else:
            index.remove([name])
    return f"{len(resolved)} removed from the library (the files are untouched)\n"


def _entry_line(e: Entry) -> str:
    if e.error:
        return f"{e.path}\terror: {e.error}\n"
    fields = (e.title, e.source or "", e.published or "", str(e.length), f"{e.progress:.0%}")
    return "\t".join((*fields, e.path)) + "\n"


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
