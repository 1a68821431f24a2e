"""How long `luohu panel` takes on a series of 12 seed-sized reports, against extracting them.

    uv run python bench/bench_panel.py                  # 12 reports made from the seed
    uv run python bench/bench_panel.py REPORT... --runs 10

With no reports given, the series is made from the seed in a temporary
directory: twelve copies, one per year (the seed's years shifted to 2012-2023),
each figure with a decimal point nudged by the copy's number, so that the
indicators recur and their values move as in a real shelf of reports.

The whole-process figures run the console script next to this Python, start-up
included, after one warm-up run: `luohu panel REPORT... --format csv > /dev/null`
and, for scale, `luohu extract REPORT... --format csv > /dev/null` on the same
reports (the panel should stay within a few times that). In-process, after one
warm-up call: `panel.build_panel` on the reports already read (pairing, cells,
verdicts), and the wide CSV and the HTML page written from the panel.
"""
from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import tempfile
from pathlib import Path

from bench import console_script, print_machine, print_times, run_process, time_runs

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"
COPIES = 12
SEED_YEAR = 2023
YEAR = re.compile(r"(?<![\d.])(20[0-3]\d)(?=年)")
DECIMAL = re.compile(r"(?<![\d.A-Za-z])(\d+)\.(\d)(?!\d)")  # not PM2.5


def make_series(directory: Path, copies: int = COPIES) -> list[str]:
    """`copies` reports made from the seed, one per year up to SEED_YEAR."""
    text = SEED.read_text(encoding="utf-8")
    paths = []
    for k in range(copies):
        shift = k - (copies - 1)
        year = SEED_YEAR + shift
        copy = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
        copy = DECIMAL.sub(lambda m: f"{m.group(1)}.{(int(m.group(2)) + k) % 10}", copy)
        path = directory / f"luohu-{year}.txt"
        path.write_text(copy, encoding="utf-8")
        paths.append(str(path))
    return paths


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="luohu-panel-") as scratch:
        reports = [str(p) for p in args.reports] or make_series(Path(scratch))
        print_machine()
        print(f"reports:  {len(reports)} ({Path(reports[0]).name} … {Path(reports[-1]).name})")
        print(f"runs:     {args.runs} (after 1 warm-up)")
        print()
        script = str(console_script())
        panel = time_runs(lambda: run_process([script, "panel", *reports, "--format", "csv"]),
                          args.runs)
        print_times("whole process: luohu panel REPORT... --format csv > /dev/null", panel)
        extract = time_runs(lambda: run_process([script, "extract", *reports, "--format", "csv"]),
                            args.runs)
        print_times("whole process: luohu extract REPORT... --format csv > /dev/null", extract)
        print(f"  panel / extract: {statistics.median(panel) / statistics.median(extract):.2f}")
        time_library(reports, args.runs)


def time_library(reports: list[str], runs: int) -> None:
    from luohu_cli.panel import build_panel
    from luohu_cli.panel_render import write_panel
    from luohu_cli.pipeline import read_report

    read = [read_report(name) for name in reports]
    panel = build_panel(read)
    records = sum(len(r.records) for r in read)
    print_times(f"in-process: panel.build_panel on read reports ({records} records -> "
                f"{len(panel.rows)} rows, {len(panel.columns)} columns)",
                time_runs(lambda: build_panel(read), runs))
    for output_format in ("csv", "html"):
        print_times(f"in-process: write_panel {output_format}",
                    time_runs(lambda: write_panel(panel, output_format, io.StringIO()), runs))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", nargs="*", type=Path,
                        help="reports (default: 12 made from the seed)")
    parser.add_argument("--runs", type=int, default=10, help="timed runs (default: 10)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


if __name__ == "__main__":
    sys.exit(main())
