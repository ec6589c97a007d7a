package sqlite

import (
	"context"
	"database/sql"
	"time"

	"policydesk/internal/core"
)

// checkVersion refuses a save of the record id of table (policies, consultations, comments, interpretations)
// based on version when the record has changed since, naming who changed it and when (what names the record:
// "该政策文件"). Version 0 is not checked (a script, or a record the caller did not read first).
func (tx *Tx) checkVersion(ctx context.Context, table, what string, id, version int64) error {
	if version == 0 || id == 0 {
		return nil
	}
	var cur int64
	var at, who string
	err := tx.QueryRowContext(ctx, `SELECT t.version, t.updated_at, COALESCE(p.name, '系统') FROM `+table+` t
		LEFT JOIN people p ON p.id = t.updated_by WHERE t.id = ?`, id).Scan(&cur, &at, &who)
	if err == sql.ErrNoRows {
		return nil // the save reports the missing record itself
	} else if err != nil {
		return err
	}
	if cur == version {
		return nil
	}
	return core.Errorf(core.ECONFLICT, "%s已被%s于%s修改，请刷新后再处理", what, who, tx.shortTime(at))
}

// shortTime is a stored time as a refusal names it: "10:42" today, "11月19日10:42" before.
func (tx *Tx) shortTime(at string) string {
	t, err := time.ParseInLocation(TimeLayout, at, core.Shanghai)
	if err != nil {
		return at
	}
	if t.Format("2006-01-02") != tx.Now().Format("2006-01-02") {
		return t.Format("1月2日15:04")
	}
	return t.Format("15:04")
}
