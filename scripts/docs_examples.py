"""Check, or refresh, the command examples in README.md and docs/*.md.

An *example* is a fenced code block (```) holding lines that start with ``$ ``:
each such line is a command, and the lines after it, up to the next ``$ `` line
or the end of the block, are its expected output. Fenced blocks without a
``$ `` line (set-up commands, Python snippets, a CI script) are not examples.
A block whose fence is preceded by the line ``<!-- not checked -->`` (blank lines
between allowed) is an illustration and is skipped.

    uv run python scripts/docs_examples.py --check     # exit 1 and a diff per failing example
    uv run python scripts/docs_examples.py --update    # rewrite the expected outputs in place

Matching: the real output must equal the expected lines one for one, trailing
spaces and trailing blank lines ignored; a line that is only ``…`` (U+2026,
indentation allowed) matches any number of real lines, so long outputs can be
shown in part. ``--update`` rewrites only the outputs that do not match, and
keeps their elisions: as many lines before the first ``…`` and after the last
one as the doc had, taken from the real output; a part between two ``…`` is
refreshed from the place in the real output that resembles it most (check
those by eye).

How commands run. Each example gets a fresh temporary directory, holding copies
of the repository files and directories its commands name (``seeds/...``,
``fixtures/...``), which is the working directory of its commands; whatever
they write (``> indicators.csv``, ``-o t.xlsx``) stays there. Supported: ``luohu
ARGS`` and ``uv run luohu ARGS`` (the CLI, in this process through typer's
CliRunner, or with ``--subprocess`` as ``python -m luohu_cli``), ``head -N
[FILE]``, ``echo ... $?``, ``python -c CODE`` (``uv run python`` too; a real
process), pipes ``|`` between them and a final ``> FILE``. Anything else is an
error, so that an example cannot pass by not running.

The environment is fixed: COLUMNS=80, LINES=25, NO_COLOR=1, TERM=dumb. The
examples are a transcript of what a user sees in an 80-column terminal: the
stdout of a command that is neither piped nor redirected is a terminal
(``isatty()`` is true, so ``luohu extract FILE`` shows its table, as the README
says it does on a terminal), while a command piped (``| head``, ``| luohu
filter -``) or redirected (``> FILE``) writes to a pipe and takes its piped
form (CSV). TERM=dumb keeps rich from writing colour or cursor codes on that
terminal. stderr is never a terminal (the progress bar shown for 3 inputs or
more on a terminal is transient and not part of any transcript); what a
command writes to stderr is shown with its output, as a terminal would.
"""
from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ELLIPSIS = "…"
SKIP_MARK = "<!-- not checked -->"
FENCE = re.compile(r"^(`{3,})")
PROMPT = "$ "

ENV = {
    "COLUMNS": "80",
    "LINES": "25",
    "NO_COLOR": "1",
    "TERM": "dumb",
    # anything that would make rich or click believe otherwise
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "CLICOLOR_FORCE": None,
    "JUPYTER_COLUMNS": None,
    "JUPYTER_LINES": None,
}


# --- Finding the examples --------------------------------------------------------


@dataclass
class Command:
    line: int                    # 1-based line of the ``$ `` line
    text: str                    # the command, without ``$ ``
    expected: list[str]          # the lines after it, as written


