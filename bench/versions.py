"""Two checkouts of luohu, timed side by side in one run (machines drift by 3x
from day to day, so numbers from different runs do not compare).

    git worktree add /tmp/luohu-before <commit> && (cd /tmp/luohu-before && uv sync --locked)
    uv run python bench/versions.py /tmp/luohu-before . [REPORT] [--runs 15]

Each checkout runs its own console script (`CHECKOUT/.venv/bin/luohu extract
REPORT --format csv > /dev/null`), whole process, start-up included; the two
alternate run by run, once where Python may write bytecode (the warm-up writes it)
and once with PYTHONDONTWRITEBYTECODE=1 (common in containers: the project's own
modules are then compiled from source at every start). Median, min and max.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import print_machine  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    p.add_argument("report", nargs="?", type=Path, default=ROOT / "seeds" / "luohu-2023.txt")
    p.add_argument("--runs", type=int, default=15)
    args = p.parse_args(argv)
    print_machine()
    print(f"report:   {args.report}")
    print(f"runs:     {args.runs} each, alternating, after 1 warm-up each\n")
    for label, env in (("bytecode written", {"PYTHONDONTWRITEBYTECODE": None}),
                       ("PYTHONDONTWRITEBYTECODE=1", {"PYTHONDONTWRITEBYTECODE": "1"})):
        times: dict[str, list[float]] = {"before": [], "after": []}
        commands = {name: [str(path.resolve() / ".venv" / "bin" / "luohu"), "extract", str(args.report),
                           "--format", "csv"] for name, path in (("before", args.before), ("after", args.after))}
        for name in times:
            run(commands[name], env)
        for _ in range(args.runs):
            for name in times:
                times[name].append(run(commands[name], env))
        for name, t in times.items():
            print(f"{label:28} {name:7} median {statistics.median(t):.3f} s   "
                  f"min {min(t):.3f}   max {max(t):.3f}   ({getattr(args, name)})")
        print()


def run(command: list[str], extra_env: dict[str, str | None]) -> float:
    env = {k: v for k, v in {**os.environ, **extra_env}.items() if v is not None}
    t0 = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
