package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// ConsultationStore implements core.ConsultationStore: consultations, their comments, grouping,
// decisions and the feedback report. It also lists the module's deadlines for the dashboard.
type ConsultationStore struct {
	db      *DB
	cal     func() *calendar.Calendar
	grouper core.CommentGrouper
	tagger  core.NameTagger // names in the 采纳情况说明's quotes of comments (nil: the cue rules only)
}

var (
	_ core.ConsultationStore = (*ConsultationStore)(nil)
	_ core.DeadlineSource    = (*ConsultationStore)(nil)
)

// NewConsultationStore returns the consultation store. cal gives the live working-day calendar; grouper
// finds near-duplicate comments (dedup.Grouper).
func NewConsultationStore(db *DB, cal func() *calendar.Calendar, grouper core.CommentGrouper, tagger core.NameTagger) *ConsultationStore {
	return &ConsultationStore{db: db, cal: cal, grouper: grouper, tagger: tagger}
}

// SettingReportDueWorkdays is the settings key of how many working days after closing the 采纳情况说明
// should be published before the dashboard flags it.
const SettingReportDueWorkdays = "consultation.report_due_workdays"

// DefaultReportDueWorkdays is used until the setting is changed.
const DefaultReportDueWorkdays = 10

const consultationCols = `c.id, c.policy_id, p.title, p.doc_number, p.enterprise_related, COALESCE(c.version_id, 0), c.open_date, c.close_date,
	c.short_reason, c.channels, c.contact, c.explanation, COALESCE(c.section_id, p.section_id), COALESCE(s.name, ''),
	(SELECT COUNT(*) FROM live_comments m WHERE m.consultation_id = c.id),
	(SELECT COUNT(*) FROM live_comments m WHERE m.consultation_id = c.id AND m.decision = ''),
	(SELECT COUNT(*) FROM live_comments m WHERE m.consultation_id = c.id AND (m.group_id IS NULL OR m.id = (SELECT g.representative_id FROM comment_groups g WHERE g.id = m.group_id))),
	c.report_body <> '', ` + reportDiffers + `, COALESCE(c.report_published, ''),
	c.report_url, c.created_at, c.updated_at, c.version,
	COALESCE((SELECT value FROM settings WHERE key = '` + SettingReportDueWorkdays + `'), '')`

// reportDiffers selects the report's text and the text submitted for sign-off, only when they differ at all
// (consult.SameReport then decides whether more than the closing date changed); two empty texts otherwise.
const reportDiffers = `CASE WHEN c.report_signed_body <> '' AND c.report_body <> c.report_signed_body THEN c.report_body ELSE '' END,
	CASE WHEN c.report_signed_body <> '' AND c.report_body <> c.report_signed_body THEN c.report_signed_body ELSE '' END`

const consultationFrom = ` FROM consultations c JOIN policies p ON p.id = c.policy_id LEFT JOIN sections s ON s.id = COALESCE(c.section_id, p.section_id)`

// scanConsultation reads a row and derives what depends on today and the calendar.
func scanConsultation(sc interface{ Scan(...any) error }, r core.ConsultationRules, cal *calendar.Calendar, now time.Time) (core.Consultation, error) {
	var c core.Consultation
	var reportNow, reportSigned string
	var channels, reportDueDays string
	err := sc.Scan(&c.ID, &c.PolicyID, &c.PolicyTitle, &c.PolicyDocNumber, &c.EnterpriseRelated, &c.VersionID, &c.OpenDate, &c.CloseDate,
		&c.ShortReason, &channels, &c.Contact, &c.Explanation, &c.SectionID, &c.SectionName, &c.CommentCount, &c.UndecidedCount,
		&c.GroupCount, &c.ReportGenerated, &reportNow, &reportSigned, &c.ReportPublished, &c.ReportURL, &c.CreatedAt, &c.UpdatedAt, &c.Version,
		&reportDueDays)
	if err != nil {
		return c, err
	}
	c.ReportChanged = reportNow != "" && !r.SameReport(reportNow, reportSigned)
	if err := json.Unmarshal([]byte(channels), &c.Channels); err != nil || c.Channels == nil {
		c.Channels = []string{}
	}
	today := calendar.Day(now)
	c.Status = core.ConsultationStatus(c.OpenDate, c.CloseDate, calendar.FormatDate(today))
	if open, err := calendar.ParseDate(c.OpenDate); err == nil {
		c.EarliestClose = calendar.FormatDate(r.EarliestClose(cal, open))
	}
	if closing, err := calendar.ParseDate(c.CloseDate); err == nil && c.Status == core.ConsultationOpen {
		c.CountdownLabel = cal.Countdown(today, closing).Label
	}
	// the setting read with the row, so that every list and page shows the report's due state
	c = r.ReportDue(cal, today, c, intSetting(reportDueDays, DefaultReportDueWorkdays, 1, 60))
	return c, nil
}

