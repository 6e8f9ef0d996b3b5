"""Putting an article's HTML into the view: the reading font, the place kept, the marks put back.

The window decides when (a new article, a conversion, a new theme or font); this object
does the showing, so that each of those keeps the reader's place and their marks (the
marked speaker, the find matches) the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from reader.core import Article, Script
from reader.core.language import ContentLanguage
from reader.core.render import anchor
from reader.ui.typography import article_families

if TYPE_CHECKING:
    from reader.core.prefs import Prefs
    from reader.ui.find import FindController
    from reader.ui.navigate import Navigator
    from reader.ui.session import Position
    from reader.ui.view import ArticleView


class ArticlePresenter:
    """Shows HTML in `view`, keeping the place (tracked by `nav`) and re-applying the marks.

    `find` gives the find controller once the controls exist (None before).
    """

    def __init__(
        self,
        view: ArticleView,
        nav: Navigator,
        find: Callable[[], FindController | None],
        base_size: float,
    ) -> None:
        self._view = view
        self._nav = nav
        self._find = find
        self._base_size = base_size
        # The marks past the first slices of a big document.
        view.document_completed.connect(self.reapply_marks)

    def position(self) -> Position | None:
        """Where the reader is: the block at the top of the view and its offset."""
        block = self._view.top_block()
        return None if block is None else (block, self._view.top_offset())

    def restore(self, pos: Position | None) -> None:
        """Scroll back to `pos` (None: stay) and let the sidebar follow."""
        if pos is None:
            return
        block, offset = pos
        self._view.scroll_to("top" if block < 0 else anchor(block), offset)
        self._nav.track(self._view.reading_block())

    def reapply_marks(self) -> None:
        """Mark the marked speaker's passages and the find matches again."""
        self._nav.mark_speaker()
        find = self._find()
        if find is not None:
            find.refresh()

    def show(
        self,
        html: str,
        css: str,
        images: Mapping[int, bytes],
        place: Position | None,
        *,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Show `html` styled by `css` at `place`; `then` runs before the place is restored."""
        self._view.show_article(html, css, images)
        if then is not None:
            then()
        self.restore(place)
        self.reapply_marks()

    def apply_font(self, article: Article | None, prefs: Prefs, *, reload: bool = True) -> None:
        """Set the reading font `prefs` choose for `article` (`reload`: lay the text out now)."""
        original = article.script if article else Script.TRADITIONAL
        families = article_families(
            article.language if article else ContentLanguage.CHINESE,
            prefs.script,
            original,
            prefs.font,
            traditional=prefs.font_traditional,
            simplified=prefs.font_simplified,
        )
        self._view.set_reading_font(families, self._base_size + prefs.zoom, reload=reload)

    def go_to_end(self, *, top: bool) -> None:
        """Scroll to the beginning (`top`) or the end of the article."""
        self._view.go_to_end(top=top)