@dataclass
class Example:
    path: Path
    line: int                    # 1-based line of the first command
    body: list[str]              # the lines between the fences, as written
    commands: list[Command]
    skip: bool
    preamble: list[str] = field(default_factory=list)   # lines before the first ``$ ``

    @property
    def id(self) -> str:
        return f"{display(self.path)}:{self.line}"

    def render(self, outputs: list[list[str]]) -> list[str]:
        """The block's lines with the given output lines under each command."""
        lines = list(self.preamble)
        for command, output in zip(self.commands, outputs):
            lines.append(PROMPT + command.text)
            lines.extend(output)
        return lines


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def doc_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def parse(path: Path, text: str | None = None) -> list[Example]:
    """The examples of one Markdown file, in order."""
    lines = (path.read_text(encoding="utf-8") if text is None else text).split("\n")
    examples: list[Example] = []
    k = 0
    while k < len(lines):
        opening = FENCE.match(lines[k])
        if not opening:
            k += 1
            continue
        fence = opening.group(1)
        end = k + 1
        closing = re.compile(r"`{%d,}\s*" % len(fence))
        while end < len(lines) and not closing.fullmatch(lines[end]):
            end += 1
        body = lines[k + 1:end]
        if any(line.startswith(PROMPT) for line in body):
            examples.append(_example(path, k, body, _marked(lines, k)))
        k = end + 1
    return examples


def _marked(lines: list[str], fence_index: int) -> bool:
    """Whether the nearest non-blank line before the fence is the skip mark."""
    k = fence_index - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k >= 0 and lines[k].strip() == SKIP_MARK


def _example(path: Path, fence_index: int, body: list[str], skip: bool) -> Example:
    commands: list[Command] = []
    preamble: list[str] = []
    for offset, line in enumerate(body):
        number = fence_index + 2 + offset
        if line.startswith(PROMPT):
            commands.append(Command(number, line[len(PROMPT):], []))
        elif commands:
            commands[-1].expected.append(line)
        else:
            preamble.append(line)
    return Example(path, commands[0].line, body, commands, skip, preamble)


# --- Matching ---------------------------------------------------------------------


def is_marker(line: str) -> bool:
    return line.strip() == ELLIPSIS


def trim(lines: list[str]) -> list[str]:
    """Lines without trailing spaces, and without trailing blank lines."""
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


def segments(expected: list[str]) -> list[list[str]]:
    """Expected lines split at the ``…`` lines: head, middles..., tail."""
    parts: list[list[str]] = [[]]
    for line in expected:
        if is_marker(line):
            parts.append([])
        else:
            parts[-1].append(line)
    return parts


def matches(expected: list[str], real: list[str]) -> bool:
    """Whether the real output lines are what the doc shows (see the module doc)."""
    expected, real = trim(expected), trim(real)
    parts = segments(expected)
    if len(parts) == 1:
        return expected == real
    head, middles, tail = parts[0], parts[1:-1], parts[-1]
    if len(head) + len(tail) > len(real):
        return False
    if real[:len(head)] != head or (tail and real[len(real) - len(tail):] != tail):
        return False
    # literal parts between wildcards: the leftmost place for each is always right
    k, stop = len(head), len(real) - len(tail)
    for part in middles:
        found = _find(real, part, k, stop)
        if found is None:
            return False
        k = found + len(part)
    return True


def _find(real: list[str], part: list[str], start: int, stop: int) -> int | None:
    for k in range(start, stop - len(part) + 1):
        if real[k:k + len(part)] == part:
            return k
    return None


def refresh(expected: list[str], real: list[str]) -> list[str]:
    """The doc's output lines rewritten from the real output, keeping elisions.

    Unchanged if they already match. Trailing blank lines of the doc (a
    separator before the next command) are kept.
    """
    if matches(expected, real):
        return expected
    separator = len(expected) - len(_strip_blank_tail(expected))
    expected, real = _strip_blank_tail(expected), trim(real)
    markers = [k for k, line in enumerate(expected) if is_marker(line)]
    if not markers:
        return real + [""] * separator
    parts = segments(expected)
    head, middles, tail = parts[0], parts[1:-1], parts[-1]
    if len(head) + sum(map(len, middles)) + len(tail) >= len(real):
        return real + [""] * separator      # everything fits: nothing to elide
    out = real[:len(head)]
    k, stop = len(head), len(real) - len(tail)
    for n, (marker, part) in enumerate(zip(markers, middles)):
        out.append(expected[marker])
        at = _closest(real, part, k, stop - sum(map(len, middles[n + 1:])))
        out.extend(real[at:at + len(part)])
        k = at + len(part)
    out.append(expected[markers[-1]])
    out.extend(real[len(real) - len(tail):] if tail else [])
    return out + [""] * separator


