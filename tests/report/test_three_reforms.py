"""Issue 15's "done when", end to end through the CLI: a report for each of the other reforms with no
Kazakh wording, and one clear error (exit 2) for each bad input it names."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from reformlab.cli import app

runner = CliRunner()
KAZAKH = re.compile(r"Kazakh|Nur Otan|Majilis|\bAPK\b|2004 and 2007 list votes")
MINIMAL = "tests/model/fixtures/good/minimal.yaml@2012-01-01"


@pytest.mark.parametrize(("before", "after", "fmt", "country", "chamber"), [
    ("ua@2005-01-01", "ua@2006-06-01", "html", "Ukraine", "Verkhovna Rada"),
    ("kg@2008-06-01", "kg@2011-01-01", "md", "Kyrgyzstan", "Jogorku Kenesh"),
])
def test_the_report_of_another_reform_names_only_its_own_country(tmp_path, before, after, fmt, country, chamber):
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["report", before, after, "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert KAZAKH.search(text) is None, KAZAKH.search(text)
    assert country in text and chamber in text
    if fmt == "html":
        sections = re.findall(r'<section id="(\w+)">(.*?)</section>', text, flags=re.S)
        assert {"summary", "chambers", "appointments", "power", "changes", "claims", "provenance"} <= {
            name for name, _ in sections}
        assert all(re.sub(r"<[^>]+>|\s", "", body) for _, body in sections)
    else:
        bodies = re.split(r"^## \d+\. .+$", text, flags=re.MULTILINE)[1:]
        assert len(bodies) >= 7 and all(body.strip() for body in bodies)


def test_the_kazakh_2022_reform_reports_too(tmp_path):
    out = tmp_path / "kz2022.md"
    result = runner.invoke(app, ["report", "kz@2022-06-04", "kz@2023-06-01", "-f", "md", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "| Majilis seats | 107 seats | 98 seats |" in out.read_text(encoding="utf-8")


def test_each_bad_input_is_one_clear_error(tmp_path):
    spec = tmp_path / "ua-spec.yaml"
    spec.write_text("country: Ukraine\nkey_bodies: [majilis]\n", encoding="utf-8")
    cases = [
        (["report", "ua@2005-01-01", "ua@2006-06-01", "--spec", str(spec), "-o", str(tmp_path / "r.html")],
         ["majilis", "key_bodies", str(spec)]),
        (["compare", "ua@2006-06-01", "ua@2008-01-01", "--camp", "Regions"], ["--camp", "Party of Regions"]),
        (["report", "ua@2005-01-01", "ua@2006-06-01", "--camp", "nobody", "-o", str(tmp_path / "r.html")],
         ["--camp", "no actor or principal"]),
        (["compare", "kz@2007-09-01", MINIMAL], ["no role mapping", "--roles"]),
    ]
    for args, words in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output and result.output.count("error:") == 1, result.output
        for word in words:
            assert word in result.output, (word, result.output)
    assert not (tmp_path / "r.html").exists()
