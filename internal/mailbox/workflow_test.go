package mailbox

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestEdit(t *testing.T) {
	handling := core.Message{State: core.MsgHandling, Subject: "旧", Body: "旧", Type: "咨询"}
	tests := []struct {
		name string
		m    core.Message
		e    core.MessageEdit
		want string
	}{
		{"a correction", handling, core.MessageEdit{SenderName: " 张三 ", Subject: " 新主题 ", Body: " 新内容 ", Type: "投诉", AgreePublish: true}, ""},
		{"no body", handling, core.MessageEdit{Body: " \n", Type: "咨询"}, "invalid body: 缺少留言内容"},
		{"unknown type", handling, core.MessageEdit{Body: "内容", Type: "表扬"}, "invalid type: 留言类型“表扬”不正确"},
		{"published stays as published", core.Message{State: core.MsgPublished}, core.MessageEdit{Body: "内容", Type: "咨询"}, "forbidden : 留言已公开，不能再修改"},
		{"a replied message may still be corrected", core.Message{State: core.MsgReplied}, core.MessageEdit{Body: "内容", Type: "咨询"}, ""},
	}
	for _, tt := range tests {
		got, err := Edit(tt.m, tt.e)
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
		if tt.name == "a correction" && (got.SenderName != "张三" || got.Subject != "新主题" || got.Body != "新内容" || got.Type != "投诉" || !got.AgreePublish) {
			t.Errorf("%s: %+v", tt.name, got)
		}
	}
}

func TestReroute(t *testing.T) {
	open := core.Message{State: core.MsgPending, TopicID: 1, SectionID: 2, AssigneeID: 9}
	withSection := core.TopicRef{ID: 5, Name: "不动产登记", SectionID: 3}
	noSection := core.TopicRef{ID: 6, Name: "其他"}
	tests := []struct {
		name                       string
		m                          core.Message
		in                         core.RerouteInput
		topic                      core.TopicRef
		want                       string
		topicID, section, assignee int64
	}{
		{"to a topic: its section, the assignee dropped", open, core.RerouteInput{TopicID: 5}, withSection, "", 5, 3, 0},
		{"to a topic and a chosen section", open, core.RerouteInput{TopicID: 5, SectionID: 4}, withSection, "", 5, 4, 0},
		{"same section keeps the assignee", open, core.RerouteInput{SectionID: 2}, core.TopicRef{}, "", 1, 2, 9},
		{"a named assignee", open, core.RerouteInput{SectionID: 4, AssigneeID: 7}, core.TopicRef{}, "", 1, 4, 7},
		{"nothing chosen", open, core.RerouteInput{}, core.TopicRef{}, "invalid topicId: 请选择主题或承办科室", 0, 0, 0},
		{"a topic without section", open, core.RerouteInput{TopicID: 6}, noSection, "invalid sectionId: 主题“其他”未设置承办科室，请选择承办科室", 0, 0, 0},
		{"under review", core.Message{State: core.MsgReview}, core.RerouteInput{SectionID: 2}, core.TopicRef{}, "forbidden : 留言当前状态为“待审核”，不能改派", 0, 0, 0},
		{"answered", core.Message{State: core.MsgReplied}, core.RerouteInput{SectionID: 2}, core.TopicRef{}, "forbidden : 留言当前状态为“已答复”，不能改派", 0, 0, 0},
	}
	for _, tt := range tests {
		got, err := Reroute(tt.m, tt.in, tt.topic)
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
			continue
		}
		if err == nil && (got.TopicID != tt.topicID || got.SectionID != tt.section || got.AssigneeID != tt.assignee || got.State != core.MsgHandling) {
			t.Errorf("%s: topic %d section %d assignee %d state %s", tt.name, got.TopicID, got.SectionID, got.AssigneeID, got.State)
		}
	}
}

