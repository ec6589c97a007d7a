package sqlite_test

import (
	"context"
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/sqlite"
)

// signoffFixture is the mailbox fixture plus an administrator, and 罗斌 (承办人员) as head of 执法监察支队.
type signoffFixture struct {
	*mailboxFixture
}

func newSignoffFixture(t *testing.T) signoffFixture {
	t.Helper()
	f := newMailboxFixture(t)
	settings := sqlite.NewSettingsStore(f.db)
	admin := mustPerson(t, f.ctx, settings, "周明远", f.sections["综合组"], core.RoleAdmin)
	f.people["周明远"] = admin.ID
	sections, err := settings.Sections(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sections {
		if s.Name == "执法监察支队" {
			s.HeadID = f.people["罗斌"]
			if _, err := settings.SaveSection(f.ctx, s); err != nil {
				t.Fatal(err)
			}
		}
	}
	return signoffFixture{f}
}

// submitted creates a message routed by its text and submits a reply to approver as submitter.
func (f signoffFixture) submitted(t *testing.T, body, submitter, approver string) core.Message {
	t.Helper()
	m := f.create(t, core.MessageInput{Body: body})
	if m.State != core.MsgHandling {
		t.Fatalf("%q was not routed: %s", body, m.State)
	}
	f.as(t, submitter)
	m, err := f.store.SubmitReply(f.ctx, core.ReplySubmission{MessageID: m.ID, Body: "您好，已按规定办理。", ApproverID: f.people[approver]})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// refused checks an EFORBID whose message contains every part.
func refused(t *testing.T, err error, parts ...string) {
	t.Helper()
	mbMustCode(t, err, core.EFORBID)
	for _, p := range parts {
		if !strings.Contains(core.ErrorMessage(err), p) {
			t.Errorf("message %q does not say %q", core.ErrorMessage(err), p)
		}
	}
}

func TestReplySignoffNeedsApproverOrAdmin(t *testing.T) {
	f := newSignoffFixture(t)
	m := f.submitted(t, "不动产证办理进度查询", "林雨桐", "刘芳")
	for _, who := range []string{"林雨桐", "罗斌"} { // the submitter (信箱管理员), and a head of another section
		f.as(t, who)
		_, err := f.store.ApproveReply(f.ctx, m.ID, "同意")
		refused(t, err, who)
		_, err = f.store.ReturnReply(f.ctx, m.ID, "请修改")
		refused(t, err, who, "无权审核答复", "审核审签人员或系统管理员")
	}
	f.as(t, "刘芳")
	if got, err := f.store.ApproveReply(f.ctx, m.ID, "同意"); err != nil || got.State != core.MsgReplied {
		t.Fatalf("approver signs off: %v, %s", err, got.State)
	}

	m = f.submitted(t, "不动产登记需要什么材料", "林雨桐", "刘芳")
	f.as(t, "周明远")
	if got, err := f.store.ReturnReply(f.ctx, m.ID, "请补充办理地址"); err != nil || got.State != core.MsgHandling {
		t.Fatalf("administrator returns: %v, %s", err, got.State)
	}
}

func TestReplySignoffBySectionHead(t *testing.T) {
	f := newSignoffFixture(t)
	m := f.submitted(t, "村里有人违建厂房", "林雨桐", "刘芳")
	f.as(t, "罗斌")
	if got, err := f.store.ApproveReply(f.ctx, m.ID, "同意"); err != nil || got.State != core.MsgReplied {
		t.Fatalf("head of the handling section signs off: %v, %s", err, got.State)
	}

	other := f.submitted(t, "不动产证丢失补办", "林雨桐", "刘芳")
	f.as(t, "罗斌")
	_, err := f.store.ApproveReply(f.ctx, other.ID, "同意")
	refused(t, err, "罗斌(承办人员)无权审核答复", "审核审签人员或系统管理员")
}

func TestReplySignoffFourEyes(t *testing.T) {
	f := newSignoffFixture(t)
	m := f.submitted(t, "不动产证办理进度查询", "刘芳", "周明远")
	f.as(t, "刘芳")
	_, err := f.store.ApproveReply(f.ctx, m.ID, "同意")
	refused(t, err, "由刘芳本人提交", "不能由本人审核通过")
	if got, err := f.store.ReturnReply(f.ctx, m.ID, "撤回修改"); err != nil || got.State != core.MsgHandling {
		t.Fatalf("an approver returns their own reply: %v, %s", err, got.State)
	}

	m = f.submitted(t, "村里有人违建厂房", "罗斌", "刘芳") // the head of 执法监察支队 wrote it
	f.as(t, "罗斌")
	_, err = f.store.ApproveReply(f.ctx, m.ID, "同意")
	refused(t, err, "由罗斌本人提交", "承办科室“执法监察支队”负责人罗斌")
	f.as(t, "周明远")
	if got, err := f.store.ApproveReply(f.ctx, m.ID, "同意"); err != nil || got.State != core.MsgReplied {
		t.Fatalf("another signer approves: %v, %s", err, got.State)
	}
}

func TestChosenApproverMaySignOff(t *testing.T) {
	f := newSignoffFixture(t)
	m := f.create(t, core.MessageInput{Body: "不动产证办理进度查询"})
	reply := func(approver string) error {
		_, err := f.store.SubmitReply(f.ctx, core.ReplySubmission{MessageID: m.ID, Body: "您好。", ApproverID: f.people[approver]})
		return err
	}
	stop := func(approver string) error {
		_, err := f.store.RequestClockStop(f.ctx, core.ClockStopInput{MessageID: m.ID, Reason: "需补充材料", ApproverID: f.people[approver]})
		return err
	}
	f.as(t, "刘芳")
	refused(t, reply("刘芳"), "不能选择自己作为审核人")
	refused(t, stop("刘芳"), "不能选择自己作为批准人")
	f.as(t, "林雨桐")
	refused(t, reply("罗斌"), "罗斌(承办人员)不能审核答复")
	err := stop("罗斌")
	refused(t, err, "罗斌(承办人员)不能批准停止计时")
	if core.ErrorField(err) != "approverId" {
		t.Errorf("field = %q, want approverId", core.ErrorField(err))
	}
	if err := stop("刘芳"); err != nil {
		t.Fatalf("an approver is asked to stop the clock: %v", err)
	}

	violation := f.create(t, core.MessageInput{Body: "村里有人违建厂房"})
	if _, err := f.store.RequestClockStop(f.ctx, core.ClockStopInput{MessageID: violation.ID, Reason: "需补充材料", ApproverID: f.people["罗斌"]}); err != nil {
		t.Fatalf("the head of the handling section is asked to stop its clock: %v", err)
	}
}

func TestInterpretationSignoffNeedsApproverOrAdmin(t *testing.T) {
	ctx := context.Background()
	f := newInterpFixture(t)
	in := f.text(t, "文字解读")
	if _, err := f.store.SubmitSignoff(ctx, core.SubjectInterpretation, in.ID); err != nil {
		t.Fatal(err)
	}
	approve := core.SignoffAction{SubjectType: core.SubjectInterpretation, SubjectID: in.ID, Decision: core.DecisionApprove}
	ret := core.SignoffAction{SubjectType: core.SubjectInterpretation, SubjectID: in.ID, Decision: core.DecisionReturn, Opinion: "请修改"}
	_, err := f.store.DecideSignoff(ctx, approve)
	refused(t, err, "孙佳怡(起草人员)无权审签“科室负责人审核”", "审核审签人员或系统管理员")
	_, err = f.store.DecideSignoff(ctx, ret)
	refused(t, err, "孙佳怡(起草人员)无权审签")

	f.as(t, f.approver)
	so, err := f.store.DecideSignoff(ctx, approve)
	if err != nil || so.Steps[0].PersonName != "赵志强" {
		t.Fatalf("approver decides: %+v %v", so, err)
	}
	admin := mustPerson(t, ctx, f.settings, "周明远", f.other, core.RoleAdmin)
	f.as(t, admin.ID)
	if so, err = f.store.DecideSignoff(ctx, ret); err != nil || !so.Returned || so.Steps[1].PersonName != "周明远" {
		t.Fatalf("administrator returns: %+v %v", so, err)
	}
}
