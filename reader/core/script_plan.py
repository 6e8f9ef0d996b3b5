"""Which OpenCC configs a conversion needs: (source script, variant, target, standard) -> configs.

Also the two facts that follow from the same table: the script a text ends up in
(`result_script`) and the Traditional standard it is shown in (`shown_standard`). Pure
data and lookups; OpenCC itself is `opencc_engine.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from reader.core.article import Script, Target, TraditionalStandard


class Variant(StrEnum):
    """How a Traditional text is written: OpenCC's standard forms, Taiwan's or Hong Kong's."""

    STANDARD = "standard"
    TAIWAN = "taiwan"
    HONGKONG = "hongkong"


#: OpenCC configs, applied in order, for (source script, source variant) -> target.
#:
#: - An empty tuple means the text is already in the target's form and is left alone.
#:   繁體 (`Target.TRADITIONAL`) on a text already written in Traditional is always that:
#:   readers in Taiwan and Hong Kong read OpenCC's standard forms (裏 爲 着) as wrong, so a
#:   page is shown as its writer wrote it. From Simplified, 繁體 gives the forms of the
#:   chosen `TraditionalStandard` (`SIMPLIFIED_TO_TRADITIONAL`).
#: - Traditional -> Taiwan uses `t2tw`, OpenCC's variant-only config. OpenCC ships no
#:   Traditional -> Taiwan *phrases* config: its Taiwan phrase table is written to run after
#:   `s2t` on segments cut by the Simplified phrase dictionary (that is how `s2twp` uses it).
#:   Run over unsegmented Traditional text it would match across word boundaries, and the
#:   other route, through Simplified (`t2s` then `s2twp`), loses distinctions Simplified
#:   merges (乾/幹, 後/后, 髮/發). Phrases are therefore localised only from Simplified text.
#: - Hong Kong and Taiwan text go through OpenCC's standard forms (`hk2t`, `tw2t`) before
#:   the other region's config, because `t2hk`/`t2tw` expect standard forms as input.
PLANS: Mapping[tuple[Script, Variant], Mapping[Target, tuple[str, ...]]] = {
    (Script.SIMPLIFIED, Variant.STANDARD): {
        Target.TAIWAN: ("s2twp",),
        Target.HONGKONG: ("s2hk",),
        Target.SIMPLIFIED: (),
    },
    (Script.TRADITIONAL, Variant.STANDARD): {
        Target.TRADITIONAL: (),
        Target.TAIWAN: ("t2tw",),
        Target.HONGKONG: ("t2hk",),
        Target.SIMPLIFIED: ("t2s",),
    },
    (Script.TRADITIONAL, Variant.TAIWAN): {
        Target.TRADITIONAL: (),
        Target.TAIWAN: (),
        Target.HONGKONG: ("tw2t", "t2hk"),
        Target.SIMPLIFIED: ("tw2sp",),
    },
    (Script.TRADITIONAL, Variant.HONGKONG): {
        Target.TRADITIONAL: (),
        Target.TAIWAN: ("hk2t", "t2tw"),
        Target.HONGKONG: (),
        Target.SIMPLIFIED: ("hk2s",),
    },
}

#: 繁體 from Simplified, per standard: character forms only, never vocabulary. `s2tw` and
#: `s2hk` are `s2t` followed by the region's variant table (裏→裡, 爲→為, 着→著 for Taiwan;
#: 爲→為, 着→着 for Hong Kong); the phrase configs (`s2twp`) also swap words (软件→軟體,
#: 信息→資訊, 鼠标→滑鼠), which changes what the writer said. On the benchmark's
#: 25,000-character article s2twp differs from s2tw in 1.4% of characters, all of them
#: words (屏幕→螢幕, 网络→網路, 社区→社群, 编程→程式設計, 运行→執行). Taiwan
#: vocabulary stays one menu entry away (`Target.TAIWAN`).
SIMPLIFIED_TO_TRADITIONAL: Mapping[TraditionalStandard, str] = {
    TraditionalStandard.TAIWAN: "s2tw",
    TraditionalStandard.HONGKONG: "s2hk",
    TraditionalStandard.OPENCC: "s2t",
}

#: Every OpenCC config the app can use (the tests run OpenCC's test cases for each).
APP_CONFIGS: tuple[str, ...] = tuple(
    sorted(
        {c for targets in PLANS.values() for configs in targets.values() for c in configs}
        | set(SIMPLIFIED_TO_TRADITIONAL.values())
    )
)


def plan(
    source: Script,
    variant: Variant,
    target: Target,
    standard: TraditionalStandard = TraditionalStandard.TAIWAN,
) -> tuple[str, ...]:
    """The OpenCC configs that turn text in `source`/`variant` into `target`, in order.

    `standard` only matters for 繁體 from Simplified: the forms it produces.
    """
    if target is Target.ORIGINAL:
        return ()
    if source is Script.SIMPLIFIED:
        if target is Target.TRADITIONAL:
            return (SIMPLIFIED_TO_TRADITIONAL[standard],)
        variant = Variant.STANDARD
    return PLANS[(source, variant)][target]


def shown_standard(
    source: Script, target: Target, standard: TraditionalStandard
) -> TraditionalStandard | None:
    """The Traditional standard a text in `source` is shown in for `target`.

    None when the forms are the writer's own (原文, or 繁體 on a Traditional page) or the
    target is Simplified. The status bar says it, so what is on screen is never a guess.
    """
    if target is Target.TAIWAN:
        return TraditionalStandard.TAIWAN
    if target is Target.HONGKONG:
        return TraditionalStandard.HONGKONG
    if target is Target.TRADITIONAL and source is Script.SIMPLIFIED:
        return standard
    return None


def result_script(source: Script, target: Target) -> Script:
    """The script of a text in `source` once converted to `target`."""
    if target is Target.ORIGINAL:
        return source
    return Script.SIMPLIFIED if target is Target.SIMPLIFIED else Script.TRADITIONAL
