"""Many reports at once: which files count, checked first, read in parallel, in order.

    >>> from luohu_cli.batch import expand_inputs, run_batch
    >>> inputs = expand_inputs(["reports/"], recursive=True)               # doctest: +SKIP
    >>> for item in run_batch(inputs):                                      # doctest: +SKIP
    ...     print(item.path, item.error or len(item.records))

**Which files count** (:func:`expand_inputs`). A file named on the command
line is an input whatever its name (a report, or records written before);
``-`` is standard input. A directory stands for the report files directly
inside it — regular files (or links to them) whose extension is one of
:data:`REPORT_SUFFIXES` (``.txt .text .htm .html``, any case), not hidden
(no leading ``.``) — in the order of their names; with ``recursive`` also
those in its subdirectories (hidden ones skipped, each directory visited
once however it is linked), a directory's own files before its
subdirectories'. Records files (``.jsonl``, ``.csv``) and everything else
inside a directory are left out: name them to read them.

**Checked before the work.** Every input is checked to exist and be readable
(opened, for regular files) up front; each problem — a missing file, no
permission, a directory without reports — becomes an :class:`Input` with a
``problem``, kept in its place, so the caller can stop at once
(``--fail-fast``) or go on.

**Run** (:func:`run_batch`). Inputs are read and analysed
(:func:`luohu_cli.sources.read_input`) in ``jobs`` worker processes
(:class:`concurrent.futures.ProcessPoolExecutor`; :func:`default_jobs`
chooses when not told), and an :class:`Item` per input is yielded **in input
order**, whatever order the workers finish in, equal to what ``jobs=1``
(which reads in this process) yields. A bad input is an Item with an
``error`` (its one-line message), never an exception that loses the others;
with ``fail_fast`` the batch stops after the first. Warnings given while an
input is read travel with its Item (``messages``), to be shown in input
order (:meth:`Item.replay`) rather than interleaved by the workers. A
``progress(done, total, path)`` callback is called in this process as each
input finishes; the CLI draws a bar with it when stderr is a terminal.
"""
from __future__ import annotations

import logging
import os
import stat
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import LuohuError

if TYPE_CHECKING:
    from .pipeline import Report
    from .sources import Source

REPORT_SUFFIXES = (".txt", ".text", ".htm", ".html")
# Below this many bytes of input in all, one process does the work: starting
# workers costs more than it saves (a seed-sized report is about 30 KB).
SMALL_BATCH_BYTES = 256 * 1024
IN_FLIGHT_PER_JOB = 4  # inputs handed to each worker ahead, so memory stays bounded
LOGGER = "luohu_cli"

Progress = Callable[[int, int, str], None]


# --- Which inputs -------------------------------------------------------------------------


@dataclass(frozen=True)
class Input:
    """One input to read, and why it cannot be (None: it can)."""
    path: str
    problem: str | None = None


def expand_inputs(names: Iterable[str], *, recursive: bool = False) -> list[Input]:
    """The inputs that `names` stand for, each checked (see the module's rules).

    >>> expand_inputs(["-"])
    [Input(path='-', problem=None)]
    """
    out: list[Input] = []
    for name in names:
        name = os.fspath(name)
        if name != "-" and os.path.isdir(name):
            found = list(report_files(name, recursive=recursive))
            if not found:
                where = ("in it or below it" if recursive
                         else "in it (subdirectories are read with --recursive)")
                found = [Input(name, f"{_label(name)} is a directory with no report files "
                                     f"({', '.join(REPORT_SUFFIXES)}) {where}")]
            out.extend(found)
        else:
            out.append(Input(name, check_input(name)))
    return out


def report_files(directory: str, *, recursive: bool = False) -> Iterator[Input]:
    """The report files of a directory, in name order (see the module's rules)."""
    seen: set[tuple[int, int]] = set()

    def walk(path: str) -> Iterator[Input]:
        try:
            st = os.stat(path)
            key = (st.st_dev, st.st_ino)
            if key in seen:
                return
            seen.add(key)
            with os.scandir(path) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            yield Input(path, f"cannot read the directory {_label(path)}: "
                              f"{_reason(exc)}")
            return
        subdirectories = []
        for entry in listed:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError:
                continue
            if is_dir:
                subdirectories.append(entry.path)
            elif is_file and is_report_name(entry.name):
                yield Input(entry.path, check_input(entry.path))
        if recursive:
            for sub in subdirectories:
                yield from walk(sub)

    yield from walk(directory)


