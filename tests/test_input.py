"""Bad input never crashes a run: each bad record gets a clear error, the others are processed."""
import json
import subprocess
import sys

import pytest

from emptychair import extract, extract_many
from emptychair.settings import Options

GOOD = {"id": "good", "language": "en", "published": "2025-06-02",
        "text": "Foreign Minister Espen Barth Eide will skip the NATO foreign ministers' meeting on Wednesday."}


@pytest.mark.parametrize("record, code", [
    ({"id": "e", "text": ""}, "empty_text"),
    ({"id": "e", "text": "   \n\t "}, "empty_text"),
    ({"id": "b", "text": "\x01\x02\x03\x04" * 50 + "ok"}, "binary"),
    ({"id": "l", "text": "Dzisiaj minister spraw zagranicznych nie pojedzie na szczyt w Brukseli."}, "unsupported_language"),
    ({"id": "x", "text": "NATO", "language": "xx"}, "unsupported_language"),
    ({"id": "d", "text": "text", "published": "2025-13-45"}, "bad_published"),
    ({"id": "h", "html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}, "no_article_body"),
    ({"id": "n"}, "no_text"),
])
def test_bad_record_gets_an_error(record, code):
    result = extract(record)
    assert result.error is not None and result.error.code == code
    assert result.error.message


def _write(path, data: bytes):
    path.write_bytes(data)
    return str(path)


def test_a_run_over_bad_files_processes_the_good_ones(tmp_path):
    lines = [json.dumps(GOOD).encode(), b"{not json", b"[1, 2]", b"\xff\xfe invalid utf-8",
             json.dumps({"id": "big", "text": "x" * 2000}).encode(), json.dumps(dict(GOOD, id="good2")).encode()]
    jsonl = _write(tmp_path / "mixed.jsonl", b"\n".join(lines) + b"\n")
    binary = _write(tmp_path / "junk.txt", b"\x00\x01\x02" * 100)
    latin1 = _write(tmp_path / "latin.txt", "Utenriksminister Støre".encode("latin-1"))
    records = list(extract_many([jsonl, binary, latin1, str(tmp_path / "missing.jsonl")], Options(max_bytes=1000)))
    by_id = {r.id: r for r in records}
    assert by_id["good"].ok and by_id["good2"].ok and by_id["good"].events
    errors = sorted(r.error.code for r in records if r.error)
    assert errors == ["bad_json", "bad_record", "binary", "invalid_utf8", "invalid_utf8", "not_found", "too_large"]


def test_huge_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    (record,) = extract_many([str(big)])
    assert record.error.code == "too_large" and "--max-bytes" in record.error.message


def test_cli_exit_status_says_whether_any_failed(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(GOOD) + "\n")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(GOOD) + "\n{oops\n")
    cli = [sys.executable, "-m", "emptychair.cli"]
    ok = subprocess.run(cli + ["extract", str(good)], capture_output=True, text=True)
    assert ok.returncode == 0 and json.loads(ok.stdout)["events"]
    failed = subprocess.run(cli + ["extract", str(bad), "-o", str(tmp_path / "out.jsonl")], capture_output=True, text=True)
    assert failed.returncode == 1
    assert "bad.jsonl:2" in failed.stderr
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r.get("error", {}).get("code") for r in out] == [None, "bad_json"]


def test_html_input_is_extracted_and_its_text_returned():
    html = ("<html><head><title>Rubio to skip NATO</title></head><body><article><h1>Rubio to skip NATO</h1>"
            "<p>U.S. Secretary of State Marco Rubio will skip the NATO foreign ministers' meeting in Brussels next "
            "week, the State Department said on Monday.</p><p>His deputy Christopher Landau will attend instead, "
            "officials said. The alliance has long relied on Washington's presence at such gatherings.</p>"
            "</article></body></html>")
    record = extract({"id": "h", "html": html, "language": "en", "published": "2025-11-24"})
    assert record.ok and record.text and record.events
    (event,) = record.events
    assert event.person.name == "Marco Rubio" and event.substitute.name == "Christopher Landau"
    assert any(record.text[e.start:e.end].startswith("U.S. Secretary of State") for e in event.evidence)
