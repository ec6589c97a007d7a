package sqlite

import (
	"fmt"
	"testing"
)

func TestDiffMatchesColumnsByName(t *testing.T) {
	old := Columns{{"title", "旧标题"}, {"section_id", int64(3)}, {"body", "正文"}}
	tests := []struct {
		name     string
		old, new Columns
		want     string
	}{
		{"nothing changed", old, Columns{{"title", "旧标题"}, {"section_id", int64(3)}, {"body", "正文"}}, "[]"},
		{"order does not matter", old, Columns{{"body", "正文"}, {"section_id", int64(3)}, {"title", "新标题"}}, "[title:旧标题→新标题]"},
		{"a creation", nil, Columns{{"title", "新"}, {"section_id", int64(0)}}, "[title:<nil>→新 section_id:<nil>→0]"},
		{"a deletion", old, nil, "[title:旧标题→<nil> section_id:3→<nil> body:正文→<nil>]"},
		{"a column only one side has", Columns{{"a", 1}}, Columns{{"b", 2}}, "[b:<nil>→2 a:1→<nil>]"},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range diff(tt.old, tt.new) {
			got = append(got, fmt.Sprintf("%s:%v→%v", c.Field, c.Old, c.New))
		}
		if s := fmt.Sprint(append([]string{}, got...)); s != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, s, tt.want)
		}
	}
}
