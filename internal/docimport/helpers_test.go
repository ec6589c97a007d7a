package docimport

import (
	"os"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(testutil.Testdata(t, "docimport", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
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
