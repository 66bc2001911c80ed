"""An interrupted ingest (the process killed at any point) loses nothing it reported as stored and leaves no
half-written article; running it again completes it. On SQLite and on PostgreSQL."""
import json
import os
import signal
import subprocess
import sys

import pytest

from emptychair.store import open_database

from test_record import db_url  # noqa: F401  (the fixture: a fresh SQLite file or PostgreSQL schema)

CHILD = """
import sys
from emptychair.record import ingest
from emptychair.store import open_database
db = open_database(sys.argv[1])
for outcome in ingest.ingest(db, [sys.argv[2]]):
    print(outcome.status, outcome.id, flush=True)
"""


def articles(n):
    people = ["Secretary of State Marco Rubio", "Foreign Minister Espen Barth Eide", "Defence Minister Boris Pistorius"]
    verbs = ["will skip", "will attend", "is expected to miss"]
    for i in range(n):
        yield {"id": f"k{i:03d}", "language": "en", "published": f"2025-{1 + i % 12:02d}-10",
               "text": f"{people[i % 3]} {verbs[i % 3]} the NATO foreign ministers' meeting next week, officials "
                       f"said. Report number {i}."}


@pytest.mark.parametrize("kill_after", [0, 3, 17])
def test_killed_ingest_loses_nothing_reported(db_url, tmp_path, kill_after):  # noqa: F811
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles(40)))
    open_database(db_url).close()   # schema first, so the kill can come at any point of the ingest itself
    child = subprocess.Popen([sys.executable, "-c", CHILD, db_url, str(path)], stdout=subprocess.PIPE, text=True)
    reported = []
    while len(reported) < kill_after:
        line = child.stdout.readline()
        if not line:
            break
        reported.append(line.split()[1])
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    db = open_database(db_url)
    stored = {row[0]: row[1] for row in db.query("SELECT article_id, record FROM articles")}
    assert set(reported) <= set(stored)
    for article_id, record in stored.items():   # no half-written article: every event has its report
        events = len(json.loads(record)["events"])
        (reports,) = db.one("SELECT COUNT(*) FROM reports r JOIN articles a ON a.pk = r.article_pk "
                            "WHERE a.article_id = ?", (article_id,))
        assert reports == events
        assert db.one("SELECT COUNT(*) FROM reports r JOIN articles a ON a.pk = r.article_pk WHERE a.article_id = ? "
                      "AND r.fact_pk IS NULL", (article_id,))[0] == 0
    db.close()

    rerun = subprocess.run([sys.executable, "-c", CHILD, db_url, str(path)], capture_output=True, text=True, check=True)
    statuses = [line.split()[0] for line in rerun.stdout.splitlines()]
    assert statuses.count("unchanged") == len(stored)
    assert statuses.count("stored") == 40 - len(stored)
    db = open_database(db_url)
    assert db.one("SELECT COUNT(*) FROM articles")[0] == 40
    db.close()
