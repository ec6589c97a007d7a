package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync/atomic"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// CalendarStore keeps the working-day calendar in the database so users can correct days and import new years.
// Reads are served from an immutable in-memory calendar that is swapped after every committed change.
type CalendarStore struct {
	db  *DB
	cal atomic.Pointer[calendar.Calendar]
}

// NewCalendarStore returns the calendar store; call Load before use.
func NewCalendarStore(db *DB) *CalendarStore { return &CalendarStore{db: db} }

// Load seeds the built-in official years that the database lacks and builds the in-memory calendar.
// A year already in the database (perhaps edited by a user) is never overwritten by the built-in data.
func (s *CalendarStore) Load(ctx context.Context) error {
	return s.change(ctx, func(tx *Tx) error {
		for _, y := range calendar.Builtin() {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM calendar_years WHERE year = ?`, y.Year).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				continue
			}
			if err := tx.replaceYear(ctx, y, ""); err != nil {
				return err
			}
		}
		return nil
	})
}

// change runs fn in a write transaction and, once it has committed, rebuilds the in-memory calendar.
func (s *CalendarStore) change(ctx context.Context, fn func(tx *Tx) error) error {
	if err := s.db.write(ctx, fn); err != nil {
		return err
	}
	return s.reload(ctx)
}

// Calendar returns the current calendar (never nil after Load).
func (s *CalendarStore) Calendar() *calendar.Calendar {
	if c := s.cal.Load(); c != nil {
		return c
	}
	return calendar.New(nil)
}

func (s *CalendarStore) reload(ctx context.Context) error {
	years, err := s.loadYears(ctx)
	if err != nil {
		return err
	}
	s.cal.Store(calendar.New(years))
	return nil
}

func (s *CalendarStore) loadYears(ctx context.Context) ([]calendar.Year, error) {
	years, err := queryAll(ctx, s.db.db, func(sc scanner) (calendar.Year, error) {
		var y calendar.Year
		err := sc.Scan(&y.Year, &y.Source, &y.SourceURL)
		return y, err
	}, `SELECT year, source, source_url FROM calendar_years ORDER BY year`)
	if err != nil {
		return nil, err
	}
	index := make(map[int]int, len(years))
	for i, y := range years {
		index[y.Year] = i
	}
	err = queryEach(ctx, s.db.db, func(sc scanner) error {
		var date, kind, name string
		var year int
		if err := sc.Scan(&date, &year, &kind, &name); err != nil {
			return err
		}
		d, err := calendar.ParseDate(date)
		if err != nil {
			return fmt.Errorf("calendar_days %q: %w", date, err)
		}
		i, ok := index[year]
		if !ok {
			// A day edited in a year without official data: keep it, in a year of its own.
			index[year] = len(years)
			years = append(years, calendar.Year{Year: year, Source: "用户编辑"})
			i = index[year]
		}
		years[i].Days = append(years[i].Days, calendar.Override{Date: d, Kind: calendar.Kind(kind), Name: name})
		return nil
	}, `SELECT date, year, kind, name FROM calendar_days ORDER BY date`)
	if err != nil {
		return nil, err
	}
	return years, nil
}

// replaceYear writes a whole year (official data or an imported notice), replacing what the year had.
func (tx *Tx) replaceYear(ctx context.Context, y calendar.Year, noticeText string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM calendar_days WHERE year = ?`, y.Year); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO calendar_years (year, source, source_url, notice_text, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(year) DO UPDATE SET source = excluded.source, source_url = excluded.source_url,
		notice_text = excluded.notice_text, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		y.Year, y.Source, y.SourceURL, noticeText, tx.Stamp(), tx.actorName()); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO calendar_days (date, year, kind, name, edited, updated_at, updated_by)
		VALUES (?, ?, ?, ?, 0, ?, ?) ON CONFLICT(date) DO UPDATE SET year = excluded.year, kind = excluded.kind, name = excluded.name,
		edited = 0, updated_at = excluded.updated_at, updated_by = excluded.updated_by`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, d := range y.Days {
		if _, err := stmt.ExecContext(ctx, calendar.FormatDate(d.Date), y.Year, string(d.Kind), d.Name, tx.Stamp(), tx.actorName()); err != nil {
			return err
		}
	}
	return tx.audit("import", "calendar_year", y.Year, fmt.Sprintf("导入%d年节假日安排(%s)", y.Year, y.Source),
		[]Change{{Field: "days", Old: nil, New: len(y.Days)}, {Field: "source", Old: nil, New: y.Source}})
}

// Year returns every day of a year with its kind, for the year view.
func (s *CalendarStore) Year(ctx context.Context, year int) (core.CalendarYear, error) {
	if err := calendar.CheckYear(year); err != nil {
		return core.CalendarYear{}, err
	}
	cal := s.Calendar()
	out := core.CalendarYear{Year: year, Covered: cal.Covers(year), Days: make([]core.CalendarDay, 0, 366)}
	err := s.db.db.QueryRowContext(ctx, `SELECT source, source_url, updated_at, updated_by FROM calendar_years WHERE year = ?`, year).
		Scan(&out.Source, &out.SourceURL, &out.UpdatedAt, &out.UpdatedBy)
	if err != nil && err != sql.ErrNoRows {
		return out, err
	}
	edits, err := queryAll(ctx, s.db.db, func(sc scanner) (core.CalendarDay, error) {
		var e core.CalendarDay
		err := sc.Scan(&e.Date, &e.Note, &e.Edited)
		return e, err
	}, `SELECT date, note, edited FROM calendar_days WHERE year = ?`, year)
	if err != nil {
		return out, err
	}
	edited := make(map[string]core.CalendarDay, len(edits))
	for _, e := range edits {
		edited[e.Date] = e
	}
	for d := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == year; d = d.AddDate(0, 0, 1) {
		day := calendarDay(cal, d)
		if e, ok := edited[day.Date]; ok {
			day.Note, day.Edited = e.Note, e.Edited
		}
		out.Days = append(out.Days, day)
	}
	return out, nil
}

func calendarDay(cal *calendar.Calendar, d time.Time) core.CalendarDay {
	info := cal.Info(d)
	return core.CalendarDay{Date: calendar.FormatDate(d), Weekday: int(d.Weekday()), Workday: info.Workday, Kind: info.Kind, Name: info.Name}
}

// Years summarises the years with recorded holiday data.
func (s *CalendarStore) Years(ctx context.Context) ([]core.CalendarYearInfo, error) {
	return queryAll(ctx, s.db.db, func(sc scanner) (core.CalendarYearInfo, error) {
		var y core.CalendarYearInfo
		err := sc.Scan(&y.Year, &y.Source, &y.SourceURL, &y.UpdatedAt, &y.UpdatedBy, &y.RestDays, &y.MakeupWorkdays, &y.EditedDays)
		return y, err
	}, `SELECT y.year, y.source, y.source_url, y.updated_at, y.updated_by,
		(SELECT COUNT(*) FROM calendar_days d WHERE d.year = y.year AND d.kind = 'holiday'),
		(SELECT COUNT(*) FROM calendar_days d WHERE d.year = y.year AND d.kind = 'workday'),
		(SELECT COUNT(*) FROM calendar_days d WHERE d.year = y.year AND d.edited = 1)
		FROM calendar_years y ORDER BY y.year DESC`)
}

// SetDay changes one day: a rest day, a 调休 working day, or back to the plain Mon–Fri rule.
func (s *CalendarStore) SetDay(ctx context.Context, e core.CalendarDayEdit) (core.CalendarDay, error) {
	e, d, err := calendar.CheckDayEdit(e)
	if err != nil {
		return core.CalendarDay{}, err
	}
	date := calendar.FormatDate(d)
	err = s.change(ctx, func(tx *Tx) error {
		before := calendarDay(s.Calendar(), d)
		var err error
		if e.Kind == calendar.DayDefault {
			_, err = tx.ExecContext(ctx, `DELETE FROM calendar_days WHERE date = ?`, date)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO calendar_days (date, year, kind, name, note, edited, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT(date) DO UPDATE SET kind = excluded.kind, name = excluded.name,
				note = excluded.note, edited = 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
				date, d.Year(), e.Kind, e.Name, e.Note, tx.Stamp(), tx.actorName())
		}
		if err != nil {
			return err
		}
		return tx.audit("update", "calendar_day", date, "修改工作日历 "+date,
			[]Change{{Field: "kind", Old: before.Kind, New: e.Kind}, {Field: "name", Old: before.Name, New: e.Name}, {Field: "note", Old: nil, New: e.Note}})
	})
	if err != nil {
		return core.CalendarDay{}, err
	}
	day := calendarDay(s.Calendar(), d)
	day.Note, day.Edited = e.Note, e.Kind != calendar.DayDefault
	return day, nil
}

// PreviewNotice parses a holiday notice and shows what applying it would change, without changing anything.
func (s *CalendarStore) PreviewNotice(ctx context.Context, text string, defaultYear int) (core.NoticePreview, error) {
	return calendar.PreviewNotice(s.Calendar(), text, defaultYear)
}

// ApplyNotice imports a year from a holiday notice's text, replacing that year's data (user edits included).
func (s *CalendarStore) ApplyNotice(ctx context.Context, text string, defaultYear int) (core.CalendarYearInfo, error) {
	res, err := calendar.ParseNotice(text, defaultYear)
	if err != nil {
		return core.CalendarYearInfo{}, err
	}
	source := res.Title
	if source == "" {
		source = fmt.Sprintf("国务院办公厅关于%d年部分节假日安排的通知", res.Year)
	}
	if res.DocNumber != "" {
		source += "(" + res.DocNumber + ")"
	}
	if err := s.change(ctx, func(tx *Tx) error {
		return tx.replaceYear(ctx, calendar.Year{Year: res.Year, Source: source, Days: res.Days}, text)
	}); err != nil {
		return core.CalendarYearInfo{}, err
	}
	years, err := s.Years(ctx)
	if err != nil {
		return core.CalendarYearInfo{}, err
	}
	for _, y := range years {
		if y.Year == res.Year {
			return y, nil
		}
	}
	return core.CalendarYearInfo{}, fmt.Errorf("year %d missing after import", res.Year)
}
