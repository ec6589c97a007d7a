package mailbox

import (
	"context"
	"runtime"
	"strings"
	"sync"

	"policydesk/internal/core"
)

// MatchText is the text a message is matched on; the match's spans index it.
func MatchText(in core.MessageInput) string { return strings.TrimSpace(in.Subject + "\n" + in.Body) }

// Match matches a message that is about to be stored; nil without a matcher (the message then waits in 待分办).
func Match(m core.TopicMatcher, in core.MessageInput) *core.MatchResult {
	if m == nil {
		return nil
	}
	r := m.Match(MatchText(in))
	return &r
}

// Matching matches an import's rows in the background on every core, in row order, so that storing the
// first messages overlaps with matching the rest: segmenting and scoring cost about as much as writing, and
// matchers are safe for concurrent use. It implements core.MatchStream.
type Matching struct {
	matcher core.TopicMatcher
	results []core.MatchResult
	done    []chan struct{} // done[i] is closed once results[i] is set
	stop    context.CancelFunc
	wg      sync.WaitGroup
}

var _ core.MatchStream = (*Matching)(nil)

// StartMatching starts matching the rows that will be stored (neither wrong nor duplicates of the file);
// call Close when done with it. A nil matcher gives no results: the messages wait in 待分办.
func StartMatching(ctx context.Context, m core.TopicMatcher, rows []core.ImportedMessage) *Matching {
	ctx, stop := context.WithCancel(ctx)
	mt := &Matching{matcher: m, results: make([]core.MatchResult, len(rows)), done: make([]chan struct{}, len(rows)), stop: stop}
	if m == nil {
		return mt
	}
	var todo []int
	texts := make([]string, len(rows))
	for i, r := range rows {
		mt.done[i] = make(chan struct{})
		if r.Error == "" && !r.Duplicate {
			todo, texts[i] = append(todo, i), MatchText(r.Input)
		}
	}
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		mt.wg.Add(1)
		go func() {
			defer mt.wg.Done()
			for i := range next {
				mt.results[i] = m.Match(texts[i])
				close(mt.done[i])
			}
		}()
	}
	mt.wg.Add(1)
	go func() {
		defer mt.wg.Done()
		defer close(next)
		for _, i := range todo {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return mt
}

// Result waits for row i's match; nil without a matcher.
func (mt *Matching) Result(ctx context.Context, i int) (*core.MatchResult, error) {
	if mt.matcher == nil {
		return nil, nil
	}
	select {
	case <-mt.done[i]:
		return &mt.results[i], nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Close stops the matching and waits for its goroutines.
func (mt *Matching) Close() {
	mt.stop()
	mt.wg.Wait()
}
