"""The controls' place in the window: built once, then kept in step with the window.

At start-up the window can leave its controls (actions, menus, tool bar, status bar,
find bar; `controls.py`) until the article has been painted once: the reader sees the
text first and the controls one frame later (`build_after_paint`). Anything that needs
them earlier builds them on the spot (`build`). Until they exist, every call here that
would change them does nothing, so the window need not ask. Building them puts the find
bar under the article, fills the Open Recent menu and gives the find bar its search.
The Qt classes only the controls use are imported when they are built, because PySide
sets a class up (its enums) on first import, and the first paint can do without those
10 ms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.ui.afterpaint import AfterPaint

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from reader.ui.controls import Controls
    from reader.ui.find import FindBar, FindController
    from reader.ui.recent import RecentFiles
    from reader.ui.theme import Look, ThemeController
    from reader.ui.window import MainWindow


class ControlsSlot:
    """The controls of `window`: `place` puts the find bar under the article, `recent`
    lists the recent files, `theme` holds the theme in force and `text` gives the words.
    Once built, `built` puts the window's words and check marks on them, and `painted`
    runs after their first paint."""

    def __init__(
        self,
        window: MainWindow,
        place: Callable[[QWidget], None],
        recent: RecentFiles,
        theme: ThemeController,
        text: Callable[..., str],
        *,
        built: Callable[[], None],
        painted: Callable[[], None],
    ) -> None:
        self._window = window
        self._place = place
        self._recent = recent
        self._theme = theme
        self._text = text
        self._built = built
        self._painted = painted
        self._controls: Controls | None = None
        self._after_paint = AfterPaint(window)  # the start-up steps (see the module docstring)

    def get(self) -> Controls | None:
        """The controls, or None before they are built."""
        return self._controls

    def build_after_paint(self, first: QWidget) -> None:
        """Build the controls just after `first` (the article) has been painted."""
        self._after_paint.watch(first, self._build_now)

    def build(self) -> Controls:
        """Build the controls (once) and return them."""
        if self._controls is not None:
            return self._controls
        from PySide6.QtGui import QIcon  # noqa: PLC0415 - see the module docstring

        from reader.ui import controls  # noqa: PLC0415
        from reader.ui.theme import register_icons  # noqa: PLC0415

        register_icons()
        w = self._window
        c = controls.build(w, w.set_pref, self._finder)
        self._controls = c
        c.find_bar.hide()
        self._place(c.find_bar)
        c.recent_menu.aboutToShow.connect(self.rebuild_recent)
        if w.path is not None:
            self._recent.add(w.path)  # opened before the controls
        self.rebuild_recent()
        c.busy.setVisible(w.is_busy())  # one may have started before the bar
        w.setWindowIcon(QIcon("icons:qingdu.svg"))
        c.toolbar.setStyleSheet(w.look.toolbar_qss)
        self._built()
        self._after_paint.watch(c.toolbar, self._painted)
        return c

    def action(self, name: str) -> QAction:
        """The action with objectName `name` (including the Open Recent entries)."""
        from PySide6.QtGui import QAction  # noqa: PLC0415 - see the module docstring

        act = self.build().actions.get(name) or self._window.findChild(QAction, name)
        if act is None:
            raise KeyError(name)
        return act

    def opened(self, title: str) -> None:
        """Put the window's file (with its article's `title`) first in Open Recent; before
        the controls exist, building them does it."""
        path = self._window.path
        if self._controls is not None and path is not None:
            self._recent.add(path, title)
            self.rebuild_recent()

    def clear_recent(self) -> None:
        """Forget the recent files."""
        self._recent.clear()
        self.rebuild_recent()

    def rebuild_recent(self) -> None:
        """List the recent files in the Open Recent menu."""
        if self._controls is not None:  # otherwise built with the menus
            self._recent.fill(self._controls, self._window, self._text("no_recent"))

    def sync(self) -> None:
        """Check the options and toggles that match the current values."""
        if self._controls is not None:
            self._controls.sync(self._window, self._current)

    def set_busy(self, busy: bool) -> None:
        """Show or hide the busy indicator."""
        if self._controls is not None:
            self._controls.busy.setVisible(busy)

    def set_look(self, look: Look) -> None:
        """Give the tool bar the colours of `look`."""
        if self._controls is not None:
            self._controls.toolbar.setStyleSheet(look.toolbar_qss)

    def find(self) -> FindController | None:
        """The search behind the find bar, once built."""
        return self._controls.find if self._controls is not None else None

    def _build_now(self) -> None:
        self.build()

    def _finder(self, bar: FindBar) -> FindController:
        from reader.ui.find import FindController  # noqa: PLC0415 - see the module docstring

        w = self._window
        return FindController(
            w.view, bar, self._variants, w.look.color, lambda: self._text("find_none")
        )

    def _variants(self, query: str) -> set[str]:
        from reader.ui.find import query_variants  # noqa: PLC0415 - see the module docstring

        w = self._window
        source = w.article.script if w.article else None
        p = w.prefs
        standard, punctuation = p.traditional_standard, p.punctuation
        return query_variants(query, p.script, source, standard, punctuation=punctuation)

    def _current(self, pref: str) -> object:
        # The theme in force is the ThemeController's (a page may choose its own).
        if pref == "theme":
            return self._theme.theme
        if pref == "accent":
            return self._theme.accent
        return getattr(self._window.prefs, pref)
