-- The audit log is append-only: no statement may change or remove an entry. Entries written from now on
-- carry a keyed hash (HMAC-SHA256 under audit.key in the data directory, never in the database), so an
-- entry edited and re-hashed by someone without the key no longer verifies.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, '审计日志只能追加，不能修改已有记录');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, '审计日志只能追加，不能删除记录');
END;
-- PolicyDesk's file signature ("PDK1"): a restore refuses a database without it.
PRAGMA application_id = 1346652977; -- 0x50444B31
