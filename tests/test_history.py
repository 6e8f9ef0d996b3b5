"""Back and Forward places (reader/ui/history.py, Qt-free)."""

from __future__ import annotations

from reader.ui.history import HISTORY_KEPT, History


def _all(_name: str) -> bool:
    return True


def test_back_then_forward() -> None:
    h = History()
    assert not h.can_go_back() and h.back(("top", 0), _all) is None
    h.record(("top", 0))
    h.record(("b7", -40))
    h.record(("b7", -40))  # the same place twice is one step
    assert h.back(("b20", -40), _all) == ("b7", -40)
    assert h.back(("b7", -40), _all) == ("top", 0)
    assert not h.can_go_back() and h.can_go_forward()
    assert h.forward(("top", 0), _all) == ("b7", -40)
    assert h.forward(("b7", -40), _all) == ("b20", -40)
    h.record(("b3", 0))  # a new jump forgets Forward
    assert not h.can_go_forward()


def test_places_that_no_longer_exist_are_skipped_and_the_list_is_bounded() -> None:
    h = History()
    for i in range(HISTORY_KEPT + 10):
        h.record((f"b{i}", 0))
    assert h.back(("here", 0), lambda name: name != f"b{HISTORY_KEPT + 9}") == (
        f"b{HISTORY_KEPT + 8}",
        0,
    )
    steps = 1
    while h.back(None, _all) is not None:
        steps += 1
    assert steps == HISTORY_KEPT - 1  # one skipped, the oldest ten dropped
    h.clear()
    assert not h.can_go_back() and not h.can_go_forward()