func findConsultation(ctx context.Context, tx *Tx, cal *calendar.Calendar, id int64) (core.Consultation, error) {
	c, err := scanConsultation(tx.QueryRowContext(ctx, `SELECT `+consultationCols+consultationFrom+` WHERE c.id = ?`, id), tx.db.rules.Consultation, cal, tx.Now())
	return c, notFound(err, "征求意见记录不存在(编号%d)", id)
}

// Consultations lists consultations, latest opening first. The status filter is applied to the dates
// as of the clock, in SQL, so paging stays exact.
func (s *ConsultationStore) Consultations(ctx context.Context, f core.ConsultationFilter) (core.ConsultationPage, error) {
	now := s.db.Clock.Now().In(core.Shanghai)
	today := calendar.FormatDate(calendar.Day(now))
	var c conditions
	equal(&c, "c.policy_id", f.PolicyID)
	if err := s.db.rules.Consultation.CheckListStatus(f.Status); err != nil {
		return core.ConsultationPage{}, err
	}
	switch f.Status {
	case core.ConsultationPending:
		c.add("c.open_date > ?", today)
	case core.ConsultationOpen:
		c.add("c.open_date <= ? AND c.close_date >= ?", today, today)
	case core.ConsultationClosed:
		c.add("c.close_date < ?", today)
	}
	if strings.TrimSpace(f.Query) != "" {
		c.add(`(p.title LIKE ? ESCAPE '\' OR p.doc_number LIKE ? ESCAPE '\')`, likePattern(f.Query), likePattern(f.Query))
	}
	cond, args := c.clause(), c.args
	cal := s.cal()
	total, consultations, err := queryPage(ctx, s.db.db, func(sc scanner) (core.Consultation, error) {
		return scanConsultation(sc, s.db.rules.Consultation, cal, now)
	}, `SELECT COUNT(*)`+consultationFrom+cond,
		`SELECT `+consultationCols+consultationFrom+cond+` ORDER BY c.open_date DESC, c.id DESC LIMIT ? OFFSET ?`, args, f.Limit, f.Offset)
	return core.ConsultationPage{Total: total, Consultations: consultations}, err
}

// Consultation returns a consultation with its history and the clauses of its draft.
func (s *ConsultationStore) Consultation(ctx context.Context, id int64) (core.ConsultationDetail, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.ConsultationDetail, error) {
		c, err := findConsultation(ctx, tx, s.cal(), id)
		if err != nil {
			return core.ConsultationDetail{}, err
		}
		d := core.ConsultationDetail{Consultation: c}
		if d.Notices, err = listNotices(ctx, tx, id); err != nil {
			return d, err
		}
		d.Clauses, err = listClauses(ctx, tx, c.VersionID)
		return d, err
	})
}

