"""Scanning the library's folders: find saved pages, clean the new and changed ones, in parallel.

`scan(index)` walks every folder, compares each page's size and modification time with the
index, cleans the new and changed pages with the reader's own `load_article` (in worker
processes when there are enough of them), drops the pages that are gone, and records the
pages that cannot be read with their error. It reports progress (count and time left)
through a callback and stops at the next page when `cancel()` turns true; what was done
until then is committed, so cancelling is safe and the next scan resumes. Files are only
read: nothing is written into the folders.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from reader.core import BlockType, ReaderError, load_article
from reader.library import fold
from reader.library.index import Cleaned, Folder, Index

log = logging.getLogger(__name__)

#: The saved-page types the reader opens (README "Use").
EXTENSIONS = frozenset({".html", ".htm", ".mhtml", ".mht", ".txt"})
#: Below this many pages to clean, cleaning stays in this process: starting a worker
#: (a fresh interpreter importing lxml and OpenCC) costs about 0.5 s, some 25 pages' work.
IN_PROCESS_BELOW = 24
#: Pages handed to each worker at a time: enough to keep it busy between hand-overs,
#: few enough that cancelling waits for little (a page takes about 20 ms).
IN_FLIGHT_PER_WORKER = 4
#: Results are committed at least this often (seconds), so a list open beside the scan
#: sees pages appear and a cancelled or crashed scan keeps its work.
COMMIT_EVERY = 0.5
#: Browsers save a page's pictures and frames into "NAME_files" beside "NAME.html"; the
#: frames there are parts of that page, not articles of their own.
_COMPANION_SUFFIXES = ("_files", ".files")


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a scan is: pages cleaned of those to clean, and the time so far."""

    done: int
    total: int
    elapsed: float
    path: str = ""

    @property
    def eta(self) -> float | None:
        """Seconds left at the rate so far, or None before the first page is done."""
        if self.done == 0:
            return None
        return self.elapsed / self.done * (self.total - self.done)


