-- An import's span payloads are compressed in blocks, several spans' payloads end to end in one
-- zstd frame (PayloadBlocks): span_payloads.data then holds the tag byte 0x03, the block's id and
-- the payload's offset in the block's text as LEB128 varints, and raw_size its length. Bare
-- frames and frames against a run's dictionary stay readable as they were.
CREATE TABLE payload_blocks (
    id     INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL,              -- runs.id: removed with its run
    data   BLOB NOT NULL                  -- one zstd frame of payload texts end to end
);
CREATE INDEX payload_blocks_run ON payload_blocks(run_id);