func TestStepInputs(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"assign while handling", CheckAssign(core.MsgHandling), ""},
		{"assign while pending", CheckAssign(core.MsgPending), "forbidden : 只有办理中的留言可以指定承办人(当前状态“待分办”)"},
		{"stop request", second(CheckStopInput(core.ClockStopInput{Reason: "需补充材料", ApproverID: 3})), ""},
		{"stop without reason", second(CheckStopInput(core.ClockStopInput{Reason: " ", ApproverID: 3})), "invalid reason: 停止计时须填写原因"},
		{"stop without approver", second(CheckStopInput(core.ClockStopInput{Reason: "需补充材料"})), "invalid approverId: 停止计时须选择批准人"},
		{"approve a stop", second(CheckStopOpinion(core.ClockStopDecision{Approve: true})), ""},
		{"reject with a reason", second(CheckStopOpinion(core.ClockStopDecision{Opinion: "材料已齐"})), ""},
		{"reject without a reason", second(CheckStopOpinion(core.ClockStopDecision{Opinion: " "})), "invalid opinion: 驳回停止计时申请须填写理由"},
		{"resume a stopped clock", CheckResume("2026-11-20"), ""},
		{"resume a running clock", CheckResume(""), "forbidden : 留言未停止计时"},
		{"forward", second(CheckForwardInput(core.ForwardInput{ForwardTo: "市住建局", Reply: "您好", ApproverID: 3})), ""},
		{"forward nowhere", second(CheckForwardInput(core.ForwardInput{Reply: "您好", ApproverID: 3})), "invalid forwardTo: 请填写转办单位"},
		{"forward without reply", second(CheckForwardInput(core.ForwardInput{ForwardTo: "市住建局", ApproverID: 3})), "invalid reply: 请填写告知留言人的答复内容"},
		{"forward without approver", second(CheckForwardInput(core.ForwardInput{ForwardTo: "市住建局", Reply: "您好"})), "invalid approverId: 转办告知须经审核后才能发出，请选择审核人"},
		{"submit while handling", CheckSubmit(core.Message{State: core.MsgHandling}), ""},
		{"submit while stopped", CheckSubmit(core.Message{State: core.MsgHandling, StoppedSince: "2026-11-20"}), "forbidden : 留言处于停止计时状态，请先恢复计时"},
		{"submit twice", CheckSubmit(core.Message{State: core.MsgReview}), "forbidden : 留言当前状态为“待审核”，不能转为“待审核”"},
		{"forward a pending message", CheckForwardSubmit(core.Message{State: core.MsgPending}), ""},
		{"forward while stopped", CheckForwardSubmit(core.Message{State: core.MsgHandling, StoppedSince: "2026-11-20"}), "forbidden : 留言处于停止计时状态，请先恢复计时"},
		{"forward an answered message", CheckForwardSubmit(core.Message{State: core.MsgReplied}), "forbidden : 留言当前状态为“已答复”，不能转办"},
		{"publish", CheckPublish(core.PublicationPreview{CanPublish: true}), ""},
		{"publish without consent", CheckPublish(core.PublicationPreview{Problems: []string{"留言人未同意公开", "答复为空"}}), "forbidden : 不能公开：留言人未同意公开；答复为空"},
	}
	for _, tt := range tests {
		if r := testutil.RefusalText(tt.err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
	}
}

func second[T any](_ T, err error) error { return err }

// The people of the cases: a section head, an approver, a clerk of the section, an administrator.
var (
	head     = core.Person{ID: 2, Name: "刘芳", Role: core.RoleHandler}
	approver = core.Person{ID: 3, Name: "王局", Role: core.RoleApprover}
	clerk    = core.Person{ID: 4, Name: "陈晨", Role: core.RoleHandler}
	reviewed = core.ReviewFacts{Section: "确权登记组", HeadID: 2, HeadName: "刘芳", OpenStep: 11}
	noHead   = core.ReviewFacts{Section: "办公室", OpenStep: 11}
)

func user(p core.Person) core.CurrentUser {
	return core.CurrentUser{PersonID: p.ID, Name: p.Name, Role: p.Role, Set: true}
}

