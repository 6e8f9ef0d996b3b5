"""Start-up steps that must run before (or just around) the first window, in order.

`early_init()` runs them in the order they are listed here; `make_application()` builds
the QApplication the way the rest of the start-up expects; `resume_gc_after()` ends the
garbage-collector pause. Every trick that works around someone else's behaviour is
tagged `WORKAROUND for <link>` so an upgrade checklist is one grep, and each has a test in
tests/test_earlyinit.py that fails if it stops doing what it claims.

1. `pause_gc`: no cyclic garbage collection until the window's controls are on screen.
2. `check_pyside`: refuse a PySide6 release known to crash the reader, with a message.
3. `lighten_pyside_import_hook`: PySide's per-import source scan, done on bytes.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QApplication

GC_RESUME_MS = 3000
"""The latest the collector stays off: a window started minimised (or hidden behind
another) never paints, so `controls_shown` may never come. Start-up takes 0.2-0.4 s on a
slow machine (benchmarks: start-up), so 3 s never cuts a normal start short."""

BAD_PYSIDE: tuple[tuple[tuple[int, int, int], tuple[int, int], str], ...] = (
    # (PySide6 version, first Python where it is harmless, what breaks)
    (
        (6, 12, 0),
        (3, 12),
        "drops a reference to None on every call of a void method, so Python aborts "
        "(“deallocating None”) after a few thousand calls",
    ),
)
"""PySide6 releases the reader refuses to run on (pyproject.toml keeps them out too)."""

MIN_PYSIDE = (6, 8)
"""QStyleHints.setColorScheme (native title bars follow the theme) and the enum API the
reader uses arrived in 6.8."""


def early_init() -> None:
    """Run the start-up steps in order (call first thing on the GUI path)."""
    pause_gc()
    check_pyside()
    lighten_pyside_import_hook()


# -- 1. garbage collection -----------------------------------------------------------------


def pause_gc() -> None:
    """Turn cyclic garbage collection off for the start-up (see `resume_gc_after`)."""
    # WORKAROUND for https://docs.python.org/3/library/gc.html#gc.set_threshold: the
    # collector runs by allocation count, not by garbage; start-up makes many objects and
    # frees few, and its passes over them cost the first paint 8 ms (benchmarks: start-up).
    gc.disable()


def resume_gc_after(shown: SignalInstance, *, fallback_ms: int = GC_RESUME_MS) -> None:
    """Turn garbage collection back on when `shown` fires, or after `fallback_ms` at most."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415 - Qt only after the checks above

    shown.connect(gc.enable)
    QTimer.singleShot(fallback_ms, gc.enable)


# -- 2. the Qt binding ---------------------------------------------------------------------


def pyside_problem(pyside: tuple[int, ...], python: tuple[int, ...]) -> str | None:
    """Why PySide6 `pyside` cannot run the reader on Python `python`, or None if it can."""
    version = ".".join(map(str, pyside[:3]))
    if tuple(pyside[:2]) < MIN_PYSIDE:
        need = ".".join(map(str, MIN_PYSIDE))
        return f"Qingdu needs PySide6 {need} or newer; this is PySide6 {version}."
    for bad, fixed_from, what in BAD_PYSIDE:
        if tuple(pyside[:3]) == bad and tuple(python[:2]) < fixed_from:
            py = ".".join(map(str, python[:2]))
            return (
                f"PySide6 {version} on Python {py} {what}. Install another PySide6 release "
                f"(pip install 'PySide6-Essentials!={version}') or use Python "
                f"{'.'.join(map(str, fixed_from))} or newer."
            )
    return None


def check_pyside() -> None:
    """Exit with a clear message (status 2) on a PySide6 known to crash the reader."""
    # WORKAROUND for https://bugreports.qt.io/projects/PYSIDE (no upstream report found;
    # tests/test_qt_binding.py reproduces it): PySide6 6.12.0 on CPython 3.11 aborts the
    # interpreter after a few thousand void calls. pip may still install it (an old
    # resolver, --no-deps), so it is refused here rather than crashing mid-read.
    import PySide6  # noqa: PLC0415 - the package only: no Qt module is loaded by this

    problem = pyside_problem(tuple(PySide6.__version_info__[:3]), sys.version_info[:2])
    if problem is not None:
        print(f"qingdu: {problem}", file=sys.stderr)
        raise SystemExit(2)


# -- 3. PySide's import hook ---------------------------------------------------------------


def lighten_pyside_import_hook() -> Callable[[ModuleType], bool] | None:
    """Make PySide's check "does this module use PySide?" read bytes instead of source.

    Returns PySide's own check (now replaced), or None when PySide's internals are not as
    expected and nothing was changed.
    """
    # WORKAROUND for https://github.com/napari/napari/issues/8584: once PySide is imported
    # it reads the source of every module imported after it with inspect.getsource(), to
    # see whether the module names PySide6 (for its opt-in `__feature__` switches). For the
    # reader's modules and the standard library ones they import that is 20 ms of
    # start-up; the same test on the file's bytes gives the same answer in a fraction.
    from PySide6 import QtCore  # noqa: F401, PLC0415 - loads shibokensupport

    feature = sys.modules.get("shibokensupport.feature")
    slow = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(slow) or slow.__name__ != "_mod_uses_pyside":
        return None

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(slow(module))

    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return slow  # type: ignore[no-any-return]


# -- the application -----------------------------------------------------------------------

STYLE_PROPERTY = "qingduStyle"
"""An application property saying how the Fusion style was set (theme.apply reads it)."""
_STARTED_IN_FUSION = "fusion from the start"


def make_application(program: str) -> QApplication:
    """A QApplication started in the Fusion style (see `started_in_fusion`)."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    # WORKAROUND for https://bugreports.qt.io/projects/PYSIDE (no upstream report; measured
    # by benchmarks/bench_startup.py): switching to Fusion with QApplication.setStyle()
    # hands back the style, and wrapping it for Python makes PySide build every enum of
    # QStyle (15 ms of start-up). Naming the style on the command line costs nothing.
    app = QApplication([program, "-style", "Fusion"])
    app.setProperty(STYLE_PROPERTY, _STARTED_IN_FUSION)
    return app


def started_in_fusion(app: QApplication) -> bool:
    """Whether `app` was made by `make_application` (so it is in Fusion already)."""
    return bool(app.property(STYLE_PROPERTY) == _STARTED_IN_FUSION)
