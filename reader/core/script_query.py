"""A find query in the script on screen, so a search typed in either script finds the text.

Kept beside `script.py` (whose conversion it uses) rather than inside it: the rule is
about searching, the engine is about converting.
"""

from __future__ import annotations

from reader.core.article import Script, Target, TraditionalStandard
from reader.core.script import convert_text
from reader.core.script_plan import result_script


def query_for_shown(
    query: str,
    target: Target,
    source: Script,
    standard: TraditionalStandard = TraditionalStandard.TAIWAN,
) -> str:
    """`query` written in the script an article in `source` shows when asked for `target`.

    A Traditional screen gets the query converted as Simplified text would be for that
    target, in the forms of `standard` (原文 of a Traditional page: as 繁體); a
    Simplified screen gets the query converted from Traditional to Simplified.

    Raises:
        ScriptError: OpenCC is missing or unusable.
    """
    if result_script(source, target) is Script.TRADITIONAL:
        to = Target.TRADITIONAL if target is Target.ORIGINAL else target
        return convert_text(query, Script.SIMPLIFIED, to, standard=standard)
    return convert_text(query, Script.TRADITIONAL, Target.SIMPLIFIED)
