"""`qingdu --install-desktop`: the Linux desktop entry and icon, for the current user.

Writes exactly two files, both the app's own, under `$XDG_DATA_HOME` (default
`~/.local/share`), as the freedesktop.org specifications say:

- `applications/qingdu.desktop`: the launcher, with the MIME types Qingdu opens, so a file
  manager offers "Open with Qingdu" for saved pages (HTML, XHTML, MHTML, text);
- `icons/hicolor/scalable/apps/qingdu.svg`: its icon.

Where `update-desktop-database` is installed it is run on that applications folder, so
the desktop's MIME cache there (`mimeinfo.cache`, which file managers read instead of the
entries when it exists) lists Qingdu at once. Installing again overwrites the files;
removing them undoes it. No Qt here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from string import Template
from typing import TextIO

from reader import assets

DESKTOP_FILE = "applications/qingdu.desktop"
ICON_FILE = "icons/hicolor/scalable/apps/qingdu.svg"

#: Characters that make an Exec argument need quoting (Desktop Entry spec, "Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home(environ: dict[str, str] | None = None) -> Path:
    """`$XDG_DATA_HOME`, or `~/.local/share` when it is unset, empty or relative (the spec)."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def _quote(arg: str) -> str:
    if not any(ch in _RESERVED for ch in arg):
        return arg
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    return f'"{escaped}"'


def launch_command(argv0: str | None = None) -> list[str]:
    """How the desktop starts this very installation of Qingdu.

    The installed `qingdu` launcher by its absolute path when that is what is running (a
    virtual environment need not be on the desktop's PATH); otherwise this interpreter
    with `-m reader`.
    """
    program = Path(argv0 if argv0 is not None else sys.argv[0])
    if program.stem == "qingdu" and program.is_file():
        return [str(program.resolve())]
    return [str(Path(sys.executable).absolute()), "-m", "reader"]


def desktop_entry(command: list[str]) -> str:
    """The text of qingdu.desktop for a launch command."""
    template = Template(assets.read_text("desktop/qingdu.desktop"))
    return template.substitute(
        exec=" ".join(_quote(a) for a in command).replace("%", "%%"),
        try_exec=command[0],
    )


def install(out: TextIO | None = None, environ: dict[str, str] | None = None) -> int:
    """Write the desktop entry and icon for the current user; return the exit status."""
    out = out or sys.stdout
    home = data_home(environ)
    entry, icon = home / DESKTOP_FILE, home / ICON_FILE
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        icon.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(desktop_entry(launch_command()), encoding="utf-8")
        icon.write_bytes(assets.resource("icons/qingdu.svg").read_bytes())
    except OSError as exc:
        print(f"qingdu: cannot install the desktop entry: {exc}", file=sys.stderr)
        return 2
    _refresh_caches(entry.parent)
    print(f"installed {entry}\ninstalled {icon}", file=out)
    return 0


def _refresh_caches(applications: Path) -> None:
    """Let the desktop see the new MIME associations now, where its tool is installed."""
    tool = shutil.which("update-desktop-database")
    if tool is None:
        return  # desktops rebuild the cache on their own at the next login
    subprocess.run([tool, str(applications)], check=False, capture_output=True)
