package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"policydesk/internal/core"
)

// cancellingMatcher cancels the import it matches for, as a user pressing 取消 mid-import would.
type cancellingMatcher struct{ cancel context.CancelFunc }

func (m cancellingMatcher) Match(string) core.MatchResult {
	m.cancel()
	return core.MatchResult{Top: []core.TopicScore{}}
}

func TestMessageImportCancelledWhileMatchingWritesNothing(t *testing.T) {
	f := newMailboxFixture(t)
	var b strings.Builder
	b.WriteString(importHeader)
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&b, "W%03d,2026-11-18 09:12,市民%d,,不动产证,请问不动产证加名怎么办理(第%d次),是\n", i, i, i)
	}
	ctx, cancel := context.WithCancel(f.ctx)
	defer cancel()
	f.matcher = cancellingMatcher{cancel: cancel}
	_, err := messages(f.store, f.matcher).ApplyImport(ctx, "留言.csv", []byte(b.String()), nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("import = %v, want context.Canceled", err)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM messages`) + f.count(t, `SELECT COUNT(*) FROM import_batches`); n != 0 {
		t.Errorf("a cancelled import left %d rows", n)
	}
}
