-- spans_key (trace_id, span_key) served only the import's search for duplicate span ids, which
-- now looks in the traces the link finds holding one (TraceLinker), through spans_trace. Kept up
-- for every span of every import, it was the largest of the span indexes.
DROP INDEX IF EXISTS spans_key;
