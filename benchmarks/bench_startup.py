"""Start-up and switch latency of the window.

Run with `python -m benchmarks.bench_startup [--runs N] [--switch-runs N]`. Prints:

1. Start-up: wall time from launching a fresh Python process to the article's first paint,
   as the median of N runs, for (a) the floor: a bare PySide6 window (QApplication +
   QTextBrowser) painting the same text, and (b) Qingdu's real entry point,
   `reader.app.main([sample])`, with an empty settings folder. The issue asks for a
   ratio (b)/(a) of at most 1.5.
2. Switching on a 25,000-character article: the median time from triggering the action to
   the repainted view, for a script switch that must convert (the converters already
   built, as after the first switch of a session), a switch back to a cached script, and
   a theme switch. The very first conversion of a process (OpenCC's dictionaries loaded)
   is reported once, separately.

Without a display the offscreen platform is used, so runs are comparable on any machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader import assets
from reader.core import Article, BlockType, Section, Speaker, load_article

if TYPE_CHECKING:
    from reader.ui.window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = assets.path(assets.SAMPLE)
SWITCH_CHARS = 25_000

# Both children print time.monotonic() (system-wide on Linux and macOS) once the article
# view has painted; the parent subtracts the time it took just before starting them.
# Both watch only the view's viewport: a filter on the whole application would run Python
# for every event of every widget and make PySide wrap objects the floor never sees.
_BARE = """
import os, sys, time
def done():
    print(time.monotonic(), flush=True)
    os._exit(0)  # measured; skip the interpreter's shutdown
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser
text = open(sys.argv[1], encoding="utf-8").read()
app = QApplication(sys.argv[:1])
view = QTextBrowser()
view.setPlainText(text)
view.resize(1000, 700)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if obj is view.viewport() and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, done)
        return False
watcher = Painted()
view.viewport().installEventFilter(watcher)
view.show()
app.exec()
"""

_OURS = """
import os, sys, time
def done():
    print(time.monotonic(), flush=True)
    os._exit(0)
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser
real_exec = QApplication.exec
class Painted(QObject):
    def __init__(self, view):
        super().__init__(view)
        self.view = view
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.view.document().isEmpty():
            QTimer.singleShot(0, done)
        return False
def exec_and_watch(self):
    for top in self.topLevelWidgets():
        view = top.findChild(QTextBrowser, "articleView")
        if view is not None:
            view.viewport().installEventFilter(Painted(view))
    return real_exec()
