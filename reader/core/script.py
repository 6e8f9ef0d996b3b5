"""Traditional ⇄ Simplified conversion of a text or an Article, with quotation marks.

The stages it puts together, each in its own module:

- `script_plan.py`: which OpenCC configs turn (source, variant) into a `Target`.
- `opencc_engine.py`: one OpenCC config applied to a text by OpenCC's own C++ library,
  through its Python binding (the `opencc` package), in slices.
- `script_detect.py`: the script of a text, and for Traditional text whether it is written
  the Taiwan or Hong Kong way.
- `quotes.py`: “” ‘’ ⇄ 「」 『』 as matched pairs inside Chinese text.

Here: `convert_text` and `convert(article, ...)`. Results are cached by the caller (the
window's `ReadingSession` keeps one cache per article). Nothing is loaded at import time.
"""

from __future__ import annotations

from reader.core.article import (
    Article,
    QuoteStyle,
    Script,
    Target,
    TraditionalStandard,
    article_texts,
    with_texts,
)
from reader.core.language import ContentLanguage
from reader.core.opencc_engine import convert_all, convert_configs
from reader.core.punctuation import fullwidth
from reader.core.quotes import apply_quotes
from reader.core.script_detect import detect_variant
from reader.core.script_plan import Variant, plan, result_script


def convert_text(
    text: str,
    source: Script,
    target: Target,
    quotes: QuoteStyle = QuoteStyle.KEEP,
    *,
    standard: TraditionalStandard = TraditionalStandard.TAIWAN,
) -> str:
    """`text`, written in `source`, converted to `target` with quotation marks in `quotes`.

    For Traditional text the regional variant is detected from `text` itself; `standard`
    is the forms 繁體 gives a Simplified text (see `plan`).
    """
    variant = detect_variant(text) if source is Script.TRADITIONAL else Variant.STANDARD
    return apply_quotes(convert_configs(text, plan(source, variant, target, standard)), quotes)


#: Chinese scripts would change the words. Another language's Han characters are Chinese
#: quoted in it (a name, a table of places), and convert as Chinese does.
OWN_HAN: frozenset[ContentLanguage] = frozenset({ContentLanguage.JAPANESE, ContentLanguage.KOREAN})


def _unchanged(article: Article, target: Target, quotes: QuoteStyle, punctuation: bool) -> bool:
    """Whether converting `article` this way leaves it as it is: nothing asked for, or a
    Japanese or Korean text (shown as written, see `OWN_HAN`)."""
    punctuation = punctuation and article.language is ContentLanguage.CHINESE
    nothing = target is Target.ORIGINAL and quotes is QuoteStyle.KEEP and not punctuation
    return nothing or article.language in OWN_HAN


def _convert_article(
    article: Article,
    variant: Variant,
    target: Target,
    quotes: QuoteStyle,
    standard: TraditionalStandard = TraditionalStandard.TAIWAN,
    *,
    punctuation: bool = False,
) -> Article:
    if _unchanged(article, target, quotes, punctuation):
        return article
    configs = plan(article.script, variant, target, standard)
    script = result_script(article.script, target)
    widen = punctuation and article.language is ContentLanguage.CHINESE
    if not configs and quotes is QuoteStyle.KEEP and not widen:
        # Nothing to convert: no joining, converting and rebuilding to get the same texts.
        return article if script is article.script else article.with_changes(script=script)
    texts = convert_all(article_texts(article), configs)
    if quotes is not QuoteStyle.KEEP:
        texts = [apply_quotes(t, quotes) for t in texts]
    if widen:
        texts = [fullwidth(t) for t in texts]
    return with_texts(article, texts, script)


def _article_variant(article: Article) -> Variant:
    if article.script is not Script.TRADITIONAL:
        return Variant.STANDARD
    return detect_variant("\n".join(article_texts(article)))


def _needs_variant(article: Article, target: Target) -> bool:
    """Whether the plan for `target` depends on how the Traditional `article` is written."""
    return article.script is Script.TRADITIONAL and target not in (
        Target.ORIGINAL,
        Target.TRADITIONAL,
    )


def convert(
    article: Article,
    target: Target,
    quotes: QuoteStyle = QuoteStyle.KEEP,
    *,
    standard: TraditionalStandard = TraditionalStandard.TAIWAN,
    punctuation: bool = False,
) -> Article:
    """A new Article in `target`: title, source, author, blocks, section titles, speakers.

    The source script is `article.script` (set by extraction); for Traditional articles the
    regional variant is detected from the text. `standard` is the forms 繁體 gives a
    Simplified article; a Traditional one is shown as written. With `punctuation`,
    half-width marks between Chinese characters become full-width (`punctuation.py`).
    `article` itself is never modified. `Target.ORIGINAL` keeps the text (only `quotes`
    and `punctuation` apply) and the script. A Japanese or Korean article is returned as
    it is (`OWN_HAN`); the window shows any article that is not Chinese as written.

    Raises:
        ScriptError: OpenCC is missing or the wrong package.
    """
    if _unchanged(article, target, quotes, punctuation):
        return article
    variant = _article_variant(article) if _needs_variant(article, target) else Variant.STANDARD
    return _convert_article(article, variant, target, quotes, standard, punctuation=punctuation)
