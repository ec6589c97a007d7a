package demo

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/disclosure"
	"policydesk/internal/mailbox"
	"policydesk/internal/routing"
)

// seedDays are the first-run moments the demo is checked at: the end-to-end tests' Friday, a morning just
// after the 国庆 holiday (the season then spans the holiday and its 调休 Sundays) and a Monday in spring.
var seedDays = []time.Time{
	time.Date(2026, 11, 20, 9, 30, 0, 0, core.Shanghai),
	time.Date(2026, 10, 9, 8, 45, 0, 0, core.Shanghai),
	time.Date(2027, 3, 15, 14, 10, 0, 0, core.Shanghai),
}

// approvalStamp is one signature of the demo: who signed which step of what, and when.
type approvalStamp struct {
	what, step, signer, at string
}

// approvals collects every signature of a seeded demo: the sign-off rounds of policies, interpretations and
// the 采纳情况说明, and the reviews of mailbox replies and clock stops.
func approvals(t *testing.T, s *seeded) []approvalStamp {
	t.Helper()
	var out []approvalStamp
	signed := func(what, subjectType string, id int64) {
		so, err := s.interpretations.Signoff(s.ctx, subjectType, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range append(so.History, so.Steps...) {
			if st.Decision != "" {
				out = append(out, approvalStamp{what, st.StepName, st.PersonName, st.ActedAt})
			}
		}
	}
	page, err := s.policies.Policies(s.ctx, core.PolicyFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range page.Policies {
		signed("policy "+p.Title, core.SubjectPolicy, p.ID)
	}
	list, err := s.interpretations.Interpretations(s.ctx, core.InterpretationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range list {
		signed("interpretation "+in.Title, core.SubjectInterpretation, in.ID)
	}
	cs, err := s.consultations.Consultations(s.ctx, core.ConsultationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs.Consultations {
		signed("report "+c.PolicyTitle, core.SubjectReport, c.ID)
	}
	msgs, err := s.mailbox.Messages(s.ctx, core.MessageFilter{PageSize: 500})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs.Items {
		d, err := s.mailbox.Message(s.ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range d.Approvals {
			if a.Decision != "" {
				out = append(out, approvalStamp{"message " + m.Subject, a.StepName, a.PersonName, a.ActedAt})
			}
		}
		for _, e := range d.Events {
			if e.Kind == "恢复计时" || (e.Kind == "停止计时" && e.ApproverName != "") {
				out = append(out, approvalStamp{"clock stop " + m.Subject, e.Kind, e.PersonName, e.At})
			}
		}
	}
	return out
}

func parseStamp(t *testing.T, stamp string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		t.Fatalf("stamp %q: %v", stamp, err)
	}
	return at.In(core.Shanghai)
}

func parseDay(t *testing.T, d string) time.Time {
	t.Helper()
	day, err := time.ParseInLocation("2006-01-02", d, core.Shanghai)
	if err != nil {
		t.Fatalf("date %q: %v", d, err)
	}
	return day
}

// The demo reads as a real bureau's season wherever it is first run: records are drafted before they are
// consulted on, signed off and published; interpretations go online with their policy or within three working
// days (三同步); every signature is a working-day moment by the step's own signer; the mailbox answers on time.
func TestDemoIsCoherent(t *testing.T) {
	for _, now := range seedDays {
		t.Run(now.Format("2006-01-02"), func(t *testing.T) {
			s := seedDemo(t, now)
			t.Run("policy timelines", func(t *testing.T) { checkPolicyTimelines(t, s) })
			t.Run("approvals in office hours", func(t *testing.T) { checkApprovalTimes(t, s) })
			t.Run("sign-off chains", func(t *testing.T) { checkSignoffChains(t, s) })
			t.Run("mailbox on time", func(t *testing.T) { checkMailboxOnTime(t, s) })
			t.Run("message timelines", func(t *testing.T) { checkMessageTimelines(t, s) })
			t.Run("labeled history", func(t *testing.T) { checkHistory(t, s) })
			t.Run("no doubled headings", func(t *testing.T) { checkHeadings(t, s) })
			t.Run("adoption reasons", func(t *testing.T) { checkReasons(t, s) })
			t.Run("years follow the clock", func(t *testing.T) { checkYears(t, s, now) })
			t.Run("annual report from the records", func(t *testing.T) { checkAnnualReport(t, s, now.Year()) })
			if s.db.Clock != core.Clock(s.clock) || !s.clock.Now().Equal(now) {
				t.Errorf("seeding left the clock at %v", s.db.Clock.Now())
			}
			if check, err := s.db.VerifyAudit(s.ctx); err != nil || !check.OK {
				t.Errorf("audit: %+v %v", check, err)
			}
		})
	}
}

func checkPolicyTimelines(t *testing.T, s *seeded) {
	page, err := s.policies.Policies(s.ctx, core.PolicyFilter{Limit: 100})
	if err != nil || page.Total < 4 {
		t.Fatalf("policies: %d %v", page.Total, err)
	}
	today := calendar.Day(s.clock.Now())
	for _, p := range page.Policies {
		d, err := s.policies.Policy(s.ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		drafted := parseStamp(t, p.CreatedAt)
		for _, v := range d.Versions {
			if parseDay(t, v.VersionDate).Before(calendar.Day(drafted)) {
				t.Errorf("%s: %s dated %s, before the policy was registered %s", p.Title, v.Kind, v.VersionDate, p.CreatedAt)
			}
		}
		last := drafted // the latest of what must come before sign-off
		for _, c := range d.Consultations {
			open := parseDay(t, c.OpenDate)
			if !open.After(calendar.Day(drafted)) {
				t.Errorf("%s: consultation opened %s, not after drafting began %s", p.Title, c.OpenDate, p.CreatedAt)
			}
			if !s.cal.IsWorkday(open) {
				t.Errorf("%s: consultation opened on a rest day %s", p.Title, c.OpenDate)
			}
			if parseDay(t, c.CloseDate).Before(today) && parseDay(t, c.CloseDate).After(last) {
				last = parseDay(t, c.CloseDate)
			}
		}
		panel, err := s.interpretations.SyncPanel(s.ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		rows := append([]core.SyncRow{panel.Policy}, panel.Interpretations...)
		for _, r := range rows {
			if r.Drafted == "" || r.Drafted > date(today) {
				t.Errorf("%s: drafted %q", r.Title, r.Drafted)
			}
			if r.Approved != "" && r.Approved < r.Drafted {
				t.Errorf("%s: approved %s before it was drafted %s", r.Title, r.Approved, r.Drafted)
			}
			if r.Published != "" && (r.Approved == "" || r.Published < r.Approved) {
				t.Errorf("%s: published %s, approved %q", r.Title, r.Published, r.Approved)
			}
		}
		so, err := s.interpretations.Signoff(s.ctx, core.SubjectPolicy, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if so.Round > 0 && len(so.Steps) > 0 && so.Steps[0].ActedAt != "" && !parseStamp(t, so.Steps[0].ActedAt).After(last) {
			t.Errorf("%s: sign-off began %s, before the consultation closed %s", p.Title, so.Steps[0].ActedAt, last)
		}
		if p.Status == core.PolicyPublished {
			if !so.Complete {
				t.Errorf("%s published without a complete sign-off", p.Title)
			}
			for _, in := range panel.Interpretations {
				if in.Approved == "" || in.Approved > panel.Policy.Approved {
					t.Errorf("同步审签: %s approved %q, policy %s", in.Title, in.Approved, panel.Policy.Approved)
				}
				if in.Published == "" {
					if in.DueStatus != calendar.StatusOverdue && in.DueStatus != calendar.StatusDueToday && in.DueStatus != "pending" && in.DueStatus != "open" {
						t.Logf("%s unpublished, %s", in.Title, in.DueStatus)
					}
					continue
				}
				limit := s.cal.AddWorkdays(parseDay(t, p.PublishedDate), core.InterpretationLag)
				if in.Published < p.PublishedDate || in.Published > date(limit) {
					t.Errorf("同步发布: %s published %s, policy %s", in.Title, in.Published, p.PublishedDate)
				}
			}
		}
		if panel.Policy.Approved == "" && panel.ApprovalOK && len(panel.Interpretations) == 0 && p.Status != core.PolicyDrafting {
			t.Errorf("%s: 未审签 beside 同步审签 ✓ with nothing to sign", p.Title)
		}
	}
	// the published report's date follows its sign-off
	cs, err := s.consultations.Consultations(s.ctx, core.ConsultationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs.Consultations {
		if c.ReportPublished == "" {
			continue
		}
		so, err := s.interpretations.Signoff(s.ctx, core.SubjectReport, c.ID)
		if err != nil || !so.Complete {
			t.Fatalf("report of %s published without a complete sign-off: %+v %v", c.PolicyTitle, so, err)
		}
		if c.ReportPublished < so.CompletedAt[:10] || c.ReportPublished <= c.CloseDate {
			t.Errorf("report of %s published %s; closed %s, signed %s", c.PolicyTitle, c.ReportPublished, c.CloseDate, so.CompletedAt)
		}
	}
	// a 采纳情况说明 is signed only once its period has closed, and the draft put out for comment was written
	// before the period opened
	for _, c := range cs.Consultations {
		so, err := s.interpretations.Signoff(s.ctx, core.SubjectReport, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range append(so.History, so.Steps...) {
			if st.ActedAt != "" && date(parseStamp(t, st.ActedAt)) <= c.CloseDate {
				t.Errorf("report of %s: %s signed %s, before the period closed %s", c.PolicyTitle, st.StepName, st.ActedAt, c.CloseDate)
			}
		}
		d, err := s.policies.Policy(s.ctx, c.PolicyID)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range d.Versions {
			if v.ID == c.VersionID && v.VersionDate > c.OpenDate {
				t.Errorf("%s: the draft for comment is dated %s, after the period opened %s", c.PolicyTitle, v.VersionDate, c.OpenDate)
			}
		}
	}
}

// checkMessageTimelines: each message's record runs forward from its receipt and never into the future; what
// staff do (分办, 承办, 提交审核, 答复, 公开, 转办, clock stops) happens on working days in office hours, by a
// person; what the system does on arrival (收件, 自动分办) may happen at any hour.
func checkMessageTimelines(t *testing.T, s *seeded) {
	msgs, err := s.mailbox.Messages(s.ctx, core.MessageFilter{PageSize: 500})
	if err != nil {
		t.Fatal(err)
	}
	now := s.clock.Now()
	for _, m := range msgs.Items {
		d, err := s.mailbox.Message(s.ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		received := parseStamp(t, d.Message.ReceivedAt)
		prev := received
		for _, e := range d.Events {
			at := parseStamp(t, e.At)
			if at.Before(prev) || at.After(now) {
				t.Errorf("message %q: %s at %s, after %s / now %s", m.Subject, e.Kind, e.At, prev.Format(time.RFC3339), now.Format(time.RFC3339))
			}
			prev = at
			switch e.Kind {
			case "收件", "自动分办": // the system's, on arrival: at any hour (the timeline shows them as 系统's)
			default:
				minutes := at.Hour()*60 + at.Minute()
				if e.PersonName == "" || !s.cal.IsWorkday(calendar.Day(at)) || minutes < officeOpen || minutes > officeClose {
					t.Errorf("message %q: %s by %q at %s, not a person in office hours", m.Subject, e.Kind, e.PersonName, e.At)
				}
			}
		}
		if d.Message.RepliedAt != "" && parseStamp(t, d.Message.RepliedAt).Before(received) {
			t.Errorf("message %q replied %s before it was received %s", m.Subject, d.Message.RepliedAt, d.Message.ReceivedAt)
		}
	}
}

func checkApprovalTimes(t *testing.T, s *seeded) {
	stamps := approvals(t, s)
	if len(stamps) < 40 {
		t.Fatalf("only %d approvals", len(stamps))
	}
	seen := map[string]approvalStamp{}
	now := s.clock.Now()
	for _, a := range stamps {
		at := parseStamp(t, a.at)
		minutes := at.Hour()*60 + at.Minute()
		if !s.cal.IsWorkday(calendar.Day(at)) || minutes < officeOpen || minutes > officeClose {
			t.Errorf("%s %s by %s at %s: not in office hours on a working day", a.what, a.step, a.signer, a.at)
		}
		if at.After(now) {
			t.Errorf("%s %s signed in the future (%s)", a.what, a.step, a.at)
		}
		// nobody signs two things in the same minute, and no two signatures share their moment
		for _, k := range []string{a.signer + at.Format(" 2006-01-02 15:04"), at.Format(time.RFC3339)} {
			if b, ok := seen[k]; ok {
				t.Errorf("%s (%s by %s) and %s (%s by %s) signed at %s", a.what, a.step, a.signer, b.what, b.step, b.signer, a.at)
			}
			seen[k] = a
		}
	}
}

func checkSignoffChains(t *testing.T, s *seeded) {
	people, err := s.settings.People(s.ctx)
	if err != nil {
		t.Fatal(err)
	}
	secs, err := s.settings.Sections(s.ctx)
	if err != nil {
		t.Fatal(err)
	}
	name := map[int64]string{}
	for _, p := range people {
		name[p.ID] = p.Name
	}
	head, leader := map[string]string{}, map[string]string{}
	for _, sec := range secs {
		head[sec.Name], leader[sec.Name] = name[sec.HeadID], name[sec.LeaderID]
	}
	check := func(what, section string, so core.Signoff, wantComplete bool) {
		if wantComplete && !so.Complete {
			t.Errorf("%s: sign-off not complete (%+v)", what, so)
			return
		}
		if !so.Complete {
			return
		}
		want := []string{head[section], leader[section], SecrecyReviewer}
		if len(so.Steps) != len(want) {
			t.Errorf("%s: %d steps", what, len(so.Steps))
			return
		}
		signed := map[string]bool{}
		var prev time.Time
		for i, st := range so.Steps {
			if st.PersonName != want[i] || st.Decision != core.DecisionApprove {
				t.Errorf("%s step %s: %s %s, want %s 同意", what, st.StepName, st.PersonName, st.Decision, want[i])
			}
			if signed[st.PersonName] {
				t.Errorf("%s: %s signed twice", what, st.PersonName)
			}
			signed[st.PersonName] = true
			at := parseStamp(t, st.ActedAt)
			if !at.After(prev) {
				t.Errorf("%s: step %s at %s, not after the step before", what, st.StepName, st.ActedAt)
			}
			prev = at
		}
	}
	page, err := s.policies.Policies(s.ctx, core.PolicyFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	section := map[int64]string{}
	for _, p := range page.Policies {
		section[p.ID] = p.SectionName
		so, err := s.interpretations.Signoff(s.ctx, core.SubjectPolicy, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		check("policy "+p.Title, p.SectionName, so, p.Status == core.PolicyPublished)
	}
	list, err := s.interpretations.Interpretations(s.ctx, core.InterpretationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range list {
		so, err := s.interpretations.Signoff(s.ctx, core.SubjectInterpretation, in.ID)
		if err != nil {
			t.Fatal(err)
		}
		check("interpretation "+in.Title, in.SectionName, so, in.Status == core.InterpApproved || in.Status == core.InterpPublished)
	}
	cs, err := s.consultations.Consultations(s.ctx, core.ConsultationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs.Consultations {
		so, err := s.interpretations.Signoff(s.ctx, core.SubjectReport, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		check("report "+c.PolicyTitle, section[c.PolicyID], so, c.ReportPublished != "")
	}
	// replies are approved by the handling section's head, never by who wrote them
	msgs, err := s.mailbox.Messages(s.ctx, core.MessageFilter{PageSize: 500})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs.Items {
		d, err := s.mailbox.Message(s.ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		heads := map[string]bool{}
		for _, h := range head {
			heads[h] = true
		}
		for _, a := range d.Approvals {
			if m.SectionName == "" && heads[a.PersonName] { // 转办: reviewed by the head of the section that handled it
				continue
			}
			// where the head answers (the section has no 承办人员), the 分管领导 signs off
			signer := head[m.SectionName]
			if h, ok := handlers[m.SectionName]; ok && h[0] == signer {
				signer = h[1]
			}
			if a.Decision != "" && (a.PersonName == m.AssigneeName || a.PersonName != signer) {
				t.Errorf("message %s: approved by %s (handler %s, section %s)", m.Subject, a.PersonName, m.AssigneeName, m.SectionName)
			}
		}
	}
}

func checkMailboxOnTime(t *testing.T, s *seeded) {
	now := s.clock.Now()
	from := now.AddDate(0, -4, 0)
	st, _, err := mailbox.ReadStats(s.ctx, s.mailbox, date(time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, core.Shanghai)), date(now))
	if err != nil {
		t.Fatal(err)
	}
	months := 0
	for _, m := range st.Monthly {
		if m.Answered == 0 {
			continue
		}
		months++
		if m.OnTimeRate < 0.9 {
			t.Errorf("%s: %d of %d answered on time (%.0f%%)", m.Key, m.OnTime, m.Answered, 100*m.OnTimeRate)
		}
	}
	if months < 2 || st.Total.Answered < 35 || st.Total.OnTime == st.Total.Answered {
		t.Errorf("want two or more months of answers, a late one among them: %+v", st.Total)
	}
	if st.Total.Overdue < 1 || st.Total.Overdue > 3 || st.Total.Open > st.Total.Received/2 {
		t.Errorf("open %d, overdue %d of %d: a good bureau keeps up", st.Total.Open, st.Total.Overdue, st.Total.Received)
	}
}

func checkHistory(t *testing.T, s *seeded) {
	h, err := s.routing.HistorySummary(s.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.ByTopic) != len(mailboxTopics) {
		t.Fatalf("history covers %d topics: %+v", len(h.ByTopic), h.ByTopic)
	}
	for _, c := range h.ByTopic {
		if c.Count < 30 {
			t.Errorf("%s: %d labeled messages", c.TopicName, c.Count)
		}
	}
	// hand-written, not a template with a swapped noun: no two messages of a topic share their first words
	for topic, msgs := range pastMessages {
		starts := map[string]string{}
		for _, m := range msgs {
			r := []rune(m.body)
			k := string(r[:min(6, len(r))])
			if other, ok := starts[k]; ok {
				t.Errorf("%s: %q and %q start alike", topic, other, m.body)
			}
			starts[k] = m.body
		}
	}
}

func checkHeadings(t *testing.T, s *seeded) {
	cs, err := s.consultations.Consultations(s.ctx, core.ConsultationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs.Consultations {
		text := "起草说明 " + c.Explanation // how the page shows it
		if strings.Contains(text, "起草说明 起草说明") || strings.HasPrefix(c.Explanation, "起草说明") {
			t.Errorf("%s: doubled heading in %q", c.PolicyTitle, c.Explanation)
		}
		if len([]rune(c.Explanation)) < 40 {
			t.Errorf("%s: explanation %q says nothing", c.PolicyTitle, c.Explanation)
		}
	}
	list, err := s.interpretations.Interpretations(s.ctx, core.InterpretationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range list {
		for _, sec := range in.Sections {
			if strings.Contains(sec.Text, sec.Heading) {
				t.Errorf("%s: section %s repeats its heading: %q", in.Title, sec.Heading, sec.Text)
			}
		}
	}
}

func checkReasons(t *testing.T, s *seeded) {
	cs, err := s.consultations.Consultations(s.ctx, core.ConsultationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	written := map[string]demoComment{}
	for _, list := range [][]demoComment{renewalComments, registrationComments, elevatorComments} {
		for _, c := range list {
			written[c.body] = c
		}
	}
	reasons := map[string]int{}
	for _, c := range cs.Consultations {
		page, err := s.consultations.Comments(s.ctx, core.CommentFilter{ConsultationID: c.ID, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		for _, cm := range page.Comments {
			if cm.Decision == "" {
				continue
			}
			if strings.Contains(cm.Body, "滨江老街") {
				if cm.Reason != renewalCampaignDecision.Reason {
					t.Errorf("campaign comment answered with %q", cm.Reason)
				}
				continue
			}
			w, ok := written[cm.Body]
			if !ok || cm.Decision != w.decision || cm.Reason != w.reason || cm.Response != w.response {
				t.Errorf("%q: decided %s %q %q, not what was written for it", cm.Body, cm.Decision, cm.Reason, cm.Response)
			}
			if cm.Reason != "" {
				reasons[cm.Reason]++
			}
		}
	}
	for r, n := range reasons {
		if n > 1 {
			t.Errorf("reason %q pasted onto %d comments", r, n)
		}
	}
}

func checkYears(t *testing.T, s *seeded, now time.Time) {
	page, err := s.policies.Policies(s.ctx, core.PolicyFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range page.Policies {
		if p.DocNumber != "" && !strings.Contains(p.DocNumber, fmt.Sprintf("〔%d〕", parseDay(t, p.PublishedDate).Year())) {
			t.Errorf("%s: 文号 %s, published %s", p.Title, p.DocNumber, p.PublishedDate)
		}
		d, err := s.policies.Policy(s.ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range d.Versions {
			full, err := s.policies.Version(s.ctx, v.ID)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(full.Body, "{Y") {
				t.Errorf("%s %s: unfilled year in %q", p.Title, v.Kind, full.Body)
			}
			// a draft takes effect after today; nothing in force already waits for sign-off
			if p.Status != core.PolicyPublished && strings.Contains(full.Body, fmt.Sprintf("自%d年", now.Year())) {
				t.Errorf("%s %s takes effect this year though it is not yet published", p.Title, v.Kind)
			}
		}
	}
}

// The demo topics are routed well by a model trained on the demo's own history: the evaluation the 主题与分办
// page runs (5-fold cross-validation) scores every topic.
func TestDemoRoutingEvaluation(t *testing.T) {
	s := seedDemo(t, seedDays[0])
	history, err := s.routing.History(s.ctx)
	if err != nil {
		t.Fatal(err)
	}
	names, err := s.routing.TopicNames(s.ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, m, err := routing.CrossValidate(s.ctx, sharedSegmenter(t), history, 5, routing.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range m.Labels {
		var id int64
		fmt.Sscan(l, &id)
		t.Logf("%-8s F1 %.2f (%d)", names[id], m.F1[i], m.Support[i])
		if m.F1[i] < 0.6 || m.Support[i] < routing.MinEvalSupport {
			t.Errorf("%s: F1 %.2f over %d messages", names[id], m.F1[i], m.Support[i])
		}
	}
	if m.MacroF1 < 0.75 {
		t.Errorf("macro-F1 %.2f", m.MacroF1)
	}
}

// checkAnnualReport: the year's 政府信息公开工作年度报告 drafted from the demo's records names what the demo did.
func checkAnnualReport(t *testing.T, s *seeded, year int) {
	r, err := disclosure.ReadAnnualReport(s.ctx, s.disclosures, year)
	if err != nil {
		t.Fatal(err)
	}
	f := r.Facts
	if f.Published == 0 || f.Normative.Issued == 0 || f.Normative.InForce < f.Normative.Issued || len(f.Interpretations) == 0 ||
		f.Consultations == 0 || f.Comments == 0 || f.Messages == 0 || f.Answered == 0 || f.AnsweredOnTime > f.Answered {
		t.Errorf("facts of %d: %+v", year, f)
	}
	if r.Table3.Check != "" || len(r.Sections) != 6 {
		t.Errorf("report: check %q, %d sections", r.Table3.Check, len(r.Sections))
	}
}