QApplication.exec = exec_and_watch
from reader.app import main
main([sys.argv[1]])
"""


def _platform_env(config_home: str, pycache: str) -> dict[str, str]:
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = config_home  # a fresh, empty settings folder
    env["PYTHONPATH"] = str(ROOT)
    # An installed app runs from compiled bytecode (pip writes it); a shell with
    # PYTHONDONTWRITEBYTECODE would otherwise charge every run for compiling the reader.
    # The cache goes to a temporary folder, never into the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = pycache
    return env


def _launch(code: str, arg: str, env: dict[str, str]) -> float:
    start = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", code, arg],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    painted = float(out.strip().splitlines()[-1])
    return painted - start


def bench_startup(runs: int) -> tuple[float, float]:
    """Median seconds to first paint: (bare PySide6 floor, Qingdu)."""
    article = load_article(SAMPLE)
    text = "\n\n".join(
        [article.title] + [b.text for b in article.blocks if b.type is not BlockType.IMAGE]
    )
    bare: list[float] = []
    ours: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        text_file = Path(tmp) / "text.txt"
        text_file.write_text(text, encoding="utf-8")
        for i in range(runs + 1):
            config = Path(tmp) / f"config{i}"
            env = _platform_env(str(config), str(Path(tmp) / "pycache"))
            b = _launch(_BARE, str(text_file), env)
            o = _launch(_OURS, str(SAMPLE), env)
            if i:  # the first pair warms the OS file cache; it is not counted
                bare.append(b)
                ours.append(o)
    return statistics.median(bare), statistics.median(ours)


def bench_switch(runs: int) -> dict[str, float]:
    """Median seconds from action to repaint on a 25,000-character article."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings  # noqa: PLC0415 - Qt only for this half
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from reader.app import build_window  # noqa: PLC0415

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    article = _long_article()
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat)
        window = build_window(settings)
        window.resize(1100, 760)
        window.show()
        window.show_article(article)
        _settle(window)
        viewport = window.view.viewport()

        def timed(action: str, done: Callable[[], bool]) -> float:
            start = time.perf_counter()
            window.action(action).trigger()
            while not done():
                app.processEvents()
            viewport.repaint()
            return time.perf_counter() - start

        def shown_script(window: MainWindow = window) -> str:
            shown = window.shown_article
            return shown.script.value if shown else ""

        results: dict[str, float] = {}
        results["first conversion (cold, loads OpenCC)"] = timed(
            "actionScriptSimplified", lambda: shown_script() == "simplified"
        )
        timed("actionScriptOriginal", lambda: window.shown_article is window.article)
        convert_times: list[float] = []
        middle_times: list[float] = []
        cached_times: list[float] = []
        theme_new: list[float] = []
        theme_cached: list[float] = []
        for run in range(runs):
            # A slightly different article each run, so nothing is cached yet.
            window.show_article(article.with_changes(title=f"{article.title} {run}"))
            _settle(window)
            convert_times.append(
                timed("actionScriptSimplified", lambda: shown_script() == "simplified")
            )
            cached_times.append(
                timed("actionScriptOriginal", lambda: window.shown_article is window.article)
            )
            theme_new.append(timed("actionThemeDark", lambda: True))
            theme_cached.append(timed("actionThemeLight", lambda: True))
            # The same switch with the reader half-way down (the place is restored).
            window.show_article(article.with_changes(title=f"{article.title} {run}."))
            _settle(window)
            window.go_to_section(len(article.sections) // 2)
            _settle(window)
            middle_times.append(
                timed("actionScriptSimplified", lambda: shown_script() == "simplified")
            )
            timed("actionScriptOriginal", lambda: window.shown_article is window.article)
        results["script switch, converting (warm)"] = statistics.median(convert_times)
        results["script switch half-way down, converting (warm)"] = statistics.median(middle_times)
        results["script switch back (cached)"] = statistics.median(cached_times)
        results["theme switch, first time for the article"] = statistics.median(theme_new)
        results["theme switch back (cached)"] = statistics.median(theme_cached)
        window.close()
    return results


def _settle(window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline:
        QApplication.processEvents()
        if window.view.settled():
            break


def _long_article() -> Article:
    """The sample's article repeated (with its sections and speakers) to 25,000 chars."""
    base = load_article(SAMPLE)
    blocks = list(base.blocks)
    sections = list(base.sections)
    speakers = {s.name: list(s.blocks) for s in base.speakers}
    copy = 1
    while sum(len(b.text) for b in blocks) < SWITCH_CHARS:
        offset = len(blocks)
        blocks.extend(base.blocks)
        sections.extend(
            Section(f"{s.title}（{copy + 1}）", s.block + offset) for s in base.sections
        )
        for s in base.speakers:
            speakers[s.name].extend(b + offset for b in s.blocks)
        copy += 1
    return base.with_changes(
        blocks=tuple(blocks),
        sections=tuple(sections),
        speakers=tuple(Speaker(n, tuple(b)) for n, b in speakers.items()),
    )


def main() -> int:
    """Run both benchmarks and print the tables."""
    parser = argparse.ArgumentParser(description="Qingdu start-up and switch latency")
    # 15, not fewer: on a shared machine runs come in fast and slow stretches, and the
    # median of a handful swings by 20% between invocations.
    parser.add_argument("--runs", type=int, default=15, help="start-up runs per program")
    parser.add_argument("--switch-runs", type=int, default=7, help="switch measurements")
    args = parser.parse_args()

    bare, ours = bench_startup(args.runs)
    print(f"Start-up to first paint of {assets.SAMPLE} (median of {args.runs})")
    print(f"  {'bare PySide6 window (floor)':40s} {bare * 1000:8.0f} ms")
    print(f"  {'Qingdu (reader.app.main)':40s} {ours * 1000:8.0f} ms")
    print(f"  {'ratio (target <= 1.5)':40s} {ours / bare:8.2f}")
    print()
    results = bench_switch(args.switch_runs)
    print(f"Switching on a {SWITCH_CHARS:,}-character article, action to repaint")
    for name, seconds in results.items():
        print(f"  {name:40s} {seconds * 1000:8.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
