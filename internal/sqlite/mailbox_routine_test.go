package sqlite_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/sqlite"
)

// The inbox opens on the day's work: the running clocks by due date, overdue first, then the rest newest first;
// the tabs count the overdue messages of each state.
func TestInboxDefaultOrderOverdueFirst(t *testing.T) {
	f := newMailboxFixture(t)
	f.at(t, "2026-11-10 09:00") // answered long ago: its due date is the oldest, yet it comes last
	answered := f.create(t, core.MessageInput{Body: "不动产登记证明遗失怎么补办"})
	f.reply(t, answered.ID, "您好，请携带身份证到不动产登记中心申请补办。")
	f.at(t, "2026-11-16 09:00") // due Thursday 19th: overdue on the 20th
	old := f.create(t, core.MessageInput{Subject: "违建", Body: "举报河边有人违建厂房"})
	f.at(t, "2026-11-19 09:00") // due Tuesday 24th
	later := f.create(t, core.MessageInput{Body: "请问不动产登记要预约吗"})
	f.at(t, "2026-11-17 09:00") // due Friday 20th: due today, waiting in 待分办
	today := f.create(t, core.MessageInput{Body: "房屋抵押需要什么材料"})
	f.at(t, "2026-11-20 09:30")

	page, err := f.store.Messages(f.ctx, core.MessageFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, it := range page.Items {
		ids = append(ids, it.ID)
	}
	if want := []int64{old.ID, today.ID, later.ID, answered.ID}; !reflect.DeepEqual(ids, want) {
		t.Errorf("default order = %v, want %v (overdue, due today, later, answered)", ids, want)
	}
	if page.OverdueCounts[core.MsgHandling] != 1 || page.OverdueCounts[core.MsgPending] != 0 || len(page.OverdueCounts) != len(core.MessageStates) {
		t.Errorf("overdue counts = %v", page.OverdueCounts)
	}
	// The counts leave the tab and the deadline filter out: the 待分办 tab still says how many are overdue elsewhere.
	page, err = f.store.Messages(f.ctx, core.MessageFilter{State: core.MsgPending, Due: core.DueToday})
	if err != nil || page.Total != 1 || page.OverdueCounts[core.MsgHandling] != 1 {
		t.Errorf("待分办 due today: total %d, overdue %v, %v", page.Total, page.OverdueCounts, err)
	}
	// A text-only search answered from the kept index counts them too.
	page, err = f.store.Messages(f.ctx, core.MessageFilter{Text: "违建", Sort: core.SortReceivedDesc})
	if err != nil || page.OverdueCounts[core.MsgHandling] != 1 {
		t.Errorf("search: overdue %v, %v", page.OverdueCounts, err)
	}
	page, err = f.store.Messages(f.ctx, core.MessageFilter{Text: "不动产", Sort: core.SortReceivedDesc})
	if err != nil || page.OverdueCounts[core.MsgHandling] != 0 {
		t.Errorf("search 不动产: overdue %v, %v", page.OverdueCounts, err)
	}

	// 承办人: the inbox's 我的.
	if _, err := f.store.Assign(f.ctx, old.ID, f.people["罗斌"]); err != nil {
		t.Fatal(err)
	}
	page, err = f.store.Messages(f.ctx, core.MessageFilter{AssigneeID: f.people["罗斌"]})
	if err != nil || page.Total != 1 || page.Items[0].ID != old.ID || page.OverdueCounts[core.MsgHandling] != 1 {
		t.Errorf("罗斌's messages = %+v, %v", page, err)
	}
	page, err = f.store.Messages(f.ctx, core.MessageFilter{AssigneeID: f.people["刘芳"]})
	if err != nil || page.Total != 0 || page.OverdueCounts[core.MsgHandling] != 0 {
		t.Errorf("刘芳's messages = %+v, %v", page, err)
	}
}

// 批量分办 applies the routing rule to each message, audits each, and changes nothing when one is refused.
func TestAssignManyAllOrNothing(t *testing.T) {
	f := newMailboxFixture(t)
	f.at(t, "2026-11-18 09:00")
	a := f.create(t, core.MessageInput{Body: "房屋抵押需要什么材料"})
	b := f.create(t, core.MessageInput{Body: "小区门口的路灯坏了"})
	c := f.create(t, core.MessageInput{Body: "公示的地块什么时候挂牌"})
	done := f.create(t, core.MessageInput{Body: "不动产登记证明遗失怎么补办"})
	f.reply(t, done.ID, "您好，请到不动产登记中心申请补办。")
	for _, m := range []core.Message{a, b, c} {
		if m.State != core.MsgPending {
			t.Fatalf("fixture: %d is %s", m.ID, m.State)
		}
	}
	audits := func(id int64) int {
		return f.count(t, `SELECT COUNT(*) FROM audit_log WHERE entity = 'message' AND entity_id = ? AND summary LIKE '批量分办%'`, mbItoa(id))
	}

	section, person := f.sections["确权登记组"], f.people["刘芳"]
	got, err := f.store.AssignMany(f.ctx, core.BulkAssignInput{MessageIDs: []int64{a.ID, b.ID}, SectionID: section, AssigneeID: person, Reason: "均属登记业务"})
	if err != nil || len(got) != 2 {
		t.Fatalf("AssignMany = %+v, %v", got, err)
	}
	for _, m := range got {
		if m.State != core.MsgHandling || m.SectionID != section || m.AssigneeID != person {
			t.Errorf("message %d = %s, section %d, person %d", m.ID, m.State, m.SectionID, m.AssigneeID)
		}
		if audits(m.ID) != 1 {
			t.Errorf("message %d audited %d times", m.ID, audits(m.ID))
		}
	}

	// An answered message cannot be rerouted: c is left as it was, and the refusal names the message.
	_, err = f.store.AssignMany(f.ctx, core.BulkAssignInput{MessageIDs: []int64{c.ID, done.ID}, SectionID: section})
	mbMustCode(t, err, core.EFORBID)
	if msg := core.ErrorMessage(err); msg == "" || !containsAll(msg, "编号", "所选留言均未分办") {
		t.Errorf("refusal = %q", msg)
	}
	d, _ := f.store.Message(f.ctx, c.ID)
	if d.Message.State != core.MsgPending || d.Message.SectionID != 0 || audits(c.ID) != 0 {
		t.Errorf("c after the refused batch: %s, section %d, %d audits", d.Message.State, d.Message.SectionID, audits(c.ID))
	}

	// A person alone goes through CheckAssign: only messages already 办理中.
	_, err = f.store.AssignMany(f.ctx, core.BulkAssignInput{MessageIDs: []int64{a.ID, c.ID}, AssigneeID: f.people["罗斌"]})
	mbMustCode(t, err, core.EFORBID)
	if d, _ := f.store.Message(f.ctx, a.ID); d.Message.AssigneeID != person {
		t.Errorf("a's 承办人 changed by a refused batch: %d", d.Message.AssigneeID)
	}
	if _, err := f.store.AssignMany(f.ctx, core.BulkAssignInput{MessageIDs: []int64{a.ID, b.ID}, AssigneeID: f.people["罗斌"]}); err != nil {
		t.Fatal(err)
	}
	_, err = f.store.AssignMany(f.ctx, core.BulkAssignInput{SectionID: section})
	mbMustCode(t, err, core.EINVALID)
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// The default order is read from migration 0025's indexes, never sorted: the index expression and the store's
// must stay word for word the same, or SQLite sorts the whole inbox for every page.
func TestInboxDefaultOrderUsesItsIndex(t *testing.T) {
	skipOnPostgres(t, "reads SQLite's EXPLAIN QUERY PLAN")
	f := newMailboxFixture(t)
	order := sqlite.InboxOrder(core.SortUrgent)
	if order == "" {
		t.Fatal("no order for the default sort")
	}
	for _, where := range []string{"", " WHERE m.state = '办理中'", " WHERE m.section_id = 1", " WHERE m.assignee_id = 1"} {
		joined := queryPlan(t, f.db, `SELECT m.id FROM messages m`+where+order+` LIMIT 50`)
		if strings.Contains(joined, "TEMP B-TREE") || !strings.Contains(joined, "urgency") {
			t.Errorf("%q is sorted, not read in order: %s", where, joined)
		}
	}
}

// A date range lists in order of receipt (read by day, then time, migration 0033), and a deadline filter in
// the default order (read as a range of the order's key): both must give the order the inbox gives without
// them.
func TestInboxDateRangeAndDeadlineOrders(t *testing.T) {
	f := newMailboxFixture(t)
	f.at(t, "2026-11-20 09:30")
	n := 0
	create := func(received string) int64 {
		n++
		return f.create(t, core.MessageInput{ReceivedAt: received, Body: fmt.Sprintf("第%d次咨询不动产登记的办理时限", n)}).ID
	}
	m1 := create("2026-11-02 16:00")
	m2 := create("2026-11-02 08:00")
	m3 := create("2026-11-03 09:00")
	m4 := create("2026-11-03 09:00") // the same minute: the later id is the later one
	m5 := create("2026-11-03 09:00")
	m6 := create("2026-10-30 10:00")
	create("2026-11-19 09:00")          // due Tuesday the 24th
	soon := create("2026-11-18 09:00")  // due Monday the 23rd: the next working day
	today := create("2026-11-17 09:00") // due Friday the 20th

	list := func(filter core.MessageFilter) []int64 {
		t.Helper()
		page, err := f.store.Messages(f.ctx, filter)
		if err != nil {
			t.Fatal(err)
		}
		ids := []int64{}
		for _, it := range page.Items {
			ids = append(ids, it.ID)
		}
		return ids
	}
	check := func(name string, got, want []int64) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	check("received ascending in range", list(core.MessageFilter{From: "2026-11-02", To: "2026-11-03", Sort: core.SortReceivedAsc}),
		[]int64{m2, m1, m3, m4, m5})
	check("received descending in range", list(core.MessageFilter{From: "2026-11-02", To: "2026-11-03", Sort: core.SortReceivedDesc}),
		[]int64{m5, m4, m3, m1, m2})
	check("from a day on", list(core.MessageFilter{From: "2026-11-03", Sort: core.SortReceivedAsc, PageSize: 3}), []int64{m3, m4, m5})
	check("up to a day", list(core.MessageFilter{To: "2026-11-02", Sort: core.SortReceivedDesc}), []int64{m1, m2, m6})

	// The default order without a deadline filter is the oracle: the filter keeps its messages in that order.
	page, err := f.store.Messages(f.ctx, core.MessageFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]int64{}
	for _, it := range page.Items {
		want[it.DueStatus] = append(want[it.DueStatus], it.ID)
	}
	check("overdue", list(core.MessageFilter{Due: core.DueOverdue}), want[calendar.StatusOverdue])
	check("overdue by hand", want[calendar.StatusOverdue], []int64{m6, m1, m2, m5, m4, m3})
	check("overdue, page 2", list(core.MessageFilter{Due: core.DueOverdue, PageSize: 2, Page: 2}), []int64{m2, m5})
	check("due today", list(core.MessageFilter{Due: core.DueToday}), []int64{today})
	check("due soon", list(core.MessageFilter{Due: core.DueSoon}), []int64{soon})
	check("overdue in a range", list(core.MessageFilter{Due: core.DueOverdue, From: "2026-11-03"}), []int64{m5, m4, m3})
}

// The pages of a date range and of the overdue filter are read from an index in order, never sorted whole, with
// the statistics the program keeps (DB.Optimize). (A day's messages, due today, are few enough to sort.)
func TestInboxRangePagesUseTheirIndexes(t *testing.T) {
	skipOnPostgres(t, "reads SQLite's EXPLAIN QUERY PLAN")
	f := newMailboxFixture(t)
	seedMessages(t, f, 3000)
	if err := f.db.Optimize(f.ctx); err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 11, 20, 0, 0, 0, 0, core.Shanghai)
	for name, c := range map[string]struct {
		filter core.MessageFilter
		index  string
	}{
		"overdue":     {core.MessageFilter{Due: core.DueOverdue}, "messages_urgency"},
		"due soon":    {core.MessageFilter{Due: core.DueSoon}, "messages_urgency"},
		"month, asc":  {core.MessageFilter{From: "2026-06-01", To: "2026-06-30", Sort: core.SortReceivedAsc}, "messages_received_day"},
		"month, desc": {core.MessageFilter{From: "2026-06-01", To: "2026-06-30", Sort: core.SortReceivedDesc}, "messages_received_day"},
	} {
		query, args, err := sqlite.InboxPageIDs(f.store, c.filter, today)
		if err != nil {
			t.Fatal(err)
		}
		joined := queryPlan(t, f.db, query, args...)
		// SQLite may order the ids of one instant afterwards ("RIGHT PART"), never the whole range.
		if strings.Contains(joined, "TEMP B-TREE FOR ORDER BY") || !strings.Contains(joined, c.index) {
			t.Errorf("%s: want a read of %s in order, plan %s", name, c.index, joined)
		}
	}
}

// queryPlan is SQLite's EXPLAIN QUERY PLAN of query, its steps joined by "; ".
func queryPlan(t *testing.T, db *sqlite.DB, query string, args ...any) string {
	t.Helper()
	rows, err := db.SQL().Query(`EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "; ")
}
