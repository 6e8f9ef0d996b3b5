"""Every speed and memory figure in one table: `python -m benchmarks [--quick]`.

Gathers, in one run:

* start-up to the article painted, against a bare PySide6 window painting the same text;
* extraction on ../shared/corpus (when present) through the corpus tool, with
  trafilatura and readability-lxml beside it when they are installed;
* script conversion of a 25,000-character article per target and of 1,000,000
  characters, against OpenCC's binding (the `opencc` package) called directly;
* script and theme switch latency in the window;
* speaker finding on a 25,000-character article (first call in a fresh process, then the
  median; target: ready within 300 ms of opening);
* the window's longest stall while a 10 MB page opens (loading, then showing) and while
  its script is switched;
* time and peak memory for generated 10 MB and 50 MB pages;
* the library: indexing rate, index size, search latency at 10,000 articles and the
  library window's start-up (`bench_library`).

The README's table is this command's output. --quick runs fewer repetitions (a smoke run,
not figures to publish).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import bench_extract, bench_library, bench_script, bench_speakers, bench_startup
from reader.core.article import Target

ROOT = Path(__file__).resolve().parent.parent
CORPUS_TOOL = ROOT.parent / "shared" / "tools" / "corpus_eval.py"

Row = tuple[str, str]


def _section(title: str) -> list[Row]:
    return [(f"**{title}**", "")]


def startup(runs: int) -> list[Row]:
    floor, ours = bench_startup.bench_startup(runs)
    return [
        *_section("Start-up to the article painted (median)"),
        ("bare PySide6 window (floor)", f"{floor * 1000:.0f} ms"),
        ("Qingdu", f"{ours * 1000:.0f} ms"),
        ("ratio (target ≤ 1.5)", f"{ours / floor:.2f}"),
    ]


def corpus(repeat: int) -> list[Row]:
    rows = _section("Extraction on the shared corpus")
    if not CORPUS_TOOL.is_file():
        return [*rows, ("corpus", "absent (../shared not found)")]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "corpus.json"
        subprocess.run(
            [
                sys.executable,
                str(CORPUS_TOOL),
                str(ROOT),
                "--repeat",
                str(repeat),
                "--show",
                "0",
                "--json",
                str(out),
            ],
            check=False,
            capture_output=True,
        )
        if not out.is_file():
            return [*rows, ("corpus", "the corpus tool failed")]
        results = json.loads(out.read_text(encoding="utf-8"))
    ours = results["ours"]
    rows += [
        ("pages", f"{len(ours['pages'])}"),
        ("Qingdu: mean F1 · pages/s", f"{ours['f1']:.3f} · {ours['pages_per_s']:.1f}"),
    ]
    peers = {name: r for name, r in results.items() if name != "ours"}
    for name, r in peers.items():
        rows.append((f"{name}: mean F1 · pages/s", f"{r['f1']:.3f} · {r['pages_per_s']:.1f}"))
    if peers:
        fastest = max(r["pages_per_s"] for r in peers.values())
        rows.append(("speed ratio vs the faster peer", f"{ours['pages_per_s'] / fastest:.2f}"))
    else:
        rows.append(("peers", "trafilatura / readability-lxml not installed"))
    return rows


def conversion(runs: int) -> list[Row]:
    rows = _section("Script conversion (median; the opencc binding direct in brackets)")
    for r in bench_script.measure(25_000, runs, bench_script.ROWS):
        rows.append(
            (
                f"25k chars {r.source} → {r.target} ({r.configs})",
                f"{r.ours_ms:.1f} ms ({r.opencc_ms:.1f} ms) ×{r.ratio:.2f}",
            )
        )
    _script_ms, variant_ms, _n = bench_script.detection_ms(25_000, runs)
    rows.append(
        ("25k chars: regional variant of a Traditional article (once)", f"{variant_ms:.1f} ms")
    )
    million = (
        ("simplified", Target.TRADITIONAL, bench_script.OPENCC),
        ("taiwan", Target.SIMPLIFIED, bench_script.TW),
    )
    for r in bench_script.measure(1_000_000, 1, million):
        rows.append(
            (
                f"1M chars {r.source} → {r.target} ({r.configs})",
                f"{r.ours_ms / 1000:.2f} s ({r.opencc_ms / 1000:.2f} s)",
            )
        )
    return rows


def _in_child(module: str, function: str, *args: int) -> dict[str, float]:
    """`module.function(*args)` ({name: seconds}) run in a child process, so this process
    never holds a QApplication (start-up runs next to it)."""
    call = f"{function}({', '.join(map(str, args))})"
    code = f"import json; from {module} import {function}; print(json.dumps({call}))"
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    results: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return results


def _ms_rows(title: str, results: dict[str, float]) -> list[Row]:
    return [*_section(title), *((name, f"{s * 1000:.0f} ms") for name, s in results.items())]


def switching(runs: int) -> list[Row]:
    results = _in_child("benchmarks.bench_startup", "bench_switch", runs)
    return _ms_rows("Switching on a 25,000-character article (action to repaint, median)", results)


def responsiveness() -> list[Row]:
    results = _in_child("benchmarks.bench_responsive", "bench_open")
    title = (
        "Opening a 10 MB page, then switching its script: "
        "the event loop's longest stall (target ≤ 100 ms)"
    )
    return _ms_rows(title, results)


def speakers(runs: int) -> list[Row]:
    first, median, chars, found = bench_speakers.measure_fresh(runs)
    return [
        *_section(f"Speaker finding on a {chars:,}-character article ({found} speakers)"),
        ("first call in a fresh process (target ≤ 300 ms)", f"{first * 1000:.0f} ms"),
        ("later calls (median)", f"{median * 1000:.0f} ms"),
    ]


def big_pages() -> list[Row]:
    rows = _section("Big pages (fresh process each): time · peak memory · outcome")
    for label in bench_extract.BIG_PAGES:
        r = bench_extract.measure_big(label)
        outcome = "refused (tag limit)" if r["outcome"].startswith("refused") else r["outcome"]
        rows.append((label, f"{r['seconds']:.1f} s · {r['peak_mib']:.0f} MiB · {outcome}"))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (smoke run)")
    args = ap.parse_args(argv)
    runs = 3 if args.quick else 7
    rows: list[Row] = []
    rows += startup(5 if args.quick else 15)
    rows += corpus(1 if args.quick else 3)
    rows += conversion(runs)
    rows += switching(3 if args.quick else 7)
    rows += speakers(runs)
    rows += responsiveness()
    rows += big_pages()
    rows += bench_library.rows(args.quick)
    cpu = os.cpu_count()
    print(
        f"Machine: {platform.machine()}, {cpu} cores, Python {platform.python_version()}, "
        f"{platform.system()}"
    )
    print()
    print("| measure | result |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
