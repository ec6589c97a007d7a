package sqlite

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"slices"
	"strconv"
	"strings"

	"policydesk/internal/core"
)

// Change is one field's old and new value in an audit entry.
type Change struct {
	Field string
	Old   any
	New   any
}

// genesisHash is the prev_hash of the first audit entry.
const genesisHash = "0000000000000000000000000000000000000000000000000000000000000000"

// Audit hash schemes. An entry's stored hash says which one made it: a bare hex digest is the unkeyed
// SHA-256 of databases written before the key existed (scheme 1, still verified so old logs stay whole);
// "v2:" + hex is HMAC-SHA256 under the data directory's audit key. A new scheme (for instance when audit
// entries gain columns) gets a new prefix and its own field list in auditFields; older entries keep theirs.
const (
	auditSchemeLegacy = 1
	auditSchemeKeyed  = 2
	auditCurrent      = auditSchemeKeyed
)

// auditFields is the list of an entry's fields a scheme hashes, in order. A later scheme may add fields
// at the end (client address, client kind …); it must never change an earlier scheme's list.
func auditFields(scheme int, e core.AuditEntry) []string {
	switch scheme {
	case auditSchemeLegacy, auditSchemeKeyed:
		fields := []string{
			strconv.FormatInt(e.ID, 10), e.At, strconv.FormatInt(e.PersonID, 10), e.PersonName, e.Action,
			e.Entity, e.EntityID, e.Summary, e.Changes, e.PrevHash,
		}
		// The client's address and kind are hashed when set: entries written before they were recorded keep
		// their hashes, and blanking them in a newer entry breaks its hash.
		if e.ClientAddr != "" || e.ClientKind != "" {
			fields = append(fields, "client", e.ClientAddr, e.ClientKind)
		}
		return fields
	}
	return nil
}

// auditScheme is the scheme a stored hash was made with, and its digest; 0 for an unknown form.
func auditScheme(stored string) (int, string) {
	if d, ok := strings.CutPrefix(stored, "v2:"); ok {
		return auditSchemeKeyed, d
	}
	if len(stored) == sha256.Size*2 && !strings.Contains(stored, ":") {
		return auditSchemeLegacy, stored
	}
	return 0, ""
}

