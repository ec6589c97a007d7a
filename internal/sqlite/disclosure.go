package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// DisclosureStore keeps the 依申请公开 register. The clock, the 补正 and extension rules and table 三
// come from internal/disclosure; the store only records and applies them inside its transactions.
type DisclosureStore struct {
	db  *DB
	cal func() *calendar.Calendar
}

var _ core.DeadlineSource = (*DisclosureStore)(nil)

// NewDisclosureStore returns the store; cal gives the live working-day calendar.
func NewDisclosureStore(db *DB, cal func() *calendar.Calendar) *DisclosureStore {
	return &DisclosureStore{db: db, cal: cal}
}

const disclosureCols = `r.id, r.case_no, r.channel, r.arrived, r.confirmed, r.received, r.applicant, r.applicant_type, r.id_number,
	r.contact, r.content, r.form, r.delivery, COALESCE(r.section_id, 0), COALESCE(s.name, ''), COALESCE(r.handler_id, 0),
	COALESCE(h.name, ''), r.correction_sent, r.correction_by, r.corrected, r.extended, r.extension_by, r.outcome, r.answer_date,
	r.answer_method, r.answer_ref, r.answer_text, r.updated_at, r.draft_outcome, r.draft_text`

const disclosureFrom = ` FROM disclosure_requests r LEFT JOIN sections s ON s.id = r.section_id LEFT JOIN people h ON h.id = r.handler_id`

