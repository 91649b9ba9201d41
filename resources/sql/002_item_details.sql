-- NAT 1.5+ writes an `error` on each workflow_output.json item (null when the workflow ran
-- fine) and copies every field of the dataset row into it: both are kept with the item.
ALTER TABLE eval_items ADD COLUMN error TEXT;      -- why the workflow failed on the item
ALTER TABLE eval_items ADD COLUMN attributes TEXT; -- the item's other fields, a JSON object
