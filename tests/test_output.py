"""The output-safety contract of ``-o`` (luohu_cli.output), each case on a real file system."""
from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from luohu_cli.errors import LuohuError
from luohu_cli.output import (OutputError, Terminated, choose_format, remove_stale_temporaries,
                              resolve_target, stream_errors, temp_prefix, write_output)

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file system semantics")


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if ".luohu-" in p.name)


# --- Regular files: whole or nothing -------------------------------------------------


def test_new_file_is_written_with_the_usual_mode(tmp_path):
    out = tmp_path / "t.csv"
    with write_output(out) as stream:
        stream.write("a,b\r\n地區\n")
    assert out.read_bytes() == "a,b\r\n地區\n".encode()
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    assert leftovers(tmp_path) == []


def test_binary_stream_and_encoding(tmp_path):
    out = tmp_path / "t.bin"
    with write_output(out, encoding=None) as stream:
        stream.write(b"\x00\xff")
    assert out.read_bytes() == b"\x00\xff"
    with write_output(out, encoding="gb18030") as stream:
        stream.write("地区")
    assert out.read_bytes() == "地区".encode("gb18030")


def test_replaced_file_keeps_its_permission_bits(tmp_path):
    out = tmp_path / "t.csv"
    out.write_text("old")
    out.chmod(0o640)
    with write_output(out) as stream:
        stream.write("new")
    assert out.read_text() == "new"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_failure_mid_write_keeps_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "t.csv"
    out.write_text("old content")
    with pytest.raises(RuntimeError):
        with write_output(out) as stream:
            stream.write("half of the new")
            stream.flush()
            assert len(leftovers(tmp_path)) == 1  # the temporary exists while writing
            raise RuntimeError("boom")
    assert out.read_text() == "old content"
    assert leftovers(tmp_path) == []


def test_keyboard_interrupt_mid_write_keeps_the_old_file(tmp_path):
    out = tmp_path / "t.csv"
    out.write_text("old")
    with pytest.raises(KeyboardInterrupt):
        with write_output(out) as stream:
            stream.write("new")
            raise KeyboardInterrupt
    assert out.read_text() == "old" and leftovers(tmp_path) == []


def test_a_new_file_stays_absent_on_failure(tmp_path):
    out = tmp_path / "t.csv"
    with pytest.raises(ValueError):
        with write_output(out) as stream:
            stream.write("x")
            raise ValueError
    assert not out.exists() and leftovers(tmp_path) == []


def test_write_error_is_one_output_error_naming_path_and_reason(tmp_path):
    out = tmp_path / "t.csv"
    out.write_text("old")
    with pytest.raises(OutputError) as caught:
        with write_output(out) as stream:
            stream.write("x")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert str(caught.value) == f"cannot write {out}: no space left on the device"
    assert isinstance(caught.value, LuohuError)
    assert out.read_text() == "old" and leftovers(tmp_path) == []


def test_unencodable_text_is_the_callers_error_and_keeps_the_old_file(tmp_path):
    out = tmp_path / "t.csv"
    out.write_text("old")
    with pytest.raises(UnicodeEncodeError):
        with write_output(out, encoding="gb18030") as stream:
            stream.write("\ud800")
    assert out.read_text() == "old" and leftovers(tmp_path) == []


def test_broken_pipe_passes_through(tmp_path):
    with pytest.raises(BrokenPipeError):
        with write_output(tmp_path / "t.csv"):
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")
    assert leftovers(tmp_path) == []


def test_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(OutputError, match="no such directory"):
        with write_output(tmp_path / "nowhere" / "t.csv"):
            pass


def test_a_directory_is_a_clear_error(tmp_path):
    with pytest.raises(OutputError, match="it is a directory"):
        with write_output(tmp_path):
            pass


@posix_only
def test_full_disk_on_a_device_is_one_error():
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with pytest.raises(OutputError) as caught:
        with write_output("/dev/full") as stream:
            stream.write("x" * 100_000)
    assert str(caught.value) == "cannot write /dev/full: no space left on the device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


# --- Read-only files and directories -------------------------------------------------


def test_read_only_file_is_not_replaced(tmp_path):
    out = tmp_path / "t.csv"
    out.write_text("keep me")
    out.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        with write_output(out) as stream:
            stream.write("new")
    assert out.read_text() == "keep me"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444
    assert leftovers(tmp_path) == []


