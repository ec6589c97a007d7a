package sqlite_test

import (
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// A message due today: the approver urges its handler, the handler asks for more days, the approver grants
// them and the due date moves through the working-day calendar; answered late all the same, the reply carries
// its 超期说明. An overdue message cannot be extended (DOMAIN.md §4). Each step is in the message's history.
func TestOverdueMessageRemindExtendAndLateNote(t *testing.T) {
	f := newMailboxFixture(t)
	f.at(t, "2026-11-20 10:00") // Friday: due Wednesday 2026-11-25
	m := f.create(t, core.MessageInput{Body: "请问不动产登记能否网上预约"})
	if _, err := f.store.Assign(f.ctx, m.ID, f.people["罗斌"]); err != nil {
		t.Fatal(err)
	}
	f.at(t, "2026-11-25 09:00")
	f.as(t, "刘芳")
	r, err := f.store.Remind(f.ctx, core.RemindInput{MessageID: m.ID, Note: " 请今日答复 "})
	if err != nil {
		t.Fatal(err)
	}
	if r.Reminder.Count != 1 || r.Reminder.ByName != "刘芳" || r.Reminder.Note != "请今日答复" {
		t.Fatalf("reminder %+v", r.Reminder)
	}
	_, err = f.store.Remind(f.ctx, core.RemindInput{MessageID: m.ID})
	if got := testutil.RefusalText(err); got != "conflict : 刘芳今天已催办过，请勿重复催办" {
		t.Errorf("second reminder the same day: %q", got)
	}

	f.as(t, "罗斌")
	if _, err := f.store.RequestExtension(f.ctx, core.ExtensionInput{MessageID: m.ID, Days: 3, Reason: "需现场踏勘", ApproverID: f.people["刘芳"]}); err != nil {
		t.Fatal(err)
	}
	_, err = f.store.DecideExtension(f.ctx, core.ExtensionDecision{MessageID: m.ID, Approve: true})
	if got := testutil.RefusalText(err); got != "forbidden : 延期申请须由刘芳批准或驳回，罗斌不能代为处理" {
		t.Errorf("the handler approving: %q", got)
	}
	f.as(t, "刘芳")
	x, err := f.store.DecideExtension(f.ctx, core.ExtensionDecision{MessageID: m.ID, Approve: true})
	if err != nil {
		t.Fatal(err)
	}
	// three working days from the due date, Wednesday 25 → Monday 30
	if x.DueDate != "2026-11-30" || x.ExtendedDays != 3 || x.Extension.Pending() {
		t.Fatalf("after the extension: due %s, extended %d, pending %v", x.DueDate, x.ExtendedDays, x.Extension.Pending())
	}

	f.at(t, "2026-12-01 09:00")
	f.as(t, "罗斌")
	_, err = f.store.SubmitReply(f.ctx, core.ReplySubmission{MessageID: m.ID, Body: "可以网上预约。", ApproverID: f.people["刘芳"]})
	if got := testutil.RefusalText(err); got != "invalid lateNote: 已超过答复期限(2026-11-30)，请填写超期说明：为何未能按时答复" {
		t.Errorf("a late reply without its 超期说明: %q", got)
	}
	if _, err := f.store.SubmitReply(f.ctx, core.ReplySubmission{MessageID: m.ID, Body: "可以网上预约。", ApproverID: f.people["刘芳"], LateNote: "踏勘延后一日"}); err != nil {
		t.Fatal(err)
	}
	done := f.approveAsLiuFang(t, m.ID, "同意")
	if done.LateNote != "踏勘延后一日" || done.OnTime {
		t.Errorf("answered: late note %q, on time %v", done.LateNote, done.OnTime)
	}
	want := "收件 自动分办 承办 催办 申请延期 延期 提交审核 答复"
	if got := eventKinds(t, f, m.ID); got != want {
		t.Errorf("history %q, want %q", got, want)
	}

	late := f.create(t, core.MessageInput{Body: "小区旁的违建何时拆除"}) // received Tuesday 1 December: due Friday 4
	f.at(t, "2026-12-07 09:00")
	_, err = f.store.RequestExtension(f.ctx, core.ExtensionInput{MessageID: late.ID, Days: 3, Reason: "需现场核查", ApproverID: f.people["刘芳"]})
	if got := testutil.RefusalText(err); got != "forbidden : 留言的答复期限2026-12-04已过，超期的留言不能延期；请尽快答复，并在答复中填写超期说明" {
		t.Errorf("an overdue message's extension: %q", got)
	}
}
