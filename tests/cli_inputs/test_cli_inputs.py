"""Hostile and mistaken inputs through the CLI, one fixture per case, and every README command as written.

Each fixture starts with ``# run: ARGS`` (``{file}`` is the fixture itself, ``{examples}`` the shipped
examples folder), one or more ``# expect: TEXT`` lines that must appear verbatim in the output, and an optional
``# exit: N`` (default 2: one clean message, never a traceback). ``.cmd`` fixtures are only the command; a
``.csv`` fixture's header lines are dropped before it is read (CSV has no comments).
"""

from __future__ import annotations

import ast
import json
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformlab.cli import app

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
FIXTURES = sorted((HERE / "fixtures").iterdir())
EXAMPLES = ROOT / "examples"


def header(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for raw in path.read_bytes().split(b"\n"):
        match = re.match(r"# (run|expect|exit): (.*)", raw.decode("utf-8", "replace"))
        if not match:
            break
        found.setdefault(match.group(1), []).append(match.group(2))
    return found


def invoke(args: list[str], columns: int = 200):
    return CliRunner().invoke(app, args, env={"COLUMNS": str(columns)})


def test_there_is_a_fixture_per_case():
    assert len(FIXTURES) >= 20
    for path in FIXTURES:
        spec = header(path)
        assert spec.get("run") and spec.get("expect"), f"{path.name} needs '# run:' and '# expect:' lines"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_input_gives_one_clean_message(path, tmp_path):
    spec = header(path)
    file = path
    if path.suffix == ".csv":
        file = tmp_path / path.name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        file.write_text("".join(line for line in lines if not line.startswith("# ")), encoding="utf-8")
    command = spec["run"][0].replace("{file}", str(file)).replace("{examples}", str(EXAMPLES))
    result = invoke(shlex.split(command))
    expected_exit = int(spec.get("exit", ["2"])[0])
    assert result.exit_code == expected_exit, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    if expected_exit == 2:
        assert result.output.startswith("error: ") and result.output.count("error: ") == 1, result.output
        assert not re.match(r"error: \d+ problems", result.output), f"one mistake, one message:\n{result.output}"
    for text in spec["expect"]:
        assert text in result.output, f"{text!r} not in:\n{result.output}"


def test_errors_and_fixes_print_as_written(capsys):
    """The CLI's error printer never reads a message or a fix as markup."""
    from reformlab.commands.output import print_error
    from reformlab.errors import ReformlabError

    error = ReformlabError("ids match ^[a-z][a-z0-9_]*$, [/x] closes nothing", field="[bold red]x",
                           fix="pip install 'reformlab[dask]'")
    print_error("error:", error.message())
    err = capsys.readouterr().err
    for text in ("^[a-z][a-z0-9_]*$", "[/x]", "[bold red]x", "'reformlab[dask]'"):
        assert text in err


# README commands that take 3-35 s each (a whole report, a million draws, 39 simulations, a Dask cluster, every
# decision as an exact game): run all the same, as written, but marked slow (still part of ``make test``).
README_SLOW = (
    "reformlab report", "--draws 1000000", "--sweep", "--scheduler dask", "risk kz@2004-10-01 --set", "power kz@",
    "reformlab process", "kz@2007-05-21 --format json",
)  # fmt: skip
# README command lines that cannot run to an end here, and why.
README_NOT_RUN = {
    "tcp://host:8786": "the address of a Dask scheduler the reader runs (the line without it is run)",
}


def _variants(line: str) -> list[str]:
    """A README line with optional parts in brackets (``reformlab process [--format json]``) as every command
    it stands for: without each optional part and with it."""
    match = re.search(r" \[(--[^\]]*)\]", line)
    if not match:
        return [line]
    rest = line[match.end():]
    return [*_variants(line[: match.start()] + rest), *_variants(line[: match.start()] + " " + match.group(1) + rest)]


def readme_commands() -> list[str]:
    """Every ``reformlab`` command line in the README's shell blocks, comments dropped, options expanded."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = re.split(r"\s+#\s", line)[0].strip()
            if line.startswith("reformlab "):
                commands += [c for c in _variants(line) if c not in commands]
    return commands


def test_the_readme_has_commands():
    commands = readme_commands()
    assert len(commands) >= 35
    assert "reformlab process" in commands and "reformlab process --format json" in commands


def _readme_case(command: str):
    marks = [pytest.mark.slow] if any(part in command for part in README_SLOW) else []
    reason = next((why for part, why in README_NOT_RUN.items() if part in command), None)
    if reason:
        marks.append(pytest.mark.skip(reason=reason))
    return pytest.param(command, marks=marks, id=command)


@pytest.fixture
def readme_folder(tmp_path, monkeypatch):
    """A folder where the README's relative paths resolve (``examples/``, ``src/``, ``tests/`` of this
    repository) and its outputs (``out.html``, ``risk.json``, the default report) land, not in the repository."""
    for name in ("examples", "src", "tests"):
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", [_readme_case(c) for c in readme_commands()])
def test_readme_command_runs_as_written(command, readme_folder):
    if "--format pdf" in command:
        from reformlab.report.browser import find_chromium

        if find_chromium() is None:  # tests/report installs it (as root) and fails without it
            pytest.skip("needs headless Chromium (tests/report/conftest.py installs it)")
    result = invoke(shlex.split(command)[1:], columns=100)
    assert result.exit_code == 0, f"{command}\n{result.output}"
    assert "Traceback" not in result.output
    for written in re.findall(r"(?:-o|--output) (\S+)", command):
        if written == "-":  # standard output
            assert result.stdout.strip(), command
            continue
        assert (readme_folder / written).stat().st_size > 0  # the output it names was written


def test_every_readme_command_is_run():
    """Nothing in the README is left out but what cannot run here, each with its reason."""
    left_out = [c for c in readme_commands() if any(part in c for part in README_NOT_RUN)]
    assert left_out == ["reformlab risk kz@2004-10-01 kz@2007-09-01 --scheduler dask --address tcp://host:8786"]


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.S)


@pytest.mark.slow
@pytest.mark.parametrize("block", _python_blocks(), ids=lambda b: b.splitlines()[0])
def test_readme_python_runs_as_written(block, readme_folder):
    """Each Python snippet runs, and where its comment shows a result as a Python literal (``# 15``,
    ``# {'A': 6, 'B': 4, 'C': 0}``), that is the result; comments with ``...`` or prose are not compared."""
    lines = block.splitlines()
    namespace: dict = {}
    for statement in ast.parse(block).body:
        code = ast.get_source_segment(block, statement)
        if isinstance(statement, ast.Expr):
            value = eval(code, namespace)  # noqa: S307 - the README's own expression
            comment = lines[statement.end_lineno - 1].partition("  # ")[2].strip()
            try:
                shown = ast.literal_eval(comment)
            except (ValueError, SyntaxError):
                continue
            assert value == shown, f"{code} gives {value!r}, the README shows {comment}"
        else:
            exec(code, namespace)  # noqa: S102 - the README's own code


NARROW_COMMANDS = [
    "compare kz@2007-05-20 kz@2007-05-21", "list", "show kz@2007-06-01", "risk kz@2004-10-01 --draws 2000 --seed 1",
    "show kz@2007-05-21", "power --quota 51 --weights 40,30,20,10 --names A,B,C,D",
    "power tests/games/fixtures/law.yaml",
]  # fmt: skip


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z-]*[A-Za-z]", text))