func parseDay(s string) time.Time {
	t, err := calendar.ParseDate(s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// withClock works out the deadline, the status and the countdown of a request as of now.
func withClock(rules core.DisclosureRules, r core.DisclosureRequest, cal *calendar.Calendar, now time.Time) core.DisclosureRequest {
	today := calendar.Day(now.In(core.Shanghai))
	r, due := rules.WithClock(r, cal, today)
	if due.IsZero() {
		return r
	}
	cd := cal.Countdown(today, due)
	r.CountdownStatus, r.CountdownLabel, r.Workdays = cd.Status, cd.Label, cd.Workdays
	switch r.Status {
	case core.DisclosureCorrecting, core.DisclosureLapsed:
		r.CountdownLabel = "补正期限" + cd.Label
	case core.DisclosureConsulting:
		r.CountdownLabel = "第三方意见期限" + cd.Label
	case core.DisclosureAwaitsFee, core.DisclosureFeeLapsed:
		r.CountdownLabel = "缴费期限" + cd.Label
	}
	return r
}

// runningDue is the deadline of the request's open suspension (the last one without an end).
func runningDue(r core.DisclosureRequest) time.Time {
	for i := len(r.Pauses) - 1; i >= 0; i-- {
		if r.Pauses[i].Ended == "" {
			return parseDay(r.Pauses[i].Due)
		}
	}
	return time.Time{}
}

func scanDisclosure(sc scanner) (core.DisclosureRequest, error) {
	var r core.DisclosureRequest
	err := sc.Scan(&r.ID, &r.CaseNo, &r.Channel, &r.Arrived, &r.Confirmed, &r.Received, &r.Applicant, &r.ApplicantType, &r.IDNumber,
		&r.Contact, &r.Content, &r.Form, &r.Delivery, &r.SectionID, &r.SectionName, &r.HandlerID, &r.HandlerName, &r.CorrectionSent,
		&r.CorrectionBy, &r.Corrected, &r.Extended, &r.ExtensionBy, &r.Outcome, &r.AnswerDate, &r.AnswerMethod, &r.AnswerRef,
		&r.AnswerText, &r.UpdatedAt, &r.DraftOutcome, &r.DraftText)
	return r, err
}

const pauseCols = `id, request_id, kind, party, started, due, ended, result, fee_basis, fee_count, fee_before, fee_amount, note`

// pausesOf reads the suspensions of the requests the condition selects, by request.
func pausesOf(ctx context.Context, q querier, where string, args ...any) (map[int64][]core.DisclosurePause, error) {
	ps, err := queryAll(ctx, q, func(sc scanner) (core.DisclosurePause, error) {
		var p core.DisclosurePause
		err := sc.Scan(&p.ID, &p.RequestID, &p.Kind, &p.Party, &p.Started, &p.Due, &p.Ended, &p.Result, &p.FeeBasis, &p.FeeCount,
			&p.FeeBefore, &p.FeeAmount, &p.Note)
		return p, err
	}, `SELECT `+pauseCols+` FROM disclosure_pauses `+where+` ORDER BY request_id, id`, args...)
	if err != nil {
		return nil, err
	}
	by := map[int64][]core.DisclosurePause{}
	for _, p := range ps {
		by[p.RequestID] = append(by[p.RequestID], p)
	}
	return by, nil
}

// clocked attaches each request's suspensions (all of them are read at once: they are few) and works out its
// clock as of now.
func clocked(ctx context.Context, q querier, rules core.DisclosureRules, rs []core.DisclosureRequest, cal *calendar.Calendar, now time.Time) ([]core.DisclosureRequest, error) {
	if len(rs) == 0 {
		return rs, nil
	}
	by, err := pausesOf(ctx, q, "")
	if err != nil {
		return nil, err
	}
	for i := range rs {
		rs[i].Pauses = by[rs[i].ID]
		rs[i] = withClock(rules, rs[i], cal, now)
	}
	return rs, nil
}

func (tx *Tx) findDisclosure(ctx context.Context, cal *calendar.Calendar, id int64) (core.DisclosureRequest, error) {
	r, err := scanDisclosure(tx.QueryRowContext(ctx, `SELECT `+disclosureCols+disclosureFrom+` WHERE r.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, core.Errorf(core.ENOTFOUND, "依申请公开申请 %d 不存在", id)
	}
	if err != nil {
		return r, err
	}
	by, err := pausesOf(ctx, tx, `WHERE request_id = ?`, id)
	if err != nil {
		return r, err
	}
	r.Pauses = by[id]
	if r.SignoffState, err = tx.draftSignoff(ctx, id); err != nil {
		return r, err
	}
	return withClock(tx.db.rules.Disclosure, r, cal, tx.Now()), nil
}

// draftSignoff says where the sign-off of the request's answer draft stands (core.DraftSigning …).
func (tx *Tx) draftSignoff(ctx context.Context, id int64) (string, error) {
	so, err := tx.signoff(ctx, core.SubjectDisclosure, id)
	if err != nil || so.Round == 0 {
		return "", err
	}
	switch {
	case so.Current != "":
		return core.DraftSigning, nil
	case so.Returned:
		return core.DraftReturned, nil
	case !so.Complete:
		return "", nil
	}
	var changed bool
	err = tx.QueryRowContext(ctx, `SELECT draft_signed <> CAST(draft_outcome AS TEXT) || char(10) || draft_text FROM disclosure_requests WHERE id = ?`, id).Scan(&changed)
	if changed {
		return core.DraftChanged, err
	}
	return core.DraftSigned, err
}

// disclosureSignoffEvent writes a sign-off step of a request's answer draft into the request's own history
// (other subjects have none).
func (tx *Tx) disclosureSignoffEvent(ctx context.Context, subjectType string, id int64, note string) error {
	if subjectType != core.SubjectDisclosure {
		return nil
	}
	return tx.addDisclosureEvent(ctx, id, "审签", calendar.FormatDate(calendar.Day(tx.Now().In(core.Shanghai))), note)
}

// signoffEventNote is the history's line for a decision: "分管领导审签：同意" with the opinion, and the round's end.
func signoffEventNote(step string, a core.SignoffAction, last bool) string {
	note := step + "：" + a.Decision
	if a.Opinion != "" {
		note += "（" + a.Opinion + "）"
	}
	switch {
	case a.Decision == core.DecisionReturn:
		note += "，答复稿退回拟稿人修改"
	case last:
		note += "，审签完成"
	}
	return note
}

// DisclosureRequests lists the register, newest receipt first (one page of it when f.Limit is set).
func (s *DisclosureStore) DisclosureRequests(ctx context.Context, f core.DisclosureFilter) ([]core.DisclosureRequest, error) {
	p, err := s.disclosurePage(ctx, f, false)
	return p.Requests, err
}

// DisclosurePage is one page of the register, newest receipt first, with the number of requests the filter
// selects: only the page's requests are read with their suspensions and put on the clock.
func (s *DisclosureStore) DisclosurePage(ctx context.Context, f core.DisclosureFilter) (core.DisclosurePage, error) {
	return s.disclosurePage(ctx, f, true)
}

func (s *DisclosureStore) disclosurePage(ctx context.Context, f core.DisclosureFilter, count bool) (core.DisclosurePage, error) {
	page := core.DisclosurePage{Requests: []core.DisclosureRequest{}}
	where, args := []string{"1 = 1"}, []any{}
	if f.Year > 0 {
		where = append(where, "r.received BETWEEN ? AND ?")
		args = append(args, fmt.Sprintf("%d-01-01", f.Year), fmt.Sprintf("%d-12-31", f.Year))
	}
	switch f.Status {
	case "open":
		where = append(where, "r.outcome < 0")
	case "answered":
		where = append(where, "r.outcome >= 0")
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		where = append(where, "(r.case_no LIKE ? OR r.applicant LIKE ? OR r.content LIKE ?)")
		like := "%" + q + "%"
		args = append(args, like, like, like)
	}
	return inRead(ctx, s.db, func(tx *Tx) (core.DisclosurePage, error) {
		cond := strings.Join(where, " AND ")
		if count {
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM disclosure_requests r WHERE `+cond, args...).Scan(&page.Total); err != nil {
				return page, err
			}
		}
		limit := ""
		if f.Limit > 0 {
			limit = fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, max(f.Offset, 0))
		}
		rs, err := queryAll(ctx, tx, scanDisclosure, `SELECT `+disclosureCols+disclosureFrom+` WHERE `+cond+
			` ORDER BY r.received DESC, r.id DESC`+limit, args...)
		if err != nil {
			return page, err
		}
		if !count {
			page.Total = len(rs)
		}
		if f.Limit > 0 && len(rs) > 0 {
			// a page reads the suspensions of its own requests only
			ids := make([]string, len(rs))
			for i, r := range rs {
				ids[i] = fmt.Sprint(r.ID)
			}
			by, err := pausesOf(ctx, tx, `WHERE request_id IN (`+strings.Join(ids, ",")+`)`)
			if err != nil {
				return page, err
			}
			for i := range rs {
				rs[i].Pauses = by[rs[i].ID]
				rs[i] = withClock(tx.db.rules.Disclosure, rs[i], s.cal(), tx.Now())
			}
			page.Requests = rs
			return page, nil
		}
		if rs, err = clocked(ctx, tx, tx.db.rules.Disclosure, rs, s.cal(), tx.Now()); err == nil && rs != nil {
			page.Requests = rs
		}
		return page, err
	})
}

