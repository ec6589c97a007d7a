package app

import (
	"context"
	"fmt"
	"sync"
	"time"

	"policydesk/internal/core"
)

// jobRunner runs a service's background job (mail fetch, training, evaluation, a message import): one at a time, cancellable,
// waited for on shutdown, with its progress reported at most every progressInterval. Every long job of the
// bridge runs through one.
type jobRunner struct {
	mu       sync.Mutex
	cancel   context.CancelFunc // non-nil while a job runs
	done     chan struct{}
	lastEmit time.Time
}

// start runs job in the background in a context derived from parent, unless one is running (false).
// finish is called with the job's error once it has ended and the runner is free again.
func (r *jobRunner) start(parent context.Context, job func(ctx context.Context) error, finish func(ctx context.Context, err error)) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cancel != nil {
		return false
	}
	ctx, cancel := context.WithCancel(parent)
	done := make(chan struct{})
	r.cancel, r.done = cancel, done
	go func() {
		defer close(done)
		defer cancel()
		err := job(ctx)
		r.mu.Lock()
		r.cancel = nil
		r.mu.Unlock()
		finish(ctx, err)
	}()
	return true
}

// running reports whether a job runs.
func (r *jobRunner) running() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cancel != nil
}

// stop cancels the running job (true when there was one); it ends soon after.
func (r *jobRunner) stop() bool {
	r.mu.Lock()
	cancel := r.cancel
	r.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	return cancel != nil
}

// wait waits for the last job started to end.
func (r *jobRunner) wait() {
	r.mu.Lock()
	done := r.done
	r.mu.Unlock()
	if done != nil {
		<-done
	}
}

// progressInterval limits progress events to a few per second; the UI needs no more.
const progressInterval = 150 * time.Millisecond

// throttle reports whether a progress event is due now: always at the end of a stage (final), else when
// progressInterval has passed since the last one.
func (r *jobRunner) throttle(final bool) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := time.Now()
	if !final && now.Sub(r.lastEmit) < progressInterval {
		return false
	}
	r.lastEmit = now
	return true
}

// run runs job through the runner and waits for it, so that the bridge call that asked returns the job's
// result while stop (a Cancel… method) can end it early. busy is the refusal when another job of this runner
// is running.
func (r *jobRunner) run(parent context.Context, busy string, job func(ctx context.Context) error) error {
	ended := make(chan error, 1)
	if !r.start(parent, job, func(_ context.Context, err error) { ended <- err }) {
		return core.Errorf(core.ECONFLICT, "%s", busy)
	}
	return <-ended
}

// runImport runs a long import of a file through the runner (see run) while another bridge call may cancel it.
// job stores the file and reports its progress with report, which sends event to the frontend a few times a
// second; it says whether the file was kept. An import that fails because it was cancelled before its file
// was kept is refused as such. what names the records ("意见", "留言", "历史留言").
func (r *jobRunner) runImport(parent context.Context, emit Emitter, event, name, what string,
	job func(ctx context.Context, report func(core.ImportProgress)) (kept bool, err error)) error {
	busy := fmt.Sprintf("正在导入另一个%s文件，请待其完成或取消后再导入", what)
	return r.run(parent, busy, func(ctx context.Context) error {
		kept, err := job(ctx, func(p core.ImportProgress) {
			if r.throttle(p.Done == p.Total) {
				emit(event, p)
			}
		})
		if err != nil && ctx.Err() != nil && !kept {
			return core.Errorf(core.EIMPORT, "已取消导入“%s”，没有导入任何%s", name, what)
		}
		return err
	})
}

// progressStream reports how many of an import's rows have been taken from its match stream.
type progressStream struct {
	core.MatchStream
	total  int
	report func(p core.ImportProgress)
}

func (p progressStream) Result(ctx context.Context, i int) (*core.MatchResult, error) {
	m, err := p.MatchStream.Result(ctx, i)
	if err == nil {
		p.report(core.ImportProgress{Done: i + 1, Total: p.total})
	}
	return m, err
}
