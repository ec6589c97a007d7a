package sqlite_test

import (
	"context"
	"strings"
	"testing"

	"policydesk/internal/core"
)

// Two people edit the same message from the same version: the second save is refused with who and when,
// and the first one's change is kept.
func TestStaleMessageEditRefused(t *testing.T) {
	f := newMailboxFixture(t)
	sys := f.ctx
	store := f.store
	zhang := core.Person{ID: f.people["刘芳"], Name: "刘芳", Role: core.RoleApprover}
	qian := core.Person{ID: f.people["林雨桐"], Name: "林雨桐", Role: core.RoleMailbox}
	m, err := store.CreateMessage(sys, core.MessageInput{SenderName: "李四", Subject: "路灯", Body: "路灯不亮"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(who core.Person, subject string) error {
		ctx := core.WithActor(context.Background(), core.Actor{PersonID: who.ID, Name: who.Name, Role: who.Role})
		_, err := store.UpdateMessage(ctx, core.MessageEdit{ID: m.ID, SenderName: "李四", Subject: subject, Body: "路灯不亮",
			Type: m.Type, Version: m.Version})
		return err
	}
	if err := edit(zhang, "滨江路路灯"); err != nil {
		t.Fatal(err)
	}
	err = edit(qian, "路灯问题")
	wantCode(t, err, core.ECONFLICT)
	if msg := core.ErrorMessage(err); !strings.Contains(msg, "刘芳") || !strings.Contains(msg, "刷新") {
		t.Errorf("message %q", msg)
	}
	got, err := store.Message(sys, m.ID)
	if err != nil || got.Message.Subject != "滨江路路灯" || got.Message.Version != m.Version+1 {
		t.Fatalf("kept %+v %v", got.Message, err)
	}
}

// A re-route decided on an older version of the message is refused; one on the current version goes through.
func TestStaleRerouteRefused(t *testing.T) {
	f := newMailboxFixture(t)
	m, err := f.store.CreateMessage(f.ctx, core.MessageInput{SenderName: "李四", Subject: "宅基地确权", Body: "宅基地确权登记怎么办理"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	topics, err := f.store.Topics(f.ctx)
	if err != nil || len(topics) < 2 {
		t.Fatalf("topics %v %v", topics, err)
	}
	if _, err := f.store.Reroute(f.ctx, core.RerouteInput{MessageID: m.ID, TopicID: topics[0].ID, Reason: "第一次", Version: m.Version}); err != nil {
		t.Fatal(err)
	}
	_, err = f.store.Reroute(f.ctx, core.RerouteInput{MessageID: m.ID, TopicID: topics[1].ID, Reason: "旧页面", Version: m.Version})
	wantCode(t, err, core.ECONFLICT)
	if _, err := f.store.Reroute(f.ctx, core.RerouteInput{MessageID: m.ID, TopicID: topics[1].ID, Reason: "刷新后", Version: m.Version + 1}); err != nil {
		t.Errorf("on the current version: %v", err)
	}
}

// The inbox's state counts come from memory only while nothing was written: a new message shows at once.
func TestInboxCountsFollowWrites(t *testing.T) {
	f := newMailboxFixture(t)
	before, err := f.store.Messages(f.ctx, core.MessageFilter{})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := f.store.Messages(f.ctx, core.MessageFilter{Page: 2})
	if again.Total != before.Total {
		t.Fatalf("same data, totals %d and %d", before.Total, again.Total)
	}
	if _, err := f.store.CreateMessage(f.ctx, core.MessageInput{SenderName: "王五", Subject: "耕地", Body: "耕地上建房"}, nil); err != nil {
		t.Fatal(err)
	}
	after, err := f.store.Messages(f.ctx, core.MessageFilter{})
	if err != nil || after.Total != before.Total+1 {
		t.Fatalf("after a new message: total %d, want %d (%v)", after.Total, before.Total+1, err)
	}
	// the counts the triggers keep are the counts of the table
	rows, err := f.db.SQL().Query(`SELECT m.state, COUNT(*), COALESCE(c.n, 0) FROM messages m
		LEFT JOIN message_state_counts c ON c.state = m.state GROUP BY m.state, c.n`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var n, kept int
		rows.Scan(&st, &n, &kept)
		if n != kept || after.StateCounts[st] != n {
			t.Errorf("%s: %d messages, %d kept, %d shown", st, n, kept, after.StateCounts[st])
		}
	}
}

// An overdue message cannot stop its clock: the store applies mailbox.CheckClockStop.
func TestOverdueMessageCannotStopItsClock(t *testing.T) {
	f := newMailboxFixture(t)
	f.at(t, "2026-11-16 09:00")
	m := f.create(t, core.MessageInput{Body: "咨询不动产抵押登记注销需要哪些材料"}) // due 2026-11-19
	f.at(t, "2026-11-20 09:00")
	_, err := f.store.RequestClockStop(f.ctx, core.ClockStopInput{MessageID: m.ID, Reason: "需补充材料", ApproverID: f.people["刘芳"]})
	wantCode(t, err, core.EFORBID)
	if !strings.Contains(core.ErrorMessage(err), "超过答复期限") {
		t.Errorf("message %q", core.ErrorMessage(err))
	}
}

// A clock stop is a request: the clock runs until the named approver approves it in their own action; only
// they decide, a rejection needs a reason, and a message that became overdue while the request waited
// cannot stop its clock.
func TestClockStopIsARequest(t *testing.T) {
	f := newMailboxFixture(t)
	f.at(t, "2026-11-16 09:00")
	m := f.create(t, core.MessageInput{Body: "咨询不动产抵押登记注销需要哪些材料"}) // due 2026-11-19
	ask := func() error {
		_, err := f.store.RequestClockStop(f.ctx, core.ClockStopInput{MessageID: m.ID, Reason: "需补充材料", ApproverID: f.people["刘芳"]})
		return err
	}
	if err := ask(); err != nil {
		t.Fatal(err)
	}
	detail, err := f.store.Message(f.ctx, m.ID)
	got := detail.Message
	if err != nil || got.StoppedSince != "" || got.DueStatus == "stopped" || got.StopRequest.ApproverName != "刘芳" || got.StopRequest.ByName != "林雨桐" {
		t.Fatalf("after the request: stopped %q, badge %s, request %+v, %v", got.StoppedSince, got.DueStatus, got.StopRequest, err)
	}
	wantCode(t, ask(), core.ECONFLICT)
	decide := func(approve bool, opinion string) (core.Message, error) {
		return f.store.DecideClockStop(f.ctx, core.ClockStopDecision{MessageID: m.ID, Approve: approve, Opinion: opinion})
	}
	_, err = decide(true, "") // the person asking
	if core.ErrorCode(err) != core.EFORBID || !strings.Contains(core.ErrorMessage(err), "须由刘芳批准") {
		t.Fatalf("requester approves: %v", err)
	}
	f.as(t, "罗斌") // someone else
	_, err = decide(true, "")
	wantCode(t, err, core.EFORBID)
	f.as(t, "刘芳")
	_, err = decide(false, " ")
	wantCode(t, err, core.EINVALID)
	if got, err = decide(false, "材料已齐全，请直接答复"); err != nil || got.StopRequest.Pending() || got.StoppedSince != "" {
		t.Fatalf("rejected: %+v %v", got.StopRequest, err)
	}
	f.as(t, "林雨桐")
	if err := ask(); err != nil {
		t.Fatal(err)
	}
	f.at(t, "2026-11-20 09:00") // the request waited past the due date
	f.as(t, "刘芳")
	_, err = decide(true, "")
	if core.ErrorCode(err) != core.EFORBID || !strings.Contains(core.ErrorMessage(err), "超过答复期限") {
		t.Fatalf("approved when overdue: %v", err)
	}
	if _, err = decide(false, "已超期，请尽快答复"); err != nil {
		t.Fatal(err)
	}

	f.as(t, "林雨桐")
	f.at(t, "2026-11-23 09:00")
	on := f.create(t, core.MessageInput{Body: "咨询不动产抵押登记注销需要哪些材料(二)"})
	if got = f.stopClock(t, on.ID, "刘芳"); got.StoppedSince != "2026-11-23" || got.DueStatus != "stopped" {
		t.Fatalf("approved: since %q badge %s", got.StoppedSince, got.DueStatus)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM message_events WHERE message_id = ? AND kind IN ('申请停止计时', '驳回停止计时')`, m.ID); n != 4 {
		t.Fatalf("request history of the first message = %d events, want 4", n)
	}
}
