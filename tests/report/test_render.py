"""Rendering a report: self-contained HTML, Markdown for papers, a summary from the numbers, whole-or-nothing files."""

from __future__ import annotations

import dataclasses
import io
import re
from fractions import Fraction

import pytest

from reformlab.errors import ReformlabError
from reformlab.report import (
    Claim,
    Seat,
    render_html,
    render_markdown,
    render_pdf,
    steps,
    validate_report,
    write_report,
)
from reformlab.report.summary import summary_sentences


def test_html_is_self_contained_with_every_section_and_chart(sample_report):
    page = render_html(sample_report)
    assert page.startswith("<!DOCTYPE html>")
    for section in ("summary", "chambers", "appointments", "power", "changes", "claims", "provenance"):
        assert f'id="{section}"' in page
    assert page.count('data-chart="hemicycle"') == 4
    assert page.count('data-chart="graph"') == 2
    assert page.count('data-chart="bars"') == len(sample_report.power)
    # nothing is fetched: no scripts, stylesheets, images, fonts or frames from anywhere
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b", page)
    assert not re.search(r"\bsrc=|@import|url\((?!#)", page)
    assert '<meta name="viewport"' in page


def test_html_escapes_text_from_the_data(sample_report):
    chamber = sample_report.after.chambers[0]
    hostile = dataclasses.replace(chamber, seats=(Seat("<script>x</script>", "#123456", "elected"),) + chamber.seats)
    after = dataclasses.replace(sample_report.after, chambers=(hostile, *sample_report.after.chambers[1:]))
    page = render_html(dataclasses.replace(sample_report, after=after, title="Before & <after>"))
    assert "<script>" not in page
    assert "Before &amp; &lt;after&gt;" in page


def test_summary_is_computed_from_the_numbers(sample_report):
    sentences = list(summary_sentences(sample_report))
    assert sentences[0].startswith("The Majilis grows from 77 to 107 seats")
    assert "9 (8.4%)" in sentences[0]
    assert "from 7 (17.9%) to 15 (31.9%)" in sentences[1]
    assert any("veto players change from Majilis, President and Senate to President and Senate" in s
               for s in sentences)
    assert "2 supported, 1 partly supported, 1 cannot be decided yet" in sentences[-2]
    # other numbers, other sentences: nothing is canned
    senate = sample_report.after.chambers[1]
    smaller = dataclasses.replace(senate, seats=senate.seats[:-5])
    after = dataclasses.replace(sample_report.after, chambers=(sample_report.after.chambers[0], smaller))
    changed = list(summary_sentences(dataclasses.replace(sample_report, after=after)))
    assert "from 7 (17.9%) to 10 (23.8%)" in changed[1]


def test_markdown_has_the_same_content_as_tables(sample_report):
    text = render_markdown(sample_report)
    assert text.startswith("# Kazakhstan before and after")
    for heading in ("## 1. Summary", "## 2. Chambers", "## 3. Who selects whom", "## 4. Power per procedure",
                    "## 5. What changed", "## 6. The study's claims, checked", "## 7. Provenance"):
        assert heading in text
    assert "| APK nominees | chosen by an appointed assembly | 0 | 9 |" in text
    assert "| **Total** | | **77** | **107** |" in text
    assert "| President | 0.333 (veto) | 0.500 (veto) |" in text
    assert "- Majilis → Prime Minister: *must consent* (Art. 44(3))" in text
    assert "<svg" not in text
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert all(line.endswith("|") for line in rows)


def test_markdown_escapes_pipes_in_cells(sample_report):
    claim = Claim("A | B", sample_report.claims[0].source, "supported")
    change = dataclasses.replace(sample_report.changes[0], subject="size | seats")
    text = render_markdown(dataclasses.replace(sample_report, claims=(claim,), changes=(change,)))
    assert "| size \\| seats |" in text


@pytest.mark.parametrize("format", ["html", "md"])
def test_write_report_writes_the_whole_file(sample_report, tmp_path, format):
    path = write_report(sample_report, tmp_path / f"report.{format}", format)
    assert path.read_text(encoding="utf-8") == (render_html if format == "html" else render_markdown)(sample_report)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"report.{format}"]


def test_unwritable_path_is_a_clear_error_and_leaves_nothing(sample_report, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ReformlabError, match="does not exist") as caught:
        write_report(sample_report, blocker / "report.html")
    assert caught.value.field == "--output"
    # a target that is a folder: the rename fails, and the temporary file must not stay behind
    folder = tmp_path / "taken"
    folder.mkdir()
    with pytest.raises(ReformlabError, match="cannot write"):
        write_report(sample_report, folder)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder", "taken"]
    assert list(folder.iterdir()) == []


def test_invalid_report_leaves_no_file(sample_report, tmp_path):
    bad = dataclasses.replace(sample_report, claims=(dataclasses.replace(sample_report.claims[0], verdict="true"),))
    with pytest.raises(ReformlabError) as caught:
        write_report(bad, tmp_path / "report.html")
    assert caught.value.field == "claims[0].verdict"
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_names_the_known_ones(sample_report, tmp_path):
    with pytest.raises(ReformlabError, match="unknown report format 'htm'") as caught:
        write_report(sample_report, tmp_path / "r.htm", "htm")
    assert "'html'" in caught.value.fix


def test_pdf_without_chromium_says_how_to_print_the_html(sample_report, monkeypatch):
    monkeypatch.setenv("REFORMLAB_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(ReformlabError, match="needs headless Chromium") as caught:
        render_pdf(sample_report)
    assert "apt-get install chromium" in caught.value.fix and "--print-to-pdf" in caught.value.fix


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda r: dataclasses.replace(r, facts=(dataclasses.replace(r.facts[0], confidence="sure"),)),
         "facts[0].confidence"),
        (lambda r: dataclasses.replace(r, power=(dataclasses.replace(r.power[0], after={"A": Fraction(-1, 2)}),)),
         "power[0].after"),
        (lambda r: dataclasses.replace(r, before=dataclasses.replace(
            r.before, chambers=(dataclasses.replace(r.before.chambers[0], seats=(Seat("A", "blue", "elected"),)),))),
         "before.chambers[0].seats[0].color"),
    ],
)
def test_validation_names_the_field(sample_report, change, field):
    with pytest.raises(ReformlabError) as caught:
        validate_report(change(sample_report))
    assert caught.value.field == field


def test_progress_is_silent_off_a_terminal_and_drawn_when_asked():
    quiet = io.StringIO()
    with steps("work", total=2, stream=quiet) as bar:
        with bar.step("first"):
            pass
        with bar.step("second"):
            pass
    assert quiet.getvalue() == "" and bar.done == ["first", "second"]
    shown = io.StringIO()
    with steps("work", total=1, stream=shown, enabled=True) as bar, bar.step("drawing charts"):
        pass
    assert bar.done == ["drawing charts"]


def test_nested_progress_reuses_the_outer_bar():
    shown = io.StringIO()
    with (
        steps("command", total=1, stream=shown, enabled=True) as outer,
        outer.step("report"),
        steps("library", total=2) as inner,
        inner.step("rendering"),
    ):
        assert inner.progress is outer.progress and inner.label == "report: rendering"
    assert outer.done == ["report"] and inner.done == ["rendering"]
    assert outer.progress.tasks[0].completed == 1
