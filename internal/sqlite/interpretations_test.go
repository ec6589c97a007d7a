package sqlite_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/interpret"
	"policydesk/internal/sqlite"
)

// interpFixture is a bureau with a drafting section, another section, a drafter as current user, an
// approver who signs off, a policy with its text, and the stores.
type interpFixture struct {
	db        *sqlite.DB
	clock     *core.FixedClock
	settings  *sqlite.SettingsStore
	policies  *sqlite.PolicyStore
	store     *sqlite.InterpretationStore
	section   int64
	other     int64
	drafter   int64
	approver  int64
	approvers []int64 // three different approvers, one per default step
	policy    core.Policy
}

const interpPolicyText = `临江市既有住宅加装电梯财政补助办法
第一章 总则
第一条 为推进既有住宅加装电梯工作，制定本办法。
第二条 本办法适用于本市城市规划区内既有住宅加装电梯项目。
第二章 补助标准
第三条 每台电梯补助15万元。
第四条 区规划和自然资源主管部门应当自受理之日起十五个工作日内完成审核。
`

// anySigners configures the three usual steps for any approver: the fixtures set no section heads or
// 分管领导, and the tests name their signers themselves (the rules have their own tests).
func anySigners(tb testing.TB, db *sqlite.DB) {
	tb.Helper()
	steps := []core.SignoffStep{{Name: "科室负责人审核", Rule: core.SignerAny}, {Name: "分管领导审签", Rule: core.SignerAny}, {Name: "保密审查", Rule: core.SignerAny}}
	if _, err := sqlite.NewInterpretationStore(db, nil).SaveSignoffSteps(context.Background(), steps); err != nil {
		tb.Fatal(err)
	}
}

func newInterpFixture(tb testing.TB) *interpFixture {
	tb.Helper()
	ctx := context.Background()
	db := mustOpen(tb)
	clock := core.NewFixedClock(time.Date(2026, 9, 14, 9, 0, 0, 0, core.Shanghai))
	db.Clock = clock
	settings := sqlite.NewSettingsStore(db)
	if _, err := settings.SaveBureau(ctx, core.Bureau{Name: "临江市规划和自然资源局"}); err != nil {
		tb.Fatal(err)
	}
	anySigners(tb, db)
	sec := mustSection(tb, ctx, settings, "空间规划组")
	other := mustSection(tb, ctx, settings, "综合组")
	person := mustPerson(tb, ctx, settings, "孙佳怡", sec.ID, core.RoleDrafter)
	approver := mustPerson(tb, ctx, settings, "赵志强", sec.ID, core.RoleApprover)
	// 三审 means three people: the second and third steps are signed by others than the first.
	var approvers []int64
	approvers = append(approvers, approver.ID)
	for _, name := range []string{"张卫东", "梁红"} {
		a := mustPerson(tb, ctx, settings, name, sec.ID, core.RoleApprover)
		approvers = append(approvers, a.ID)
	}
	if _, err := settings.SetCurrentUser(ctx, person.ID); err != nil {
		tb.Fatal(err)
	}
	cal := calendar.New(calendar.Builtin())
	calFn := func() *calendar.Calendar { return cal }
	f := &interpFixture{db: db, clock: clock, settings: settings, policies: sqlite.NewPolicyStore(db, calFn),
		store: sqlite.NewInterpretationStore(db, calFn), section: sec.ID, other: other.ID,
		drafter: person.ID, approver: approver.ID, approvers: approvers}
	var err error
	f.policy, err = f.policies.SavePolicy(ctx, core.Policy{Title: "临江市既有住宅加装电梯财政补助办法", Category: "规范性文件", SectionID: sec.ID,
		DrafterID: person.ID, Disclosure: "主动公开", DisclosureBasis: "《政府信息公开条例》第十九条"})
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := addVersion(ctx, f.policies, core.VersionInput{PolicyID: f.policy.ID, Kind: "送审稿", VersionDate: "2026-09-10", Text: interpPolicyText}); err != nil {
		tb.Fatal(err)
	}
	return f
}

