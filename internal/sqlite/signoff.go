package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// SettingSignoffSteps is the settings key of the configured sign-off steps (JSON list of core.SignoffStep).
const SettingSignoffSteps = "interpretation.signoff_steps"

// SignoffSteps returns the configured sign-off steps, the default three (科室负责人审核 → 分管领导审签 →
// 保密审查) until they are changed.
func (s *InterpretationStore) SignoffSteps(ctx context.Context) ([]core.SignoffStep, error) {
	return inRead(ctx, s.db, func(tx *Tx) ([]core.SignoffStep, error) {
		return tx.signoffSteps(ctx)
	})
}

func (tx *Tx) signoffSteps(ctx context.Context) ([]core.SignoffStep, error) {
	raw, err := tx.getSetting(SettingSignoffSteps)
	if err != nil {
		return nil, err
	}
	steps := append([]core.SignoffStep{}, core.DefaultSignoffSteps...)
	if raw != "" {
		steps = nil
		if err := json.Unmarshal([]byte(raw), &steps); err != nil {
			return nil, fmt.Errorf("setting %s: %w", SettingSignoffSteps, err)
		}
	}
	for i := range steps {
		steps[i].Order = i + 1
		steps[i].Rule = steps[i].SignerRule()
		if steps[i].Rule != core.SignerPerson {
			steps[i].PersonID = 0
		}
		if steps[i].PersonID != 0 {
			if p, err := findPerson(ctx, tx, steps[i].PersonID); err == nil {
				steps[i].PersonName = p.Name
			}
		}
	}
	return steps, nil
}

// SaveSignoffSteps replaces the sign-off configuration. Rounds already started keep their steps.
func (s *InterpretationStore) SaveSignoffSteps(ctx context.Context, steps []core.SignoffStep) (saved []core.SignoffStep, err error) {
	if err := s.db.rules.Signoff.ValidateSteps(steps); err != nil {
		return nil, err
	}
	err = s.write(ctx, func(tx *Tx) error {
		old, err := tx.signoffSteps(ctx)
		if err != nil {
			return err
		}
		clean := make([]core.SignoffStep, len(steps))
		for i, st := range steps {
			if st.PersonID != 0 {
				if _, err := findPerson(ctx, tx, st.PersonID); err != nil {
					return err
				}
			}
			clean[i] = core.SignoffStep{Order: i + 1, Name: strings.TrimSpace(st.Name), Rule: st.SignerRule(), PersonID: st.PersonID}
			if clean[i].Rule != core.SignerPerson {
				clean[i].PersonID = 0
			}
		}
		oldJSON, _ := json.Marshal(old)
		newJSON, err := json.Marshal(clean)
		if err != nil {
			return err
		}
		if err := tx.setSetting(SettingSignoffSteps, string(newJSON)); err != nil {
			return err
		}
		if err := tx.audit("update", "signoff_steps", 1, "修改审签步骤", []Change{{Field: "steps", Old: string(oldJSON), New: string(newJSON)}}); err != nil {
			return err
		}
		saved, err = tx.signoffSteps(ctx)
		return err
	})
	return saved, err
}

// Signoff returns a subject's sign-off: the latest round and the decisions of earlier ones.
func (s *InterpretationStore) Signoff(ctx context.Context, subjectType string, subjectID int64) (core.Signoff, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.Signoff, error) {
		return tx.signoff(ctx, subjectType, subjectID)
	})
}

func (tx *Tx) signoff(ctx context.Context, subjectType string, subjectID int64) (core.Signoff, error) {
	so := core.Signoff{SubjectType: subjectType, SubjectID: subjectID, Steps: []core.SignoffApproval{}, History: []core.SignoffApproval{}}
	all, err := queryAll(ctx, tx, func(sc scanner) (core.SignoffApproval, error) {
		var a core.SignoffApproval
		err := sc.Scan(&a.ID, &a.SubjectType, &a.SubjectID, &a.Round, &a.StepOrder, &a.StepName, &a.PersonID, &a.PersonName,
			&a.Decision, &a.Opinion, &a.ActedAt)
		return a, err
	}, `SELECT id, subject_type, subject_id, round, step_order, step_name, COALESCE(person_id, 0), person_name,
		decision, opinion, COALESCE(acted_at, '') FROM approvals WHERE subject_type = ? AND subject_id = ? ORDER BY round, step_order`,
		subjectType, subjectID)
	if err != nil {
		return so, err
	}
	for _, a := range all {
		so.Round = max(so.Round, a.Round)
	}
	for _, a := range all {
		if a.Round < so.Round {
			so.History = append(so.History, a)
			continue
		}
		so.Steps = append(so.Steps, a)
		switch {
		case a.Decision == core.DecisionReturn:
			so.Returned = true
		case a.Decision == "" && so.Current == "":
			so.Current = a.StepName
		}
	}
	if n := len(so.Steps); n > 0 && !so.Returned && so.Current == "" {
		so.Complete, so.CompletedAt = true, so.Steps[n-1].ActedAt
	}
	return so, nil
}