func TestCheckChosenSigner(t *testing.T) {
	tests := []struct {
		name  string
		actor core.CurrentUser
		p     core.Person
		f     core.ReviewFacts
		want  string
	}{
		{"the section's head", user(clerk), head, reviewed, ""},
		{"an approver", user(clerk), approver, noHead, ""},
		{"oneself", user(head), head, reviewed, "forbidden approverId: 答复须由他人审核，不能选择自己作为审核人"},
		{"a clerk", user(head), clerk, reviewed,
			"forbidden approverId: 陈晨(" + core.RoleLabel(core.RoleHandler) + ")不能审核答复：须由审核审签人员、系统管理员或承办科室“确权登记组”负责人刘芳审核答复"},
		{"a head of no section", user(clerk), head, noHead,
			"forbidden approverId: 刘芳(" + core.RoleLabel(core.RoleHandler) + ")不能审核答复：须由审核审签人员或系统管理员审核答复"},
	}
	for _, tt := range tests {
		err := CheckChosenSigner(tt.actor, tt.p, tt.f, "审核答复", "答复须由他人审核，不能选择自己作为审核人")
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
	}
}

func TestApprove(t *testing.T) {
	review := core.Message{State: core.MsgReview, RepliedByID: clerk.ID}
	forward := core.Message{State: core.MsgReview, RepliedByID: clerk.ID, ForwardTo: "市住建局"}
	lateNoted := core.Message{State: core.MsgReview, RepliedByID: clerk.ID, LateNote: "需现场核查，核查于期限后一日完成"}
	due := day("2026-11-25")
	tests := []struct {
		name                  string
		u                     core.CurrentUser
		m                     core.Message
		f                     core.ReviewFacts
		today                 string
		want, state, what, nb string
	}{
		{"the head on time", user(head), review, reviewed, "2026-11-25", "", core.MsgReplied, "答复", "按时答复"},
		{"an approver late, with a 超期说明", user(approver), lateNoted, noHead, "2026-11-26", "", core.MsgReplied, "答复", "超期答复"},
		{"an approver late, without a 超期说明", user(approver), core.Message{State: core.MsgReview, RepliedByID: clerk.ID, RepliedByName: "陈晨"}, noHead, "2026-11-26",
			"forbidden : 答复已超过期限(2026-11-25)，须附超期说明才能通过：请退回陈晨补写超期说明", "", "", ""},
		{"a 转办", user(approver), forward, noHead, "2026-11-25", "", core.MsgForwarded, "转办", "转市住建局，按时答复"},
		{"nobody signed in", core.CurrentUser{}, review, reviewed, "2026-11-25",
			"forbidden : 尚未选择当前使用人，不能审核答复；请先在“设置 → 当前使用人”中选择您的姓名", "", "", ""},
		{"the writer", core.CurrentUser{PersonID: clerk.ID, Name: clerk.Name, Role: core.RoleApprover}, review, reviewed, "2026-11-25",
			"forbidden : 此答复由陈晨本人提交，不能由本人审核通过；请由其他审核审签人员、系统管理员或承办科室“确权登记组”负责人刘芳审核", "", "", ""},
		{"a clerk", user(core.Person{ID: 8, Name: "赵敏", Role: core.RoleHandler}), review, reviewed, "2026-11-25",
			"forbidden : 赵敏(" + core.RoleLabel(core.RoleHandler) + ")无权审核答复：答复须由审核审签人员、系统管理员或承办科室“确权登记组”负责人刘芳审核", "", "", ""},
		{"no review waiting", user(approver), review, core.ReviewFacts{}, "2026-11-25", "forbidden : 该留言没有待审核的答复", "", "", ""},
		{"not under review", user(approver), core.Message{State: core.MsgHandling}, reviewed, "2026-11-25",
			"forbidden : 留言当前状态为“办理中”，不能转为“已答复”", "", "", ""},
	}
	for _, tt := range tests {
		a, err := Approve(tt.u, tt.m, tt.f, due, day(tt.today))
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
			continue
		}
		if err == nil && (a.State != tt.state || a.What != tt.what || a.Note != tt.nb) {
			t.Errorf("%s: %+v", tt.name, a)
		}
	}
}

