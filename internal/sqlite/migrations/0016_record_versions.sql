-- No lost update: every editable record counts its changes. A trigger moves the count on every change, whichever
-- path makes it; a save based on an older count is refused (see Tx.checkVersion).
ALTER TABLE policies ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE consultations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE comments ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE interpretations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TRIGGER policies_version AFTER UPDATE ON policies WHEN NEW.version = OLD.version BEGIN
    UPDATE policies SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER consultations_version AFTER UPDATE ON consultations WHEN NEW.version = OLD.version BEGIN
    UPDATE consultations SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER comments_version AFTER UPDATE ON comments WHEN NEW.version = OLD.version BEGIN
    UPDATE comments SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER interpretations_version AFTER UPDATE ON interpretations WHEN NEW.version = OLD.version BEGIN
    UPDATE interpretations SET version = OLD.version + 1 WHERE id = NEW.id;
END;
