package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"strings"
	"sync"
	"time"

	"policydesk/app"
	"policydesk/internal/core"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgxlisten"
)

// EventStore keeps the events server processes pass to each other (internal/sqlite on PostgreSQL).
type EventStore interface {
	PublishEvent(ctx context.Context, origin, name string, data []byte) error
	EventsAfter(ctx context.Context, after int64, limit int) ([]core.ServerEvent, bool, error)
	LastEventID(ctx context.Context) (int64, error)
}

// Relay connects the server processes on one PostgreSQL database: an event a service emits here goes to this
// process's pages at once and, through the database, to every other process's pages (NOTIFY wakes them; the
// backlog table lets a process that reconnects catch up, so nothing is missed). Progress events stay in the
// process that runs the job.
type Relay struct {
	hub     *Hub
	channel string
	connect func(ctx context.Context) (*pgx.Conn, error)
	store   EventStore
	changed func(ctx context.Context, name string)

	origin string
	queue  chan published
	mu     sync.Mutex // one catch-up at a time
	last   int64
}

type published struct {
	name string
	data []byte
}

// NewRelay returns a relay that sends to hub's pages; connect opens the connection it listens on for channel
// (its own, outside the store's pool). Its Emit may be used at once: what is emitted before Start is passed on
// once it has started.
func NewRelay(hub *Hub, channel string, connect func(ctx context.Context) (*pgx.Conn, error)) *Relay {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return &Relay{hub: hub, channel: channel, connect: connect, origin: hex.EncodeToString(b[:]), queue: make(chan published, 1024)}
}

// Start passes events on through store from now until ctx ends. changed, if not nil, is told the name of every
// event another process passed on, so that what this process keeps in memory (the calendar, the routing model,
// the topics) is read again.
func (r *Relay) Start(ctx context.Context, store EventStore, changed func(ctx context.Context, name string)) error {
	r.store, r.changed = store, changed
	last, err := store.LastEventID(ctx)
	if err != nil {
		return err
	}
	r.last = last
	go r.publish(ctx)
	l := &pgxlisten.Listener{
		Connect:        r.connect,
		ReconnectDelay: 2 * time.Second,
		LogError: func(ctx context.Context, err error) {
			if ctx.Err() == nil {
				slog.Warn("event relay", "err", err)
			}
		},
	}
	l.Handle(r.channel, relayHandler{r})
	go func() { _ = l.Listen(ctx) }()
	return nil
}

// Emit is the services' app.Emitter: this process's pages now, the other processes' through the database.
func (r *Relay) Emit(name string, data ...any) {
	payload, ok := eventJSON(name, data)
	if !ok {
		return
	}
	r.hub.EmitJSON(name, payload)
	if strings.HasSuffix(name, ":progress") {
		return
	}
	select {
	case r.queue <- published{name, payload}:
	default:
		slog.Warn("event relay queue full: event not passed on", "event", name)
	}
}

// publish writes the queued events in order, so the other processes see them in the order they happened.
func (r *Relay) publish(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case e := <-r.queue:
			for attempt := 0; ; attempt++ {
				err := r.store.PublishEvent(context.WithoutCancel(ctx), r.origin, e.name, e.data)
				if err == nil || attempt == 2 {
					if err != nil {
						slog.Error("event not passed on to the other server processes", "event", e.name, "err", err)
					}
					break
				}
				time.Sleep(200 * time.Millisecond)
			}
		}
	}
}

// catchUp passes on, to this process's pages, the events other processes recorded since the last one seen.
func (r *Relay) catchUp(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	for {
		events, complete, err := r.store.EventsAfter(ctx, r.last, 500)
		if err != nil {
			return err
		}
		if !complete {
			slog.Warn("event relay: events were missed while cut off; pages reload everything", "after", r.last)
			r.hub.EmitJSON(app.EventDataRestored, []byte("[]"))
			if r.changed != nil {
				r.changed(ctx, app.EventDataRestored)
			}
		}
		for _, e := range events {
			r.last = e.ID
			if e.Origin == r.origin {
				continue
			}
			r.hub.EmitJSON(e.Name, e.Data)
			if r.changed != nil {
				r.changed(ctx, e.Name)
			}
		}
		if len(events) < 500 {
			return nil
		}
	}
}

// relayHandler catches up on a notification and, after (re)connecting, on the backlog.
type relayHandler struct{ r *Relay }

func (h relayHandler) HandleNotification(ctx context.Context, _ *pgconn.Notification, _ *pgx.Conn) error {
	return h.r.catchUp(ctx)
}

func (h relayHandler) HandleBacklog(ctx context.Context, _ string, _ *pgx.Conn) error {
	return h.r.catchUp(ctx)
}
