package app

import (
	"strings"
	"sync"
	"testing"
	"time"

	"policydesk/internal/core"
)

// progressGate holds an import at its first progress report until the test lets it go on, so that the test
// can act while the import is surely running.
type progressGate struct {
	once    sync.Once
	first   chan struct{}
	release chan struct{}
}

func newProgressGate() *progressGate {
	return &progressGate{first: make(chan struct{}), release: make(chan struct{})}
}

// hold wraps an import's progress report: the first report is passed on, then the import waits.
func (g *progressGate) hold(progress func(core.ImportProgress)) func(core.ImportProgress) {
	return func(p core.ImportProgress) {
		progress(p)
		g.once.Do(func() {
			close(g.first)
			<-g.release
		})
	}
}

// cancellableImport is a long import as the bridge runs it: on a job runner, with progress events and a
// Cancel… method.
type cancellableImport struct {
	rec    *recorder
	event  string                         // its progress event
	run    func() error                   // imports the file, to the end
	cancel func() bool                    // the service's Cancel… method: whether an import was running
	right  func(core.ImportProgress) bool // whether the first progress report is as expected
	kept   func() int                     // how many records of the file are stored
	gate   *progressGate                  // holds the import at its first report; nil when it is slowed otherwise
}

// checkProgressAndCancel checks a long import: progress is reported while it runs, a second import is refused
// meanwhile, and cancelling it leaves nothing of the file behind.
func checkProgressAndCancel(t *testing.T, c cancellableImport) {
	t.Helper()
	ended := make(chan error, 1)
	go func() { ended <- c.run() }()
	p, ok := c.rec.waitFor(t, c.event).(core.ImportProgress)
	if !ok || !c.right(p) {
		t.Fatalf("progress = %+v", p)
	}
	if c.gate != nil {
		<-c.gate.first
	}
	if err := c.run(); core.ErrorCode(err) != core.ECONFLICT {
		t.Errorf("a second import while one runs: %v", err)
	}
	if !c.cancel() {
		t.Fatal("no import to cancel")
	}
	if c.gate != nil {
		close(c.gate.release)
	}
	select {
	case err := <-ended:
		if core.ErrorCode(err) != core.EIMPORT || !strings.Contains(core.ErrorMessage(err), "已取消导入") {
			t.Errorf("cancelled import: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the cancelled import did not end")
	}
	if n := c.kept(); n != 0 {
		t.Errorf("after cancelling: %d records kept", n)
	}
	if c.cancel() {
		t.Error("an import still runs")
	}
}
