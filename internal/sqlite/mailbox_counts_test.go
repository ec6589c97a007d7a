package sqlite_test

import (
	"path/filepath"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/mailbox"
	"policydesk/internal/rules"
	"policydesk/internal/seal"
	"policydesk/internal/sqlite"
)

// The inbox keeps its counts in memory while the inbox is unchanged: a write that leaves every filtered column
// as it was (a subject's wording, a sign-in, a setting) keeps them, a new message or a state change made by
// another process on the same database (another server on PostgreSQL) shows on the next page at once, and a
// search's counts follow the texts.
func TestInboxCountsFollowTheInbox(t *testing.T) {
	f := newMailboxFixture(t)
	first := f.create(t, core.MessageInput{Channel: "网站", SenderName: "王先生", Subject: "小区路灯不亮", Body: "小区路灯坏了很久，何时修？"})
	page := func(filter core.MessageFilter) core.MessagePage {
		t.Helper()
		p, err := f.store.Messages(f.ctx, filter)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	reads := func() int64 { return sqlite.CountsRead(f.store) }
	if p := page(core.MessageFilter{}); p.Total != 1 || p.StateCounts[core.MsgPending] != 1 {
		t.Fatalf("total %d, counts %v; want 1 待分办", p.Total, p.StateCounts)
	}
	if p := page(core.MessageFilter{Text: "补办"}); p.Total != 0 {
		t.Fatalf("补办 before the edit: %d matches, want 0", p.Total)
	}
	before := reads()
	page(core.MessageFilter{})
	page(core.MessageFilter{Page: 2})
	if n := reads() - before; n != 0 {
		t.Fatalf("unchanged inbox: counts read %d times, want 0 (kept)", n)
	}

	// Re-wording the subject changes no count: the inbox's counts are kept, a search's follow the new text.
	edited, err := f.store.UpdateMessage(f.ctx, core.MessageEdit{ID: first.ID, SenderName: first.SenderName, Subject: "小区路灯何时补办",
		Body: first.Body, Type: first.Type, Version: first.Version})
	if err != nil {
		t.Fatal(err)
	}
	before = reads()
	if p := page(core.MessageFilter{}); p.Total != 1 {
		t.Fatalf("total %d after the edit, want 1", p.Total)
	}
	if n := reads() - before; n != 0 {
		t.Fatalf("a subject edit: the inbox's counts read %d times, want 0 (kept)", n)
	}
	if p := page(core.MessageFilter{Text: "补办"}); p.Total != 1 {
		t.Fatalf("补办 after the edit: %d matches, want 1", p.Total)
	}
	// Re-wording a match so that it still matches keeps the search's counts too.
	if _, err := f.store.UpdateMessage(f.ctx, core.MessageEdit{ID: first.ID, SenderName: first.SenderName, Subject: "小区路灯何时能补办",
		Body: first.Body, Type: first.Type, Version: edited.Version}); err != nil {
		t.Fatal(err)
	}
	before = reads()
	if p := page(core.MessageFilter{Text: "补办"}); p.Total != 1 || p.Items[0].Subject != "小区路灯何时能补办" {
		t.Fatalf("补办 after the second edit: %+v", p)
	}
	if n := reads() - before; n != 0 {
		t.Fatalf("a match re-worded to match still: the search's counts read %d times, want 0 (kept)", n)
	}

	// Another process on the same database takes a message in and assigns the first: the next page shows both.
	other := sqlite.NewDB(f.db.Path, rules.All())
	other.Clock, other.DataDir = f.db.Clock, f.db.DataDir
	if err := other.Open(); err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	store := sqlite.NewMailboxStore(other, loadedCalendar(t, other).Calendar, seal.KeyFile{Path: filepath.Join(t.TempDir(), seal.SecretKeyFile)}, nil)
	in := core.MessageInput{Channel: "网站", SenderName: "李女士", Subject: "不动产登记", Body: "不动产登记证书丢了怎么补办？"}
	if _, err := store.CreateMessage(f.ctx, in, mailbox.Match(f.matcher, in)); err != nil {
		t.Fatal(err)
	}
	if p := page(core.MessageFilter{}); p.Total != 2 {
		t.Fatalf("total %d after the other process's message, want 2", p.Total)
	}
	if p := page(core.MessageFilter{Text: "补办"}); p.Total != 2 {
		t.Fatalf("补办 after the other process's message: %d matches, want 2", p.Total)
	}
	if _, err := store.Reroute(f.ctx, core.RerouteInput{MessageID: edited.ID, TopicID: f.topics["不动产登记"], AssigneeID: f.people["罗斌"],
		Reason: "路灯属于执法监察"}); err != nil {
		t.Fatal(err)
	}
	if p := page(core.MessageFilter{}); p.StateCounts[core.MsgPending] != 0 || p.StateCounts[core.MsgHandling] != 2 {
		t.Fatalf("counts %v after the other process's routing, want 2 办理中", p.StateCounts)
	}
	if p := page(core.MessageFilter{State: core.MsgHandling, AssigneeID: f.people["罗斌"]}); p.Total != 1 || len(p.Items) != 1 || p.Items[0].ID != edited.ID {
		t.Fatalf("办理中 after the other process's routing: %+v", p)
	}

	// Each column a filter or a count reads moves the inbox revision when it alone changes (migration 0032's
	// trigger lists them): a filter's count, kept before the change, follows it.
	for _, c := range []struct {
		change string
		filter core.MessageFilter
	}{
		{`msg_type = '投诉'`, core.MessageFilter{Type: "投诉"}},
		{`channel = '信件'`, core.MessageFilter{Channel: "信件"}},
		{`received_date = '2000-01-05'`, core.MessageFilter{From: "2000-01-01", To: "2000-01-31"}},
		{`due_date = '2000-01-10'`, core.MessageFilter{Due: core.DueOverdue}},
		{`section_id = NULL, assignee_id = NULL`, core.MessageFilter{AssigneeID: f.people["罗斌"]}},
		{`topic_id = NULL`, core.MessageFilter{TopicID: f.topics["不动产登记"]}},
		{`stopped_since = '2000-01-09'`, core.MessageFilter{Due: core.DueOverdue}},
	} {
		before := page(c.filter).Total
		if _, err := other.SQL().Exec(`UPDATE messages SET `+c.change+` WHERE id = ?`, edited.ID); err != nil {
			t.Fatal(err)
		}
		if after := page(c.filter).Total; after == before {
			t.Errorf("SET %s by another process: the filter's total stayed %d", c.change, before)
		}
	}
}
