package sqlite_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/disclosure"
	"policydesk/internal/sqlite"
	"policydesk/internal/testutil"
)

// cal is the built-in working-day calendar the 依申请公开 tests count on.
var cal = calendar.New(calendar.Builtin())

// disclosureStore is the 依申请公开 store over db, on cal.
func disclosureStore(db *sqlite.DB) *sqlite.DisclosureStore {
	return sqlite.NewDisclosureStore(db, func() *calendar.Calendar { return cal })
}

// newDisclosureFixture is a consultation fixture (sections, people, a clock) with its 依申请公开 store.
func newDisclosureFixture(tb testing.TB) (*consultFixture, *sqlite.DisclosureStore) {
	f := newConsultFixture(tb)
	return f, disclosureStore(f.db)
}

func TestDisclosureLifecycle(t *testing.T) {
	f, s := newDisclosureFixture(t)
	ctx := context.Background()

	_, err := s.RegisterDisclosure(ctx, core.DisclosureIntake{Channel: "信函", Arrived: "2026-10-09", Applicant: "王某", ApplicantType: "自然人", Content: "某地块规划条件"})
	wantCode(t, err, core.EINVALID) // a letter needs the day it was confirmed with the applicant
	_, err = s.RegisterDisclosure(ctx, core.DisclosureIntake{Channel: "当面", Arrived: "2026-10-09", Applicant: "王某", Content: "某地块规划条件"})
	wantCode(t, err, core.EINVALID) // no applicant type

	d, err := s.RegisterDisclosure(ctx, core.DisclosureIntake{Channel: "信函", Arrived: "2026-10-09", Confirmed: "2026-10-12",
		Applicant: "王某", ApplicantType: "自然人", Content: "临江路地块规划条件及附图"})
	if err != nil {
		t.Fatal(err)
	}
	r := d.Request
	if r.Received != "2026-10-12" || r.CaseNo != "依申请〔2026〕001号" || r.Status != core.DisclosureOpen {
		t.Fatalf("registered %+v", r)
	}
	want := calendar.FormatDate(disclosure.Deadline(cal, disclosure.Case{Received: day("2026-10-12")}))
	if r.Due != want {
		t.Fatalf("due %s, want %s", r.Due, want)
	}

	if d, err = s.SendCorrection(ctx, r.ID, "2026-10-14", "2026-11-30", "请明确地块位置"); err != nil {
		t.Fatal(err)
	}
	if d.Request.Status != core.DisclosureCorrecting || d.Request.Due != "" {
		t.Fatalf("after 补正 %+v", d.Request)
	}
	_, err = s.SendCorrection(ctx, r.ID, "2026-10-15", "2026-11-30", "")
	wantCode(t, err, core.ECONFLICT) // only once
	_, err = s.AnswerDisclosure(ctx, core.DisclosureAnswer{ID: r.ID, Outcome: 0, Date: "2026-10-20"})
	wantCode(t, err, core.ECONFLICT) // waiting for the correction

	if d, err = s.ReceiveCorrection(ctx, r.ID, "2026-10-20"); err != nil {
		t.Fatal(err)
	}
	want = calendar.FormatDate(disclosure.Deadline(cal, disclosure.Case{Received: day("2026-10-12"), Corrected: day("2026-10-20")}))
	if d.Request.Due != want {
		t.Fatalf("due after correction %s, want %s", d.Request.Due, want)
	}
	_, err = s.ExtendDisclosure(ctx, r.ID, "", "")
	wantCode(t, err, core.EINVALID)
	if d, err = s.ExtendDisclosure(ctx, r.ID, "陈国华", "需调取历史档案"); err != nil {
		t.Fatal(err)
	}
	want = calendar.FormatDate(disclosure.Deadline(cal, disclosure.Case{Received: day("2026-10-12"), Corrected: day("2026-10-20"), Extended: true}))
	if !d.Request.Extended || d.Request.Due != want {
		t.Fatalf("extended %+v, want due %s", d.Request, want)
	}
	_, err = s.ExtendDisclosure(ctx, r.ID, "陈国华", "")
	wantCode(t, err, core.ECONFLICT)

	_, err = s.AnswerDisclosure(ctx, core.DisclosureAnswer{ID: r.ID, Outcome: 1, Date: "2026-11-19", Method: "邮寄", Ref: "EA123456789CN"})
	wantCode(t, err, core.EFORBID) // not signed off
	signDraft(t, f, s, r.ID, 1, "规划条件予以公开，附图中涉及相邻权利人信息的部分不予公开")
	_, err = s.AnswerDisclosure(ctx, core.DisclosureAnswer{ID: r.ID, Outcome: 1, Date: "2026-10-01"})
	wantCode(t, err, core.EINVALID) // before receipt
	_, err = s.AnswerDisclosure(ctx, core.DisclosureAnswer{ID: r.ID, Outcome: 1, Date: "2026-11-19", Method: "邮寄"})
	wantCode(t, err, core.EINVALID) // no EMS number
	if d, err = s.AnswerDisclosure(ctx, core.DisclosureAnswer{ID: r.ID, Outcome: 1, Date: "2026-11-19", Method: "邮寄", Ref: "EA123456789CN"}); err != nil {
		t.Fatal(err)
	}
	if d.Request.Status != core.DisclosureOnTime || len(d.Events) != 10 || d.Request.AnswerText == "" { // 6 steps and the 4 of the sign-off
		t.Fatalf("answered %+v, %d events", d.Request, len(d.Events))
	}

	// A second application, still open, from a company.
	if _, err := s.RegisterDisclosure(ctx, core.DisclosureIntake{Channel: "当面", Arrived: "2026-11-18", Applicant: "临江某置业有限公司",
		ApplicantType: "商业企业", Content: "某项目建设工程规划许可证"}); err != nil {
		t.Fatal(err)
	}
	tab, err := disclosure.ReadAnnualTable(ctx, s, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Check != "" || len(tab.Cells) != 25 || tab.Cells[0][6] != 2 || tab.Cells[3][0] != 1 || tab.Cells[24][1] != 1 || tab.OnTime != 1 {
		t.Fatalf("table %+v", tab)
	}
	ds, err := s.Deadlines(ctx, now)
	if err != nil || len(ds) != 1 || ds[0].Kind != "disclosure.answer_due" {
		t.Fatalf("deadlines %+v %v", ds, err)
	}
	list, err := s.DisclosureRequests(ctx, core.DisclosureFilter{Year: 2026, Query: "置业"})
	if err != nil || len(list) != 1 {
		t.Fatalf("list %+v %v", list, err)
	}
}

// signDraft drafts the answer as the fixture's person and has three approvers sign it off, then makes the
// drafter current again.
func signDraft(t *testing.T, f *consultFixture, s *sqlite.DisclosureStore, id int64, outcome int, text string) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.SaveAnswerDraft(ctx, id, outcome, text); err != nil {
		t.Fatal(err)
	}
	signRound(t, f, core.SubjectDisclosure, id)
}

