"""Accuracy of year, kind, period and section on the hand-annotated layout fixtures.

    uv run python bench/layouts.py

For each report in fixtures/layouts/ (annotated in tests/golden/layouts/): how many
annotated figures are found, how many get year and kind right together, how many
get every time field (year, kind, period) and the section right, and how many
records are printed that the annotation does not hold.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import test_layouts as layouts  # noqa: E402


def main() -> None:
    totals = [0, 0, 0, 0, 0]
    print(f"{'report':26} {'figures':>7} {'found':>6} {'year+kind':>10} {'+period+sec':>12} {'extra':>6}")
    for stem in layouts.STEMS:
        golden = layouts._golden(stem)
        found = yk = every = 0
        for figure in golden:
            record = layouts._match(figure)
            if record is None:
                continue
            found += 1
            ok = [layouts._field(record, f) == getattr(figure, f) for f in ("year", "kind", "period", "section_id")]
            yk += ok[0] and ok[1]
            every += all(ok)
        records = layouts._records(stem)
        extra = sum(not any(layouts._overlaps(r, f) for f in golden if f.line == r.line) for r in records)
        row = [len(golden), found, yk, every, extra]
        totals = [a + b for a, b in zip(totals, row)]
        print(f"{stem:26} {row[0]:7} {row[1]:6} {row[2]:10} {row[3]:12} {row[4]:6}")
    n = totals[0]
    print(f"{'all':26} {totals[0]:7} {totals[1]:6} {totals[2]:10} {totals[3]:12} {totals[4]:6}")
    print(f"year and kind right together: {totals[2] / n:.1%}; every time field and section: {totals[3] / n:.1%}")


if __name__ == "__main__":
    main()
