"""The one QSettings adapter: preferences (from core/prefs.py) and window state.

Nothing else touches QSettings. Every read validates what it finds and falls back to the
default, so a hand-edited or corrupt settings file can never stop the reader starting.
Preferences live under `prefs/`, window state (geometry, sidebar, recent files, reading
positions) under `state/`: the first is the user's choice, the second is bookkeeping.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader.core import prefs as core_prefs
from reader.core.prefs import Prefs

log = logging.getLogger(__name__)

ORGANIZATION = "Qingdu"
APPLICATION = "Qingdu"

MAX_RECENT = 9
"""Recent files kept: nine fit the Alt+1 ... Alt+9 shortcuts."""

MAX_POSITIONS = 200
"""Reading positions kept (oldest dropped): a year of daily reading, a few KB of INI."""

SIDEBAR_MIN, SIDEBAR_MAX = 80, 900


def default_settings() -> QSettings:
    """The user's real settings (the composition root's choice when none is given)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def _text(qs: QSettings, key: str) -> str | None:
    if not qs.contains(key):
        return None
    try:
        value = qs.value(key, "", type=str)
    except (TypeError, ValueError):
        return None
    return value if isinstance(value, str) else None


def load_prefs(qs: QSettings) -> Prefs:
    """The stored preferences; missing or corrupt fields get their defaults."""
    return core_prefs.parse({name: _text(qs, f"prefs/{name}") for name in core_prefs.field_names()})


def save_prefs(qs: QSettings, prefs: Prefs) -> None:
    """Store `prefs`, removing keys that equal their default."""
    stored = core_prefs.serialize(prefs)
    for name in core_prefs.field_names():
        key = f"prefs/{name}"
        if name in stored:
            qs.setValue(key, stored[name])
        else:
            qs.remove(key)


def load_geometry(qs: QSettings) -> QByteArray | None:
    """The saved window geometry, if any."""
    value = qs.value("state/geometry")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_geometry(qs: QSettings, geometry: QByteArray) -> None:
    """Store the window geometry."""
    qs.setValue("state/geometry", geometry)


def load_sidebar(qs: QSettings) -> tuple[int | None, bool]:
    """The sidebar width (None: default) and whether it is shown."""
    raw = _text(qs, "state/sidebar_width")
    width: int | None = None
    if raw is not None:
        try:
            width = int(raw)
        except ValueError:
            width = None
        if width is not None and not SIDEBAR_MIN <= width <= SIDEBAR_MAX:
            width = None
    visible = (_text(qs, "state/sidebar_visible") or "true").lower() != "false"
    return width, visible


def load_system_dark(qs: QSettings) -> bool | None:
    """Whether the system's colour scheme was dark when last seen (None: never seen)."""
    raw = _text(qs, "state/system_dark")
    return None if raw not in ("true", "false") else raw == "true"


def save_system_dark(qs: QSettings, dark: bool) -> None:
    """Remember whether the system's colour scheme is dark (a start-up guess for 隨系統)."""
    qs.setValue("state/system_dark", "true" if dark else "false")


def save_sidebar(qs: QSettings, width: int, visible: bool) -> None:
    """Store the sidebar width and visibility."""
    if SIDEBAR_MIN <= width <= SIDEBAR_MAX:
        qs.setValue("state/sidebar_width", str(width))
    qs.setValue("state/sidebar_visible", "true" if visible else "false")


def _json(qs: QSettings, key: str) -> object:
    raw = _text(qs, key)
    if not raw:
        return None
    import json  # noqa: PLC0415 - see _store_recent

    try:
        return json.loads(raw)
    except ValueError:
        log.warning("ignoring corrupt setting %s", key)
        return None


def recent_files(qs: QSettings) -> list[str]:
    """Recently opened files, newest first; files that no longer exist are pruned."""
    raw = _json(qs, "state/recent")
    items = [x for x in raw if isinstance(x, str)] if isinstance(raw, list) else []
    existing = [x for x in items if Path(x).is_file()][:MAX_RECENT]
    if existing != items:
        _store_recent(qs, existing)
    return existing


def add_recent(qs: QSettings, path: Path, title: str | None = None) -> list[str]:
    """Put `path` first in the recent list (with its article's `title`, if given) and
    return the list."""
    name = str(path.resolve())
    items = [name, *(x for x in recent_files(qs) if x != name)][:MAX_RECENT]
    _store_recent(qs, items)
    if title:
        import json  # noqa: PLC0415 - see _store_recent

        titles = {k: v for k, v in recent_titles(qs).items() if k in items}
        titles[name] = title[:MAX_TITLE_CHARS]
        qs.setValue("state/titles", json.dumps(titles, ensure_ascii=False))
    return items


def recent_titles(qs: QSettings) -> dict[str, str]:
    """The article titles of the recent files, by path (Open Recent shows them: several
    saved pages are all called page.html)."""
    raw = _json(qs, "state/titles")
    if not isinstance(raw, dict):
        return {}
    return {k: v for k, v in raw.items() if isinstance(k, str) and isinstance(v, str) and v}


def clear_recent(qs: QSettings) -> None:
    """Forget the recent files."""
    qs.remove("state/recent")
    qs.remove("state/titles")


def _store_recent(qs: QSettings, items: list[str]) -> None:
    # json is imported when first needed: a start-up on a fresh profile, or with a file
    # named on the command line, reads no JSON before the article is on screen (4 ms).
    import json  # noqa: PLC0415

    if items:
        qs.setValue("state/recent", json.dumps(items, ensure_ascii=False))
    else:
        qs.remove("state/recent")


MAX_TITLE_CHARS = 120
"""A title kept for Open Recent is cut here: a menu entry shows about 60 characters."""

MIN_OFFSET = -1000
"""Smallest pixel offset kept for a reading position: a block read at the reading line
starts up to a jump's headroom (two lines, well under 1000 px) below the top edge."""


def _positions(qs: QSettings) -> dict[str, list[int]]:
    raw = _json(qs, "state/positions")
    if not isinstance(raw, dict):
        return {}
    out: dict[str, list[int]] = {}
    for k, v in raw.items():
        if (
            isinstance(k, str)
            and isinstance(v, list)
            and len(v) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in v)
            and v[0] >= -1
            and v[1] >= MIN_OFFSET
        ):
            out[k] = [v[0], v[1]]
    return out


def reading_position(qs: QSettings, path: Path) -> tuple[int, int] | None:
    """Where the reader left `path`: (block index, pixel offset), if known.

    Block -1 stands for the article's header.
    """
    pos = _positions(qs).get(str(path.resolve()))
    return (pos[0], pos[1]) if pos else None


def save_reading_position(qs: QSettings, path: Path, block: int, offset: int) -> None:
    """Remember the reading position in `path`."""
    import json  # noqa: PLC0415 - see _store_recent

    positions = _positions(qs)
    key = str(path.resolve())
    positions.pop(key, None)
    positions[key] = [max(-1, block), max(MIN_OFFSET, offset)]
    while len(positions) > MAX_POSITIONS:
        positions.pop(next(iter(positions)))
    qs.setValue("state/positions", json.dumps(positions, ensure_ascii=False))
