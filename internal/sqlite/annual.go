package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// AnnualFacts reads the year's records the 政府信息公开工作年度报告 is drafted from: policy documents made,
// repealed and in force (table 二 第二十条第（一）项), interpretations by form, consultations and their
// comments, and the 局长信箱's messages.
func (s *DisclosureStore) AnnualFacts(ctx context.Context, year int) (core.AnnualFacts, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.AnnualFacts, error) {
		f := core.AnnualFacts{Year: year}
		var err error
		if f.Bureau, err = readBureau(ctx, tx); err != nil {
			return f, err
		}
		y, end := fmt.Sprint(year), fmt.Sprintf("%d-12-31", year)
		docs := func(category string, c *core.DocumentCounts) error {
			// Repealed and revised: the policy's state change in the audit trail, dated by the change.
			return tx.QueryRowContext(ctx, `SELECT
				(SELECT count(*) FROM policies WHERE category = ?1 AND substr(published_date, 1, 4) = ?2),
				(SELECT count(DISTINCT a.entity_id) FROM audit_log a JOIN policies p ON CAST(p.id AS TEXT) = a.entity_id
					WHERE a.entity = 'policy' AND a.action = 'state' AND a.summary LIKE '%→ 已废止'
					AND p.category = ?1 AND substr(a.at, 1, 4) = ?2),
				(SELECT count(*) FROM policies p WHERE category = ?1 AND published_date <= ?3 AND NOT EXISTS (
					SELECT 1 FROM audit_log a WHERE a.entity = 'policy' AND a.entity_id = CAST(p.id AS TEXT) AND a.action = 'state'
					AND (a.summary LIKE '%→ 已废止' OR a.summary LIKE '%→ 已修订') AND substr(a.at, 1, 10) <= ?3))`,
				category, y, end).Scan(&c.Issued, &c.Repealed, &c.InForce)
		}
		if err := docs("规章", &f.Rules); err != nil {
			return f, err
		}
		if err := docs("规范性文件", &f.Normative); err != nil {
			return f, err
		}
		err = tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM policies WHERE substr(published_date, 1, 4) = ?1),
			(SELECT count(*) FROM consultations WHERE substr(open_date, 1, 4) = ?1),
			(SELECT count(*) FROM comments WHERE substr(received_date, 1, 4) = ?1),
			(SELECT count(*) FROM comments WHERE substr(received_date, 1, 4) = ?1 AND decision IN ('采纳', '部分采纳')),
			(SELECT count(*) FROM messages WHERE substr(received_date, 1, 4) = ?1),
			(SELECT count(*) FROM messages WHERE substr(received_date, 1, 4) = ?1 AND replied_at IS NOT NULL),
			(SELECT count(*) FROM messages WHERE substr(received_date, 1, 4) = ?1 AND replied_at IS NOT NULL
				AND substr(replied_at, 1, 10) <= due_date)`, y).
			Scan(&f.Published, &f.Consultations, &f.Comments, &f.Adopted, &f.Messages, &f.Answered, &f.AnsweredOnTime)
		if err != nil {
			return f, err
		}
		// 信息处理费: notices issued in the year, and what was paid (a notice still waiting counts as unpaid)
		err = tx.QueryRowContext(ctx, `SELECT count(*), count(NULLIF(ended, '')), COALESCE(SUM(CASE WHEN ended <> '' THEN fee_amount END), 0)
			FROM disclosure_pauses WHERE kind = ? AND substr(started, 1, 4) = ?`, core.PauseFee, y).Scan(&f.FeeNotices, &f.FeesPaid, &f.FeeYuan)
		if err != nil {
			return f, err
		}
		f.Interpretations, err = queryAll(ctx, tx, func(r scanner) (core.FormCount, error) {
			var c core.FormCount
			return c, r.Scan(&c.Form, &c.Count)
		}, `SELECT form, count(*) FROM interpretations WHERE status = '已发布' AND substr(published_date, 1, 4) = ? GROUP BY form`, y)
		return f, err
	})
}

// AnnualEdits reads what the office added to a year's report (all blank when nothing yet).
func (s *DisclosureStore) AnnualEdits(ctx context.Context, year int) (core.AnnualEdits, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.AnnualEdits, error) { return tx.annualEdits(ctx, year) })
}

func (tx *Tx) annualEdits(ctx context.Context, year int) (core.AnnualEdits, error) {
	e, _, err := tx.annualEditsSigned(ctx, year)
	return e, err
}

// annualEditsSigned reads the office's additions, where the report's sign-off stands and what its round signed.
func (tx *Tx) annualEditsSigned(ctx context.Context, year int) (core.AnnualEdits, string, error) {
	e := core.AnnualEdits{Year: year, CarryOver: []string{}}
	var carry, signed string
	err := tx.QueryRowContext(ctx, `SELECT licensing, penalty, enforcement, fees_wan, source, overview, published_date, published_url, updated_at,
		carry_over, carry_source, signed_text FROM annual_reports WHERE year = ?`, year).Scan(&e.Licensing, &e.Penalty, &e.Enforcement, &e.FeesWan,
		&e.Source, &e.Overview, &e.PublishedDate, &e.PublishedURL, &e.UpdatedAt, &carry, &e.CarrySource, &signed)
	if errors.Is(err, sql.ErrNoRows) {
		return e, "", nil
	}
	if err != nil {
		return e, "", err
	}
	if carry != "" {
		if err := json.Unmarshal([]byte(carry), &e.CarryOver); err != nil {
			return e, "", fmt.Errorf("annual_reports %d carry_over: %w", year, err)
		}
	}
	so, err := tx.signoff(ctx, core.SubjectAnnual, int64(year))
	if err != nil {
		return e, "", err
	}
	e.SignoffState = tx.db.rules.Disclosure.AnnualSignoffState(so, signed, e)
	return e, signed, nil
}

// SaveAnnualEdits records what the office added to a year's report, checked by disclosure.CheckAnnualEdits; a
// publication is recorded only for the report as signed off (disclosure.CheckAnnualPublication).
func (s *DisclosureStore) SaveAnnualEdits(ctx context.Context, e core.AnnualEdits) (core.AnnualEdits, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.AnnualEdits, error) {
		e, err := s.db.rules.Disclosure.CheckAnnualEdits(e, calendar.Day(tx.Now().In(core.Shanghai)))
		if err != nil {
			return e, err
		}
		old, signed, err := tx.annualEditsSigned(ctx, e.Year)
		if err != nil {
			return e, err
		}
		so, err := tx.signoff(ctx, core.SubjectAnnual, int64(e.Year))
		if err != nil {
			return e, err
		}
		if err := s.db.rules.Disclosure.CheckAnnualPublication(old, e, s.db.rules.Disclosure.AnnualSignoffState(so, signed, e)); err != nil {
			return e, err
		}
		carry := ""
		if len(e.CarryOver) > 0 {
			b, err := json.Marshal(e.CarryOver)
			if err != nil {
				return e, err
			}
			carry = string(b)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO annual_reports (year, licensing, penalty, enforcement, fees_wan, source, overview,
			published_date, published_url, carry_over, carry_source, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (year) DO UPDATE SET licensing = excluded.licensing, penalty = excluded.penalty, enforcement = excluded.enforcement,
			fees_wan = excluded.fees_wan, source = excluded.source, overview = excluded.overview, published_date = excluded.published_date,
			published_url = excluded.published_url, carry_over = excluded.carry_over, carry_source = excluded.carry_source,
			updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			e.Year, e.Licensing, e.Penalty, e.Enforcement, e.FeesWan, e.Source, e.Overview, e.PublishedDate, e.PublishedURL, carry, e.CarrySource,
			tx.Stamp(), tx.actorID()); err != nil {
			return e, err
		}
		if err := tx.audit("update", "annual_report", int64(e.Year), fmt.Sprintf("%d年政府信息公开工作年度报告", e.Year), []Change{
			{Field: "licensing", Old: old.Licensing, New: e.Licensing}, {Field: "penalty", Old: old.Penalty, New: e.Penalty},
			{Field: "enforcement", Old: old.Enforcement, New: e.Enforcement}, {Field: "fees_wan", Old: old.FeesWan, New: e.FeesWan},
			{Field: "source", Old: old.Source, New: e.Source}, {Field: "overview", Old: old.Overview, New: e.Overview},
			{Field: "carry_over", Old: strings.Join(old.CarryOver, ","), New: strings.Join(e.CarryOver, ",")},
			{Field: "carry_source", Old: old.CarrySource, New: e.CarrySource},
			{Field: "published_date", Old: old.PublishedDate, New: e.PublishedDate}, {Field: "published_url", Old: old.PublishedURL, New: e.PublishedURL},
		}); err != nil {
			return e, err
		}
		return tx.annualEdits(ctx, e.Year)
	})
}

// annualSignoffSubject is what sign-off needs of a year's report: its title, the last editor as its author
// (their section's head and 分管领导 sign the first steps), whether it is ready, published, or changed since
// its round.
func (tx *Tx) annualSignoffSubject(ctx context.Context, year int64) (core.SignoffSubject, error) {
	s := core.SignoffSubject{Title: fmt.Sprintf("%d年政府信息公开工作年度报告", year)}
	e, signed, err := tx.annualEditsSigned(ctx, int(year))
	if err != nil {
		return s, err
	}
	err = tx.QueryRowContext(ctx, `SELECT COALESCE(a.updated_by, 0), COALESCE(p.name, ''), COALESCE(p.section_id, 0)
		FROM annual_reports a LEFT JOIN people p ON p.id = a.updated_by WHERE a.year = ?`, year).Scan(&s.AuthorID, &s.AuthorName, &s.SectionID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return s, err
	}
	switch {
	case e.PublishedDate != "":
		s.Status = core.AnnualPublished
	case e.Source != "":
		s.Status = "拟稿"
	}
	s.DraftChanged = signed != e.SignedText()
	return s, nil
}

// signAnnual keeps what the approvers of a year's report sign: a later edit needs a new round.
func (tx *Tx) signAnnual(ctx context.Context, year int64) error {
	e, err := tx.annualEdits(ctx, int(year))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE annual_reports SET signed_text = ? WHERE year = ?`, e.SignedText(), year)
	return err
}

// AnnualReportEdits reads what the office added to a year's report and where its sign-off stands, for its 审签单.
func (s *InterpretationStore) AnnualReportEdits(ctx context.Context, year int) (core.AnnualEdits, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.AnnualEdits, error) { return tx.annualEdits(ctx, year) })
}
