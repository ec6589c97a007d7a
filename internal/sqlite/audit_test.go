package sqlite_test

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/sqlite"
)

// auditFixture is a database with four signed audit entries.
func auditFixture(t *testing.T) (*sqlite.DB, context.Context) {
	t.Helper()
	db := mustOpen(t)
	ctx := context.Background()
	s := sqlite.NewSettingsStore(db)
	for _, name := range []string{"综合组", "政策法规组", "空间规划组", "确权登记组"} {
		if _, err := s.SaveSection(ctx, core.Section{Name: name, Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	check, err := db.VerifyAudit(ctx)
	if err != nil || !check.OK || check.Entries != 4 {
		t.Fatalf("clean chain: %+v, %v", check, err)
	}
	return db, ctx
}

// tamper changes the log the way someone with the database file would: the append-only triggers are
// dropped, the statements run, and the triggers are put back to hide it.
func tamper(t *testing.T, db *sqlite.DB, stmts ...string) {
	t.Helper()
	if onPostgres() {
		// The owner of the database (not the application's role, in a real deployment) can switch triggers off.
		all := append([]string{`ALTER TABLE audit_log DISABLE TRIGGER USER`}, stmts...)
		for _, s := range append(all, `ALTER TABLE audit_log ENABLE TRIGGER USER`) {
			if _, err := db.SQL().Exec(s); err != nil {
				t.Fatalf("%s: %v", s, err)
			}
		}
		return
	}
	var triggers []string
	rows, err := db.SQL().Query(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		triggers = append(triggers, s)
	}
	rows.Close()
	if len(triggers) != 2 {
		t.Fatalf("append-only triggers = %d, want 2", len(triggers))
	}
	all := append([]string{`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER audit_log_no_delete`}, stmts...)
	for _, s := range append(all, triggers...) {
		if _, err := db.SQL().Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func mustBreak(t *testing.T, db *sqlite.DB, ctx context.Context, want string, brokenID int64) {
	t.Helper()
	check, err := db.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if check.OK || !strings.Contains(check.Problem, want) || check.FirstBrokenID != brokenID {
		t.Fatalf("check = %+v, want a problem naming %q at entry %d", check, want, brokenID)
	}
}

func entry(t *testing.T, db *sqlite.DB, id int64) core.AuditEntry {
	t.Helper()
	var e core.AuditEntry
	err := db.SQL().QueryRow(`SELECT id, at, COALESCE(person_id, 0), person_name, action, entity, entity_id,
		summary, changes, prev_hash, hash FROM audit_log WHERE id = ?`, id).Scan(&e.ID, &e.At, &e.PersonID,
		&e.PersonName, &e.Action, &e.Entity, &e.EntityID, &e.Summary, &e.Changes, &e.PrevHash, &e.Hash)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// forge is the keyed hash an attacker computes with a key of their own (the real one is not in the database).
func forge(key []byte, e core.AuditEntry) string {
	m := hmac.New(sha256.New, key)
	for _, f := range []string{strconv.FormatInt(e.ID, 10), e.At, strconv.FormatInt(e.PersonID, 10), e.PersonName,
		e.Action, e.Entity, e.EntityID, e.Summary, e.Changes, e.PrevHash} {
		fmt.Fprintf(m, "%d:%s;", len(f), f)
	}
	return "v2:" + hex.EncodeToString(m.Sum(nil))
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	db, _ := auditFixture(t)
	if _, err := db.SQL().Exec(`UPDATE audit_log SET summary = 'x' WHERE id = 2`); err == nil || !strings.Contains(err.Error(), "只能追加") {
		t.Errorf("update: %v", err)
	}
	if _, err := db.SQL().Exec(`DELETE FROM audit_log WHERE id = 4`); err == nil || !strings.Contains(err.Error(), "只能追加") {
		t.Errorf("delete: %v", err)
	}
	if !onPostgres() {
		var appID int
		if err := db.SQL().QueryRow(`PRAGMA application_id`).Scan(&appID); err != nil || appID != 0x50444B31 {
			t.Errorf("application_id = %x, %v", appID, err)
		}
	}
	info, err := os.Stat(filepath.Join(db.DataDir, sqlite.AuditKeyFile))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("audit key: %v, %v", info, err)
	}
}

func TestAuditDetectsDeletedLastEntry(t *testing.T) {
	db, ctx := auditFixture(t)
	tamper(t, db, `DELETE FROM audit_log WHERE id = 4`)
	mustBreak(t, db, ctx, "末尾的记录被删除", 4)
}

func TestAuditDetectsDeletedMiddleEntry(t *testing.T) {
	db, ctx := auditFixture(t)
	tamper(t, db, `DELETE FROM audit_log WHERE id = 3`)
	mustBreak(t, db, ctx, "链接不一致", 4)
}

func TestAuditDetectsWipedLog(t *testing.T) {
	db, ctx := auditFixture(t)
	tamper(t, db, `DELETE FROM audit_log`)
	mustBreak(t, db, ctx, "被清空", 0)
}

func TestAuditDetectsEditWithRecomputedHashes(t *testing.T) {
	db, ctx := auditFixture(t)
	key := make([]byte, 32)
	rand.Read(key)
	// Edit entry 2 and re-hash it and every later entry with the attacker's own key.
	var stmts []string
	prev := entry(t, db, 1).Hash
	for id := int64(2); id <= 4; id++ {
		e := entry(t, db, id)
		if id == 2 {
			e.Summary = "新建科室 综合办"
		}
		e.PrevHash = prev
		e.Hash = forge(key, e)
		prev = e.Hash
		stmts = append(stmts, fmt.Sprintf(`UPDATE audit_log SET summary = '%s', prev_hash = '%s', hash = '%s' WHERE id = %d`, e.Summary, e.PrevHash, e.Hash, id))
	}
	tamper(t, db, stmts...)
	mustBreak(t, db, ctx, "密钥签名不符", 2)

	// Re-hashing with the old unkeyed scheme is refused too.
	db2, ctx2 := auditFixture(t)
	stmts = nil
	prev = entry(t, db2, 1).Hash
	for id := int64(2); id <= 4; id++ {
		e := entry(t, db2, id)
		e.PrevHash = prev
		e.Hash = sqlite.AuditHash(e)
		prev = e.Hash
		stmts = append(stmts, fmt.Sprintf(`UPDATE audit_log SET prev_hash = '%s', hash = '%s' WHERE id = %d`, e.PrevHash, e.Hash, id))
	}
	tamper(t, db2, stmts...)
	mustBreak(t, db2, ctx2, "没有密钥签名", 2)
}

func TestAuditDetectsReorderedEntries(t *testing.T) {
	db, ctx := auditFixture(t)
	tamper(t, db, `UPDATE audit_log SET id = 100 WHERE id = 2`, `UPDATE audit_log SET id = 2 WHERE id = 3`,
		`UPDATE audit_log SET id = 3 WHERE id = 100`)
	mustBreak(t, db, ctx, "链接不一致", 2)
}

func TestAuditDetectsInsertedEntry(t *testing.T) {
	db, ctx := auditFixture(t)
	last := entry(t, db, 4)
	e := last
	e.ID, e.Summary, e.PrevHash = 5, "新建科室 虚构组", last.Hash
	key := make([]byte, 32)
	rand.Read(key)
	e.Hash = forge(key, e)
	tamper(t, db, fmt.Sprintf(`INSERT INTO audit_log (id, at, person_name, action, entity, entity_id, summary, changes, prev_hash, hash)
		VALUES (5, '%s', '%s', '%s', '%s', '%s', '%s', '%s', '%s', '%s')`, e.At, e.PersonName, e.Action, e.Entity, e.EntityID, e.Summary, e.Changes, e.PrevHash, e.Hash))
	mustBreak(t, db, ctx, "密钥签名不符", 5)
}

func TestAuditDetectsDisabledTrigger(t *testing.T) {
	db, ctx := auditFixture(t)
	drop := `DROP TRIGGER audit_log_no_delete`
	if onPostgres() {
		drop += ` ON audit_log`
	}
	if _, err := db.SQL().Exec(drop); err != nil {
		t.Fatal(err)
	}
	mustBreak(t, db, ctx, "触发器 audit_log_no_delete", 0)
	if onPostgres() {
		// A trigger switched off counts as removed.
		db, ctx := auditFixture(t)
		if _, err := db.SQL().Exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`); err != nil {
			t.Fatal(err)
		}
		mustBreak(t, db, ctx, "触发器 audit_log_no_update", 0)
	}
}

func TestAuditDetectsRemovedOrRolledBackHead(t *testing.T) {
	db, ctx := auditFixture(t)
	head := filepath.Join(db.DataDir, sqlite.AuditHeadFile)
	old, err := os.ReadFile(head)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sqlite.NewSettingsStore(db).SaveSection(ctx, core.Section{Name: "信息中心", Active: true}); err != nil {
		t.Fatal(err)
	}
	if check, err := db.VerifyAudit(ctx); err != nil || !check.OK || check.Entries != 5 {
		t.Fatalf("after a fifth entry: %+v, %v", check, err)
	}
	// The head file put back to an older version (to hide a deleted last entry). On PostgreSQL other server
	// processes append to the chain as well, so a head behind the chain is what each process's file normally is:
	// there the entry it names must still be as recorded (TestPostgresWritersFromTwoServersKeepOneAuditChain),
	// and the entries after it are checked by their links and signatures and by the heads of the processes that
	// wrote them.
	if err := os.WriteFile(head, old, 0o600); err != nil {
		t.Fatal(err)
	}
	if !onPostgres() {
		mustBreak(t, db, ctx, "旧版本", 5)
	}
	// The head file removed.
	os.Remove(head)
	mustBreak(t, db, ctx, "链头文件 audit-head.json 不存在", 0)
}

func TestAuditDetectsSwappedKey(t *testing.T) {
	db, ctx := auditFixture(t)
	key := make([]byte, 32)
	rand.Read(key)
	if err := os.WriteFile(filepath.Join(db.DataDir, sqlite.AuditKeyFile), key, 0o600); err != nil {
		t.Fatal(err)
	}
	db = reopen(t, db)
	mustBreak(t, db, ctx, "密钥签名不符", 1)
}

func TestAuditLegacyEntriesStillVerify(t *testing.T) {
	db, ctx := auditFixture(t)
	// A database written before entries were signed: unkeyed SHA-256 hashes, no key or head file yet.
	stmts := []string{`DELETE FROM audit_log`}
	prev := "0000000000000000000000000000000000000000000000000000000000000000"
	for id := int64(1); id <= 3; id++ {
		e := core.AuditEntry{ID: id, At: "2026-03-02T09:00:00+08:00", PersonName: "系统", Action: "create",
			Entity: "section", EntityID: strconv.FormatInt(id, 10), Summary: "新建科室", Changes: "{}", PrevHash: prev}
		e.Hash = sqlite.AuditHash(e)
		prev = e.Hash
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO audit_log (id, at, person_name, action, entity, entity_id, summary, changes, prev_hash, hash)
			VALUES (%d, '%s', '系统', 'create', 'section', '%s', '新建科室', '{}', '%s', '%s')`, id, e.At, e.EntityID, e.PrevHash, e.Hash))
	}
	tamper(t, db, stmts...)
	dir := db.DataDir
	os.Remove(filepath.Join(dir, sqlite.AuditHeadFile))
	os.Remove(filepath.Join(dir, sqlite.AuditKeyFile))
	db = reopen(t, db)
	if check, err := db.VerifyAudit(ctx); err != nil || !check.OK || check.Entries != 3 {
		t.Fatalf("legacy chain: %+v, %v", check, err)
	}
	// New entries are signed and chained after the old ones.
	if _, err := sqlite.NewSettingsStore(db).SaveSection(ctx, core.Section{Name: "信息中心", Active: true}); err != nil {
		t.Fatal(err)
	}
	if check, err := db.VerifyAudit(ctx); err != nil || !check.OK || check.Entries != 4 {
		t.Fatalf("legacy then signed: %+v, %v", check, err)
	}
	if h := entry(t, db, 4).Hash; !strings.HasPrefix(h, "v2:") {
		t.Errorf("new entry hash = %s", h)
	}
}
