"""How long `luohu diff` takes on two seed-sized reports: the whole process, and in-process.

    uv run python bench/bench_diff.py                  # the seed against its Simplified copy
    uv run python bench/bench_diff.py OLD NEW --runs 30

The whole-process figure runs the console script next to this Python
(`luohu diff OLD NEW --all --format csv > /dev/null`), start-up included, after
one warm-up run. The in-process figures, after one warm-up call, time
`compare.diff` on two reports already read (pairing and rows only), and
`read_report` of both plus `compare.diff` (what a library caller waits for).
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


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", nargs="?", default=DEFAULT_OLD, type=Path,
                        help="older report (default: the seed)")
    parser.add_argument("new", nargs="?", default=DEFAULT_NEW, type=Path,
                        help="newer report (default: the seed's Simplified copy)")
    parser.add_argument("--runs", type=int, default=15, help="timed runs (default: 15)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


if __name__ == "__main__":
    sys.exit(main())
