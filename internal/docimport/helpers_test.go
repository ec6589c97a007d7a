package docimport

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"policydesk/internal/core"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

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

// testdata returns a path under the repository's testdata/ folder.
func testdata(t testing.TB, elem ...string) string {
	return filepath.Join(append([]string{repoRoot(t), "testdata"}, elem...)...)
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(testdata(t, "docimport", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// corpusDir is the shared public corpus beside the repository, or $POLICYDESK_CORPUS.
func corpusDir(t testing.TB, sub string) string {
	t.Helper()
	dir := os.Getenv("POLICYDESK_CORPUS")
	if dir == "" {
		dir = filepath.Join(repoRoot(t), "..", "shared", "corpus")
	}
	dir = filepath.Join(dir, sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("public corpus not found at %s (set POLICYDESK_CORPUS): %v", dir, err)
	}
	return dir
}

// checkGolden compares got with the golden file, or rewrites it under -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it)\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// wantCode fails unless err is a domain error with the given code naming the file.
func wantCode(t *testing.T, err error, code, name string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want %s error, got nil", code)
	}
	if got := core.ErrorCode(err); got != code {
		t.Fatalf("want code %s, got %s (%v)", code, got, err)
	}
	if name != "" && core.ErrorField(err) != name {
		t.Errorf("error field = %q, want the file name %q", core.ErrorField(err), name)
	}
}