def _strip_blank_tail(lines: list[str]) -> list[str]:
    out = list(lines)
    while out and not out[-1].strip():
        out.pop()
    return out


def _closest(real: list[str], part: list[str], start: int, stop: int) -> int:
    """Where in real[start:stop] the lines most resemble `part` (for --update)."""
    best, best_score = start, -1.0
    for k in range(start, max(start, stop - len(part)) + 1):
        window = real[k:k + len(part)]
        score = sum(difflib.SequenceMatcher(None, a, b).ratio() for a, b in zip(part, window))
        if score > best_score:
            best, best_score = k, score
    return best


# --- Running commands -------------------------------------------------------------


class CommandError(Exception):
    """A command line the checker cannot run."""


@dataclass
class Output:
    stdout: bytes = b""
    terminal: str = ""          # what reaches the terminal: stderr, and stdout when not piped
    code: int = 0


def words(command: str) -> list[str]:
    lexer = shlex.shlex(command, posix=True, punctuation_chars="|>")
    lexer.whitespace_split = True
    return list(lexer)


def program(argv: list[str]) -> list[str]:
    """argv without a leading ``uv run``."""
    if argv[:2] == ["uv", "run"]:
        return argv[2:]
    return argv


class Shell:
    """Runs the commands of one example in one working directory."""

    def __init__(self, cwd: Path, *, in_process: bool = True):
        self.cwd = cwd
        self.in_process = in_process
        self.status = 0

    def run(self, command: str) -> str:
        """What the terminal shows for one command line."""
        argv = words(command)
        target = None
        if ">" in argv:
            at = argv.index(">")
            if at != len(argv) - 2:
                raise CommandError(f"only `> FILE` at the end is supported: {command}")
            target, argv = argv[-1], argv[:at]
        stages = split_pipe(argv, command)
        data, shown = b"", []
        for k, stage in enumerate(stages):
            last = k == len(stages) - 1
            out = self.stage(stage, data, tty=last and target is None)
            shown.append(out.terminal)
            data = out.stdout
            self.status = out.code
        if target is not None:
            path = self.cwd / target
            if path.is_symlink():
                path.unlink()
            path.write_bytes(data)
        return "".join(shown)

    def stage(self, argv: list[str], stdin: bytes, *, tty: bool) -> Output:
        argv = program(argv)
        name = argv[0]
        if name == "luohu":
            run = self.luohu_in_process if self.in_process else self.luohu_process
            return run(argv[1:], stdin, tty)
        if name == "head":
            return head(argv[1:], stdin, self.cwd, tty)
        if name == "echo":
            text = " ".join(str(self.status) if w == "$?" else w for w in argv[1:]) + "\n"
            return Output(text.encode(), text if tty else "", 0)
        if name in ("python", "python3") and len(argv) == 3 and argv[1] == "-c":
            return self.process([sys.executable, "-c", argv[2]], stdin, tty)
        raise CommandError(f"unsupported command: {shlex.join(argv)}")

    def luohu_in_process(self, args: list[str], stdin: bytes, tty: bool) -> Output:
        from luohu_cli import cli

        with working_directory(self.cwd):
            result = TerminalRunner(tty).invoke(cli.app, args, input=stdin, env=ENV,
                                                prog_name="luohu")
        shown = result.output if tty else result.stderr
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            shown += "".join(traceback.format_exception(result.exception))
        return Output(result.stdout_bytes, shown, result.exit_code)

    def luohu_process(self, args: list[str], stdin: bytes, tty: bool) -> Output:
        return self.process([sys.executable, "-m", "luohu_cli", *args], stdin, tty)

    def process(self, argv: list[str], stdin: bytes, tty: bool) -> Output:
        env = dict(os.environ)
        for key, value in ENV.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        if not tty:
            done = subprocess.run(argv, input=stdin, cwd=self.cwd, env=env,
                                  capture_output=True, timeout=120)
            return Output(done.stdout, done.stderr.decode("utf-8", "replace"), done.returncode)
        return terminal_process(argv, stdin, self.cwd, env)