def is_report_name(name: str) -> bool:
    """Whether a file inside a directory counts as a report, by its name.

    >>> is_report_name("2023.TXT"), is_report_name("a.html"), is_report_name("a.jsonl")
    (True, True, False)
    """
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in REPORT_SUFFIXES


def check_input(name: str) -> str | None:
    """Why `name` cannot be read (one line), or None. A regular file is opened to know."""
    if name == "-":
        return None
    label = _label(name)
    try:
        st = os.stat(name)
    except FileNotFoundError:
        return f"no such file: {label}"
    except PermissionError:
        return f"permission denied: cannot read {label}"
    except OSError as exc:
        return f"cannot read {label}: {_reason(exc)}"
    if stat.S_ISDIR(st.st_mode):
        return f"{label} is a directory, not a report file"
    if not stat.S_ISREG(st.st_mode):
        return None  # a pipe or device: opening it could block; read it when its turn comes
    try:
        with open(name, "rb"):
            pass
    except PermissionError:
        return f"permission denied: cannot read {label}"
    except OSError as exc:
        return f"cannot read {label}: {_reason(exc)}"
    return None


def problems(inputs: Iterable[Input]) -> list[Input]:
    """The inputs that cannot be read."""
    return [i for i in inputs if i.problem]


def cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def default_jobs(inputs: Sequence[Input | str]) -> int:
    """Worker processes for `inputs`: 1 for one input or a small batch (under
    SMALL_BATCH_BYTES in all), else the cores, at most one per input."""
    paths = [i.path if isinstance(i, Input) else i for i in inputs
             if not (isinstance(i, Input) and i.problem)]
    if len(paths) <= 1:
        return 1
    total = 0
    for path in paths:
        try:
            total += os.stat(path).st_size if path != "-" else 0
        except OSError:
            pass
        if total >= SMALL_BATCH_BYTES:
            return max(1, min(cores(), len(paths)))
    return 1


# --- Running ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """What reading one input gave: its reports, or an error; the messages given meanwhile."""
    index: int                                  # its place among the inputs
    path: str
    sources: tuple[Source, ...] = ()
    error: str | None = None                    # one line naming the input
    internal: bool = False                      # the error is a bug, not bad input
    details: str = ""                           # the traceback of an internal error
    messages: tuple[tuple[str, int, str], ...] = field(default=())  # (logger, level, text)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def reports(self) -> tuple[Report, ...]:
        return tuple(source.report for source in self.sources)

    @property
    def records(self) -> tuple:
        return tuple(r for source in self.sources for r in source.records)

    def replay(self) -> None:
        """Log the messages given while the input was read, as they were given."""
        for name, level, text in self.messages:
            logging.getLogger(name).log(level, "%s", text)


def run_batch(inputs: Sequence[Input | str], *, jobs: int | None = None,
              encoding: str | None = None, records: bool = True, fail_fast: bool = False,
              progress: Progress | None = None,
              known: Mapping[str, str] | None = None) -> Iterator[Item]:
    """An Item per input, in input order (see the module's doc).

    `jobs` None chooses (:func:`default_jobs`); 1 reads in this process.
    `encoding`, `records` and `known` (skip reports a database holds with
    the same sha256) are passed to :func:`luohu_cli.sources.read_input`.
    """
    entries = [i if isinstance(i, Input) else Input(os.fspath(i)) for i in inputs]
    jobs = default_jobs(entries) if jobs is None else max(1, jobs)
    total = len(entries)
    level = logging.getLogger(LOGGER).getEffectiveLevel()
    if jobs == 1 or sum(1 for e in entries if not e.problem) <= 1:
        yield from _serial(entries, (encoding, records, known), fail_fast, progress)
    else:
        yield from _parallel(entries, jobs, (encoding, records, known), fail_fast, progress,
                             level, total)


def _serial(entries: list[Input], options: tuple, fail_fast: bool,
            progress: Progress | None) -> Iterator[Item]:
    for index, entry in enumerate(entries):
        if entry.problem:
            item = Item(index, entry.path, error=entry.problem)
        else:
            item = read_one(index, entry.path, None, *options)
        if progress is not None:
            progress(index + 1, len(entries), entry.path)
        yield item
        if fail_fast and item.error:
            return


