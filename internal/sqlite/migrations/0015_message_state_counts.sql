-- The inbox's state tabs count every message by state on each page; kept here by triggers, the unfiltered counts
-- (the inbox as it opens, and while paging) are read from a few rows instead of counting 100,000.
CREATE TABLE message_state_counts (
    state TEXT PRIMARY KEY,
    n     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO message_state_counts (state, n) SELECT state, COUNT(*) FROM messages GROUP BY state;

CREATE TRIGGER messages_count_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_state_counts (state, n) VALUES (NEW.state, 1)
        ON CONFLICT(state) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER messages_count_delete AFTER DELETE ON messages BEGIN
    UPDATE message_state_counts SET n = n - 1 WHERE state = OLD.state;
END;

CREATE TRIGGER messages_count_state AFTER UPDATE OF state ON messages WHEN OLD.state IS NOT NEW.state BEGIN
    UPDATE message_state_counts SET n = n - 1 WHERE state = OLD.state;
    INSERT INTO message_state_counts (state, n) VALUES (NEW.state, 1)
        ON CONFLICT(state) DO UPDATE SET n = n + 1;
END;
