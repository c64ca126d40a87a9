"""Charts are valid, self-contained SVG that draw what they are given, and reject what they cannot draw."""

from __future__ import annotations

import re
from fractions import Fraction
from xml.etree import ElementTree

import pytest

from reformlab.errors import ReformlabError
from reformlab.report.charts import FILLING_MARKS, graph_svg, hemicycle_svg, power_bars_svg
from reformlab.report.charts.layout import layers, place, ranks, union
from reformlab.report.data import Actor, AppointmentGraph, ProcedurePower, Relation, Seat

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ElementTree.Element:
    """The chart as XML (fails the test if it is not well-formed)."""
    return ElementTree.fromstring(svg)


def assert_self_contained(svg: str) -> None:
    """No external reference of any kind: links, images, fonts, stylesheets or url() other than #ids."""
    assert "href" not in svg
    assert "@import" not in svg and "<image" not in svg and "<script" not in svg
    assert re.findall(r"url\((?!#)", svg) == []
    assert re.findall(r"https?://", svg.replace('xmlns="http://www.w3.org/2000/svg"', "")) == []


def marks(root: ElementTree.Element, role: str) -> list[ElementTree.Element]:
    return [element for element in root.iter() if element.get("class") == role]


def test_hemicycle_draws_one_mark_per_seat_shaped_by_filling(sample_report):
    for snapshot in (sample_report.before, sample_report.after):
        for chamber in snapshot.chambers:
            svg = hemicycle_svg(chamber.seats, chamber.name)
            assert_self_contained(svg)
            seats = marks(parse(svg), "seat")
            assert len(seats) == len(chamber.seats)
            assert [seat.get("data-filled-by") for seat in seats] == [seat.filled_by for seat in chamber.seats]


def test_hemicycle_shapes_differ_by_filling():
    seats = [Seat("A", "#112233", kind) for kind in FILLING_MARKS]
    root = parse(hemicycle_svg(seats, "all fillings"))
    tags = {seat.get("data-filled-by"): seat.tag.removeprefix(SVG) for seat in marks(root, "seat")}
    assert tags == {"elected": "g", "indirect": "g", "appointed": "rect", "assembly": "polygon"}


def test_hemicycle_escapes_party_names():
    svg = hemicycle_svg([Seat("<b>&</b>", "#123456", "elected")], "A & B <chamber>")
    parse(svg)
    assert "<b>" not in svg


@pytest.mark.parametrize(
    ("seats", "message"),
    [([], "has no seats"), ([Seat("A", "#123456", "elected"), Seat("A", "#123456", "apointed")], "apointed")],
)
def test_hemicycle_rejects_what_it_cannot_draw(seats, message):
    with pytest.raises(ReformlabError, match=message) as caught:
        hemicycle_svg(seats, "bad")
    if seats:
        assert caught.value.field == "seats[1].filled_by"
        assert "appointed" in caught.value.fix


def test_graph_ranks_follow_selection_from_the_voters(sample_report):
    rank = ranks(sample_report.after.graph)
    assert rank["voters"] == 0
    assert rank["president"] == rank["majilis"] == rank["maslikhats"] == 1
    assert rank["senate"] == rank["apk"] == rank["government"] == 2


def test_graph_layout_is_deterministic_and_shared(sample_report):
    before, after = sample_report.before.graph, sample_report.after.graph
    shared = union(before, after)
    assert layers(shared) == layers(shared)
    first = graph_svg(before, "Before", layout=shared)
    assert first == graph_svg(before, "Before", layout=shared)
    positions, _, _ = place(shared)
    assert len(positions) == len(shared.actors)
    boxes = list(positions.values())
    for index, box in enumerate(boxes):  # no two actors overlap
        for other in boxes[index + 1:]:
            assert abs(box.x - other.x) >= (box.width + other.width) / 2 or abs(box.y - other.y) >= (
                box.height + other.height) / 2


def test_graph_draws_every_actor_and_relation_with_a_legend(sample_report):
    graph = sample_report.after.graph
    svg = graph_svg(graph, "After", highlight=set(graph.relations[-2:]))
    assert_self_contained(svg)
    root = parse(svg)
    assert len(marks(root, "node")) == len(graph.actors)
    edges = marks(root, "edge")
    assert [edge.get("data-relation") for edge in edges] == [edge.relation for edge in graph.relations]
    assert {"consents", "selects", "elects"} <= {edge.get("data-relation") for edge in edges}
    assert "changed by the reform" in svg and "must consent" in svg


def test_graph_ids_do_not_clash_between_charts(sample_report):
    ids = []
    for snapshot in (sample_report.before, sample_report.after):
        ids += re.findall(r'id="([^"]+)"', graph_svg(snapshot.graph, snapshot.label))
    assert len(ids) == len(set(ids))


def test_graph_survives_a_cycle():
    graph = AppointmentGraph(
        (Actor("a", "A"), Actor("b", "B"), Actor("c", "C")),
        (Relation("a", "b", "selects"), Relation("b", "c", "selects"), Relation("c", "a", "selects")),
    )
    assert ranks(graph) == {"a": 0, "b": 1, "c": 2}
    assert len(marks(parse(graph_svg(graph, "cycle")), "edge")) == 3


