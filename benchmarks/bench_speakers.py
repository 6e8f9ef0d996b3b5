"""Speaker finding on a 25,000-character article: `python -m benchmarks.bench_speakers`.

The article is generated from the benchmark's own sentence patterns with fictional people
(names drawn from common surnames and given-name characters): reported speech after role
words, fillers between a name and its verb, quote colons, pronouns and short forms, in
about the density of a long news feature. Measured are the first call in a fresh process
(patterns compiled on first use) and the median of later calls; the target is that
speakers are ready within 300 ms of opening the article.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

from reader.core.article import Block, BlockType

ROOT = Path(__file__).resolve().parent.parent

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾"
_GIVEN = "建国明华文静丽娟伟强军平志勇秀英海波晓红宇辰思远佳怡子涵浩然"
_ROLES = ("主任", "教授", "分析师", "副市长", "研究员", "总经理", "村民", "工程师")
_PATTERNS = (
    "{org}{role}{name}表示，今年的项目进展顺利，预计年底前完成第一期工程的验收工作。",
    "“我们一直在等这一天。”{name}笑着说，过去三年里团队几乎没有休息过一个周末。",
    "{role}{name}此前在接受采访时指出，成本上升已经压缩了中小企业的利润空间。",
    "{name}则认为，真正的难点在于人才，而不是资金或者设备。",
    "在{name}看来，这次调整给了行业一个重新思考的机会。",
    "他补充说，相关部门已经着手制定新的规则，并会在下个月公开征求意见。",
    "{org}{role}{name}信心满满：“今年不仅要扩大产能，还要开拓新的市场。”",
    "据{name}介绍，这个小镇去年接待游客超过二十万人次，比前年增长了三成。",
    "这条街上的店铺大多开了二十年以上，街坊们对每一家都很熟悉，周末尤其热闹。",
    "河边新修的步道全长四公里，沿途种了银杏和樱花，傍晚散步的人络绎不绝。",
)
_ORGS = ("市交通局", "东湖科技公司", "南山大学", "青川县", "北岸研究院")


def make_blocks(chars: int = 25_000, seed: int = 3) -> list[Block]:
    """About `chars` characters of generated paragraphs of fictional reporting."""
    rng = random.Random(seed)
    people = [
        rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))
        for _ in range(40)
    ]
    blocks: list[Block] = []
    total = 0
    while total < chars:
        sentences = [
            rng.choice(_PATTERNS).format(
                name=rng.choice(people), role=rng.choice(_ROLES), org=rng.choice(_ORGS)
            )
            for _ in range(rng.randint(2, 5))
        ]
        text = "".join(sentences)
        blocks.append(Block(BlockType.PARAGRAPH, text))
        total += len(text)
    return blocks


def measure(runs: int = 7) -> tuple[float, float, int, int]:
    """(first call s, median later call s, characters, speakers found), in this process."""
    from reader.core.speakers import find_speakers  # noqa: PLC0415 - timed from import on

    blocks = make_blocks()
    chars = sum(len(b.text) for b in blocks)
    t0 = time.perf_counter()
    found = find_speakers(blocks, None)
    first = time.perf_counter() - t0
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        find_speakers(blocks, None)
        times.append(time.perf_counter() - t0)
    return first, sorted(times)[len(times) // 2], chars, len(found)


def measure_fresh(runs: int = 7) -> tuple[float, float, int, int]:
    """`measure` in a fresh interpreter, so the first call pays for compiling."""
    code = (
        "import json; from benchmarks.bench_speakers import measure; "
        f"print(json.dumps(measure({runs})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    first, median, chars, found = (float(x) for x in out.stdout.strip()[1:-1].split(","))
    return first, median, int(chars), int(found)


def main() -> None:
    first, median, chars, found = measure_fresh()
    print(f"speakers on {chars} characters: first call {first * 1000:.0f} ms, ", end="")
    print(f"then {median * 1000:.0f} ms (median); {found} speakers")


if __name__ == "__main__":
    main()
