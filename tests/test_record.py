"""The record: storing, linking, official records, calendars, reports and claim checks, on SQLite and on a
real PostgreSQL server (set EMPTYCHAIR_TEST_POSTGRES; .ci/run starts one)."""
import json
import os
import uuid
from pathlib import Path

import pytest

from emptychair.record import calendar, claimcheck, ingest, link, report, travels
from emptychair.record.calendar import CalendarError
from emptychair.record.travels import TravelsError
from emptychair.store import open_database

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
PG = os.environ.get("EMPTYCHAIR_TEST_POSTGRES")
CALENDAR = ("series,organization,kind,start,end,location,informal,source\n"
            "nato-foreign-ministers,NATO,foreign ministers,2024-04-03,2024-04-04,Brussels,no,https://example.org/1\n"
            "nato-foreign-ministers,NATO,foreign ministers,2024-12-03,2024-12-04,Brussels,no,https://example.org/2\n"
            "nato-foreign-ministers,NATO,foreign ministers,2025-04-03,2025-04-04,Brussels,no,https://example.org/3\n"
            "nato-foreign-ministers,NATO,foreign ministers,2025-12-03,2025-12-03,Brussels,no,https://example.org/4\n"
            "nato-defence-ministers,NATO,defence ministers,2025-02-13,2025-02-13,Brussels,no,https://example.org/6\n"
            "nato-defence-ministers,NATO,defence ministers,2025-06-05,2025-06-05,Brussels,no,https://example.org/7\n"
            "nato-defence-ministers,NATO,defence ministers,2026-02-12,2026-02-12,Brussels,no,https://example.org/5\n")


def test_postgres_is_tested_in_ci():
    if os.environ.get("CI"):
        assert PG, "CI must run the PostgreSQL tests: .ci/run sets EMPTYCHAIR_TEST_POSTGRES"


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "record.db")
        return
    if not PG:
        pytest.skip("no PostgreSQL server: set EMPTYCHAIR_TEST_POSTGRES (.ci/run does)")
    import psycopg
    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG else "?"
    yield f"{PG}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def db(db_url, tmp_path):
    database = open_database(db_url)
    path = tmp_path / "calendar.csv"
    path.write_text(CALENDAR)
    calendar.load(database, calendar.read(path))
    yield database
    database.close()


