"""A find query follows the script on screen (core/script_query.py)."""

from __future__ import annotations

import pytest

from reader.core.article import Script, Target
from reader.core.script_query import query_for_shown


@pytest.mark.parametrize(
    ("query", "target", "source", "expected"),
    [
        ("旧货", Target.ORIGINAL, Script.TRADITIONAL, "舊貨"),  # typed Simplified, page Traditional
        ("舊貨", Target.SIMPLIFIED, Script.TRADITIONAL, "旧货"),  # page shown in Simplified
        ("舊貨", Target.ORIGINAL, Script.SIMPLIFIED, "旧货"),  # a Simplified page as written
        ("旧货", Target.TRADITIONAL, Script.SIMPLIFIED, "舊貨"),  # a Simplified page in 繁體
        ("舊貨", Target.ORIGINAL, Script.TRADITIONAL, "舊貨"),  # already in the screen's script
    ],
)
def test_query_is_written_in_the_script_on_screen(
    query: str, target: Target, source: Script, expected: str
) -> None:
    assert query_for_shown(query, target, source) == expected
