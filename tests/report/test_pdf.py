"""The printed report (headless Chromium): page numbers, a running header, the paper asked, key figures kept on
one page, and no word broken inside."""

from __future__ import annotations

import html
import io
import re

import pytest

from reformlab.analysis.claims import check_claims
from reformlab.analysis.compare import compare
from reformlab.report import render_html, render_pdf
from reformlab.report.build import build_report

pdfminer = pytest.importorskip("pdfminer.high_level", reason="pdfminer.six comes with the test extra")
from pdfminer.layout import LTTextContainer  # noqa: E402

PUNCTUATION = ".,;:()[]{}\"'“”‘’!?«»"
PAPERS = {"A4": (595, 842), "Letter": (612, 792)}  # points, rounded


@pytest.fixture(scope="module")
def kz_report():
    return build_report(compare("kz@2007-05-20", "kz@2007-05-21"), check_claims(), generated_on="2026-01-01")


def _pages(pdf: bytes) -> list[str]:
    return ["\n".join(element.get_text() for element in page if isinstance(element, LTTextContainer))
            for page in pdfminer.extract_pages(io.BytesIO(pdf))]


def _words(page: str) -> set[str]:
    """The words a reader sees on the HTML page (charts and styles left out), stripped of punctuation."""
    visible = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(style|svg)[^>]*>.*?</\1>", " ", page, flags=re.S)))
    return {word.strip(PUNCTUATION) for word in visible.split()}


def broken_words(text: str, words: set[str]) -> list[tuple[str, str]]:
    """Pairs (end of a line, start of the next) that are one word of ``words`` cut in two: a word cut
    inside ("Constit" + "utional"), or a version or date cut at a hyphen ("kz@2007-" + "05-21")."""
    lines = [line.strip() for line in text.splitlines() if len(line.strip()) > 2]  # rotated axis titles: a letter a line
    found = []
    for line, following in zip(lines, lines[1:]):
        end, start = line.split()[-1].strip(PUNCTUATION), following.split()[0].strip(PUNCTUATION)
        if not end or not start or end + start not in words:
            continue
        cut_inside = end[-1].isalpha() and start[0].isalpha() and (end not in words or start not in words)
        cut_id = end.endswith("-") and any(ch.isdigit() or ch == "@" for ch in end)
        if cut_inside or cut_id:
            found.append((end, start))
    return found


def test_the_check_finds_a_broken_word():
    words = {"Constitutional", "Council", "kz@2007-05-21", "party-list", "the"}
    assert broken_words("the Constit\nutional Council", words) == [("Constit", "utional")]
    assert broken_words("from kz@2007-\n05-21 on", words) == [("kz@2007-", "05-21")]
    assert broken_words("a party-\nlist seat", words) == []  # a compound may break at its hyphen
    assert broken_words("the Constitutional\nCouncil", words) == []


def _media_boxes(pdf: bytes) -> set[tuple[int, int]]:
    return {tuple(round(float(v)) for v in box.decode().split()[2:]) for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)}


@pytest.mark.browser
def test_letter_paper_by_option(kz_report, chromium):
    assert _media_boxes(render_pdf(kz_report, paper="Letter")) == {PAPERS["Letter"]}


@pytest.mark.browser
def test_the_printed_report_reads_well(kz_report, chromium, artifacts):
    pdf = render_pdf(kz_report)  # A4 by default
    (artifacts / "kz-2007-report.pdf").write_bytes(pdf)
    assert _media_boxes(pdf) == {PAPERS["A4"]}
    pages = _pages(pdf)
    count = len(pages)
    assert count > 1
    for number, text in enumerate(pages, start=1):
        assert f"page {number} of {count}" in text, number
        assert kz_report.title in " ".join(text.split()), number  # the running header
    labels = [figure.label for figure in kz_report.key_figures]
    first = {label: next(n for n, text in enumerate(pages) if label in " ".join(text.split())) for label in labels}
    assert len(set(first.values())) == 1, first  # every key-figure card on one page
    assert broken_words("\n".join(pages), _words(render_html(kz_report))) == []


@pytest.mark.browser
def test_the_printed_ukrainian_report_breaks_no_date_or_word(chromium):
    report = build_report(compare("ua@2005-01-01", "ua@2006-06-01"), generated_on="2026-01-01")
    pages = _pages(render_pdf(report))
    assert all(f"page {n} of {len(pages)}" in text for n, text in enumerate(pages, start=1))
    assert broken_words("\n".join(pages), _words(render_html(report))) == []
