-- 局长信箱: what the workflow needs beyond 0001's messages table.
ALTER TABLE messages ADD COLUMN match_json TEXT NOT NULL DEFAULT '{}';     -- the topic suggestion on arrival, with matched words
ALTER TABLE messages ADD COLUMN stopped_since TEXT;                         -- date the clock stopped; NULL while it runs
ALTER TABLE messages ADD COLUMN published_subject TEXT NOT NULL DEFAULT ''; -- the masked subject as published
ALTER TABLE messages ADD COLUMN published_reply TEXT NOT NULL DEFAULT '';   -- the masked reply as published
ALTER TABLE messages ADD COLUMN dedup_key TEXT;                             -- hash of sender + body, to skip re-imported messages

CREATE INDEX messages_dedup ON messages(dedup_key);
CREATE UNIQUE INDEX messages_mail_uid ON messages(mail_uid) WHERE mail_uid IS NOT NULL AND mail_uid <> '';
CREATE INDEX messages_received_date ON messages(received_date);
CREATE INDEX messages_state_received ON messages(state, received_at);
CREATE INDEX messages_section_received ON messages(section_id, received_at);
CREATE INDEX messages_type_received ON messages(msg_type, received_at);
CREATE INDEX messages_due ON messages(due_date);
CREATE INDEX messages_section_due ON messages(section_id, due_date, received_at);
CREATE INDEX messages_state_type ON messages(state, msg_type, received_at);
-- Covers the deadline filters (state, due date, running clock) and their sort, so counting and paging
-- overdue messages never reads the message rows.
CREATE INDEX messages_state_due_open ON messages(state, due_date, stopped_since, received_at);

-- Full-text search over subject and body. Han text is indexed as overlapping bigrams (mailbox.SearchGrams),
-- so two-character words are found; rowid is messages.id. The grams are already split and lower-cased, so
-- the cheap ascii tokenizer (spaces separate terms) suffices, and the table keeps no copy of its text.
CREATE VIRTUAL TABLE messages_fts USING fts5(grams, content = '', contentless_delete = 1, tokenize = 'ascii');
-- A 16 MB pending-terms buffer (default 1 MB) lets a 10,000-row import build larger segments at once instead
-- of flushing and merging hundreds of small ones.
INSERT INTO messages_fts (messages_fts, rank) VALUES ('hashsize', 16777216);