func listNotices(ctx context.Context, tx *Tx, consultationID int64) ([]core.ConsultationNotice, error) {
	return queryAll(ctx, tx, func(r scanner) (n core.ConsultationNotice, err error) {
		err = r.Scan(&n.ID, &n.ConsultationID, &n.Kind, &n.NoticeDate, &n.OldClose, &n.NewClose, &n.Reason, &n.CreatedAt, &n.CreatedBy)
		return
	}, `SELECT n.id, n.consultation_id, n.kind, n.notice_date, COALESCE(n.old_close, ''), COALESCE(n.new_close, ''),
		n.reason, n.created_at, COALESCE(p.name, '') FROM consultation_notices n LEFT JOIN people p ON p.id = n.created_by
		WHERE n.consultation_id = ? ORDER BY n.id`, consultationID)
}

// CheckPeriod tells the close-date picker the earliest lawful close date and whether a reason is needed.
func (s *ConsultationStore) CheckPeriod(_ context.Context, openDate, closeDate string) (core.PeriodCheck, error) {
	return s.db.rules.Consultation.CheckPeriod(s.cal(), openDate, closeDate)
}

func normalizeChannels(r core.ConsultationRules, in []string) []string {
	out := []string{}
	for _, ch := range in {
		if n, ok := r.NormalizeChannel(ch); ok && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return slices.Index(core.Channels, a) - slices.Index(core.Channels, b) })
	return out
}

// consultationColumns are a consultation's audited columns.
func consultationColumns(c core.Consultation) Columns {
	ch, _ := json.Marshal(c.Channels)
	return Columns{{"version_id", c.VersionID}, {"open_date", c.OpenDate}, {"close_date", c.CloseDate}, {"short_reason", c.ShortReason},
		{"channels", string(ch)}, {"contact", c.Contact}, {"explanation", c.Explanation}, {"section_id", c.SectionID}}
}

