package sqlite

import (
	"context"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// publicationFacts loads what consult.CheckPolicyMove decides on: the policy's 公开属性, its consultations
// still running, undecided comments, a recorded 征求意见未结束 exemption and its latest sign-off round.
func (tx *Tx) publicationFacts(ctx context.Context, p core.Policy) (core.PublicationFacts, error) {
	f := core.PublicationFacts{Disclosure: p.Disclosure}
	today := calendar.FormatDate(calendar.Day(tx.now))
	rows, err := tx.QueryContext(ctx, `SELECT open_date, close_date FROM consultations WHERE policy_id = ? ORDER BY open_date, id`, p.ID)
	if err != nil {
		return f, err
	}
	defer rows.Close()
	for rows.Next() {
		var open, closing string
		if err := rows.Scan(&open, &closing); err != nil {
			return f, err
		}
		if core.ConsultationStatus(open, closing, today) != core.ConsultationClosed {
			f.OpenConsultations = append(f.OpenConsultations, open+"至"+closing)
		}
	}
	if err := rows.Err(); err != nil {
		return f, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM live_comments c JOIN consultations k ON k.id = c.consultation_id
		WHERE k.policy_id = ? AND c.decision = ''`, p.ID).Scan(&f.UndecidedComments); err != nil {
		return f, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE((SELECT reason FROM exemptions WHERE subject_type = ? AND subject_id = ? AND rule = ?
		ORDER BY id DESC LIMIT 1), '')`, core.SubjectPolicy, p.ID, core.RuleConsultOpen).Scan(&f.ConsultExemption); err != nil {
		return f, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(round), 0) FROM approvals WHERE subject_type = ? AND subject_id = ?`,
		core.SubjectPolicy, p.ID).Scan(&f.SignoffRound); err != nil {
		return f, err
	}
	if f.SignoffRound > 0 {
		var returned int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(CASE WHEN decision = ? THEN 1 END), COUNT(CASE WHEN decision = ? THEN 1 END)
			FROM approvals WHERE subject_type = ? AND subject_id = ? AND round = ?`, core.DecisionApprove, core.DecisionReturn,
			core.SubjectPolicy, p.ID, f.SignoffRound).Scan(&f.SignoffSteps, &f.SignoffApproved, &returned); err != nil {
			return f, err
		}
		f.SignoffReturned = returned > 0
	}
	return f, nil
}
