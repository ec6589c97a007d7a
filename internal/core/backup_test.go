package core

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestParseBackupName(t *testing.T) {
	at := "2026-11-22T10:45:00+08:00"
	for name, want := range map[string][3]string{ // when, why, and why in words
		"policydesk-20261122-104500-daily.db":             {at, BackupDaily, "每日自动备份"},
		"policydesk-20261122-104500-manual-3.db":          {at, BackupManual, "手动备份"},
		"policydesk-20261122-104500-before-restore.db":    {at, BackupBeforeRestore, "恢复前自动备份"},
		"policydesk-20261122-104500-before-migrate-12.db": {at, BackupBeforeMigrate, "升级前自动备份"},
		"policydesk-20261122-104500-daily.dump":           {at, BackupDaily, "每日自动备份"},
		"policydesk-2026-1-odd.db":                        {"", "odd", ""},
		"policydesk-2026-odd.db":                          {},
		"我的备份.db":                                         {},
	} {
		got := ParseBackupName(name)
		if [3]string{got.CreatedAt, got.Reason, got.ReasonLabel} != want {
			t.Errorf("ParseBackupName(%q) = %q %q %q, want %q", name, got.CreatedAt, got.Reason, got.ReasonLabel, want)
		}
	}
}

func TestExpiredBackups(t *testing.T) {
	list := []BackupInfo{ // newest first
		{Name: "a", Reason: BackupDaily}, {Name: "b", Reason: BackupManual}, {Name: "c", Reason: BackupDaily}, {Name: "d", Reason: BackupBeforeRestore},
		{Name: "e", Reason: BackupBeforeMigrate}, {Name: "f", Reason: BackupDaily}, {Name: "g", Reason: BackupManual},
	}
	for _, tt := range []struct {
		keep int
		want []string
	}{
		{10, nil},
		{4, nil},
		{3, []string{"f"}},
		{1, []string{"c", "e", "f"}},
		{0, []string{"a", "c", "e", "f"}},
	} {
		var got []string
		for _, b := range ExpiredBackups(list, tt.keep) {
			got = append(got, b.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("ExpiredBackups(keep %d) = %v, want %v (manual and before-restore copies are never pruned)", tt.keep, got, tt.want)
		}
	}
}

func TestDailyBackupDue(t *testing.T) {
	now := time.Date(2026, 12, 6, 9, 0, 0, 0, Shanghai)
	at := func(d time.Duration) BackupInfo {
		return BackupInfo{CreatedAt: now.Add(d).Format(TimeLayout)}
	}
	for _, tt := range []struct {
		name string
		list []BackupInfo
		want bool
	}{
		{"no backup yet", nil, true},
		{"one an hour ago", []BackupInfo{at(-time.Hour)}, false},
		{"newest just under a day old", []BackupInfo{at(-23*time.Hour - 59*time.Minute)}, false},
		{"newest a day old", []BackupInfo{at(-24 * time.Hour)}, true},
		{"only one dated tomorrow (clock set wrong)", []BackupInfo{at(24 * time.Hour)}, true},
		{"an unreadable date", []BackupInfo{{CreatedAt: "昨天"}}, true},
	} {
		if got := DailyBackupDue(tt.list, now); got != tt.want {
			t.Errorf("%s: DailyDue = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestBackupPathAndList(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC) // 17:00 in China
	var paths []string
	for range 3 {
		p := BackupPath(dir, now, BackupManual, BackupExtSQLite)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Base(p))
	}
	want := []string{"policydesk-20261206-170000-manual.db", "policydesk-20261206-170000-manual-2.db", "policydesk-20261206-170000-manual-3.db"}
	if !slices.Equal(paths, want) {
		t.Fatalf("Path gave %v, want %v", paths, want)
	}
	dump := BackupPath(dir, now.Add(time.Hour), BackupDaily, BackupExtPostgres)
	if filepath.Base(dump) != "policydesk-20261206-180000-daily.dump" {
		t.Fatalf("PostgreSQL backup path %s", dump)
	}
	os.WriteFile(dump, []byte("x"), 0o600)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o600)
	os.WriteFile(filepath.Join(dir, "policydesk-20261206-190000-daily.dump.partial"), []byte("x"), 0o600)
	list, err := ListBackupFiles(dir, func(string) int { return 27 })
	if err != nil || len(list) != 4 || list[0].Name != filepath.Base(dump) || list[1].SchemaVersion != 27 || list[1].Size != 1 {
		t.Fatalf("List = %+v, %v", list, err)
	}
	if err := PruneBackupFiles(append(list, BackupInfo{Path: filepath.Join(dir, "gone.db"), Reason: BackupDaily}), 0); err == nil {
		t.Fatal("Prune of a file that is not there should fail")
	}
	if none, err := ListBackupFiles(filepath.Join(dir, "missing"), nil); err != nil || none == nil || len(none) != 0 {
		t.Fatalf("List of a missing folder = %v, %v; want an empty list", none, err)
	}
}
