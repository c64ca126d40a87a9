"""The published JSON Schema is up to date; the show, validate and list commands; the target syntax."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from reformlab.cli import app
from reformlab.errors import ReformlabError
from reformlab.model.schema import constitution_schema, schema_path, schema_text
from reformlab.model.targets import resolve_target

GOOD = Path(__file__).parent / "fixtures" / "good" / "minimal.yaml"
runner = CliRunner()


def test_committed_schema_is_up_to_date():
    assert schema_path().read_text(encoding="utf-8") == schema_text(), (
        "regenerate it: .venv/bin/python -m reformlab.model.schema"
    )


def test_schema_names_every_top_level_key_of_kz():
    schema = constitution_schema()
    kz = yaml.safe_load((schema_path().parent / "kz.yaml").read_text(encoding="utf-8"))
    assert set(kz) <= set(schema["properties"])
    assert schema["properties"]["schema_version"]["const"] == 1
    assert {"Dated", "Referenced", "Vote", "Procedure", "Body"} <= set(schema["$defs"])


@pytest.mark.parametrize(
    "target, size",
    [("kz", 98), ("kz@2007-06-01", 107), ("kz@2000-01-01", 77), (str(GOOD), 120), (f"{GOOD}@2005-01-01", 100)],
)
def test_targets(target, size):
    bodies = resolve_target(target).bodies
    assert bodies.get("majilis", bodies.get("assembly")).size == size


@pytest.mark.parametrize(
    "target, message",
    [("kz@2007-02-30", "does not parse"), ("kzz", "did you mean 'kz'"), ("kz@1990-01-01", "no version in force"),
     ("missing.yaml", "file not found")],
)
def test_bad_targets(target, message):
    with pytest.raises(ReformlabError) as info:
        resolve_target(target)
    assert message in info.value.message()


def test_show_table():
    result = runner.invoke(app, ["show", "kz@2007-06-01"])
    assert result.exit_code == 0, result.output
    for text in ("majilis", "107", "hare", "no_confidence", "Unknown"):
        assert text in result.output


def test_show_json():
    result = runner.invoke(app, ["show", "kz@2007-06-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["bodies"]["majilis"]["size"] == 107 and data["as_of"] == "2007-06-01"
    assert data["procedures"]["no_confidence"]["decision"][0]["majority"] == "1/2"
    assert data["refs"]["bodies.majilis.size"]["article"] == "50(3)"


def test_show_bad_date_exits_2():
    result = runner.invoke(app, ["show", "kz@2007-13-01"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_validate_good_files():
    for path in (GOOD, schema_path().parent / "kz.yaml"):
        result = runner.invoke(app, ["validate", str(path)])
        assert result.exit_code == 0, result.output
        assert "valid constitution" in result.output


def test_list_shows_kz_versions():
    result = runner.invoke(app, ["list", "--json"])
    assert result.exit_code == 0, result.output
    entries = json.loads(result.output)
    kz = next(e for e in entries if e["id"] == "kz")
    assert kz["kind"] == "constitution"
    assert [v[0] for v in kz["versions"]][:4] == ["1995-08-30", "1998-10-07", "1999-01-10", "2007-05-21"]
    assert "kz@2007-05-21" in runner.invoke(app, ["list"]).output


def test_catalog_can_be_extended():
    from reformlab.commands import listing

    def scenarios():
        yield listing.CatalogEntry("scenario", "kz-2007-test", "a test scenario")

    listing.add_catalog_source(scenarios)
    try:
        assert any(e.kind == "scenario" for e in listing.catalog())
    finally:
        listing.CATALOG_SOURCES.remove(scenarios)


def test_schema_accepts_the_good_files_and_rejects_a_typo():
    """Runs where ``jsonschema`` is installed (it is not a dependency)."""
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(constitution_schema())
    validator.check_schema(constitution_schema())

    def plain(node):
        if isinstance(node, dict):
            return {str(k): plain(v) for k, v in node.items()}
        if isinstance(node, list):
            return [plain(v) for v in node]
        return node.isoformat() if hasattr(node, "isoformat") else node

    def as_json(path):
        return plain(yaml.safe_load(Path(path).read_text(encoding="utf-8")))

    for path in (GOOD, schema_path().parent / "kz.yaml"):
        assert list(validator.iter_errors(as_json(path))) == []
    broken = Path(__file__).parent / "fixtures" / "broken" / "unknown_field_with_hint.yaml"
    assert list(validator.iter_errors(as_json(broken)))
