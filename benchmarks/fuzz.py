"""The long fuzz run: random and damaged pages through `load_article` and the conversion.

Run with `python -m benchmarks.fuzz [--count N] [--seed S]` (default 10,000 inputs). Each
input is written to a temporary file and loaded; an Article is then converted to a random
script target. The run counts outcomes and fails (exit 1) on any exception other than the
project's own `ReaderError`, or on any input that takes longer than --limit seconds.

Inputs, in turn: random bytes; tag soup in every encoding the loader handles (UTF-8 with
and without BOM, UTF-16 LE/BE, GB18030, Big5); MHTML wrappers with quoted-printable and
base64 parts; text dumps; mutations of the bundled samples and fixture pages (and of the
shared corpus when present): truncation, bit flips, byte insertion and deletion; and deep
nesting.
"""

from __future__ import annotations

import argparse
import base64
import quopri
import random
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "河岸",
    "清晨",
    "他說：「好。」",
    "上一篇",
    "|關鍵詞|",
    "&amp;",
    "&#x4e2d;",
    "𠮷",
    "。",
    "\u3000",
)
TAGS = ("div", "p", "span", "a", "li", "ul", "table", "td", "h2", "b", "nav", "br", "img", "script")
ATTRS = (
    "",
    ' style="display:none"',
    ' class="nav"',
    " hidden",
    ' aria-hidden="true"',
    ' src="x.png"',
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-be", "gb18030", "big5")


class _TimeoutError(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _TimeoutError


def tag_soup(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 200)):
        r = rng.random()
        if r < 0.35:
            parts.append(f"<{rng.choice(TAGS)}{rng.choice(ATTRS)}>")
        elif r < 0.6:
            parts.append(f"</{rng.choice(TAGS)}>")
        else:
            parts.append(rng.choice(WORDS) * rng.randint(1, 30))
    return "<html><body>" + "".join(parts)


def encode(text: str, rng: random.Random) -> bytes:
    return text.encode(rng.choice(ENCODINGS), errors="replace")


def mhtml(html: str, rng: random.Random) -> bytes:
    body = html.encode("utf-8", errors="replace")
    if rng.random() < 0.5:
        payload, cte = quopri.encodestring(body), b"quoted-printable"
    else:
        payload, cte = base64.encodebytes(body), b"base64"
    return (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
        b"Content-Type: text/html\r\nContent-Transfer-Encoding: " + cte + b"\r\n"
        b"Content-Location: https://fuzz.example/a.html\r\n\r\n" + payload + b"\r\n--B--\r\n"
    )


def mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        if not buf:
            break
        pos = rng.randrange(len(buf))
        op = rng.random()
        if op < 0.3:
            buf[pos] ^= 1 << rng.randrange(8)
        elif op < 0.45:
            del buf[pos:]
        elif op < 0.7:
            buf[pos:pos] = rng.randbytes(rng.randint(1, 32))
        else:
            del buf[pos : pos + rng.randint(1, 200)]
    return bytes(buf)


def seeds() -> list[bytes]:
    files = [*ROOT.glob("resources/samples/*/page.*"), *ROOT.glob("tests/pages/*.*")]
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        files += sorted(corpus.glob("*/source.html"))[:40]
    return [f.read_bytes() for f in files if f.suffix not in (".md", ".json")]


def make_input(i: int, rng: random.Random, pool: list[bytes]) -> tuple[str, bytes, str]:
    kind = i % 7
    if kind == 0:
        return "random bytes", rng.randbytes(rng.randint(0, 8192)), rng.choice((".html", ".txt"))
    if kind == 1:
        return "tag soup", encode(tag_soup(rng), rng), ".html"
    if kind == 2:
        return "mhtml", mhtml(tag_soup(rng), rng), ".mhtml"
    if kind == 3:
        lines = [rng.choice(WORDS) * rng.randint(1, 40) for _ in range(rng.randint(0, 80))]
        return "text dump", encode("\n".join(lines), rng), ".txt"
    if kind == 4:
        depth = rng.choice((300, 5000, 100_000))
        return "deep nesting", ("<div>" * depth + "深" + "</div>" * depth).encode(), ".html"
    if kind == 5:
        data = rng.choice(pool)
        return "truncated page", data[: rng.randrange(len(data) + 1)], ".html"
    return "mutated page", mutate(rng.choice(pool), rng), rng.choice((".html", ".mhtml", ".txt"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=20261127)
    ap.add_argument("--limit", type=float, default=5.0, help="seconds allowed per input")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from reader.core import ReaderError, load_article  # noqa: PLC0415
    from reader.core.article import Target  # noqa: PLC0415
    from reader.core.script import convert  # noqa: PLC0415

    rng = random.Random(args.seed)
    pool = seeds()
    outcomes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    failures: list[str] = []
    slowest = 0.0
    signal.signal(signal.SIGALRM, _alarm)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.count):
            kind, data, suffix = make_input(i, rng, pool)
            kinds[kind] += 1
            path = Path(tmp) / f"in{suffix}"
            path.write_bytes(data)
            target = rng.choice(list(Target))
            t0 = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, args.limit)
            try:
                convert(load_article(path), target)
                outcomes["article"] += 1
            except ReaderError:
                outcomes["ReaderError"] += 1
            except _TimeoutError:
                outcomes["timeout"] += 1
                failures.append(f"#{i} {kind}: over {args.limit} s")
            except Exception:
                outcomes["crash"] += 1
                failures.append(f"#{i} {kind}: {traceback.format_exc(limit=-4)}")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            slowest = max(slowest, time.perf_counter() - t0)
            if path.read_bytes() != data:
                failures.append(f"#{i} {kind}: the input file changed")
    elapsed = time.perf_counter() - started
    print(f"{'inputs':24s} {args.count:>10d}")
    for kind, n in sorted(kinds.items()):
        print(f"{'  ' + kind:24s} {n:>10d}")
    for outcome in ("article", "ReaderError", "crash", "timeout"):
        print(f"{outcome:24s} {outcomes[outcome]:>10d}")
    print(f"{'slowest input (s)':24s} {slowest:>10.2f}")
    print(f"{'total (s)':24s} {elapsed:>10.1f}")
    for f in failures[:20]:
        print(f)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
