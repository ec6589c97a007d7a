-- The inbox's counts (its state tabs and 已超期 N) are kept in memory per filter. They stay true until a message
-- comes, goes, or changes in a column a filter or a count reads; other writes (a reply's wording, a signature,
-- a sign-in) leave them as they are. This revision moves on exactly those changes, whichever process made them.
CREATE TABLE inbox_revision (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    rev INTEGER NOT NULL
);
INSERT INTO inbox_revision (id, rev) VALUES (1, 0);

CREATE TRIGGER inbox_revision_insert AFTER INSERT ON messages BEGIN
    UPDATE inbox_revision SET rev = rev + 1;
END;

CREATE TRIGGER inbox_revision_delete AFTER DELETE ON messages BEGIN
    UPDATE inbox_revision SET rev = rev + 1;
END;

CREATE TRIGGER inbox_revision_update AFTER UPDATE ON messages
WHEN OLD.state IS NOT NEW.state OR OLD.section_id IS NOT NEW.section_id OR OLD.assignee_id IS NOT NEW.assignee_id
    OR OLD.msg_type IS NOT NEW.msg_type OR OLD.topic_id IS NOT NEW.topic_id OR OLD.channel IS NOT NEW.channel
    OR OLD.received_date IS NOT NEW.received_date OR OLD.due_date IS NOT NEW.due_date
    OR OLD.stopped_since IS NOT NEW.stopped_since
BEGIN
    UPDATE inbox_revision SET rev = rev + 1;
END;