def run_unprivileged(code: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run Python code as an ordinary user (nobody, where we are root)."""
    def drop():
        if os.geteuid() == 0:
            os.setgid(65534)
            os.setuid(65534)
    try:
        return subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), capture_output=True,
                              text=True, preexec_fn=drop, timeout=60)
    except PermissionError:
        pytest.skip("an unprivileged user cannot run this Python here")


@posix_only
def test_read_only_directory_is_a_clear_error_and_leaves_nothing(tmp_path):
    directory = tmp_path / "ro"
    directory.mkdir()
    (directory / "t.csv").write_text("old")
    (directory / "t.csv").chmod(0o666)
    directory.chmod(0o555)
    tmp_path.chmod(0o755)
    try:
        done = run_unprivileged(textwrap.dedent(f"""
            from luohu_cli.output import write_output, OutputError
            for name in ("t.csv", "new.csv"):
                try:
                    with write_output({str(directory)!r} + "/" + name) as s:
                        s.write("new")
                except OutputError as e:
                    print(e)
            """), directory)
    finally:
        directory.chmod(0o755)
    if "Permission denied" in done.stderr and "luohu_cli" in done.stderr:
        pytest.skip("the unprivileged user cannot import the package here")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines == [f"cannot write {directory}/t.csv: permission denied in the directory "
                     f"{directory} (a temporary file there is needed to replace the file whole)",
                     f"cannot write {directory}/new.csv: permission denied in the directory "
                     f"{directory} (a temporary file there is needed to replace the file whole)"]
    assert (directory / "t.csv").read_text() == "old"
    assert sorted(p.name for p in directory.iterdir()) == ["t.csv"]


def test_directory_refusing_the_temporary_is_a_clear_error(tmp_path, monkeypatch):
    """What a read-only directory does, for root too (who may write anywhere)."""
    out = tmp_path / "t.csv"
    out.write_text("old")
    real_open = os.open

    def refusing(path, flags, *args):
        if ".luohu-" in os.fspath(path):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refusing)
    with pytest.raises(OutputError) as caught:
        with write_output(out) as stream:
            stream.write("new")
    assert str(caught.value) == (f"cannot write {out}: permission denied in the directory "
                                 f"{tmp_path} (a temporary file there is needed to replace "
                                 "the file whole)")
    assert out.read_text() == "old" and leftovers(tmp_path) == []


# --- Inputs ----------------------------------------------------------------------------


def test_an_input_is_refused(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("全年地区生产总值2630.2亿元")
    with pytest.raises(OutputError, match="one of the inputs"):
        with write_output(report, inputs=["-", str(report)]) as stream:
            stream.write("report,line\n")
    assert report.read_text() == "全年地区生产总值2630.2亿元"


@posix_only
def test_an_input_is_refused_through_links(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("text")
    (tmp_path / "soft.txt").symlink_to(report)
    os.link(report, tmp_path / "hard.txt")
    for out, given in ((tmp_path / "soft.txt", report), (tmp_path / "hard.txt", report),
                       (report, tmp_path / "soft.txt")):
        with pytest.raises(OutputError, match="one of the inputs"):
            resolve_target(out, [str(given)])
    assert report.read_text() == "text"


def test_other_inputs_are_fine(tmp_path):
    (tmp_path / "report.txt").write_text("x")
    with write_output(tmp_path / "out.csv", inputs=[str(tmp_path / "report.txt"),
                                                     str(tmp_path / "missing.txt")]) as s:
        s.write("ok")
    assert (tmp_path / "out.csv").read_text() == "ok"


# --- Links, devices and FIFOs -----------------------------------------------------------


@posix_only
def test_symlink_is_written_through_and_stays_a_link(tmp_path):
    target = tmp_path / "data" / "real.csv"
    target.parent.mkdir()
    target.write_text("old")
    target.chmod(0o600)
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    with write_output(link) as stream:
        stream.write("new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == [] and leftovers(target.parent) == []


@posix_only
def test_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "made.csv")
    with write_output(link) as stream:
        stream.write("x")
    assert link.is_symlink() and (tmp_path / "made.csv").read_text() == "x"


@posix_only
def test_fifo_is_written_directly(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []

    def reader():
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    thread = threading.Thread(target=reader, daemon=True)  # never holds the suite
    thread.start()
    with write_output(fifo) as stream:
        stream.write("地區,1\n" * 1000)
    thread.join(10)
    assert received == [("地區,1\n" * 1000).encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


@posix_only
def test_fifo_whose_reader_leaves_is_a_closed_pipe(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def reader():
        with open(fifo, "rb") as stream:
            stream.read(1)

    thread = threading.Thread(target=reader, daemon=True)  # never holds the suite
    thread.start()
    previous = signal.signal(signal.SIGPIPE, signal.SIG_IGN) if hasattr(signal, "SIGPIPE") else None
    try:
        with pytest.raises(BrokenPipeError):
            with write_output(fifo) as stream:
                for _ in range(10_000):
                    stream.write("x" * 1000)
                    stream.flush()
    finally:
        if previous is not None:
            signal.signal(signal.SIGPIPE, previous)
        thread.join(10)


@posix_only
def test_character_device_stays_a_device():
    before = os.stat("/dev/null")
    with write_output("/dev/null") as stream:
        stream.write("report,line\n")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino
    assert resolve_target("/dev/null").kind == "special"


@posix_only
def test_dev_stdout_redirected_to_a_file_is_written_in_place(tmp_path):
    """`luohu … -o /dev/stdout > out.csv`: the shell's file gets the data, not a rename."""
    out = tmp_path / "out.csv"
    code = ("from luohu_cli.output import write_output\n"
            "with write_output('/dev/stdout') as s: s.write('地區\\n')\n")
    with open(out, "wb") as stdout:
        done = subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), stdout=stdout,
                              stderr=subprocess.PIPE, timeout=60)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == "地區\n"


