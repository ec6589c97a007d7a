package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policydesk/internal/buildinfo"
	"policydesk/internal/core"
	"policydesk/internal/datadir"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	handled, code := Run(args, &out, &errb)
	if !handled {
		t.Fatalf("%q not handled", args)
	}
	return out.String(), errb.String(), code
}

func TestWorkdayAndDue(t *testing.T) {
	dir := t.TempDir() // no database yet: the built-in official calendar answers
	out, _, code := run(t, "workday", "--data-dir", dir, "2026-10-10", "2026-10-08", "2026-10-01", "2026-11-21", "2026/11/23")
	if code != 0 || out != "true\ntrue\nfalse\nfalse\ntrue\n" {
		t.Fatalf("workday: code %d out %q", code, out)
	}
	for _, c := range []struct{ date, n, want string }{
		{"2026-11-20", "3", "2026-11-25\n"}, // DOMAIN.md §2: received Friday
		{"2026-11-21", "3", "2026-11-25\n"}, // received Saturday: the same
		{"2026-09-30", "3", "2026-10-10\n"}, // the 调休 Saturday counts
		{"2026-02-13", "1", "2026-02-14\n"}, // 春节 2026: Saturday 02-14 is a working day
		{"2026-02-14", "1", "2026-02-24\n"},
		{"2026-11-20", "0", "2026-11-20\n"},
	} {
		out, errOut, code := run(t, "due", c.date, c.n, "--data-dir", dir)
		if code != 0 || out != c.want {
			t.Errorf("due %s %s = %q (code %d, %s), want %q", c.date, c.n, out, code, errOut, c.want)
		}
	}
}

func TestBadArguments(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"workday", "--data-dir", dir},
		{"workday", "--data-dir", dir, "2026-11-20", "2026-02-30"},
		{"due", "--data-dir", dir, "2026-11-20"},
		{"due", "--data-dir", dir, "2026-11-20", "-1"},
		{"due", "--data-dir", dir, "yesterday", "3"},
	} {
		out, errOut, code := run(t, args...)
		if code != 2 || out != "" || errOut == "" {
			t.Errorf("%q: code %d out %q err %q", args, code, out, errOut)
		}
	}
}

func TestUsesTheDatabaseCalendar(t *testing.T) {
	dir := t.TempDir()
	db := sqlite.NewDB(filepath.Join(dir, "policydesk.db"), rules.All())
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	store := sqlite.NewCalendarStore(db)
	ctx := context.Background()
	if err := store.Load(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := store.SetDay(ctx, core.CalendarDayEdit{Date: "2026-11-24", Kind: "holiday", Name: "临时休息"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	t.Setenv("POLICYDESK_DATA_DIR", dir)
	out, _, code := run(t, "due", "2026-11-20", "3")
	if code != 0 || out != "2026-11-26\n" {
		t.Fatalf("due with edited calendar = %q (code %d)", out, code)
	}
	out, _, _ = run(t, "workday", "2026-11-24")
	if out != "false\n" {
		t.Fatalf("workday = %q", out)
	}
}

func TestNotACommand(t *testing.T) {
	var out, errb bytes.Buffer
	if handled, _ := Run([]string{"-devserver", "127.0.0.1:34115"}, &out, &errb); handled {
		t.Fatal("wails dev flags taken as a command")
	}
	if handled, _ := Run(nil, &out, &errb); handled {
		t.Fatal("no args taken as a command")
	}
}

func TestRestoreCommand(t *testing.T) {
	dir := t.TempDir()
	db := sqlite.NewDB(filepath.Join(dir, "policydesk.db"), rules.All())
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := sqlite.NewSettingsStore(db).SaveBureau(ctx, core.Bureau{Name: "临江市规划和自然资源局"}); err != nil {
		t.Fatal(err)
	}
	b, err := db.Backup(ctx, filepath.Join(dir, "backups"), core.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := os.WriteFile(db.Path, []byte("damaged"), 0o600); err != nil {
		t.Fatal(err)
	}

	// Refused while the app holds the data directory.
	paths, _ := datadir.Prepare(dir)
	release, err := datadir.Lock(paths.Lock)
	if err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := run(t, "restore", b.Path, "--data-dir", dir); code == 0 || !strings.Contains(errOut, "关闭程序") {
		t.Fatalf("restore while running: code %d, %q", code, errOut)
	}
	release()

	out, errOut, code := run(t, "restore", b.Path, "--data-dir", dir)
	if code != 0 || !strings.Contains(out, "已用备份") {
		t.Fatalf("restore: code %d out %q err %q", code, out, errOut)
	}
	db2 := sqlite.NewDB(db.Path, rules.All())
	if err := db2.Open(); err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if got, _ := sqlite.NewSettingsStore(db2).Bureau(ctx); got.Name != "临江市规划和自然资源局" {
		t.Fatalf("restored bureau = %q", got.Name)
	}
}

func TestVersionPrintsVersionAndCommit(t *testing.T) {
	old := buildinfo.Version
	defer func() { buildinfo.Version = old }()
	buildinfo.Version = "9.8.7"
	for _, arg := range []string{"--version", "version"} {
		var out, errOut bytes.Buffer
		handled, code := Run([]string{arg}, &out, &errOut)
		if !handled || code != 0 {
			t.Fatalf("%s: handled=%v code=%d stderr=%s", arg, handled, code, errOut.String())
		}
		if got := out.String(); !strings.HasPrefix(got, "policydesk 9.8.7 (commit ") {
			t.Errorf("%s printed %q", arg, got)
		}
	}
}