def write_articles(tmp_path, articles, name="articles.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return str(path)


EXPECTED = {"id": "a1", "language": "en", "published": "2025-11-25",
            "text": "Secretary of State Marco Rubio is expected to skip the meeting of NATO foreign ministers in "
                    "Brussels on December 3, two officials said."}
OFFICIAL = {"id": "a2", "language": "nb", "published": "2025-12-02",
            "text": "USAs utenriksminister Marco Rubio deltar ikke på Natos utenriksministermøte i Brussel onsdag, "
                    "bekrefter det amerikanske utenriksdepartementet. I stedet sender USA viseutenriksminister "
                    "Christopher Landau."}


def test_migrations_run_once(db_url):
    from emptychair.store import schema
    latest = schema.MIGRATIONS[-1][0]
    assert open_database(db_url).migrate() == latest
    assert open_database(db_url).version() == latest


def test_an_older_database_is_upgraded_in_place(tmp_path, monkeypatch):
    from emptychair.store import schema
    path = str(tmp_path / "old.db")
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    old = open_database(path)
    old.execute("INSERT INTO articles (article_id, version, sha256, text, record, ingested_at) "
                "VALUES ('a', 1, 'x', 't', '{}', '2025-01-01')")
    old.close()
    monkeypatch.undo()
    db = open_database(path)
    assert db.version() == schema.MIGRATIONS[-1][0]
    assert db.one("SELECT article_id FROM articles")[0] == "a"
    assert db.query("SELECT meeting_year FROM reports") == []


def test_ingest_is_idempotent_and_keeps_versions(db, tmp_path):
    path = write_articles(tmp_path, [EXPECTED])
    assert [o.status for o in ingest.ingest(db, [path])] == ["stored"]
    assert [o.status for o in ingest.ingest(db, [path])] == ["unchanged"]
    assert db.one("SELECT COUNT(*) FROM reports")[0] == 1
    changed = dict(EXPECTED, text=EXPECTED["text"].replace("two officials", "three officials"))
    assert [o.status for o in ingest.ingest(db, [write_articles(tmp_path, [changed], "v2.jsonl")])] == ["new_version"]
    assert [row[0] for row in db.query("SELECT version FROM articles WHERE article_id = 'a1' ORDER BY version")] == [1, 2]


def test_reports_across_articles_and_languages_link_into_one_fact(db, tmp_path):
    list(ingest.ingest(db, [write_articles(tmp_path, [EXPECTED, OFFICIAL])]))
    facts = db.query("SELECT f.person_key, m.start_date, f.status, f.basis, f.substitute_name, "
                     "(SELECT COUNT(*) FROM reports r WHERE r.fact_pk = f.pk) FROM facts f JOIN meetings m "
                     "ON m.pk = f.meeting_pk")
    assert facts == [("marco-rubio", "2025-12-03", "absent", "official", "Christopher Landau", 2)]


def test_a_report_of_last_years_meeting_links_to_that_year(db, tmp_path):
    article = {"id": "y1", "language": "en", "published": "2026-01-28",
               "text": "Defense Secretary Pete Hegseth will skip the NATO defence ministers' meeting on February 12. "
                       "A year ago, Hegseth flew to Brussels for the NATO defence ministers' meeting."}
    list(ingest.ingest(db, [write_articles(tmp_path, [article])]))
    assert db.query("SELECT r.status, r.meeting_year, m.start_date FROM reports r JOIN meetings m ON "
                    "m.pk = r.meeting_pk ORDER BY r.idx") == [("absent", None, "2026-02-12"),
                                                             ("attending", 2025, "2025-02-13")]


def test_status_rule_official_record_beats_reports_and_newer_beats_older(db, tmp_path):
    attended = {"id": "a3", "language": "en", "published": "2024-04-01",
                "text": "Secretary of State Antony Blinken is expected to skip the NATO foreign ministers' "
                        "meeting on Wednesday, a diplomat said."}
    list(ingest.ingest(db, [write_articles(tmp_path, [attended])]))
    assert db.one("SELECT status, basis FROM facts")[0:2] == ("absent", "expectation")
    trips, reports = travels.import_files(db, [FIXTURES / "travels-small.xml"])
    assert (trips, reports) == (2, 1)
    assert db.query("SELECT f.status, f.basis, m.start_date, (SELECT COUNT(*) FROM reports r WHERE r.fact_pk = f.pk) "
                    "FROM facts f JOIN meetings m ON m.pk = f.meeting_pk") == [("attending", "official_record",
                                                                                "2024-04-03", 2)]
    assert travels.import_files(db, [FIXTURES / "travels-small.xml"]) == (0, 0)   # idempotent


@pytest.mark.parametrize("content, message", [
    ("<trips><trip", "not readable XML"),
    ("<journeys/>", "root element"),
    ("<trips><trip role='secretary'><id>1</id><name>X</name><start-date>2024-01-02</start-date></trip></trips>",
     "lacks <end-date>"),
    ("<trips><trip role='secretary'><id>1</id><name>X</name><start-date>2024-05-02</start-date>"
     "<end-date>2024-05-01</end-date></trip></trips>", "out of range"),
    ("<trips><trip role='ambassador'><id>1</id><name>X</name><start-date>2024-05-02</start-date>"
     "<end-date>2024-05-03</end-date></trip></trips>", "role"),
])
def test_bad_travels_files_import_nothing(db, tmp_path, content, message):
    path = tmp_path / "bad.xml"
    path.write_text(content)
    with pytest.raises(TravelsError, match=message) as info:
        travels.import_files(db, [FIXTURES / "travels-small.xml", path])
    assert "bad.xml" in str(info.value)
    assert db.one("SELECT COUNT(*) FROM official_records")[0] == 0


@pytest.mark.parametrize("content, message", [
    ("series,organization\nx,NATO\n", "header"),
    (CALENDAR.splitlines()[0] + "\nnato-x,NATO,summit,2024-13-01,2024-13-02,Brussels,no,https://x\n", ":2: dates"),
    (CALENDAR.splitlines()[0] + "\nnato-x,NATO,summit,2024-05-02,2024-05-01,Brussels,no,https://x\n", "out of range"),
    (CALENDAR.splitlines()[0] + "\nnato-x,NATO,summit,2024-05-02\n", "fields"),
])
def test_bad_calendars_import_nothing(db, tmp_path, content, message):
    path = tmp_path / "cal.csv"
    path.write_text(content)
    before = db.one("SELECT COUNT(*) FROM meetings")[0]
    with pytest.raises(CalendarError, match=message) as info:
        calendar.load(db, calendar.read(path))
    assert "cal.csv" in str(info.value)
    assert db.one("SELECT COUNT(*) FROM meetings")[0] == before


def _office_scenario(db, tmp_path):
    list(ingest.ingest(db, [write_articles(tmp_path, [EXPECTED, OFFICIAL, {
        "id": "a4", "language": "en", "published": "2025-04-05",
        "text": "Secretary of State Marco Rubio attended the NATO foreign ministers' meeting in Brussels on "
                "Thursday."}, {
        "id": "a5", "language": "en", "published": "2026-01-29",
        "text": "Defense Secretary Pete Hegseth is not expected to attend the meeting of NATO defence ministers on "
                "Feb 12, according to two sources. If so, it will be the second time in a row that a U.S. cabinet "
                "member skips a NATO ministerial."}])]))
    travels.import_files(db, [FIXTURES / "travels-small.xml"])


def test_office_report_hand_computed(db, tmp_path):
    _office_scenario(db, tmp_path)
    table = report.office_report(db, "nato-foreign-ministers", "US", since="2024")
    assert [(r[0], r[2], r[3]) for r in table.rows] == [
        ("2024-04-03", "Antony Blinken", "attended"), ("2024-12-03", "Antony Blinken", "no report"),
        ("2025-04-03", "Marco Rubio", "attended"), ("2025-12-03", "Marco Rubio", "absent")]
    assert table.notes[0] == ("absent from 1 of 3 meetings with a known status (4 meetings of "
                              "nato-foreign-ministers since 2024; coverage 75%)")
    country = report.country_report(db, "US", "NATO", since="2025")
    assert country.notes == ["2nd consecutive NATO ministerial without a US principal (minister of the "
                             "meeting's portfolio)"]


def test_claim_checks(db, tmp_path):
    _office_scenario(db, tmp_path)
    checks = {c.article: c for c in claimcheck.check_claims(db)}
    assert checks["a5"].kind == "streak" and checks["a5"].verdict == "supported"


def test_formats(db, tmp_path):
    _office_scenario(db, tmp_path)
    table = report.office_report(db, "nato-foreign-ministers", "US", since="2024")
    assert json.loads(report.format_table(table, "json"))["rows"][0]["holder"] == "Antony Blinken"
    assert report.format_table(table, "csv").splitlines()[0] == "meeting,location,holder,status,basis,instead,reports"
    assert report.format_table(table, "markdown").startswith("### US at nato-foreign-ministers")


def test_chart_png_and_html(db, tmp_path):
    _office_scenario(db, tmp_path)
    from emptychair.record import chart
    rows = report.principal_attendance(db, "nato-foreign-ministers", "US")
    png = chart.write(rows, "US", tmp_path / "t.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = chart.write(rows, "US", tmp_path / "t.html").read_text()
    assert "<svg" in page and "Marco Rubio" in page


def test_relink_gives_the_same_facts(db, tmp_path):
    _office_scenario(db, tmp_path)
    before = db.query("SELECT m.series, m.start_date, f.person_key, f.status FROM facts f JOIN meetings m ON "
                      "m.pk = f.meeting_pk ORDER BY 1, 2, 3")
    link.relink_all(db)
    after = db.query("SELECT m.series, m.start_date, f.person_key, f.status FROM facts f JOIN meetings m ON "
                     "m.pk = f.meeting_pk ORDER BY 1, 2, 3")
    assert before == after


def test_demo_runs_the_whole_job(tmp_path):
    from emptychair.demo import run
    out = run(str(tmp_path / "demo.db"))
    assert "7 articles stored" in out and "10 official travel records" in out
    assert "2025-12-03  Brussels         Marco Rubio     absent     official         Christopher Landau" in out
    assert "2nd consecutive NATO ministerial without a US principal" in out
    assert "Claims checked against the record" in out
    with pytest.raises(FileExistsError):
        run(str(tmp_path / "demo.db"))


def test_the_nato_calendar_ships_with_sources():
    rows = calendar.shipped()
    series = {r.series for r in rows}
    assert {"nato-foreign-ministers", "nato-defence-ministers", "nato-summit"} <= series
    assert len([r for r in rows if r.series == "nato-foreign-ministers" and r.start >= "1997"]) >= 50
    assert all(r.source.startswith("http") for r in rows)