def split_pipe(argv: list[str], command: str) -> list[list[str]]:
    stages: list[list[str]] = [[]]
    for word in argv:
        if word == "|":
            stages.append([])
        else:
            stages[-1].append(word)
    if not all(stages):
        raise CommandError(f"empty pipe stage: {command}")
    return stages


def head(args: list[str], stdin: bytes, cwd: Path, tty: bool) -> Output:
    count, files = 10, []
    k = 0
    while k < len(args):
        word = args[k]
        if word == "-n" and k + 1 < len(args):
            count, k = int(args[k + 1]), k + 2
            continue
        if re.fullmatch(r"-\d+", word):
            count = int(word[1:])
        elif word.startswith("-"):
            raise CommandError(f"unsupported head option: {word}")
        else:
            files.append(word)
        k += 1
    if len(files) > 1:
        raise CommandError("head with several files is not supported")
    if files:
        path = cwd / files[0]
        if not path.is_file():
            message = f"head: cannot open '{files[0]}' for reading: No such file or directory\n"
            return Output(b"", message, 1)
        data = path.read_bytes()
    else:
        data = stdin
    out = b"".join(data.splitlines(keepends=True)[:count])
    return Output(out, out.decode("utf-8", "replace") if tty else "", 0)


def terminal_process(argv: list[str], stdin: bytes, cwd: Path, env: dict) -> Output:
    """Run a process with stdout on a pseudo-terminal of 80 columns."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 25, 80, 0, 0))
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=slave, stderr=err,
                                 cwd=cwd, env=env)
        os.close(slave)
        child.stdin.write(stdin)
        child.stdin.close()
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:          # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(master)
        code = child.wait(timeout=120)
        err.seek(0)
        errors = err.read().decode("utf-8", "replace")
    shown = b"".join(chunks).replace(b"\r\n", b"\n").decode("utf-8", "replace")
    return Output(b"", shown + errors, code)


_RUNNER = None


def TerminalRunner(tty: bool):  # noqa: N802 - a CliRunner subclass, made on first use
    """A CliRunner whose stdout says it is a terminal when `tty` is set."""
    global _RUNNER
    if _RUNNER is None:
        _RUNNER = _terminal_runner_class()
    return _RUNNER(tty)


def _terminal_runner_class():
    from typer.testing import CliRunner

    class Runner(CliRunner):
        """CliRunner whose stdout says it is a terminal when `tty` is set."""

        def __init__(self, tty: bool):
            super().__init__()
            self.tty = tty

        @contextlib.contextmanager
        def isolation(self, *args, **kwargs):
            with super().isolation(*args, **kwargs) as streams:
                sys.stdout.isatty = lambda: self.tty        # what the CLI and rich ask
                sys.stderr.isatty = lambda: False
                yield streams

    return Runner


@contextlib.contextmanager
def working_directory(path: Path):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def stage_files(example: Example, into: Path) -> None:
    """Copy into `into` the repository files and directories the commands name."""
    for command in example.commands:
        try:
            argv = words(command.text)
        except ValueError:
            continue
        for word in argv:
            if word.startswith("-") or word in ("|", ">") or os.path.isabs(word):
                continue
            parts = Path(word).parts
            if not parts or ".." in parts or parts[0] in (".git", ".venv"):
                continue
            source = ROOT / word
            target = into / word
            if target.exists() or not source.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, target)
            elif source.is_file():
                shutil.copy2(source, target)


# --- Checking and updating --------------------------------------------------------


@dataclass
class Outcome:
    example: Example
    outputs: list[list[str]]     # the real output of each command, lines
    refreshed: list[list[str]]   # each command's doc lines, refreshed where they fail
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and all(
            matches(command.expected, real)
            for command, real in zip(self.example.commands, self.outputs))

    def diff(self) -> str:
        if self.error:
            return f"{self.example.id}: {self.error}\n"
        doc = self.example.render([c.expected for c in self.example.commands])
        real = self.example.render(self.refreshed)
        return "".join(difflib.unified_diff(
            [line + "\n" for line in doc], [line + "\n" for line in real],
            f"{self.example.id} (doc)", f"{self.example.id} (real output)", lineterm="\n"))


def run_example(example: Example, *, in_process: bool = True) -> Outcome:
    """Run an example's commands in a fresh directory and compare their output."""
    outputs: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="luohu-docs-") as tmp:
        cwd = Path(tmp)
        stage_files(example, cwd)
        shell = Shell(cwd, in_process=in_process)
        try:
            for command in example.commands:
                outputs.append(shell.run(command.text).split("\n"))
        except CommandError as err:
            return Outcome(example, outputs, [], f"line {command.line}: {err}")
    refreshed = [refresh(command.expected, real)
                 for command, real in zip(example.commands, outputs)]
    return Outcome(example, [trim(o) for o in outputs], refreshed)