@dataclass(frozen=True, slots=True)
class Report:
    """What a scan did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    failed: int = 0
    unchanged: int = 0
    #: Folders that are not there (unplugged, moved): their articles are kept.
    missing: tuple[str, ...] = ()
    cancelled: bool = False
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class _Job:
    folder_id: int
    path: str
    size: int
    mtime_ns: int
    new: bool


def _tree(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """(folder, its file names) for `folder` and every subfolder the scan reads.

    Hidden folders and a saved page's companion folder ("NAME_files") are skipped, and
    symbolic links to folders are not followed (no loops). Unreadable subfolders are
    skipped with a log line.
    """

    def skipped(err: OSError) -> None:
        log.info("Skipping %s: %s", err.filename, err.strerror)

    for top, dirs, files in os.walk(folder, onerror=skipped):
        stems = {os.path.splitext(f)[0] for f in files}
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and not any(d.endswith(s) and d[: -len(s)] in stems for s in _COMPANION_SUFFIXES)
        )
        yield top, files


def subfolders(folder: Path) -> list[str]:
    """`folder` and every subfolder a scan reads (for watching them)."""
    return [top for top, _files in _tree(folder)]


def walk(folder: Path) -> Iterator[tuple[str, int, int]]:
    """(path, size, mtime_ns) of every saved page under `folder`, recursively (see `_tree`)."""
    for top, files in _tree(folder):
        for name in sorted(files):
            if os.path.splitext(name)[1].lower() not in EXTENSIONS or name.startswith("."):
                continue
            path = os.path.join(top, name)
            try:
                st = os.stat(path)
            except OSError:
                continue  # gone or a broken link since the listing
            if os.path.isfile(path):
                yield path, st.st_size, st.st_mtime_ns


def clean_file(path: str) -> Cleaned | str:
    """The cleaned page at `path`, or one sentence saying why it cannot be read.

    Runs in a worker process: it takes and returns only picklable data.
    """
    try:
        article = load_article(path)
    except ReaderError as exc:
        return str(exc)
    except Exception as exc:  # a bug in the cleaner must not stop the scan
        log.exception("Cleaning %s failed", path)
        return f"The page could not be cleaned ({type(exc).__name__}: {exc})."
    body = "\n".join(b.text for b in article.blocks if b.type is not BlockType.IMAGE)
    return Cleaned(
        title=article.title,
        published=article.published,
        source=article.source,
        author=article.author,
        url=article.url,
        script=article.script.value,
        length=article.char_count,
        blocks=len(article.blocks),
        body=body,
        fts_title=fold.index_text(article.title),
        fts_body=fold.index_text(body),
    )


def plan(index: Index, folders: list[Folder]) -> tuple[list[_Job], list[str], int, list[str]]:
    """(pages to clean, paths gone, pages unchanged, folders missing) for `folders`."""
    known = {p: (s, m) for p, s, m in index.db.execute("SELECT path, size, mtime_ns FROM article")}
    seen: set[str] = set()
    jobs: list[_Job] = []
    missing: list[str] = []
    gone: list[str] = []
    unchanged = 0
    for folder in folders:
        if folder.missing:
            missing.append(folder.path)
            continue
        for path, size, mtime_ns in walk(Path(folder.path)):
            if path in seen:
                continue  # inside two added folders: the first one has it
            seen.add(path)
            old = known.get(path)
            if old == (size, mtime_ns):
                unchanged += 1
            else:
                jobs.append(_Job(folder.id, path, size, mtime_ns, old is None))
        prefix = folder.path.rstrip(os.sep) + os.sep
        gone.extend(p for p in known if p.startswith(prefix) and p not in seen)
    # A page under a nested folder that is missing is not "gone" from the outer one.
    gone = [p for p in gone if not any(p.startswith(m.rstrip(os.sep) + os.sep) for m in missing)]
    return jobs, sorted(set(gone)), unchanged, missing


def default_workers() -> int:
    """One worker per core: cleaning is CPU-bound."""
    return max(1, os.cpu_count() or 1)


def scan(
    index: Index,
    *,
    workers: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Report:
    """Bring the index up to date with the folders on disk (see the module docstring).

    `workers` is the number of cleaning processes (default: one per core; 0 cleans in this
    process). `progress` is called after each page; `cancel` is polled between pages.
    """
    start = time.perf_counter()
    jobs, gone, unchanged, missing = plan(index, index.folders())
    removed = index.forget(gone)
    index.commit()
    counts = {"added": 0, "updated": 0, "failed": 0}
    stopped = cancel or (lambda: False)
    last_commit = time.perf_counter()

    def record(job: _Job, result: Cleaned | str) -> None:
        nonlocal last_commit
        index.put(job.folder_id, job.path, job.size, job.mtime_ns, result)
        if isinstance(result, str):
            counts["failed"] += 1
        else:
            counts["added" if job.new else "updated"] += 1
        done = sum(counts.values())
        now = time.perf_counter()
        if now - last_commit >= COMMIT_EVERY:
            index.commit()
            last_commit = now
        if progress is not None:
            progress(Progress(done, len(jobs), now - start, job.path))

    n_workers = default_workers() if workers is None else workers
    if n_workers == 0 or len(jobs) < IN_PROCESS_BELOW:
        for job in jobs:
            if stopped():
                break
            record(job, clean_file(job.path))
    else:
        _clean_in_workers(jobs, n_workers, record, stopped)
    index.commit()
    return Report(
        added=counts["added"],
        updated=counts["updated"],
        removed=removed,
        failed=counts["failed"],
        unchanged=unchanged,
        missing=tuple(missing),
        cancelled=stopped() and sum(counts.values()) < len(jobs),
        seconds=time.perf_counter() - start,
    )


def _clean_in_workers(
    jobs: list[_Job],
    n_workers: int,
    record: Callable[[_Job, Cleaned | str], None],
    stopped: Callable[[], bool],
) -> None:
    """Clean `jobs` in `n_workers` processes, a few pages in flight per worker.

    Workers are started with "spawn": forking a process that runs Qt's threads is unsafe.
    A worker that dies (a crash, out of memory) fails the pages it had in flight, and the
    pool is started again for the rest.
    """
    todo = iter(jobs)
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=n_workers, mp_context=context)
    running: dict[Future[Cleaned | str], _Job] = {}
    try:
        while True:
            while not stopped() and len(running) < n_workers * IN_FLIGHT_PER_WORKER:
                job = next(todo, None)
                if job is None:
                    break
                running[pool.submit(clean_file, job.path)] = job
            if not running:
                return
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                job = running.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken = True
                    result = "The cleaning process stopped while reading this page."
                record(job, result)
            if broken:
                for job in running.values():
                    record(job, "The cleaning process stopped while reading this page.")
                running.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=n_workers, mp_context=context)
            if stopped():
                for future in list(running):
                    if future.cancel():
                        del running[future]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
