"""The report's power section leads with margins, the rules/election split and robustness, and draws the index
bars only where the indices differ; every figure it shows is the analysis functions' (issue 10, item 4)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformlab.analysis import evaluate
from reformlab.analysis.effects import grid
from reformlab.analysis.margins import margin
from reformlab.analysis.robust import robust_claims, robust_control, side
from reformlab.cli import app
from reformlab.commands.report import make_report

BEFORE, AFTER = "kz@2007-05-20", "kz@2007-05-21"
runner = CliRunner()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("power")
    return {
        "md": make_report(output=folder / "r.md", format="md", risk_draws=0).read_text(encoding="utf-8"),
        "html": make_report(output=folder / "r.html", format="html", risk_draws=0).read_text(encoding="utf-8"),
        "robust": make_report(output=folder / "robust.md", format="md", risk_draws=0,
                              robust=True).read_text(encoding="utf-8"),
    }


def _section(text: str) -> str:
    return text[text.index("## 4. Power per procedure"):text.index("## 5. What changed")]


def test_the_section_leads_with_the_margins_the_analysis_computes(pages):
    section = _section(pages["md"])
    tree = evaluate(BEFORE).decisions["constitutional_amendment"].trees[0][1]
    m = margin(tree)
    held, needed, members = min(m.held["majilis"], key=lambda e: e[1])
    assert (held, needed, members, m.flip, m.witness) == (57, 58, 77, 1, {"majilis": 1})
    assert f"Majilis: {held} held, {needed} needed of {members}" in section
    assert "1 seat changing hands (1 in the Majilis) would let the President pass it alone" in section
    after = margin(evaluate(AFTER).decisions["constitutional_amendment"].trees[0][1])
    assert after.flip == 12 and after.witness == {"senate": 12}
    assert "12 seats changing hands (12 in the Senate) would leave the President only a veto" in section
    assert section.index("Where control moved") < section.index("Rules or votes?") < section.index("Where control stayed")
    assert section.index("Where control stayed") < section.index("Power indices where they differ")


def test_the_split_is_the_grids(pages):
    split = grid([BEFORE, AFTER], ["kz-majilis-2004", "kz-majilis-2007"]).splits()["constitutional_amendment"]
    control, surplus = split["president"]["control"], split["president"]["surplus"]
    assert (control.rules / control.total, control.election / control.total) == (Fraction(1, 2), Fraction(1, 2))
    sentence = ("Of the President's gain in amending the Constitution (veto → passes alone), the rules account for "
                "half, the 2007 vote for half; either alone would have made it")
    assert sentence in _section(pages["md"])
    assert (f"{surplus.before} → +{surplus.after}, the rules +{surplus.rules}, the vote +{surplus.election}"
            in _section(pages["md"]))


def test_robustness_of_control_is_robust_controls(pages):
    found = {r.id: r for r in robust_control([side(BEFORE), side(AFTER)])}
    amendment = found[f"{BEFORE}: constitutional_amendment"]
    assert (amendment.default, amendment.holds, amendment.total) == ("veto", 776, 1024)
    assert amendment.sentence() in _section(pages["md"])
    assert "independents in majilis answer to" in _section(pages["md"])  # the space, with its grounds


def test_index_bars_only_where_indices_differ(pages):
    html = pages["html"]
    power = html[html.index('<section id="power">'):html.index('<section id="changes">')]
    assert power.count('data-chart="bars"') == 5  # the early release for illness (Art. 47(1)) is the fifth
    assert "The same index before and after, so not drawn:" in power and "adopting an ordinary law" in power
    assert 'data-power="margins"' in power and "57 held, 58 needed of 77" in power


def test_report_robust_leads_with_the_claims_verdicts(pages):
    section = _section(pages["robust"])
    claims = {r.id: r for r in robust_claims()}
    consolidation = claims["consolidation_constitutional_amendment"]
    assert (consolidation.holds, consolidation.total) == (184, 1024)
    assert section.index("**Robust verdicts.**") < section.index("Where control moved")
    assert f"| consolidation constitutional amendment | holds | 184 of 1024 | {consolidation.flip_text()} |" in section
    steady = [r for r in claims.values() if r.holds == r.total]
    assert f"No combination flips the other {len(steady)} verdicts: majilis size (holds)" in section
    flipped = sorted((r for r in claims.values() if r.holds < r.total), key=lambda r: r.holds / r.total)
    assert section.index(flipped[0].id.replace("_", " ")) < section.index(flipped[-1].id.replace("_", " "))


def test_report_election_holds_the_votes_fixed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", "--election", "kz-majilis-2004", "-f", "md", "-o", "e.md"])
    assert result.exit_code == 0, result.output
    section = _section(Path("e.md").read_text(encoding="utf-8"))
    assert "Both sides filled from the same votes, scenario kz-majilis-2004 (election KZ-MAJ-2004)" in section
    assert "Rules or votes?" not in section  # nothing to split: the votes are the same on both sides
    after = evaluate(AFTER, election="kz-majilis-2004").filling.bodies["majilis"].by_principal()["president"]
    assert f"Majilis: {after} held, 81 needed of 107" in section
    result = runner.invoke(app, ["report", "--election", "kz-majilis-2099", "-o", "x.html"])
    assert result.exit_code == 2 and "no built-in scenario or election 'kz-majilis-2099'" in result.output
