"""Reading time and progress (reader/core/progress.py): characters for Chinese, words
for other languages (no Qt)."""

from __future__ import annotations

from reader.core.article import Article, Block, BlockType
from reader.core.progress import (
    CHARS_PER_MINUTE,
    WORDS_PER_MINUTE,
    Progress,
    block_minutes,
    progress,
    reading_minutes,
)


def test_chinese_is_timed_by_characters_and_english_by_words() -> None:
    assert block_minutes("字" * CHARS_PER_MINUTE) == 1
    assert block_minutes(" ".join(["tide"] * WORDS_PER_MINUTE)) == 1
    mixed = "字" * CHARS_PER_MINUTE + " " + " ".join(["don't"] * WORDS_PER_MINUTE)
    assert block_minutes(mixed) == 2
    assert block_minutes("，。！「」") == 0  # marks are not read as words


def _article(n: int) -> Article:
    blocks = tuple(Block(BlockType.PARAGRAPH, "字" * CHARS_PER_MINUTE) for _ in range(n))
    return Article(title="t", blocks=(*blocks, Block(BlockType.IMAGE, "圖說" * 500)))


def test_progress_from_the_block_on_screen() -> None:
    article = _article(4)
    assert reading_minutes(article) == 4  # the image's alt text is not read
    assert progress(article, -1) == Progress(0, 4)
    assert progress(article, 0) == Progress(0, 4)
    assert progress(article, 2) == Progress(50, 2)
    assert progress(article, 3) == Progress(75, 1)
    assert progress(article, 3, at_end=True) == Progress(100, 0)
    assert progress(_article(0), 0) == Progress(100, 0)
