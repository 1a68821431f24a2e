"""Accuracy of `luohu extract` on the seed against its hand-reviewed annotation.

    uv run python bench/accuracy.py

Prints how many annotated indicators were found, how much of what is printed is
an annotated indicator, and per field how many found records agree.
"""
from __future__ import annotations

import csv
from pathlib import Path

from luohu_cli import extract

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("text", "value", "unit", "base_value", "base_unit", "qualifier", "direction",
          "year", "kind", "section_id", "indicator")


def main() -> None:
    lines = (ROOT / "tests/golden/luohu-2023.tsv").read_text(encoding="utf-8").splitlines()
    golden = list(csv.DictReader([x for x in lines if not x.startswith("#")], delimiter="\t"))
    found = {(str(r.line), str(r.start)): r.as_strings()
             for r in extract(ROOT / "seeds/luohu-2023.txt")}
    keys = {(g["line"], g["start"]) for g in golden}
    hits = [g for g in golden if (g["line"], g["start"]) in found]
    print(f"annotated indicators: {len(golden)}")
    print(f"found:                {len(hits)} ({len(hits) / len(golden):.1%})")
    printed_ok = sum(k in keys for k in found)
    print(f"printed:              {len(found)}, of which indicators {printed_ok} "
          f"({printed_ok / len(found):.1%})")
    for field in FIELDS:
        right = sum(str(found[(g["line"], g["start"])][field] or "") == g[field] for g in hits)
        print(f"  {field:<11} {right}/{len(hits)} ({right / len(hits):.1%})")
        if field == "indicator":
            for g in hits:
                got = found[(g["line"], g["start"])]["indicator"]
                if got != g["indicator"]:
                    print(f"    line {g['line']:>3} {g['text']:<10} {got or '(none)'} -> {g['indicator']}")


if __name__ == "__main__":
    main()