func TestCheckReturn(t *testing.T) {
	review := core.Message{State: core.MsgReview, RepliedByID: head.ID}
	tests := []struct {
		name, opinion string
		u             core.CurrentUser
		m             core.Message
		f             core.ReviewFacts
		want          string
	}{
		{"the writer may return their own reply", " 请补充依据 ", user(head), review, reviewed, ""},
		{"no opinion", " ", user(approver), review, reviewed, "invalid opinion: 退回须填写意见"},
		{"not under review", "请补充", user(approver), core.Message{State: core.MsgHandling}, reviewed, "forbidden : 只有待审核的答复可以退回"},
		{"a clerk", "请补充", user(clerk), review, reviewed,
			"forbidden : 陈晨(" + core.RoleLabel(core.RoleHandler) + ")无权审核答复：答复须由审核审签人员、系统管理员或承办科室“确权登记组”负责人刘芳审核"},
		{"no review waiting", "请补充", user(approver), review, core.ReviewFacts{}, "forbidden : 该留言没有待审核的答复"},
	}
	for _, tt := range tests {
		got, err := CheckReturn(tt.u, tt.m, tt.f, tt.opinion)
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
		if err == nil && got != "请补充依据" {
			t.Errorf("%s: opinion %q", tt.name, got)
		}
	}
}

func TestCheckBulkAssign(t *testing.T) {
	many := make([]int64, MaxBulk+1)
	for i := range many {
		many[i] = int64(i + 1)
	}
	for _, tc := range []struct {
		name string
		in   core.BulkAssignInput
		ids  []int64
		want string
	}{
		{"to a section", core.BulkAssignInput{MessageIDs: []int64{3, 1, 3}, SectionID: 2, Reason: " 批量 "}, []int64{3, 1}, ""},
		{"to a person only", core.BulkAssignInput{MessageIDs: []int64{5}, AssigneeID: 9}, []int64{5}, ""},
		{"nothing ticked", core.BulkAssignInput{SectionID: 2}, nil, "invalid messageIds: 请先勾选要分办的留言"},
		{"more than a page", core.BulkAssignInput{MessageIDs: many, SectionID: 2}, nil, "invalid messageIds: 一次最多分办200条留言，已勾选201条"},
		{"nowhere to send them", core.BulkAssignInput{MessageIDs: []int64{1}}, nil, "invalid sectionId: 请选择承办科室或承办人"},
		{"a bad id", core.BulkAssignInput{MessageIDs: []int64{1, 0}, SectionID: 2}, nil, "invalid messageIds: 留言编号不正确：0"},
	} {
		got, err := CheckBulkAssign(tc.in)
		if r := testutil.RefusalText(err); r != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, r, tc.want)
			continue
		}
		if err == nil && (!reflect.DeepEqual(got.MessageIDs, tc.ids) || strings.TrimSpace(got.Reason) != got.Reason) {
			t.Errorf("%s: %+v", tc.name, got)
		}
	}
}

func TestBulkRefusalNamesTheMessage(t *testing.T) {
	err := BulkRefusal(7, "违建", CheckAssign(core.MsgPending))
	if core.ErrorCode(err) != core.EFORBID || core.ErrorMessage(err) != "留言“违建”(编号7)：只有办理中的留言可以指定承办人(当前状态“待分办”)；所选留言均未分办" {
		t.Errorf("refusal = %v", err)
	}
	if err := BulkRefusal(8, "", core.Errorf(core.ENOTFOUND, "留言不存在")); core.ErrorMessage(err) != "留言编号8：留言不存在；所选留言均未分办" {
		t.Errorf("no subject = %v", err)
	}
	internal := errors.New("disk full")
	if err := BulkRefusal(8, "", internal); err != internal {
		t.Errorf("an unexpected error is passed through: %v", err)
	}
}
