"""The tokenizer's dictionary cached per machine (luohu_cli.tokcache), and jieba imported
without pkg_resources."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from luohu_cli import naming, tokcache

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(tokcache.ENV, str(directory))
    return directory


def counting_build(value):
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


def test_built_once_then_read_from_the_cache(cache):
    build, calls = counting_build({"a": 1})
    assert tokcache.cached("t", [b"words"], build) == {"a": 1}
    assert tokcache.cached("t", [b"words"], build) == {"a": 1}
    assert len(calls) == 1
    [name] = files(cache)
    assert name.startswith("t-") and name.endswith(".marshal")


def test_changed_data_rebuilds_and_removes_the_old_file(cache):
    build, calls = counting_build({"a": 1})
    tokcache.cached("t", [b"words", b"domain"], build)
    first = files(cache)
    tokcache.cached("t", [b"words", b"domain 2"], build)
    assert len(calls) == 2
    assert len(files(cache)) == 1 and files(cache) != first
    tokcache.cached("t", [b"wordsdomain 2"], build)  # the parts' bounds count too
    assert len(calls) == 3


@pytest.mark.parametrize("content", [b"", b"garbage", b"\xe3\x00\x01", None])
def test_a_broken_cache_file_means_building(cache, content):
    build, calls = counting_build({"a": 1})
    tokcache.cached("t", [b"w"], build)
    [name] = files(cache)
    path = cache / name
    if content is None:  # whole, but of another shape
        import marshal
        path.write_bytes(marshal.dumps((tokcache.key_of([b"w"]), ["not", "a", "dict"])))
    else:
        path.write_bytes(content)
    assert tokcache.cached("t", [b"w"], build, check=lambda v: isinstance(v, dict)) == {"a": 1}
    assert len(calls) == 2
    assert tokcache.cached("t", [b"w"], build) == {"a": 1}  # written again, whole
    assert len(calls) == 2


def test_an_unwritable_cache_means_building_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(tokcache.ENV, str(blocker / "cache"))
    build, calls = counting_build({"a": 1})
    assert tokcache.cached("t", [b"w"], build) == {"a": 1}
    assert tokcache.cached("t", [b"w"], build) == {"a": 1}
    assert len(calls) == 2
    assert blocker.read_text() == "not a directory"


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv(tokcache.ENV, "")
    assert tokcache.cache_dir() is None
    build, calls = counting_build(1)
    tokcache.cached("t", [b"w"], build)
    tokcache.cached("t", [b"w"], build)
    assert len(calls) == 2


def test_default_place_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(tokcache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert tokcache.cache_dir() == tmp_path / "luohu"


def test_the_tokenizer_from_the_cache_is_the_one_built(cache):
    naming.tokenizer.cache_clear()
    try:
        built = naming.tokenizer()
        assert len(files(cache)) == 1
        naming.tokenizer.cache_clear()
        loaded = naming.tokenizer()
    finally:
        naming.tokenizer.cache_clear()
    assert loaded is not built
    assert loaded.jieba.FREQ == built.jieba.FREQ and loaded.jieba.total == built.jieba.total
    assert loaded.pos == built.pos
    text = "全年地区生产总值2630.2亿元，规模以上工业增加值增长3.0%"
    assert loaded.jieba.lcut(text) == built.jieba.lcut(text)


def test_two_processes_building_at_once(cache):
    code = "from luohu_cli import naming; print(len(naming.tokenizer().pos))"
    env = {**os.environ, tokcache.ENV: str(cache)}
    processes = [subprocess.Popen([sys.executable, "-c", code], cwd=str(ROOT), env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(3)]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0], outputs
    assert len({out for out, _ in outputs}) == 1
    [name] = files(cache)  # one whole file, no temporaries
    assert name.startswith("tokenizer-")
    again = subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), env=env,
                           capture_output=True, text=True, timeout=120)
    assert again.stdout == outputs[0][0]


def test_jieba_is_imported_without_pkg_resources(tmp_path, cache):
    fake = tmp_path / "fake"
    fake.mkdir()
    marker = tmp_path / "imported"
    (fake / "pkg_resources.py").write_text(
        f"open({str(marker)!r}, 'w').close()\n"
        "def resource_stream(*a): raise RuntimeError('jieba used pkg_resources')\n")
    code = textwrap.dedent("""
        import sys
        from luohu_cli import naming
        print(naming.tokenizer().jieba.lcut("地区生产总值"))
        print("pkg_resources" in sys.modules)
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(fake), str(ROOT)]),
           tokcache.ENV: str(cache)}
    done = subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    cut, loaded = done.stdout.splitlines()
    assert "".join(eval(cut)) == "地区生产总值" and loaded == "False"
    assert not marker.exists()
