-- Span attributes and payloads of an import are stored compressed against their run's
-- dictionaries (RunDictionary): spans.attributes is then a BLOB, read as JSON through the
-- span_attributes() SQL function, and span_payloads.data starts with the kind's tag instead of
-- a bare zstd frame. Plain JSON text and bare frames stay readable as they were.
CREATE TABLE run_dictionaries (
    run_id INTEGER NOT NULL,              -- runs.id: never reused
    kind   INTEGER NOT NULL,              -- 1 attributes, 2 payloads (the stored form's tag byte)
    data   BLOB NOT NULL,                 -- a zstd raw-content dictionary: samples of the run's values
    PRIMARY KEY (run_id, kind)
);
