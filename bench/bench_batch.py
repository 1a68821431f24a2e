"""How long a batch of many reports takes: luohu_cli.batch with one job and with all cores,
and writing them all into a SQLite database.

    uv run python bench/bench_batch.py                 # 1,000 copies of the seed
    uv run python bench/bench_batch.py --copies 200 --jobs 1 2

The copies are the seed's bytes with a line of their own number added (so each
has its own sha256), in a temporary directory. Each figure is one wall-clock run
of ``run_batch(expand_inputs([DIR]), jobs=N)`` read to the end (workers started,
every report read, decoded, analysed and sent back in order), then
``database.export_database`` of all of them into a new file (including a second
batch run feeding it), then the same export again, which finds every report
unchanged by its sha256, and once more with ``known=known_reports(db)``,
which skips analysing those files at all.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench import print_machine

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    from luohu_cli import batch, database

    print_machine()
    print(f"reports:  {args.copies} copies of {SEED.name} ({SEED.stat().st_size} bytes each)")
    print()
    with tempfile.TemporaryDirectory() as tmp:
        shelf = Path(tmp) / "shelf"
        shelf.mkdir()
        data = SEED.read_bytes()
        for n in range(args.copies):
            (shelf / f"r{n:05d}.txt").write_bytes(data + f"\n{n}\n".encode())
        inputs = batch.expand_inputs([str(shelf)])
        jobs_list = args.jobs or sorted({1, batch.cores()})
        for jobs in jobs_list:
            start = time.perf_counter()
            records = sum(len(item.records) for item in batch.run_batch(inputs, jobs=jobs))
            elapsed = time.perf_counter() - start
            print(f"run_batch, {jobs} job{'s' * (jobs != 1)}: {elapsed:.1f} s "
                  f"({records} records, {elapsed / len(inputs) * 1000:.0f} ms a report)")
        jobs = max(jobs_list)
        db = Path(tmp) / "corpus.sqlite"
        start = time.perf_counter()
        summary = database.export_database(
            db, (s for item in batch.run_batch(inputs, jobs=jobs) for s in item.sources))
        print(f"run_batch ({jobs} jobs) into export_database: {time.perf_counter() - start:.1f} s "
              f"({summary.added} reports added, {db.stat().st_size / 2**20:.1f} MiB)")
        start = time.perf_counter()
        summary = database.export_database(
            db, (s for item in batch.run_batch(inputs, jobs=jobs) for s in item.sources))
        print(f"the same export again: {time.perf_counter() - start:.1f} s "
              f"({summary.unchanged} unchanged)")
        start = time.perf_counter()
        known = database.known_reports(db)
        summary = database.export_database(
            db, (s for item in batch.run_batch(inputs, jobs=jobs, known=known)
                 for s in item.sources))
        print(f"again, unchanged files not analysed (known=known_reports): "
              f"{time.perf_counter() - start:.1f} s ({summary.unchanged} unchanged)")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=1000, help="reports (default: 1000)")
    parser.add_argument("--jobs", type=int, nargs="*", help="jobs to try (default: 1 and the number of cores)")
    args = parser.parse_args(argv)
    if args.copies < 1:
        parser.error("--copies must be at least 1")
    return args


if __name__ == "__main__":
    sys.exit(main())
