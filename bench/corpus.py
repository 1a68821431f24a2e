"""Run luohu over every report in a directory and print what an analyst checks first.

    uv run python bench/corpus.py DIR [--records]

Per report: its delivery year, its parts with role, year, kind and period and
the number of figures in each, the figures per year, period and kind, the time
taken, and any failure.  Last, a summary over all reports.  With --records,
also every record as `line  year period kind  indicator  figure`, for reading.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from luohu_cli import read_report
from luohu_cli.errors import LuohuError


def when(year, period: str, kind: str) -> str:
    return f"{period or year or '-'} {kind}"


def main(argv: list[str]) -> int:
    show_records = "--records" in argv
    args = [a for a in argv if not a.startswith("--")]
    if not args:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    folder = Path(args[0])
    files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".text") and p.is_file())
    totals: Counter = Counter()
    failures = 0
    seconds = 0.0
    for path in files:
        t0 = time.perf_counter()
        try:
            report = read_report(path)
        except LuohuError as exc:
            failures += 1
            print(f"{path.name}: FAILED: {exc}\n")
            continue
        took = time.perf_counter() - t0
        seconds += took
        records = report.records
        delivered = report.sections[0].year + 1 if report.sections[0].year else None
        print(f"{path.name}: {len(records)} figures, delivered {delivered or '?'}, {took * 1000:.0f} ms")
        per_section = Counter(r.section_id for r in records)
        for s in report.sections:
            if "." in s.id and s.id.count(".") > 1:
                continue
            own = sum(n for sid, n in per_section.items() if sid == s.id or sid.startswith(s.id + ".")) \
                if s.id else per_section.get("", 0)
            if not s.id and not own:
                continue
            indent = "  " * s.id.count(".")
            title = s.title if len(s.title) <= 36 else s.title[:35] + "…"
            print(f"  {indent}{s.id or '-':6} {s.role:28} {when(s.year, s.period, s.kind):18} {own:4}  {title}")
        frames = Counter(when(r.year, r.period, r.kind) for r in records)
        print("  figures: " + ", ".join(f"{k} {n}" for k, n in sorted(frames.items())))
        if show_records:
            for r in records:
                print(f"    {r.line:4} {when(r.year, r.period, r.kind):18} {r.indicator[:20]:20} {r.text}")
        print()
        totals.update(frames)
        totals["__figures"] += len(records)
    n = totals.pop("__figures", 0)
    print(f"{len(files)} reports, {failures} failed, {n} figures, {seconds:.2f} s in the engine")
    print("by time and kind: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
