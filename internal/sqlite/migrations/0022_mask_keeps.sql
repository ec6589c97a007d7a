-- 公开预览: a masked item staff decided to publish as written (e.g. a public figure's name, a shop's address
-- the citizen asked about), with the reason and who decided. Masking leaves these items as written; each is
-- audited, and can be withdrawn before publishing.
CREATE TABLE message_mask_keeps (
    id          INTEGER PRIMARY KEY,
    message_id  INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    original    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    label       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    person_id   INTEGER REFERENCES people(id) ON DELETE SET NULL,
    person_name TEXT NOT NULL,
    at          TEXT NOT NULL,
    UNIQUE (message_id, original)
);
