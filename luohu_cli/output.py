"""Writing an output file safely: the contract of every ``-o PATH``.

    >>> from luohu_cli.output import write_output
    >>> with write_output("indicators.csv", inputs=["r.txt"]) as stream:   # doctest: +SKIP
    ...     stream.write("report,line\\n")

:func:`write_output` is a drop-in for the CLI's ``atomic_write(path, encoding)``
(same stream, text in `encoding` with ``newline=""``, binary when `encoding`
is None) and decides what writing means from what is at the path:

- **nothing, or a regular file**: written whole or not at all. The data goes
  to a temporary file in the same directory, named
  ``.NAME.luohu-PID-RANDOM.tmp``, which is flushed, fsynced and renamed over
  the path (``os.replace``); the directory is fsynced after. A replaced file
  keeps its permission bits (and, for root, its owner and group); a new one
  gets 0666 less the umask. On any error, Ctrl-C, SIGTERM or SIGHUP the
  temporary file is removed and the path keeps its old content (or stays
  absent). A temporary file left by a process that could not clean up
  (SIGKILL, power loss) is recognised by its name and removed by the next
  write to the same path once its process is gone.
- **a read-only file** (no write permission bit at all, or not writable by
  this user) is not replaced: :class:`OutputError`, as a shell redirection
  would refuse it. Root is held to the permission bits too.
- **a symbolic link**: written through, to the file it points to (resolved
  fully), which is then treated as above; the link stays a link. A dangling
  link creates its target, as a shell does.
- **a character device, FIFO, socket or other non-regular file**
  (``/dev/null``, ``/dev/stdout``, a named pipe): opened for writing and
  written directly, with no temporary file and no rename.
- **a directory**: :class:`OutputError` ("is a directory").
- **one of the inputs** (the same file, through any link or hard link):
  :class:`OutputError`, before anything is written.

Every failure to write — a full disk, a quota, an I/O error, a missing
directory, no permission — is one :class:`OutputError` naming the path and
the reason (``cannot write out.csv: No space left on device``), never a
traceback. A closed pipe (:class:`BrokenPipeError`, a FIFO's reader gone)
is left as it is, for the caller to end quietly.

SIGTERM and SIGHUP arriving while a file is written (where their handler is
the default one, in the main thread) raise :class:`Terminated`, a
:class:`SystemExit` with code 128 + the signal number, after the cleanup.
Between the rename and the cleanup those signals and SIGINT are held back,
so an interruption never falls between "renamed" and "known to be renamed".

:func:`stream_errors` gives standard output the same one-line errors, and
:func:`choose_format` makes the format follow the extension of ``-o``.
"""
from __future__ import annotations

import errno
import os
import secrets
import signal
import stat
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from .errors import LuohuError

TEMP_MARK = ".luohu-"   # .NAME.luohu-PID-RANDOM.tmp
TEMP_SUFFIX = ".tmp"
MAX_NAME_IN_TEMP = 120  # bytes of the file name kept in the temporary's name
HANDLED_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                        if hasattr(signal, name))
HELD_SIGNALS = (signal.SIGINT, *HANDLED_SIGNALS)


class OutputError(LuohuError):
    """An output cannot be written: one line naming the path and the reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str, *,
                 message: str | None = None) -> None:
        self.path = os.fspath(path)
        self.reason = reason
        super().__init__(message or f"cannot write {_shown(self.path)}: {reason}")


class Terminated(SystemExit):
    """SIGTERM or SIGHUP arrived while an output was written; the code is 128 + signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum


@contextmanager
def write_output(path: str | os.PathLike[str], encoding: str | None = "utf-8", *,
                 inputs: Iterable[str | os.PathLike[str]] = (),
                 errors: str = "strict") -> Iterator[IO[Any]]:
    """A stream for `path`, written as the module's contract says.

    `encoding` None gives a binary stream; otherwise text in that encoding,
    ``newline=""`` (nothing translated) and `errors` for what it cannot hold.
    `inputs` are the names the command reads ("-" is ignored): writing over
    one of them is refused.
    """
    target = resolve_target(path, inputs)
    if target.kind == "special":
        with _special(target, encoding, errors) as stream:
            yield stream
        return
    with _replacing(target, encoding, errors) as stream:
        yield stream


atomic_write = write_output  # the name the CLI knows


class Target:
    """What `-o` names, resolved: the file actually written and what it is."""

    __slots__ = ("given", "path", "kind", "stat")

    def __init__(self, given: str, path: str, kind: str, st: os.stat_result | None) -> None:
        self.given = given  # as the user wrote it (messages name this)
        self.path = path    # the file written: links resolved
        self.kind = kind    # "new", "regular" or "special"
        self.stat = st

    def __repr__(self) -> str:
        return f"Target({self.given!r} -> {self.path!r}, {self.kind})"


