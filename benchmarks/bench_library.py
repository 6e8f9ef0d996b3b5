"""Library speed: indexing rate, index size, and search latency at 10,000 articles.

Run with `python -m benchmarks.bench_library [--quick]`. Everything happens in a temporary
folder (the corpus pages are hard-linked or copied there, never into the repository):

1. Indexing: the corpus pages (`../shared/corpus/*/source.html`) linked many times over
   (5,000 files; 300 with --quick) into nested folders, then one `scan` with the default
   number of worker processes: pages per second, and the index file's size per 1,000
   articles (after a WAL checkpoint).
2. Search: an index of 10,000 articles (2,000 with --quick) generated from the corpus
   texts (each article a different mix of paragraphs from two pages, written straight
   into the index without cleaning), then the median time of `search` for 1-, 2- and
   4-character queries in both scripts and a two-term query, 50 results each, snippets
   included. The issue asks for under 50 ms.
3. Start-up of the library window on that index: wall time from launching a fresh
   Python process to the list's first paint (QApplication, the window, its 10,000 rows;
   offscreen without a display). The quick rescan the window starts runs on a thread
   after the paint and is left out (the generated articles have no files behind them).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.library import fold
from reader.library.index import Cleaned, Index
from reader.library.scan import clean_file, default_workers, scan
from reader.library.search import search

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
#: Queries by length and script; the corpus is mostly Simplified news.
QUERIES = (
    ("1 char", "里"),
    ("1 char, Traditional", "裡"),
    ("1 char, most common", "的"),
    ("2 chars", "发布"),
    ("2 chars, Traditional", "經濟"),
    ("4 chars", "社会主义"),
    ("4 chars, Traditional", "中華民國"),
    ("two terms", "中国 经济"),
    ("no match", "犟驫"),
)

Row = tuple[str, str]


def corpus_pages() -> list[Path]:
    return sorted(CORPUS.glob("*/source.html"))


def _link(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(src, dst)


def bench_indexing(count: int, workers: int | None = None) -> dict[str, float]:
    """Index `count` linked corpus pages; pages/s and bytes per 1,000 articles."""
    pages = corpus_pages()
    with tempfile.TemporaryDirectory(prefix="qingdu-bench-") as tmp:
        folder = Path(tmp) / "saved"
        for i in range(count):
            sub = folder / f"batch{i // 500:03d}"
            sub.mkdir(parents=True, exist_ok=True)
            _link(pages[i % len(pages)], sub / f"page-{i:05d}.html")
        index = Index(Path(tmp) / "library.sqlite3")
        index.add_folder(folder)
        start = time.perf_counter()
        report = scan(index, workers=workers)
        seconds = time.perf_counter() - start
        index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = index.path.stat().st_size
        indexed = report.added
        index.close()
    return {
        "files": count,
        "indexed": indexed,
        "failed": report.failed,
        "seconds": seconds,
        "pages_per_s": count / seconds,
        "bytes_per_1000": size / max(1, indexed) * 1000,
        "workers": workers if workers is not None else default_workers(),
    }


def _mixed(texts: list[list[str]], i: int, rng: random.Random) -> str:
    a, b = texts[i % len(texts)], texts[rng.randrange(len(texts))]
    paragraphs = a[: rng.randint(1, len(a))] + b[: rng.randint(0, len(b))]
    rng.shuffle(paragraphs)
    return "\n".join(paragraphs)


def build_search_index(path: Path, count: int) -> None:
    """An index of `count` articles mixed from the corpus texts (cleaned once each)."""
    cleaned = [c for c in (clean_file(str(p)) for p in corpus_pages()) if isinstance(c, Cleaned)]
    texts = [c.body.split("\n") for c in cleaned]
    rng = random.Random(15)
    index = Index(path)
    folder = index.add_folder(path.parent)
    for i in range(count):
        base = cleaned[i % len(cleaned)]
        body = _mixed(texts, i, rng)
        title = f"{base.title} {i}"
        index.put(
            folder.id,
            str(path.parent / f"generated-{i:05d}.html"),
            len(body),
            i,
            Cleaned(
                title=title,
                published=base.published,
                source=base.source,
                author=base.author,
                url=None,
                script=base.script,
                length=len(body),
                blocks=body.count("\n") + 1,
                body=body,
                fts_title=fold.index_text(title),
                fts_body=fold.index_text(body),
            ),
        )
    index.commit()
    index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    index.close()


def bench_search(path: Path, runs: int) -> list[tuple[str, int, float]]:
    """(label, hits, median ms) per query on the index at `path`."""
    index = Index(path)
    search(index, "里")  # builds the folding table (once per process)
    results = []
    for label, query in QUERIES:
        times = []
        hits = 0
        for _ in range(runs):
            start = time.perf_counter()
            hits = len(search(index, query))
            times.append(time.perf_counter() - start)
        results.append((label, hits, statistics.median(times) * 1000))
    index.close()
    return results


# The child prints time.monotonic() once the list has painted (see bench_startup).
_WINDOW = """
import os, sys, time
from pathlib import Path
def done():
    print(time.monotonic(), flush=True)
    os._exit(0)
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from reader.ui.library import LibraryWindow
app = QApplication(sys.argv[:1])
window = LibraryWindow(Path(sys.argv[1]), scan_at_start=False)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, done)
        return False
watcher = Painted()
window.table.viewport().installEventFilter(watcher)
window.show()
app.exec()
"""


def bench_window_start(path: Path, runs: int) -> float:
    """Median seconds from a fresh process to the library window's list painted."""
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    times = []
    for _ in range(runs):
        start = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-c", _WINDOW, str(path)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        times.append(float(proc.stdout.strip().splitlines()[-1]) - start)
    return statistics.median(times)


def rows(quick: bool) -> list[Row]:
    out: list[Row] = [("**Library**", "")]
    if not corpus_pages():
        return [*out, ("corpus", "absent (../shared/corpus not found)")]
    files = 300 if quick else 5000
    r = bench_indexing(files)
    out += [
        (
            f"indexing {files} saved pages ({r['workers']:.0f} worker processes)",
            f"{r['pages_per_s']:.0f} pages/s ({r['seconds']:.1f} s, {r['failed']:.0f} unreadable)",
        ),
        ("index size per 1,000 articles", f"{r['bytes_per_1000'] / 1e6:.1f} MB"),
    ]
    articles = 2000 if quick else 10_000
    with tempfile.TemporaryDirectory(prefix="qingdu-bench-") as tmp:
        path = Path(tmp) / "library.sqlite3"
        build_search_index(path, articles)
        size = path.stat().st_size
        results = bench_search(path, 5 if quick else 15)
        window_s = bench_window_start(path, 3 if quick else 9)
    out.append((f"index of {articles:,} generated articles", f"{size / 1e6:.0f} MB"))
    for label, hits, ms in results:
        out.append((f"search at {articles:,} articles: {label} ({hits} hits)", f"{ms:.1f} ms"))
    out.append(
        (
            f"start-up to the library window painted ({articles:,} articles)",
            f"{window_s * 1000:.0f} ms",
        )
    )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small counts (a smoke run)")
    args = ap.parse_args(argv)
    for name, value in rows(args.quick):
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
