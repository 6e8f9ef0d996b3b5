"""Script conversion speed: `convert(article, target)` against OpenCC's binding called directly.

Run with `python -m benchmarks.bench_script [--runs N] [--million-runs N]`. Prints:

1. For a 25,000-character article and each target: the median time of converting the
   article as a script switch does (a fresh conversion each run, converters already
   built: the article's fields joined, converted, split back into a new Article), the
   median time of the `opencc` binding's own `OpenCC(config).convert` doing the same
   work (the same texts joined into one string, converted by the configs of the plan in
   turn, and split back into one text each), and their ratio. The issue
   asks for a ratio of at most 1.2. A Traditional article's regional variant is detected
   by `convert` itself (about 1.7 ms for 25,000 characters); it is timed on its own (the
   `detection` lines) rather than in every row.
2. The same for 1,000,000 characters, plus how long the main thread was ever kept waiting
   while another thread converted (the binding holds the GIL for a whole call, so long
   texts are converted in slices and another thread keeps running).
3. Detection time on 1,000,000 characters, and the one-time cost of building converters.

The text is made from the module's own sentences (fictional places and people), repeated
and shuffled deterministically; Traditional, Taiwan and Hong Kong versions are produced from
it with OpenCC.
"""

from __future__ import annotations

import argparse
import random
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from reader.core.article import (
    Article,
    Block,
    BlockType,
    QuoteStyle,
    Script,
    Section,
    Speaker,
    Target,
    TraditionalStandard,
    article_texts,
    with_texts,
)
from reader.core.opencc_engine import _load_opencc, convert_configs, opencc_convert
from reader.core.script import _article_variant, _convert_article, convert
from reader.core.script_detect import detect_script, detect_variant
from reader.core.script_plan import APP_CONFIGS, Variant, plan

SENTENCES = (
    "清晨六点，河湾镇的渡口已经排起了长队，卖豆浆的摊贩一边吆喝一边找零。",
    "镇图书馆的馆长周以宁说，今年借阅量最高的是一本讲述山区铁路修建历史的小说。",
    "她认为，读者愿意回到纸质书，是因为屏幕上的信息太多，反而让人记不住任何东西。",
    "新开的面馆把干拌面做成了招牌，老板娘说面条是自己和面、自己擀的，从不用机器。",
    "台风过境后，后山的果园损失不大，但通往水库的那段公路被冲出了好几道裂缝。",
    "工程队的负责人表示，修复工作将在下周完成，届时公交线路也会恢复正常运行。",
    "学校里新建的计算机教室配备了三十台电脑，学生可以在课后用软件练习编程。",
    "一位退休的语文老师在社区开设了书法班，每周六上午免费教孩子们写毛笔字。",
    "他说：“写字和做人一样，要一笔一画、认认真真，急不得，也假不得。”",
    "随着网络购物的普及，镇上的快递网点从两个增加到七个，送货时间缩短了一半。",
    "不过，也有居民担心，过度包装带来的垃圾问题会让回收站越来越难以应付。",
    "环保志愿者于是发起了“旧纸箱换绿植”的活动，三个月里收回了四千多个纸箱。",
    "夜市里最受欢迎的摊位卖的是烤红薯和桂花糖藕，队伍常常排到街角的理发店门口。",
    "理发店的师傅干这一行已经四十年了，他说头发的流行样式每隔几年就会轮回一次。",
    "村里的合作社把滞销的柚子做成了果酱和茶饮，通过直播卖到了很多大城市。",
    "负责直播的年轻人原本在省城的一家广告公司上班，去年辞职回乡创业。",
    "他坦言，最难的不是技术，而是说服长辈们相信，一部手机也能把东西卖出去。",
    "县里的档案馆最近整理出一批上世纪的老照片，记录了码头、集市和戏台的旧貌。",
    "展览开幕那天，不少老人在照片前认出了自己年轻时的样子，忍不住笑出了声。",
    "研究地方戏曲的学者沈若谷指出，这些影像资料对了解当年的演出方式很有价值。",
    "气象部门提醒，未来一周将有持续降雨，低洼地区的居民需要提前做好防范准备。",
    "与此同时，农业技术站派出专家下乡，指导农户为水稻田开挖排水沟。",
    "一家小型出版社计划把镇上老人口述的故事编辑成册，明年春天正式发行。",
    "编辑部的工作人员说，他们尽量保留讲述者原来的语气，只删改了重复的部分。",
)
TITLE = "河湾镇的一年：渡口、面馆与一座图书馆"


