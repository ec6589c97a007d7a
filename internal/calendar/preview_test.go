package calendar

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestPreviewNotice(t *testing.T) {
	text2026, err := os.ReadFile(filepath.Join("..", "..", "testdata", "calendar", "notice_2026.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		text     string
		replaces bool
		lines    int
		rest     int
		changes  string // the first change, or "" when none
		count    int    // how many days change
	}{
		{"2026's own notice over the built-in 2026 changes nothing", string(text2026), true, 7, 33, "", 0},
		{"a new year: each of its days is new", "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n",
			false, 1, 3, "2027-01-01 工作日 → 法定节假日(元旦)", 3},
	}
	for _, tt := range tests {
		p, err := PreviewNotice(builtin, tt.text, 0)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		first := ""
		if len(p.Changes) > 0 {
			c := p.Changes[0]
			first = fmt.Sprintf("%s %s → %s", c.Date, c.Before, c.After)
		}
		if p.Replaces != tt.replaces || len(p.Lines) != tt.lines || p.RestDays != tt.rest || first != tt.changes || len(p.Changes) != tt.count {
			t.Errorf("%s: replaces=%v lines=%d rest=%d changes=%d first=%q", tt.name, p.Replaces, len(p.Lines), p.RestDays, len(p.Changes), first)
		}
	}
	if _, err := PreviewNotice(builtin, "没有任何放假安排的文字", 2027); err == nil {
		t.Error("a text with no holiday lines was read as a notice")
	}
}
