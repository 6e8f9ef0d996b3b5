"""Regenerate reader/core/script_chars.py from the installed OpenCC binding's dictionaries.

Run `python -m tools.gen_script_chars` after upgrading the `opencc` package;
tests/test_script.py fails until the tables match the dictionaries again.

The binding ships its dictionaries compiled (`.ocd2`, a marisa trie) together with
OpenCC's own `opencc_dict` tool, which turns them back into text. The app reads none of
them at run time: detection works from the generated tables alone.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from reader.core.opencc_engine import _load_opencc
from reader.core.script_detect import NOT_REGIONAL_MARKS, REGION, STANDARD

TARGET = Path(__file__).resolve().parent.parent / "reader" / "core" / "script_chars.py"
WIDTH = 60
#: Phrase lines hold spaces, so ruff measures them (single "words" it skips): Chinese
#: characters are two columns wide, and 44 of them stay within the 100-column limit.
PHRASE_WIDTH = 44

Dictionary = dict[str, list[str]]


def _clib() -> Path:
    return Path(str(_load_opencc().__file__)).resolve().parent / "clib"


def dictionary_tool() -> Path | None:
    """OpenCC's `opencc_dict` as shipped in the binding's wheel, if this platform's has it."""
    for name in ("opencc_dict", "opencc_dict.exe"):
        tool = _clib() / "bin" / name
        if tool.is_file():
            return tool
    return None


def read_dictionary(name: str, tool: Path) -> Dictionary:
    """One OpenCC dictionary (e.g. "STCharacters"): key -> candidates, in file order."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.txt"
        source = _clib() / "share" / "opencc" / f"{name}.ocd2"
        subprocess.run(
            [str(tool), "-i", str(source), "-o", str(out), "-f", "ocd2", "-t", "text"],
            check=True,
            capture_output=True,
        )
        text = out.read_text(encoding="utf-8-sig")
    entries: Dictionary = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "\t" not in line:
            continue
        key, rest = line.split("\t", 1)
        candidates = rest.split()
        if candidates:
            entries.setdefault(key, candidates)
    return entries


def _phrase_sides(table: Dictionary) -> tuple[set[str], set[str]]:
    """A regional phrase table's (regional, standard) phrases; phrases on both sides dropped."""
    labels: dict[str, str] = {}
    for key, candidates in table.items():
        local = candidates[0]
        if len(local) >= 2 and len(key) >= 2 and local != key:
            labels[key] = STANDARD if labels.get(key, STANDARD) == STANDARD else "both"
            labels[local] = REGION if labels.get(local, REGION) == REGION else "both"
    region = {k for k, v in labels.items() if v == REGION}
    return region, {k for k, v in labels.items() if v == STANDARD}


def build(tool: Path) -> dict[str, frozenset[str]]:
    """Every table of script_chars.py, by name (see `script_detect.py`)."""
    d = {
        name: read_dictionary(name, tool)
        for name in (
            "TSCharacters",
            "STCharacters",
            "STPhrases",
            "TWVariants",
            "HKVariants",
            "TWPhrases",
            "HKPhrases",
        )
    }
    ts, st, tw, hk = d["TSCharacters"], d["STCharacters"], d["TWVariants"], d["HKVariants"]
    variant_forms = {x for table in (tw, hk) for cands in table.values() for x in cands}
    traditional = {k for k, cands in ts.items() if k not in cands}
    simplified = {k for k, cands in st.items() if k not in cands} - variant_forms

    s2t_output = {x for cands in st.values() for x in cands}
    s2t_output.update(ch for c in d["STPhrases"].values() for ch in c[0])

    def marks(table: Dictionary, other: Dictionary) -> frozenset[str]:
        other_forms = {x for cands in other.values() for x in cands}
        forms = {c[0] for k, c in table.items() if c[0] != k}
        return frozenset(forms - s2t_output - other_forms - set(st) - set(NOT_REGIONAL_MARKS))

    tw_region, tw_standard = _phrase_sides(d["TWPhrases"])
    hk_region, hk_standard = _phrase_sides(d["HKPhrases"])
    return {
        "TRADITIONAL_ONLY": frozenset(traditional - simplified),
        "SIMPLIFIED_ONLY": frozenset(simplified - traditional),
        "TAIWAN_CHARS": marks(tw, hk),
        "HONGKONG_CHARS": marks(hk, tw),
        "TAIWAN_PHRASES": frozenset(tw_region),
        "TAIWAN_STANDARD": frozenset(tw_standard),
        "HONGKONG_PHRASES": frozenset(hk_region),
        "HONGKONG_STANDARD": frozenset(hk_standard),
    }


#: Tables of phrases are written space-separated (no OpenCC phrase holds a space).
PHRASE_TABLES = ("TAIWAN_PHRASES", "TAIWAN_STANDARD", "HONGKONG_PHRASES", "HONGKONG_STANDARD")

_COMMENTS = {
    "TRADITIONAL_ONLY": "Characters only Traditional text writes (們 這 個).",
    "SIMPLIFIED_ONLY": "Characters only Simplified text writes (们 这 个).",
    "TAIWAN_CHARS": "Forms only Taiwan's variant table produces (裡 麵 汙).",
    "HONGKONG_CHARS": "Forms only Hong Kong's variant table produces (衞 説 閲).",
    "TAIWAN_PHRASES": "Taiwan's words from TWPhrases (軟體 資訊), space-separated.",
    "TAIWAN_STANDARD": "The words TWPhrases replaces (軟件 信息), space-separated.",
    "HONGKONG_PHRASES": "Hong Kong's words from HKPhrases, space-separated.",
    "HONGKONG_STANDARD": "The words HKPhrases replaces, space-separated.",
}


def _literal(name: str, items: frozenset[str]) -> str:
    if name in PHRASE_TABLES:
        words = sorted(items)
        lines, line = [], ""
        for word in words:
            if line and len(line) + 1 + len(word) > PHRASE_WIDTH:
                lines.append(line + " ")
                line = word
            else:
                line = f"{line} {word}" if line else word
        if line:
            lines.append(line)
    else:
        text = "".join(sorted(items))
        lines = [text[i : i + WIDTH] for i in range(0, len(text), WIDTH)]
    if len(lines) <= 1:  # as ruff format writes it
        return f'#: {_COMMENTS[name]}\n{name} = "{"".join(lines)}"\n'
    body = "\n".join(f'    "{ln}"' for ln in lines)
    return f"#: {_COMMENTS[name]}\n{name} = (\n{body}\n)\n"


def render(tables: Mapping[str, frozenset[str]]) -> str:
    """The text of script_chars.py for `tables`."""
    header = (
        '"""Detection tables generated from OpenCC\'s dictionaries: script and regional forms.\n\n'
        "Generated by tools/gen_script_chars.py (see `script_detect.py` for how they are made);\n"
        "kept as data so detection reads no dictionary at run time. tests/test_script.py checks\n"
        'them against the installed OpenCC binding\'s dictionaries.\n"""\n'
    )
    return header + "".join("\n" + _literal(name, items) for name, items in tables.items())


def main() -> int:
    tool = dictionary_tool()
    if tool is None:
        print("this platform's opencc wheel ships no opencc_dict tool", file=sys.stderr)
        return 2
    tables = build(tool)
    TARGET.write_text(render(tables), encoding="utf-8")
    sizes = ", ".join(f"{name} {len(items)}" for name, items in tables.items())
    print(f"wrote {TARGET} ({sizes})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
