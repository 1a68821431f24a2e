"""The examples in README.md and docs/*.md are the tool's real output.

One test per example (a fenced block with ``$ `` command lines), named
FILE:LINE after its first command; a failure shows the unified diff between
the doc and the real output. `scripts/docs_examples.py --update` refreshes the
docs; see its docstring for how commands run and how output is matched.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("docs_examples", ROOT / "scripts" / "docs_examples.py")
docs_examples = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("docs_examples", docs_examples)
_spec.loader.exec_module(docs_examples)


def _examples():
    for path in docs_examples.doc_files():
        for example in docs_examples.parse(path):
            marks = [pytest.mark.skip(reason=f"marked {docs_examples.SKIP_MARK}")] if example.skip else []
            yield pytest.param(example, id=example.id, marks=marks)


@pytest.mark.parametrize("example", list(_examples()))
def test_example(example):
    outcome = docs_examples.run_example(example)
    if not outcome.ok:
        pytest.fail(outcome.diff() + "\nrefresh with: uv run python scripts/docs_examples.py --update",
                    pytrace=False)


# --- the checker itself ------------------------------------------------------------

E = docs_examples.ELLIPSIS


@pytest.mark.parametrize("expected, real, ok", [
    (["a", "b"], ["a", "b"], True),
    (["a", "b  "], ["a  ", "b", "", ""], True),           # trailing spaces and blank lines
    (["a", "b"], ["a", "c"], False),
    (["a", "b"], ["a"], False),
    (["a", E], ["a", "b", "c"], True),
    (["a", E], ["a"], True),                                # … may stand for no line
    ([E, "c"], ["a", "b", "c"], True),
    (["a", "  " + E, "c"], ["a", "b", "c"], True),          # indented …
    (["a", E, "c"], ["a", "b"], False),
    (["a", E, "x", E, "d"], ["a", "b", "x", "c", "d"], True),
    (["a", E, "x", E, "d"], ["a", "b", "c", "d"], False),
    (["a", E, "x", "y", E], ["a", "x", "z", "x", "y"], True),
    (["a", E, "a"], ["a"], False),                          # head and tail never overlap
    (["a", "..."], ["a", "b"], False),                      # only U+2026 elides
])
def test_matches(expected, real, ok):
    assert docs_examples.matches(expected, real) is ok


@pytest.mark.parametrize("expected, real, refreshed", [
    (["a", "b"], ["a", "b"], ["a", "b"]),                               # kept as written
    (["a", "b", ""], ["a", "c"], ["a", "c", ""]),                       # separator kept
    (["h1", "h2", " " + E, "t"], ["H1", "H2", "x", "y", "T"], ["H1", "H2", " " + E, "T"]),
    (["h1", E], ["H1", "x"], ["H1", E, ]),
    (["h1", E, "t"], ["H1", "T"], ["H1", "T"]),                         # nothing left to elide
    ([E, "row 58 b", E, "end"], ["x", "y", "row 58 b2", "z", "end"], [E, "row 58 b2", E, "end"]),
])
def test_refresh(expected, real, refreshed):
    assert docs_examples.refresh(expected, real) == refreshed


def test_parse_finds_commands_outputs_and_skip_marks(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text("text\n\n```sh\nuv run pytest\n```\n\n<!-- not checked -->\n\n```console\n"
                   "$ luohu extract a.txt\n$ luohu list b.txt\nb.txt: 0 indicators\n```\n\n"
                   "````\n$ echo hi\nhi\n```\n````\n", encoding="utf-8")
    first, second = docs_examples.parse(doc)
    assert first.skip and first.line == 10
    assert [(c.line, c.text, c.expected) for c in first.commands] == [
        (10, "luohu extract a.txt", []), (11, "luohu list b.txt", ["b.txt: 0 indicators"])]
    assert not second.skip and second.commands[0].expected == ["hi", "```"]


def test_commands_run_in_a_scratch_directory_on_a_terminal(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text("```\n$ uv run luohu extract missing.txt\nluohu: no such file: missing.txt\n"
                   "$ echo $?\n1\n$ luohu extract seeds/luohu-2023.txt > out.csv\n"
                   "$ head -1 out.csv\n$ luohu extract seeds/luohu-2023.txt | head -1\n"
                   "$ luohu extract seeds/luohu-2023.txt\n```\n", encoding="utf-8")
    (example,) = docs_examples.parse(doc)
    outputs = docs_examples.run_example(example).outputs
    assert outputs[:3] == [["luohu: no such file: missing.txt"], ["1"], []]
    assert outputs[3][0].startswith("report,line,start,end,")       # redirected: CSV
    assert outputs[4] == outputs[3]                                   # piped: CSV
    assert outputs[5][0].startswith("seeds/luohu-2023.txt: ")        # a terminal: the table
    assert max(map(len, outputs[5])) <= 80
    assert not (ROOT / "out.csv").exists()


# --- the doctests of the command line and its writers --------------------------------

DOCTEST_MODULES = ["luohu_cli.commands.common", "luohu_cli.commands.inputs",
                   "luohu_cli.commands.outputs", "luohu_cli.commands.export",
                   "luohu_cli.formats", "luohu_cli.render", "luohu_cli.diff_render",
                   "luohu_cli.select", "luohu_cli.records_io", "luohu_cli.export",
                   "luohu_cli.mojibake"]


@pytest.mark.parametrize("name", DOCTEST_MODULES)
def test_doctests(name):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