# --- Temporaries left behind -----------------------------------------------------------


def test_temporary_names_are_recognisable(tmp_path):
    out = tmp_path / "t.csv"
    with write_output(out) as stream:
        names = leftovers(tmp_path)
        stream.write("x")
    assert len(names) == 1 and names[0].startswith(".t.csv.luohu-" + str(os.getpid()) + "-")
    assert names[0].endswith(".tmp")
    assert temp_prefix("x" * 300) == "." + "x" * 120 + ".luohu-"


@posix_only
def test_stale_temporary_of_a_dead_process_is_removed_by_the_next_write(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f".t.csv.luohu-{dead}-0a1b2c3d.tmp"
    stale.write_text("half")
    alive = tmp_path / f".t.csv.luohu-{os.getppid()}-0a1b2c3d.tmp"  # another writer, running
    alive.write_text("writing")
    other = tmp_path / f".u.csv.luohu-{dead}-0a1b2c3d.tmp"  # another file's
    other.write_text("x")
    with write_output(tmp_path / "t.csv") as stream:
        stream.write("x")
    assert not stale.exists() and alive.exists() and other.exists()
    assert remove_stale_temporaries(tmp_path / "u.csv") == [other.name]


# --- Signals, in a real process ------------------------------------------------------------


WRITER = textwrap.dedent("""
    import sys, time
    from luohu_cli.output import write_output
    with write_output(sys.argv[1]) as stream:
        stream.write("new " * 1000)
        stream.flush()
        print("writing", flush=True)
        time.sleep(30)
        stream.write("never")
""")


def start_writer(out: Path) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(out)], cwd=str(ROOT),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "writing"
    return process


@posix_only
@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 128 + signal.SIGTERM),
                                          (signal.SIGHUP, 128 + signal.SIGHUP),
                                          (signal.SIGINT, None)])
def test_signal_during_write_leaves_the_old_file_and_no_temporary(tmp_path, signum, code):
    out = tmp_path / "t.csv"
    out.write_text("old")
    process = start_writer(out)
    assert len(leftovers(tmp_path)) == 1
    process.send_signal(signum)
    _, err = process.communicate(timeout=30)
    if code is not None:
        assert process.returncode == code
        assert err == ""  # a quiet exit, no traceback
    else:
        assert process.returncode != 0 and "KeyboardInterrupt" in err
        assert "Exception ignored" not in err
    assert out.read_text() == "old"
    assert leftovers(tmp_path) == []


@posix_only
def test_sigkill_leaves_a_temporary_the_next_write_removes(tmp_path):
    out = tmp_path / "t.csv"
    out.write_text("old")
    process = start_writer(out)
    process.kill()
    process.wait(30)
    process.stdout.close()
    process.stderr.close()
    left = leftovers(tmp_path)
    assert len(left) == 1 and left[0].startswith(f".t.csv.luohu-{process.pid}-")
    assert out.read_text() == "old"
    with write_output(out) as stream:
        stream.write("new")
    assert out.read_text() == "new" and leftovers(tmp_path) == []


def test_terminated_is_a_quiet_exit():
    assert isinstance(Terminated(15), SystemExit) and Terminated(15).code == 143


# --- Standard output and formats --------------------------------------------------------------


def test_stream_errors_name_standard_output():
    with pytest.raises(OutputError, match="^cannot write to standard output: no space left"):
        with stream_errors():
            raise OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(BrokenPipeError):
        with stream_errors():
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")


@pytest.mark.parametrize("path, given, expected", [
    ("t.csv", None, "csv"), ("t.XLSX", None, "xlsx"), ("t.jsonl", "jsonl", "jsonl"),
    ("corpus.sqlite", None, "sqlite"), ("corpus.db", None, "sqlite"), ("t.txt", "csv", "csv"),
    (None, None, "table"), ("-", "json", "json"),
])
def test_choose_format(path, given, expected):
    assert choose_format(path, given, ("csv", "json", "jsonl", "xlsx", "sqlite", "table"),
                         default="table") == expected


@pytest.mark.parametrize("path, given, message", [
    ("t.xlsx", "csv", "disagrees with the extension"),
    ("t.xlsx", None, "cannot write xlsx here"),
    ("t.txt", None, "cannot tell the format"),
])
def test_choose_format_refuses(path, given, message):
    with pytest.raises(ValueError, match=message):
        choose_format(path, given, ("csv", "json"))