def make_article(chars: int, seed: int = 7) -> Article:
    """A Simplified article of at least `chars` characters in blocks of 3-6 sentences."""
    rng = random.Random(seed)
    blocks: list[Block] = []
    sections: list[Section] = []
    total = 0
    while total < chars:
        if len(blocks) % 12 == 0:
            heading = f"第{len(sections) + 1}部分：{rng.choice(SENTENCES)[:10]}"
            sections.append(Section(heading, len(blocks)))
            blocks.append(Block(BlockType.HEADING, heading))
            total += len(heading)
        text = "".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 6)))
        blocks.append(Block(BlockType.PARAGRAPH, text))
        total += len(text)
    speakers = (Speaker("周以宁", (1, 5)), Speaker("沈若谷", (9,)))
    return Article(
        title=TITLE,
        blocks=tuple(blocks),
        source="河湾日报",
        author="本报记者 林一帆",
        script=Script.SIMPLIFIED,
        sections=tuple(sections),
        speakers=speakers,
    )


def in_script(article: Article, configs: tuple[str, ...], script: Script) -> Article:
    """The article converted with `configs`, marked as `script` (a source for the table)."""
    return with_texts(
        article, [convert_configs(t, configs) for t in article_texts(article)], script
    )


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def sources(chars: int) -> dict[str, Article]:
    simplified = make_article(chars)
    return {
        "simplified": simplified,
        "traditional": in_script(simplified, ("s2t",), Script.TRADITIONAL),
        "taiwan": in_script(simplified, ("s2twp",), Script.TRADITIONAL),
        "hongkong": in_script(simplified, ("s2hk",), Script.TRADITIONAL),
    }


JOIN = "\ufdd0"
"""What the direct calls join an article's texts with: a noncharacter, as `convert` does
(a newline would merge texts that hold one)."""

TW, HK, OPENCC = (
    TraditionalStandard.TAIWAN,
    TraditionalStandard.HONGKONG,
    TraditionalStandard.OPENCC,
)
#: (source article, target, 繁體 standard) rows: every config of the app's plan appears at
#: least once. 繁體 on a Traditional article converts nothing, so it has no row.
ROWS: tuple[tuple[str, Target, TraditionalStandard], ...] = (
    ("simplified", Target.TRADITIONAL, TW),
    ("simplified", Target.TRADITIONAL, OPENCC),
    ("simplified", Target.TAIWAN, TW),
    ("simplified", Target.HONGKONG, TW),
    ("traditional", Target.SIMPLIFIED, TW),
    ("traditional", Target.TAIWAN, TW),
    ("traditional", Target.HONGKONG, TW),
    ("taiwan", Target.SIMPLIFIED, TW),
    ("taiwan", Target.HONGKONG, TW),
    ("hongkong", Target.SIMPLIFIED, TW),
    ("hongkong", Target.TAIWAN, TW),
)


@dataclass(frozen=True, slots=True)
class Row:
    """One measured conversion: `convert` against the `opencc` binding on the same text."""

    source: str
    target: str
    configs: str
    chars: int
    ours_ms: float
    opencc_ms: float

    @property
    def ratio(self) -> float:
        return self.ours_ms / self.opencc_ms


