package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// InterpretationStore implements core.InterpretationStore: 政策解读 with their sign-off, the
// pre-publication check and publication in step with the policy (三同步).
type InterpretationStore struct {
	db  *DB
	cal func() *calendar.Calendar
}

var (
	_ core.InterpretationStore = (*InterpretationStore)(nil)
	_ core.DeadlineSource      = (*InterpretationStore)(nil)
	_ core.SignoffQueue        = (*InterpretationStore)(nil)
	_ core.WorkdayAdder        = (*calendar.Calendar)(nil)
)

// NewInterpretationStore returns the interpretation store. cal gives the live working-day calendar for due
// dates.
func NewInterpretationStore(db *DB, cal func() *calendar.Calendar) *InterpretationStore {
	return &InterpretationStore{db: db, cal: cal}
}

// interpretationBody is what the body column holds: the one part that the form uses, as JSON.
type interpretationBody struct {
	Sections []core.TextSection `json:"sections,omitempty"`
	QA       []core.QAPair      `json:"qa,omitempty"`
	Graphic  *core.Graphic      `json:"graphic,omitempty"`
	Media    *core.Media        `json:"media,omitempty"`
}

func encodeBody(in core.Interpretation) (string, error) {
	var b interpretationBody
	switch in.Form {
	case core.FormText:
		b.Sections = in.Sections
	case core.FormQA:
		b.QA = in.QA
	case core.FormGraphic:
		b.Graphic = &in.Graphic
	default:
		b.Media = &in.Media
	}
	data, err := json.Marshal(b)
	return string(data), err
}

