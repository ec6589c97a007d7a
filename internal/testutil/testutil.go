// Package testutil holds the helpers that PolicyDesk's tests share: finding the repository's testdata,
// the public corpus beside the repository, and golden files.
package testutil

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Update rewrites golden files instead of comparing with them. It is an environment variable rather than a
// flag so that one switch works for every package at once: UPDATE_GOLDEN=1 go test ./...
var Update = os.Getenv("UPDATE_GOLDEN") == "1"

// RepoRoot is the directory holding go.mod, found by walking up from the test's working directory.
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Testdata is a path under the repository's testdata/ folder.
func Testdata(tb testing.TB, elem ...string) string {
	tb.Helper()
	return filepath.Join(append([]string{RepoRoot(tb), "testdata"}, elem...)...)
}

// Corpus is a path in the public corpus ($POLICYDESK_CORPUS, or shared/corpus beside the repository).
// The test is skipped with a message when that path does not exist: the corpus is not part of the repository.
func Corpus(tb testing.TB, elem ...string) string {
	tb.Helper()
	dir := os.Getenv("POLICYDESK_CORPUS")
	if dir == "" {
		dir = filepath.Join(RepoRoot(tb), "..", "shared", "corpus")
	}
	path := filepath.Join(append([]string{dir}, elem...)...)
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("public corpus not available (%s); set POLICYDESK_CORPUS to run this test", path)
	}
	return path
}

// CorpusCSV reads every record of a CSV file in the public corpus, header included; the test is skipped
// as by Corpus when the file is not there.
func CorpusCSV(tb testing.TB, elem ...string) [][]string {
	tb.Helper()
	f, err := os.Open(Corpus(tb, elem...))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	return records
}

// Golden compares got with the golden file at path, or rewrites the file when UPDATE_GOLDEN=1.
func Golden(tb testing.TB, path, got string) {
	tb.Helper()
	if Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if string(want) != got {
		tb.Errorf("output differs from %s (run with UPDATE_GOLDEN=1 to accept):\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

// GoldenFiles runs a subtest for each file matching pattern (a glob of *.input files): render turns the
// file's text into output, which is compared with the .golden file beside it. No matching file is a failure.
func GoldenFiles(t *testing.T, pattern string, render func(t *testing.T, input string) string) {
	t.Helper()
	inputs, err := filepath.Glob(pattern)
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs match %s: %v", pattern, err)
	}
	for _, in := range inputs {
		base := strings.TrimSuffix(in, ".input")
		t.Run(filepath.Base(base), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			Golden(t, base+".golden", render(t, string(data)))
		})
	}
}

// Date is a fixture's civil date written 2006-01-02, at midnight UTC as calendar.ParseDate gives it; "" is the
// zero time (a date left blank). A malformed date is a mistake in the test itself, so it panics.
func Date(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}
