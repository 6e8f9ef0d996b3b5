"""Back and Forward through an article: the places a reader jumped from, as two stacks.

Qt-free and given only places (anchor name, pixel offset): the view records one before
each jump or search and asks for the way back.
"""

from __future__ import annotations

from collections.abc import Callable

Place = tuple[str, int]
"""A place in the article: an anchor name and pixels below it."""

HISTORY_KEPT = 50
"""Places Back remembers: more than a reader retraces in one article."""


class History:
    """Places to go Back and Forward to."""

    def __init__(self) -> None:
        self._back: list[Place] = []
        self._forward: list[Place] = []

    def record(self, place: Place) -> None:
        """The reader leaves `place` by a jump: Back returns there; Forward is forgotten."""
        if not self._back or self._back[-1] != place:
            self._back.append(place)
            del self._back[:-HISTORY_KEPT]
        self._forward.clear()

    def can_go_back(self) -> bool:
        """Whether Back has a place."""
        return bool(self._back)

    def can_go_forward(self) -> bool:
        """Whether Forward has a place."""
        return bool(self._forward)

    def back(self, here: Place | None, exists: Callable[[str], bool]) -> Place | None:
        """The place to go Back to from `here` (which Forward then returns to), skipping
        places whose anchor no longer `exists`; None when there is none."""
        return _travel(self._back, self._forward, here, exists)

    def forward(self, here: Place | None, exists: Callable[[str], bool]) -> Place | None:
        """The place to go Forward to from `here` (undoing a Back)."""
        return _travel(self._forward, self._back, here, exists)

    def clear(self) -> None:
        """Forget every place (a new article)."""
        self._back.clear()
        self._forward.clear()


def _travel(
    source: list[Place], other: list[Place], here: Place | None, exists: Callable[[str], bool]
) -> Place | None:
    while source:
        place = source.pop()
        if exists(place[0]):
            if here is not None:
                other.append(here)
            return place
    return None