// decodeBody fills the body parts of in; every list is non-nil so that the frontend never sees null.
func decodeBody(in *core.Interpretation, body string) error {
	var b interpretationBody
	if body != "" {
		if err := json.Unmarshal([]byte(body), &b); err != nil {
			return fmt.Errorf("interpretation %d body: %w", in.ID, err)
		}
	}
	in.Sections, in.QA = nonNil(b.Sections), nonNil(b.QA)
	if b.Graphic != nil {
		in.Graphic = *b.Graphic
	}
	if b.Media != nil {
		in.Media = *b.Media
	}
	in.Graphic.Blocks = nonNil(in.Graphic.Blocks)
	for i := range in.Graphic.Blocks {
		bl := &in.Graphic.Blocks[i]
		bl.Figures, bl.Steps, bl.Items, bl.QA = nonNil(bl.Figures), nonNil(bl.Steps), nonNil(bl.Items), nonNil(bl.QA)
	}
	in.Media.Files = nonNil(in.Media.Files)
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

const interpretationCols = `i.id, i.policy_id, p.title, i.form, i.title, i.section_id, COALESCE(s.name, ''), i.section_reason,
	COALESCE(i.author_id, 0), COALESCE(a.name, ''), i.status, i.body, COALESCE(i.approved_at, ''), COALESCE(i.published_date, ''),
	i.published_url, i.created_at, i.updated_at, COALESCE(p.published_date, ''), i.version`

const interpretationFrom = ` FROM interpretations i JOIN policies p ON p.id = i.policy_id
	LEFT JOIN sections s ON s.id = i.section_id LEFT JOIN people a ON a.id = i.author_id`

// scanInterpretation reads a row and works out its due date and countdown from the policy's publication.
func scanInterpretation(sc scanner, r core.InterpretationRules, cal *calendar.Calendar, now time.Time) (core.Interpretation, error) {
	var in core.Interpretation
	var body, policyPublished string
	if err := sc.Scan(&in.ID, &in.PolicyID, &in.PolicyTitle, &in.Form, &in.Title, &in.SectionID, &in.SectionName, &in.SectionReason,
		&in.AuthorID, &in.AuthorName, &in.Status, &body, &in.ApprovedAt, &in.PublishedDate, &in.PublishedURL, &in.CreatedAt,
		&in.UpdatedAt, &policyPublished, &in.Version); err != nil {
		return in, err
	}
	if err := decodeBody(&in, body); err != nil {
		return in, err
	}
	return withDue(r, in, cal, policyPublished, now)
}

// withDue applies rule 3 (同步发布): due = policy publication + 3 working days, shown as a countdown until
// the interpretation is published and as on time or late afterwards.
func withDue(r core.InterpretationRules, in core.Interpretation, cal *calendar.Calendar, policyPublished string, now time.Time) (core.Interpretation, error) {
	due, err := r.Due(cal, policyPublished)
	if err != nil || due == "" {
		return in, err
	}
	in.Due = due
	switch {
	case in.PublishedDate != "" && in.PublishedDate <= due:
		in.DueStatus, in.DueLabel = "done", "按时发布"
	case in.PublishedDate != "":
		in.DueStatus, in.DueLabel = "late", "逾期发布"
	default:
		d, _ := calendar.ParseDate(due)
		cd := cal.Countdown(calendar.Day(now), d)
		in.DueStatus, in.DueLabel = cd.Status, cd.Label
	}
	return in, nil
}

func (tx *Tx) findInterpretation(ctx context.Context, cal *calendar.Calendar, id int64) (core.Interpretation, error) {
	in, err := scanInterpretation(tx.QueryRowContext(ctx, `SELECT `+interpretationCols+interpretationFrom+` WHERE i.id = ?`, id), tx.db.rules.Interpretation, cal, tx.now)
	return in, notFound(err, "解读不存在(编号%d)", id)
}

func (tx *Tx) listInterpretations(ctx context.Context, cal *calendar.Calendar, f core.InterpretationFilter) ([]core.Interpretation, error) {
	var c conditions
	equal(&c, "i.policy_id", f.PolicyID)
	equal(&c, "i.status", f.Status)
	equal(&c, "i.form", f.Form)
	equal(&c, "i.section_id", f.SectionID)
	cond, args := c.clause(), c.args
	return queryAll(ctx, tx, func(sc scanner) (core.Interpretation, error) {
		return scanInterpretation(sc, tx.db.rules.Interpretation, cal, tx.now)
	}, `SELECT `+interpretationCols+interpretationFrom+cond+` ORDER BY i.policy_id DESC, i.id`, args...)
}

// read runs fn in a read-only transaction.
func (s *InterpretationStore) read(ctx context.Context, fn func(tx *Tx) error) error {
	return s.db.read(ctx, fn)
}

// write runs fn in a write transaction and commits when it succeeds.
func (s *InterpretationStore) write(ctx context.Context, fn func(tx *Tx) error) error {
	return s.db.write(ctx, fn)
}

// Interpretations lists interpretations, per policy in creation order.
func (s *InterpretationStore) Interpretations(ctx context.Context, f core.InterpretationFilter) ([]core.Interpretation, error) {
	return inRead(ctx, s.db, func(tx *Tx) ([]core.Interpretation, error) {
		return tx.listInterpretations(ctx, s.cal(), f)
	})
}

// Interpretation returns one interpretation.
func (s *InterpretationStore) Interpretation(ctx context.Context, id int64) (core.Interpretation, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.Interpretation, error) {
		return tx.findInterpretation(ctx, s.cal(), id)
	})
}

// interpretationColumns are an interpretation's audited columns; body is the stored JSON.
func interpretationColumns(in core.Interpretation, body string) Columns {
	return Columns{{"form", in.Form}, {"title", in.Title}, {"section_id", in.SectionID}, {"section_reason", in.SectionReason},
		{"author_id", in.AuthorID}, {"body", body}}
}

