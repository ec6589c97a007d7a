-- 依申请公开 letters as the office edits them (受理回执, 补正告知书, … 答复书 by result group): one paragraph a
-- line with placeholders; a kind without a row uses the built-in text (internal/disclosure/templates.go).
CREATE TABLE letter_templates (
    kind        TEXT PRIMARY KEY,
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  BIGINT REFERENCES people(id) ON DELETE SET NULL
);