// DisclosureRequest returns an application with its procedural history.
func (s *DisclosureStore) DisclosureRequest(ctx context.Context, id int64) (core.DisclosureDetail, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.DisclosureDetail, error) {
		return tx.disclosureDetail(ctx, s.cal(), id)
	})
}

func (tx *Tx) disclosureDetail(ctx context.Context, cal *calendar.Calendar, id int64) (core.DisclosureDetail, error) {
	r, err := tx.findDisclosure(ctx, cal, id)
	if err != nil {
		return core.DisclosureDetail{}, err
	}
	d := core.DisclosureDetail{Request: r}
	d.Events, err = queryAll(ctx, tx, func(sc scanner) (core.DisclosureEvent, error) {
		var e core.DisclosureEvent
		err := sc.Scan(&e.ID, &e.Kind, &e.Date, &e.Note, &e.ActorName, &e.CreatedAt)
		return e, err
	}, `SELECT id, kind, date, note, actor_name, created_at FROM disclosure_events WHERE request_id = ? ORDER BY id`, id)
	if err != nil {
		return d, err
	}
	d.Remedies, err = tx.remedies(ctx, `WHERE request_id = ? ORDER BY filed, id`, id)
	return d, err
}

func (tx *Tx) remedies(ctx context.Context, where string, args ...any) ([]core.DisclosureRemedy, error) {
	return queryAll(ctx, tx, func(sc scanner) (core.DisclosureRemedy, error) {
		var m core.DisclosureRemedy
		err := sc.Scan(&m.ID, &m.RequestID, &m.Kind, &m.Filed, &m.Forum, &m.Result, &m.Decided, &m.Note)
		return m, err
	}, `SELECT id, request_id, kind, filed, forum, result, decided, note FROM disclosure_remedies `+where, args...)
}

// SaveRemedy records (ID 0) or updates a 行政复议 or 行政诉讼 brought over an answered application, checked by
// disclosure.CheckAnsweredRemedy.
func (s *DisclosureStore) SaveRemedy(ctx context.Context, m core.DisclosureRemedy) (core.DisclosureDetail, error) {
	m.Forum, m.Note = strings.TrimSpace(m.Forum), strings.TrimSpace(m.Note)
	if m.Result == "" {
		m.Result = "尚未审结"
	}
	return inWrite(ctx, s.db, func(tx *Tx) (core.DisclosureDetail, error) {
		cal := s.cal()
		if m.ID != 0 {
			if err := tx.QueryRowContext(ctx, `SELECT request_id FROM disclosure_remedies WHERE id = ?`, m.ID).Scan(&m.RequestID); err != nil {
				return core.DisclosureDetail{}, notFound(err, "复议诉讼记录不存在(编号%d)", m.ID)
			}
		}
		r, err := tx.findDisclosure(ctx, cal, m.RequestID)
		if err != nil {
			return core.DisclosureDetail{}, err
		}
		if err := s.db.rules.Disclosure.CheckRemedy(r, m.Kind, m.Result, parseDay(m.Filed), parseDay(m.Decided), calendar.Day(tx.Now().In(core.Shanghai))); err != nil {
			return core.DisclosureDetail{}, err
		}
		if m.ID == 0 {
			_, err = tx.ExecContext(ctx, `INSERT INTO disclosure_remedies (request_id, kind, filed, forum, result, decided, note, created_at, created_by,
				updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.RequestID, m.Kind, m.Filed, m.Forum, m.Result, m.Decided, m.Note,
				tx.Stamp(), tx.actorID(), tx.Stamp(), tx.actorID())
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE disclosure_remedies SET kind = ?, filed = ?, forum = ?, result = ?, decided = ?, note = ?,
				updated_at = ?, updated_by = ? WHERE id = ?`, m.Kind, m.Filed, m.Forum, m.Result, m.Decided, m.Note, tx.Stamp(), tx.actorID(), m.ID)
		}
		if err != nil {
			return core.DisclosureDetail{}, err
		}
		if err := tx.addDisclosureEvent(ctx, r.ID, m.Kind, m.Filed, strings.TrimSpace(m.Forum+" "+m.Result)); err != nil {
			return core.DisclosureDetail{}, err
		}
		if err := tx.audit("update", "disclosure_request", r.ID, "登记"+m.Kind+" "+r.CaseNo, []Change{
			{Field: "kind", New: m.Kind}, {Field: "filed", New: m.Filed}, {Field: "result", New: m.Result}, {Field: "decided", New: m.Decided}}); err != nil {
			return core.DisclosureDetail{}, err
		}
		return tx.disclosureDetail(ctx, s.cal(), r.ID)
	})
}