// signRound submits a round for the subject (unless it is submitted already) and has three new approvers agree
// to each step, then makes the fixture's person current again.
func signRound(t *testing.T, f *consultFixture, subjectType string, id int64, submitted ...bool) {
	t.Helper()
	ctx := context.Background()
	settings := sqlite.NewSettingsStore(f.db)
	interps := sqlite.NewInterpretationStore(f.db, nil)
	if len(submitted) == 0 {
		if _, err := interps.SubmitSignoff(ctx, subjectType, id); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 3; i++ {
		p, err := settings.SavePerson(ctx, core.Person{Name: fmt.Sprintf("审签人%s%d-%d", subjectType, id, i+1), SectionID: f.sectionID, Role: core.RoleApprover, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := settings.SetCurrentUser(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := interps.DecideSignoff(ctx, core.SignoffAction{SubjectType: subjectType, SubjectID: id, Decision: core.DecisionApprove}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := settings.SetCurrentUser(ctx, f.personID); err != nil {
		t.Fatal(err)
	}
}

var day = testutil.Date

// In January the 工作台 counts down to the 31 January publication of last year's annual report.
func TestAnnualReportDeadlineInJanuary(t *testing.T) {
	f := newMailboxFixture(t)
	s := disclosureStore(f.db)
	for day, want := range map[string]string{"2026-01-05": "2025年政府信息公开工作年度报告", "2026-02-02": "", "2026-12-31": ""} {
		now, _ := time.ParseInLocation("2006-01-02", day, core.Shanghai)
		ds, err := s.Deadlines(f.ctx, now.Add(9*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, d := range ds {
			if d.Kind == "disclosure.annual_report" {
				got = d.Title
				if d.Due != "2026-01-31" || d.Label == "" {
					t.Errorf("%s: %+v", day, d)
				}
			}
		}
		if got != want {
			t.Errorf("%s: report deadline %q, want %q", day, got, want)
		}
	}
}

// A third party consulted and a fee notice stop the count; the fee follows the applicant's month; an unpaid fee
// closes the case as 其他处理 2. Today is 2026-11-20.
func TestDisclosureSuspensions(t *testing.T) {
	f, s := newDisclosureFixture(t)
	ctx := context.Background()
	register := func(arrived, content string) core.DisclosureRequest {
		d, err := s.RegisterDisclosure(ctx, core.DisclosureIntake{Channel: "当面", Arrived: arrived, Applicant: "王某",
			ApplicantType: "自然人", IDNumber: "330100199001011234", Content: content})
		if err != nil {
			t.Fatal(err)
		}
		return d.Request
	}
	b, a := register("2026-10-12", "某地块规划条件"), register("2026-10-30", "某地块出让合同")

	// The same applicant's items in October add up: 12 items on the first (2 charged), 3 more on the second.
	d, err := s.SendFeeNotice(ctx, core.DisclosurePauseInput{RequestID: b.ID, Date: "2026-10-14", FeeBasis: "按件", FeeCount: 12})
	if err != nil {
		t.Fatal(err)
	}
	if p := d.Request.Pauses[0]; p.FeeBefore != 0 || p.FeeAmount != 200 {
		t.Fatalf("first fee %+v", p)
	}
	// Today the 20 working days to pay have passed: the case closes as 其他处理 2, and only so.
	if d.Request.Status != core.DisclosureFeeLapsed {
		t.Fatalf("unpaid %+v", d.Request)
	}
	_, err = s.EndPause(ctx, core.PauseFee, core.DisclosurePauseInput{RequestID: b.ID, Date: "2026-11-20"})
	wantCode(t, err, core.EINVALID) // paid too late
	_, err = s.AnswerDisclosure(ctx, core.DisclosureAnswer{ID: b.ID, Outcome: 0, Date: "2026-11-20"})
	wantCode(t, err, core.EINVALID)
	ds, err := s.Deadlines(ctx, now)
	if err != nil || len(ds) != 2 || ds[1].Kind != "disclosure.fee_due" || ds[1].Status != "overdue" {
		t.Fatalf("deadlines %+v %v", ds, err)
	}
	signDraft(t, f, s, b.ID, disclosure.OutcomeFeeUnpaid, "")
	if _, err = s.AnswerDisclosure(ctx, core.DisclosureAnswer{ID: b.ID, Outcome: disclosure.OutcomeFeeUnpaid, Date: "2026-11-20", Method: "直接送达"}); err != nil {
		t.Fatal(err)
	}

	_, err = s.ConsultThirdParty(ctx, core.DisclosurePauseInput{RequestID: a.ID, Date: "2026-11-03"})
	wantCode(t, err, core.EINVALID) // no party
	d, err = s.ConsultThirdParty(ctx, core.DisclosurePauseInput{RequestID: a.ID, Date: "2026-11-03", Party: "临江某置业有限公司"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Request.Status != core.DisclosureConsulting || d.Request.Due != "" || len(d.Request.Pauses) != 1 ||
		d.Request.Pauses[0].Due != calendar.FormatDate(disclosure.ThirdPartyDue(cal, day("2026-11-03"))) {
		t.Fatalf("consulting %+v", d.Request)
	}
	if ds, err = s.Deadlines(ctx, now); err != nil || len(ds) != 1 || ds[0].Kind != "disclosure.third_party_due" {
		t.Fatalf("deadlines %+v %v", ds, err)
	}
	_, err = s.AnswerDisclosure(ctx, core.DisclosureAnswer{ID: a.ID, Outcome: 0, Date: "2026-11-10"})
	wantCode(t, err, core.ECONFLICT) // waiting for the opinion
	if d, err = s.EndPause(ctx, core.PauseThirdParty, core.DisclosurePauseInput{RequestID: a.ID, Date: "2026-11-10", Result: "不同意公开"}); err != nil {
		t.Fatal(err)
	}
	if d.Request.Status != core.DisclosureOpen {
		t.Fatalf("after the opinion %+v", d.Request)
	}
	if d, err = s.SendFeeNotice(ctx, core.DisclosurePauseInput{RequestID: a.ID, Date: "2026-11-11", FeeBasis: "按件", FeeCount: 3}); err != nil {
		t.Fatal(err)
	}
	if p := d.Request.Pauses[1]; p.FeeAmount != 300 || p.FeeBefore != 12 || d.Request.Status != core.DisclosureAwaitsFee {
		t.Fatalf("fee notice %+v", d.Request)
	}
	if d, err = s.EndPause(ctx, core.PauseFee, core.DisclosurePauseInput{RequestID: a.ID, Date: "2026-11-12"}); err != nil {
		t.Fatal(err)
	}
	want := calendar.FormatDate(disclosure.Deadline(cal, disclosure.Case{Received: day("2026-10-30"), Suspended: []disclosure.Suspension{
		{From: day("2026-11-03"), To: day("2026-11-10")}, {From: day("2026-11-11"), To: day("2026-11-12")}}}))
	if d.Request.Due != want || d.Request.Status != core.DisclosureOpen || len(d.Events) != 5 {
		t.Fatalf("after payment due %s want %s; %+v", d.Request.Due, want, d)
	}
	list, err := s.DisclosureRequests(ctx, core.DisclosureFilter{})
	if err != nil || len(list) != 2 || len(list[0].Pauses) != 2 || len(list[1].Pauses) != 1 {
		t.Fatalf("list %+v %v", list, err)
	}
	// Section 六 of the year's report states the fees: two notices, one paid (300 元).
	facts, err := s.AnnualFacts(ctx, 2026)
	if err != nil || facts.FeeNotices != 2 || facts.FeesPaid != 1 || facts.FeeYuan != 300 {
		t.Fatalf("fees %+v %v", facts, err)
	}
}

// 分办 to a section and a person of it; 会商 and the legal adviser's opinion go into the history.
func TestDisclosureHandling(t *testing.T) {
	f, s := newDisclosureFixture(t)
	ctx := context.Background()
	id := registerInPerson(t, s)
	_, err := s.AssignDisclosure(ctx, id, 0, f.personID)
	wantCode(t, err, core.EINVALID)
	d, err := s.AssignDisclosure(ctx, id, f.sectionID, f.personID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Request.SectionID != f.sectionID || d.Request.HandlerID != f.personID || d.Events[1].Kind != "分办" {
		t.Fatalf("assigned %+v %+v", d.Request, d.Events)
	}
	_, err = s.AddDisclosureNote(ctx, id, "会商", "2026-11-01", "法规科、利用科会商")
	wantCode(t, err, core.EINVALID) // before receipt
	if _, err = s.AddDisclosureNote(ctx, id, "会商", "2026-11-05", "法规科、利用科会商：出让价款部分涉及商业秘密"); err != nil {
		t.Fatal(err)
	}
	if d, err = s.AddDisclosureNote(ctx, id, "法律顾问意见", "2026-11-06", "可依条例第十五条不予公开价款部分"); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 4 || d.Events[3].Kind != "法律顾问意见" || d.Events[3].Note != "可依条例第十五条不予公开价款部分" {
		t.Fatalf("events %+v", d.Events)
	}

	// The answer draft: signed off, then changed — it must be signed again before it is sent.
	signDraft(t, f, s, id, 5, "出让价款部分涉及商业秘密，不予公开")
	if d, err = s.DisclosureRequest(ctx, id); err != nil || d.Request.SignoffState != core.DraftSigned || d.Request.DraftLabel == "" {
		t.Fatalf("signed %+v %v", d.Request, err)
	}
	if d, err = s.SaveAnswerDraft(ctx, id, 1, "合同予以公开，价款条款不予公开"); err != nil || d.Request.SignoffState != core.DraftChanged {
		t.Fatalf("changed %+v %v", d.Request, err)
	}
	_, err = s.AnswerDisclosure(ctx, core.DisclosureAnswer{ID: id, Outcome: 1, Date: "2026-11-20", Method: "直接送达"})
	wantCode(t, err, core.EFORBID)
	interps := sqlite.NewInterpretationStore(f.db, nil)
	if _, err := interps.SubmitSignoff(ctx, core.SubjectDisclosure, id); err != nil {
		t.Fatal(err) // a changed draft goes round again
	}
	_, err = s.SaveAnswerDraft(ctx, id, 0, "x")
	wantCode(t, err, core.ECONFLICT) // not while it is being signed
	ws, err := interps.WaitingSignoffs(ctx, f.personID, true)
	if err != nil || len(ws) != 1 || ws[0].Link != fmt.Sprintf("/disclosure/%d", id) || ws[0].Module != "依申请公开" {
		t.Fatalf("waiting for sign-off: %+v %v", ws, err)
	}
}

// The office's additions to a year's report are kept per year; the report is signed off before its publication
// is recorded, an edit after the round needs a new one; once published, the January countdown stops.
func TestAnnualEdits(t *testing.T) {
	f, s := newDisclosureFixture(t)
	ctx := context.Background()
	interps := sqlite.NewInterpretationStore(f.db, nil)
	e, err := s.AnnualEdits(ctx, 2025)
	if err != nil || e.Year != 2025 || e.Licensing != "" || e.SignoffState != "" {
		t.Fatalf("blank %+v %v", e, err)
	}
	_, err = interps.SubmitSignoff(ctx, core.SubjectAnnual, 2025)
	wantCode(t, err, core.EFORBID) // table 二's figures not entered yet
	_, err = s.SaveAnnualEdits(ctx, core.AnnualEdits{Year: 2025, Licensing: "1284"})
	wantCode(t, err, core.EINVALID) // no source
	edits := core.AnnualEdits{Year: 2025, Licensing: "1284", Source: "行政审批科提供", CarryOver: []string{"2", "1"}, CarrySource: "2024年度报告"}
	if e, err = s.SaveAnnualEdits(ctx, edits); err != nil || e.Licensing != "1284" || strings.Join(e.CarryOver, ",") != "2,1,0,0,0,0" {
		t.Fatalf("saved %+v %v", e, err)
	}
	r, err := disclosure.ReadAnnualReport(ctx, s, 2025)
	if err != nil || r.Edits.Licensing != "1284" || !strings.Contains(disclosure.AnnualReportDocument(r).PlainText(), "行政许可 | 1284") {
		t.Fatalf("report %+v %v", r.Edits, err)
	}
	// the hand carry-over is table 三's row 二, here and in the table the command line prints
	if tab, err := disclosure.ReadAnnualTable(ctx, s, 2025); err != nil || fmt.Sprint(tab.Cells[1]) != "[2 1 0 0 0 0 3]" || tab.CarrySource != "2024年度报告" {
		t.Fatalf("carry-over %+v %v", tab.Cells[1], err)
	}
	countdown := func(day string) bool {
		now, _ := time.ParseInLocation("2006-01-02", day, core.Shanghai)
		ds, err := s.Deadlines(ctx, now.Add(9*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			if d.Kind == "disclosure.annual_report" {
				return true
			}
		}
		return false
	}
	if !countdown("2026-01-05") {
		t.Fatal("no countdown before publication")
	}
	published := edits
	published.PublishedDate, published.PublishedURL = "2026-01-20", "https://www.linjiang.gov.cn/art/2026/1/20/art_1.html"
	_, err = s.SaveAnnualEdits(ctx, published)
	testutil.Refusal(t, err, core.EFORBID, "publishedDate", "2025年度报告尚未审签，不能登记发布；请先提交审签")

	signRound(t, f, core.SubjectAnnual, 2025)
	if e, _ = s.AnnualEdits(ctx, 2025); e.SignoffState != core.DraftSigned {
		t.Fatalf("signed: %q", e.SignoffState)
	}
	_, err = interps.SubmitSignoff(ctx, core.SubjectAnnual, 2025)
	wantCode(t, err, core.ECONFLICT) // signed already, unchanged
	// an edit after the round: the report must go round again before it is published
	changed := edits
	changed.Penalty = "36"
	if e, err = s.SaveAnnualEdits(ctx, changed); err != nil || e.SignoffState != core.DraftChanged {
		t.Fatalf("changed %q %v", e.SignoffState, err)
	}
	published.Penalty = "36"
	_, err = s.SaveAnnualEdits(ctx, published)
	testutil.Refusal(t, err, core.EFORBID, "publishedDate", "2025年度报告审签后又作了修改，请重新提交审签后再登记发布")
	if _, err := interps.SubmitSignoff(ctx, core.SubjectAnnual, 2025); err != nil {
		t.Fatal(err)
	}
	// the 工作台 of a signer lists it, leading to the report tab
	signer := mustPerson(t, ctx, sqlite.NewSettingsStore(f.db), "待签人", f.sectionID, core.RoleApprover)
	ws, err := interps.WaitingSignoffs(ctx, signer.ID, true)
	if err != nil || len(ws) != 1 || ws[0].Title != "《2025年政府信息公开工作年度报告》待审签" || ws[0].Link != "/disclosure?tab=report" {
		t.Fatalf("waiting: %+v %v", ws, err)
	}
	signRound(t, f, core.SubjectAnnual, 2025, true)
	// the fixture's clock is after 2026-01-20, so a publication on that day is in the past
	if e, err = s.SaveAnnualEdits(ctx, published); err != nil || e.PublishedDate != "2026-01-20" {
		t.Fatalf("published %+v %v", e, err)
	}
	if countdown("2026-01-05") {
		t.Fatal("the countdown goes on after publication")
	}
	_, err = interps.SubmitSignoff(ctx, core.SubjectAnnual, 2025)
	wantCode(t, err, core.ECONFLICT) // published
	published.Overview = "改写的总体情况"
	_, err = s.SaveAnnualEdits(ctx, published)
	wantCode(t, err, core.EFORBID) // a published report's content stays as signed
	so, err := interps.Signoff(ctx, core.SubjectAnnual, 2025)
	if err != nil || so.Round != 2 || !so.Complete {
		t.Fatalf("rounds %+v %v", so, err)
	}
}

// Each sign-off step of an answer draft is written into the request's history, a return with its opinion.
func TestAnswerSignoffInHistory(t *testing.T) {
	f, s := newDisclosureFixture(t)
	ctx := context.Background()
	id := registerInPerson(t, s)
	signDraft(t, f, s, id, 0, "予以公开")
	d, err := s.DisclosureRequest(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, e := range d.Events {
		if e.Kind == "审签" {
			notes = append(notes, e.Note+"｜"+e.ActorName)
		}
	}
	want := []string{"提交审签（第1轮）｜孙佳怡", "科室负责人审核：同意｜审签人disclosure" + fmt.Sprint(id) + "-1",
		"分管领导审签：同意｜审签人disclosure" + fmt.Sprint(id) + "-2", "保密审查：同意，审签完成｜审签人disclosure" + fmt.Sprint(id) + "-3"}
	if strings.Join(notes, "\n") != strings.Join(want, "\n") {
		t.Fatalf("history:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
	if _, err := s.SaveAnswerDraft(ctx, id, 1, "部分公开"); err != nil {
		t.Fatal(err)
	}
	interps := sqlite.NewInterpretationStore(f.db, nil)
	if _, err := interps.SubmitSignoff(ctx, core.SubjectDisclosure, id); err != nil {
		t.Fatal(err)
	}
	settings := sqlite.NewSettingsStore(f.db)
	if _, err := settings.SetCurrentUser(ctx, mustPerson(t, ctx, settings, "王审核", f.sectionID, core.RoleApprover).ID); err != nil {
		t.Fatal(err)
	}
	if _, err := interps.DecideSignoff(ctx, core.SignoffAction{SubjectType: core.SubjectDisclosure, SubjectID: id, Decision: core.DecisionReturn,
		Opinion: "请写明不予公开部分的理由"}); err != nil {
		t.Fatal(err)
	}
	if d, err = s.DisclosureRequest(ctx, id); err != nil || d.Request.SignoffState != core.DraftReturned {
		t.Fatalf("returned %+v %v", d.Request, err)
	}
	if last := d.Events[len(d.Events)-1]; last.Kind != "审签" || last.Note != "科室负责人审核：退回（请写明不予公开部分的理由），答复稿退回拟稿人修改" || last.ActorName != "王审核" {
		t.Fatalf("return in history: %+v", last)
	}
}

// The register is paged on the server: the filter's total, the page's requests newest first, each on its clock.
func TestDisclosurePages(t *testing.T) {
	_, s := newDisclosureFixture(t)
	ctx := context.Background()
	var rows []core.DisclosureRecord
	for i := 0; i < 45; i++ {
		r := core.DisclosureRecord{No: fmt.Sprintf("P%02d", i), Received: day("2026-03-02").AddDate(0, 0, i), Column: 0, Outcome: -1,
			Applicant: "申请人", Content: "某地块", Channel: "当面"}
		if i%3 == 0 {
			r.Outcome, r.Answered = 0, r.Received.AddDate(0, 0, 5)
		}
		rows = append(rows, r)
	}
	if _, err := s.ImportRegister(ctx, "p.csv", rows); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name        string
		f           core.DisclosureFilter
		total       int
		first, last string
	}{
		{"first page", core.DisclosureFilter{Limit: 20}, 45, "P44", "P25"},
		{"last page", core.DisclosureFilter{Limit: 20, Offset: 40}, 45, "P04", "P00"},
		{"past the end", core.DisclosureFilter{Limit: 20, Offset: 60}, 45, "", ""},
		{"open ones", core.DisclosureFilter{Status: "open", Limit: 10}, 30, "P44", "P31"},
		{"another year", core.DisclosureFilter{Year: 2025, Limit: 10}, 0, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := s.DisclosurePage(ctx, c.f)
			if err != nil || p.Total != c.total || p.Requests == nil {
				t.Fatalf("%+v %v", p, err)
			}
			first, last := "", ""
			if n := len(p.Requests); n > 0 {
				first, last = p.Requests[0].CaseNo, p.Requests[n-1].CaseNo
				if p.Requests[0].Status == "" || (p.Requests[0].Outcome < 0 && p.Requests[0].Due == "") {
					t.Errorf("not on the clock: %+v", p.Requests[0])
				}
			}
			if first != c.first || last != c.last {
				t.Errorf("page %s … %s, want %s … %s", first, last, c.first, c.last)
			}
		})
	}
}

// A register at the scale of seed 000 (6 880 applications in a year), a tenth of them suspended once: listing
// the year (each request with its suspensions and clock) and building table 三.
func BenchmarkDisclosureRegister(b *testing.B) {
	_, s := newDisclosureFixture(b)
	ctx := context.Background()
	const n = 6880
	rows := make([]core.DisclosureRecord, 0, n)
	start := time.Date(2026, 1, 5, 0, 0, 0, 0, core.Shanghai)
	for i := 0; i < n; i++ {
		received := start.AddDate(0, 0, i%300)
		r := core.DisclosureRecord{No: fmt.Sprintf("B%05d", i), Received: received, Column: i % 6, Outcome: -1,
			Applicant: fmt.Sprintf("申请人%d", i%900), Content: fmt.Sprintf("第%d号地块规划条件", i%1500), Channel: "当面"}
		if i%3 != 0 {
			r.Outcome, r.Answered = i%21, received.AddDate(0, 0, 15)
		}
		rows = append(rows, r)
	}
	if _, err := s.ImportRegister(ctx, "bench.csv", rows); err != nil {
		b.Fatal(err)
	}
	list, err := s.DisclosureRequests(ctx, core.DisclosureFilter{Status: "open"})
	if err != nil {
		b.Fatal(err)
	}
	paused := 0
	for _, r := range list {
		if paused >= n/10 || r.Status != core.DisclosureOpen {
			continue
		}
		if _, err := s.ConsultThirdParty(ctx, core.DisclosurePauseInput{RequestID: r.ID, Date: r.Received, Party: "某公司"}); err == nil {
			paused++
		}
	}
	if paused == 0 {
		b.Fatal("no request was suspended")
	}
	b.Run("list the year", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if rs, err := s.DisclosureRequests(ctx, core.DisclosureFilter{Year: 2026}); err != nil || len(rs) != n {
				b.Fatal(len(rs), err)
			}
		}
	})
	b.Run("a page of the year", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if p, err := s.DisclosurePage(ctx, core.DisclosureFilter{Year: 2026, Offset: 3000, Limit: 50}); err != nil || p.Total != n || len(p.Requests) != 50 {
				b.Fatal(p.Total, err)
			}
		}
	})
	b.Run("table 三", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := disclosure.ReadAnnualTable(ctx, s, 2026); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// registerInPerson registers 王某's application made in person on 2026-11-02 and returns its id.
func registerInPerson(t *testing.T, s *sqlite.DisclosureStore) int64 {
	t.Helper()
	d, err := s.RegisterDisclosure(context.Background(), core.DisclosureIntake{Channel: "当面", Arrived: "2026-11-02", Applicant: "王某",
		ApplicantType: "自然人", Content: "某地块出让合同"})
	if err != nil {
		t.Fatal(err)
	}
	return d.Request.ID
}