// signoffSubject reads what sign-off needs to know of the record it decides on.
func (tx *Tx) signoffSubject(ctx context.Context, subjectType string, id int64) (core.SignoffSubject, error) {
	var s core.SignoffSubject
	if err := tx.db.rules.Signoff.CheckSubject(subjectType); err != nil {
		return s, err
	}
	var err error
	switch subjectType {
	case core.SubjectPolicy:
		err = tx.QueryRowContext(ctx, `SELECT p.title, p.status, COALESCE(p.drafter_id, 0), COALESCE(d.name, ''), p.section_id
			FROM policies p LEFT JOIN people d ON d.id = p.drafter_id WHERE p.id = ?`, id).Scan(&s.Title, &s.Status, &s.AuthorID, &s.AuthorName, &s.SectionID)
		err = notFound(err, "文件不存在(编号%d)", id)
	case core.SubjectInterpretation:
		err = tx.QueryRowContext(ctx, `SELECT i.title, i.status, COALESCE(i.author_id, 0), COALESCE(a.name, ''), COALESCE(i.section_id, p.section_id)
			FROM interpretations i JOIN policies p ON p.id = i.policy_id LEFT JOIN people a ON a.id = i.author_id WHERE i.id = ?`, id).
			Scan(&s.Title, &s.Status, &s.AuthorID, &s.AuthorName, &s.SectionID)
		err = notFound(err, "解读不存在(编号%d)", id)
	case core.SubjectReport:
		var open, closing, body, signedBody string
		err = tx.QueryRowContext(ctx, `SELECT p.title, c.open_date, c.close_date, COALESCE(p.drafter_id, 0), COALESCE(d.name, ''),
			COALESCE(c.section_id, p.section_id), c.report_body <> '', c.report_body, c.report_signed_body,
			(SELECT COUNT(*) FROM live_comments m WHERE m.consultation_id = c.id AND m.decision = '')
			FROM consultations c JOIN policies p ON p.id = c.policy_id LEFT JOIN people d ON d.id = p.drafter_id WHERE c.id = ?`, id).
			Scan(&s.Title, &open, &closing, &s.AuthorID, &s.AuthorName, &s.SectionID, &s.Report.Generated, &body, &signedBody, &s.Report.Undecided)
		err = notFound(err, "征求意见记录不存在(编号%d)", id)
		s.Report.Changed = !tx.db.rules.Consultation.SameReport(body, signedBody)
		s.Title = "关于《" + strings.Trim(s.Title, "《》") + "》意见收集采纳情况的说明"
		s.Report.Status = core.ConsultationStatus(open, closing, calendar.FormatDate(calendar.Day(tx.Now())))
		s.Status = s.Report.Status
	case core.SubjectDisclosure:
		var caseNo, applicant string
		var outcome, draft int
		err = tx.QueryRowContext(ctx, `SELECT r.case_no, r.applicant, r.outcome, r.draft_outcome, COALESCE(r.draft_by, 0), COALESCE(d.name, ''),
			COALESCE(r.section_id, 0), r.draft_signed <> CAST(r.draft_outcome AS TEXT) || char(10) || r.draft_text
			FROM disclosure_requests r LEFT JOIN people d ON d.id = r.draft_by WHERE r.id = ?`, id).
			Scan(&caseNo, &applicant, &outcome, &draft, &s.AuthorID, &s.AuthorName, &s.SectionID, &s.DraftChanged)
		err = notFound(err, "依申请公开申请不存在(编号%d)", id)
		s.Title = caseNo + "答复稿"
		switch {
		case outcome >= 0:
			s.Status = core.DisclosureAnswered
		case draft >= 0:
			s.Status = "拟稿"
		}
	case core.SubjectAnnual:
		s, err = tx.annualSignoffSubject(ctx, id)
	default:
		err = fmt.Errorf("sign-off subject %q has no record to read", subjectType)
	}
	return s, err
}