// audit appends a hash-chained entry for a change to a domain record, in the caller's transaction, so the record
// and its audit entry are committed (or lost) together. The hash is computed before the insert (the entry's id
// is the next one under the transaction's write lock), so the row is written once and never updated.
func (tx *Tx) audit(action, entity string, entityID any, summary string, changes []Change) error {
	m := make(map[string][2]any, len(changes))
	for _, c := range changes {
		m[c.Field] = [2]any{c.Old, c.New}
	}
	changesJSON, err := json.Marshal(m) // map keys are sorted: the JSON is canonical
	if err != nil {
		return err
	}
	var lastID int64
	prev := genesisHash
	err = tx.QueryRow(`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&lastID, &prev)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	scheme, _ := auditScheme(prev)
	key, err := tx.db.auditKey(scheme != auditSchemeKeyed)
	if err != nil {
		return err
	}
	e := core.AuditEntry{
		ID:         lastID + 1,
		At:         tx.Stamp(),
		PersonID:   tx.actor.PersonID,
		PersonName: tx.actorName(),
		Action:     action,
		Entity:     entity,
		EntityID:   fmt.Sprint(entityID),
		Summary:    summary,
		Changes:    string(changesJSON),
		PrevHash:   prev,
	}
	e.ClientAddr, e.ClientKind = tx.clientAddr, tx.clientKind
	e.Hash = auditHash(auditCurrent, key, e)
	_, err = tx.Exec(`INSERT INTO audit_log (id, at, person_id, person_name, action, entity, entity_id, summary, changes, prev_hash, hash,
		client_addr, client_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.At, nullID(e.PersonID), e.PersonName, e.Action, e.Entity, e.EntityID, e.Summary, e.Changes, e.PrevHash, e.Hash,
		e.ClientAddr, e.ClientKind)
	if err != nil {
		return err
	}
	if tx.head == nil {
		tx.base = auditHead{ID: lastID, Hash: prev}
	}
	tx.head = &auditHead{ID: e.ID, Hash: e.Hash}
	return nil
}

// AuditHash is the unkeyed SHA-256 of scheme 1 over an entry's fields and the previous hash, in a fixed
// unambiguous encoding (each field length-prefixed), so no two different entries share a pre-image.
func AuditHash(e core.AuditEntry) string { return auditHash(auditSchemeLegacy, nil, e) }

// auditHash is the stored hash of an entry under a scheme (key is used by the keyed schemes).
func auditHash(scheme int, key []byte, e core.AuditEntry) string {
	var h hash.Hash
	if scheme == auditSchemeLegacy {
		h = sha256.New()
	} else {
		h = hmac.New(sha256.New, key)
	}
	for _, f := range auditFields(scheme, e) {
		fmt.Fprintf(h, "%d:%s;", len(f), f)
	}
	sum := hex.EncodeToString(h.Sum(nil))
	if scheme == auditSchemeLegacy {
		return sum
	}
	return fmt.Sprintf("v%d:%s", scheme, sum)
}

// Column is one named value of a record as the audit log records it.
type Column struct {
	Name  string
	Value any
}

// Columns are a record's audited values, each under its column's name.
type Columns []Column

// Values are the columns' values in order, for a statement's arguments.
func (cs Columns) Values() []any {
	out := make([]any, len(cs))
	for i, c := range cs {
		out[i] = c.Value
	}
	return out
}

// Value is the named column's value; nil when there is none.
func (cs Columns) Value(name string) any {
	for _, c := range cs {
		if c.Name == name {
			return c.Value
		}
	}
	return nil
}

// auditChanges records an update of an entity with the columns that differ between old and new; an update
// that changes nothing leaves no entry.
func (tx *Tx) auditChanges(action, entity string, entityID any, summary string, old, new Columns) error {
	if cs := diff(old, new); len(cs) > 0 {
		return tx.audit(action, entity, entityID, summary, cs)
	}
	return nil
}

// diff lists the columns whose values differ between old and new, matched by name: new's columns in their
// order, then those only old has. A column missing on one side counts as nil there, so diff(nil, cs)
// records a creation and diff(cs, nil) a deletion.
func diff(old, new Columns) []Change {
	var cs []Change
	for _, c := range new {
		if was := old.Value(c.Name); fmt.Sprint(was) != fmt.Sprint(c.Value) {
			cs = append(cs, Change{Field: c.Name, Old: was, New: c.Value})
		}
	}
	for _, c := range old {
		if slices.IndexFunc(new, func(n Column) bool { return n.Name == c.Name }) < 0 && fmt.Sprint(c.Value) != fmt.Sprint(nil) {
			cs = append(cs, Change{Field: c.Name, Old: c.Value, New: nil})
		}
	}
	return cs
}

// auditTriggers are the triggers that keep the log append-only.
var auditTriggers = []string{"audit_log_no_update", "audit_log_no_delete"}

// VerifyAudit checks that the log is still append-only, walks the chain from the first entry (each entry's
// link and its keyed hash), and compares the newest entry with the head checkpointed outside the database, so
// edited, re-hashed, inserted, reordered, deleted and truncated entries are all named.
func (db *DB) VerifyAudit(ctx context.Context) (core.AuditCheck, error) {
	check := core.AuditCheck{OK: true}
	fail := func(id int64, format string, args ...any) (core.AuditCheck, error) {
		check.OK, check.FirstBrokenID, check.Problem = false, id, fmt.Sprintf(format, args...)
		return check, nil
	}
	version, err := db.SchemaVersion(ctx)
	if err != nil {
		return check, err
	}
	if version >= 11 {
		query, raise := `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = 'audit_log'`, "RAISE(ABORT"
		if db.IsPostgres() {
			// The trigger must exist, be enabled, and its function must still refuse.
			query, raise = `SELECT p.prosrc FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
				WHERE t.tgrelid = 'audit_log'::regclass AND t.tgname = ? AND t.tgenabled <> 'D'`, "RAISE EXCEPTION"
		}
		for _, name := range auditTriggers {
			var body string
			err := db.db.QueryRowContext(ctx, query, name).Scan(&body)
			if err == sql.ErrNoRows || (err == nil && !strings.Contains(body, raise)) {
				return fail(0, "审计日志的防篡改触发器 %s 被删除或改写，日志可能已被修改或删除，请从备份恢复并检查数据库文件的访问记录", name)
			} else if err != nil {
				return check, err
			}
		}
	}
	check, last, keyed, err := verifyChain(ctx, db.db, func() ([]byte, error) { return db.auditKey(false) })
	if err != nil || !check.OK {
		return check, err
	}
	return db.verifyAuditHead(check, last, keyed)
}

// verifyChain walks a database's audit chain from the first entry, checking each link and hash (key gives the
// audit key the first time a signed entry needs it). It returns the newest entry and whether any is signed.
func verifyChain(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, key func() ([]byte, error)) (core.AuditCheck, core.AuditEntry, bool, error) {
	check := core.AuditCheck{OK: true}
	var last core.AuditEntry
	fail := func(id int64, format string, args ...any) (core.AuditCheck, core.AuditEntry, bool, error) {
		check.OK, check.FirstBrokenID, check.Problem = false, id, fmt.Sprintf(format, args...)
		return check, last, true, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT id, at, COALESCE(person_id, 0), person_name, action, entity, entity_id,
		summary, changes, prev_hash, hash, client_addr, client_kind FROM audit_log ORDER BY id`)
	if err != nil {
		return check, last, false, err
	}
	defer rows.Close()
	var k []byte
	keyed := false
	prev := genesisHash
	for rows.Next() {
		var e core.AuditEntry
		if err := rows.Scan(&e.ID, &e.At, &e.PersonID, &e.PersonName, &e.Action, &e.Entity, &e.EntityID,
			&e.Summary, &e.Changes, &e.PrevHash, &e.Hash, &e.ClientAddr, &e.ClientKind); err != nil {
			return check, last, keyed, err
		}
		check.Entries++
		if e.PrevHash != prev {
			return fail(e.ID, "第%d条审计记录与上一条记录的链接不一致(上一条记录可能被删除、插入或调换了顺序)", e.ID)
		}
		scheme, _ := auditScheme(e.Hash)
		switch {
		case scheme == 0:
			return fail(e.ID, "第%d条审计记录的哈希值格式不正确(记录被修改)", e.ID)
		case scheme == auditSchemeLegacy && keyed:
			return fail(e.ID, "第%d条审计记录没有密钥签名，而更早的记录已有签名(记录被插入或改写)", e.ID)
		case scheme == auditSchemeKeyed && k == nil:
			keyed = true
			if k, err = key(); err != nil {
				return fail(e.ID, "无法验证第%d条及以后的审计记录：%v", e.ID, errMessage(err))
			}
		}
		if auditHash(scheme, k, e) != e.Hash {
			if scheme == auditSchemeKeyed {
				return fail(e.ID, "第%d条审计记录的内容与其密钥签名不符(记录被修改后重算了哈希，或数据目录中的审计密钥 %s 被替换)", e.ID, AuditKeyFile)
			}
			return fail(e.ID, "第%d条审计记录的内容与其哈希值不符(记录被修改)", e.ID)
		}
		prev, last = e.Hash, e
	}
	return check, last, keyed, rows.Err()
}

// verifyAuditHead compares the chain's newest entry with the head file.
func (db *DB) verifyAuditHead(check core.AuditCheck, last core.AuditEntry, keyed bool) (core.AuditCheck, error) {
	head, err := db.readAuditHead()
	if err != nil {
		check.OK, check.Problem = false, errMessage(err)
		return check, nil
	}
	if head == nil {
		if keyed || fileExists(db.auditKeyPath()) {
			check.OK, check.Problem = false, fmt.Sprintf("审计日志的链头文件 %s 不存在(被删除)，无法确认日志末尾的记录没有被删除", AuditHeadFile)
		}
		return check, nil
	}
	if head.PendingID != 0 && last.ID == head.PendingID && last.Hash == head.PendingHash {
		return check, nil // the program stopped right after a commit, before it updated the file
	}
	switch {
	case last.ID == 0 && head.ID == 0:
	case last.ID == 0:
		check.OK, check.Problem = false, fmt.Sprintf("审计日志被清空：链头文件记录到第%d条，数据库中已没有任何审计记录", head.ID)
	case last.ID < head.ID:
		check.OK, check.FirstBrokenID = false, last.ID+1
		check.Problem = fmt.Sprintf("审计日志末尾的记录被删除：链头文件记录到第%d条，数据库中只到第%d条", head.ID, last.ID)
	case last.ID == head.ID && last.Hash != head.Hash:
		check.OK, check.FirstBrokenID = false, last.ID
		check.Problem = fmt.Sprintf("第%d条审计记录与链头文件记录的不一致(日志被改写)", last.ID)
	case last.ID > head.ID && db.IsPostgres():
		// Other server processes on the same database append to the chain and checkpoint their own heads: this
		// process's head is then an earlier point of the chain, which must still be there as it was recorded
		// (entries after it are linked and signed, and the walk above checked them).
		var hash string
		err := db.db.QueryRow(`SELECT hash FROM audit_log WHERE id = ?`, head.ID).Scan(&hash)
		if err == errNoRows || (err == nil && hash != head.Hash) {
			check.OK, check.FirstBrokenID = false, head.ID
			check.Problem = fmt.Sprintf("第%d条审计记录与链头文件记录的不一致(日志被改写)", head.ID)
		} else if err != nil {
			return check, err
		}
	case last.ID > head.ID:
		check.OK, check.FirstBrokenID = false, head.ID+1
		check.Problem = fmt.Sprintf("链头文件只记录到第%d条，数据库中有%d条(链头文件被换成了旧版本，或有记录在程序之外被追加)", head.ID, last.ID)
	}
	return check, nil
}

// AuditLog lists audit entries, newest first, filtered.
func (db *DB) AuditLog(ctx context.Context, f core.AuditFilter) (core.AuditPage, error) {
	var c conditions
	equal(&c, "person_name", f.PersonName)
	equal(&c, "entity", f.Entity)
	equal(&c, "entity_id", f.EntityID)
	if f.From != "" {
		c.add("at >= ?", f.From)
	}
	if f.To != "" {
		c.add("at < ?", f.To+"T99") // to is a date: include the whole day
	}
	cond, args := c.clause(), c.args
	page := core.AuditPage{}
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log`+cond, args...).Scan(&page.Total); err != nil {
		return page, err
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	rows, err := db.db.QueryContext(ctx, `SELECT id, at, COALESCE(person_id, 0), person_name, action, entity, entity_id,
		summary, changes, prev_hash, hash, client_addr, client_kind FROM audit_log`+cond+` ORDER BY id DESC LIMIT ? OFFSET ?`,
		append(args, limit, f.Offset)...)
	if err != nil {
		return page, err
	}
	defer rows.Close()
	for rows.Next() {
		var e core.AuditEntry
		if err := rows.Scan(&e.ID, &e.At, &e.PersonID, &e.PersonName, &e.Action, &e.Entity, &e.EntityID,
			&e.Summary, &e.Changes, &e.PrevHash, &e.Hash, &e.ClientAddr, &e.ClientKind); err != nil {
			return page, err
		}
		page.Entries = append(page.Entries, e)
	}
	return page, rows.Err()
}

// storedID marks an id column whose 0 (none) is stored as NULL.
type storedID int64

// storedValue is a column's value as the database stores it.
func storedValue(v any) any {
	if id, ok := v.(storedID); ok {
		return nullID(int64(id))
	}
	return v
}
