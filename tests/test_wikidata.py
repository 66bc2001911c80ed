"""Importing officeholders from a Wikidata query result."""
import json
from datetime import date

import pytest
from click.testing import CliRunner

from emptychair.cli import main
from emptychair.errors import KnowledgeBaseError
from emptychair.kb import officeholders, wikidata
from emptychair.kb.checks import check

from conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "wikidata-result.json"


def test_convert_keeps_new_terms_and_says_why_it_skips():
    result = wikidata.convert(wikidata.read_result(FIXTURE), officeholders.load(), today=date(2026, 11, 23))
    rows = {(r[1], r[3]) for r in result.rows}
    assert rows == {("Ana Vulpe", "foreign_minister"), ("Ion Carabas", "defence_minister"),
                    ("Elena Mardare", "head_of_state")}
    assert result.known == 1                                      # Støre is shipped already
    assert any("before it starts" in s for s in result.skipped)   # Victor Stan's end precedes his start
    assert any("no English name" in s for s in result.skipped)
    vulpe = next(r for r in result.rows if r[1] == "Ana Vulpe")
    assert vulpe[0] == "ana-vulpe" and vulpe[4] == "MD" and vulpe[6] == "2024-01-29" and vulpe[7] == ""
    assert vulpe[8] == "https://www.wikidata.org/wiki/Q900000001"


def test_imported_terms_are_used_for_resolution(tmp_path):
    result = wikidata.convert(wikidata.read_result(FIXTURE), officeholders.load(), today=date(2026, 11, 23))
    wikidata.write(result, tmp_path)
    assert check(tmp_path) == []
    kb = officeholders.load(tmp_path)
    assert [t.person for t in kb.holders("foreign_minister", "MD", date(2025, 3, 1))] == ["ana-vulpe"]
    from emptychair import extract
    from emptychair.settings import Options
    record = extract({"id": "x", "language": "en", "published": "2025-03-01",
                      "text": "Moldova's foreign minister will skip the OSCE meeting in Vienna next week."},
                     Options(kb_dir=str(tmp_path)))
    assert record.events[0].person.name == "Ana Vulpe"


@pytest.mark.parametrize("content, message", [
    ("{not json", "not JSON"),
    (json.dumps({"results": []}), "not a SPARQL JSON result"),
    (json.dumps({"head": {"vars": ["person"]}, "results": {"bindings": []}}), "lacks the columns"),
])
def test_bad_result_files_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "result.json"
    path.write_text(content)
    with pytest.raises(KnowledgeBaseError, match=message) as info:
        wikidata.read_result(path)
    assert "result.json" in str(info.value)


def test_cli_import_writes_a_file_and_nothing_on_error(tmp_path):
    runner = CliRunner()
    out = runner.invoke(main, ["kb", "import-wikidata", str(FIXTURE), "--into", str(tmp_path / "kb")])
    assert out.exit_code == 0, out.output
    assert "3 terms written" in out.output
    assert (tmp_path / "kb" / "offices" / "wikidata.csv").exists()
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    failed = runner.invoke(main, ["kb", "import-wikidata", str(bad), "--into", str(tmp_path / "kb2")])
    assert failed.exit_code != 0 and "not JSON" in failed.output
    assert not (tmp_path / "kb2").exists()


def test_the_query_ships():
    text = CliRunner().invoke(main, ["kb", "query"]).output
    assert "P39" in text and "P580" in text and "P582" in text