// RemediesFiled reads the 行政复议 and 行政诉讼 filed in a year, for table 四 of its report.
func (s *DisclosureStore) RemediesFiled(ctx context.Context, year int) ([]core.DisclosureRemedy, error) {
	return inRead(ctx, s.db, func(tx *Tx) ([]core.DisclosureRemedy, error) {
		return tx.remedies(ctx, `WHERE filed BETWEEN ? AND ?`, fmt.Sprintf("%d-01-01", year), fmt.Sprintf("%d-12-31", year))
	})
}

func (tx *Tx) addDisclosureEvent(ctx context.Context, id int64, kind, date, note string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO disclosure_events (request_id, kind, date, note, created_at, created_by, actor_name)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, kind, date, note, tx.Stamp(), tx.actorID(), tx.actorName())
	return err
}

// RegisterDisclosure records a new application; the receipt date follows the channel's rule (第三十一条)
// and the case number is the next of the receipt year.
func (s *DisclosureStore) RegisterDisclosure(ctx context.Context, in core.DisclosureIntake) (core.DisclosureDetail, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.DisclosureDetail, error) {
		in, arrived, received, err := s.db.rules.Disclosure.CheckIntake(in, tx.Now())
		if err != nil {
			return core.DisclosureDetail{}, err
		}
		var seq int
		year := received.Year()
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM disclosure_requests WHERE received BETWEEN ? AND ?`,
			fmt.Sprintf("%d-01-01", year), fmt.Sprintf("%d-12-31", year)).Scan(&seq); err != nil {
			return core.DisclosureDetail{}, err
		}
		caseNo := ""
		for n := seq + 1; ; n++ {
			caseNo = fmt.Sprintf("依申请〔%d〕%03d号", year, n)
			var taken int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM disclosure_requests WHERE case_no = ?`, caseNo).Scan(&taken); err != nil {
				return core.DisclosureDetail{}, err
			}
			if taken == 0 {
				break
			}
		}
		id, err := tx.insert(ctx, `INSERT INTO disclosure_requests (case_no, channel, arrived, confirmed, received, applicant,
			applicant_type, id_number, contact, content, form, delivery, section_id, handler_id, created_at, created_by, updated_at, updated_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			caseNo, in.Channel, calendar.FormatDate(arrived), in.Confirmed, calendar.FormatDate(received), in.Applicant, in.ApplicantType,
			in.IDNumber, in.Contact, in.Content, in.Form, in.Delivery,
			nullID(in.SectionID), nullID(in.HandlerID), tx.Stamp(), tx.actorID(), tx.Stamp(), tx.actorID())
		if err != nil {
			return core.DisclosureDetail{}, err
		}
		if err := tx.addDisclosureEvent(ctx, id, "登记", calendar.FormatDate(received), in.Channel+"申请，收到申请之日"+calendar.FormatDate(received)); err != nil {
			return core.DisclosureDetail{}, err
		}
		if err := tx.audit("create", "disclosure_request", id, "登记依申请公开 "+caseNo+" "+in.Applicant, []Change{
			{Field: "case_no", New: caseNo}, {Field: "received", New: calendar.FormatDate(received)}, {Field: "applicant", New: in.Applicant},
			{Field: "applicant_type", New: in.ApplicantType}, {Field: "content", New: in.Content}}); err != nil {
			return core.DisclosureDetail{}, err
		}
		return tx.disclosureDetail(ctx, s.cal(), id)
	})
}

// change runs one procedural step on a request inside a transaction.
func (s *DisclosureStore) change(ctx context.Context, id int64, step func(tx *Tx, r core.DisclosureRequest) error) (core.DisclosureDetail, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.DisclosureDetail, error) {
		r, err := tx.findDisclosure(ctx, s.cal(), id)
		if err != nil {
			return core.DisclosureDetail{}, err
		}
		if err := step(tx, r); err != nil {
			return core.DisclosureDetail{}, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE disclosure_requests SET updated_at = ?, updated_by = ? WHERE id = ?`, tx.Stamp(), tx.actorID(), id); err != nil {
			return core.DisclosureDetail{}, err
		}
		return tx.disclosureDetail(ctx, s.cal(), id)
	})
}

