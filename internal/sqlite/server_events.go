package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"log/slog"
	"strconv"
	"time"

	"policydesk/internal/core"
)

// Several server processes on one PostgreSQL database: what one process changes reaches the pages the others
// serve through server_events (the backlog) and NOTIFY (the wake-up); scheduled jobs run in the one process
// that holds the leader lock. On SQLite one process serves everything: there is nothing to pass on and it
// always leads.

// EventChannel is the PostgreSQL channel NOTIFY wakes the other processes on; the payload is the event's id.
const EventChannel = "policydesk_events"

// eventsKeptFor is how long an event stays in the backlog: a process that was cut off for longer reloads
// everything instead of replaying.
const eventsKeptFor = time.Hour

// eventLockKey orders publishers so that events commit in the order of their ids (a listener reads "after the
// last id it saw" and must not pass over one committing late).
const eventLockKey = writeLockKey + 2

// leaderLockKey is held, for as long as its connection lives, by the process that runs the scheduled jobs.
const leaderLockKey = writeLockKey + 3

// PublishEvent records an event for the other server processes and wakes them. On SQLite it does nothing.
func (db *DB) PublishEvent(ctx context.Context, origin, name string, data []byte) error {
	if !db.IsPostgres() {
		return nil
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(eventLockKey)); err != nil {
		return err
	}
	now := db.Now()
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO server_events (at, origin, name, data) VALUES ($1, $2, $3, $4) RETURNING id`,
		now.Format(TimeLayout), origin, name, string(data)).Scan(&id); err != nil {
		return err
	}
	if id%100 == 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM server_events WHERE at < $1`, now.Add(-eventsKeptFor).Format(TimeLayout)); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_notify($1, $2)`, EventChannel, strconv.FormatInt(id, 10)); err != nil {
		return err
	}
	return tx.Commit()
}

// EventsAfter returns the events after id in order, at most limit of them, and whether the backlog still
// reaches back to id (false: events after id were pruned, so the caller has missed some).
func (db *DB) EventsAfter(ctx context.Context, after int64, limit int) ([]core.ServerEvent, bool, error) {
	var oldest sql.NullInt64
	if err := db.db.QueryRowContext(ctx, `SELECT MIN(id) FROM server_events`).Scan(&oldest); err != nil {
		return nil, false, err
	}
	complete := !oldest.Valid || oldest.Int64 <= after+1
	events, err := queryAll(ctx, db.db, func(s scanner) (core.ServerEvent, error) {
		var e core.ServerEvent
		var data string
		err := s.Scan(&e.ID, &e.Origin, &e.Name, &data)
		e.Data = []byte(data)
		return e, err
	}, `SELECT id, origin, name, data FROM server_events WHERE id > ? ORDER BY id LIMIT ?`, after, limit)
	return events, complete, err
}

// LastEventID is the newest event's id (0 when there is none): a process starting up passes on what comes after.
func (db *DB) LastEventID(ctx context.Context) (int64, error) {
	var id sql.NullInt64
	err := db.db.QueryRowContext(ctx, `SELECT MAX(id) FROM server_events`).Scan(&id)
	return id.Int64, err
}

// Leading reports whether this process runs the scheduled jobs (mail fetch, training, backups): on SQLite
// always; on PostgreSQL while it holds the leader lock (see Lead).
func (db *DB) Leading() bool { return !db.IsPostgres() || db.leading.Load() }

// Lead competes for the leader lock until ctx ends, trying again every interval: the lock is PostgreSQL's
// session advisory lock, held on a connection kept for it, so when the leading process stops or dies the
// database frees it and another process takes over at its next try.
func (db *DB) Lead(ctx context.Context, every time.Duration) {
	if !db.IsPostgres() {
		return
	}
	var conn *sql.Conn
	release := func() {
		if conn != nil {
			// The connection is closed, not given back to the pool still holding the lock: PostgreSQL frees a
			// session lock when its session ends.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			conn.Close()
			conn = nil
		}
		if db.leading.Swap(false) {
			slog.Warn("no longer leading: scheduled jobs stop here")
		}
	}
	defer release()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if conn != nil {
			// Still leading while the connection that holds the lock answers.
			if err := conn.PingContext(ctx); err != nil {
				release()
			}
		}
		if conn == nil {
			c, err := db.db.Conn(ctx)
			if err == nil {
				var got bool
				if err = c.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, int64(leaderLockKey)).Scan(&got); err == nil && got {
					conn = c
					db.leading.Store(true)
					slog.Info("leading: scheduled jobs run in this process")
				} else {
					c.Close()
				}
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
