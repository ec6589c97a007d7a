-- The inbox's counts (its state tabs and 已超期 N) are kept in memory per filter. They stay true until a message
-- comes, goes, or changes in a column a filter or a count reads; other writes (a reply's wording, a signature,
-- a sign-in) leave them as they are. This revision moves on exactly those changes, whichever server process made
-- them, and once per transaction: updating one row many times in one transaction would leave a chain of its
-- versions for each later update to walk.
CREATE TABLE inbox_revision (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    rev BIGINT NOT NULL
);
INSERT INTO inbox_revision (id, rev) VALUES (1, 0);

CREATE FUNCTION inbox_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('policydesk.inbox_moved', true) IS DISTINCT FROM 'on' THEN
        UPDATE inbox_revision SET rev = rev + 1;
        PERFORM set_config('policydesk.inbox_moved', 'on', true);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER inbox_revision_insert AFTER INSERT OR DELETE ON messages FOR EACH STATEMENT
    EXECUTE FUNCTION inbox_revision_bump();
CREATE TRIGGER inbox_revision_update AFTER UPDATE ON messages FOR EACH ROW
    WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.section_id IS DISTINCT FROM NEW.section_id
        OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id OR OLD.msg_type IS DISTINCT FROM NEW.msg_type
        OR OLD.topic_id IS DISTINCT FROM NEW.topic_id OR OLD.channel IS DISTINCT FROM NEW.channel
        OR OLD.received_date IS DISTINCT FROM NEW.received_date OR OLD.due_date IS DISTINCT FROM NEW.due_date
        OR OLD.stopped_since IS DISTINCT FROM NEW.stopped_since)
    EXECUTE FUNCTION inbox_revision_bump();
