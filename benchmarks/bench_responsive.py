"""Responsiveness while a big page opens: the event loop's longest stall.

Run with `python -m benchmarks.bench_responsive`. A 10 ms QTimer ticks while the window
opens a generated 10 MB page (the one `bench_extract` uses); the longest gap between two
ticks is the longest time the window could not paint or react. Reported apart:

* loading: from `open_path` to `article_loaded` (the page loads and is rendered in the
  worker process, see reader/ui/jobs.py); `open_path` itself returns once the load is
  scheduled;
* showing: from `article_loaded` to the first screenful (`article_shown`), and on to the
  whole document built (the view appends the rest in slices between event-loop turns,
  see reader/ui/docbuild.py);
* the longest stall over the whole of it, from `open_path` to the last slice;
* a later script switch on the open page (原文 to 简体): from the action to the converted
  article shown (`article_shown`; a big page converts in the worker process, see
  reader/ui/converting.py) and to its whole document built, and the longest stall
  from the action to the last slice;
* for comparison, the same load on a thread of the GUI process (the design not chosen).
"""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.bench_extract import generated_page

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from reader.ui.window import MainWindow

SIZE = 10 << 20
TICK_MS = 10


def bench_open(size: int = SIZE) -> dict[str, float]:
    """Seconds: longest stalls while loading and while showing, and the phases' lengths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer  # noqa: PLC0415 - Qt only for this bench
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from reader.app import build_window  # noqa: PLC0415
    from reader.core import load_article  # noqa: PLC0415

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "dense10.html"
        page.write_bytes(generated_page(size))
        settings = QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat)
        window = build_window(settings)
        window.resize(1100, 760)
        window.show()
        app.processEvents()
        marks: dict[str, float] = {}
        window.article_loaded.connect(lambda _a: marks.setdefault("loaded", time.perf_counter()))
        window.article_shown.connect(lambda _a: marks.setdefault("shown", time.perf_counter()))
        window.view.document_completed.connect(
            lambda: marks.setdefault("built", time.perf_counter())
        )
        timer.start()
        app.processEvents()
        ticks.clear()
        start = time.perf_counter()
        ticks.append(start)
        window.open_path(page)
        returned = time.perf_counter()
        while "built" not in marks or ticks[-1] < marks["built"]:
            app.processEvents()
            if "shown" in marks and not window.view.building():
                marks.setdefault("built", time.perf_counter())
            time.sleep(0.001)
        loaded, shown, built = marks["loaded"], marks["shown"], marks["built"]

        def longest(since: float, until: float) -> float:
            inside = [t for t in ticks if since <= t <= until]
            edges = [since, *inside, next(t for t in ticks if t >= until)]
            return max(b - a for a, b in itertools.pairwise(edges))

        results = {
            "open_path returns after": returned - start,
            "longest stall while loading": longest(start, loaded),
            "loading (open_path to article_loaded)": loaded - start,
            "first screenful (open_path to article_shown)": shown - start,
            "whole article built (open_path to last slice)": built - start,
            "longest stall while showing": longest(loaded, built),
            "longest stall, open_path to whole article": longest(start, built),
        }
        results.update(_switch(app, window, ticks))
        window.close()

        # The design not chosen: the same load on a thread of this process.
        done: list[object] = []
        thread = threading.Thread(target=lambda: done.append(load_article(page)))
        ticks.clear()
        ticks.append(time.perf_counter())
        thread.start()
        while not done:
            app.processEvents()
            time.sleep(0.001)
        thread.join()
        results["longest stall, loading on a thread instead"] = max(
            b - a for a, b in itertools.pairwise(ticks)
        )
        timer.stop()
    return results


def _switch(app: QApplication, window: MainWindow, ticks: list[float]) -> dict[str, float]:
    """Seconds: a script switch on the open page, to shown and to built, and its longest
    stall (`ticks` is filled by the running timer)."""
    marks: dict[str, float] = {}
    window.article_shown.connect(lambda _a: marks.setdefault("shown", time.perf_counter()))
    for _ in range(20):  # let the open settle: its last slices, the sidebar
        app.processEvents()
        time.sleep(0.01)
    ticks.clear()
    start = time.perf_counter()
    ticks.append(start)
    window.action("actionScriptSimplified").trigger()
    while "built" not in marks or ticks[-1] < marks["built"]:
        app.processEvents()
        if "shown" in marks and not window.view.building():
            marks.setdefault("built", time.perf_counter())
        time.sleep(0.001)
    shown, built = marks["shown"], marks["built"]
    edges = [t for t in ticks if t <= built]
    edges.append(next(t for t in ticks if t >= built))
    return {
        "script switch: action to converted article shown": shown - start,
        "script switch: action to whole article built": built - start,
        "longest stall during the script switch": max(b - a for a, b in itertools.pairwise(edges)),
    }


def main() -> int:
    """Print the figures."""
    print(f"Opening a generated {SIZE >> 20} MB page (a {TICK_MS} ms timer ticking)")
    for name, seconds in bench_open().items():
        print(f"  {name:52s} {seconds * 1000:8.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
