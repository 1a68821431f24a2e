"""Start-up work done once per machine: the tokenizer's dictionary, cached on disk.

:func:`cached` returns what `build` returns, from a file in the user's cache
directory when one made from the same inputs is there, else by calling
`build` and saving the result for the next process:

- the file is keyed by the SHA-256 of the data files' bytes (and Python's
  version, whose ``marshal`` format it uses): change ``words.txt`` and the
  next run builds a new file; files of other keys are removed then;
- it is written to a temporary file in the same directory and renamed into
  place, so two processes building it at once each write a whole file and a
  reader never sees half of one;
- it is never a reason to fail: a cache directory that cannot be made or
  written, or a file that is broken, truncated or of another shape, means
  building in memory, as without a cache.

Where: ``$LUOHU_CACHE_DIR`` if set (empty: no cache at all), else
``$XDG_CACHE_HOME/luohu``, ``~/.cache/luohu`` (``~/Library/Caches/luohu`` on
macOS, ``%LOCALAPPDATA%\\luohu`` on Windows).

:func:`import_jieba` imports jieba without ``pkg_resources`` (which jieba
imports when setuptools is installed, about 0.1 s, only to find its own data
files, which it then finds by path).
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the shape of what is cached changes
ENV = "LUOHU_CACHE_DIR"


def cache_dir() -> Path | None:
    """The directory of luohu's cache files; None when caching is turned off."""
    given = os.environ.get(ENV)
    if given is not None:
        return Path(given).expanduser() if given.strip() else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "luohu"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "luohu"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "luohu"


def key_of(parts: Iterable[bytes]) -> str:
    """The cache key of some inputs' bytes (and of this Python's marshal format)."""
    digest = hashlib.sha256(f"{FORMAT}:{sys.version_info[:2]}:{marshal.version}".encode())
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()[:32]


def cached(name: str, inputs: Iterable[bytes], build: Callable[[], Any],
           check: Callable[[Any], bool] = lambda value: True) -> Any:
    """`build()`, or what an earlier build from the same `inputs` saved as `name`.

    What is saved must be marshal-able (dicts, lists, tuples, str, int …).
    `check` says whether a loaded value has the expected shape.
    """
    key = key_of(inputs)
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{name}-{key}.marshal"
    value = _load(path, key, check)
    if value is not None:
        return value
    value = build()
    _save(directory, path, name, key, value)
    return value


def _load(path: Path, key: str, check: Callable[[Any], bool]) -> Any:
    try:
        with open(path, "rb") as stream:
            stored = marshal.loads(stream.read())  # load(stream) reads in small pieces: 4x slower
    except FileNotFoundError:
        return None
    except (OSError, EOFError, ValueError, TypeError) as exc:
        log.debug("tokenizer cache %s unreadable (%s): building in memory", path, exc)
        return None
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key):
        log.debug("tokenizer cache %s is not of this key: building in memory", path)
        return None
    try:
        ok = check(stored[1])
    except Exception:  # a shape check that a broken value trips
        ok = False
    if not ok:
        log.debug("tokenizer cache %s has another shape: building in memory", path)
        return None
    return stored[1]


def _save(directory: Path, path: Path, name: str, key: str, value: Any) -> None:
    """Write the cache file whole (temporary file, rename); never raise."""
    temp = directory / f".{path.name}.{os.getpid()}.tmp"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with open(temp, "wb") as stream:
            stream.write(marshal.dumps((key, value)))
        os.replace(temp, path)
    except (OSError, ValueError) as exc:
        log.debug("tokenizer cache not written to %s (%s)", directory, exc)
        with suppress(OSError):
            temp.unlink()
        return
    with suppress(OSError):  # files of other keys: data changed since
        for old in directory.glob(f"{name}-*.marshal"):
            if old.name != path.name:
                old.unlink()


def import_jieba():
    """jieba, imported without pkg_resources (jieba then reads its files by path)."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    saved = sys.modules.get("pkg_resources", _MISSING)
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import fails: ImportError
    try:
        import jieba
    finally:
        if saved is _MISSING:
            sys.modules.pop("pkg_resources", None)
        else:
            sys.modules["pkg_resources"] = saved
    return jieba


_MISSING = object()
