-- 0003: consent per child, recipient and category (an append-only history), the teams the
-- family registered with, and the family's sharing mark on each entry (with its own
-- append-only history). Shares themselves go in the hash-chained activity log.

ALTER TABLE entry ADD COLUMN sharing TEXT NOT NULL DEFAULT 'default'
    CHECK (sharing IN ('default', 'sensitive', 'private'));

CREATE TABLE entry_sharing_history (
    entry_id     TEXT NOT NULL REFERENCES entry(id) ON DELETE RESTRICT,
    seq          INTEGER NOT NULL,
    sharing      TEXT NOT NULL CHECK (sharing IN ('default', 'sensitive', 'private')),
    author_kind  TEXT NOT NULL,
    author_name  TEXT NOT NULL,
    changed_utc  TEXT NOT NULL,
    PRIMARY KEY (entry_id, seq)
) STRICT;

CREATE TRIGGER entry_sharing_history_no_update BEFORE UPDATE ON entry_sharing_history
BEGIN
    SELECT RAISE(ABORT, 'sharing marks are append-only');
END;

CREATE TRIGGER entry_sharing_history_no_delete BEFORE DELETE ON entry_sharing_history
BEGIN
    SELECT RAISE(ABORT, 'sharing marks are append-only');
END;

CREATE TABLE consent_event (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    child_id        TEXT NOT NULL REFERENCES child(id) ON DELETE RESTRICT,
    recipient_kind  TEXT NOT NULL CHECK (recipient_kind IN ('agency', 'professional', 'team')),
    recipient_id    TEXT NOT NULL,
    recipient_name  TEXT NOT NULL DEFAULT '',
    category        TEXT NOT NULL,
    action          TEXT NOT NULL CHECK (action IN ('given', 'changed', 'withdrawn', 'reviewed')),
    decision        TEXT CHECK (decision IN ('permit', 'deny')),  -- NULL once withdrawn
    purposes        TEXT NOT NULL CHECK (json_valid(purposes)),  -- [{"key": …, "text": …}]
    start_on        TEXT NOT NULL,
    until_on        TEXT,
    review_on       TEXT,
    how             TEXT NOT NULL CHECK (how IN ('written', 'verbal', 'app')),
    recorded_by_kind TEXT NOT NULL CHECK (recorded_by_kind IN ('parent', 'key_worker', 'professional')),
    recorded_by_name TEXT NOT NULL DEFAULT '',
    explanation     TEXT NOT NULL,  -- the words shown at the time, verbatim
    at_utc          TEXT NOT NULL
) STRICT;

CREATE INDEX consent_event_by_child ON consent_event (child_id, seq);

CREATE TRIGGER consent_event_no_update BEFORE UPDATE ON consent_event
BEGIN
    SELECT RAISE(ABORT, 'consent history is append-only');
END;

CREATE TRIGGER consent_event_no_delete BEFORE DELETE ON consent_event
BEGIN
    SELECT RAISE(ABORT, 'consent history is append-only');
END;

-- The circle the family registered with (for example a children's centre multi-agency
-- team). Members are recipient ids; every change is also written to the activity log.
CREATE TABLE share_team (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    members      TEXT NOT NULL CHECK (json_valid(members)),
    version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_utc  TEXT NOT NULL,
    updated_utc  TEXT NOT NULL,
    archived_utc TEXT
) STRICT;

CREATE TRIGGER share_team_no_delete BEFORE DELETE ON share_team
BEGIN
    SELECT RAISE(ABORT, 'teams are archived, never deleted');
END;
