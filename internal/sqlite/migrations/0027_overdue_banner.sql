-- The overdue message's banner (internal/mailbox/overdue.go): the latest 催办 and how many there were, a
-- 延期申请 waiting for its named approver, the working days granted, and the 超期说明 a late reply carries.
ALTER TABLE messages ADD COLUMN remind_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN reminded_at TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN reminded_by INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE messages ADD COLUMN remind_note TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN ext_request_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN ext_request_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN ext_request_by INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE messages ADD COLUMN ext_request_approver INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE messages ADD COLUMN ext_requested_at TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN extended_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN late_note TEXT NOT NULL DEFAULT '';