// SaveInterpretation creates (ID 0, status 起草) or updates an interpretation while its drafter holds it.
// A section other than the policy's drafting section needs a reason, which is also recorded as an exemption.
func (s *InterpretationStore) SaveInterpretation(ctx context.Context, in core.Interpretation) (saved core.Interpretation, err error) {
	in.Title, in.SectionReason = strings.TrimSpace(in.Title), strings.TrimSpace(in.SectionReason)
	err = s.write(ctx, func(tx *Tx) error {
		p, err := findPolicy(ctx, tx, in.PolicyID)
		if err != nil {
			return err
		}
		if in.SectionID == 0 {
			in.SectionID = p.SectionID // 谁起草、谁解读
		}
		if in.SectionID == p.SectionID {
			in.SectionReason = ""
		}
		if err := tx.db.rules.Interpretation.Validate(in, p.SectionID); err != nil {
			return err
		}
		if _, err := findSection(ctx, tx, in.SectionID); err != nil {
			return err
		}
		if in.AuthorID == 0 && in.ID == 0 {
			in.AuthorID = tx.actor.PersonID
		}
		if in.AuthorID != 0 {
			if _, err := findPerson(ctx, tx, in.AuthorID); err != nil {
				return err
			}
		}
		body, err := encodeBody(in)
		if err != nil {
			return err
		}
		values := interpretationColumns(in, body)
		var oldReason string
		if in.ID == 0 {
			in.ID, err = tx.insertInterpretation(ctx, in, body)
			if err != nil {
				return err
			}
			err = tx.audit("create", "interpretation", in.ID, "新建解读 "+in.Title, diff(nil, values))
		} else {
			oldReason, err = tx.updateInterpretation(ctx, s.cal(), in, body, values)
		}
		if err != nil {
			return err
		}
		if in.SectionReason != "" && in.SectionReason != oldReason {
			if _, err := tx.recordExemption(ctx, core.ExemptionInput{SubjectType: core.SubjectInterpretation, SubjectID: in.ID,
				Rule: core.RuleOtherSection, Reason: in.SectionReason}); err != nil {
				return err
			}
		}
		saved, err = tx.findInterpretation(ctx, s.cal(), in.ID)
		return err
	})
	return saved, err
}

func (tx *Tx) insertInterpretation(ctx context.Context, in core.Interpretation, body string) (int64, error) {
	return tx.insert(ctx, `INSERT INTO interpretations (policy_id, form, title, section_id, section_reason, author_id, body,
		status, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		in.PolicyID, in.Form, in.Title, in.SectionID, in.SectionReason, nullID(in.AuthorID), body, core.InterpDrafting,
		tx.Stamp(), tx.actorID(), tx.Stamp(), tx.actorID())
}

// updateInterpretation saves the drafter's changes and returns the section reason it had before.
func (tx *Tx) updateInterpretation(ctx context.Context, cal *calendar.Calendar, in core.Interpretation, body string, values Columns) (string, error) {
	old, err := tx.findInterpretation(ctx, cal, in.ID)
	if err != nil {
		return "", err
	}
	if err := tx.db.rules.Interpretation.CheckUpdate(old, in); err != nil {
		return "", err
	}
	if err := tx.checkVersion(ctx, "interpretations", "该解读", in.ID, in.Version); err != nil {
		return "", err
	}
	oldBody, err := encodeBody(old)
	if err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE interpretations SET form = ?, title = ?, section_id = ?, section_reason = ?, author_id = ?,
		body = ?, updated_at = ?, updated_by = ? WHERE id = ?`, in.Form, in.Title, in.SectionID, in.SectionReason, nullID(in.AuthorID),
		body, tx.Stamp(), tx.actorID(), in.ID); err != nil {
		return "", err
	}
	if err := tx.auditChanges("update", "interpretation", in.ID, "修改解读 "+in.Title, interpretationColumns(old, oldBody), values); err != nil {
		return "", err
	}
	return old.SectionReason, nil
}

// DeleteInterpretation removes an interpretation its drafter still holds, with its sign-off rounds and findings.
func (s *InterpretationStore) DeleteInterpretation(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *Tx) error {
		in, err := tx.findInterpretation(ctx, s.cal(), id)
		if err != nil {
			return err
		}
		if err := tx.db.rules.Interpretation.CanEdit(in.Status); err != nil {
			return err
		}
		for _, q := range []string{`DELETE FROM approvals WHERE subject_type = ? AND subject_id = ?`,
			`DELETE FROM prepub_findings WHERE subject_type = ? AND subject_id = ?`} {
			if _, err := tx.ExecContext(ctx, q, core.SubjectInterpretation, id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM interpretations WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.audit("delete", "interpretation", id, "删除解读 "+in.Title, []Change{{Field: "title", Old: in.Title}})
	})
}

