package sqlite

import (
	"context"
	"fmt"
	"strings"

	"policydesk/internal/core"
)

// The pre-publication check (先审核后上网, 涉密不上网): the subject's current text is scanned for 密级 marks
// and personal data; each finding must disappear from the text (fixed) or be acknowledged with a reason by a
// named person. The recorded rows in prepub_findings are the evidence of who let what through.

// findingKey identifies a finding across checks: the same kind of item with the same text.
type findingKey struct{ kind, match string }

type findingRow struct {
	id         int64
	resolution string
	reason     string
	person     string
	resolvedAt string
}

// subjectText is the text published for a subject: an interpretation's content, or a policy's current version.
func (tx *Tx) subjectText(ctx context.Context, subjectType string, id int64) (string, error) {
	if err := tx.db.rules.Privacy.CheckSubject(subjectType); err != nil {
		return "", err
	}
	switch subjectType {
	case core.SubjectInterpretation:
		var form, title, body string
		err := tx.QueryRowContext(ctx, `SELECT form, title, body FROM interpretations WHERE id = ?`, id).Scan(&form, &title, &body)
		if err != nil {
			return "", notFound(err, "解读不存在(编号%d)", id)
		}
		in := core.Interpretation{ID: id, Form: form, Title: title}
		if err := decodeBody(&in, body); err != nil {
			return "", err
		}
		return in.InterpretationText(), nil
	case core.SubjectPolicy:
		_, v, err := tx.policyText(ctx, id)
		return v.Body, err
	case core.SubjectReport:
		var body string
		err := tx.QueryRowContext(ctx, `SELECT report_body FROM consultations WHERE id = ?`, id).Scan(&body)
		return body, notFound(err, "征求意见记录不存在(编号%d)", id)
	}
	return "", fmt.Errorf("pre-publication subject %q has no text to read", subjectType)
}

// publicItems are the bureau's own published address and numbers and its sections' office numbers: they
// stand in public text on purpose (a consultation's contact line, an interpretation's 咨询电话) and are not
// findings where they stand whole.
func (tx *Tx) publicItems(ctx context.Context) ([]string, error) {
	var keep []string
	for _, key := range []string{"bureau.address", "bureau.phone"} {
		v, err := tx.getSetting(key)
		if err != nil {
			return nil, err
		}
		keep = append(keep, v)
	}
	phones, err := queryAll(ctx, tx, scanString, `SELECT phone FROM sections WHERE phone <> ''`)
	if err != nil {
		return nil, err
	}
	return append(keep, phones...), nil
}