def resolve_target(path: str | os.PathLike[str],
                   inputs: Iterable[str | os.PathLike[str]] = ()) -> Target:
    """Check `path` before anything is written; the file to write and its kind.

    Raises OutputError for a directory, an input, a read-only file, or a
    directory to write in that does not exist.
    """
    given = os.fspath(path)
    if not given:
        raise OutputError(given, "no file named", message="no output file named")
    try:
        st = os.stat(given)  # through links, /dev/stdout and /proc/self/fd/N included
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _error(given, exc) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(given, "is a directory",
                          message=f"cannot write {_shown(given)}: it is a directory")
    if st is not None and (not stat.S_ISREG(st.st_mode) or _system_path(given)):
        # a device, FIFO or socket; or a file reached through /dev/fd, /dev/stdout,
        # /proc/self/fd, which a shell has open: written in place
        return Target(given, given, "special", st)
    real = os.path.realpath(given)
    if st is not None:
        for name in inputs:
            name = os.fspath(name)
            if name == "-" or not name:
                continue
            with suppress(OSError):
                other = os.stat(name)
                if (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
                    raise OutputError(given, "it is one of the inputs", message=(
                        f"cannot write {_shown(given)}: it is one of the inputs "
                        f"({_shown(name)}); choose another output file"))
    parent = os.path.dirname(real) or "."
    if not os.path.isdir(parent):
        raise OutputError(given, f"no such directory: {_shown(os.path.dirname(given) or '.')}")
    if st is None:
        return Target(given, real, "new", None)
    if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise OutputError(given, "the file is read-only", message=(
            f"cannot write {_shown(given)}: the file is read-only (not replaced)"))
    return Target(given, real, "regular", st)


@contextmanager
def _special(target: Target, encoding: str | None, errors: str) -> Iterator[IO[Any]]:
    """Write straight into a device or FIFO: no temporary file, no rename."""
    try:
        fd = os.open(target.path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _error(target.given, exc) from None
    try:
        stream = _open_fd(fd, encoding, errors)
    except BaseException:
        os.close(fd)
        raise
    try:
        with stream:
            yield stream
            stream.flush()
    except OSError as exc:
        if _closed_pipe(exc):
            raise
        raise _error(target.given, exc) from exc


@contextmanager
def _replacing(target: Target, encoding: str | None, errors: str) -> Iterator[IO[Any]]:
    """Whole or nothing: a temporary file in the same directory renamed over the target."""
    remove_stale_temporaries(target.path)
    mode = stat.S_IMODE(target.stat.st_mode) if target.stat is not None else _default_mode()
    temp: str | None = None
    with signals_as_exit():
        try:
            with _held():  # the name is known before any signal can interrupt
                temp, fd = _create_temporary(target)
            stream = _open_fd(fd, encoding, errors)
            with stream:
                yield stream
                stream.flush()
                os.fsync(stream.fileno())
            _copy_owner(temp, target.stat)
            os.chmod(temp, mode)
            with _held():
                os.replace(temp, target.path)
                temp = None
            _sync_directory(os.path.dirname(target.path) or ".")
        except BaseException as exc:
            with _held():
                if temp is not None:
                    with suppress(OSError):
                        os.unlink(temp)
            if isinstance(exc, OSError) and not _closed_pipe(exc):
                raise _error(target.given, exc) from exc
            raise


def _create_temporary(target: Target) -> tuple[str, int]:
    directory = os.path.dirname(target.path) or "."
    prefix = temp_prefix(os.path.basename(target.path))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        name = os.path.join(directory, f"{prefix}{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            return name, os.open(name, flags, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _error(target.given, exc, directory=directory) from None
    raise OutputError(target.given, "cannot create a temporary file")  # pragma: no cover


def temp_prefix(name: str) -> str:
    """The start of the temporary files' names for a file called `name` (a long
    name is cut, so that the temporary's name stays within the system's limit).

    >>> temp_prefix("t.csv")
    '.t.csv.luohu-'
    """
    while len(name.encode("utf-8", "surrogateescape")) > MAX_NAME_IN_TEMP:
        name = name[:-1]
    return f".{name}{TEMP_MARK}"


def _system_path(path: str) -> bool:
    """Whether `path` lies in /dev or /proc, where nothing is replaced by a rename."""
    absolute = os.path.abspath(path)
    return absolute.startswith(("/dev/", "/proc/")) and os.name == "posix"


def remove_stale_temporaries(path: str | os.PathLike[str]) -> list[str]:
    """Remove the temporary files earlier writes to `path` left behind; their names.

    Only the tool's own (``.NAME.luohu-PID-….tmp``) whose process is no
    longer running are removed, so a write going on in another process is
    left alone. Never fails.
    """
    path = os.fspath(path)
    directory = os.path.dirname(path) or "."
    prefix = temp_prefix(os.path.basename(path))
    removed = []
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        pid_text = name[len(prefix):-len(TEMP_SUFFIX)].split("-", 1)[0]
        if not pid_text.isdigit() or _running(int(pid_text)):
            continue
        with suppress(OSError):
            os.unlink(os.path.join(directory, name))
            removed.append(name)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours, from an earlier write that was cut short in this process
    if os.name != "posix":  # pragma: no cover - no cheap check: leave it
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def _open_fd(fd: int, encoding: str | None, errors: str) -> IO[Any]:
    if encoding is None:
        return open(fd, "wb")
    return open(fd, "w", encoding=encoding, errors=errors, newline="")


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _copy_owner(temp: str, st: os.stat_result | None) -> None:
    """Root replacing another user's file gives it back to that user (best effort)."""
    if st is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return
    with suppress(OSError):
        os.chown(temp, st.st_uid, st.st_gid)


def _sync_directory(directory: str) -> None:
    if os.name != "posix":  # pragma: no cover
        return
    with suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# --- Signals ---------------------------------------------------------------------


def _raise_terminated(signum: int, _frame: Any) -> None:
    raise Terminated(signum)


@contextmanager
def signals_as_exit() -> Iterator[None]:
    """SIGTERM and SIGHUP raise Terminated while the block runs (main thread only,
    and only where nothing else handles them)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {}
    for signum in HANDLED_SIGNALS:
        with suppress(ValueError, OSError):
            if signal.getsignal(signum) == signal.SIG_DFL:
                saved[signum] = signal.signal(signum, _raise_terminated)
    try:
        yield
    finally:
        for signum, handler in saved.items():
            with suppress(ValueError, OSError):
                signal.signal(signum, handler)


@contextmanager
def _held() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP held back while the block runs (where possible)."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


# --- Errors ----------------------------------------------------------------------


def _closed_pipe(exc: BaseException) -> bool:
    return isinstance(exc, BrokenPipeError) or (
        isinstance(exc, OSError) and exc.errno == errno.EPIPE)


REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EISDIR: "it is a directory",
    errno.ENOENT: "no such file or directory",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.EFBIG: "the file is too large",
    errno.EIO: "input/output error",
    errno.ENXIO: "no reader or device at that path",
    errno.ENAMETOOLONG: "the file name is too long",
}


def _error(given: str, exc: OSError, directory: str | None = None) -> OutputError:
    """One OutputError for an OSError while writing `given`."""
    reason = REASONS.get(exc.errno or -1) or (exc.strerror or str(exc) or type(exc).__name__)
    if directory is not None and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = (f"{reason} in the directory {_shown(os.path.dirname(given) or '.')} "
                  "(a temporary file there is needed to replace the file whole)")
    return OutputError(given, reason)


def _shown(path: str) -> str:
    from .decode import display_name

    name = display_name(path)
    return name if name.isprintable() else repr(name)


@contextmanager
def stream_errors(label: str = "standard output") -> Iterator[None]:
    """Turn a write error on a stream the caller owns (stdout) into one OutputError.

    A closed pipe passes through, for the caller to end quietly.
    """
    try:
        yield
    except OSError as exc:
        if _closed_pipe(exc):
            raise
        raise OutputError(label, _error(label, exc).reason,
                          message=f"cannot write to {label}: {_error(label, exc).reason}") from exc


# --- Formats ---------------------------------------------------------------------


FORMAT_EXTENSIONS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".xlsx": "xlsx",
                     ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite"}


def format_of(path: str | os.PathLike[str]) -> str | None:
    """The format a file's extension names, or None.

    >>> format_of("out/T.XLSX"), format_of("corpus.db"), format_of("notes.txt")
    ('xlsx', 'sqlite', None)
    """
    return FORMAT_EXTENSIONS.get(Path(os.fspath(path)).suffix.lower())


def choose_format(path: str | os.PathLike[str] | None, given: str | None,
                  allowed: Iterable[str], default: str | None = None) -> str:
    """The format to write to `path` (None or "-": standard output).

    The extension decides when it names a format; an explicit `given` that
    disagrees with it is a ValueError, as is an extension naming a format the
    command cannot write. With no extension to go by: `given`, else `default`,
    else a ValueError.

    >>> choose_format("t.xlsx", None, ("csv", "xlsx")), choose_format("t.txt", "csv", ("csv",))
    ('xlsx', 'csv')
    >>> choose_format("t.xlsx", "csv", ("csv", "xlsx"))
    Traceback (most recent call last):
    ...
    ValueError: --format csv disagrees with the extension of 't.xlsx' (xlsx)
    """
    allowed = tuple(allowed)
    by_name = format_of(path) if path not in (None, "-") else None
    if by_name is not None:
        if given is not None and given.lower() != by_name:
            raise ValueError(f"--format {given} disagrees with the extension of "
                             f"{os.fspath(path)!r} ({by_name})")
        if by_name not in allowed:
            raise ValueError(f"cannot write {by_name} here ({os.fspath(path)!r}); "
                             f"use one of: {', '.join(allowed)}")
        return by_name
    if given is not None:
        return given.lower()
    if default is not None:
        return default
    raise ValueError(f"cannot tell the format of {os.fspath(path)!r} from its extension; "
                     f"use {', '.join('.' + f for f in allowed)}, or --format")
