"""Batches (luohu_cli.batch): which files count, checks before the work, order, parallel
runs identical to serial ones, bad files among good ones, fail fast, progress."""
from __future__ import annotations

import io
import json
import logging
import os
import sys
from pathlib import Path

import pytest

from luohu_cli import batch
from luohu_cli.batch import (REPORT_SUFFIXES, Input, default_jobs, expand_inputs, problems,
                             run_batch)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luohu-2023.txt"
TEXTS = [
    "政府工作报告\n一、2022年工作回顾\n全年地区生产总值{n}亿元、增长3.4%。\n新增企业{n}家。\n",
    "政府工作报告\n一、2023年工作安排\n社会消费品零售总额增长{n}%左右。\n",
]


def make_reports(directory: Path, count: int) -> list[str]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = directory / f"r{n:03d}.txt"
        path.write_text(TEXTS[n % 2].format(n=100 + n), encoding="utf-8")
        paths.append(str(path))
    return paths


def snapshot(items) -> list:
    """Everything an item carries that output depends on."""
    return [(item.index, item.path, item.error,
             [(s.name, s.sha256, s.encoding, s.year, s.title, s.report) for s in item.sources],
             item.messages) for item in items]


# --- Which files count ------------------------------------------------------------------------


@pytest.fixture
def shelf(tmp_path) -> Path:
    root = tmp_path / "shelf"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    for name in ("b.txt", "a.TXT", "c.html", "d.htm", "e.text", ".hidden.txt", "notes.jsonl",
                 "table.csv", "readme.md", "sub/s.txt", "sub/deeper/t.txt", ".git/x.txt"):
        (root / name).write_text("政府工作报告\n", encoding="utf-8")
    if os.name == "posix":
        (root / "sub" / "loop").symlink_to(root)  # a link back up: visited once
    return root


def names(inputs: list[Input], root: Path) -> list[str]:
    return [os.path.relpath(i.path, root) for i in inputs]


def test_a_directory_stands_for_its_report_files_in_name_order(shelf):
    inputs = expand_inputs([str(shelf)])
    assert names(inputs, shelf) == ["a.TXT", "b.txt", "c.html", "d.htm", "e.text"]
    assert problems(inputs) == []
    assert REPORT_SUFFIXES == (".txt", ".text", ".htm", ".html")


def test_recursive_reads_subdirectories_once_hidden_ones_skipped(shelf):
    inputs = expand_inputs([str(shelf)], recursive=True)
    assert names(inputs, shelf) == ["a.TXT", "b.txt", "c.html", "d.htm", "e.text",
                                    "sub/s.txt", "sub/deeper/t.txt"]


def test_named_files_count_whatever_their_extension(shelf):
    inputs = expand_inputs([str(shelf / "notes.jsonl"), "-", str(shelf / "sub")])
    assert names(inputs[:1], shelf) == ["notes.jsonl"] and inputs[1] == Input("-")
    assert names(inputs[2:], shelf) == ["sub/s.txt"]


def test_problems_are_found_before_the_work_and_kept_in_place(shelf, tmp_path):
    empty = tmp_path / "empty"
    (empty / "only-sub").mkdir(parents=True)
    (empty / "only-sub" / "x.txt").write_text("x")
    inputs = expand_inputs([str(shelf / "a.TXT"), str(tmp_path / "missing.txt"), str(empty)])
    assert [i.problem for i in inputs] == [
        None, f"no such file: {tmp_path / 'missing.txt'}",
        f"{empty} is a directory with no report files (.txt, .text, .htm, .html) in it "
        "(subdirectories are read with --recursive)"]
    assert expand_inputs([str(empty)], recursive=True)[0].problem is None


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_is_a_problem(tmp_path):  # pragma: no cover - not run as root
    path = tmp_path / "secret.txt"
    path.write_text("x")
    path.chmod(0)
    assert expand_inputs([str(path)])[0].problem == f"permission denied: cannot read {path}"


def test_default_jobs(tmp_path):
    one = make_reports(tmp_path / "one", 1)
    few = make_reports(tmp_path / "few", 5)
    assert default_jobs(one) == 1
    assert default_jobs(few) == 1  # small: a pool costs more than it saves
    big = tmp_path / "big"
    big.mkdir()
    paths = []
    for n in range(3):
        path = big / f"{n}.txt"
        path.write_bytes(SEED.read_bytes() * 4)
        paths.append(str(path))
    assert default_jobs(paths) == min(batch.cores(), 3)
    assert default_jobs([Input(paths[0]), Input("x", "no such file: x")]) == 1


# --- Running ---------------------------------------------------------------------------------------


def test_items_come_in_input_order_with_their_records(tmp_path):
    paths = make_reports(tmp_path / "r", 12)
    items = list(run_batch(paths, jobs=2))
    assert [item.index for item in items] == list(range(12))
    assert [item.path for item in items] == paths
    assert all(item.ok for item in items)
    assert [item.records[0].value for item in items][:2] == [100, 101]
    assert {item.sources[0].year for item in items} == {2023}


def test_two_jobs_give_exactly_what_one_gives(tmp_path):
    paths = make_reports(tmp_path / "r", 10)
    seed_copy = tmp_path / "r" / "seed.txt"
    seed_copy.write_bytes(SEED.read_bytes())
    gbk = tmp_path / "r" / "gbk.txt"
    gbk.write_bytes(TEXTS[0].format(n=7).encode("gb18030"))
    paths[3:3] = [str(seed_copy), str(gbk)]
    serial = snapshot(run_batch(paths, jobs=1))
    parallel = snapshot(run_batch(paths, jobs=2))
    assert parallel == serial
    assert serial[4][3][0][2] == "GB18030"