func (tx *Tx) findingRows(ctx context.Context, subjectType string, id int64) (map[findingKey]findingRow, []core.PrepubFinding, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, kind, match_text, resolution, reason, person_name, COALESCE(resolved_at, ''), severity, label, context
		FROM prepub_findings WHERE subject_type = ? AND subject_id = ? ORDER BY id`, subjectType, id)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	byKey := map[findingKey]findingRow{}
	var all []core.PrepubFinding
	for rows.Next() {
		var r findingRow
		var f core.PrepubFinding
		if err := rows.Scan(&r.id, &f.Kind, &f.Match, &r.resolution, &r.reason, &r.person, &r.resolvedAt, &f.Severity, &f.Label, &f.Context); err != nil {
			return nil, nil, err
		}
		f.Resolution, f.Reason, f.PersonName, f.ResolvedAt = r.resolution, r.reason, r.person, r.resolvedAt
		byKey[findingKey{f.Kind, f.Match}] = r
		all = append(all, f)
	}
	return byKey, all, rows.Err()
}

// prepubReport scans the subject's text now and joins what was recorded earlier; it writes nothing, so the
// publication paths can call it inside their own transaction.
func (tx *Tx) prepubReport(ctx context.Context, subjectType string, id int64) (core.PrepubReport, error) {
	text, err := tx.subjectText(ctx, subjectType, id)
	if err != nil {
		return core.PrepubReport{}, err
	}
	byKey, recorded, err := tx.findingRows(ctx, subjectType, id)
	if err != nil {
		return core.PrepubReport{}, err
	}
	report := core.PrepubReport{SubjectType: subjectType, SubjectID: id, Text: text, Findings: []core.PrepubFinding{},
		Fixed: []core.PrepubFinding{}, CheckedAt: tx.Stamp()}
	present := map[findingKey]bool{}
	keep, err := tx.publicItems(ctx)
	if err != nil {
		return core.PrepubReport{}, err
	}
	if subjectType == core.SubjectReport {
		// The consultation's contact line was published with the notice; the report repeats it.
		var contact string
		if err := tx.QueryRowContext(ctx, `SELECT contact FROM consultations WHERE id = ?`, id).Scan(&contact); err != nil {
			return core.PrepubReport{}, err
		}
		keep = append(keep, strings.FieldsFunc(contact, func(r rune) bool { return strings.ContainsRune("，,；;。、", r) })...)
	}
	for _, pf := range tx.db.rules.Privacy.Scan(text, keep) {
		key := findingKey{pf.Kind, pf.Match}
		if r, ok := byKey[key]; ok && r.resolution == core.FindingAcknowledged && pf.Severity != core.SeverityBlock {
			pf.Resolution, pf.Reason, pf.PersonName, pf.ResolvedAt = r.resolution, r.reason, r.person, r.resolvedAt
		}
		present[key] = true
		report.Findings = append(report.Findings, pf)
	}
	for _, f := range recorded {
		if !present[findingKey{f.Kind, f.Match}] {
			if f.Resolution != core.FindingFixed {
				f.Resolution, f.PersonName, f.ResolvedAt = core.FindingFixed, tx.actorName(), tx.Stamp()
			}
			report.Fixed = append(report.Fixed, f)
		}
	}
	report.Clear = tx.db.rules.Privacy.Clear(report.Findings) == nil
	return report, nil
}

// PrepubCheck runs the check and records its outcome: new findings as open, vanished ones as fixed.
func (s *InterpretationStore) PrepubCheck(ctx context.Context, subjectType string, id int64) (report core.PrepubReport, err error) {
	err = s.write(ctx, func(tx *Tx) error {
		report, err = tx.prepubReport(ctx, subjectType, id)
		if err != nil {
			return err
		}
		return tx.recordPrepub(ctx, report)
	})
	return report, err
}

func (tx *Tx) recordPrepub(ctx context.Context, report core.PrepubReport) error {
	byKey, _, err := tx.findingRows(ctx, report.SubjectType, report.SubjectID)
	if err != nil {
		return err
	}
	added, reopened := 0, 0
	for _, f := range report.Findings {
		r, ok := byKey[findingKey{f.Kind, f.Match}]
		switch {
		case !ok:
			_, err = tx.ExecContext(ctx, `INSERT INTO prepub_findings (subject_type, subject_id, kind, match_text, severity, label, context, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, report.SubjectType, report.SubjectID, f.Kind, f.Match, f.Severity, f.Label, f.Context, tx.Stamp())
			added++
		case r.resolution == core.FindingFixed:
			_, err = tx.ExecContext(ctx, `UPDATE prepub_findings SET resolution = '', resolved_at = NULL WHERE id = ?`, r.id)
			reopened++
		}
		if err != nil {
			return err
		}
	}
	fixed := 0
	for _, f := range report.Fixed {
		r := byKey[findingKey{f.Kind, f.Match}]
		if r.resolution == core.FindingFixed {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE prepub_findings SET resolution = ?, person_id = ?, person_name = ?, resolved_at = ? WHERE id = ?`,
			core.FindingFixed, tx.actorID(), tx.actorName(), tx.Stamp(), r.id); err != nil {
			return err
		}
		fixed++
	}
	if added+reopened+fixed == 0 {
		return nil
	}
	return tx.audit("update", "prepub_check", fmt.Sprintf("%s/%d", report.SubjectType, report.SubjectID),
		fmt.Sprintf("发布前检查：新发现%d项，已修改%d项，重新出现%d项", added, fixed, reopened),
		[]Change{{Field: "found", New: added}, {Field: "fixed", New: fixed}, {Field: "reopened", New: reopened}})
}

// AcknowledgeFinding keeps a finding in the text with a reason (e.g. the bureau's own service number). 密级
// marks cannot be acknowledged: they must be removed.
func (s *InterpretationStore) AcknowledgeFinding(ctx context.Context, a core.FindingAck) (report core.PrepubReport, err error) {
	err = s.write(ctx, func(tx *Tx) error {
		report, err = tx.prepubReport(ctx, a.SubjectType, a.SubjectID)
		if err != nil {
			return err
		}
		if err := tx.recordPrepub(ctx, report); err != nil {
			return err
		}
		var target *core.PrepubFinding
		for i, f := range report.Findings {
			if f.Kind == a.Kind && f.Match == a.Match {
				target = &report.Findings[i]
				break
			}
		}
		if target == nil {
			return core.Errorf(core.ENOTFOUND, "文本中已没有“%s”，无需确认；请重新检查", a.Match)
		}
		if err := tx.db.rules.Privacy.CheckAck(*target, a.Reason); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE prepub_findings SET resolution = ?, reason = ?, person_id = ?, person_name = ?, resolved_at = ?
			WHERE subject_type = ? AND subject_id = ? AND kind = ? AND match_text = ?`, core.FindingAcknowledged, a.Reason, tx.actorID(),
			tx.actorName(), tx.Stamp(), a.SubjectType, a.SubjectID, a.Kind, a.Match); err != nil {
			return err
		}
		if err := tx.audit("update", "prepub_finding", fmt.Sprintf("%s/%d", a.SubjectType, a.SubjectID), "确认保留"+target.Label+" "+a.Match,
			[]Change{{Field: "match", New: a.Match}, {Field: "resolution", New: core.FindingAcknowledged}, {Field: "reason", New: a.Reason}}); err != nil {
			return err
		}
		report, err = tx.prepubReport(ctx, a.SubjectType, a.SubjectID)
		return err
	})
	return report, err
}
