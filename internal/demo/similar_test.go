package demo

import (
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/mailbox"
)

// A newcomer opening the demo's open messages sees past replies worth quoting on several of them, with the
// similarity the inbox requires.
func TestOpenDemoMessagesHaveSimilarReplies(t *testing.T) {
	s := seedDemo(t, time.Date(2026, 11, 20, 9, 30, 0, 0, core.Shanghai))
	finder := mailbox.NewFinder(sharedSegmenter(t))
	load := func() ([]core.MessageText, error) { return s.mailbox.AnsweredMessages(s.ctx) }
	page, err := s.mailbox.Messages(s.ctx, core.MessageFilter{State: core.MsgHandling, PageSize: 200})
	if err != nil {
		t.Fatal(err)
	}
	with := 0
	for _, m := range page.Items {
		text, err := s.mailbox.MessageText(s.ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := finder.Similar("demo", load, text.Subject+"\n"+text.Body, m.ID, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) > 0 {
			with++
			t.Logf("%s: %d similar, best %.2f", m.Subject, len(hits), hits[0].Score)
		}
	}
	if with < 3 {
		t.Errorf("%d of %d messages in 办理中 have a similar past reply; want at least 3", with, len(page.Items))
	}
}