func (f *interpFixture) text(tb testing.TB, title string) core.Interpretation {
	tb.Helper()
	in := core.NewInterpretationBody(core.FormText, f.policy.Title, "")
	in.PolicyID, in.Title = f.policy.ID, title
	in.Sections[0].Text = "为改善老旧小区居住条件，市政府决定对加装电梯给予补助。"
	saved, err := f.store.SaveInterpretation(context.Background(), in)
	if err != nil {
		tb.Fatal(err)
	}
	return saved
}

// as makes the person with this id the current user.
func (f *interpFixture) as(tb testing.TB, personID int64) {
	tb.Helper()
	if _, err := f.settings.SetCurrentUser(context.Background(), personID); err != nil {
		tb.Fatal(err)
	}
}

// approve submits a subject and, as the approver, agrees to every step; the drafter is current again after.
func (f *interpFixture) approve(tb testing.TB, subjectType string, id int64) core.Signoff {
	tb.Helper()
	ctx := context.Background()
	so, err := f.store.SubmitSignoff(ctx, subjectType, id)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.as(tb, f.drafter)
	for i := range so.Steps {
		f.as(tb, f.approvers[i])
		if so, err = f.store.DecideSignoff(ctx, core.SignoffAction{SubjectType: subjectType, SubjectID: id, Decision: core.DecisionApprove, Opinion: "同意"}); err != nil {
			tb.Fatal(err)
		}
	}
	return so
}

func (f *interpFixture) setStatus(status, date string) error {
	_, err := f.policies.SetPolicyStatus(context.Background(), core.PolicyStatusChange{PolicyID: f.policy.ID, Status: status,
		PublishedDate: date, PublishedURL: "https://ghzy.linjiang.gov.cn/zcwj/1.html"})
	return err
}

// signOffStep in a list of statuses runs the policy's own sign-off round.
const signOffStep = "signoff"

func TestSyncRulesGuardPolicyStatus(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name  string
		setup func(t *testing.T, f *interpFixture)
		steps []string // statuses to move through; the last one is checked
		want  string
	}{
		{"审签 without interpretation is refused", nil, []string{core.PolicySigning}, core.EFORBID},
		{"审签 with an exemption", func(t *testing.T, f *interpFixture) {
			if _, err := f.store.RecordExemption(ctx, core.ExemptionInput{SubjectType: core.SubjectPolicy, SubjectID: f.policy.ID,
				Rule: core.RuleSyncDraft, Reason: "内部管理制度，不涉及公众权益"}); err != nil {
				t.Fatal(err)
			}
		}, []string{core.PolicySigning}, ""},
		{"审签 with a draft interpretation", func(t *testing.T, f *interpFixture) { f.text(t, "解读") }, []string{core.PolicySigning}, ""},
		{"publication with an unapproved interpretation is refused", func(t *testing.T, f *interpFixture) { f.text(t, "解读") },
			[]string{core.PolicySigning, core.PolicyPublished}, core.EFORBID},
		{"publication with approved interpretations but no sign-off of its own is refused", func(t *testing.T, f *interpFixture) {
			f.approve(t, core.SubjectInterpretation, f.text(t, "解读").ID)
		}, []string{core.PolicySigning, core.PolicyPublished}, core.EFORBID},
		{"publication with approved interpretations after its own sign-off", func(t *testing.T, f *interpFixture) {
			f.approve(t, core.SubjectInterpretation, f.text(t, "解读").ID)
		}, []string{core.PolicySigning, signOffStep, core.PolicyPublished}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newInterpFixture(t)
			if c.setup != nil {
				c.setup(t, f)
			}
			var err error
			for _, st := range c.steps {
				if st == signOffStep {
					f.approve(t, core.SubjectPolicy, f.policy.ID)
					continue
				}
				if err = f.setStatus(st, "2026-09-18"); err != nil {
					break
				}
			}
			if core.ErrorCode(err) != c.want && !(c.want == "" && err == nil) {
				t.Fatalf("err = %v, want code %q", err, c.want)
			}
		})
	}
	f := newInterpFixture(t)
	err := f.setStatus(core.PolicySigning, "")
	if core.ErrorMessage(err) != "该文件尚无政策解读，不能提交审签；如确无需解读，请登记豁免理由。" {
		t.Errorf("message = %q", core.ErrorMessage(err))
	}
}

