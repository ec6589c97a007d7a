package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/sqlite"
	"policydesk/internal/testutil"
)

// loadedCalendar is db's calendar store, seeded and loaded.
func loadedCalendar(tb testing.TB, db *sqlite.DB) *sqlite.CalendarStore {
	tb.Helper()
	store := sqlite.NewCalendarStore(db)
	if err := store.Load(context.Background()); err != nil {
		tb.Fatal(err)
	}
	return store
}

func TestCalendarStoreSeedsEditsAndPersists(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	store := loadedCalendar(t, db)
	years, err := store.Years(ctx)
	if err != nil || len(years) < 7 {
		t.Fatalf("years = %d, %v", len(years), err)
	}
	cal := store.Calendar()
	fri := testutil.Date("2026-11-20")
	if got := calendar.FormatDate(cal.AddWorkdays(fri, 3)); got != "2026-11-25" {
		t.Fatalf("due = %s", got)
	}

	// A user marks Tuesday 2026-11-24 as a rest day: the due date moves.
	day, err := store.SetDay(ctx, core.CalendarDayEdit{Date: "2026-11-24", Kind: "holiday", Name: "临时休息", Note: "市政府通知"})
	if err != nil || day.Workday || !day.Edited {
		t.Fatalf("SetDay = %+v, %v", day, err)
	}
	if got := calendar.FormatDate(store.Calendar().AddWorkdays(fri, 3)); got != "2026-11-26" {
		t.Fatalf("due after edit = %s", got)
	}
	// Weekdays cannot become 调休 working days; bad input is refused with codes.
	_, err = store.SetDay(ctx, core.CalendarDayEdit{Date: "2026-11-23", Kind: "workday"})
	wantCode(t, err, core.EINVALID)
	_, err = store.SetDay(ctx, core.CalendarDayEdit{Date: "2026-13-01", Kind: "holiday"})
	wantCode(t, err, core.EINVALID)

	// The edit survives a restart, and re-seeding never overwrites an edited year.
	db = reopen(t, db)
	store = loadedCalendar(t, db)
	if store.Calendar().IsWorkday(testutil.Date("2026-11-24")) {
		t.Fatal("edit lost after reopen")
	}
	y, err := store.Year(ctx, 2026)
	if err != nil || len(y.Days) != 365 || !y.Covered {
		t.Fatalf("Year = %d days covered=%v, %v", len(y.Days), y.Covered, err)
	}
	for _, d := range y.Days {
		if d.Date == "2026-11-24" && (!d.Edited || d.Note != "市政府通知" || d.Name != "临时休息") {
			t.Errorf("edited day = %+v", d)
		}
	}

	// Back to the default rule.
	if _, err := store.SetDay(ctx, core.CalendarDayEdit{Date: "2026-11-24", Kind: "default"}); err != nil {
		t.Fatal(err)
	}
	if !store.Calendar().IsWorkday(testutil.Date("2026-11-24")) {
		t.Fatal("default not restored")
	}
	page, err := db.AuditLog(ctx, core.AuditFilter{Entity: "calendar_day"})
	if err != nil || page.Total != 2 {
		t.Fatalf("calendar audit: %d, %v", page.Total, err)
	}
}

func TestCalendarNoticePreviewAndApply(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	store := loadedCalendar(t, db)
	text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "calendar", "notice_2026.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// 2026 is built in, so a preview of its own notice changes nothing and says it replaces the year.
	p, err := store.PreviewNotice(ctx, string(text), 0)
	if err != nil {
		t.Fatal(err)
	}
	if p.Year != 2026 || !p.Replaces || len(p.Changes) != 0 || len(p.Lines) != 7 {
		t.Fatalf("preview 2026: year=%d replaces=%v changes=%d lines=%d", p.Year, p.Replaces, len(p.Changes), len(p.Lines))
	}

	// A new year: the preview changes nothing until it is applied.
	next := "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n"
	p, err = store.PreviewNotice(ctx, next, 0)
	if err != nil {
		t.Fatal(err)
	}
	if p.Year != 2027 || p.Replaces || len(p.Changes) == 0 {
		t.Fatalf("preview 2027: %+v", p)
	}
	if store.Calendar().Covers(2027) {
		t.Fatal("preview applied something")
	}
	info, err := store.ApplyNotice(ctx, next, 0)
	if err != nil || info.Year != 2027 || info.RestDays != 3 {
		t.Fatalf("apply: %+v, %v", info, err)
	}
	if !store.Calendar().Covers(2027) || store.Calendar().IsWorkday(testutil.Date("2027-01-01")) {
		t.Fatal("2027 not applied")
	}
	_, err = store.PreviewNotice(ctx, "没有任何放假安排的文字", 2027)
	wantCode(t, err, core.EINVALID)
}
