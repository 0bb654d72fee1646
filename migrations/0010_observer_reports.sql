-- An observer organisation does not report its 4W, unless the cluster sets it to.
ALTER TABLE organisations ADD COLUMN observer_reports INTEGER NOT NULL DEFAULT 0 CHECK (observer_reports IN (0, 1));
