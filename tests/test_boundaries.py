"""Architecture checks: the core and the CLI never load Qt."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_core_import_loads_no_qt() -> None:
    mods = _modules_after("import reader.core, reader.core.assemble, reader.core.load")
    assert "reader.core" in mods
    assert not {m for m in mods if m.startswith("PySide6") or m.startswith("shiboken6")}


def test_cli_dump_loads_no_qt() -> None:
    mods = _modules_after("import reader.app, reader.cli")
    assert "reader.cli" in mods
    assert not {m for m in mods if m.startswith("PySide6")}


def test_library_and_its_cli_load_no_qt() -> None:
    mods = _modules_after(
        "import reader.library.cli, reader.library.index, reader.library.scan, "
        "reader.library.search"
    )
    assert "reader.library.search" in mods
    assert not {m for m in mods if m.startswith("PySide6") or m.startswith("shiboken6")}
