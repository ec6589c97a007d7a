package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"

	"policydesk/internal/core"
)

// SettingsStore implements core.SettingsStore.
type SettingsStore struct{ db *DB }

var _ core.SettingsStore = (*SettingsStore)(nil)

// NewSettingsStore returns the settings store over db.
func NewSettingsStore(db *DB) *SettingsStore { return &SettingsStore{db: db} }

var bureauKeys = []string{"bureau.name", "bureau.short_name", "bureau.address", "bureau.phone", "bureau.website"}

func bureauValues(b core.Bureau) []string {
	return []string{b.Name, b.ShortName, b.Address, b.Phone, b.Website}
}

// Bureau returns the bureau's details.
func (s *SettingsStore) Bureau(ctx context.Context) (core.Bureau, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.Bureau, error) {
		return readBureau(ctx, tx)
	})
}

func readBureau(ctx context.Context, tx *Tx) (core.Bureau, error) {
	var b core.Bureau
	dst := []*string{&b.Name, &b.ShortName, &b.Address, &b.Phone, &b.Website}
	for i, k := range bureauKeys {
		var at, by string
		err := tx.QueryRowContext(ctx, `SELECT value, updated_at, updated_by FROM settings WHERE key = ?`, k).Scan(dst[i], &at, &by)
		if err != nil && err != sql.ErrNoRows {
			return b, err
		}
		if at > b.UpdatedAt {
			b.UpdatedAt, b.UpdatedBy = at, by
		}
	}
	return b, nil
}

// SaveBureau updates the bureau's details; the name is required because every report is headed with it.
func (s *SettingsStore) SaveBureau(ctx context.Context, b core.Bureau) (core.Bureau, error) {
	return checkedWrite(ctx, s.db, b, s.db.rules.Settings.CheckBureau, func(tx *Tx, b core.Bureau) (core.Bureau, error) {
		old, err := readBureau(ctx, tx)
		if err != nil {
			return b, err
		}
		oldVals, newVals := bureauValues(old), bureauValues(b)
		var changes []Change
		for i, k := range bureauKeys {
			v := newVals[i]
			if v == oldVals[i] {
				continue
			}
			if err := tx.setSetting(k, v); err != nil {
				return b, err
			}
			changes = append(changes, Change{Field: k, Old: oldVals[i], New: v})
		}
		if len(changes) > 0 {
			if err := tx.audit("update", "bureau", 1, "修改单位信息", changes); err != nil {
				return b, err
			}
		}
		saved, err := readBureau(ctx, tx)
		if err != nil {
			return b, err
		}
		return saved, nil
	})
}

