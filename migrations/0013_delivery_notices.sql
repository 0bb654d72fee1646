-- A delivery refused for a reason other than the person (a text Telegram would not take, a
-- chat not found…) is told to the chair once per broadcast: the failures of one broadcast
-- share the key of that one notice.
ALTER TABLE delivery_failures ADD COLUMN notice TEXT;
CREATE INDEX delivery_failures_notice ON delivery_failures (notice) WHERE notice IS NOT NULL;
