package calendar

import (
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
