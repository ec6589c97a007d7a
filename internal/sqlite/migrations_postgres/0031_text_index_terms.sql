-- The inbox's text index keeps each message's terms in a column (IndexTerms in Go, written with the grams)
-- instead of an index over fts_index_terms(grams): a search that walks another index and tests each row for
-- being a match then reads the row's terms instead of computing them (1.7 ms a row), and building the index
-- no longer computes them either. Rows written by an older server are filled here; a writer that leaves the
-- column out gets it from the trigger, which computes it the old way.
ALTER TABLE messages_fts ADD COLUMN terms text[];
-- A row keeps its grams and terms in the TOAST table, itself a few dozen bytes: counting a frequent word's
-- matches visits their rows, and narrow rows make that some 1,900 pages for 100,000 messages instead of 14,000.
ALTER TABLE messages_fts SET (toast_tuple_target = 128);
UPDATE messages_fts SET terms = COALESCE(fts_index_terms(grams), '{}');
ALTER TABLE messages_fts ALTER COLUMN terms SET NOT NULL;
CREATE FUNCTION messages_fts_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.terms IS NULL OR (TG_OP = 'UPDATE' AND NEW.grams IS DISTINCT FROM OLD.grams AND NEW.terms IS NOT DISTINCT FROM OLD.terms) THEN
        NEW.terms := COALESCE(fts_index_terms(NEW.grams), '{}');
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER messages_fts_terms BEFORE INSERT OR UPDATE ON messages_fts FOR EACH ROW EXECUTE FUNCTION messages_fts_terms();
DROP INDEX messages_fts_terms;
CREATE INDEX messages_fts_terms ON messages_fts USING gin (terms);