// SaveConsultation opens (ID 0) or edits a consultation. Opening one records a 开始征求 notice and moves a
// policy still in 起草 to 征求意见. Once a consultation has started its dates change only by extending or
// reopening it, so that every change of period has a dated, reasoned notice.
func (s *ConsultationStore) SaveConsultation(ctx context.Context, c core.Consultation) (core.Consultation, error) {
	c.Channels = normalizeChannels(s.db.rules.Consultation, c.Channels)
	c.Contact, c.ShortReason, c.Explanation = strings.TrimSpace(c.Contact), strings.TrimSpace(c.ShortReason), strings.TrimSpace(c.Explanation)
	pc, err := s.db.rules.Consultation.ValidateConsultation(s.cal(), c)
	if err != nil {
		return c, err
	}
	c.OpenDate, c.CloseDate = pc.OpenDate, pc.CloseDate
	if !pc.Short {
		c.ShortReason = ""
	}
	return inWrite(ctx, s.db, func(tx *Tx) (core.Consultation, error) {
		if err := tx.checkVersion(ctx, "consultations", "该征求意见", c.ID, c.Version); err != nil {
			return core.Consultation{}, err
		}
		p, err := findPolicy(ctx, tx, c.PolicyID)
		if err != nil {
			return c, err
		}
		if c.SectionID == 0 {
			c.SectionID = p.SectionID
		}
		var owner int64 // the policy the chosen text belongs to
		if c.VersionID == 0 {
			if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM policy_versions WHERE policy_id = ? AND kind = '征求意见稿'`, p.ID).Scan(&c.VersionID); err != nil {
				return c, err
			}
			owner = p.ID
		} else if err := tx.QueryRowContext(ctx, `SELECT policy_id FROM policy_versions WHERE id = ?`, c.VersionID).Scan(&owner); err != nil && err != sql.ErrNoRows {
			return c, err
		}
		if c.ID == 0 {
			if err := s.db.rules.Consultation.CheckOpen(p, c.VersionID, owner); err != nil {
				return c, err
			}
			if c.ID, err = tx.createConsultation(ctx, p, c); err != nil {
				return c, err
			}
		} else if err := tx.updateConsultation(ctx, s.cal(), c, p, owner); err != nil {
			return c, err
		}
		saved, err := findConsultation(ctx, tx, s.cal(), c.ID)
		if err != nil {
			return c, err
		}
		return saved, nil
	})
}

func (tx *Tx) createConsultation(ctx context.Context, p core.Policy, c core.Consultation) (int64, error) {
	cols := consultationColumns(c)
	id, err := tx.insert(ctx, `INSERT INTO consultations (policy_id, version_id, open_date, close_date, short_reason, channels, contact,
		explanation, section_id, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.PolicyID, nullID(c.VersionID), c.OpenDate, c.CloseDate, c.ShortReason, cols.Value("channels"), c.Contact, c.Explanation, nullID(c.SectionID),
		tx.Stamp(), tx.actorID(), tx.Stamp(), tx.actorID())
	if err != nil {
		return 0, err
	}
	if err := tx.addNotice(ctx, id, core.NoticeOpened, c.OpenDate, "", c.CloseDate, c.ShortReason); err != nil {
		return 0, err
	}
	if err := tx.audit("create", "consultation", id, "开始征求意见 "+p.Title, diff(nil, cols)); err != nil {
		return 0, err
	}
	if c.ShortReason != "" {
		if _, err := tx.ExecContext(ctx, `INSERT INTO exemptions (subject_type, subject_id, rule, reason, person_id, person_name, created_at)
			VALUES ('consultation', ?, '短于30日', ?, ?, ?, ?)`, id, c.ShortReason, tx.actorID(), tx.actorName(), tx.Stamp()); err != nil {
			return 0, err
		}
	}
	if p.Status == core.PolicyDrafting {
		if _, err := tx.setPolicyStatus(ctx, core.PolicyStatusChange{PolicyID: p.ID, Status: core.PolicyConsulting}); err != nil {
			return 0, err
		}
	}
	return id, nil
}

func (tx *Tx) updateConsultation(ctx context.Context, cal *calendar.Calendar, c core.Consultation, p core.Policy, versionOwner int64) error {
	old, err := findConsultation(ctx, tx, cal, c.ID)
	if err != nil {
		return err
	}
	if err := tx.db.rules.Consultation.CheckEdit(old, c, p, versionOwner); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE consultations SET version_id = ?, open_date = ?, close_date = ?, short_reason = ?, channels = ?,
		contact = ?, explanation = ?, section_id = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
		nullID(c.VersionID), c.OpenDate, c.CloseDate, c.ShortReason, consultationColumns(c).Value("channels"), c.Contact, c.Explanation, nullID(c.SectionID),
		tx.Stamp(), tx.actorID(), c.ID); err != nil {
		return err
	}
	return tx.auditChanges("update", "consultation", c.ID, "修改征求意见 "+old.PolicyTitle, consultationColumns(old), consultationColumns(c))
}

func (tx *Tx) addNotice(ctx context.Context, consultationID int64, kind, date, oldClose, newClose, reason string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO consultation_notices (consultation_id, kind, notice_date, old_close, new_close, reason, created_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, consultationID, kind, date, nullString(oldClose), nullString(newClose), reason, tx.Stamp(), tx.actorID())
	return err
}

// ExtendConsultation moves the close date of a consultation that has not closed yet later, with a reason.
func (s *ConsultationStore) ExtendConsultation(ctx context.Context, c core.PeriodChange) (core.Consultation, error) {
	return s.changePeriod(ctx, c, core.NoticeExtended)
}

// ReopenConsultation opens a closed consultation again until a new close date, with a reason.
func (s *ConsultationStore) ReopenConsultation(ctx context.Context, c core.PeriodChange) (core.Consultation, error) {
	return s.changePeriod(ctx, c, core.NoticeReopened)
}

func (s *ConsultationStore) changePeriod(ctx context.Context, pc core.PeriodChange, kind string) (core.Consultation, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.Consultation, error) {
		cal := s.cal()
		old, err := findConsultation(ctx, tx, cal, pc.ConsultationID)
		if err != nil {
			return old, err
		}
		if err := s.db.rules.Consultation.CheckPeriodKind(kind, old); err != nil {
			return old, err
		}
		newClose, err := s.db.rules.Consultation.CheckPeriodChange(pc, old.CloseDate, tx.Now())
		if err != nil {
			return old, err
		}
		closeDate, today := calendar.FormatDate(newClose), calendar.FormatDate(calendar.Day(tx.Now()))
		reason := strings.TrimSpace(pc.Reason)
		if _, err := tx.ExecContext(ctx, `UPDATE consultations SET close_date = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
			closeDate, tx.Stamp(), tx.actorID(), old.ID); err != nil {
			return old, err
		}
		if err := tx.addNotice(ctx, old.ID, kind, today, old.CloseDate, closeDate, reason); err != nil {
			return old, err
		}
		if err := tx.audit("update", "consultation", old.ID, kind+" "+old.PolicyTitle, []Change{
			{Field: "close_date", Old: old.CloseDate, New: closeDate}, {Field: "reason", New: reason},
		}); err != nil {
			return old, err
		}
		saved, err := findConsultation(ctx, tx, cal, old.ID)
		if err != nil {
			return old, err
		}
		return saved, nil
	})
}

// PublishReport records when and where the 意见收集采纳情况说明 was published. The consultation must have
// closed and every comment must have been answered: the report states the outcome of each.
func (s *ConsultationStore) PublishReport(ctx context.Context, p core.ReportPublication) (core.Consultation, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.Consultation, error) {
		cal := s.cal()
		old, err := findConsultation(ctx, tx, cal, p.ConsultationID)
		if err != nil {
			return old, err
		}
		so, err := tx.signoff(ctx, core.SubjectReport, old.ID)
		if err != nil {
			return old, err
		}
		prepub, err := tx.prepubReport(ctx, core.SubjectReport, old.ID)
		if err != nil {
			return old, err
		}
		date, url, err := s.db.rules.Consultation.CheckReportInput(p, old.CloseDate)
		if err != nil {
			return old, err
		}
		facts := core.ReportFacts{Status: old.Status, Undecided: old.UndecidedCount, Generated: old.ReportGenerated}
		var now, signed string
		if err := tx.QueryRowContext(ctx, `SELECT report_body, report_signed_body FROM consultations WHERE id = ?`, old.ID).Scan(&now, &signed); err != nil {
			return old, err
		}
		facts.Changed = !s.db.rules.Consultation.SameReport(now, signed)
		if err := s.db.rules.Consultation.CheckReportPublication(facts, so, prepub.Findings); err != nil {
			return old, err
		}
		published := calendar.FormatDate(date)
		if _, err := tx.ExecContext(ctx, `UPDATE consultations SET report_published = ?, report_url = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
			published, url, tx.Stamp(), tx.actorID(), old.ID); err != nil {
			return old, err
		}
		if err := tx.audit("publish", "consultation", old.ID, "发布意见采纳情况说明 "+old.PolicyTitle,
			diff(Columns{{"report_published", old.ReportPublished}, {"report_url", old.ReportURL}},
				Columns{{"report_published", published}, {"report_url", url}})); err != nil {
			return old, err
		}
		saved, err := findConsultation(ctx, tx, cal, old.ID)
		if err != nil {
			return old, err
		}
		return saved, nil
	})
}