@pytest.mark.parametrize(
    ("graph", "field"),
    [
        (AppointmentGraph((Actor("a", "A"), Actor("a", "A2")), ()), "actors[1].id"),
        (AppointmentGraph((Actor("a", "A", "robot"),), ()), "actors[0].kind"),
        (AppointmentGraph((Actor("a", "A"),), (Relation("a", "b", "selects"),)), "relations[0].target"),
        (AppointmentGraph((Actor("a", "A"), Actor("b", "B")), (Relation("a", "b", "elect"),)), "relations[0].relation"),
    ],
)
def test_graph_rejects_bad_graphs_naming_the_field(graph, field):
    with pytest.raises(ReformlabError) as caught:
        graph_svg(graph, "bad")
    assert caught.value.field == field


def test_bars_mark_veto_players_and_missing_roles(sample_report):
    bank = sample_report.power[1]
    svg = power_bars_svg(bank)
    assert_self_contained(svg)
    root = parse(svg)
    bars = marks(root, "bar")
    assert len(bars) == len(bank.before) + len(bank.after)
    assert len(marks(root, "veto")) == len(bank.veto_before) + len(bank.veto_after)
    assert "after: no role" in svg
    assert "National Bank chair: Banzhaf index" in svg


def test_bar_lengths_are_proportional_to_power():
    power = ProcedurePower("law", "shapley", {"A": Fraction(1, 4)}, {"A": Fraction(1, 2)})
    widths = [float(bar.get("width")) for bar in marks(parse(power_bars_svg(power)), "bar")]
    assert widths[1] == pytest.approx(2 * widths[0])


def test_graph_on_a_shared_layout_shows_absent_actors_as_ghosts(sample_report):
    before = sample_report.before.graph
    extra = Actor("court", "Supreme Court")
    after = AppointmentGraph((*sample_report.after.graph.actors, extra),
                             (*sample_report.after.graph.relations, Relation("senate", "court", "selects")))
    root = parse(graph_svg(before, "Before", layout=union(before, after)))
    assert len(marks(root, "node")) == len(before.actors)
    assert len(marks(root, "ghost")) == 1


def test_a_renumbered_article_is_not_a_change(sample_report):
    before = sample_report.before.graph
    renumbered = AppointmentGraph(before.actors, tuple(
        Relation(edge.source, edge.target, edge.relation, edge.article + " (new numbering)")
        for edge in before.relations))
    shared = union(before, renumbered)
    assert len(shared.relations) == len(before.relations)
    svg = graph_svg(renumbered, "Renumbered", layout=shared, highlight=before.relations[:0])
    assert "changed by the reform" not in svg


def test_bars_fold_near_dummies_into_one_line_and_note_a_missing_side():
    after = {"President": Fraction(1), **{f"Deputy {n}": Fraction(1, 10**6) for n in range(1, 21)}}
    power = ProcedurePower("ordinary law", "banzhaf", {}, after, veto_after=frozenset({"President"}))
    svg = power_bars_svg(power)
    root = parse(svg)
    assert len(marks(root, "bar")) == 1
    assert "20 more with power below 0.0005 before and after: Deputy 1," in svg and "Deputy 2, Deputy 3" in svg
    assert "No before values" in svg


def _texts(svg: str) -> list[str]:
    return ["".join(t.itertext()) for t in parse(svg).iter("{http://www.w3.org/2000/svg}text")]


def test_long_labels_and_titles_are_folded_whole_never_cut():
    """A reader reads every label in full: bar labels, waterfall labels, articles and titles fold at word
    boundaries (the chart grows), and no text is cut with an ellipsis."""
    from reformlab.report.charts.waterfall import Step, waterfall_svg

    party = "Ak Zhol Democratic Party of Kazakhstan and its allies in the regions"
    power = ProcedurePower("a constitutional law (assuming the President's objections overridden by 2/3 of each "
                           "chamber), read through every reading the data name", "banzhaf",
                           {party: Fraction(1, 3), "B": Fraction(2, 3)}, {party: Fraction(1, 4), "B": Fraction(3, 4)})
    label = "a Senate of 47: the President appoints 15 senators, the maslikhats elect two from each region"
    waterfall = waterfall_svg("ordinary law (assuming the President's objections overridden by 2/3 of each "
                              "chamber): seats beyond (+) or short of (-) the quota", Fraction(-1),
                              [Step(label, "Art. 50(2), 51(1) and the Constitutional Law on Elections", Fraction(3)),
                               Step("short", "Art. 1", Fraction(-1))])
    for svg, words in ((power_bars_svg(power), party.split() + power.procedure.split()),
                       (waterfall, label.split() + ["Constitutional", "Elections", "quota"])):
        texts = _texts(svg)
        assert not any("\u2026" in t for t in texts), [t for t in texts if "\u2026" in t]
        shown = {word.strip(":").lower() for word in " ".join(texts).split()}
        words = [word.strip(":").lower() for word in words]
        assert all(word in shown for word in words), [w for w in words if w not in shown]
