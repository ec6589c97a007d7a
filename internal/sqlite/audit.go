package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
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

// audit appends a hash-chained entry for a change to a domain record, in the caller's transaction, so the record
// and its audit entry are committed (or lost) together.
func (tx *Tx) audit(action, entity string, entityID any, summary string, changes []Change) error {
	m := make(map[string][2]any, len(changes))
	for _, c := range changes {
		m[c.Field] = [2]any{c.Old, c.New}
	}
	changesJSON, err := json.Marshal(m) // map keys are sorted: the JSON is canonical
	if err != nil {
		return err
	}
	var prev string
	err = tx.QueryRow(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&prev)
	if err == sql.ErrNoRows {
		prev = genesisHash
	} else if err != nil {
		return err
	}
	e := core.AuditEntry{
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
	res, err := tx.Exec(`INSERT INTO audit_log (at, person_id, person_name, action, entity, entity_id, summary, changes, prev_hash, hash,
		client_addr, client_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
		e.At, nullID(e.PersonID), e.PersonName, e.Action, e.Entity, e.EntityID, e.Summary, e.Changes, e.PrevHash,
		e.ClientAddr, e.ClientKind)
	if err != nil {
		return err
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	_, err = tx.Exec(`UPDATE audit_log SET hash = ? WHERE id = ?`, AuditHash(e), e.ID)
	return err
}

// AuditHash is the SHA-256 over an entry's fields and the previous hash, in a fixed unambiguous encoding
// (each field length-prefixed), so no two different entries share a pre-image. The client's address and kind
// are hashed when set: entries written before they were recorded keep their original hashes, and blanking them
// in a newer entry breaks its hash.
func AuditHash(e core.AuditEntry) string {
	h := sha256.New()
	fields := []string{
		strconv.FormatInt(e.ID, 10), e.At, strconv.FormatInt(e.PersonID, 10), e.PersonName, e.Action,
		e.Entity, e.EntityID, e.Summary, e.Changes, e.PrevHash,
	}
	if e.ClientAddr != "" || e.ClientKind != "" {
		fields = append(fields, "client", e.ClientAddr, e.ClientKind)
	}
	for _, f := range fields {
		fmt.Fprintf(h, "%d:%s;", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// diff lists the fields whose values differ between old and new, in the given order.
func diff(fields []string, old, new []any) []Change {
	var cs []Change
	for i, f := range fields {
		if fmt.Sprint(old[i]) != fmt.Sprint(new[i]) {
			cs = append(cs, Change{Field: f, Old: old[i], New: new[i]})
		}
	}
	return cs
}

// VerifyAudit walks the chain from the first entry and reports the first entry whose hash or link is wrong.
func (db *DB) VerifyAudit(ctx context.Context) (core.AuditCheck, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, at, COALESCE(person_id, 0), person_name, action, entity, entity_id,
		summary, changes, prev_hash, hash, client_addr, client_kind FROM audit_log ORDER BY id`)
	if err != nil {
		return core.AuditCheck{}, err
	}
	defer rows.Close()
	check := core.AuditCheck{OK: true}
	prev := genesisHash
	for rows.Next() {
		var e core.AuditEntry
		var stored string
		if err := rows.Scan(&e.ID, &e.At, &e.PersonID, &e.PersonName, &e.Action, &e.Entity, &e.EntityID,
			&e.Summary, &e.Changes, &e.PrevHash, &stored, &e.ClientAddr, &e.ClientKind); err != nil {
			return check, err
		}
		check.Entries++
		switch {
		case e.PrevHash != prev:
			check.OK, check.FirstBrokenID = false, e.ID
			check.Problem = fmt.Sprintf("第%d条审计记录与上一条记录的链接不一致(上一条记录可能被删除或修改)", e.ID)
		case AuditHash(e) != stored:
			check.OK, check.FirstBrokenID = false, e.ID
			check.Problem = fmt.Sprintf("第%d条审计记录的内容与其哈希值不符(记录被修改)", e.ID)
		}
		if !check.OK {
			return check, nil
		}
		prev = stored
	}
	return check, rows.Err()
}

// AuditLog lists audit entries, newest first, filtered.
func (db *DB) AuditLog(ctx context.Context, f core.AuditFilter) (core.AuditPage, error) {
	var where []string
	var args []any
	if f.PersonName != "" {
		where = append(where, "person_name = ?")
		args = append(args, f.PersonName)
	}
	if f.Entity != "" {
		where = append(where, "entity = ?")
		args = append(args, f.Entity)
	}
	if f.EntityID != "" {
		where = append(where, "entity_id = ?")
		args = append(args, f.EntityID)
	}
	if f.From != "" {
		where = append(where, "at >= ?")
		args = append(args, f.From)
	}
	if f.To != "" {
		where = append(where, "at < ?")
		args = append(args, f.To+"T99") // to is a date: include the whole day
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
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