func TestPolicySignoffWaitsForInterpretations(t *testing.T) {
	ctx := context.Background()
	f := newInterpFixture(t)
	in := f.text(t, "文字解读")
	if err := f.setStatus(core.PolicySigning, ""); err != nil {
		t.Fatal(err)
	}
	so, err := f.store.SubmitSignoff(ctx, core.SubjectPolicy, f.policy.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(so.Steps)-1; i++ {
		f.as(t, f.approvers[i])
		if _, err := f.store.DecideSignoff(ctx, core.SignoffAction{SubjectType: core.SubjectPolicy, SubjectID: f.policy.ID, Decision: core.DecisionApprove}); err != nil {
			t.Fatal(err)
		}
	}
	last := core.SignoffAction{SubjectType: core.SubjectPolicy, SubjectID: f.policy.ID, Decision: core.DecisionApprove}
	f.as(t, f.approvers[len(so.Steps)-1])
	if _, err := f.store.DecideSignoff(ctx, last); core.ErrorCode(err) != core.EFORBID || !strings.Contains(core.ErrorMessage(err), "文字解读") {
		t.Fatalf("last step before the interpretation is approved: %v", err)
	}
	f.approve(t, core.SubjectInterpretation, in.ID)
	f.as(t, f.approvers[len(so.Steps)-1])
	so, err = f.store.DecideSignoff(ctx, last)
	if err != nil || !so.Complete {
		t.Fatalf("policy sign-off = %+v, %v", so, err)
	}
	panel, err := f.store.SyncPanel(ctx, f.policy.ID)
	if err != nil || !panel.DraftOK || !panel.ApprovalOK || panel.Policy.Approved != "2026-09-14" {
		t.Fatalf("panel = %+v, %v", panel, err)
	}
}

func TestSignoffReturnAndResubmit(t *testing.T) {
	ctx := context.Background()
	f := newInterpFixture(t)
	in := f.text(t, "文字解读")
	so, err := f.store.SubmitSignoff(ctx, core.SubjectInterpretation, in.ID)
	if err != nil || so.Current != "科室负责人审核" || len(so.Steps) != 3 {
		t.Fatalf("submit: %+v %v", so, err)
	}
	if _, err := f.store.SubmitSignoff(ctx, core.SubjectInterpretation, in.ID); core.ErrorCode(err) != core.ECONFLICT {
		t.Errorf("second submit: %v", err)
	}
	in.Title = "改标题"
	if _, err := f.store.SaveInterpretation(ctx, in); core.ErrorCode(err) != core.EFORBID {
		t.Errorf("edit under review: %v", err)
	}
	ret := core.SignoffAction{SubjectType: core.SubjectInterpretation, SubjectID: in.ID, Decision: core.DecisionReturn}
	f.as(t, f.approver)
	if _, err := f.store.DecideSignoff(ctx, ret); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("return without opinion: %v", err)
	}
	if _, err := f.store.DecideSignoff(ctx, core.SignoffAction{SubjectType: core.SubjectInterpretation, SubjectID: in.ID, Decision: core.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	ret.Opinion = "补充工作目标的量化指标"
	// The first signer may not sign the second step of the same round, not even to return it.
	if _, err := f.store.DecideSignoff(ctx, ret); core.ErrorCode(err) != core.EFORBID {
		t.Fatalf("first signer on the second step: %v", err)
	}
	f.as(t, f.approvers[1])
	so, err = f.store.DecideSignoff(ctx, ret)
	if err != nil || !so.Returned || len(so.Steps) != 2 || so.Steps[1].Opinion != ret.Opinion || so.Steps[1].PersonName != "张卫东" || so.Steps[1].ActedAt == "" {
		t.Fatalf("returned: %+v %v", so, err)
	}
	f.as(t, f.drafter)
	got, _ := f.store.Interpretation(ctx, in.ID)
	if got.Status != core.InterpReturned {
		t.Fatalf("status after return = %s", got.Status)
	}
	got.Sections[3].Text = "到2027年底完成加装电梯500台。"
	if _, err := f.store.SaveInterpretation(ctx, got); err != nil {
		t.Fatalf("drafter edits a returned interpretation: %v", err)
	}
	so = f.approve(t, core.SubjectInterpretation, in.ID)
	if so.Round != 2 || !so.Complete || len(so.History) != 2 {
		t.Fatalf("second round: %+v", so)
	}
	got, _ = f.store.Interpretation(ctx, in.ID)
	if got.Status != core.InterpApproved || got.ApprovedAt == "" {
		t.Fatalf("approved: %+v", got)
	}
}

func TestSectionReasonAndSignoffSteps(t *testing.T) {
	ctx := context.Background()
	f := newInterpFixture(t)
	in := core.NewInterpretationBody(core.FormQA, f.policy.Title, "")
	in.PolicyID, in.Title, in.SectionID = f.policy.ID, "问答", f.other
	if _, err := f.store.SaveInterpretation(ctx, in); core.ErrorCode(err) != core.EINVALID || core.ErrorField(err) != "sectionReason" {
		t.Fatalf("other section without reason: %v", err)
	}
	in.SectionReason = "综合组统一制作问答"
	saved, err := f.store.SaveInterpretation(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := f.store.Exemptions(ctx, core.SubjectInterpretation, saved.ID)
	if err != nil || len(ex) != 1 || ex[0].Rule != core.RuleOtherSection || ex[0].PersonName != "孙佳怡" {
		t.Fatalf("exemptions = %+v, %v", ex, err)
	}
	in.SectionID, in.SectionReason = 0, ""
	in.Title = "默认科室"
	if d, err := f.store.SaveInterpretation(ctx, in); err != nil || d.SectionID != f.section {
		t.Fatalf("default section = %+v, %v", d, err)
	}
	steps, err := f.store.SaveSignoffSteps(ctx, []core.SignoffStep{{Name: "科室负责人审核"}, {Name: "保密审查"}})
	if err != nil || len(steps) != 2 || steps[1].Order != 2 {
		t.Fatalf("steps = %+v, %v", steps, err)
	}
	if _, err := f.store.SaveSignoffSteps(ctx, nil); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("no steps: %v", err)
	}
	so, err := f.store.SubmitSignoff(ctx, core.SubjectInterpretation, saved.ID)
	if err != nil || len(so.Steps) != 2 {
		t.Fatalf("round with configured steps: %+v %v", so, err)
	}
}

func TestInterpretationDeadlineAcrossHolidays(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		published, today, due, status, label string
	}{
		// 国庆 2026: 10-01..10-07 off; Sat 10-10 is a 调休 working day.
		{"2026-09-30", "2026-10-09", "2026-10-10", calendar.StatusPending, "剩余1个工作日"},
		{"2026-09-30", "2026-10-10", "2026-10-10", calendar.StatusDueToday, "今日到期"},
		{"2026-09-30", "2026-10-12", "2026-10-10", calendar.StatusOverdue, "已超期1个工作日"},
		// Published on a Friday; Sun 09-20 is a 调休 working day, so the third working day is Tue 09-22.
		{"2026-09-18", "2026-09-18", "2026-09-22", calendar.StatusPending, "剩余3个工作日"},
	}
	for _, c := range cases {
		t.Run(c.published+"/"+c.today, func(t *testing.T) {
			f := newInterpFixture(t)
			in := f.text(t, "文字解读")
			f.approve(t, core.SubjectInterpretation, in.ID)
			if err := f.setStatus(core.PolicySigning, ""); err != nil {
				t.Fatal(err)
			}
			f.approve(t, core.SubjectPolicy, f.policy.ID)
			if _, err := f.store.PublishPolicy(ctx, core.Publication{ID: f.policy.ID, PublishedDate: c.published, PublishedURL: "https://x/1.html"}); err != nil {
				t.Fatal(err)
			}
			today, _ := time.ParseInLocation("2006-01-02", c.today, core.Shanghai)
			f.clock.Set(today.Add(10 * time.Hour))
			got, err := f.store.Interpretation(ctx, in.ID)
			if err != nil || got.Due != c.due || got.DueStatus != c.status || got.DueLabel != c.label {
				t.Fatalf("due %s %s %s, want %s %s %s (%v)", got.Due, got.DueStatus, got.DueLabel, c.due, c.status, c.label, err)
			}
			ds, err := f.store.Deadlines(ctx, f.clock.Now())
			if err != nil || len(ds) != 1 || ds[0].Due != c.due || ds[0].Label != c.label || ds[0].Module != "政策解读" {
				t.Fatalf("deadlines = %+v, %v", ds, err)
			}
		})
	}
}

func TestPublishInterpretationInStep(t *testing.T) {
	ctx := context.Background()
	f := newInterpFixture(t)
	in := f.text(t, "文字解读")
	f.approve(t, core.SubjectInterpretation, in.ID)
	pub := core.Publication{ID: in.ID, PublishedDate: "2026-09-18", PublishedURL: "https://ghzy.linjiang.gov.cn/zcjd/1.html"}
	if _, err := f.store.PublishInterpretation(ctx, pub); core.ErrorCode(err) != core.EFORBID {
		t.Fatalf("before the policy: %v", err)
	}
	if err := f.setStatus(core.PolicySigning, ""); err != nil {
		t.Fatal(err)
	}
	f.approve(t, core.SubjectPolicy, f.policy.ID)
	if _, err := f.store.PublishPolicy(ctx, core.Publication{ID: f.policy.ID, PublishedDate: "2026-09-18", PublishedURL: "https://x/1.html"}); err != nil {
		t.Fatal(err)
	}
	pub.PublishedDate = "2026-09-17"
	if _, err := f.store.PublishInterpretation(ctx, pub); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("earlier than the policy: %v", err)
	}
	pub.PublishedDate = "2026-09-24"
	got, err := f.store.PublishInterpretation(ctx, pub)
	if err != nil || got.Status != core.InterpPublished || got.DueStatus != "late" {
		t.Fatalf("late publication = %+v, %v", got, err)
	}
	panel, err := f.store.SyncPanel(ctx, f.policy.ID)
	if err != nil || panel.PublishOK || len(panel.Problems) != 1 || panel.Interpretations[0].Published != "2026-09-24" {
		t.Fatalf("panel = %+v, %v", panel, err)
	}
	if ds, _ := f.store.Deadlines(ctx, f.clock.Now()); len(ds) != 0 {
		t.Errorf("published interpretation still listed: %+v", ds)
	}
	if check, err := f.db.VerifyAudit(ctx); err != nil || !check.OK {
		t.Fatalf("audit: %+v %v", check, err)
	}
}

