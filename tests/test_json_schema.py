"""The JSON Schema (``vnreport schema``) is worth validating against, and every output validates."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from jsonschema import Draft202012Validator, FormatChecker

import extract
from conftest import CORPUS, ROOT, SAMPLES
from extract.schema import SCHEMA_VERSION, Report, json_schema
from test_corpus_parse import _parsed, _text_files  # the corpus parsed once per session, shared


@pytest.fixture(scope="module")
def validator():
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _structs():
    """Every Struct type reachable from Report, by name."""
    return {name: d for name, d in json_schema()["$defs"].items()}


def test_the_schema_names_its_version_and_requires_every_field():
    schema = json_schema()
    assert schema["$id"] == f"urn:vnreport:schema:{SCHEMA_VERSION}" and SCHEMA_VERSION == "1.1"
    for name, definition in _structs().items():
        assert definition["required"] == list(definition["properties"]), name


def test_every_type_and_field_has_a_description_from_its_docstring():
    for name, definition in _structs().items():
        assert definition["description"] and "Attributes" not in definition["description"], name
        missing = [f for f, prop in definition["properties"].items() if not prop.get("description")]
        assert missing == [], f"{name}: no description for {missing}"


def test_dates_are_formatted_as_dates(validator):
    defs = _structs()
    assert defs["Metadata"]["properties"]["date"]["format"] == "date"
    assert defs["Citation"]["properties"]["date"]["format"] == "date"
    assert defs["Period"]["properties"]["start"]["format"] == "date"
    good = json.loads(Report(source=extract.schema.Source(path="a", sha256="", format="txt")).to_json())
    good["metadata"]["date"] = "2021-06-20"
    assert list(validator.iter_errors(good)) == []
    good["metadata"]["date"] = "20/6/2021"
    assert [e.validator for e in validator.iter_errors(good)] == ["format"]


def test_a_report_missing_a_field_or_with_a_wrong_kind_is_invalid(validator):
    data = json.loads(extract.parse(SAMPLES / "bao-cao-6-thang-2021.docx").to_json())
    assert list(validator.iter_errors(data)) == []
    del data["indicators"][0]["role"]
    data["citations"][0]["form"] = "long"
    assert sorted(e.validator for e in validator.iter_errors(data)) == ["enum", "required"]


def test_vnreport_schema_prints_the_same_schema():
    done = subprocess.run([sys.executable, "-m", "extract.cli", "schema"], capture_output=True, cwd=ROOT)
    assert done.returncode == 0 and json.loads(done.stdout) == json.loads(json.dumps(json_schema()))


@pytest.mark.corpus
@pytest.mark.parametrize("relative", _text_files() or ["<no corpus>"])
def test_every_corpus_output_validates_against_the_schema(relative, validator):
    if relative == "<no corpus>":
        pytest.skip(f"shared corpus not found at VNREPORT_CORPUS={CORPUS}")
    data = json.loads(_parsed(relative).to_json())
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def test_docs_output_md_mentions_every_field_of_the_schema():
    doc = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    missing = [f"{name}.{field}" for name, definition in _structs().items() for field in definition["properties"]
               if not re.search(rf'(["`.]){re.escape(field)}\b', doc)]
    assert missing == []
    assert f'"schema_version": "{SCHEMA_VERSION}"' in doc