def _parallel(entries: list[Input], jobs: int, options: tuple,
              fail_fast: bool, progress: Progress | None, level: int,
              total: int) -> Iterator[Item]:
    from concurrent.futures import ProcessPoolExecutor  # 6 ms to import: only for jobs > 1
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(),
                                   initializer=_start_worker, initargs=(level,))
    pending: dict[int, Future | Item] = {}
    next_out = 0
    next_in = 0
    done_count = 0
    window = jobs * IN_FLIGHT_PER_JOB
    finished = False
    try:
        while next_out < len(entries):
            while next_in < len(entries) and next_in - next_out < window:
                entry = entries[next_in]
                if entry.problem:
                    pending[next_in] = Item(next_in, entry.path, error=entry.problem)
                    done_count += 1
                    if progress is not None:
                        progress(done_count, total, entry.path)
                else:
                    data = _read_here(entry.path)
                    pending[next_in] = executor.submit(
                        read_one, next_in, entry.path, data, *options)
                next_in += 1
            head = pending[next_out]
            if isinstance(head, Future) and not head.done():
                running = [f for f in pending.values() if isinstance(f, Future) and not f.done()]
                wait(running, return_when=FIRST_COMPLETED)
            for index, value in list(pending.items()):
                if isinstance(value, Future) and value.done():
                    pending[index] = item = _result(value, index, entries[index].path)
                    done_count += 1
                    if progress is not None:
                        progress(done_count, total, item.path)
            while next_out in pending and isinstance(pending[next_out], Item):
                item = pending.pop(next_out)  # type: ignore[assignment]
                next_out += 1
                yield item
                if fail_fast and item.error:
                    return
        finished = True
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:  # interrupted, failed fast or abandoned: stop the workers now
            for process in list(getattr(executor, "_processes", {}).values()):
                try:
                    process.terminate()
                except Exception:  # pragma: no cover - already gone
                    pass
            executor.shutdown(wait=False, cancel_futures=True)


def _result(future: Future, index: int, path: str) -> Item:
    try:
        return future.result()
    except BaseException as exc:  # the worker died (killed, out of memory)
        return Item(index, path, error=f"{_label(path)}: internal error: the worker reading it "
                                       f"stopped ({type(exc).__name__}: {exc})",
                    internal=True, details="".join(traceback.format_exception(exc)))


def _read_here(path: str) -> bytes | None:
    """The bytes of an input a worker cannot open itself (stdin, a pipe); else None."""
    if path == "-":
        from .decode import read_bytes

        data = read_bytes(path)
        return data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    try:
        if stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as stream:
            return stream.read()
    except OSError:
        return None  # the worker says what is wrong


def _context():
    """Fork where it is safe and fast (Linux, before Python 3.12 frowns on it):
    workers start with the parent's imports and tokenizer. Else the default."""
    import multiprocessing

    if sys.platform == "linux" and sys.version_info < (3, 12):
        return multiprocessing.get_context("fork")
    return None


def _start_worker(level: int) -> None:
    """In each worker: Ctrl-C is the parent's to handle; log at the parent's level."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger(LOGGER).setLevel(level)


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.records.append((record.name, record.levelno, record.getMessage()))
        except Exception:  # pragma: no cover - a message that cannot be formatted
            self.records.append((record.name, record.levelno, str(record.msg)))


def read_one(index: int, path: str, data: bytes | None, encoding: str | None,
             records: bool, known: Mapping[str, str] | None = None) -> Item:
    """Read one input into an Item; its messages captured rather than shown."""
    from .sources import read_input

    logger = logging.getLogger(LOGGER)
    capture = _Capture()
    propagate = logger.propagate
    logger.addHandler(capture)
    logger.propagate = False
    try:
        sources = tuple(read_input(path, encoding=encoding, data=data, records=records,
                                   known=known))
        return Item(index, path, sources, messages=tuple(capture.records))
    except LuohuError as exc:
        return Item(index, path, error=_named(path, str(exc)), messages=tuple(capture.records))
    except (KeyboardInterrupt, SystemExit):
        raise
    except RecursionError as exc:
        return Item(index, path, error=_named(path, f"internal error: {exc}"), internal=True,
                    details=traceback.format_exc(), messages=tuple(capture.records))
    except Exception as exc:
        return Item(index, path, error=_named(path, f"internal error: {type(exc).__name__}: "
                                                    f"{exc}"),
                    internal=True, details=traceback.format_exc(),
                    messages=tuple(capture.records))
    finally:
        logger.removeHandler(capture)
        logger.propagate = propagate


def _named(path: str, message: str) -> str:
    """The message, starting with the input's name unless it names it already."""
    label = "standard input" if path == "-" else _label(path)
    return message if label in message else f"{label}: {message}"


def _label(name: str) -> str:
    from .decode import source_label

    return source_label(name)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__