def check(files: list[Path], *, in_process: bool = True, verbose: bool = False) -> list[Outcome]:
    outcomes = []
    for path in files:
        for example in parse(path):
            if example.skip:
                if verbose:
                    print(f"skip {example.id} (marked {SKIP_MARK})")
                continue
            outcome = run_example(example, in_process=in_process)
            outcomes.append(outcome)
            if verbose:
                print(f"{'ok  ' if outcome.ok else 'FAIL'} {example.id}")
    return outcomes


def update(path: Path, outcomes: list[Outcome]) -> list[str]:
    """Write the refreshed outputs of failing examples into `path`.

    The file is read again just before writing, and only example blocks whose
    text is still what was run are replaced; the rest of the file is kept as it
    is at that moment (others may be editing its prose).
    """
    todo = {tuple(o.example.body): o for o in outcomes
            if o.example.path == path and not o.ok and not o.error}
    if not todo:
        return []
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    changed = []
    # parse again, and replace blocks from the bottom up so that indexes hold
    for example in reversed(parse(path, text)):
        outcome = todo.get(tuple(example.body))
        if outcome is None:
            continue
        start = example.commands[0].line - 1 - len(example.preamble)
        lines[start:start + len(example.body)] = example.render(outcome.refreshed)
        changed.append(example.id)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with open(fd, "w", encoding="utf-8", newline="") as stream:
        stream.write("\n".join(lines))
    os.chmod(temp, path.stat().st_mode & 0o777)
    os.replace(temp, path)
    missing = set(o.example.id for o in todo.values()) - set(changed)
    for name in sorted(missing):
        print(f"{name}: the block changed while it ran; not updated", file=sys.stderr)
    return sorted(changed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true",
                      help="exit 1 and print a unified diff per failing example")
    mode.add_argument("--update", action="store_true",
                      help="rewrite the expected outputs of failing examples in place")
    parser.add_argument("--subprocess", action="store_true",
                        help="run luohu as real processes (stdout on a pseudo-terminal "
                             "where not piped) instead of in this process")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per example")
    parser.add_argument("files", nargs="*", type=Path,
                        help="Markdown files (default: README.md and docs/*.md)")
    args = parser.parse_args(argv)
    files = [path.resolve() for path in args.files] or doc_files()
    outcomes = check(files, in_process=not args.subprocess, verbose=args.verbose)
    failing = [o for o in outcomes if not o.ok]
    if args.update:
        for path in files:
            for name in update(path, outcomes):
                print(f"updated {name}")
        errors = [o for o in failing if o.error]
        for outcome in errors:
            sys.stdout.write(outcome.diff())
        return 1 if errors else 0
    for outcome in failing:
        sys.stdout.write(outcome.diff())
    print(f"{len(outcomes)} examples checked, {len(failing)} failing", file=sys.stderr)
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
