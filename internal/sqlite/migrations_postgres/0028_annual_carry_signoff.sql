-- The annual report: table 三's 上年结转 entered by hand for a register that begins in the middle of history
-- (JSON list of the six applicant columns, '' when the register's own count is used) with its source, and the
-- report's content as submitted for sign-off, so that an edit after the round needs a new one.
ALTER TABLE annual_reports ADD COLUMN carry_over TEXT NOT NULL DEFAULT '';
ALTER TABLE annual_reports ADD COLUMN carry_source TEXT NOT NULL DEFAULT '';
ALTER TABLE annual_reports ADD COLUMN signed_text TEXT NOT NULL DEFAULT '';
