"""The "who selects whom" graph reads well for every built-in version: no edge crosses a box, no label is cut."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from reformlab.model.loader import builtin_ids, load_builtin
from reformlab.model.targets import resolve_target
from reformlab.report.build import appointment_graph
from reformlab.report.charts.graph import graph_svg
from reformlab.report.charts.layout import Layout, Placed, Route, label_lines, layout_graph, union
from reformlab.report.charts.routing import box_crossings, path_data, polyline
from reformlab.report.charts.svg import number
from reformlab.report.data import Actor, AppointmentGraph, Relation

SVG = "{http://www.w3.org/2000/svg}"


def _graphs():
    """(name, graph) for every built-in version and for each pair of consecutive versions on their shared
    layout (what the report draws for a reform)."""
    cases = []
    for constitution in builtin_ids():
        dates = load_builtin(constitution).versions
        graphs = [appointment_graph(resolve_target(f"{constitution}@{day}"), "president") for day in dates]
        for index, graph in enumerate(graphs):
            cases.append((f"{constitution}@{dates[index]}", graph))
            if index:
                cases.append((f"{constitution}@{dates[index - 1]}+{dates[index]}", union(graphs[index - 1], graph)))
    return cases


CASES = _graphs()


def test_every_built_in_constitution_is_covered():
    names = {name.split("@")[0] for name, _ in CASES}
    assert names == set(builtin_ids()) and {"kz", "ua", "kg"} <= names
    assert len(CASES) == sum(2 * len(load_builtin(c).versions) - 1 for c in builtin_ids())


@pytest.mark.parametrize(("name", "graph"), CASES, ids=[name for name, _ in CASES])
def test_no_edge_crosses_a_box_and_no_label_is_cut(name, graph):
    found = layout_graph(graph)
    assert box_crossings(found, graph.relations) == []
    labels = {actor.id: actor.label for actor in graph.actors}
    for actor_id, box in found.boxes.items():
        assert " ".join(box.lines) == " ".join(labels[actor_id].split()), actor_id  # every word, in order
        assert "\u2026" not in "".join(box.lines)
    boxes = list(found.boxes.values())
    for index, box in enumerate(boxes):  # no two boxes overlap, every box on the canvas
        assert box.x - box.width / 2 >= 0 and box.x + box.width / 2 <= found.width
        for other in boxes[index + 1:]:
            assert abs(box.x - other.x) >= (box.width + other.width) / 2 or \
                abs(box.y - other.y) >= (box.height + other.height) / 2


@pytest.mark.parametrize(("name", "graph"), CASES[:6], ids=[name for name, _ in CASES[:6]])
def test_the_drawn_paths_are_the_checked_routes(name, graph):
    found = layout_graph(graph)
    root = ElementTree.fromstring(graph_svg(graph, name))
    drawn = [path.get("d") for path in root.iter(f"{SVG}path") if path.get("class") == "edge"]
    assert drawn == [path_data(found.routes[(e.source, e.target, e.relation)], number) for e in graph.relations]
    texts = "".join(element.text or "" for element in root.iter(f"{SVG}text"))
    assert "\u2026" not in texts


def test_the_2007_senate_to_supreme_court_edge_avoids_the_apk_box():
    before, after = (appointment_graph(resolve_target(v), "president") for v in ("kz@2007-05-20", "kz@2007-05-21"))
    found = layout_graph(union(before, after))
    assert ("senate", "supreme_court", "selects") in found.routes
    assert [hit for hit in box_crossings(found, after.relations) if hit[1] == "apk"] == []


def test_the_check_finds_a_route_through_a_box():
    boxes = {"a": Placed(50, 20, 40, 20, ("A",)), "b": Placed(50, 180, 40, 20, ("B",)),
             "c": Placed(50, 100, 40, 20, ("C",))}
    straight = Route(((50, 30), (50, 170)), (False,))
    found = Layout(boxes, {("a", "b", "selects"): straight}, 100, 200)
    assert box_crossings(found, [Relation("a", "b", "selects")]) == [(("a", "b", "selects"), "c")]
    curve = Route(((50, 30), (80, 170)), (True,))  # an S-curve through the right half of c
    found = Layout(boxes, {("a", "b", "selects"): curve}, 100, 200)
    assert box_crossings(found, [Relation("a", "b", "selects")]) == [(("a", "b", "selects"), "c")]


def test_long_words_and_long_labels_are_wrapped_whole():
    label = "Inter-parliamentary extraordinarily-long-committee-name of the Republic's councils"
    lines = label_lines(label)
    assert " ".join(lines) == label and "extraordinarily-long-committee-name" in lines
    graph = AppointmentGraph((Actor("v", "Voters", "electorate"), Actor("x", label)), (Relation("v", "x", "elects"),))
    box = layout_graph(graph).boxes["x"]
    assert box.height >= 22 + 16 * len(lines)


def test_edges_along_a_row_and_back_up_avoid_boxes():
    actors = tuple(Actor(name, f"Actor {name}") for name in "vabcdefgh")
    relations = (Relation("v", "a", "elects"), Relation("v", "b", "elects"), Relation("v", "c", "elects"),
                 Relation("a", "d", "selects"), Relation("d", "e", "selects"), Relation("e", "f", "selects"),
                 Relation("f", "a", "consents"), Relation("a", "c", "consents"), Relation("c", "a", "consents"),
                 Relation("b", "f", "selects"), Relation("g", "h", "selects"), Relation("h", "h", "consents"))
    graph = AppointmentGraph(actors, relations)
    found = layout_graph(graph)
    assert box_crossings(found, relations) == []
    assert len(found.routes) == len(relations)


PAIRS = [(name, graph) for name, graph in CASES if "+" in name]


@pytest.mark.parametrize(("name", "shared"), PAIRS, ids=[name for name, _ in PAIRS])
def test_each_side_of_a_reform_draws_its_own_labels_whole(name, shared):
    constitution, days = name.split("@")
    sides = [appointment_graph(resolve_target(f"{constitution}@{day}"), "president") for day in days.split("+")]
    for graph in sides:
        root = ElementTree.fromstring(graph_svg(graph, name, layout=shared))
        drawn = [" ".join(t.text for t in node.iter(f"{SVG}text"))
                 for node in root.iter(f"{SVG}g") if node.get("class") == "node"]
        assert drawn == [" ".join(actor.label.split()) for actor in graph.actors]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

KINDS = ("elects", "selects", "nominates", "consents", "dismisses")


@st.composite
def graphs(draw):
    count = draw(st.integers(min_value=1, max_value=12))
    labels = draw(st.lists(st.text(alphabet="abc de", min_size=1, max_size=60).filter(str.strip),
                           min_size=count, max_size=count))
    actors = tuple(Actor(f"a{n}", label, "electorate" if n == 0 else "body") for n, label in enumerate(labels))
    pairs = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1), st.sampled_from(KINDS)),
                          max_size=30, unique=True))
    return AppointmentGraph(actors, tuple(Relation(f"a{s}", f"a{t}", kind) for s, t, kind in pairs))


@settings(max_examples=60, deadline=None)
@given(graphs())
def test_any_graph_is_laid_out_without_a_route_through_a_box(graph):
    found = layout_graph(graph)
    assert box_crossings(found, graph.relations) == []
    for route in found.routes.values():  # on the canvas
        assert all(0 <= x <= found.width and 0 <= y <= found.height for x, y in polyline(route))
    boxes = list(found.boxes.values())
    for index, box in enumerate(boxes):
        for other in boxes[index + 1:]:
            assert abs(box.x - other.x) >= (box.width + other.width) / 2 or \
                abs(box.y - other.y) >= (box.height + other.height) / 2