func (tx *Tx) setSetting(key, value string) error {
	_, err := tx.Exec(`INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		key, value, tx.Stamp(), tx.actorName())
	return err
}

func (tx *Tx) getSetting(key string) (string, error) {
	var v string
	err := tx.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, err
}

// Setting reads one raw setting ("" when unset).
func (db *DB) Setting(ctx context.Context, key string) (string, error) {
	return inRead(ctx, db, func(tx *Tx) (string, error) {
		return tx.getSetting(key)
	})
}

// IntSetting is a whole-number setting within [min, max]; def when unset or unreadable.
func (db *DB) IntSetting(ctx context.Context, key string, def, min, max int) (int, error) {
	v, err := db.Setting(ctx, key)
	if err != nil {
		return def, err
	}
	return intSetting(v, def, min, max), nil
}

// intSetting reads a stored whole number within [min, max]; def when unset or unreadable.
func intSetting(v string, def, min, max int) int {
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		return def
	}
	return n
}

// SetIntSetting changes a whole-number setting, audited with the given Chinese summary; label names the
// value (e.g. 工作日数) in the audit entry and in the error shown when n is outside [min, max].
func (db *DB) SetIntSetting(ctx context.Context, key, label, summary string, n, def, min, max int) (int, error) {
	if err := db.rules.Settings.CheckNumber(label, n, min, max); err != nil {
		return 0, err
	}
	old, err := db.IntSetting(ctx, key, def, min, max)
	if err != nil {
		return 0, err
	}
	return inWrite(ctx, db, func(tx *Tx) (int, error) {
		if err := tx.setSetting(key, strconv.Itoa(n)); err != nil {
			return 0, err
		}
		if err := tx.audit("update", "setting", key, summary, []Change{{Field: label, Old: old, New: n}}); err != nil {
			return 0, err
		}
		return n, nil
	})
}

const sectionCols = `s.id, s.name, COALESCE(s.head_id, 0), COALESCE(h.name, ''), COALESCE(s.leader_id, 0),
	COALESCE((SELECT l.name FROM people l WHERE l.id = s.leader_id), ''), s.phone, s.duties, s.sort_order, s.active,
	(SELECT COUNT(*) FROM people p WHERE p.section_id = s.id AND p.active = 1)`

func scanSection(sc interface{ Scan(...any) error }) (core.Section, error) {
	var s core.Section
	err := sc.Scan(&s.ID, &s.Name, &s.HeadID, &s.HeadName, &s.LeaderID, &s.LeaderName, &s.Phone, &s.Duties, &s.SortOrder, &s.Active, &s.PeopleCount)
	return s, err
}

// Sections lists sections in display order.
func (s *SettingsStore) Sections(ctx context.Context) ([]core.Section, error) {
	return queryAll(ctx, s.db.db, scanSection, `SELECT `+sectionCols+` FROM sections s LEFT JOIN people h ON h.id = s.head_id
		ORDER BY s.active DESC, s.sort_order, s.id`)
}

func findSection(ctx context.Context, tx *Tx, id int64) (core.Section, error) {
	sec, err := scanSection(tx.QueryRowContext(ctx, `SELECT `+sectionCols+` FROM sections s LEFT JOIN people h ON h.id = s.head_id WHERE s.id = ?`, id))
	return sec, notFound(err, "科室不存在(编号%d)", id)
}

// SaveSection creates (ID 0) or updates a section.
func (s *SettingsStore) SaveSection(ctx context.Context, sec core.Section) (core.Section, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.Section, error) {
		facts, err := sectionFacts(ctx, tx, sec)
		if err != nil {
			return sec, err
		}
		if sec, err = s.db.rules.Settings.CheckSection(sec, facts); err != nil {
			return sec, err
		}
		conflict := func(err error) error {
			if isUniqueViolation(err) {
				return core.FieldErrorf(core.ECONFLICT, "name", "已有名为“%s”的科室", sec.Name)
			}
			return err
		}
		return saveRecord(ctx, tx, sec.ID, sec, record[core.Section]{table: "sections", entity: "section",
			created: "新建科室 " + sec.Name, updated: "修改科室 " + sec.Name, columns: sectionColumns, find: findSection, conflict: conflict})
	})
}

// sectionColumns are a section's audited values.
func sectionColumns(s core.Section) Columns {
	return Columns{{"name", s.Name}, {"head_id", storedID(s.HeadID)}, {"leader_id", storedID(s.LeaderID)}, {"phone", s.Phone}, {"duties", s.Duties},
		{"sort_order", s.SortOrder}, {"active", s.Active}}
}

// record is how saveRecord writes one kind of row: its table, the audit entity and summaries, the row's
// audited values (which are also the columns written) and how a stored row is read.
type record[T any] struct {
	table, entity    string
	by               bool   // the table keeps created_by and updated_by beside created_at and updated_at
	created, updated string // the audit summaries of a new and of a changed row
	columns          func(T) Columns
	first            Columns // written on insert only: a parent's id, a starting status
	find             func(context.Context, *Tx, int64) (T, error)
	conflict         func(error) error // optional: the refusal a failed write becomes (a name already taken)
	moving           func(old T) error // optional: what an update changes elsewhere first
}

// checkedWrite checks v with the area's rule (which also tidies it) and, unless refused, saves the result in a
// write transaction.
func checkedWrite[T any](ctx context.Context, db *DB, v T, check func(T) (T, error), save func(*Tx, T) (T, error)) (T, error) {
	v, err := check(v)
	if err != nil {
		return v, err
	}
	return inWrite(ctx, db, func(tx *Tx) (T, error) { return save(tx, v) })
}

// saveRecord inserts v (id 0) or updates row id from what it was to v, stamping the transaction's time (and
// actor, when the table keeps one), audits what was created or the values that changed, and returns the row as
// stored; the caller commits.
func saveRecord[T any](ctx context.Context, tx *Tx, id int64, v T, r record[T]) (T, error) {
	cols := r.columns(v)
	names, args := make([]string, 0, len(cols)+len(r.first)+4), make([]any, 0, len(cols)+len(r.first)+5)
	for _, c := range cols {
		names, args = append(names, c.Name), append(args, storedValue(c.Value))
	}
	names, args = append(names, "updated_at"), append(args, tx.Stamp())
	if r.by {
		names, args = append(names, "updated_by"), append(args, tx.actorID())
	}
	conflict := r.conflict
	if conflict == nil {
		conflict = func(err error) error { return err }
	}
	if id == 0 {
		for _, c := range r.first {
			names, args = append(names, c.Name), append(args, storedValue(c.Value))
		}
		names, args = append(names, "created_at"), append(args, tx.Stamp())
		if r.by {
			names, args = append(names, "created_by"), append(args, tx.actorID())
		}
		var err error
		id, err = tx.insert(ctx, `INSERT INTO `+r.table+` (`+strings.Join(names, ", ")+`) VALUES (`+
			strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ")+`)`, args...)
		if err != nil {
			return v, conflict(err)
		}
		if err := tx.audit("create", r.entity, id, r.created, diff(nil, cols)); err != nil {
			return v, err
		}
	} else {
		old, err := r.find(ctx, tx, id)
		if err != nil {
			return v, err
		}
		if r.moving != nil {
			if err := r.moving(old); err != nil {
				return v, err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE `+r.table+` SET `+strings.Join(names, " = ?, ")+` = ? WHERE id = ?`,
			append(args, id)...); err != nil {
			return v, conflict(err)
		}
		if err := tx.auditChanges("update", r.entity, id, r.updated, r.columns(old), cols); err != nil {
			return v, err
		}
	}
	return r.find(ctx, tx, id)
}

