-- Topic matching: example messages per topic, labeled history tied to its topic (so renaming a topic keeps
-- its history), and duplicate detection for re-imported history files.
ALTER TABLE topics ADD COLUMN examples TEXT NOT NULL DEFAULT '[]';          -- JSON array of example messages
ALTER TABLE routing_examples ADD COLUMN topic_id INTEGER REFERENCES topics(id) ON DELETE CASCADE;
ALTER TABLE routing_examples ADD COLUMN dedup_key TEXT NOT NULL DEFAULT ''; -- hash of subject, body and label

CREATE INDEX routing_examples_topic ON routing_examples(topic_id);
CREATE INDEX routing_examples_source ON routing_examples(source, dedup_key);
