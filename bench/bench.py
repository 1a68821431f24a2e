"""How long luohu takes on a report: the whole process, and the engine alone.

    uv run python bench/bench.py                      # the seed, 15 runs
    uv run python bench/bench.py REPORT --runs 30

The whole-process figure runs the console script next to this Python
(`luohu extract REPORT --format csv > /dev/null`) as a user would, start-up
included, after one warm-up run: once with Python free to write bytecode and
once with PYTHONDONTWRITEBYTECODE=1 (as container images often set it), and
`luohu --help` likewise. Before them it says how much of the package and of
its dependencies has up-to-date bytecode to read: what decides the second
figure. The in-process figure times
`luohu_cli.extract_text` on the already decoded text after one warm-up call,
so it leaves out interpreter start-up, imports and building the tokenizer.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORT = ROOT / "seeds" / "luohu-2023.txt"


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    report = str(args.report)
    print_machine()
    print(f"report:   {report}")
    print(f"runs:     {args.runs} (after 1 warm-up)")
    print()
    print_bytecode()
    print()
    command = [str(console_script()), "extract", report, "--format", "csv"]
    helping = [str(console_script()), "--help"]
    for label, env in (("", without_bytecode_variable()),
                       (" with PYTHONDONTWRITEBYTECODE=1",
                        {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})):
        times = time_runs(lambda: run_process(command, env), args.runs)
        print_times(f"whole process{label}: luohu extract REPORT --format csv > /dev/null",
                    times)
        print_times(f"whole process{label}: luohu --help",
                    time_runs(lambda: run_process(helping, env), args.runs))
    first, times, count = time_engine(report, args.runs)
    print(f"in-process: first extract_text call (builds the tokenizer): {first:.3f} s")
    print_times(f"in-process: extract_text on the decoded text ({count} records)", times)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", nargs="?", default=DEFAULT_REPORT, type=Path,
                        help="report file to extract (default: the seed)")
    parser.add_argument("--runs", type=int, default=15, help="timed runs (default: 15)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def console_script() -> Path:
    """The `luohu` executable installed next to the running Python."""
    name = "luohu.exe" if os.name == "nt" else "luohu"
    return Path(sys.executable).parent / name


def without_bytecode_variable() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_process(command: list[str], env: dict[str, str] | None = None) -> None:
    """Run command with stdout thrown away; fail loudly if it fails."""
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed ({done.returncode}): "
                 f"{done.stderr.decode('utf-8', 'replace').strip()}")


def time_runs(action: Callable[[], object], runs: int) -> list[float]:
    """Wall seconds of each of `runs` calls of action, after one untimed warm-up."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def time_engine(report: str, runs: int) -> tuple[float, list[float], int]:
    """First-call seconds, per-run seconds and record count of extract_text."""
    from luohu_cli.decode import read_source
    from luohu_cli.pipeline import extract_text

    text = read_source(report)
    start = time.perf_counter()
    records = extract_text(text, report)
    first = time.perf_counter() - start
    times = time_runs(lambda: extract_text(text, report), runs)
    return first, times, len(records)


def bytecode_counts(directory: Path) -> tuple[int, int]:
    """(modules with up-to-date bytecode, modules) under a directory."""
    import importlib.util

    fresh = total = 0
    for source in directory.rglob("*.py"):
        total += 1
        try:
            cached = Path(importlib.util.cache_from_source(str(source)))
            if cached.stat().st_mtime >= source.stat().st_mtime:
                fresh += 1
        except (OSError, NotImplementedError, ValueError):
            pass
    return fresh, total


def print_bytecode() -> None:
    """How much bytecode a run can read instead of compiling."""
    import luohu_cli
    import sysconfig

    package = Path(luohu_cli.__file__).parent
    fresh, total = bytecode_counts(package)
    print(f"bytecode: package {fresh} of {total} modules compiled ({package})")
    purelib = Path(sysconfig.get_paths()["purelib"])
    fresh, total = bytecode_counts(purelib)
    print(f"bytecode: environment {fresh} of {total} modules compiled ({purelib})")


def print_times(label: str, times: list[float]) -> None:
    print(label)
    print(f"  median {statistics.median(times):.3f} s   "
          f"min {min(times):.3f} s   max {max(times):.3f} s")


def print_machine() -> None:
    print(f"machine:  {platform.platform()}")
    print(f"cpu:      {cpu_model()} ({os.cpu_count()} cores)")
    print(f"python:   {platform.python_implementation()} {platform.python_version()}")


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, or what platform knows elsewhere."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.lower().startswith(("model name", "hardware", "cpu model")):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


if __name__ == "__main__":
    main()