// SendCorrection records the 补正告知书 (once, within 7 working days of receipt, 条例第三十条).
func (s *DisclosureStore) SendCorrection(ctx context.Context, id int64, sent, by, note string) (core.DisclosureDetail, error) {
	return s.change(ctx, id, func(tx *Tx, r core.DisclosureRequest) error {
		sentDay, err := tx.db.rules.Disclosure.DateField("sent", "补正告知书发出日期", sent, tx.Now())
		if err != nil {
			return err
		}
		byDay, err := tx.db.rules.Disclosure.CheckCorrection(s.cal(), r, sentDay, by)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE disclosure_requests SET correction_sent = ?, correction_by = ? WHERE id = ?`,
			calendar.FormatDate(sentDay), calendar.FormatDate(byDay), id); err != nil {
			return err
		}
		if err := tx.addDisclosureEvent(ctx, id, "补正告知", calendar.FormatDate(sentDay), "补正期限"+calendar.FormatDate(byDay)+strings.TrimSpace("；"+note)); err != nil {
			return err
		}
		return tx.audit("update", "disclosure_request", id, "发出补正告知书 "+r.CaseNo, []Change{
			{Field: "correction_sent", Old: "", New: calendar.FormatDate(sentDay)}, {Field: "correction_by", Old: "", New: calendar.FormatDate(byDay)}})
	})
}

// ReceiveCorrection records the corrected application; the answer period restarts from that day.
func (s *DisclosureStore) ReceiveCorrection(ctx context.Context, id int64, date string) (core.DisclosureDetail, error) {
	return s.change(ctx, id, func(tx *Tx, r core.DisclosureRequest) error {
		day, err := tx.db.rules.Disclosure.DateField("date", "收到补正之日", date, tx.Now())
		if err != nil {
			return err
		}
		if err := tx.db.rules.Disclosure.CheckCorrectionReceived(r, day); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE disclosure_requests SET corrected = ? WHERE id = ?`, calendar.FormatDate(day), id); err != nil {
			return err
		}
		if err := tx.addDisclosureEvent(ctx, id, "收到补正", calendar.FormatDate(day), "答复期限自收到补正之日起重新计算"); err != nil {
			return err
		}
		return tx.audit("update", "disclosure_request", id, "收到补正 "+r.CaseNo, []Change{{Field: "corrected", Old: "", New: calendar.FormatDate(day)}})
	})
}

// pause records a suspension started (ID 0) or ended, with its register line and audit, in the step's transaction.
func (tx *Tx) savePause(ctx context.Context, r core.DisclosureRequest, p core.DisclosurePause, kind, summary string) error {
	var err error
	if p.ID == 0 {
		_, err = tx.ExecContext(ctx, `INSERT INTO disclosure_pauses (request_id, kind, party, started, due, fee_basis, fee_count, fee_before,
			fee_amount, note, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.ID, p.Kind, p.Party, p.Started, p.Due, p.FeeBasis, p.FeeCount, p.FeeBefore, p.FeeAmount, p.Note,
			tx.Stamp(), tx.actorID(), tx.Stamp(), tx.actorID())
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE disclosure_pauses SET ended = ?, result = ?, note = ?, updated_at = ?, updated_by = ?
			WHERE id = ? AND ended = ''`, p.Ended, p.Result, p.Note, tx.Stamp(), tx.actorID(), p.ID)
	}
	if err != nil {
		return err
	}
	date := p.Started
	if p.Ended != "" {
		date = p.Ended
	}
	if err := tx.addDisclosureEvent(ctx, r.ID, kind, date, tx.db.rules.Disclosure.PauseNote(p)); err != nil {
		return err
	}
	changes := []Change{{Field: "kind", New: p.Kind}, {Field: "started", New: p.Started}, {Field: "due", New: p.Due}}
	if p.Ended != "" {
		changes = []Change{{Field: "ended", Old: "", New: p.Ended}, {Field: "result", Old: "", New: p.Result}}
	} else if p.Kind == core.PauseFee {
		changes = append(changes, Change{Field: "fee_amount", New: p.FeeAmount})
	}
	return tx.audit("update", "disclosure_request", r.ID, summary+" "+r.CaseNo, changes)
}

// ConsultThirdParty records the 第三方意见征询函 sent: the count stops until the opinion arrives, for 15 working
// days at most (条例第三十二条).
func (s *DisclosureStore) ConsultThirdParty(ctx context.Context, in core.DisclosurePauseInput) (core.DisclosureDetail, error) {
	return s.change(ctx, in.RequestID, func(tx *Tx, r core.DisclosureRequest) error {
		sent, err := tx.db.rules.Disclosure.DateField("date", "征询函发出日期", in.Date, tx.Now())
		if err != nil {
			return err
		}
		p, err := tx.db.rules.Disclosure.CheckConsult(s.cal(), r, in, sent, calendar.Day(tx.Now().In(core.Shanghai)))
		if err != nil {
			return err
		}
		return tx.savePause(ctx, r, p, "征询第三方", "征求第三方意见")
	})
}