func TestPrepubCheck(t *testing.T) {
	ctx := context.Background()
	f := newInterpFixture(t)
	in := f.text(t, "文字解读")
	// A valid ID number and a mobile number are found; an 18-digit 项目编号 with a wrong check digit is not.
	in.Sections[1].Text = "咨询电话13812345678，联系人身份证号11010519491231002X，项目编号110105194912310021。"
	in.Sections[2].Text = "秘密★1年"
	in, err := f.store.SaveInterpretation(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	report, err := f.store.PrepubCheck(ctx, core.SubjectInterpretation, in.ID)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, fd := range report.Findings {
		kinds[fd.Match] = fd.Severity
	}
	if len(report.Findings) != 3 || kinds["13812345678"] != "warn" || kinds["11010519491231002X"] != "warn" || kinds["秘密★1年"] != "block" || report.Clear {
		t.Fatalf("findings = %+v", report.Findings)
	}
	ack := core.FindingAck{SubjectType: core.SubjectInterpretation, SubjectID: in.ID, Kind: "classification", Match: "秘密★1年", Reason: "误报"}
	for _, fd := range report.Findings {
		if fd.Match == "秘密★1年" {
			ack.Kind = fd.Kind
		}
	}
	if _, err := f.store.AcknowledgeFinding(ctx, ack); core.ErrorCode(err) != core.EFORBID {
		t.Fatalf("acknowledging a 密级 mark: %v", err)
	}
	for _, fd := range report.Findings {
		if fd.Severity == "warn" && fd.Kind != "idcard" {
			if report, err = f.store.AcknowledgeFinding(ctx, core.FindingAck{SubjectType: core.SubjectInterpretation, SubjectID: in.ID,
				Kind: fd.Kind, Match: fd.Match, Reason: "本局对外公开的咨询电话"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	f.approve(t, core.SubjectInterpretation, in.ID)
	if err := f.setStatus(core.PolicySigning, ""); err != nil {
		t.Fatal(err)
	}
	f.approve(t, core.SubjectPolicy, f.policy.ID)
	if _, err := f.store.PublishPolicy(ctx, core.Publication{ID: f.policy.ID, PublishedDate: "2026-09-14", PublishedURL: "https://x/1.html"}); err != nil {
		t.Fatal(err)
	}
	pub := core.Publication{ID: in.ID, PublishedDate: "2026-09-14", PublishedURL: "https://x/2.html"}
	if _, err := f.store.PublishInterpretation(ctx, pub); core.ErrorCode(err) != core.EFORBID {
		t.Fatalf("publishing with open findings: %v", err)
	}
	// Fixing the text is done by the drafter; here the check is re-run on a text without the two items.
	if _, err := f.db.SQL().Exec(`UPDATE interpretations SET body = replace(replace(body, '秘密★1年', ''), '11010519491231002X', '') WHERE id = ?`, in.ID); err != nil {
		t.Fatal(err)
	}
	report, err = f.store.PrepubCheck(ctx, core.SubjectInterpretation, in.ID)
	if err != nil || !report.Clear || len(report.Fixed) != 2 || report.Findings[0].Resolution != core.FindingAcknowledged {
		t.Fatalf("after fixing: %+v %v", report, err)
	}
	if _, err := f.store.PublishInterpretation(ctx, pub); err != nil {
		t.Fatalf("publishing when clear: %v", err)
	}
	var n int
	f.db.SQL().QueryRow(`SELECT COUNT(*) FROM prepub_findings WHERE resolution = 'fixed' AND person_name = '孙佳怡'`).Scan(&n)
	if n != 2 {
		t.Errorf("fixed findings recorded = %d", n)
	}
}

func TestEditorHelpAndQuestions(t *testing.T) {
	ctx := context.Background()
	f := newInterpFixture(t)
	_, v, err := f.store.PolicyText(ctx, f.policy.ID)
	if err != nil || v.Kind != "送审稿" {
		t.Fatalf("policy text = %+v, %v", v, err)
	}
	clauses, _, helpFacts := interpret.Help(v.Body, bigramSegmenter{}, 20)
	if len(clauses) < 4 {
		t.Fatalf("clauses = %+v", clauses)
	}
	var facts []string
	for _, fc := range helpFacts {
		facts = append(facts, fc.Label+":"+fc.Text)
	}
	if got := strings.Join(facts, ","); !strings.Contains(got, "金额:15万元") || !strings.Contains(got, "期限:自受理之日起十五个工作日内") {
		t.Errorf("facts = %s", got)
	}
	structure := interpret.StructureSource{Text: func(ctx context.Context, id int64) (string, string, error) {
		p, v, err := f.store.PolicyText(ctx, id)
		return p.Title, v.Body, err
	}}
	qs, err := structure.Questions(ctx, f.policy.ID)
	if err != nil || len(qs) == 0 || qs[0].Question != "本办法适用于哪些情形？" {
		t.Fatalf("questions = %+v, %v", qs, err)
	}
}

// Only a step's named signer acts on it, and nobody signs their own work.
func TestSignoffSignerRules(t *testing.T) {
	ctx := context.Background()
	f := newInterpFixture(t)
	if _, err := f.store.SaveSignoffSteps(ctx, []core.SignoffStep{{Name: "科室负责人审核"}, {Name: "分管领导审签", PersonID: f.approvers[2]}}); err != nil {
		t.Fatal(err)
	}
	in := f.text(t, "文字解读")
	in.AuthorID = f.approvers[0]
	in, err := f.store.SaveInterpretation(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.SubmitSignoff(ctx, core.SubjectInterpretation, in.ID); err != nil {
		t.Fatal(err)
	}
	agree := core.SignoffAction{SubjectType: core.SubjectInterpretation, SubjectID: in.ID, Decision: core.DecisionApprove}
	f.as(t, f.approvers[0]) // the author
	if _, err := f.store.DecideSignoff(ctx, agree); core.ErrorCode(err) != core.EFORBID {
		t.Fatalf("author signs own work: %v", err)
	}
	f.as(t, f.approvers[1])
	if _, err := f.store.DecideSignoff(ctx, agree); err != nil {
		t.Fatal(err)
	}
	f.as(t, f.approver) // not the named 分管领导
	if _, err := f.store.DecideSignoff(ctx, agree); core.ErrorCode(err) != core.EFORBID {
		t.Fatalf("someone else on a named step: %v", err)
	}
	f.as(t, f.approvers[2])
	if so, err := f.store.DecideSignoff(ctx, agree); err != nil || !so.Complete {
		t.Fatalf("named signer: %+v %v", so, err)
	}
}

func TestWaitingSignoffsFollowTheCurrentStep(t *testing.T) {
	ctx := context.Background()
	f := newInterpFixture(t)
	in := f.text(t, "文字解读")
	// The fixture's steps name nobody: any approver may sign each, but nobody two steps of a round.
	waiting := func(person int64) []core.Deadline {
		t.Helper()
		ws, err := f.store.WaitingSignoffs(ctx, person, true)
		if err != nil {
			t.Fatal(err)
		}
		return ws
	}
	if ws := waiting(f.approver); len(ws) != 0 {
		t.Fatalf("before submission: %+v", ws)
	}
	if _, err := f.store.SubmitSignoff(ctx, core.SubjectInterpretation, in.ID); err != nil {
		t.Fatal(err)
	}
	ws := waiting(f.approver)
	if len(ws) != 1 || ws[0].Kind != "signoff.waiting" || ws[0].Label != "科室负责人审核" || ws[0].PersonID != f.approver ||
		ws[0].Link != fmt.Sprintf("/interpretations/%d", in.ID) || !strings.Contains(ws[0].Title, in.Title) {
		t.Fatalf("first step = %+v", ws)
	}
	if ws, _ := f.store.WaitingSignoffs(ctx, f.approver, false); len(ws) != 0 {
		t.Fatalf("a step naming nobody waits only for those who sign any step: %+v", ws)
	}
	f.as(t, f.approver)
	if _, err := f.store.DecideSignoff(ctx, core.SignoffAction{SubjectType: core.SubjectInterpretation, SubjectID: in.ID, Decision: core.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	if len(waiting(f.approver)) != 0 || len(waiting(f.approvers[1])) != 1 || waiting(f.approvers[1])[0].Label != "分管领导审签" {
		t.Fatalf("after the first step: %+v / %+v", waiting(f.approver), waiting(f.approvers[1]))
	}
	f.as(t, f.approvers[1])
	ret := core.SignoffAction{SubjectType: core.SubjectInterpretation, SubjectID: in.ID, Decision: core.DecisionReturn, Opinion: "补充工作目标"}
	if _, err := f.store.DecideSignoff(ctx, ret); err != nil {
		t.Fatal(err)
	}
	for _, p := range f.approvers {
		if ws := waiting(p); len(ws) != 0 {
			t.Errorf("a returned round waits for nobody: %d has %+v", p, ws)
		}
	}
	if ws := waiting(0); ws == nil || len(ws) != 0 {
		t.Errorf("nobody = %+v", ws)
	}
}