@pytest.mark.parametrize("command", NARROW_COMMANDS)
def test_an_80_column_terminal_gets_80_columns_folded_between_words(command, readme_folder):
    """At 80 columns every line fits, and no word is cut in two: a word of the 80-column output that the
    unfolded (1,000-column) output lacks must not be the start or end of one it has (``presid`` / ``ent``)."""
    narrow = invoke(shlex.split(command), columns=80)
    wide = invoke(shlex.split(command), columns=1000)
    assert narrow.exit_code == wide.exit_code == 0, narrow.output
    assert max(map(len, narrow.output.splitlines())) <= 80
    whole = _words(wide.output)
    cut = sorted(w for w in _words(narrow.output) - whole
                 if any(x != w and (x.startswith(w) or x.endswith(w)) for x in whole))
    assert not cut, f"words cut at 80 columns: {cut}"


def _tokens(text: str) -> set[str]:
    """The whitespace-separated words of ``text``, table borders and punctuation around them dropped."""
    return {t.strip("│┃;,:()\"'{}[]") for t in text.split()} - {""}


def _claims_words(rows: list[dict]) -> set[str]:
    """Each claim's id, text, verdict, reason and rounding, and its figures as compact JSON."""
    texts = [str(row[key]) for row in rows for key in ("id", "text", "verdict", "reason", "rounding", "camp")
             if row.get(key) is not None]
    texts += [json.dumps(row[key], ensure_ascii=False) for row in rows for key in ("expected", "computed")]
    return set().union(*map(_tokens, texts))


def _party_words(data: dict) -> set[str]:
    return set().union(*map(_tokens, data["seats"]))


MARKUP_NAMES = HERE / "fixtures" / "markup_in_party_names.csv"  # has "[link=http://evil.example]Click me"


@pytest.mark.parametrize(("command", "words"), [
    ("claims", _claims_words), ("claims --claims isaacs2008_process", _claims_words),
    ("allocate {names} --seats 10", _party_words),
])  # fmt: skip
def test_an_80_column_terminal_shows_every_word_of_the_json_whole(command, words, tmp_path):
    """At 80 columns every line fits, and every word and id the JSON output holds (claim ids and text, party
    names) is on one line, uncut: claims print as blocks when a table would cut them, a party name folds at its
    own spaces."""
    names = tmp_path / "names.csv"
    names.write_text("".join(line for line in MARKUP_NAMES.read_text(encoding="utf-8").splitlines(keepends=True)
                             if not line.startswith("# ")), encoding="utf-8")
    args = shlex.split(command.replace("{names}", str(names)))
    narrow = invoke(args, columns=80)
    assert narrow.exit_code == 0, narrow.output
    assert max(map(len, narrow.output.splitlines())) <= 80
    wanted = words(json.loads(invoke(args + ["--format", "json"]).output))
    assert len(wanted) >= 5  # the test has words to look for
    missing = sorted(wanted - _tokens(narrow.output))
    assert not missing, f"not whole at 80 columns: {missing}"


def test_an_80_column_terminal_breaks_a_long_dotted_path_at_a_dot():
    """``show`` lists the unknown paths; one is longer than the line: it breaks after a dot, never inside a
    part, and every path reads whole once those breaks are joined."""
    from reformlab.model.targets import resolve_target

    paths = [path for path, _ in resolve_target("kz@2007-05-21").unknowns()]
    assert max(map(len, paths)) > 80  # the case this test is about
    narrow = invoke(["show", "kz@2007-05-21"], columns=80)
    assert narrow.exit_code == 0, narrow.output
    assert max(map(len, narrow.output.splitlines())) <= 80
    missing = sorted(set(paths) - _tokens(re.sub(r"\.\n", ".", narrow.output)))
    assert not missing, f"paths cut at 80 columns: {missing}"
