-- 0004: indexes for the journal's filters and its "Written by" list, so they stay quick
-- with 20,000 observations (measured by benchmarks/bench_heavy_record.py: counting one
-- area 320 ms -> 1 ms, the list of authors 85 ms -> 2 ms, a page deep in one area
-- 130 ms -> 3 ms). The filter column comes BEFORE archived_utc on purpose: the plain
-- timeline (no filter) then keeps using entry_by_child_kind, which matches one more term.

CREATE INDEX entry_by_author ON entry (child_id, kind, author_kind, author_name, archived_utc,
                                       occurred_on);
CREATE INDEX entry_by_area ON entry (child_id, kind, json_extract(data, '$.area'), archived_utc,
                                     occurred_on);