// Report builds the 意见收集采纳情况说明 from the ledger and keeps its text with the consultation (audited
// when it changes), so that what was signed off can be compared with what the ledger says later.
func (s *ConsultationStore) Report(ctx context.Context, consultationID int64) (core.FeedbackReport, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.FeedbackReport, error) {
		cal := s.cal()
		c, err := findConsultation(ctx, tx, cal, consultationID)
		if err != nil {
			return core.FeedbackReport{}, err
		}
		l := core.ConsultationLedger{Consultation: c, SectionName: c.SectionName, Today: tx.Now(), Tagger: s.tagger}
		if l.BureauName, err = tx.getSetting("bureau.name"); err != nil {
			return core.FeedbackReport{}, err
		}
		if l.Notices, err = listNotices(ctx, tx, c.ID); err != nil {
			return core.FeedbackReport{}, err
		}
		if l.Clauses, err = listClauses(ctx, tx, c.VersionID); err != nil {
			return core.FeedbackReport{}, err
		}
		if l.Comments, err = queryComments(ctx, tx, `WHERE m.consultation_id = ? ORDER BY m.received_date, m.id`, c.ID); err != nil {
			return core.FeedbackReport{}, err
		}
		r := s.db.rules.Consultation.BuildReport(l)
		var old string
		if err := tx.QueryRowContext(ctx, `SELECT report_body FROM consultations WHERE id = ?`, c.ID).Scan(&old); err != nil {
			return r, err
		}
		if old != r.Text {
			if _, err := tx.ExecContext(ctx, `UPDATE consultations SET report_body = ? WHERE id = ?`, r.Text, c.ID); err != nil {
				return r, err
			}
			if err := tx.audit("update", "consultation", c.ID, "生成意见采纳情况说明 "+c.PolicyTitle, []Change{
				{Field: "report_chars", Old: len([]rune(old)), New: len([]rune(r.Text))},
			}); err != nil {
				return r, err
			}
		}
		return r, nil
	})
}

