"""The schema, as numbered migrations. Never edit a released step: add the next one.

{id} is an auto-numbered primary key in either database.
"""

MIGRATIONS = [
    (1, [
        # One row per version of an article: the same id with other text is a new version, the old kept.
        """CREATE TABLE articles (
            pk {id},
            article_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            url TEXT, language TEXT, published TEXT, title TEXT,
            text TEXT NOT NULL,
            source TEXT,
            record TEXT NOT NULL,
            error TEXT,
            ingested_at TEXT NOT NULL,
            UNIQUE (article_id, version),
            UNIQUE (article_id, sha256))""",
        # Every report of attendance: an event from an article, or a line of an official record.
        """CREATE TABLE reports (
            pk {id},
            article_pk BIGINT REFERENCES articles (pk),
            official_pk BIGINT,
            idx INTEGER NOT NULL,
            person_key TEXT NOT NULL, person_name TEXT, role TEXT, country TEXT, kb_id TEXT,
            organization TEXT, kind TEXT, meeting_date TEXT, location TEXT,
            status TEXT NOT NULL, modality TEXT, attribution TEXT,
            substitute_name TEXT, substitute_role TEXT, reason TEXT,
            evidence TEXT,
            reported_on TEXT,
            meeting_pk BIGINT,
            fact_pk BIGINT)""",
        "CREATE INDEX reports_fact ON reports (fact_pk)",
        "CREATE INDEX reports_article ON reports (article_pk)",
        "CREATE INDEX reports_person ON reports (person_key)",
        """CREATE TABLE quotes (
            pk {id}, article_pk BIGINT NOT NULL REFERENCES articles (pk),
            speaker_name TEXT, affiliation TEXT, text TEXT NOT NULL, start_pos INTEGER, end_pos INTEGER)""",
        """CREATE TABLE claims (
            pk {id}, article_pk BIGINT NOT NULL REFERENCES articles (pk),
            kind TEXT NOT NULL, count INTEGER, window_years INTEGER, year INTEGER,
            text TEXT NOT NULL, start_pos INTEGER, end_pos INTEGER)""",
        "CREATE INDEX claims_article ON claims (article_pk)",
        # Meetings: from the calendar, from official records, or discovered in reports.
        """CREATE TABLE meetings (
            pk {id},
            series TEXT NOT NULL, organization TEXT NOT NULL, kind TEXT,
            start_date TEXT NOT NULL, end_date TEXT, location TEXT,
            informal INTEGER NOT NULL DEFAULT 0,
            origin TEXT NOT NULL, source TEXT,
            UNIQUE (series, start_date))""",
        "CREATE INDEX meetings_org ON meetings (organization, start_date)",
        """CREATE TABLE official_records (
            pk {id},
            source TEXT NOT NULL, record_id TEXT NOT NULL,
            person_key TEXT NOT NULL, person_name TEXT, role TEXT, country TEXT,
            start_date TEXT NOT NULL, end_date TEXT, location TEXT, visited TEXT, remarks TEXT,
            file TEXT,
            UNIQUE (source, record_id))""",
        # A fact: one person at one meeting; its status follows from its reports (docs/record.md).
        """CREATE TABLE facts (
            pk {id},
            meeting_pk BIGINT NOT NULL REFERENCES meetings (pk),
            person_key TEXT NOT NULL, person_name TEXT, role TEXT, country TEXT, kb_id TEXT,
            status TEXT, basis TEXT, decided_by BIGINT,
            substitute_name TEXT, substitute_role TEXT,
            UNIQUE (meeting_pk, person_key))""",
        "CREATE INDEX facts_person ON facts (person_key)",
        "CREATE INDEX facts_country ON facts (country, meeting_pk)",
    ]),
    (2, [
        # The year a report names when it names no month ("last year's meeting"): it narrows linking.
        "ALTER TABLE reports ADD COLUMN meeting_year INTEGER",
    ]),
]