// signerSection is what the sign-off rules need of the drafting section.
func (tx *Tx) signerSection(ctx context.Context, id int64) (core.SignerSection, error) {
	var sec core.SignerSection
	err := tx.QueryRowContext(ctx, `SELECT s.name, COALESCE(s.head_id, 0), COALESCE(h.name, ''), COALESCE(s.leader_id, 0), COALESCE(l.name, '')
		FROM sections s LEFT JOIN people h ON h.id = s.head_id AND h.active = 1 LEFT JOIN people l ON l.id = s.leader_id AND l.active = 1
		WHERE s.id = ?`, id).Scan(&sec.Name, &sec.HeadID, &sec.HeadName, &sec.LeaderID, &sec.LeaderName)
	if err == sql.ErrNoRows {
		return core.SignerSection{}, nil
	}
	if sec.HeadName == "" {
		sec.HeadID = 0
	}
	if sec.LeaderName == "" {
		sec.LeaderID = 0
	}
	return sec, err
}

// SubmitSignoff starts a new sign-off round with the configured steps. An interpretation goes from its
// drafter (起草 or 已退回) to 审核中; a policy must already be in 审签 (which 同步起草 guards).
func (s *InterpretationStore) SubmitSignoff(ctx context.Context, subjectType string, subjectID int64) (so core.Signoff, err error) {
	err = s.write(ctx, func(tx *Tx) error {
		subj, err := tx.signoffSubject(ctx, subjectType, subjectID)
		if err != nil {
			return err
		}
		current, err := tx.signoff(ctx, subjectType, subjectID)
		if err != nil {
			return err
		}
		if err := tx.db.rules.Signoff.CheckSubmit(subjectType, subj, current); err != nil {
			return err
		}
		configured, err := tx.signoffSteps(ctx)
		if err != nil {
			return err
		}
		if subj.Section, err = tx.signerSection(ctx, subj.SectionID); err != nil {
			return err
		}
		steps, err := tx.db.rules.Signoff.Assign(configured, subj)
		if err != nil {
			return err
		}
		round := current.Round + 1
		for _, st := range steps {
			if _, err := tx.ExecContext(ctx, `INSERT INTO approvals (subject_type, subject_id, round, step_order, step_name, person_id,
				person_name, signer_rule, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, subjectType, subjectID, round, st.Order, st.Name,
				nullID(st.PersonID), st.PersonName, st.Rule, tx.Stamp()); err != nil {
				return err
			}
		}
		changes := []Change{{Field: "round", New: round}}
		if subjectType == core.SubjectReport {
			// what the approvers sign: a later regeneration that changes it needs a new round
			if _, err := tx.ExecContext(ctx, `UPDATE consultations SET report_signed_body = report_body WHERE id = ?`, subjectID); err != nil {
				return err
			}
		}
		if subjectType == core.SubjectDisclosure {
			// what the approvers sign: a later change of the draft needs a new round
			if _, err := tx.ExecContext(ctx, `UPDATE disclosure_requests SET draft_signed = CAST(draft_outcome AS TEXT) || char(10) || draft_text
				WHERE id = ?`, subjectID); err != nil {
				return err
			}
		}
		if subjectType == core.SubjectAnnual {
			if err := tx.signAnnual(ctx, subjectID); err != nil {
				return err
			}
		}
		if err := tx.disclosureSignoffEvent(ctx, subjectType, subjectID, fmt.Sprintf("提交审签（第%d轮）", round)); err != nil {
			return err
		}
		if subjectType == core.SubjectInterpretation {
			if err := tx.setInterpretationStatus(ctx, subjectID, core.InterpReviewing, ""); err != nil {
				return err
			}
			changes = append(changes, Change{Field: "status", Old: subj.Status, New: core.InterpReviewing})
		}
		if err := tx.audit("sign", subjectType, subjectID, fmt.Sprintf("提交审签(第%d轮) %s", round, subj.Title), changes); err != nil {
			return err
		}
		so, err = tx.signoff(ctx, subjectType, subjectID)
		return err
	})
	return so, err
}

// DecideSignoff records the current step's decision with the acting person, time and opinion. 退回 ends the
// round and sends the record back to its drafter with the opinion; agreeing to the last step approves it.
// A policy's last step is refused while its interpretations are not approved (同步审签).
func (s *InterpretationStore) DecideSignoff(ctx context.Context, a core.SignoffAction) (so core.Signoff, err error) {
	if err := s.db.rules.Signoff.CheckAction(a); err != nil {
		return so, err
	}
	a.Opinion = strings.TrimSpace(a.Opinion)
	err = s.write(ctx, func(tx *Tx) error {
		subj, err := tx.signoffSubject(ctx, a.SubjectType, a.SubjectID)
		if err != nil {
			return err
		}
		current, err := tx.signoff(ctx, a.SubjectType, a.SubjectID)
		if err != nil {
			return err
		}
		step, last, err := tx.db.rules.Signoff.PendingStep(subj, current)
		if err != nil {
			return err
		}
		if err := tx.db.rules.Signoff.CheckSigner(tx.Actor(), core.SignerFacts{Step: step, Round: current.Steps, AuthorID: subj.AuthorID}); err != nil {
			return err
		}
		if a.Decision == core.DecisionApprove && last && a.SubjectType == core.SubjectPolicy {
			facts, err := tx.syncFacts(ctx, a.SubjectID)
			if err != nil {
				return err
			}
			if err := tx.db.rules.Interpretation.CheckSyncApproval(facts); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE approvals SET decision = ?, opinion = ?, person_id = ?, person_name = ?, acted_at = ? WHERE id = ?`,
			a.Decision, a.Opinion, tx.actorID(), tx.actorName(), tx.Stamp(), step.ID); err != nil {
			return err
		}
		if err := tx.afterDecision(ctx, a, subj, step, last); err != nil {
			return err
		}
		if err := tx.disclosureSignoffEvent(ctx, a.SubjectType, a.SubjectID, signoffEventNote(step.StepName, a, last)); err != nil {
			return err
		}
		if err := tx.audit("sign", a.SubjectType, a.SubjectID, fmt.Sprintf("%s：%s %s", step.StepName, a.Decision, subj.Title),
			[]Change{{Field: "step", New: step.StepName}, {Field: "decision", New: a.Decision}, {Field: "opinion", New: a.Opinion}}); err != nil {
			return err
		}
		so, err = tx.signoff(ctx, a.SubjectType, a.SubjectID)
		return err
	})
	return so, err
}

// afterDecision moves the subject on: a return drops the round's remaining steps (they were never reached)
// and gives the record back to its drafter; the last agreement approves it.
func (tx *Tx) afterDecision(ctx context.Context, a core.SignoffAction, subj core.SignoffSubject, step core.SignoffApproval, last bool) error {
	if a.Decision == core.DecisionReturn {
		if _, err := tx.ExecContext(ctx, `DELETE FROM approvals WHERE subject_type = ? AND subject_id = ? AND round = ? AND decision = ''`,
			a.SubjectType, a.SubjectID, step.Round); err != nil {
			return err
		}
		if a.SubjectType == core.SubjectPolicy {
			_, err := tx.setPolicyStatus(ctx, core.PolicyStatusChange{PolicyID: a.SubjectID, Status: core.PolicyDrafting,
				Reason: step.StepName + "退回：" + a.Opinion})
			return err
		}
		if a.SubjectType != core.SubjectInterpretation {
			return nil // a 采纳情况说明, an answer draft or an annual report has no status of its own to change
		}
		return tx.setInterpretationStatus(ctx, a.SubjectID, core.InterpReturned, "")
	}
	if last && a.SubjectType == core.SubjectInterpretation {
		return tx.setInterpretationStatus(ctx, a.SubjectID, core.InterpApproved, tx.Stamp())
	}
	return nil
}

// setInterpretationStatus changes the status as sign-off decides; approvedAt is set on approval only.
func (tx *Tx) setInterpretationStatus(ctx context.Context, id int64, status, approvedAt string) error {
	_, err := tx.ExecContext(ctx, `UPDATE interpretations SET status = ?, approved_at = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
		status, nullString(approvedAt), tx.Stamp(), tx.actorID(), id)
	return err
}

// ReportText returns a consultation and the text of its 意见收集采纳情况说明 the approvers sign: as submitted
// for sign-off, or as last generated before that.
func (s *InterpretationStore) ReportText(ctx context.Context, consultationID int64) (c core.Consultation, text string, err error) {
	err = s.read(ctx, func(tx *Tx) error {
		if c, err = findConsultation(ctx, tx, s.cal(), consultationID); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT CASE WHEN report_signed_body <> '' THEN report_signed_body ELSE report_body END
			FROM consultations WHERE id = ?`, consultationID).Scan(&text)
	})
	return c, text, err
}

