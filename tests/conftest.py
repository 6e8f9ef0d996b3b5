"""Shared test set-up: offscreen Qt, settings in tmp_path, the `gui` marker, sample paths."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# Before any Qt import: tests never need a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
PAGES = Path(__file__).resolve().parent / "pages"
SHARED = ROOT.parent / "shared"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses a QApplication as `gui`."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qapp" in fixtures or "qtbot" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[QSettings]:
    """A QSettings backed by an INI file in tmp_path, never the user's real settings."""
    from PySide6.QtCore import QSettings

    qs = QSettings(str(tmp_path / "qingdu.ini"), QSettings.Format.IniFormat)
    yield qs
    qs.sync()


@pytest.fixture(autouse=True)
def _isolated_settings_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point any default QSettings and XDG folders at tmp_path."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    if "PySide6.QtCore" in sys.modules:
        # Qt reads XDG_CONFIG_HOME once per process, for the first QSettings; later tests
        # would otherwise write to the first test's folder.
        from PySide6.QtCore import QSettings

        user = QSettings.Scope.UserScope
        QSettings.setPath(QSettings.Format.IniFormat, user, str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def _system_scheme_restored(request: pytest.FixtureRequest) -> Iterator[None]:
    """GUI tests start from the offscreen platform's colour scheme and leave it as found."""
    yield
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    hints = app.styleHints() if isinstance(app, QApplication) else None
    if hints is not None and hasattr(hints, "setColorScheme"):
        hints.unsetColorScheme()