// RecordExemption records a departure from a rule with its reason. A 同步起草 exemption is also kept on the
// policy (draft_exemption), where the register shows it.
func (s *InterpretationStore) RecordExemption(ctx context.Context, e core.ExemptionInput) (out core.Exemption, err error) {
	err = s.write(ctx, func(tx *Tx) error {
		out, err = tx.recordExemption(ctx, e)
		return err
	})
	return out, err
}

func (tx *Tx) recordExemption(ctx context.Context, e core.ExemptionInput) (core.Exemption, error) {
	e, err := tx.db.rules.Interpretation.CheckExemption(e)
	if err != nil {
		return core.Exemption{}, err
	}
	if e.SubjectType == core.SubjectPolicy {
		if _, err := findPolicy(ctx, tx, e.SubjectID); err != nil {
			return core.Exemption{}, err
		}
		if e.Rule == core.RuleSyncDraft {
			if _, err := tx.ExecContext(ctx, `UPDATE policies SET draft_exemption = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
				e.Reason, tx.Stamp(), tx.actorID(), e.SubjectID); err != nil {
				return core.Exemption{}, err
			}
		}
	}
	id, err := tx.insert(ctx, `INSERT INTO exemptions (subject_type, subject_id, rule, reason, person_id, person_name, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, e.SubjectType, e.SubjectID, e.Rule, e.Reason, tx.actorID(), tx.actorName(), tx.Stamp())
	if err != nil {
		return core.Exemption{}, err
	}
	if err := tx.audit("create", "exemption", id, "登记豁免："+e.Rule, []Change{{Field: "subject", New: fmt.Sprintf("%s/%d", e.SubjectType, e.SubjectID)},
		{Field: "rule", New: e.Rule}, {Field: "reason", New: e.Reason}}); err != nil {
		return core.Exemption{}, err
	}
	return core.Exemption{ID: id, SubjectType: e.SubjectType, SubjectID: e.SubjectID, Rule: e.Rule, Reason: e.Reason,
		PersonName: tx.actorName(), CreatedAt: tx.Stamp()}, nil
}

// Exemptions lists the exemptions recorded on a subject, oldest first.
func (s *InterpretationStore) Exemptions(ctx context.Context, subjectType string, subjectID int64) ([]core.Exemption, error) {
	return inRead(ctx, s.db, func(tx *Tx) ([]core.Exemption, error) {
		return tx.exemptions(ctx, subjectType, subjectID)
	})
}

func (tx *Tx) exemptions(ctx context.Context, subjectType string, subjectID int64) ([]core.Exemption, error) {
	return queryAll(ctx, tx, func(r scanner) (e core.Exemption, err error) {
		err = r.Scan(&e.ID, &e.SubjectType, &e.SubjectID, &e.Rule, &e.Reason, &e.PersonName, &e.CreatedAt)
		return
	}, `SELECT id, subject_type, subject_id, rule, reason, person_name, created_at FROM exemptions
		WHERE subject_type = ? AND subject_id = ? ORDER BY id`, subjectType, subjectID)
}

// syncFacts gathers what the 三同步 rules need about a policy.
func (tx *Tx) syncFacts(ctx context.Context, policyID int64) (core.SyncFacts, error) {
	var f core.SyncFacts
	var err error
	f.Interpretations, err = queryAll(ctx, tx, func(sc scanner) (core.Interpretation, error) {
		var in core.Interpretation
		err := sc.Scan(&in.Title, &in.Status)
		return in, err
	}, `SELECT title, status FROM interpretations WHERE policy_id = ? ORDER BY id`, policyID)
	if err != nil {
		return f, err
	}
	err = tx.QueryRowContext(ctx, `SELECT draft_exemption FROM policies WHERE id = ?`, policyID).Scan(&f.DraftExemption)
	return f, err
}

// checkSyncRules is called by setPolicyStatus inside its transaction: 同步起草 before 审签, 同步审签 and the
// pre-publication check before 已发布. No policy changes status around these rules, whichever screen asks.
func (tx *Tx) checkSyncRules(ctx context.Context, from string, c core.PolicyStatusChange) error {
	facts, err := tx.syncFacts(ctx, c.PolicyID)
	if err != nil {
		return err
	}
	if err := tx.db.rules.Interpretation.CheckPolicyStatusSync(from, c, facts); err != nil {
		return err
	}
	if c.Status != core.PolicyPublished {
		return nil
	}
	report, err := tx.prepubReport(ctx, core.SubjectPolicy, c.PolicyID)
	if err != nil {
		return err
	}
	return tx.db.rules.Privacy.Clear(report.Findings)
}

// PublishPolicy records the policy's publication (date and website URL) through the register's status
// change, so the same rules apply as on the policy page.
func (s *InterpretationStore) PublishPolicy(ctx context.Context, p core.Publication) (out core.Policy, err error) {
	err = s.write(ctx, func(tx *Tx) error {
		out, err = tx.setPolicyStatus(ctx, core.PolicyStatusChange{PolicyID: p.ID, Status: core.PolicyPublished,
			PublishedDate: p.PublishedDate, PublishedURL: p.PublishedURL, Reason: p.Reason})
		return err
	})
	return out, err
}

// PublishInterpretation records an approved interpretation's publication after its policy's, once the
// pre-publication check is clear. Publishing after the due date is recorded as late, not refused.
func (s *InterpretationStore) PublishInterpretation(ctx context.Context, p core.Publication) (out core.Interpretation, err error) {
	err = s.write(ctx, func(tx *Tx) error {
		cal := s.cal()
		in, err := tx.findInterpretation(ctx, cal, p.ID)
		if err != nil {
			return err
		}
		policy, err := findPolicy(ctx, tx, in.PolicyID)
		if err != nil {
			return err
		}
		d, url, err := tx.db.rules.Interpretation.CheckPublish(in, policy, p)
		if err != nil {
			return err
		}
		date := calendar.FormatDate(d)
		report, err := tx.prepubReport(ctx, core.SubjectInterpretation, in.ID)
		if err != nil {
			return err
		}
		if err := tx.db.rules.Privacy.Clear(report.Findings); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE interpretations SET status = ?, published_date = ?, published_url = ?, updated_at = ?,
			updated_by = ? WHERE id = ?`, core.InterpPublished, date, url, tx.Stamp(), tx.actorID(), in.ID); err != nil {
			return err
		}
		if err := tx.audit("publish", "interpretation", in.ID, "发布解读 "+in.Title, []Change{{Field: "status", Old: in.Status, New: core.InterpPublished},
			{Field: "published_date", New: date}, {Field: "published_url", New: url}}); err != nil {
			return err
		}
		out, err = tx.findInterpretation(ctx, cal, in.ID)
		return err
	})
	return out, err
}

// SyncPanel shows the 三同步 of one policy: the policy and each interpretation with drafted, approved and
// published dates, the due date of each interpretation, and which rule is not met.
func (s *InterpretationStore) SyncPanel(ctx context.Context, policyID int64) (core.SyncPanel, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.SyncPanel, error) {
		return tx.syncPanel(ctx, s.cal(), policyID)
	})
}

func (tx *Tx) syncPanel(ctx context.Context, cal *calendar.Calendar, policyID int64) (core.SyncPanel, error) {
	p, err := findPolicy(ctx, tx, policyID)
	if err != nil {
		return core.SyncPanel{}, err
	}
	list, err := tx.listInterpretations(ctx, cal, core.InterpretationFilter{PolicyID: policyID})
	if err != nil {
		return core.SyncPanel{}, err
	}
	facts, err := tx.syncFacts(ctx, policyID)
	if err != nil {
		return core.SyncPanel{}, err
	}
	policySignoff, err := tx.signoff(ctx, core.SubjectPolicy, policyID)
	if err != nil {
		return core.SyncPanel{}, err
	}
	panel := core.SyncPanel{
		Policy: core.SyncRow{Kind: core.SubjectPolicy, ID: p.ID, Title: p.Title, Status: p.Status, Drafted: datePart(p.CreatedAt),
			Approved: datePart(policySignoff.CompletedAt), Published: p.PublishedDate, PublishedURL: p.PublishedURL, SectionName: p.SectionName,
			Disclosure: p.Disclosure, DisclosureBasis: p.DisclosureBasis},
		Interpretations: []core.SyncRow{}, Problems: []string{},
	}
	if panel.Exemptions, err = tx.exemptions(ctx, core.SubjectPolicy, policyID); err != nil {
		return panel, err
	}
	for _, in := range list {
		panel.Interpretations = append(panel.Interpretations, core.SyncRow{Kind: core.SubjectInterpretation, ID: in.ID, Title: in.Title,
			Form: in.Form, Status: in.Status, Drafted: datePart(in.CreatedAt), Approved: datePart(in.ApprovedAt), Published: in.PublishedDate,
			PublishedURL: in.PublishedURL, Due: in.Due, DueLabel: in.DueLabel, DueStatus: in.DueStatus, SectionName: in.SectionName,
			SectionReason: in.SectionReason})
	}
	panel = tx.db.rules.Interpretation.Verdicts(panel, facts)
	return panel, nil
}

// datePart is the civil date of a stored timestamp.
func datePart(stamp string) string {
	if len(stamp) >= 10 {
		return stamp[:10]
	}
	return stamp
}

// Deadlines implements core.DeadlineSource: every interpretation of a published policy that is not yet
// published, with its countdown to policy publication + 3 working days.
func (s *InterpretationStore) Deadlines(ctx context.Context, now time.Time) ([]core.Deadline, error) {
	cal := s.cal()
	out := []core.Deadline{}
	err := queryEach(ctx, s.db.db, func(sc scanner) error {
		in, err := scanInterpretation(sc, s.db.rules.Interpretation, cal, now)
		if err != nil || in.Due == "" {
			return err
		}
		d, _ := calendar.ParseDate(in.Due)
		cd := cal.Countdown(calendar.Day(now), d)
		out = append(out, core.Deadline{Module: "政策解读", Kind: "interpretation.publish_due",
			Title:  "《" + strings.Trim(in.PolicyTitle, "《》") + "》的" + in.Form + "待发布",
			Detail: fmt.Sprintf("“%s”(%s)应在文件发布后%d个工作日内发布", in.Title, in.Status, core.InterpretationLag),
			Due:    in.Due, Status: cd.Status, Label: cd.Label, Workdays: cd.Workdays, Link: fmt.Sprintf("/interpretations/%d", in.ID),
			PersonID: in.AuthorID, SectionID: in.SectionID})
		return nil
	}, `SELECT `+interpretationCols+interpretationFrom+`
		WHERE p.published_date IS NOT NULL AND i.status <> ? ORDER BY p.published_date, i.id`, core.InterpPublished)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// policyText returns a policy's title and the text of its newest version (正式文本 before 送审稿 before
// 征求意见稿 on the same date), with the version.
func (tx *Tx) policyText(ctx context.Context, policyID int64) (core.Policy, core.PolicyVersion, error) {
	p, err := findPolicy(ctx, tx, policyID)
	if err != nil {
		return p, core.PolicyVersion{}, err
	}
	v := core.PolicyVersion{Warnings: []string{}}
	err = tx.QueryRowContext(ctx, `SELECT id, policy_id, kind, version_date, body FROM policy_versions WHERE policy_id = ?
		ORDER BY version_date DESC, CASE kind WHEN '正式文本' THEN 0 WHEN '送审稿' THEN 1 ELSE 2 END, id DESC LIMIT 1`, policyID).
		Scan(&v.ID, &v.PolicyID, &v.Kind, &v.VersionDate, &v.Body)
	if err == sql.ErrNoRows {
		return p, v, nil // no text yet: the helper is empty and the check scans nothing
	}
	return p, v, err
}

// Issuer is the bureau's name, for the footer of a new 图解 and the exports.
func (s *InterpretationStore) Issuer(ctx context.Context) (string, error) {
	var name string
	err := s.read(ctx, func(tx *Tx) error {
		b, err := readBureau(ctx, tx)
		name = b.Name
		return err
	})
	return name, err
}

// PolicyText returns a policy with the text of its current version, for exports.
func (s *InterpretationStore) PolicyText(ctx context.Context, policyID int64) (p core.Policy, v core.PolicyVersion, err error) {
	err = s.read(ctx, func(tx *Tx) error {
		p, v, err = tx.policyText(ctx, policyID)
		return err
	})
	return p, v, err
}
