package calendar

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// d parses a test date; a typo fails the test rather than silently testing something else.
func d(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return v
}

// repoRoot is the directory holding go.mod, found by walking up from the test's directory.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// corpusDir locates the shared public corpus ($POLICYDESK_CORPUS or <repo>/../shared/corpus)
// and skips the test when it is absent.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("POLICYDESK_CORPUS")
	if dir == "" {
		dir = filepath.Join(repoRoot(t), "..", "shared", "corpus")
	}
	if _, err := os.Stat(filepath.Join(dir, "calendar")); err != nil {
		t.Skipf("public corpus not found at %s (set POLICYDESK_CORPUS): skipping", dir)
	}
	return dir
}

func testdataDir(t testing.TB) string {
	return filepath.Join(repoRoot(t), "testdata", "calendar")
}