// sectionFacts reads what the section rules need of a section's chosen head and 分管领导.
func sectionFacts(ctx context.Context, tx *Tx, sec core.Section) (core.SectionFacts, error) {
	var f core.SectionFacts
	if sec.HeadID != 0 {
		var headSection sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT section_id FROM people WHERE id = ?`, sec.HeadID).Scan(&headSection)
		if err != nil && err != sql.ErrNoRows {
			return f, err
		}
		f.HeadFound, f.HeadSectionID = err == nil, headSection.Int64
	}
	if sec.LeaderID != 0 {
		_, err := findPerson(ctx, tx, sec.LeaderID)
		if err != nil && core.ErrorCode(err) != core.ENOTFOUND {
			return f, err
		}
		f.LeaderFound = err == nil
	}
	return f, nil
}

// DeleteSection removes a section with no people; a section with people or records can only be deactivated.
func (s *SettingsStore) DeleteSection(ctx context.Context, id int64) error {
	return s.db.write(ctx, func(tx *Tx) error {
		old, err := findSection(ctx, tx, id)
		if err != nil {
			return err
		}
		var people int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM people WHERE section_id = ?`, id).Scan(&people); err != nil {
			return err
		}
		f := core.Deletion{Name: old.Name, People: people}
		if err := s.db.rules.Settings.CheckSectionDelete(f); err != nil {
			return err
		}
		return tx.deleteRecord(ctx, "sections", "section", id, "删除科室 "+old.Name, nameGone(old.Name), inUse(f, s.db.rules.Settings.CheckSectionDelete))
	})
}

