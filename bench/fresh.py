"""Start-up as a new user gets it: the README's set-up on a fresh clone, then
the whole process timed, for one commit or two side by side in one run.

    uv run python bench/fresh.py                    # HEAD
    uv run python bench/fresh.py --before 6fc4341   # that commit and HEAD, alternating
    uv run python bench/fresh.py --runs 21 --rev HEAD REPORT

Each commit is cloned into a temporary directory (committed work only) and set
up with the README's first command, `uv run luohu extract seeds/luohu-2023.txt`,
with PYTHONDONTWRITEBYTECODE=1 as container images set it. Then, with the
variable still set, each round runs `luohu extract REPORT --format csv >
/dev/null` in every clone, through `uv run` (as the README writes it) and
through the clone's console script (`.venv/bin/luohu`, the process alone), the
clones alternating; median, min and max. The same rounds follow without the
variable (Python then writes whatever bytecode is missing, so they come last).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import print_machine  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/luohu-2023.txt"


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("report", nargs="?", default=SEED,
                   help="report, relative to the clone or absolute (default: the seed)")
    p.add_argument("--rev", default="HEAD", help="the commit to set up (default: HEAD)")
    p.add_argument("--before", metavar="REV", help="a second commit, timed alongside")
    p.add_argument("--runs", type=int, default=11)
    args = p.parse_args(argv)
    print_machine()
    print(f"report:   {args.report}")
    print(f"runs:     {args.runs} each, alternating\n")
    revs = ([args.before] if args.before else []) + [args.rev]
    with tempfile.TemporaryDirectory(prefix="luohu-fresh-") as tmp:
        clones = {rev: set_up(rev, Path(tmp) / f"clone{n}") for n, rev in enumerate(revs)}
        for label, variable in (("PYTHONDONTWRITEBYTECODE=1", "1"), ("bytecode written", None)):
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            if variable:
                env["PYTHONDONTWRITEBYTECODE"] = variable
            ways = {(rev, way): command for rev, clone in clones.items()
                    for way, command in commands(clone, args.report).items()}
            times: dict[tuple[str, str], list[float]] = {key: [] for key in ways}
            for _ in range(args.runs):
                for key, (command, cwd) in ways.items():
                    times[key].append(timed(command, cwd, env))
            for (rev, way), t in times.items():
                print(f"{label:26} {rev:10} {way:15} median {statistics.median(t):.3f} s   "
                      f"min {min(t):.3f}   max {max(t):.3f}")
            print()


def set_up(rev: str, clone: Path) -> Path:
    """Clone rev and run the README's first command there; say how long it took."""
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "-q", rev], check=True)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("VIRTUAL_ENV", None)
    took = timed(["uv", "run", "luohu", "extract", SEED], clone, env)
    print(f"set-up {rev}: `uv run luohu extract {SEED}` in a fresh clone: {took:.2f} s")
    return clone


def commands(clone: Path, report: str) -> dict[str, tuple[list[str], Path]]:
    tail = ["extract", report, "--format", "csv"]
    return {"uv run luohu": (["uv", "run", "luohu", *tail], clone),
            ".venv/bin/luohu": ([str(clone / ".venv" / "bin" / "luohu"), *tail], clone)}


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    env = {k: v for k, v in env.items() if k != "VIRTUAL_ENV"}
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
