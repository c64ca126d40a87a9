"""Hand-written sample report data (Kazakhstan 2007, approximate) used only to test the rendering.

The numbers are plausible, not computed: the analyses will produce the real ones. Seat counts follow the
study (Isaacs): Majilis 77 -> 107 with 9 chosen by the APK, Senate 39 -> 47 with 7 -> 15 presidential
appointees. Power values are illustrative fractions.
"""

from __future__ import annotations

from fractions import Fraction

from reformlab.report import (
    Actor,
    AppointmentGraph,
    Chamber,
    Change,
    Claim,
    Fact,
    Figure,
    KeyFigure,
    ProcedurePower,
    Relation,
    ReportData,
    Seat,
    Snapshot,
    Source,
    Unknown,
)

CONSTITUTION = Source("Constitution of the Republic of Kazakhstan (1995)", "as amended 7 Oct 1998")
AMENDED = Source("Law on amendments to the Constitution, 21 May 2007", "")
STUDY = Source("R. Isaacs, 'Managing dissent, limiting risk and consolidating power', Central Asia and the "
               "Caucasus (2008)", "section 'Development of greater pluralism'")
CEC_2004 = Source("Central Election Commission, Majilis election results 2004", "")

NEUTRAL = "#7b8794"


def seats(*groups: tuple[str, str, str, int, str]) -> tuple[Seat, ...]:
    """Seats from (party, colour, filled_by, count, group) tuples, in order."""
    return tuple(Seat(party, color, filled_by, group) for party, color, filled_by, count, group in groups
                 for _ in range(count))


def graph(after: bool) -> AppointmentGraph:
    """The appointment graph before (``after=False``) or after the reform."""
    actors = (
        Actor("voters", "Voters", "electorate"),
        Actor("president", "President", "person"),
        Actor("maslikhats", "Maslikhats (local councils)"),
        Actor("apk", "Assembly of People (APK)"),
        Actor("majilis", "Majilis"),
        Actor("senate", "Senate"),
        Actor("pm", "Prime Minister", "person"),
        Actor("government", "Government"),
        Actor("akims", "Regional akims", "person"),
        Actor("nbank", "National Bank chair", "person"),
        Actor("cec", "Central Election Commission"),
    )
    relations = [
        Relation("voters", "president", "elects", "Art. 41"),
        Relation("voters", "majilis", "elects", "Art. 51(1)"),
        Relation("voters", "maslikhats", "elects", "Art. 86"),
        Relation("maslikhats", "senate", "elects", "Art. 51(2)"),
        Relation("president", "senate", "selects", "Art. 50(2)"),
        Relation("president", "apk", "selects", "Art. 44(20)"),
        Relation("president", "pm", "nominates", "Art. 44(3)"),
        Relation("majilis", "pm", "consents", "Art. 44(3)"),
        Relation("president", "government", "selects", "Art. 44(3)"),
        Relation("president", "government", "dismisses", "Art. 44(3)"),
        Relation("president", "akims", "selects", "Art. 87(4)"),
        Relation("president", "nbank", "selects", "Art. 44(4)"),
        Relation("senate", "nbank", "consents", "Art. 55(1)"),
        Relation("president", "cec", "selects", "Art. 44(10)"),
    ]
    if after:
        relations += [
            Relation("apk", "majilis", "selects", "Art. 51(1)"),
            Relation("maslikhats", "akims", "consents", "Art. 87(4)"),
            Relation("majilis", "cec", "selects", "Art. 56(1)"),
            Relation("senate", "cec", "selects", "Art. 55(1)"),
        ]
    else:
        relations.append(Relation("majilis", "nbank", "consents", "Art. 56(1)"))
    return AppointmentGraph(actors, tuple(relations))


def chambers(after: bool) -> tuple[Chamber, ...]:
    """Majilis and Senate seats before or after (parties as in the 2004 and 2007 elections)."""
    if after:
        majilis = seats(("Nur Otan", "#1f6fb4", "elected", 98, "party list"),
                        ("APK nominees", "#e8a33d", "assembly", 9, "APK quota"))
        senate = seats(("Non-partisan", NEUTRAL, "indirect", 32, "two per region"),
                       ("Non-partisan", NEUTRAL, "appointed", 15, "presidential appointees"))
        return (Chamber("Majilis", majilis, "after the August 2007 election"), Chamber("Senate", senate))
    majilis = seats(("Otan", "#1f6fb4", "elected", 42, ""), ("AIST bloc", "#38a169", "elected", 11, ""),
                    ("Asar", "#d53f8c", "elected", 4, ""), ("Ak Zhol", "#d69e2e", "elected", 1, ""),
                    ("Democratic Party", "#805ad5", "elected", 1, ""),
                    ("Independents", "#a0aec0", "elected", 18, "single-member districts"))
    senate = seats(("Non-partisan", NEUTRAL, "indirect", 32, "two per region"),
                   ("Non-partisan", NEUTRAL, "appointed", 7, "presidential appointees"))
    return (Chamber("Majilis", majilis, "after the 2004 election"), Chamber("Senate", senate))


