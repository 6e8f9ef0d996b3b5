"""Property tests: whatever bytes a saved file holds, `load_article` returns an Article or
raises the project's own error, and never writes to the file.

Bounded and seeded (derandomize) so the suite stays fast and repeatable; the long fuzz run
lives in benchmarks/fuzz.py.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import Article, ReaderError, load_article
from tests.conftest import PAGES, SAMPLES

SEEDS = sorted(
    [*SAMPLES.rglob("page.*"), *(p for p in PAGES.iterdir() if p.is_file())],
    key=str,
)
SEED_BYTES = [p.read_bytes() for p in SEEDS if p.suffix not in {".md", ".json"}]
SUFFIXES = (".html", ".htm", ".mhtml", ".mht", ".txt", "")

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

TAGS = ("div", "p", "span", "a", "li", "ul", "table", "td", "h2", "b", "script", "nav", "br")
TEXTS = ("河岸的清晨", "他說：「好。」", "上一篇", "|關鍵詞|", "＜", "&amp;", "\u3000", "𠮷", "")


@st.composite
def markup(draw: st.DrawFn) -> bytes:
    """Random tag soup with Chinese text, unbalanced tags and odd attributes."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 60))):
        tag = draw(st.sampled_from(TAGS))
        kind = draw(st.integers(0, 3))
        if kind == 0:
            style = draw(st.sampled_from(("", ' style="display:none"', ' class="nav"', " hidden")))
            parts.append(f"<{tag}{style}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(st.sampled_from(TEXTS)) * draw(st.integers(1, 20)))
    text = "".join(parts)
    encoding = draw(st.sampled_from(("utf-8", "gb18030", "big5", "utf-16")))
    return text.encode(encoding, errors="replace")


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A real fixture page, truncated, bit-flipped or spliced."""
    data = bytearray(draw(st.sampled_from(SEED_BYTES)))
    for _ in range(draw(st.integers(0, 8))):
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        op = draw(st.integers(0, 3))
        if op == 0:
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == 1:
            del data[pos:]
        elif op == 2:
            data[pos:pos] = draw(st.binary(max_size=16))
        else:
            del data[pos : pos + draw(st.integers(1, 64))]
    return bytes(data)


def _check(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_bytes(data)
    before = path.stat().st_mtime_ns
    try:
        article = load_article(path)
    except ReaderError as exc:
        assert str(exc), "errors carry a message for the user"
    else:
        assert isinstance(article, Article)
        assert article.title is not None
        for s in article.sections:
            assert 0 <= s.block < len(article.blocks)
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == before


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    _check(tmp_path, data, suffix)


@FUZZ
@given(data=markup(), suffix=st.sampled_from(SUFFIXES))
def test_tag_soup(tmp_path: Path, data: bytes, suffix: str) -> None:
    _check(tmp_path, data, suffix)


@FUZZ
@given(data=mutated(), suffix=st.sampled_from(SUFFIXES))
def test_mutated_pages(tmp_path: Path, data: bytes, suffix: str) -> None:
    _check(tmp_path, data, suffix)
