-- The messages changed lately, in order: the inbox's in-memory search results follow them instead of
-- searching again after every write. Only the last 20,000 changes are kept; a reader further behind searches
-- afresh.
CREATE TABLE message_changes (
    rev         INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id  INTEGER NOT NULL
);

CREATE TRIGGER message_changes_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_changes (message_id) VALUES (NEW.id);
END;

CREATE TRIGGER message_changes_delete AFTER DELETE ON messages BEGIN
    INSERT INTO message_changes (message_id) VALUES (OLD.id);
END;

CREATE TRIGGER message_changes_update AFTER UPDATE OF subject, body, state, received_at ON messages BEGIN
    INSERT INTO message_changes (message_id) VALUES (NEW.id);
END;

CREATE TRIGGER message_changes_prune AFTER INSERT ON message_changes WHEN NEW.rev > 20000 BEGIN
    DELETE FROM message_changes WHERE rev <= NEW.rev - 20000;
END;