// WaitingSignoffs implements core.SignoffQueue: the current step of every open round (the newest round, not
// returned, its earlier steps agreed) whose named signer is the person, and with anySigner the current steps
// that name nobody (any approver may sign) in rounds the person has not signed yet; oldest submission first.
func (s *InterpretationStore) WaitingSignoffs(ctx context.Context, personID int64, anySigner bool) ([]core.Deadline, error) {
	if personID == 0 {
		return []core.Deadline{}, nil
	}
	type waiting struct {
		subjectType, step, submitted, title string
		subjectID, round                    int64
	}
	ws, err := queryAll(ctx, s.db.db, func(sc scanner) (waiting, error) {
		var w waiting
		err := sc.Scan(&w.subjectType, &w.subjectID, &w.round, &w.step, &w.submitted, &w.title)
		return w, err
	}, `SELECT a.subject_type, a.subject_id, a.round, a.step_name, substr(a.created_at, 1, 10),
		COALESCE(CASE a.subject_type
			WHEN 'policy' THEN (SELECT title FROM policies WHERE id = a.subject_id)
			WHEN 'interpretation' THEN (SELECT title FROM interpretations WHERE id = a.subject_id)
			WHEN 'report' THEN (SELECT p.title FROM consultations c JOIN policies p ON p.id = c.policy_id WHERE c.id = a.subject_id)
			WHEN 'message' THEN (SELECT subject FROM messages WHERE id = a.subject_id)
			WHEN 'disclosure' THEN (SELECT case_no || ' ' || applicant FROM disclosure_requests WHERE id = a.subject_id)
			WHEN 'annual' THEN a.subject_id || '年政府信息公开工作年度报告' END, '')
		FROM approvals a
		WHERE a.decision = '' AND (a.person_id = ? OR (? = 1 AND a.person_id IS NULL AND NOT EXISTS (SELECT 1 FROM approvals b
		      WHERE b.subject_type = a.subject_type AND b.subject_id = a.subject_id AND b.round = a.round AND b.person_id = ?)))
		  AND a.round = (SELECT MAX(b.round) FROM approvals b WHERE b.subject_type = a.subject_type AND b.subject_id = a.subject_id)
		  AND NOT EXISTS (SELECT 1 FROM approvals b WHERE b.subject_type = a.subject_type AND b.subject_id = a.subject_id
		      AND b.round = a.round AND (b.decision = ? OR (b.decision = '' AND b.step_order < a.step_order)))
		ORDER BY a.created_at, a.id`, personID, anySigner, personID, core.DecisionReturn)
	if err != nil {
		return nil, err
	}
	out := []core.Deadline{}
	for _, w := range ws {
		d := core.Deadline{Module: "审核审签", Kind: "signoff.waiting", Due: w.submitted, Status: "warning", Label: w.step,
			Detail: fmt.Sprintf("第%d轮，%s提交", w.round, w.submitted), PersonID: personID}
		title := "《" + strings.Trim(w.title, "《》") + "》"
		switch w.subjectType {
		case core.SubjectPolicy:
			d.Module, d.Title, d.Link = "政策文件", title+"待审签", fmt.Sprintf("/policies/%d", w.subjectID)
		case core.SubjectInterpretation:
			d.Module, d.Title, d.Link = "政策解读", "解读“"+w.title+"”待审签", fmt.Sprintf("/interpretations/%d", w.subjectID)
		case core.SubjectReport:
			d.Module, d.Title, d.Link = "征求意见", title+"意见采纳情况说明待审签", fmt.Sprintf("/consultations/%d/report", w.subjectID)
		case core.SubjectDisclosure:
			d.Module, d.Title, d.Link = "依申请公开", "答复稿待审签："+w.title, fmt.Sprintf("/disclosure/%d", w.subjectID)
		case core.SubjectAnnual:
			d.Module, d.Title, d.Link = "依申请公开", title+"待审签", "/disclosure?tab=report"
		case "message":
			d.Module, d.Title, d.Link = "局长信箱", "答复待审核："+w.title, fmt.Sprintf("/mailbox/%d", w.subjectID)
		default:
			d.Title = w.title + "待审核"
		}
		out = append(out, d)
	}
	return out, nil
}
