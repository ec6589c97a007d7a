-- 局长信箱 search: every message's index entry also holds mailbox.EveryMessage, a term no search can produce,
-- so the index can list the messages a search does NOT match. A search matching nearly every message (a
-- single common character) is then counted and paged through the few it misses. index_grams() is
-- mailbox.IndexGrams, registered by this package.
DROP TABLE messages_fts;
CREATE VIRTUAL TABLE messages_fts USING fts5(grams, content = '', contentless_delete = 1, tokenize = 'ascii', prefix = '1');
INSERT INTO messages_fts (messages_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO messages_fts (rowid, grams) SELECT id, index_grams(subject || char(10) || body) FROM messages;
INSERT INTO messages_fts (messages_fts) VALUES ('optimize');