// AllComments returns every comment of a consultation in the order received, for the ledger export.
func (s *ConsultationStore) AllComments(ctx context.Context, consultationID int64) ([]core.Comment, error) {
	return inRead(ctx, s.db, func(tx *Tx) ([]core.Comment, error) {
		if _, err := findConsultation(ctx, tx, s.cal(), consultationID); err != nil {
			return nil, err
		}
		return queryComments(ctx, tx, `WHERE m.consultation_id = ? ORDER BY m.received_date, m.id`, consultationID)
	})
}

// ReportDueWorkdays is how many working days after closing the report is due.
func (s *ConsultationStore) ReportDueWorkdays(ctx context.Context) (int, error) {
	return s.db.IntSetting(ctx, SettingReportDueWorkdays, DefaultReportDueWorkdays, 1, 60)
}

// SetReportDueWorkdays changes that number (1–60).
func (s *ConsultationStore) SetReportDueWorkdays(ctx context.Context, n int) (int, error) {
	return s.db.SetIntSetting(ctx, SettingReportDueWorkdays, "工作日数", "修改意见采纳情况说明发布时限", n, DefaultReportDueWorkdays, 1, 60)
}

// Deadlines implements core.DeadlineSource: what each consultation whose report is not published puts on the
// dashboard (consult.Deadlines).
func (s *ConsultationStore) Deadlines(ctx context.Context, now time.Time) ([]core.Deadline, error) {
	dueDays, err := s.ReportDueWorkdays(ctx)
	if err != nil {
		return nil, err
	}
	cal := s.cal()
	today := calendar.Day(now)
	out := []core.Deadline{}
	err = queryEach(ctx, s.db.db, func(sc scanner) error {
		var enterpriseComments int
		c, err := scanConsultation(scanPlus{sc, &enterpriseComments}, s.db.rules.Consultation, cal, now)
		if err != nil {
			return err
		}
		out = append(out, s.db.rules.Consultation.Deadlines(cal, today, c, dueDays, enterpriseComments)...)
		return nil
	}, `SELECT `+consultationCols+`,
		(SELECT COUNT(*) FROM live_comments m WHERE m.consultation_id = c.id AND m.category IN ('企业', '行业协会商会'))`+consultationFrom+`
		WHERE c.report_published IS NULL ORDER BY c.close_date, c.id`)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// scanPlus scans a consultation row followed by one extra column.
type scanPlus struct {
	row   scanner
	extra any
}

func (s scanPlus) Scan(dest ...any) error { return s.row.Scan(append(dest, s.extra)...) }

// Now is the store's clock in China time.
func (s *ConsultationStore) Now() time.Time { return s.db.Now() }