// SendFeeNotice records the 收费通知书 sent, with the fee by the tiers of 109号 counted from what the same
// applicant (same name and ID number) already asked for in the month of receipt; the count stops until payment.
func (s *DisclosureStore) SendFeeNotice(ctx context.Context, in core.DisclosurePauseInput) (core.DisclosureDetail, error) {
	return s.change(ctx, in.RequestID, func(tx *Tx, r core.DisclosureRequest) error {
		sent, err := tx.db.rules.Disclosure.DateField("date", "收费通知书发出日期", in.Date, tx.Now())
		if err != nil {
			return err
		}
		var before int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(SUM(p.fee_count), 0) FROM disclosure_pauses p
			JOIN disclosure_requests o ON o.id = p.request_id
			WHERE p.kind = ? AND p.fee_basis = ? AND o.id <> ? AND o.applicant = ? AND o.id_number = ? AND substr(o.received, 1, 7) = ?`,
			core.PauseFee, strings.TrimSpace(in.FeeBasis), r.ID, r.Applicant, r.IDNumber, r.Received[:min(7, len(r.Received))]).Scan(&before); err != nil {
			return err
		}
		p, err := tx.db.rules.Disclosure.CheckFeeNotice(s.cal(), r, in, before, sent, calendar.Day(tx.Now().In(core.Shanghai)))
		if err != nil {
			return err
		}
		return tx.savePause(ctx, r, p, "收费通知", "发出收费通知书")
	})
}

// EndPause records the third party's opinion (kind 第三方) or the applicant's payment (收费): the count resumes.
func (s *DisclosureStore) EndPause(ctx context.Context, kind string, in core.DisclosurePauseInput) (core.DisclosureDetail, error) {
	return s.change(ctx, in.RequestID, func(tx *Tx, r core.DisclosureRequest) error {
		label, event, summary := "收到第三方意见之日", "第三方意见", "登记第三方意见"
		if kind == core.PauseFee {
			label, event, summary = "缴费日期", "缴费", "登记缴纳信息处理费"
		}
		ended, err := tx.db.rules.Disclosure.DateField("date", label, in.Date, tx.Now())
		if err != nil {
			return err
		}
		p, err := tx.db.rules.Disclosure.CheckPauseEnd(r, kind, in, ended)
		if err != nil {
			return err
		}
		return tx.savePause(ctx, r, p, event, summary)
	})
}

// AssignDisclosure gives the request to a section and, optionally, a person of it (分办).
func (s *DisclosureStore) AssignDisclosure(ctx context.Context, id, sectionID, handlerID int64) (core.DisclosureDetail, error) {
	return s.change(ctx, id, func(tx *Tx, r core.DisclosureRequest) error {
		var section, handler string
		var handlerSection int64
		if sectionID != 0 {
			if err := tx.QueryRowContext(ctx, `SELECT name FROM sections WHERE id = ?`, sectionID).Scan(&section); err != nil {
				return notFound(err, "科室不存在(编号%d)", sectionID)
			}
		}
		if handlerID != 0 {
			if err := tx.QueryRowContext(ctx, `SELECT name, COALESCE(section_id, 0) FROM people WHERE id = ? AND active = 1`, handlerID).
				Scan(&handler, &handlerSection); err != nil {
				return notFound(err, "人员不存在或已停用(编号%d)", handlerID)
			}
		}
		if err := tx.db.rules.Disclosure.CheckAssign(r, sectionID, handlerID, handlerSection); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE disclosure_requests SET section_id = ?, handler_id = ? WHERE id = ?`,
			nullID(sectionID), nullID(handlerID), id); err != nil {
			return err
		}
		today := calendar.FormatDate(calendar.Day(tx.Now().In(core.Shanghai)))
		if err := tx.addDisclosureEvent(ctx, id, "分办", today, tx.db.rules.Disclosure.AssignNote(section, handler)); err != nil {
			return err
		}
		return tx.audit("update", "disclosure_request", id, "分办 "+r.CaseNo, []Change{
			{Field: "section", Old: r.SectionName, New: section}, {Field: "handler", Old: r.HandlerName, New: handler}})
	})
}

// AddDisclosureNote records a 会商 or the legal adviser's opinion on the request.
func (s *DisclosureStore) AddDisclosureNote(ctx context.Context, id int64, kind, date, text string) (core.DisclosureDetail, error) {
	return s.change(ctx, id, func(tx *Tx, r core.DisclosureRequest) error {
		on, err := tx.db.rules.Disclosure.DateField("date", "日期", date, tx.Now())
		if err != nil {
			return err
		}
		if text, err = tx.db.rules.Disclosure.CheckNote(r, kind, text, on); err != nil {
			return err
		}
		if err := tx.addDisclosureEvent(ctx, id, kind, calendar.FormatDate(on), text); err != nil {
			return err
		}
		return tx.audit("update", "disclosure_request", id, "记录"+kind+" "+r.CaseNo, []Change{{Field: kind, New: text}})
	})
}

