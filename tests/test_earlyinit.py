"""Start-up steps (ui/earlyinit.py): each does what its comment claims, or this fails."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest
from PySide6.QtCore import QObject, QSettings, Signal
from pytestqt.qtbot import QtBot

from reader.app import build_window
from reader.ui import earlyinit
from tests.conftest import ROOT


@pytest.fixture
def gc_restored() -> Iterator[None]:
    """Leave the collector on, whatever the test did."""
    yield
    gc.enable()


# -- garbage collection ----------------------------------------------------------------------


class _Shown(QObject):
    fired = Signal()


def test_gc_comes_back_when_the_controls_are_shown(qtbot: QtBot, gc_restored: None) -> None:
    shown = _Shown()
    earlyinit.pause_gc()
    assert not gc.isenabled()
    earlyinit.resume_gc_after(shown.fired, fallback_ms=60_000)
    shown.fired.emit()
    assert gc.isenabled()


def test_gc_comes_back_even_if_the_window_never_paints(
    qtbot: QtBot, settings: QSettings, gc_restored: None
) -> None:
    window = build_window(settings, defer_controls=True)
    qtbot.addWidget(window)
    window.showMinimized()  # a window started minimised: no paint, so no controls_shown
    earlyinit.pause_gc()
    earlyinit.resume_gc_after(window.controls_shown, fallback_ms=100)
    window.hide()  # (the offscreen platform paints minimised windows; a real desktop does not)
    qtbot.waitUntil(gc.isenabled, timeout=3000)
    assert not window.menuBar().actions()  # it was the fallback, not the paint


# -- the Qt binding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pyside", "python", "refused"),
    [
        ((6, 12, 0), (3, 11), True),  # aborts the interpreter ("deallocating None")
        ((6, 12, 0), (3, 12), False),  # None is immortal from 3.12: harmless
        ((6, 12, 1), (3, 11), False),
        ((6, 11, 3), (3, 11), False),
        ((6, 7, 3), (3, 12), True),  # older than the API the reader uses
    ],
)
def test_known_bad_pyside_is_refused(
    pyside: tuple[int, int, int], python: tuple[int, int], refused: bool
) -> None:
    problem = earlyinit.pyside_problem(pyside, python)
    assert (problem is not None) is refused
    if problem is not None:
        assert ".".join(map(str, pyside)) in problem


def test_check_pyside_exits_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import PySide6

    earlyinit.check_pyside()  # the installed binding is fine
    monkeypatch.setattr(PySide6, "__version_info__", (6, 12, 0, "", ""))
    monkeypatch.setattr(sys, "version_info", (3, 11, 9, "final", 0))
    with pytest.raises(SystemExit) as stop:
        earlyinit.check_pyside()
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("qingdu: PySide6 6.12.0 on Python 3.11")
    assert "pip install" in err


# -- PySide's import hook ------------------------------------------------------------------


def test_lightened_import_check_answers_as_pysides_own(qtbot: QtBot) -> None:
    feature = sys.modules["shibokensupport.feature"]
    original = earlyinit.lighten_pyside_import_hook()
    try:
        assert original is not None, "PySide's internals changed: the workaround is inert"
        patched = feature._mod_uses_pyside
        assert patched is not original
        import json as stdlib_module

        import PySide6.QtCore

        import reader.core.article
        import reader.ui.window

        modules: list[ModuleType] = [
            reader.ui.window,  # names PySide6
            reader.core.article,  # does not
            stdlib_module,
            PySide6.QtCore,  # an extension module: PySide's own check answers
            sys,  # no file at all
        ]
        answers = [(bool(patched(m)), bool(original(m))) for m in modules]
        assert all(mine == theirs for mine, theirs in answers), answers
        assert answers[0] == (True, True)
        assert answers[1] == (False, False)
    finally:
        if original is not None:
            feature._mod_uses_pyside = original  # type: ignore[attr-defined]


# -- the application -----------------------------------------------------------------------

_FUSION_PROBE = """
import json
from PySide6.QtWidgets import QApplication
calls = []
real = QApplication.setStyle
QApplication.setStyle = lambda *a: calls.append(a) or real(*a)
from reader.core.article import Theme
from reader.core.prefs import Accent
from reader.ui import earlyinit, theme
app = earlyinit.make_application("probe")
theme.apply(app, Theme.LIGHT, Accent.INK, False)
print(json.dumps([app.style().name().lower(), earlyinit.started_in_fusion(app), len(calls)]))
"""


def test_application_starts_in_fusion_and_theme_never_sets_it_again() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _FUSION_PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        # Another default style, so the argument is what makes it Fusion.
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "Windows"},
    ).stdout
    assert json.loads(out.strip().splitlines()[-1]) == ["fusion", True, 0]