def measure(
    chars: int, runs: int, rows: tuple[tuple[str, Target, TraditionalStandard], ...]
) -> list[Row]:
    """Median times of `convert` and of the binding direct, for each row."""
    opencc = _load_opencc()
    articles = sources(chars)
    results = []
    for name, target, standard in rows:
        article = articles[name]
        configs = plan(article.script, _article_variant(article), target, standard)
        fields = article_texts(article)
        ccs = [opencc.OpenCC(f"{c}.json") for c in configs]

        def direct(ccs: list[object] = ccs, fields: list[str] = fields) -> list[str]:
            # The same work on the same text: the article's texts joined, converted and
            # split back into one text each (what any caller of the binding must do).
            text = JOIN.join(fields)
            for cc in ccs:
                text = cc.convert(text)  # type: ignore[attr-defined]
            return text.split(JOIN)

        variant = _article_variant(article)

        def ours_fn(
            article: Article = article,
            target: Target = target,
            standard: TraditionalStandard = standard,
            variant: Variant = variant,
        ) -> Article:
            return _convert_article(article, variant, target, QuoteStyle.KEEP, standard)

        results.append(
            Row(
                name,
                target.value,
                "+".join(configs) or "-",
                len(JOIN.join(fields)),
                median_ms(ours_fn, runs),
                median_ms(direct, runs),
            )
        )
    return results


def table(chars: int, runs: int, rows: tuple[tuple[str, Target, TraditionalStandard], ...]) -> None:
    print(f"\n{chars:,}-character article, median of {runs} run(s)")
    print(
        f"{'source':<12} {'target':<12} {'configs':<12} {'chars':>9} "
        f"{'convert ms':>11} {'opencc ms':>13} {'ratio':>6}"
    )
    for r in measure(chars, runs, rows):
        print(
            f"{r.source:<12} {r.target:<12} {r.configs:<12} {r.chars:>9,} "
            f"{r.ours_ms:>11.1f} {r.opencc_ms:>13.1f} {r.ratio:>6.2f}"
        )


def gui_stall(chars: int) -> None:
    """Convert on a worker thread while the main thread ticks every 5 ms; report its worst gap."""
    article = sources(chars)["simplified"]
    done = threading.Event()
    elapsed: list[float] = []

    def work() -> None:
        start = time.perf_counter()
        convert(article, Target.TAIWAN)
        elapsed.append(time.perf_counter() - start)
        done.set()

    worst = 0.0
    worker = threading.Thread(target=work)
    worker.start()
    last = time.perf_counter()
    while not done.is_set():
        time.sleep(0.005)
        now = time.perf_counter()
        worst = max(worst, now - last)
        last = now
    worker.join()
    print(
        f"\nworker thread: {chars:,} characters to Taiwan in {elapsed[0] * 1000:.0f} ms; "
        f"longest main-thread wait {worst * 1000:.1f} ms (ticks every 5 ms)"
    )


def detection_ms(chars: int, runs: int) -> tuple[float, float, int]:
    """Median ms of detect_script and detect_variant on a Taiwan-style article, its length."""
    trad = sources(chars)["taiwan"]
    text = "\n".join(article_texts(trad))
    return (
        median_ms(lambda: detect_script(text), runs),
        median_ms(lambda: detect_variant(text), runs),
        len(text),
    )


def detection(chars: int, runs: int = 1) -> None:
    script_ms, variant_ms, n = detection_ms(chars, runs)
    print(
        f"detection on {n:,} characters: detect_script {script_ms:.1f} ms, "
        f"detect_variant {variant_ms:.1f} ms (per conversion)"
    )


def warm_up() -> None:
    """Build every converter once and print what that costs (a one-time cost per process)."""
    start = time.perf_counter()
    detect_script("")
    for config in APP_CONFIGS:
        opencc_convert("预热", config)
    print(
        f"building the {len(APP_CONFIGS)} converters and detection tables: "
        f"{time.perf_counter() - start:.2f} s (once per process)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="runs per 25k row (median)")
    parser.add_argument("--million-runs", type=int, default=1, help="runs per 1M row")
    args = parser.parse_args(argv)
    warm_up()
    table(25_000, args.runs, ROWS)
    detection(25_000, args.runs)
    million_rows = (
        ("simplified", Target.TRADITIONAL, OPENCC),
        ("simplified", Target.TAIWAN, TW),
        ("taiwan", Target.SIMPLIFIED, TW),
    )
    table(1_000_000, args.million_runs, million_rows)
    gui_stall(1_000_000)
    detection(1_000_000)


if __name__ == "__main__":
    main()
