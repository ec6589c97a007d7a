-- 局长信箱 search, rebuilt: every run of letters and digits (Latin as well as Han) is now stored as overlapping
-- bigrams plus its last character (mailbox.SearchGrams), so any search is a substring search; and a
-- one-character prefix index answers a one-character search with one lookup instead of merging every term
-- that begins with that character. prefix is fixed when the table is created, so the table is made anew
-- and refilled from the messages; search_grams() is mailbox.SearchGrams, registered by this package.
DROP TABLE messages_fts;
CREATE VIRTUAL TABLE messages_fts USING fts5(grams, content = '', contentless_delete = 1, tokenize = 'ascii', prefix = '1');
INSERT INTO messages_fts (messages_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO messages_fts (rowid, grams) SELECT id, search_grams(subject || char(10) || body) FROM messages;
-- One segment instead of the few the bulk insert leaves behind: each search then reads one doclist per term.
INSERT INTO messages_fts (messages_fts) VALUES ('optimize');

-- The inbox looks up each search match by id to count it per state and to test the other filters. Through
-- this narrow index that reads a few bytes per match, where the table's own rows, with the message text before
-- the state column, would cost a page (and its overflow pages) per match.
CREATE INDEX messages_id_inbox ON messages(id, state, received_at, due_date, section_id, stopped_since);