def power() -> tuple[ProcedurePower, ...]:
    """Illustrative power values for three procedures."""
    return (
        ProcedurePower("ordinary law", "banzhaf",
                       {"President": Fraction(3, 5), "Majilis": Fraction(1, 5), "Senate": Fraction(1, 5)},
                       {"President": Fraction(1, 2), "Majilis": Fraction(1, 4), "Senate": Fraction(1, 4)},
                       frozenset({"President"}), frozenset({"President"}), "Art. 61"),
        ProcedurePower("National Bank chair", "banzhaf",
                       {"President": Fraction(1, 3), "Majilis": Fraction(1, 3), "Senate": Fraction(1, 3)},
                       {"President": Fraction(1, 2), "Senate": Fraction(1, 2)},
                       frozenset({"President", "Majilis", "Senate"}), frozenset({"President", "Senate"}),
                       "Art. 44(4)"),
        ProcedurePower("no confidence in the government", "shapley",
                       {"Majilis": Fraction(2, 3), "Senate": Fraction(1, 3)}, {"Majilis": Fraction(1)},
                       frozenset({"Majilis", "Senate"}), frozenset({"Majilis"}), "Art. 56(1)"),
    )


def build_sample_report() -> ReportData:
    """The whole sample report."""
    return ReportData(
        title="Kazakhstan before and after the 2007 constitutional reform",
        country="Kazakhstan",
        reform="The constitutional amendments of 21 May 2007",
        before=Snapshot("Before", "2007-05-20", chambers(False), graph(False)),
        after=Snapshot("After", "2007-08-18", chambers(True), graph(True)),
        power=power(),
        changes=(
            Change("Majilis size", "77 seats: 67 single-member districts, 10 party list",
                   "107 seats: 98 party list, 9 chosen by the APK", "Art. 50(2), 51(1)", (AMENDED, STUDY)),
            Change("Senate appointees", "7 of 39 appointed by the president", "15 of 47 appointed by the president",
                   "Art. 50(2)", (AMENDED,)),
            Change("National Bank chair", "consent of both chambers", "consent of the Senate only", "Art. 44(4)",
                   (AMENDED, STUDY)),
            Change("Regional akims", "appointed by the president", "appointed with the maslikhat's consent",
                   "Art. 87(4)", (AMENDED,)),
        ),
        claims=(
            Claim("The president appoints thirty percent of senators.", STUDY, "supported",
                  (Figure("presidential appointees in the Senate", Fraction(15, 47), "%"),),
                  "15 of 47 seats are filled by presidential appointment: 31.9%, about thirty percent."),
            Claim("All deputies will be elected by party list.", STUDY, "partly",
                  (Figure("Majilis seats filled by party-list vote", Fraction(98, 107), "%"),
                   Figure("seats chosen by the APK", 9, "seats")),
                  "98 of 107 seats are party-list seats; 9 are chosen by the APK, not by voters."),
            Claim("No chamber is freely contested by popular vote.", STUDY, "supported",
                  (Figure("Majilis seats not filled by voters", 9, "seats"),),
                  "The Majilis has APK seats and the Senate is indirectly elected or appointed."),
            Claim("Opposition parties gain seats under full proportional representation.", STUDY, "open",
                  (), "Depends on votes; the scenario analysis is not run yet."),
        ),
        facts=(
            Fact("The Majilis had 77 seats before the reform.", CONSTITUTION),
            Fact("The Majilis has 107 seats, 9 chosen by the APK.", AMENDED),
            Fact("The president appoints 15 of 47 senators.", AMENDED),
            Fact("Seat shares of the 2004 Majilis election.", CEC_2004, "medium"),
            Fact("Senators vote independently of party.", STUDY, "low"),
        ),
        unknowns=(
            Unknown("How the 9 APK deputies vote.", "with the president's party", "ordinary law power after"),
        ),
        key_figures=(
            KeyFigure("Majilis seats", 77, 107, "seats"),
            KeyFigure("Senate seats appointed by the president", Fraction(7, 39), Fraction(15, 47), "%"),
            KeyFigure("Seats in both chambers not filled by any vote", 7, 24, "seats"),
            KeyFigure("President's power in ordinary law", Fraction(3, 5), Fraction(1, 2)),
        ),
        generated_by="reformlab 0.1.0 (sample data)",
        generated_on="2026-11-28",
    )
