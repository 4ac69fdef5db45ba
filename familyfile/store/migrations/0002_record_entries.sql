-- 0002: the child's record. Entries of every section share one table, their data as
-- JSON checked by the domain rules, with an append-only edit history. Nothing is ever
-- deleted: archiving hides an entry and can be undone.

CREATE TABLE entry (
    id           TEXT PRIMARY KEY,
    child_id     TEXT REFERENCES child(id) ON DELETE RESTRICT,  -- NULL: about the family
    kind         TEXT NOT NULL,
    occurred_on  TEXT,                    -- ISO date or UTC date-time the entry is about
    data         TEXT NOT NULL CHECK (json_valid(data)),
    version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    author_kind  TEXT NOT NULL CHECK (author_kind IN ('parent', 'key_worker', 'professional')),
    author_name  TEXT NOT NULL DEFAULT '',
    created_utc  TEXT NOT NULL,
    updated_utc  TEXT NOT NULL,
    archived_utc TEXT
) STRICT;

CREATE INDEX entry_by_child_kind ON entry (child_id, kind, archived_utc, occurred_on);
CREATE INDEX entry_by_kind ON entry (kind, occurred_on);

CREATE TABLE entry_history (
    entry_id     TEXT NOT NULL REFERENCES entry(id) ON DELETE RESTRICT,
    version      INTEGER NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('created', 'edited', 'archived', 'restored', 'imported')),
    occurred_on  TEXT,
    data         TEXT NOT NULL,
    author_kind  TEXT NOT NULL,
    author_name  TEXT NOT NULL,
    changed_utc  TEXT NOT NULL,
    PRIMARY KEY (entry_id, version)
) STRICT;

CREATE TRIGGER entry_history_no_update BEFORE UPDATE ON entry_history
BEGIN
    SELECT RAISE(ABORT, 'entry history is append-only');
END;

CREATE TRIGGER entry_history_no_delete BEFORE DELETE ON entry_history
BEGIN
    SELECT RAISE(ABORT, 'entry history is append-only');
END;

CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
BEGIN
    SELECT RAISE(ABORT, 'entries are archived, never deleted');
END;

CREATE TRIGGER child_no_delete BEFORE DELETE ON child
BEGIN
    SELECT RAISE(ABORT, 'children are archived, never deleted');
END;

-- Photos for journal entries, stored inside the encrypted database.
CREATE TABLE photo (
    id           TEXT PRIMARY KEY,
    entry_id     TEXT NOT NULL REFERENCES entry(id) ON DELETE RESTRICT,
    mime         TEXT NOT NULL,
    width_px     INTEGER NOT NULL,
    height_px    INTEGER NOT NULL,
    image        BLOB NOT NULL,
    thumbnail    BLOB NOT NULL,
    created_utc  TEXT NOT NULL,
    archived_utc TEXT
) STRICT;

CREATE INDEX photo_by_entry ON photo (entry_id);

-- Full-text search over journal entries (inside the encrypted database).
CREATE VIRTUAL TABLE journal_search USING fts5 (
    entry_id UNINDEXED,
    child_id UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
