package app

import (
	"context"
	"sync"
	"testing"
	"time"

	"policydesk/internal/core"
)

// A job run through the runner returns its result to the caller, refuses a second job while it runs, and
// ends early when stopped.
func TestJobRunnerRun(t *testing.T) {
	var r jobRunner
	if err := r.run(context.Background(), "忙", func(context.Context) error { return core.Errorf(core.EIMPORT, "第3行缺少内容") }); core.ErrorMessage(err) != "第3行缺少内容" {
		t.Fatalf("result: %v", err)
	}
	started := make(chan struct{})
	var wg sync.WaitGroup
	var first error
	wg.Add(1)
	go func() {
		defer wg.Done()
		first = r.run(context.Background(), "忙", func(ctx context.Context) error {
			close(started)
			<-ctx.Done()
			return ctx.Err()
		})
	}()
	<-started
	if err := r.run(context.Background(), "正在导入", func(context.Context) error { return nil }); core.ErrorCode(err) != core.ECONFLICT || core.ErrorMessage(err) != "正在导入" {
		t.Errorf("second job: %v", err)
	}
	if !r.stop() {
		t.Error("stop found no job")
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the stopped job did not end")
	}
	if first != context.Canceled {
		t.Errorf("stopped job: %v", first)
	}
	if r.running() {
		t.Error("runner still busy")
	}
}

// A long import refuses a second one while it runs; stopped before its file is kept (while the file is still
// being read, say), it says that nothing was imported; stopped after, its own outcome stands.
func TestJobRunnerRunImport(t *testing.T) {
	var r jobRunner
	var sent []core.ImportProgress
	emit := func(name string, data ...any) {
		if name == EventCommentImportProgress {
			sent = append(sent, data[0].(core.ImportProgress))
		}
	}
	stoppedWhile := func(kept bool) error {
		reading := make(chan struct{})
		ended := make(chan error, 1)
		go func() {
			ended <- r.runImport(context.Background(), emit, EventCommentImportProgress, "意见.xlsx", "意见",
				func(ctx context.Context, report func(core.ImportProgress)) (bool, error) {
					close(reading)
					<-ctx.Done() // the file is being read when the stop comes
					return kept, ctx.Err()
				})
		}()
		<-reading
		err := r.runImport(context.Background(), emit, EventCommentImportProgress, "另一个.xlsx", "意见",
			func(context.Context, func(core.ImportProgress)) (bool, error) { return false, nil })
		if core.ErrorCode(err) != core.ECONFLICT || core.ErrorMessage(err) != "正在导入另一个意见文件，请待其完成或取消后再导入" {
			t.Errorf("a second import: %v", err)
		}
		r.stop()
		return <-ended
	}
	if err := stoppedWhile(false); core.ErrorCode(err) != core.EIMPORT || core.ErrorMessage(err) != "已取消导入“意见.xlsx”，没有导入任何意见" {
		t.Errorf("stopped before the file was kept: %v", err)
	}
	if err := stoppedWhile(true); err != context.Canceled {
		t.Errorf("stopped after the file was kept: %v", err)
	}
	err := r.runImport(context.Background(), emit, EventCommentImportProgress, "意见.xlsx", "意见",
		func(_ context.Context, report func(core.ImportProgress)) (bool, error) {
			report(core.ImportProgress{Done: 1, Total: 2})
			report(core.ImportProgress{Done: 2, Total: 2})
			return true, nil
		})
	if err != nil || len(sent) == 0 || sent[len(sent)-1] != (core.ImportProgress{Done: 2, Total: 2}) {
		t.Errorf("progress %v, %v", sent, err)
	}
}
