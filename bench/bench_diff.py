"""How long `luohu diff` takes on two seed-sized reports: the whole process, and in-process.

    uv run python bench/bench_diff.py                  # the seed against its Simplified copy
    uv run python bench/bench_diff.py OLD NEW --runs 30
    uv run python bench/bench_diff.py --large 100      # 17,200 records against 17,200

The whole-process figure runs the console script next to this Python
(`luohu diff OLD NEW --all --format csv > /dev/null`), start-up included, after
one warm-up run. The in-process figures, after one warm-up call, time
`compare.diff` on two reports already read (pairing and rows only), and
`read_report` of both plus `compare.diff` (what a library caller waits for).

`--large COPIES` times `compare.diff` on large inputs instead: the records of
OLD and NEW each repeated COPIES times (each copy further down, as in a corpus
or a budget's tables; 100 copies of the seed are 17,200 records), and the peak
memory the diff allocates (tracemalloc) at a tenth of COPIES and at COPIES, so
that linear growth shows as a ratio near 10.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench import console_script, print_machine, print_times, run_process, time_runs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OLD = ROOT / "seeds" / "luohu-2023.txt"
DEFAULT_NEW = ROOT / "fixtures" / "diff" / "luohu-2023-simplified.txt"


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    old, new = str(args.old), str(args.new)
    print_machine()
    print(f"old:      {old}")
    print(f"new:      {new}")
    print(f"runs:     {args.runs} (after 1 warm-up)")
    print()
    if args.large:
        time_large(old, new, args.large, args.runs)
        return
    command = [str(console_script()), "diff", old, new, "--all", "--format", "csv"]
    print_times("whole process: luohu diff OLD NEW --all --format csv > /dev/null",
                time_runs(lambda: run_process(command), args.runs))
    time_library(old, new, args.runs)


def time_library(old: str, new: str, runs: int) -> None:
    from luohu_cli.compare import diff
    from luohu_cli.pipeline import read_report

    before, after = read_report(old), read_report(new)
    result = diff(before, after)
    print_times(f"in-process: compare.diff on read reports ({len(before.records)} and "
                f"{len(after.records)} records, {len(result.rows)} rows, "
                f"{len(result.differences)} differences)",
                time_runs(lambda: diff(before, after), runs))
    print_times("in-process: read_report of both, then compare.diff",
                time_runs(lambda: diff(read_report(old), read_report(new)), runs))


def copies(report, count: int):
    """The report's records `count` times over, each copy further down the text."""
    from dataclasses import replace

    from luohu_cli.pipeline import Report

    span = max(r.end for r in report.records) + 1
    lines = max(r.line for r in report.records) + 1
    records = tuple(replace(r, line=r.line + k * lines, start=r.start + k * span,
                            end=r.end + k * span)
                    for k in range(count) for r in report.records)
    return Report(report.name, report.sections, records)


def time_large(old: str, new: str, count: int, runs: int) -> None:
    import tracemalloc

    from luohu_cli.compare import diff
    from luohu_cli.pipeline import read_report

    before, after = read_report(old), read_report(new)
    big_old, big_new = copies(before, count), copies(after, count)
    result = diff(big_old, big_new)
    print_times(f"in-process: compare.diff of {count} copies ({len(big_old.records)} and "
                f"{len(big_new.records)} records, {len(result.rows)} rows, "
                f"{len(result.differences)} differences)",
                time_runs(lambda: diff(big_old, big_new), runs))
    peaks = []
    for n in (max(1, count // 10), count):
        a, b = copies(before, n), copies(after, n)
        tracemalloc.start()
        diff(a, b)
        peaks.append((n, len(a.records), tracemalloc.get_traced_memory()[1]))
        tracemalloc.stop()
    for n, records, peak in peaks:
        print(f"peak memory of compare.diff, {n} copies ({records} records each): "
              f"{peak / 2**20:.1f} MiB")
    (n0, r0, p0), (n1, r1, p1) = peaks
    print(f"  {r1 / r0:.1f} times the records: {p1 / p0:.1f} times the memory")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", nargs="?", default=DEFAULT_OLD, type=Path,
                        help="older report (default: the seed)")
    parser.add_argument("new", nargs="?", default=DEFAULT_NEW, type=Path,
                        help="newer report (default: the seed's Simplified copy)")
    parser.add_argument("--runs", type=int, default=15, help="timed runs (default: 15)")
    parser.add_argument("--large", type=int, default=0, metavar="COPIES",
                        help="time compare.diff on COPIES copies of each input's records "
                             "(100: 17,200 records from the seed)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.large < 0:
        parser.error("--large must be positive")
    return args


if __name__ == "__main__":
    sys.exit(main())
