"""The reader's preferences as set: the current values, stored on every change.

The commands that change a preference (set, toggle, step, zoom, reset the layout) live
here; what a change does on screen is the caller's (`changed`, see `effects.py`). The
bounds of the number preferences come from the `Prefs` field metadata, so they are
written once, in the core.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields

from PySide6.QtCore import QSettings

from reader.core.prefs import DEFAULTS, RANGE, ZOOM_MAX, ZOOM_MIN, Prefs
from reader.ui import settings as store

PREF_BOUNDS: Mapping[str, tuple[int, int]] = {
    f.name: f.metadata[RANGE] for f in fields(Prefs) if RANGE in f.metadata
}
"""The bounds of the number preferences (their `Prefs` field metadata)."""


class Preferences:
    """The preferences stored in `settings`; `changed(name)` follows each change."""

    def __init__(self, settings: QSettings, changed: Callable[[str], None]) -> None:
        self._settings = settings
        self._changed = changed
        self._value: Prefs = store.load_prefs(settings)

    @property
    def value(self) -> Prefs:
        """The current preferences."""
        return self._value

    def set(self, name: str, value: object) -> None:
        """Set preference `name` (a Prefs field), store it, and say so."""
        self._value = self._value.with_changes(**{name: value})
        store.save_prefs(self._settings, self._value)
        self._changed(name)

    def toggle(self, name: str) -> None:
        """Turn the on/off preference `name` over."""
        self.set(name, not getattr(self._value, name))

    def step(self, name: str, step: int) -> None:
        """Move the number preference `name` by `step`, within its bounds."""
        low, high = PREF_BOUNDS[name]
        self.set(name, max(low, min(high, getattr(self._value, name) + step)))

    def zoom(self, steps: int | None) -> None:
        """Zoom by `steps` points (None: back to the default size)."""
        value = 0 if steps is None else max(ZOOM_MIN, min(ZOOM_MAX, self._value.zoom + steps))
        self.set("zoom", value)

    def reset_layout(self) -> None:
        """The default line spacing, column width, margins and indent."""
        d = DEFAULTS
        self._value = self._value.with_changes(
            line_spacing=d.line_spacing, column_width=d.column_width, margins=d.margins
        )
        self.set("indent", d.indent)  # stores them all and lays the text out again

    def put_back(self, value: Prefs) -> None:
        """Store `value` without showing anything (the screen already shows it)."""
        self._value = value
        store.save_prefs(self._settings, value)
