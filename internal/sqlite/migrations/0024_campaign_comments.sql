-- Campaigns (thousands of identical comments): a group knows its size, so that listing comments does not count
-- a group's members once per row, and a comment file is written in short chunks, so that an import holds the
-- write lock briefly and still applies whole.
ALTER TABLE comment_groups ADD COLUMN members INTEGER NOT NULL DEFAULT 0;
UPDATE comment_groups SET members = (SELECT COUNT(*) FROM comments WHERE group_id = comment_groups.id);

-- Adding and deleting a comment move the count here; moving comments between groups (regrouping, splitting,
-- merging) goes through one store function, which counts the groups it touched once per statement rather than
-- once per comment.
CREATE TRIGGER comments_group_insert AFTER INSERT ON comments WHEN NEW.group_id IS NOT NULL BEGIN
    UPDATE comment_groups SET members = members + 1 WHERE id = NEW.group_id;
END;
CREATE TRIGGER comments_group_delete AFTER DELETE ON comments WHEN OLD.group_id IS NOT NULL BEGIN
    UPDATE comment_groups SET members = members - 1 WHERE id = OLD.group_id;
END;

-- A comment file being imported: its batch is pending while its rows are written, chunk by chunk, and nobody
-- sees them (live_comments leaves them out). The import's last transaction deletes the pending mark, which
-- shows them all at once; a failed or cancelled import deletes its rows and batch instead.
CREATE TABLE comment_imports_pending (
    batch_id         INTEGER PRIMARY KEY REFERENCES import_batches(id) ON DELETE CASCADE,
    consultation_id  INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    created_at       TEXT NOT NULL
);

-- The comments everybody sees: every read of comments goes through here.
CREATE VIEW live_comments AS SELECT * FROM comments
    WHERE batch_id IS NULL OR batch_id NOT IN (SELECT batch_id FROM comment_imports_pending);

-- Counting a consultation's comments by decision stays within the index with the batch in it; the index by
-- consultation alone is covered by it, one index less to write for each imported comment.
DROP INDEX comments_consultation;
DROP INDEX comments_decision;
CREATE INDEX comments_decision ON comments(consultation_id, decision, batch_id);
