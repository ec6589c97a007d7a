package mailbox

import (
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestCheckRemind(t *testing.T) {
	handling := core.Message{State: core.MsgHandling, AssigneeID: clerk.ID, AssigneeName: clerk.Name}
	reminded := handling
	reminded.Reminder = core.Reminder{Count: 1, At: "2026-11-26T09:10:00+08:00", ByName: "王局"}
	due := day("2026-11-25")
	var never time.Time
	tests := []struct {
		name        string
		u           core.CurrentUser
		m           core.Message
		today, last string
		want        string
	}{
		{"overdue, by the approver", user(approver), handling, "2026-11-26", "", ""},
		{"due today", user(head), handling, "2026-11-25", "", ""},
		{"waiting for review: urges the approver", user(clerk), core.Message{State: core.MsgReview, AssigneeID: clerk.ID}, "2026-11-26", "", ""},
		{"not yet due", user(approver), handling, "2026-11-24", "", "forbidden : 留言的答复期限是2026-11-25，尚未到期，无需催办"},
		{"the handler themself", user(clerk), handling, "2026-11-26", "", "forbidden : 这件留言由您本人承办，不能催办自己"},
		{"twice the same day", user(head), reminded, "2026-11-26", "2026-11-26", "conflict : 王局今天已催办过，请勿重复催办"},
		{"again the next day", user(head), reminded, "2026-11-27", "2026-11-26", ""},
		{"answered", user(approver), core.Message{State: core.MsgReplied}, "2026-11-26", "", "forbidden : 留言已办结，无需催办"},
		{"clock stopped", user(approver), core.Message{State: core.MsgHandling, StoppedSince: "2026-11-24"}, "2026-11-26", "",
			"forbidden : 留言自2026-11-24起停止计时，无需催办"},
		{"nobody signed in", core.CurrentUser{}, handling, "2026-11-26", "", "forbidden : 尚未选择当前使用人，不能催办"},
	}
	for _, tt := range tests {
		last := never
		if tt.last != "" {
			last = day(tt.last)
		}
		err := CheckRemind(tt.u, tt.m, due, day(tt.today), last)
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
	}
}

func TestCheckExtensionInput(t *testing.T) {
	tests := []struct {
		name string
		in   core.ExtensionInput
		want string
	}{
		{"complete", core.ExtensionInput{Days: 5, Reason: " 需现场踏勘 ", ApproverID: 3}, ""},
		{"no days", core.ExtensionInput{Reason: "需现场踏勘", ApproverID: 3}, "invalid days: 延期天数须为1至15个工作日"},
		{"too many days", core.ExtensionInput{Days: 16, Reason: "需现场踏勘", ApproverID: 3}, "invalid days: 延期天数须为1至15个工作日"},
		{"no reason", core.ExtensionInput{Days: 5, Reason: "  ", ApproverID: 3}, "invalid reason: 请填写延期理由"},
		{"no approver", core.ExtensionInput{Days: 5, Reason: "需现场踏勘"}, "invalid approverId: 延期须经批准，请选择批准人"},
	}
	for _, tt := range tests {
		in, err := CheckExtensionInput(tt.in)
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
		if err == nil && in.Reason != "需现场踏勘" {
			t.Errorf("%s: reason %q not trimmed", tt.name, in.Reason)
		}
	}
}

func TestCheckExtensionRequest(t *testing.T) {
	today := day("2026-11-25")
	pendingStop := core.Message{State: core.MsgHandling, StopRequest: core.StopRequest{ByName: "陈晨", ApproverID: 3, ApproverName: "王局"}}
	pendingExt := core.Message{State: core.MsgHandling, Extension: core.ExtensionRequest{Days: 3, ByName: "陈晨", ApproverID: 3, ApproverName: "王局"}}
	tests := []struct {
		name string
		m    core.Message
		want string
	}{
		{"handling, due later", core.Message{State: core.MsgHandling, DueDate: "2026-11-27"}, ""},
		{"handling, due today", core.Message{State: core.MsgHandling, DueDate: "2026-11-25"}, ""},
		{"handling, overdue: DOMAIN §4, no clock stop", core.Message{State: core.MsgHandling, DueDate: "2026-11-24"},
			"forbidden : 留言的答复期限2026-11-24已过，超期的留言不能延期；请尽快答复，并在答复中填写超期说明"},
		{"pending", core.Message{State: core.MsgPending}, ""},
		{"under review", core.Message{State: core.MsgReview}, "forbidden : 只有待分办或办理中的留言可以申请延期"},
		{"clock stopped", core.Message{State: core.MsgHandling, StoppedSince: "2026-11-24"}, "forbidden : 留言自2026-11-24起停止计时，恢复计时后才能申请延期"},
		{"a clock stop waits", pendingStop, "conflict : 已有陈晨提出的停止计时申请，正等待王局批准"},
		{"an extension waits", pendingExt, "conflict : 已有陈晨提出的延期申请，正等待王局批准"},
		{"extended before", core.Message{State: core.MsgHandling, ExtendedDays: 5}, "forbidden : 留言已延期5个工作日，每件留言只能延期一次"},
	}
	for _, tt := range tests {
		if r := testutil.RefusalText(CheckExtensionRequest(tt.m, today)); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
	}
}

func TestCheckExtensionDecision(t *testing.T) {
	today := day("2026-11-25")
	waiting := core.Message{State: core.MsgHandling, DueDate: "2026-11-25", Extension: core.ExtensionRequest{Days: 3, ByID: clerk.ID, ByName: "陈晨", ApproverID: approver.ID, ApproverName: "王局"}}
	answered := waiting
	answered.State = core.MsgReplied
	late := waiting
	late.DueDate = "2026-11-24"
	tests := []struct {
		name string
		u    core.CurrentUser
		m    core.Message
		d    core.ExtensionDecision
		want string
	}{
		{"the approver approves", user(approver), waiting, core.ExtensionDecision{Approve: true}, ""},
		{"the approver rejects with a reason", user(approver), waiting, core.ExtensionDecision{Opinion: "请按期答复"}, ""},
		{"a rejection without a reason", user(approver), waiting, core.ExtensionDecision{Opinion: " "}, "invalid opinion: 驳回须填写理由"},
		{"someone else", user(head), waiting, core.ExtensionDecision{Approve: true}, "forbidden : 延期申请须由王局批准或驳回，刘芳不能代为处理"},
		{"nothing waits", user(approver), core.Message{State: core.MsgHandling}, core.ExtensionDecision{Approve: true}, "forbidden : 该留言没有待批准的延期申请"},
		{"answered meanwhile", user(approver), answered, core.ExtensionDecision{Approve: true}, "forbidden : 留言已不在办理中，不能再延期"},
		{"overdue meanwhile: not approved", user(approver), late, core.ExtensionDecision{Approve: true},
			"forbidden : 留言的答复期限2026-11-24已过，超期的留言不能延期；请尽快答复，并在答复中填写超期说明"},
		{"overdue meanwhile: still rejected", user(approver), late, core.ExtensionDecision{Opinion: "已超期，请尽快答复"}, ""},
	}
	for _, tt := range tests {
		_, err := CheckExtensionDecision(tt.u, tt.m, tt.d, today)
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
	}
}

func TestExtendDueCountsWorkingDays(t *testing.T) {
	cal := cal2026()
	tests := []struct {
		name      string
		due, want string
		days      int
	}{
		{"from the due date", "2026-11-25", "2026-11-30", 3},
		{"one day", "2026-11-25", "2026-11-26", 1},
		{"across 国庆", "2026-09-30", "2026-10-09", 2},
		{"across 国庆 and its 调休 Saturday", "2026-09-29", "2026-10-10", 4},
	}
	for _, tt := range tests {
		got := ExtendDue(cal, day(tt.due), tt.days)
		if calendar.FormatDate(got) != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, calendar.FormatDate(got), tt.want)
		}
	}
}

func TestCheckLateNote(t *testing.T) {
	due := day("2026-11-25")
	tests := []struct {
		name, note, today, want string
	}{
		{"on time, none", "", "2026-11-25", ""},
		{"late, none", "  ", "2026-11-26", "invalid lateNote: 已超过答复期限(2026-11-25)，请填写超期说明：为何未能按时答复"},
		{"late, given", "需会同不动产登记中心核查", "2026-11-26", ""},
	}
	for _, tt := range tests {
		_, err := CheckLateNote(tt.note, due, day(tt.today))
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
	}
}
