"""Extraction speed and memory: the corpus, and generated 10 MB and 50 MB pages.

Run with `python -m benchmarks.bench_extract [--repeat N] [--no-big]`. Prints one table:

* corpus: pages per second of `load_article` (read + decode + clean + extract, best of
  --repeat passes per page) over `../shared/corpus` when it is present, with the mean
  token F1 against the corpus ground truth;
* generated big pages: 10 MB and 50 MB of dense HTML (a long article inside heavy chrome:
  menus, a hot list, a hidden span and a watermark on every paragraph; the 50 MB one is
  over the loader's tag limit and is refused), a 50 MB text dump, and a 50 MB page whose
  bulk is inline pictures: seconds to the Article (or the refusal) and the peak resident
  memory of a fresh process that does only that.

Peak memory is measured in a child process (`--one PATH`), which reports its own
`ru_maxrss`, so the numbers of one page never include another's.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

PROSE = (
    "清晨的渡口已經排起了長隊，賣豆漿的攤販一邊吆喝一邊找零。",
    "鎮圖書館的館長周以寧說，今年借閱量最高的是一本講述山區鐵路的小說。",
    "颱風過境後，後山的果園損失不大，但通往水庫的公路被沖出了幾道裂縫。",
    "工程隊的負責人表示，修復工作將在下週完成，屆時公車也會恢復行駛。",
    "退休的語文老師在社區開了書法班，每週六上午免費教孩子們寫毛筆字。",
    "夜市裡最受歡迎的攤位賣的是烤地瓜和桂花糖藕，隊伍常常排到街角。",
)


def generated_page(size: int) -> bytes:
    """A saved page of about `size` bytes: one long article in heavy chrome."""
    nav = "".join(f'<li><a href="/c/{i}">欄目{i}</a></li>' for i in range(40))
    hot = "".join(f'<li><a href="/h/{i}">熱門文章標題第{i}號</a></li>' for i in range(60))
    mark = "xQ某某資訊網——每天多懂一點WWW.MARK.EXAMPLE"
    head = (
        '<html><head><meta charset="utf-8"><title>長文測試 - 某某網</title></head><body>'
        f'<div class="nav"><ul>{nav}</ul></div><div class="sidebar"><ul>{hot}</ul></div>'
        "<article><h1>長文測試</h1>"
    )
    tail = "</article><footer>版權所有 某某網</footer></body></html>"
    parts = [head]
    total = len(head.encode()) + len(tail.encode())
    i = 0
    while total < size:
        p = (
            f'<p>{PROSE[i % len(PROSE)]}第{i}段。<span style="display:none">亂碼{i}</span>'
            f"{mark}</p>\n"
        )
        parts.append(p)
        total += len(p.encode())
        i += 1
    parts.append(tail)
    return "".join(parts).encode("utf-8")


def generated_text(size: int) -> bytes:
    """A plain-text dump of about `size` bytes: a watermark on every paragraph."""
    mark = "xQ某某資訊網——每天多懂一點WWW.MARK.EXAMPLE"
    lines = ["長文測試", "2024-01-01 08:00 來源：某某網"]
    total, i = 0, 0
    while total < size:
        line = f"{PROSE[i % len(PROSE)]}第{i}段。{mark}"
        lines.append(line)
        total += len(line.encode()) + 1
        i += 1
    return "\n".join(lines).encode("utf-8")


def generated_single_file(size: int) -> bytes:
    """A "SingleFile" HTML page of about `size` bytes: a short article whose pictures are
    inlined as data: URIs (the usual reason a real saved page is tens of megabytes)."""
    article = "".join(f"<p>{p}</p>" for p in PROSE * 5)
    picture = "data:image/png;base64," + "iVBORw0KGgo" * ((size // 20) // 11)
    images = "".join(f'<img src="{picture}" alt="第{i}張圖">' for i in range(20))
    return (
        f'<html><head><meta charset="utf-8"><title>圖多的文章</title></head>'
        f"<body><article><h1>圖多的文章</h1>{article}{images}</article></body></html>"
    ).encode()


def _one(path: str) -> None:
    """Child process: load one page, print seconds and peak RSS as JSON."""
    sys.path.insert(0, str(ROOT))
    from reader.cli import paused_gc  # noqa: PLC0415
    from reader.core import ReaderError, load_article  # noqa: PLC0415

    t0 = time.perf_counter()
    try:
        with paused_gc():  # as the CLI's --dump loads a page (see paused_gc)
            article = load_article(path)
        outcome = f"{len(article.blocks)} blocks"
    except ReaderError as exc:
        outcome = f"refused: {exc}"
    seconds = time.perf_counter() - t0
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024, "outcome": outcome}))


#: The big inputs: label -> (file name, generator). Dense HTML is the worst case per byte.
BIG_PAGES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "10 MB dense HTML": ("dense10.html", lambda: generated_page(10 << 20)),
    "50 MB dense HTML": ("dense50.html", lambda: generated_page(50 << 20)),
    "50 MB text dump": ("dump50.txt", lambda: generated_text(50 << 20)),
    "50 MB HTML with inline pictures": ("pictures50.html", lambda: generated_single_file(50 << 20)),
}


def measure_big(label: str) -> dict[str, Any]:
    name, make = BIG_PAGES[label]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(make())
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_extract", "--one", str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def measure_corpus(repeat: int) -> dict[str, float] | None:
    if not (CORPUS / "score.py").is_file():
        return None
    from reader.cli import paused_gc  # noqa: PLC0415
    from reader.core import BlockType, ReaderError, load_article  # noqa: PLC0415

    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    pages = sorted(p for p in CORPUS.iterdir() if (p / "source.html").is_file())
    best: dict[str, float] = {}
    f1: dict[str, float] = {}
    for _ in range(repeat):
        for page in pages:
            t0 = time.perf_counter()
            try:
                with paused_gc():  # as the CLI's --dump loads a page (see paused_gc)
                    article = load_article(page / "source.html")
                text = "\n\n".join(b.text for b in article.blocks if b.type is not BlockType.IMAGE)
            except ReaderError:
                text = ""
            dt = time.perf_counter() - t0
            best[page.name] = min(dt, best.get(page.name, dt))
            gold = (page / "expected.txt").read_text(encoding="utf-8")
            bags = scorer.bag(scorer.tokenize(gold)), scorer.bag(scorer.tokenize(text))
            f1[page.name] = scorer.prf(*bags)[2]
    return {
        "pages": len(pages),
        "pages_per_s": len(pages) / sum(best.values()),
        "median_ms": statistics.median(best.values()) * 1000,
        "f1": statistics.mean(f1.values()),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="passes over the corpus (best kept)")
    ap.add_argument("--no-big", action="store_true", help="skip the 10 MB and 50 MB pages")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        _one(args.one)
        return 0
    print(f"{'measure':34s} {'result':>30s}")
    print("-" * 65)
    corpus = measure_corpus(args.repeat)
    if corpus is None:
        print(f"{'corpus':34s} {'(../shared/corpus absent)':>30s}")
    else:
        print(f"{'corpus pages':34s} {corpus['pages']:>30.0f}")
        print(f"{'corpus pages/s (load_article)':34s} {corpus['pages_per_s']:>30.1f}")
        print(f"{'corpus median ms/page':34s} {corpus['median_ms']:>30.1f}")
        print(f"{'corpus mean F1':34s} {corpus['f1']:>30.3f}")
    if not args.no_big:
        for label in BIG_PAGES:
            r = measure_big(label)
            print(f"{label}: {r['seconds']:.2f} s, peak {r['peak_mib']:.0f} MiB, {r['outcome']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
