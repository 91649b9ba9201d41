-- Spanscope workspace, schema version 1 (DESIGN.md section 3).
-- Times are int64 nanoseconds since the Unix epoch. JSON columns hold compact JSON text.
-- Large payloads live in span_payloads, zstd-compressed, read only for a selected span.

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: a re-imported run gets a new id
    label       TEXT NOT NULL,
    kind        TEXT NOT NULL,            -- nat-eval, nat-sizing, otel
    source_path TEXT NOT NULL,
    digest      TEXT NOT NULL,            -- BLAKE2b-256 over the input files: unchanged input = no-op
    quick_key   TEXT NOT NULL DEFAULT '', -- over names, sizes, first and last MB (Importer::quickKey)
    imported_at INTEGER NOT NULL,         -- ms since the epoch
    start_ns    INTEGER,
    end_ns      INTEGER,
    trace_count INTEGER NOT NULL DEFAULT 0,
    span_count  INTEGER NOT NULL DEFAULT 0,
    metadata    TEXT NOT NULL DEFAULT '{}',
    report      TEXT NOT NULL DEFAULT '{}' -- the import report: warnings by kind, notes
);
CREATE INDEX runs_digest ON runs(digest);

CREATE TABLE traces (
    id            INTEGER PRIMARY KEY,
    run_id        INTEGER NOT NULL,
    ordinal       INTEGER NOT NULL,       -- request number in the source
    trace_key     TEXT NOT NULL,
    item_key      TEXT,
    session_key   TEXT,
    user_key      TEXT,
    name          TEXT,
    start_ns      INTEGER,
    end_ns        INTEGER,
    span_count    INTEGER NOT NULL,
    llm_calls     INTEGER NOT NULL,
    input_tokens  INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    error_count   INTEGER NOT NULL,
    unfinished_count INTEGER NOT NULL,
    source_steps  INTEGER NOT NULL
);

CREATE TABLE spans (
    id             INTEGER PRIMARY KEY,
    run_id         INTEGER NOT NULL,
    trace_id       INTEGER NOT NULL,
    parent_id      INTEGER,               -- spans.id, NULL for a root
    span_key       TEXT NOT NULL,
    parent_key     TEXT,                  -- the source's parent id where it named one
    name           TEXT NOT NULL,
    category       INTEGER NOT NULL,      -- spanscope::Category
    start_ns       INTEGER NOT NULL,
    end_ns         INTEGER NOT NULL,
    flags          INTEGER NOT NULL,      -- spanscope::SpanFlag bits
    model          TEXT,
    input_tokens   INTEGER,
    output_tokens  INTEGER,
    chunk_count    INTEGER NOT NULL DEFAULT 0,
    first_chunk_ns INTEGER,
    last_chunk_ns  INTEGER,
    attributes     TEXT
);

CREATE TABLE span_payloads (
    span_id  INTEGER PRIMARY KEY,
    raw_size INTEGER NOT NULL,
    data     BLOB NOT NULL                -- zstd frame of a JSON object
);

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    span_id    INTEGER NOT NULL,
    run_id     INTEGER NOT NULL,
    time_ns    INTEGER NOT NULL,
    name       TEXT NOT NULL,
    attributes TEXT
);

CREATE TABLE eval_items (
    id               INTEGER PRIMARY KEY,
    run_id           INTEGER NOT NULL,
    item_key         TEXT NOT NULL,
    ordinal          INTEGER NOT NULL,
    question         TEXT,
    expected_answer  TEXT,
    generated_answer TEXT
);

CREATE TABLE eval_scores (
    id        INTEGER PRIMARY KEY,
    run_id    INTEGER NOT NULL,
    evaluator TEXT NOT NULL,
    item_key  TEXT NOT NULL,
    score     REAL NOT NULL,
    reasoning TEXT
);

CREATE TABLE sizing_points (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL,
    concurrency INTEGER NOT NULL,
    metric      TEXT NOT NULL,
    p50         REAL,
    p90         REAL,
    p95         REAL,
    mean        REAL,
    samples     INTEGER NOT NULL,
    extra       TEXT
);

CREATE TABLE run_metrics (
    id     INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL,
    name   TEXT NOT NULL,
    value  REAL,
    lower  REAL,
    upper  REAL,
    unit   TEXT,
    json   TEXT
);

CREATE TABLE run_files (
    id            INTEGER PRIMARY KEY,
    run_id        INTEGER NOT NULL,
    relative_path TEXT NOT NULL,
    role          TEXT NOT NULL,
    size          INTEGER NOT NULL,
    content       BLOB                    -- zstd, for raw files and attachments only
);

-- Secondary indexes on the big tables (004 drops spans_key). Kept up row by row through a load
-- (see BulkWriter).
CREATE INDEX traces_run ON traces(run_id, ordinal);
CREATE INDEX spans_trace ON spans(trace_id, start_ns);
CREATE INDEX spans_key ON spans(trace_id, span_key);
CREATE INDEX spans_run ON spans(run_id, category);
CREATE INDEX events_span ON events(span_id);
CREATE INDEX eval_items_run ON eval_items(run_id, item_key);
CREATE INDEX eval_scores_run ON eval_scores(run_id, evaluator);
CREATE INDEX sizing_points_run ON sizing_points(run_id, metric, concurrency);
CREATE INDEX run_metrics_run ON run_metrics(run_id, name);
CREATE INDEX run_files_run ON run_files(run_id);
