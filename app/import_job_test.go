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
