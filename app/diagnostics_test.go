package app

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

func TestExportDiagnostics(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "policydesk.db")
	db := sqlite.NewDB(dbPath, rules.All())
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	logs := filepath.Join(dir, "logs")
	if err := os.MkdirAll(logs, 0o700); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"policydesk.log": "level=INFO msg=\"program started\"\n",
		"policydesk-2026-11-30T09-00-00.000.log.gz": "old", "notes.txt": "not a log"} {
		if err := os.WriteFile(filepath.Join(logs, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	clock := core.NewFixedClock(time.Date(2026, 12, 7, 10, 30, 0, 0, core.Shanghai))
	s := NewSystemService(SystemConfig{DataDir: dir, DBPath: dbPath, BackupDir: filepath.Join(dir, "backups"),
		ExportDir: filepath.Join(dir, "exports"), LogDir: logs, Clock: clock, DB: db, ListBackups: sqlite.ListBackups,
		Emit: func(string, ...any) {}})
	path, err := s.ExportDiagnostics()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "诊断包-20261207-103000.zip" {
		t.Errorf("name %q", filepath.Base(path))
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	files := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(r)
		r.Close()
		files[f.Name] = string(data)
	}
	if len(files) != 3 || files["日志/policydesk.log"] == "" || files["日志/policydesk-2026-11-30T09-00-00.000.log.gz"] != "old" {
		t.Errorf("files in the package: %v", keys(files))
	}
	summary := files["诊断信息.txt"]
	for _, want := range []string{"数据库检查：通过", "审计日志：", "校验通过", "结构版本：", "（没有备份）"} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestExportedFileOnlyOpensExports(t *testing.T) {
	dir := t.TempDir()
	docx := filepath.Join(dir, "审签单.docx")
	exe := filepath.Join(dir, "报告.docx.exe")
	for _, p := range []string{docx, exe} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		path string
		code string
	}{
		{docx, ""},
		{exe, core.EINVALID},
		{"审签单.docx", core.EINVALID}, // relative
		{filepath.Join(dir, "没有.xlsx"), core.ENOTFOUND},
		{dir + "/", core.EINVALID}, // a folder
	}
	for _, c := range cases {
		if _, err := exportedFile(c.path); core.ErrorCode(err) != c.code && !(c.code == "" && err == nil) {
			t.Errorf("exportedFile(%q) = %v, want %q", c.path, err, c.code)
		}
	}
}
