package buildinfo

import (
	"os"
	"runtime/debug"
	"testing"
)

func TestProductVersionFromRepositoryConfig(t *testing.T) {
	b, err := os.ReadFile("../../wails.json")
	if err != nil {
		t.Fatal(err)
	}
	v, err := ProductVersion(b)
	if err != nil || v == "" {
		t.Fatalf("ProductVersion = %q, %v", v, err)
	}
}

func TestProductVersionRefusesMissingOrBroken(t *testing.T) {
	for _, in := range []string{`{}`, `{"info":{"productVersion":"  "}}`, `{`} {
		if v, err := ProductVersion([]byte(in)); err == nil {
			t.Errorf("ProductVersion(%s) = %q, want an error", in, v)
		}
	}
}

func TestCommitFromSettings(t *testing.T) {
	cases := []struct {
		settings []debug.BuildSetting
		want     string
	}{
		{nil, "unknown"},
		{[]debug.BuildSetting{{Key: "vcs.revision", Value: "2f0a6fe0123456789abcdef"}}, "2f0a6fe01234"},
		{[]debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.modified", Value: "true"}}, "abc-dirty"},
	}
	for _, c := range cases {
		if got := fromSettings(c.settings); got != c.want {
			t.Errorf("fromSettings(%v) = %q, want %q", c.settings, got, c.want)
		}
	}
}

func TestInjectedCommitWins(t *testing.T) {
	old := Commit
	defer func() { Commit = old }()
	Version, Commit = "1.2.3", "deadbeef"
	if got := Line(); got != "policydesk 1.2.3 (commit deadbeef)" {
		t.Errorf("Line() = %q", got)
	}
}
