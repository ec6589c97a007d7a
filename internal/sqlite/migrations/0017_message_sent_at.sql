-- A mail's receipt time is when the bureau's mail server received it (IMAP INTERNALDATE, else the fetch time);
-- the sender's own Date header is kept apart as 发信时间, shown but never counted from.
ALTER TABLE messages ADD COLUMN sent_at TEXT;
