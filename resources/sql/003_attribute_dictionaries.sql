-- Span attributes of an import are stored compressed against their run's dictionary
-- (AttributeDictionary): spans.attributes is then a BLOB, read as JSON through the
-- span_attributes() SQL function. Plain JSON text stays readable as it was.
CREATE TABLE attribute_dictionaries (
    run_id INTEGER PRIMARY KEY,           -- runs.id: never reused
    data   BLOB NOT NULL                  -- a zstd raw-content dictionary: samples of the run's attributes
);