// SaveAnswerDraft records the answer drafted for sign-off (答复类型 and 答复要点) by the acting person.
func (s *DisclosureStore) SaveAnswerDraft(ctx context.Context, id int64, outcome int, text string) (core.DisclosureDetail, error) {
	return s.change(ctx, id, func(tx *Tx, r core.DisclosureRequest) error {
		text, err := tx.db.rules.Disclosure.CheckDraft(r, outcome, text)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE disclosure_requests SET draft_outcome = ?, draft_text = ?, draft_by = ? WHERE id = ?`,
			outcome, text, tx.actorID(), id); err != nil {
			return err
		}
		label := tx.db.rules.Disclosure.OutcomeLabel(outcome)
		today := calendar.FormatDate(calendar.Day(tx.Now().In(core.Shanghai)))
		if err := tx.addDisclosureEvent(ctx, id, "拟稿", today, "答复稿："+label); err != nil {
			return err
		}
		return tx.audit("update", "disclosure_request", id, "拟写答复稿 "+r.CaseNo, []Change{
			{Field: "draft_outcome", Old: tx.db.rules.Disclosure.OutcomeLabel(r.DraftOutcome), New: label}, {Field: "draft_text", Old: r.DraftText, New: text}})
	})
}

// ExtendDisclosure records the approved extension of at most 20 working days (条例第三十三条).
func (s *DisclosureStore) ExtendDisclosure(ctx context.Context, id int64, approver, reason string) (core.DisclosureDetail, error) {
	approver = strings.TrimSpace(approver)
	return s.change(ctx, id, func(tx *Tx, r core.DisclosureRequest) error {
		if err := tx.db.rules.Disclosure.CheckExtend(r, approver); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE disclosure_requests SET extended = 1, extension_by = ? WHERE id = ?`, approver, id); err != nil {
			return err
		}
		today := calendar.FormatDate(calendar.Day(tx.Now().In(core.Shanghai)))
		note := "经" + approver + "同意延长20个工作日"
		if reason = strings.TrimSpace(reason); reason != "" {
			note += "；" + reason
		}
		if err := tx.addDisclosureEvent(ctx, id, "延期", today, note); err != nil {
			return err
		}
		return tx.audit("update", "disclosure_request", id, "延期答复 "+r.CaseNo, []Change{
			{Field: "extended", Old: false, New: true}, {Field: "extension_by", Old: "", New: approver}})
	})
}

