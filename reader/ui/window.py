"""MainWindow: lays out the widgets, builds the controls from tables, observes the session.

The reading session (`session.py`) holds the article, its conversions and the reading
positions; the window forwards the reader's intent to it (open, switch script) and
redraws when it says something changed (`article_loaded`, `script_changed`). Every
action, menu and tool button comes from the tables in `actions.py`. The window composes
parts that each do one job (the README's "How it works" lists them) and gives them what
they need; the theme in force lives in the ThemeController alone. At start-up the window
can leave its controls, the sidebar's entries and the article's speakers until the
article has been painted once (`defer_controls`; see controls_slot.py and `open_path`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from reader.core import Article
from reader.core.prefs import Prefs
from reader.ui import i18n
from reader.ui import settings as store
from reader.ui.controls_slot import ControlsSlot
from reader.ui.effects import PrefEffects
from reader.ui.files import Files
from reader.ui.frame import Frame
from reader.ui.navigate import Navigator
from reader.ui.preferences import Preferences
from reader.ui.present import ArticlePresenter
from reader.ui.prompts import Prompts
from reader.ui.recent import RecentFiles
from reader.ui.removed_slot import RemovedSlot
from reader.ui.routing import ScriptRouting
from reader.ui.session import TOP, Position, ReadingSession
from reader.ui.sidebar import Sidebar
from reader.ui.status import StatusLine
from reader.ui.theme import Look, ThemeController, base_point_size
from reader.ui.typography import reading_style
from reader.ui.view import ArticleView

if TYPE_CHECKING:
    from PySide6.QtGui import (
        QAction,
        QCloseEvent,
        QColor,
        QDragEnterEvent,
        QDropEvent,
        QResizeEvent,
    )

    from reader.ui.controls import Controls
    from reader.ui.dialogs import Dialogs
    from reader.ui.find import FindBar
    from reader.ui.library_link import LibraryLink
    from reader.ui.removed import RemovedPanel

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The reader's one window.

    Signals:
        article_loaded(Article): a new article was opened (wait on this after open_path).
        load_failed(str): opening failed (the message shown to the user).
        article_shown(Article): a (converted) article was put on screen.
        conversion_failed(str): a script conversion failed (the message shown to the user).
        busy_changed(bool): a load or conversion started or ended (the busy indicator).
        controls_shown(): the menus, tool bar and status bar have been painted once.
    """

    article_loaded = Signal(object)
    load_failed = Signal(str)
    article_shown = Signal(object)
    conversion_failed = Signal(str)
    busy_changed = Signal(bool)
    controls_shown = Signal()

    def __init__(
        self,
        settings: QSettings,
        theme: ThemeController,
        session: ReadingSession,
        dialogs: Dialogs,
        *,
        locale: QLocale | None = None,
        parent: QWidget | None = None,
        defer_controls: bool = False,
        library: LibraryLink | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._library = library
        self._theme = theme
        theme.setParent(self)
        self._session = session
        session.setParent(self)
        self._dialogs = dialogs
        self._locale = locale or QLocale.system()
        self._preferences = Preferences(settings, self._pref_changed)
        self._lang = i18n.resolve(self.prefs.language, self._locale)
        self._place: Position | None = None  # where the next article shown goes

        self.view: ArticleView = ArticleView(self)
        self.sidebar: Sidebar = Sidebar(self)
        self._frame = Frame(self, self.view, self.sidebar)
        self._removed = RemovedSlot(self, self._frame.add_panel, self._t, lambda: self.article)
        self._prompts = Prompts(self, dialogs, lambda: self._lang)
        self._files = Files(session, self.view, lambda: self.prefs, self._prompts)
        self._recent = RecentFiles(settings, self.open_path)
        self._controls = ControlsSlot(
            self,
            self._frame.add_below,
            self._recent,
            theme,
            self._t,
            built=self._controls_built,
            painted=self._controls_painted,
        )
        self.setAcceptDrops(True)

        if library is not None:  # the index follows the positions saved (library_link.py)
            library.setParent(self)
            session.position_saved.connect(library.record_position)
            library.article_requested.connect(lambda path, _pos: self.open_path(path))
            library.failed.connect(
                lambda m: self._dialogs.show_error(self, self._t("error_library_title"), m)
            )
        session.article_loaded.connect(self._article_loaded)
        session.load_failed.connect(self._load_failed)
        session.script_changed.connect(self._script_changed)
        session.conversion_failed.connect(self._conversion_failed)
        session.busy_changed.connect(self._busy_changed)
        self._nav = Navigator(self.view, self.sidebar, self._article, self._speaker_color)
        self._present = ArticlePresenter(
            self.view, self._nav, self._controls.find, base_point_size()
        )
        session.set_position_source(self._present.position)
        self._routing = ScriptRouting(session, self._busy_changed)
        self._status = StatusLine(self, self.view, self._t, self._controls.get, self.setWindowTitle)
        self._effects = PrefEffects(
            lambda: self.prefs,
            lambda: self.article,
            theme,
            self._present,
            self.view,
            script=lambda: self._routing.show(self.prefs),
            language=self._set_language,
            checks=self._sync_checks,
        )
        self.view.link_clicked.connect(self._prompts.open_link)
        self.view.top_block_changed.connect(self._status.update_progress)
        self.view.set_reading_style(reading_style(self.prefs))
        theme.theme_changed.connect(self._theme_changed)

        self._frame.restore(settings)
        if defer_controls:
            # Asking Qt for the system's colour scheme costs 40 ms (see theme.py), so the
            # first paint uses the scheme seen last time; build_controls() checks it.
            theme.start(self.prefs.theme, self.prefs.accent, store.load_system_dark(settings))
        else:
            theme.set_theme(self.prefs.theme, self.prefs.accent)
        self._present.apply_font(self.article, self.prefs)
        self._retranslate()
        self.view.setFocus()
        if defer_controls:
            self._controls.build_after_paint(self.view.viewport())
        else:
            self.build_controls()

    # -- public API ------------------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        """The open article as extracted (before script conversion)."""
        return self._session.article

    @property
    def shown_article(self) -> Article | None:
        """The article as on screen (after script conversion)."""
        return self._session.shown

    @property
    def prefs(self) -> Prefs:
        """The current preferences."""
        return self._preferences.value

    @property
    def preferences(self) -> Preferences:
        """The preferences' commands (toggle, step, zoom, reset the layout)."""
        return self._preferences

    @property
    def files(self) -> Files:
        """The file commands (open, reload, export, print)."""
        return self._files

    @property
    def look(self) -> Look:
        """The current theme's colours and article CSS."""
        return self._theme.look()

    @property
    def path(self) -> Path | None:
        """The file the article came from."""
        return self._session.path

    @property
    def find_bar(self) -> FindBar:
        """The find-in-page bar under the article."""
        return self.build_controls().find_bar

    def is_busy(self) -> bool:
        """Whether a page is loading or a conversion is pending (the busy indicator shows)."""
        return self._session.busy() or self._routing.pending()

    def build_controls(self) -> Controls:
        """Build the actions, menus, tool bar, status bar and find bar (once), and return them.

        A window made with `defer_controls` builds them right after the article's first
        paint, or earlier when something needs them, and fills in the sidebar then.
        """
        return self._controls.build()

    def action(self, name: str) -> QAction:
        """The action with objectName `name` (including the Open Recent entries)."""
        return self._controls.action(name)

    def open_path(self, path: str | Path) -> bool:
        """Open the saved page at `path`; on failure say why and keep the current article.

        A small page opens before this returns; a big one loads in the background and
        `article_loaded` (or `load_failed`) follows. Returns False if it failed at once.
        """
        # At start-up, before the controls, the first paint does not wait for the
        # speakers: they are found with the controls (`_controls_built`).
        return self._files.open(path, speakers_later=self._controls.get() is None)

    def show_article(self, article: Article, path: Path | None = None) -> None:
        """Put `article` on screen (converted to the chosen script)."""
        self._session.set_article(article, path)

    def show_library(self) -> None:
        """Show the library window (Ctrl+L)."""
        if self._library is not None:
            self._library.show(self._lang, self)

    def reload(self) -> None:
        """Open the current file again, keeping the place."""
        self._files.reload()

    def set_pref(self, name: str, value: object) -> None:
        """Set preference `name` (a Prefs field), store it, and show its effect."""
        self._preferences.set(name, value)

    def go_to_section(self, index: int) -> None:
        """Put section `index`'s heading at the top of the view."""
        self._nav.go_to_section(index)

    def next_section(self) -> None:
        """Jump to the section after the one at the top of the view."""
        self._nav.step_section(1)

    def previous_section(self) -> None:
        """Jump to the section before the one at the top of the view."""
        self._nav.step_section(-1)

    def go_to_speaker(self, name: str) -> None:
        """Jump to `name`'s next passage (cycling) and mark all their passages."""
        self._nav.go_to_speaker(name)

    def marked_speaker(self) -> str | None:
        """The name of the speaker whose passages are marked, if any."""
        return self._nav.marked_speaker()

    def open_find(self) -> None:
        """Show the find bar."""
        self.build_controls().find.open()

    def match_count(self) -> int:
        """How many matches the find bar found."""
        find = self._controls.find()
        return find.match_count() if find is not None else 0

    def toggle_sidebar(self) -> None:
        """Show or hide the sidebar."""
        self._frame.toggle_sidebar()
        self._sync_checks()

    @property
    def removed_panel(self) -> RemovedPanel:
        """The panel of what the cleaner removed (built on first use)."""
        return self._removed.panel()

    def removed_shown(self) -> bool:
        """Whether the removed-content panel is shown."""
        return self._removed.shown()

    def toggle_removed(self) -> None:
        """Show or hide what the cleaner removed from the page."""
        self._removed.toggle()
        self._sync_checks()

    def choose_font(self, name: str) -> None:
        """Ask for the face of `name` ("font_traditional", "font_simplified")."""
        chosen = self._prompts.choose_font(name, getattr(self.prefs, name))
        if chosen is not None:
            self.set_pref(name, chosen)

    def go_to_end(self, *, top: bool) -> None:
        """Scroll to the beginning (`top`) or the end of the article."""
        self._present.go_to_end(top=top)

    def toggle_full_screen(self) -> None:
        """Enter or leave full screen."""
        self.showNormal() if self.isFullScreen() else self.showFullScreen()
        self._sync_checks()

    def clear_recent(self) -> None:
        """Forget the recent files."""
        self._controls.clear_recent()

    # -- the session's news ----------------------------------------------------------------

    def _article_loaded(self, article: Article) -> None:
        self._nav.reset()
        self.view.clear_history()
        self._removed.set_article(article)
        self._effects.follow_page()
        self._place = self._session.saved_position() or TOP
        self._controls.opened(article.title)
        self.article_loaded.emit(article)
        # Start-up: the chosen script once the controls are painted (see _controls_painted).
        self._routing.first_show(self.prefs, defer=self._controls.get() is None)

    def _load_failed(self, name: str, reason: str) -> None:
        message = self._t("error_open", name=name, reason=self._prompts.reason(reason))
        self.load_failed.emit(message)
        self._prompts.error(self._t("error_open_title"), message)

    def _script_changed(self, article: Article) -> None:
        place = self._place or self._present.position()  # read before the document changes
        self._place = None
        self._present.apply_font(self.article, self.prefs, reload=False)  # shown with it
        s = self._session
        self._present.show(s.html, self.look.article_css, s.images, place, then=self._fill_sidebar)
        self._status.update_title()
        self._status.update_after_building()
        self.article_shown.emit(article)

    def _conversion_failed(self, message: str) -> None:
        self.conversion_failed.emit(message)
        self._prompts.error(self._t("error_script_title"), self._prompts.reason(message))
        shown = self._routing.shown_prefs(self.prefs)
        if shown is not None:  # put the toggles back on what is actually on screen
            self._preferences.put_back(shown)
            self._sync_checks()

    def _busy_changed(self, _busy: bool = False) -> None:
        busy = self.is_busy()
        self._controls.set_busy(busy)
        self.busy_changed.emit(busy)

    # -- showing ---------------------------------------------------------------------------

    def _article(self) -> Article | None:
        return self._session.shown or self._session.article

    def _speaker_color(self) -> QColor:
        return self.look.color("speaker_mark")

    def _pref_changed(self, name: str) -> None:
        self._effects.apply(name)
        self._sync_checks()

    def _set_language(self) -> None:
        self._lang = i18n.resolve(self.prefs.language, self._locale)
        self._retranslate()

    def _theme_changed(self, look: Look) -> None:
        self._controls.set_look(look)
        self.sidebar.setStyleSheet(look.sidebar_qss)
        self._sync_checks()
        if self._session.shown is None:
            return
        s = self._session
        self._present.show(s.html, look.article_css, s.images, self._present.position())

    # -- sidebar, speakers, find -----------------------------------------------------------

    def _fill_sidebar(self) -> None:
        if self._controls.get() is not None:  # otherwise build_controls() fills it in
            self._nav.fill(self._t)
        self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        article = self._article()
        empty = article is not None and not article.sections and not article.speakers
        if self._frame.fit_sidebar(empty):
            self._sync_checks()

    # -- text and state --------------------------------------------------------------------

    def _t(self, key: str, **fields: object) -> str:
        return i18n.text(key, self._lang, **fields)

    def _retranslate(self) -> None:
        self._fill_sidebar()
        self._status.update_title()
        self._removed.retranslate()
        controls = self._controls.get()
        if controls is not None:
            controls.retranslate(self._t)
            self._status.update()

    def _sync_checks(self) -> None:
        self._controls.sync()

    def _save_state(self) -> None:
        self._frame.save(self._settings)
        if self._theme.system_dark is not None:
            store.save_system_dark(self._settings, self._theme.system_dark)

    def _rebuild_recent(self) -> None:
        self._controls.rebuild_recent()

    # -- start-up --------------------------------------------------------------------------

    def _controls_built(self) -> None:
        self._session.find_speakers()  # if open_path put them off
        self._retranslate()
        self._sync_checks()

    def _controls_painted(self) -> None:
        # Only now, so the controls are not kept off screen: the scheme's answer may change
        # the look (if the guess at start-up was wrong), and asking Qt for it costs 40 ms
        # the first time (see theme.py).
        self._theme.confirm_scheme()
        self._routing.painted(self.prefs)
        self.controls_shown.emit()

    # -- Qt overrides ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])
        else:
            event.ignore()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_sidebar()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._session.shutdown()
        self._save_state()
        if self._library is not None:
            self._library.shutdown()
        self._settings.sync()
        super().closeEvent(event)
