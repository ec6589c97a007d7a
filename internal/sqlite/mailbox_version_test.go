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
	m, err := store.CreateMessage(sys, core.MessageInput{SenderName: "李四", Subject: "路灯", Body: "路灯不亮"})
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
	m, err := f.store.CreateMessage(f.ctx, core.MessageInput{SenderName: "李四", Subject: "宅基地确权", Body: "宅基地确权登记怎么办理"})
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
	if _, err := f.store.CreateMessage(f.ctx, core.MessageInput{SenderName: "王五", Subject: "耕地", Body: "耕地上建房"}); err != nil {
		t.Fatal(err)
	}
	after, err := f.store.Messages(f.ctx, core.MessageFilter{})
	if err != nil || after.Total != before.Total+1 {
		t.Fatalf("after a new message: total %d, want %d (%v)", after.Total, before.Total+1, err)
	}
	// the counts the triggers keep are the counts of the table
	rows, err := f.db.SQL().Query(`SELECT m.state, COUNT(*), COALESCE(c.n, 0) FROM messages m
		LEFT JOIN message_state_counts c ON c.state = m.state GROUP BY m.state`)
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
	_, err := f.store.StopClock(f.ctx, core.ClockStopInput{MessageID: m.ID, Reason: "需补充材料", ApproverID: f.people["刘芳"]})
	wantCode(t, err, core.EFORBID)
	if !strings.Contains(core.ErrorMessage(err), "超过答复期限") {
		t.Errorf("message %q", core.ErrorMessage(err))
	}
}
