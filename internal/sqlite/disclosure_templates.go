package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"policydesk/internal/core"
)

// LetterTemplates reads the letters the office has edited, by kind (a kind not there keeps its built-in text).
func (s *DisclosureStore) LetterTemplates(ctx context.Context) (map[string]core.LetterTemplate, error) {
	return inRead(ctx, s.db, func(tx *Tx) (map[string]core.LetterTemplate, error) {
		ts, err := queryAll(ctx, tx, scanLetterTemplate, `SELECT t.kind, t.body, t.updated_at, COALESCE(p.name, '')
			FROM letter_templates t LEFT JOIN people p ON p.id = t.updated_by ORDER BY t.kind`)
		out := map[string]core.LetterTemplate{}
		for _, t := range ts {
			out[t.Kind] = t
		}
		return out, err
	})
}

func scanLetterTemplate(sc scanner) (core.LetterTemplate, error) {
	t := core.LetterTemplate{Edited: true}
	return t, sc.Scan(&t.Kind, &t.Body, &t.UpdatedAt, &t.UpdatedBy)
}

func (tx *Tx) letterTemplate(ctx context.Context, kind string) (core.LetterTemplate, error) {
	t, err := scanLetterTemplate(tx.QueryRowContext(ctx, `SELECT t.kind, t.body, t.updated_at, COALESCE(p.name, '')
		FROM letter_templates t LEFT JOIN people p ON p.id = t.updated_by WHERE t.kind = ?`, kind))
	if errors.Is(err, sql.ErrNoRows) {
		return core.LetterTemplate{Kind: kind}, nil
	}
	return t, err
}

// SaveLetterTemplate records the office's text of a letter, checked by disclosure.CheckTemplate.
func (s *DisclosureStore) SaveLetterTemplate(ctx context.Context, kind, body string) (core.LetterTemplate, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.LetterTemplate, error) {
		body, err := s.db.rules.Disclosure.CheckTemplate(kind, body)
		if err != nil {
			return core.LetterTemplate{}, err
		}
		old, err := tx.letterTemplate(ctx, kind)
		if err != nil {
			return old, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO letter_templates (kind, body, updated_at, updated_by) VALUES (?, ?, ?, ?)
			ON CONFLICT (kind) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			kind, body, tx.Stamp(), tx.actorID()); err != nil {
			return old, err
		}
		if err := tx.audit("update", "letter_template", kind, "修改依申请公开文书模板："+kind, []Change{{Field: "body", Old: old.Body, New: body}}); err != nil {
			return old, err
		}
		return tx.letterTemplate(ctx, kind)
	})
}

// ResetLetterTemplate drops the office's text of a letter: the built-in one is used again.
func (s *DisclosureStore) ResetLetterTemplate(ctx context.Context, kind string) error {
	_, err := inWrite(ctx, s.db, func(tx *Tx) (struct{}, error) {
		old, err := tx.letterTemplate(ctx, kind)
		if err != nil || !old.Edited {
			return struct{}{}, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM letter_templates WHERE kind = ?`, kind); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit("update", "letter_template", kind, "恢复依申请公开文书默认模板："+kind, []Change{{Field: "body", Old: old.Body, New: ""}})
	})
	return err
}
