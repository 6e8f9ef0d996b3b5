"""Which form of the article the session is asked to show: the script the reader chose.

A page not in Chinese is shown as written (the script switches are off for it). At
start-up the original is painted first and the chosen script once the controls are
(`defer`), so the first paint never waits for OpenCC; until then a conversion counts as
pending (the busy indicator shows). After a failed conversion, `shown_prefs` gives the
preferences that match what is actually on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.core.article import QuoteStyle, Target
from reader.core.language import ContentLanguage

if TYPE_CHECKING:
    from reader.core.prefs import Prefs
    from reader.ui.session import Key, ReadingSession


class ScriptRouting:
    """Asks `session` for the article in the chosen script; `busy_changed` is called when
    a conversion put off until after the first paint starts or stops being pending."""

    def __init__(self, session: ReadingSession, busy_changed: Callable[[], None]) -> None:
        self._session = session
        self._busy_changed = busy_changed
        self._after_paint = False  # start-up: the original first, the script after

    def pending(self) -> bool:
        """Whether the chosen script waits for the controls' first paint."""
        return self._after_paint

    @staticmethod
    def key(prefs: Prefs) -> Key:
        """The conversion `prefs` ask for."""
        return (prefs.script, prefs.quotes, prefs.traditional_standard, prefs.punctuation)

    def first_show(self, prefs: Prefs, *, defer: bool) -> None:
        """Show a newly opened article; `defer` (the controls are not painted yet) shows
        the original now and the chosen script when `painted` is called."""
        if defer and (prefs.script, prefs.quotes) != (Target.ORIGINAL, QuoteStyle.KEEP):
            self._after_paint = True
            self._session.show_in(
                Target.ORIGINAL, QuoteStyle.KEEP, prefs.traditional_standard, prefs.punctuation
            )
            self._busy_changed()
        else:
            self.show(prefs)

    def show(self, prefs: Prefs) -> None:
        """Show the article in the script `prefs` choose (as written if not Chinese)."""
        waited, self._after_paint = self._after_paint, False
        article = self._session.article
        if article is not None and article.language is not ContentLanguage.CHINESE:
            # Shown as written (the script switches are off for it).
            self._session.show_in(Target.ORIGINAL, QuoteStyle.KEEP, prefs.traditional_standard)
        else:
            self._session.show_in(*self.key(prefs))
        if waited:
            self._busy_changed()

    def painted(self, prefs: Prefs) -> None:
        """The controls were painted: show the script put off at start-up, if any."""
        if self._after_paint:
            self.show(prefs)

    def shown_prefs(self, prefs: Prefs) -> Prefs | None:
        """`prefs` with the script toggles on what is on screen (None: nothing is)."""
        shown = self._session.shown_key
        if shown is None:
            return None
        script, quotes, standard, _punctuation = shown
        return prefs.with_changes(script=script, quotes=quotes, traditional_standard=standard)
