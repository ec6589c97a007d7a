package sqlite_test

import (
	"strings"
	"testing"

	"policydesk/internal/core"
)

func TestMailboxArrivalRoutesAndDates(t *testing.T) {
	f := newMailboxFixture(t)
	f.at(t, "2026-11-20 09:30") // Friday
	routed := f.create(t, core.MessageInput{Channel: "网站", SenderName: "张伟", Subject: "不动产证办理",
		Body: "请问二手房不动产登记需要哪些材料？"})
	if routed.State != core.MsgHandling || routed.SectionName != "确权登记组" || routed.TopicName != "不动产登记" {
		t.Errorf("routed message = %s %s %s", routed.State, routed.SectionName, routed.TopicName)
	}
	if routed.Type != "咨询" || routed.DueDate != "2026-11-25" || routed.DueLabel != "剩余3个工作日" {
		t.Errorf("type %s, due %s (%s)", routed.Type, routed.DueDate, routed.DueLabel)
	}
	if len(routed.Match.Top) == 0 || routed.Match.Top[0].Words[0].Word != "不动产" {
		t.Errorf("match not kept for highlighting: %+v", routed.Match)
	}
	f.at(t, "2026-11-23 08:00")
	unsure := f.create(t, core.MessageInput{Body: "希望加快片区规划编制", ReceivedAt: "2026-11-21 10:00"})
	if unsure.State != core.MsgPending || unsure.SectionID != 0 || unsure.TopicName != "其他" || unsure.Type != "建议" {
		t.Errorf("unsure message = %s section %d topic %s type %s", unsure.State, unsure.SectionID, unsure.TopicName, unsure.Type)
	}
	if unsure.DueDate != "2026-11-25" {
		t.Errorf("received Saturday: due %s, want 2026-11-25", unsure.DueDate)
	}
	d, err := f.store.Message(f.ctx, routed.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 2 || d.Events[0].Kind != "收件" || d.Events[1].Kind != "自动分办" {
		t.Errorf("events = %+v", d.Events)
	}
	_, err = f.store.CreateMessage(f.ctx, core.MessageInput{SenderName: "张伟", Body: " 请问二手房不动产登记需要哪些材料？ "}, nil)
	mbMustCode(t, err, core.ECONFLICT)
	_, err = f.store.CreateMessage(f.ctx, core.MessageInput{Body: "  "}, nil)
	mbMustCode(t, err, core.EINVALID)
	_, err = f.store.CreateMessage(f.ctx, core.MessageInput{Body: "内容", Channel: "微信"}, nil)
	mbMustCode(t, err, core.EINVALID)
	if n := f.count(t, `SELECT COUNT(*) FROM audit_log WHERE entity = 'message'`); n != 2 {
		t.Errorf("audit entries for messages = %d, want 2", n)
	}
}

func TestMailboxWorkflowFromRoutingToPublication(t *testing.T) {
	f := newMailboxFixture(t)
	f.at(t, "2026-11-20 09:30")
	m := f.create(t, core.MessageInput{SenderName: "王建华", SenderPhone: "13812345678", AgreePublish: true,
		Body: "我是王建华，电话13812345678，住在滨江路88号3栋2单元501室，想咨询房屋过户手续。"})
	if m.State != core.MsgPending {
		t.Fatalf("state = %s, want 待分办", m.State)
	}
	_, err := f.store.SubmitReply(f.ctx, core.ReplySubmission{MessageID: m.ID, Body: "答复", ApproverID: f.people["刘芳"]})
	mbMustCode(t, err, core.EFORBID)

	m, err = f.store.Reroute(f.ctx, core.RerouteInput{MessageID: m.ID, TopicID: f.topics["不动产登记"], Reason: "属于过户登记"})
	if err != nil {
		t.Fatal(err)
	}
	if m.State != core.MsgHandling || m.SectionName != "确权登记组" {
		t.Errorf("after reroute: %s %s", m.State, m.SectionName)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM routing_examples WHERE message_id = ? AND label = '不动产登记' AND source = 'decision'`, m.ID); n != 1 {
		t.Errorf("routing examples = %d, want 1", n)
	}
	if _, err = f.store.Assign(f.ctx, m.ID, f.people["刘芳"]); err != nil {
		t.Fatal(err)
	}

	_, err = f.store.RequestClockStop(f.ctx, core.ClockStopInput{MessageID: m.ID, Reason: "需补充材料"})
	mbMustCode(t, err, core.EINVALID)
	m = f.stopClock(t, m.ID, "刘芳")
	if m.DueStatus != "stopped" {
		t.Errorf("badge while stopped = %s", m.DueStatus)
	}
	f.at(t, "2026-11-24 10:00") // Tuesday: Monday and Tuesday stood still
	if m, err = f.store.ResumeClock(f.ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if m.DueDate != "2026-11-27" || m.StoppedDays != 2 {
		t.Errorf("after resume: due %s, stopped %d; want 2026-11-27, 2", m.DueDate, m.StoppedDays)
	}

	_, err = f.store.SubmitReply(f.ctx, core.ReplySubmission{MessageID: m.ID, Body: "{称呼}：您好", ApproverID: f.people["刘芳"]})
	mbMustCode(t, err, core.EINVALID)
	reply := "王建华同志：您好！过户请携带身份证件到市民服务中心办理，咨询电话0571-8801 2351。"
	if _, err = f.store.SubmitReply(f.ctx, core.ReplySubmission{MessageID: m.ID, Body: reply, ApproverID: f.people["刘芳"]}); err != nil {
		t.Fatal(err)
	}
	_, err = f.store.ReturnReply(f.ctx, m.ID, "")
	mbMustCode(t, err, core.EINVALID)
	f.as(t, "刘芳")
	if m, err = f.store.ReturnReply(f.ctx, m.ID, "请补充办理地址"); err != nil || m.State != core.MsgHandling {
		t.Fatalf("return: %v, state %s", err, m.State)
	}
	f.as(t, "林雨桐")
	f.at(t, "2026-11-27 16:00")
	m = f.reply(t, m.ID, reply)
	if m.State != core.MsgReplied || !m.OnTime || m.DueLabel != "按时答复" {
		t.Errorf("after sign-off: %s on time %v %s", m.State, m.OnTime, m.DueLabel)
	}

	p, err := f.store.PublicationPreview(f.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, leaked := range []string{"王建华", "13812345678", "3栋2单元501"} {
		if strings.Contains(p.Message+p.Reply, leaked) {
			t.Errorf("preview still shows %q:\n%s\n%s", leaked, p.Message, p.Reply)
		}
	}
	if !strings.Contains(p.Reply, "0571-8801 2351") {
		t.Errorf("the section's public phone was masked: %s", p.Reply)
	}
	if !p.CanPublish || len(p.MessageItems) < 3 || len(p.ReplyItems) != 1 {
		t.Errorf("preview = %+v", p)
	}
	published, err := f.store.Publish(f.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if published.State != core.MsgPublished || published.PublishedText != p.Message || published.PublishedReply != p.Reply ||
		published.PublishedSubject != p.Subject {
		t.Errorf("published text differs from the preview")
	}
	_, err = f.store.Publish(f.ctx, m.ID)
	mbMustCode(t, err, core.EFORBID)

	d, err := f.store.Message(f.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := "收件 改派 承办 申请停止计时 停止计时 恢复计时 提交审核 退回 提交审核 答复 公开"
	if got := eventKinds(t, f, m.ID); got != want {
		t.Errorf("history = %s\nwant      %s", got, want)
	}
	if d.Events[3].Reason != "需补充材料" || d.Events[3].ApproverName != "刘芳" {
		t.Errorf("clock stop event = %+v", d.Events[3])
	}
	if len(d.Approvals) != 2 || d.Approvals[0].Decision != "退回" || d.Approvals[1].Decision != "同意" {
		t.Errorf("approvals = %+v", d.Approvals)
	}
	check, err := f.db.VerifyAudit(f.ctx)
	if err != nil || !check.OK {
		t.Errorf("audit chain: %+v %v", check, err)
	}
}

func TestMailboxPublicationNeedsConsent(t *testing.T) {
	f := newMailboxFixture(t)
	m := f.create(t, core.MessageInput{Body: "不动产证丢了怎么补办"})
	f.reply(t, m.ID, "请到登记大厅申请补证。")
	p, err := f.store.PublicationPreview(f.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.CanPublish || len(p.Problems) != 1 || p.Problems[0] != "留言人未同意公开" {
		t.Errorf("preview = %+v", p)
	}
	_, err = f.store.Publish(f.ctx, m.ID)
	mbMustCode(t, err, core.EFORBID)
}

func TestMailboxForward(t *testing.T) {
	f := newMailboxFixture(t)
	m := f.create(t, core.MessageInput{Body: "小区物业乱收停车费"})
	_, err := f.store.Forward(f.ctx, core.ForwardInput{MessageID: m.ID, ForwardTo: "市住房和城乡建设局"})
	mbMustCode(t, err, core.EINVALID)
	reply := "您反映的物业收费问题属市住建局职责，已转办。"
	_, err = f.store.Forward(f.ctx, core.ForwardInput{MessageID: m.ID, ForwardTo: "市住房和城乡建设局", Reply: reply})
	mbMustCode(t, err, core.EINVALID) // no reviewer named
	// the 转办告知 goes to 待审核 like any reply; its writer cannot approve it
	m, err = f.store.Forward(f.ctx, core.ForwardInput{MessageID: m.ID, ForwardTo: "市住房和城乡建设局", Reply: reply, ApproverID: f.people["刘芳"]})
	if err != nil || m.State != core.MsgReview || m.RepliedAt != "" {
		t.Fatalf("submitted: %s %q %v", m.State, m.RepliedAt, err)
	}
	_, err = f.store.ApproveReply(f.ctx, m.ID, "同意")
	mbMustCode(t, err, core.EFORBID)
	f.as(t, "刘芳")
	m, err = f.store.ApproveReply(f.ctx, m.ID, "同意转办")
	if err != nil {
		t.Fatal(err)
	}
	if m.State != core.MsgForwarded || m.RepliedAt == "" || !m.OnTime || m.ForwardTo != "市住房和城乡建设局" {
		t.Errorf("forwarded = %s replied %q on time %v to %q", m.State, m.RepliedAt, m.OnTime, m.ForwardTo)
	}
	// a returned 转办 is handled again
	n := f.create(t, core.MessageInput{Body: "楼下餐馆油烟扰民"})
	f.as(t, "林雨桐")
	if _, err := f.store.Forward(f.ctx, core.ForwardInput{MessageID: n.ID, ForwardTo: "区生态环境分局", Reply: "已转办。", ApproverID: f.people["刘芳"]}); err != nil {
		t.Fatal(err)
	}
	f.as(t, "刘芳")
	n, err = f.store.ReturnReply(f.ctx, n.ID, "油烟属综合执法职责，请改转区综合行政执法局")
	if err != nil || n.State != core.MsgHandling || n.ForwardTo != "" {
		t.Errorf("returned: %s %q %v", n.State, n.ForwardTo, err)
	}
}

func TestReplyTemplates(t *testing.T) {
	f := newMailboxFixture(t)
	_, err := f.store.SaveReplyTemplate(f.ctx, core.ReplyTemplate{Name: "通用", Body: "{称乎}：您好"})
	mbMustCode(t, err, core.EINVALID)
	tpl, err := f.store.SaveReplyTemplate(f.ctx, core.ReplyTemplate{Name: "通用", Body: "{称呼}：您好！您{收件日期}的留言已由{承办科室}办理，电话{联系电话}。"})
	if err != nil {
		t.Fatal(err)
	}
	tpl.Type = "咨询"
	if tpl, err = f.store.SaveReplyTemplate(f.ctx, tpl); err != nil || tpl.Type != "咨询" {
		t.Fatalf("update: %v %+v", err, tpl)
	}
	f.at(t, "2026-11-20 09:30")
	m := f.create(t, core.MessageInput{SenderName: "李娜", Body: "不动产登记预约怎么操作"})
	r, err := f.store.RenderTemplate(f.ctx, tpl.ID, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Body != "李娜同志：您好！您2026年11月20日的留言已由确权登记组办理，电话0571-8801 2351。" || len(r.Missing) != 0 {
		t.Errorf("rendered = %+v", r)
	}
	if err := f.store.DeleteReplyTemplate(f.ctx, tpl.ID); err != nil {
		t.Fatal(err)
	}
	list, err := f.store.ReplyTemplates(f.ctx)
	if err != nil || len(list) != 0 {
		t.Errorf("after delete: %v %v", list, err)
	}
	mbMustCode(t, f.store.DeleteReplyTemplate(f.ctx, tpl.ID), core.ENOTFOUND)
}

func TestInboxFiltersAndSearch(t *testing.T) {
	f := newMailboxFixture(t)
	f.at(t, "2026-11-16 09:00") // Monday: due Thursday 19th, overdue on the 20th
	old := f.create(t, core.MessageInput{Subject: "违建", Body: "举报河边有人违建厂房"})
	f.at(t, "2026-11-19 09:00") // due Tuesday 24th
	f.create(t, core.MessageInput{Body: "请问不动产登记要预约吗"})
	f.at(t, "2026-11-17 09:00") // due Friday 20th: due today
	today := f.create(t, core.MessageInput{Body: "房屋抵押登记的流程"})
	f.at(t, "2026-11-20 09:30")

	list := func(filter core.MessageFilter) []int64 {
		t.Helper()
		page, err := f.store.Messages(f.ctx, filter)
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != len(page.Items) {
			t.Errorf("total %d, items %d", page.Total, len(page.Items))
		}
		var ids []int64
		for _, it := range page.Items {
			ids = append(ids, it.ID)
		}
		return ids
	}
	if ids := list(core.MessageFilter{Due: core.DueOverdue}); len(ids) != 1 || ids[0] != old.ID {
		t.Errorf("overdue = %v", ids)
	}
	if ids := list(core.MessageFilter{Due: core.DueToday}); len(ids) != 1 || ids[0] != today.ID {
		t.Errorf("due today = %v", ids)
	}
	if ids := list(core.MessageFilter{Text: "登记"}); len(ids) != 2 {
		t.Errorf("search 登记 = %v", ids)
	}
	if ids := list(core.MessageFilter{Text: "抵押 流程"}); len(ids) != 1 || ids[0] != today.ID {
		t.Errorf("search 抵押 流程 = %v", ids)
	}
	if ids := list(core.MessageFilter{Text: "房"}); len(ids) != 2 {
		t.Errorf("one-character search 房 = %v", ids)
	}
	if ids := list(core.MessageFilter{Type: "举报", SectionID: f.sections["执法监察支队"]}); len(ids) != 1 || ids[0] != old.ID {
		t.Errorf("type and section = %v", ids)
	}
	if ids := list(core.MessageFilter{Sort: core.SortDueAsc}); len(ids) != 3 || ids[0] != old.ID || ids[1] != today.ID {
		t.Errorf("by due date = %v", ids)
	}
	page, err := f.store.Messages(f.ctx, core.MessageFilter{PageSize: 2, Page: 2})
	if err != nil || page.Total != 3 || len(page.Items) != 1 {
		t.Errorf("page 2 = %+v %v", page, err)
	}
	_, err = f.store.Messages(f.ctx, core.MessageFilter{Sort: "random"})
	mbMustCode(t, err, core.EINVALID)

	deadlines, err := f.store.Deadlines(f.ctx, f.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, d := range deadlines {
		labels = append(labels, d.Label)
	}
	// overdue, due today, the Tuesday one within three working days, and the reminder of 待分办.
	if strings.Join(labels, ",") != "已超期1个工作日,今日到期,剩余2个工作日,待分办" {
		t.Errorf("deadlines = %v", labels)
	}
	// Each reply names its section (and 承办人 once assigned) for the 工作台's 我的 / 本科室 switch.
	if deadlines[0].SectionID != f.sections["执法监察支队"] || deadlines[0].PersonID != 0 || deadlines[3].SectionID != 0 {
		t.Errorf("owners = %+v", deadlines)
	}
}

// eventKinds is a message's history as its kinds, in order, separated by spaces.
func eventKinds(t *testing.T, f *mailboxFixture, id int64) string {
	t.Helper()
	d, err := f.store.Message(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	kinds := make([]string, len(d.Events))
	for i, e := range d.Events {
		kinds[i] = e.Kind
	}
	return strings.Join(kinds, " ")
}