// AnswerDisclosure records the answer with its result row of table 三 and its delivery.
func (s *DisclosureStore) AnswerDisclosure(ctx context.Context, a core.DisclosureAnswer) (core.DisclosureDetail, error) {
	return s.change(ctx, a.ID, func(tx *Tx, r core.DisclosureRequest) error {
		day, err := tx.db.rules.Disclosure.DateField("date", "答复日期", a.Date, tx.Now())
		if err != nil {
			return err
		}
		if strings.TrimSpace(a.Text) == "" {
			a.Text = r.DraftText // the signed draft's text is the answer's
		}
		if a, err = tx.db.rules.Disclosure.CheckAnswer(r, a, day); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE disclosure_requests SET outcome = ?, answer_date = ?, answer_method = ?, answer_ref = ?,
			answer_text = ? WHERE id = ?`, a.Outcome, calendar.FormatDate(day), a.Method, a.Ref, a.Text, a.ID); err != nil {
			return err
		}
		note := tx.db.rules.Disclosure.AnswerNote(r, a, day)
		if err := tx.addDisclosureEvent(ctx, a.ID, "答复", calendar.FormatDate(day), note); err != nil {
			return err
		}
		return tx.audit("update", "disclosure_request", a.ID, "答复依申请公开 "+r.CaseNo, []Change{
			{Field: "outcome", Old: "", New: tx.db.rules.Disclosure.OutcomeLabel(a.Outcome)}, {Field: "answer_date", Old: "", New: calendar.FormatDate(day)}})
	})
}

// RequestsUpTo reads every application received by the end of a year, with its status, for table 三 of
// the year's report (the year's new applications, the carry-over and the carry-forward).
func (s *DisclosureStore) RequestsUpTo(ctx context.Context, year int) ([]core.DisclosureRequest, error) {
	return inRead(ctx, s.db, func(tx *Tx) ([]core.DisclosureRequest, error) {
		rs, err := queryAll(ctx, tx, scanDisclosure, `SELECT `+disclosureCols+disclosureFrom+` WHERE r.received <= ? ORDER BY r.received, r.id`,
			fmt.Sprintf("%d-12-31", year))
		if err != nil {
			return nil, err
		}
		return clocked(ctx, tx, tx.db.rules.Disclosure, rs, s.cal(), tx.Now())
	})
}

// Deadlines implements core.DeadlineSource: the open applications' 答复期限, 补正期限 and, within the
// first days, the 补正告知期限.
func (s *DisclosureStore) Deadlines(ctx context.Context, now time.Time) ([]core.Deadline, error) {
	rs, err := s.DisclosureRequests(ctx, core.DisclosureFilter{Status: "open"})
	if err != nil {
		return nil, err
	}
	out := []core.Deadline{}
	for _, r := range rs {
		link := fmt.Sprintf("/disclosure/%d", r.ID)
		title := r.CaseNo + " " + r.Applicant
		switch r.Status {
		case core.DisclosureOpen:
			out = append(out, core.Deadline{Module: "依申请公开", Kind: "disclosure.answer_due", Title: title + " 答复期限",
				Detail: "申请公开：" + r.Content, Due: r.Due, Status: r.CountdownStatus, Label: r.CountdownLabel, Workdays: r.Workdays, Link: link, PersonID: r.HandlerID, SectionID: r.SectionID})
		case core.DisclosureConsulting:
			out = append(out, core.Deadline{Module: "依申请公开", Kind: "disclosure.third_party_due", Title: title + " 第三方意见期限",
				Detail: "期间不计入答复期限；逾期未提出意见的，由本机关依法决定是否公开", Due: calendar.FormatDate(runningDue(r)), Status: r.CountdownStatus,
				Label: r.CountdownLabel, Workdays: r.Workdays, Link: link, PersonID: r.HandlerID, SectionID: r.SectionID})
		case core.DisclosureAwaitsFee, core.DisclosureFeeLapsed:
			out = append(out, core.Deadline{Module: "依申请公开", Kind: "disclosure.fee_due", Title: title + " 缴费期限",
				Detail: "逾期未缴费的，按其他处理办结", Due: calendar.FormatDate(runningDue(r)), Status: r.CountdownStatus,
				Label: r.CountdownLabel, Workdays: r.Workdays, Link: link, PersonID: r.HandlerID, SectionID: r.SectionID})
		case core.DisclosureCorrecting, core.DisclosureLapsed:
			out = append(out, core.Deadline{Module: "依申请公开", Kind: "disclosure.correction_by", Title: title + " 补正期限",
				Detail: "逾期未补正的，按其他处理办结", Due: r.CorrectionBy, Status: r.CountdownStatus, Label: r.CountdownLabel, Workdays: r.Workdays, Link: link, PersonID: r.HandlerID, SectionID: r.SectionID})
		}
	}
	today := calendar.Day(now.In(core.Shanghai))
	if year, due, ok := s.db.rules.Disclosure.AnnualReportDue(today); ok && !s.published(ctx, year) {
		cd := s.cal().Countdown(today, due)
		out = append(out, core.Deadline{Module: "依申请公开", Kind: "disclosure.annual_report", Title: fmt.Sprintf("%d年政府信息公开工作年度报告", year),
			Detail: "1月31日前向社会公布；表三由依申请公开登记簿生成", Due: calendar.FormatDate(due), Status: cd.Status, Label: cd.Label,
			Workdays: cd.Workdays, Link: "/disclosure"})
	}
	return out, nil
}

// published reports whether the year's annual report has been recorded as published (its countdown then stops).
func (s *DisclosureStore) published(ctx context.Context, year int) bool {
	e, err := s.AnnualEdits(ctx, year)
	return err == nil && e.PublishedDate != ""
}

// ImportRegister adds the rows of an existing 登记台账 (checked by disclosure.ParseRegister) in one
// transaction: all or nothing. A case number already in the register refuses the whole file, naming it.
func (s *DisclosureStore) ImportRegister(ctx context.Context, file string, rows []core.DisclosureRecord) (int, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (int, error) {
		for _, r := range rows {
			var taken int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM disclosure_requests WHERE case_no = ?`, r.No).Scan(&taken); err != nil {
				return 0, err
			}
			if taken > 0 {
				return 0, core.Errorf(core.ECONFLICT, "%s：编号“%s”已在登记簿中，整个文件未导入（是否已导入过？）", file, r.No)
			}
			received, answered := calendar.FormatDate(r.Received), ""
			if !r.Answered.IsZero() {
				answered = calendar.FormatDate(r.Answered)
			}
			id, err := tx.insert(ctx, `INSERT INTO disclosure_requests (case_no, channel, arrived, received, applicant, applicant_type,
				content, outcome, answer_date, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				r.No, r.Channel, received, received, r.Applicant, s.db.rules.Disclosure.ColumnLabel(r.Column), r.Content, r.Outcome, answered,
				tx.Stamp(), tx.actorID(), tx.Stamp(), tx.actorID())
			if err != nil {
				return 0, err
			}
			if err := tx.addDisclosureEvent(ctx, id, "登记", received, "由登记台账“"+file+"”导入"); err != nil {
				return 0, err
			}
			if answered != "" {
				if err := tx.addDisclosureEvent(ctx, id, "答复", answered, s.db.rules.Disclosure.OutcomeLabel(r.Outcome)); err != nil {
					return 0, err
				}
			}
		}
		if err := tx.audit("import", "disclosure_request", 0, fmt.Sprintf("导入依申请公开登记台账 %s（%d件）", file, len(rows)),
			[]Change{{Field: "rows", New: len(rows)}}); err != nil {
			return 0, err
		}
		return len(rows), nil
	})
}

// Issuer is the bureau whose name and numbers the register's letters carry.
func (s *DisclosureStore) Issuer(ctx context.Context) (core.Bureau, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.Bureau, error) {
		return readBureau(ctx, tx)
	})
}

// AnswerDraft reads a request with its answer draft and where the draft's sign-off stands, for its 审签单.
func (s *InterpretationStore) AnswerDraft(ctx context.Context, requestID int64) (core.DisclosureRequest, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.DisclosureRequest, error) {
		return tx.findDisclosure(ctx, s.cal(), requestID)
	})
}