// deleteRecord deletes row id of table and audits it as entity with summary and the record's last values.
// When records still name the row the database refuses, and inUse (when given) is the refusal the user sees.
func (tx *Tx) deleteRecord(ctx context.Context, table, entity string, id int64, summary string, last []Change, inUse func() error) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = ?`, id); isForeignKeyViolation(err) && inUse != nil {
		return inUse()
	} else if err != nil {
		return err
	}
	return tx.audit("delete", entity, id, summary, last)
}

// inUse is the refusal of a deletion the database turned down because records still name the row.
func inUse(f core.Deletion, check func(core.Deletion) error) func() error {
	return func() error {
		f.InUse = true
		return check(f)
	}
}

// nameGone is the audit change of a deleted record known by its name.
func nameGone(name string) []Change { return []Change{{Field: "name", Old: name, New: nil}} }

const personCols = `p.id, p.name, COALESCE(p.section_id, 0), COALESCE(s.name, ''), p.title, p.role, p.phone, p.email, p.active`

func scanPerson(sc interface{ Scan(...any) error }) (core.Person, error) {
	var p core.Person
	err := sc.Scan(&p.ID, &p.Name, &p.SectionID, &p.SectionName, &p.Title, &p.Role, &p.Phone, &p.Email, &p.Active)
	return p, err
}

// People lists people, active first, by section.
func (s *SettingsStore) People(ctx context.Context) ([]core.Person, error) {
	return queryAll(ctx, s.db.db, scanPerson, `SELECT `+personCols+` FROM people p LEFT JOIN sections s ON s.id = p.section_id
		ORDER BY p.active DESC, COALESCE(s.sort_order, 9999), p.section_id, p.id`)
}

func findPerson(ctx context.Context, tx *Tx, id int64) (core.Person, error) {
	p, err := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personCols+` FROM people p LEFT JOIN sections s ON s.id = p.section_id WHERE p.id = ?`, id))
	return p, notFound(err, "人员不存在(编号%d)", id)
}

// SavePerson creates (ID 0) or updates a person.
func (s *SettingsStore) SavePerson(ctx context.Context, p core.Person) (core.Person, error) {
	return checkedWrite(ctx, s.db, p, s.db.rules.Settings.CheckPerson, func(tx *Tx, p core.Person) (core.Person, error) {
		if _, err := findSection(ctx, tx, p.SectionID); err != nil {
			return p, err
		}
		return saveRecord(ctx, tx, p.ID, p, record[core.Person]{table: "people", entity: "person",
			created: "新增人员 " + p.Name, updated: "修改人员 " + p.Name, columns: personColumns, find: findPerson,
			moving: func(old core.Person) error {
				if old.SectionID == p.SectionID {
					return nil
				}
				// A section head who moves away stops being its head.
				_, err := tx.ExecContext(ctx, `UPDATE sections SET head_id = NULL WHERE head_id = ? AND id <> ?`, p.ID, p.SectionID)
				return err
			}})
	})
}

// personColumns are a person's audited values.
func personColumns(p core.Person) Columns {
	return Columns{{"name", p.Name}, {"section_id", p.SectionID}, {"title", p.Title}, {"role", p.Role}, {"phone", p.Phone},
		{"email", p.Email}, {"active", p.Active}}
}

// DeletePerson removes a person who has not acted on any record; otherwise they can only be deactivated,
// because records must keep naming who did what.
func (s *SettingsStore) DeletePerson(ctx context.Context, id int64) error {
	return s.db.write(ctx, func(tx *Tx) error {
		old, err := findPerson(ctx, tx, id)
		if err != nil {
			return err
		}
		cur, err := tx.getSetting("current_user")
		if err != nil {
			return err
		}
		f := core.Deletion{Name: old.Name, Current: cur == strconv.FormatInt(id, 10)}
		if err := s.db.rules.Settings.CheckPersonDelete(f); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sections SET head_id = NULL WHERE head_id = ?`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sections SET leader_id = NULL WHERE leader_id = ?`, id); err != nil {
			return err
		}
		return tx.deleteRecord(ctx, "people", "person", id, "删除人员 "+old.Name, nameGone(old.Name), inUse(f, s.db.rules.Settings.CheckPersonDelete))
	})
}

// currentUser reads who uses this computer; a transaction stamps its writes with it.
func currentUser(ctx context.Context, tx *Tx) (core.CurrentUser, error) {
	v, err := tx.getSetting("current_user")
	if err != nil || v == "" {
		return core.CurrentUser{}, err
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return core.CurrentUser{}, nil
	}
	p, err := findPerson(ctx, tx, id)
	if core.ErrorCode(err) == core.ENOTFOUND {
		return core.CurrentUser{}, nil
	} else if err != nil {
		return core.CurrentUser{}, err
	}
	return core.CurrentUser{PersonID: p.ID, Name: p.Name, SectionID: p.SectionID, SectionName: p.SectionName,
		Role: p.Role, Title: p.Title, Set: true}, nil
}

// CurrentUser returns who is using this computer.
func (s *SettingsStore) CurrentUser(ctx context.Context) (core.CurrentUser, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.CurrentUser, error) {
		return tx.actor, nil
	})
}

// SetCurrentUser records who is using this computer.
func (s *SettingsStore) SetCurrentUser(ctx context.Context, personID int64) (core.CurrentUser, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.CurrentUser, error) {
		p, err := findPerson(ctx, tx, personID)
		if err != nil {
			return core.CurrentUser{}, err
		}
		if err := s.db.rules.Settings.CheckCurrentUser(p); err != nil {
			return core.CurrentUser{}, err
		}
		old := tx.actor
		if err := tx.setSetting("current_user", strconv.FormatInt(personID, 10)); err != nil {
			return core.CurrentUser{}, err
		}
		if tx.actor, err = currentUser(ctx, tx); err != nil {
			return core.CurrentUser{}, err
		}
		if err := tx.audit("update", "current_user", personID, "切换当前使用人为 "+p.Name,
			[]Change{{Field: "person", Old: old.Name, New: p.Name}}); err != nil {
			return core.CurrentUser{}, err
		}
		return tx.actor, nil
	})
}

// readSetting decodes the JSON setting key into v; a missing one leaves v as it is.
func (db *DB) readSetting(ctx context.Context, key string, v any) error {
	var raw string
	err := db.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&raw)
	if err == sql.ErrNoRows || raw == "" {
		return nil
	} else if err != nil {
		return err
	}
	return json.Unmarshal([]byte(raw), v)
}