def test_a_bad_file_among_good_ones_is_an_error_item(tmp_path):
    paths = make_reports(tmp_path / "r", 6)
    png = tmp_path / "r" / "scan.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    paths.insert(2, str(png))
    paths.insert(4, str(tmp_path / "gone.txt"))
    for jobs in (1, 2):
        items = list(run_batch(expand_inputs(paths), jobs=jobs))
        assert [item.ok for item in items] == [True, True, False, True, False, True, True, True]
        assert items[2].error == f"{png} (PNG image) looks like binary data, not a text report"
        assert items[4].error == f"no such file: {tmp_path / 'gone.txt'}"
        assert not items[2].internal and items[2].sources == ()


@pytest.mark.parametrize("jobs", [1, 2])
def test_fail_fast_stops_after_the_first_bad_input(tmp_path, jobs):
    paths = make_reports(tmp_path / "r", 12)
    bad = tmp_path / "r" / "bad.txt"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(50))
    paths.insert(3, str(bad))
    items = list(run_batch(paths, jobs=jobs, fail_fast=True))
    assert [item.ok for item in items] == [True, True, True, False]
    assert "PDF document" in items[-1].error


def test_progress_is_called_once_per_input(tmp_path):
    paths = make_reports(tmp_path / "r", 7)
    paths.insert(1, str(tmp_path / "missing.txt"))
    for jobs in (1, 2):
        calls = []
        items = list(run_batch(expand_inputs(paths), jobs=jobs,
                               progress=lambda done, total, path: calls.append((done, total, path))))
        assert [c[0] for c in calls] == list(range(1, 9))
        assert {c[1] for c in calls} == {8}
        assert sorted(c[2] for c in calls) == sorted(paths)
        assert len(items) == 8


def test_warnings_travel_with_their_item_and_replay_in_order(tmp_path, caplog):
    paths = make_reports(tmp_path / "r", 4)
    damaged = tmp_path / "r" / "damaged.txt"
    text = ("全年地区生产总值2630.2亿元、增长3.4%。" * 20).encode("utf-8")
    damaged.write_bytes(text[:30] + b"\xff" + text[30:])
    paths.insert(1, str(damaged))
    for jobs in (1, 2):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="luohu_cli"):
            items = list(run_batch(paths, jobs=jobs))
            assert caplog.records == []  # captured, not shown while the workers run
            for item in items:
                item.replay()
        assert [len(item.messages) for item in items] == [0, 1, 0, 0, 0]
        assert "U+FFFD" in items[1].messages[0][2] or "invalid" in items[1].messages[0][2]
        assert [r.getMessage() for r in caplog.records] == [items[1].messages[0][2]]


def test_standard_input_in_a_parallel_batch(tmp_path, monkeypatch):
    paths = make_reports(tmp_path / "r", 5)
    stdin = io.TextIOWrapper(io.BytesIO(TEXTS[1].format(n=9).encode("gb18030")))
    monkeypatch.setattr(sys, "stdin", stdin)
    items = list(run_batch([paths[0], "-", *paths[1:]], jobs=2))
    assert items[1].path == "-" and items[1].ok
    assert items[1].sources[0].encoding == "GB18030"
    assert items[1].records[0].value == 9


def test_records_files_give_their_reports(tmp_path):
    [item] = list(run_batch(make_reports(tmp_path / "r", 1)))
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r.as_strings(), ensure_ascii=False) + "\n"
                               for r in item.records), encoding="utf-8")
    [back] = list(run_batch([str(records)]))
    assert back.records == item.records
    assert back.sources[0].kind == "records" and back.sources[0].name == item.sources[0].name
    [as_text] = list(run_batch([str(records)], records=False))
    assert as_text.sources[0].kind == "report"


def test_an_engine_bug_is_an_internal_error_item_not_a_lost_batch(tmp_path, monkeypatch):
    from luohu_cli import pipeline

    paths = make_reports(tmp_path / "r", 3)
    real = pipeline.analyse

    def analyse(text, report=""):
        if report.endswith("r001.txt"):
            raise ZeroDivisionError("division by zero")
        return real(text, report)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    items = list(run_batch(paths, jobs=1))
    assert [item.ok for item in items] == [True, False, True]
    assert items[1].internal and "ZeroDivisionError" in items[1].details
    assert items[1].error == f"{paths[1]}: internal error: ZeroDivisionError: division by zero"


def test_known_reports_are_not_analysed(tmp_path):
    from luohu_cli import database

    paths = make_reports(tmp_path / "r", 3)
    db = tmp_path / "i.sqlite"
    database.export_database(db, (s for item in run_batch(paths) for s in item.sources))
    Path(paths[1]).write_text(TEXTS[0].format(n=999), encoding="utf-8")
    known = database.known_reports(db)
    items = list(run_batch(paths, jobs=2, known=known))
    assert [item.sources[0].unchanged for item in items] == [True, False, True]
    assert items[0].records == () and items[1].records[0].value == 999
    summary = database.export_database(db, (s for item in items for s in item.sources))
    assert summary == database.Summary(replaced=1, unchanged=2)
    back = database.read_database(db)
    assert [len(r.records) for r in back] == [3, 3, 3] and back[1].records[0].value == 999
