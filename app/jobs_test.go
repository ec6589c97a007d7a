package app

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestJobRunnerRunsOneJobAtATime(t *testing.T) {
	var r jobRunner
	release := make(chan struct{})
	ended := make(chan error, 2)
	job := func(ctx context.Context) error {
		select {
		case <-release:
			return errors.New("done")
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	finish := func(_ context.Context, err error) { ended <- err }
	if !r.start(context.Background(), job, finish) {
		t.Fatal("the first job did not start")
	}
	if r.start(context.Background(), job, finish) || !r.running() {
		t.Fatal("a second job started while the first runs")
	}
	if !r.stop() {
		t.Fatal("stop found no job")
	}
	if err := <-ended; !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled job ended with %v", err)
	}
	r.wait()
	if r.running() || r.stop() {
		t.Fatal("the runner is not free after the job ended")
	}
	if !r.start(context.Background(), job, finish) {
		t.Fatal("no job starts after the first ended")
	}
	close(release)
	if err := <-ended; err == nil || err.Error() != "done" {
		t.Fatalf("job ended with %v", err)
	}
	r.wait()
}

func TestJobRunnerThrottlesProgress(t *testing.T) {
	var r jobRunner
	if !r.throttle(false) {
		t.Fatal("the first event is not due")
	}
	if r.throttle(false) {
		t.Fatal("an event right after another is due")
	}
	if !r.throttle(true) {
		t.Fatal("the end of a stage is always due")
	}
	time.Sleep(progressInterval)
	if !r.throttle(false) {
		t.Fatal("an event after the interval is not due")
	}
}
