package testutil

import (
	"testing"

	"policydesk/internal/core"
)

// Refusal fails the test unless err is the refusal with code, field and message, as the user is shown them;
// all three "" expect no error.
func Refusal(tb testing.TB, err error, code, field, msg string) {
	tb.Helper()
	var gotCode, gotField, gotMsg string
	if err != nil {
		gotCode, gotField, gotMsg = core.ErrorCode(err), core.ErrorField(err), core.ErrorMessage(err)
	}
	if gotCode != code || gotField != field || gotMsg != msg {
		tb.Errorf("got %q %q %q (%v), want %q %q %q", gotCode, gotField, gotMsg, err, code, field, msg)
	}
}

// Invalid fails the test unless err is the EINVALID refusal on field with message msg; msg "" expects no error.
func Invalid(tb testing.TB, err error, field, msg string) {
	tb.Helper()
	if msg == "" {
		Refusal(tb, err, "", "", "")
		return
	}
	Refusal(tb, err, core.EINVALID, field, msg)
}

// RefusalText renders err as "code field: message" ("" for nil), the form in which table tests name the
// exact refusal they expect in one column.
func RefusalText(err error) string {
	if err == nil {
		return ""
	}
	return core.ErrorCode(err) + " " + core.ErrorField(err) + ": " + core.ErrorMessage(err)
}

// Want is a refusal as the user sees it: code, field and message, in that order; the zero Want is no refusal.
type Want [3]string

// Check fails the test unless err is the refusal w.
func (w Want) Check(tb testing.TB, err error) {
	tb.Helper()
	Refusal(tb, err, w[0], w[1], w[2])
}

// Result fails the test unless err is the refusal w and, when the rule refused nothing, its result got is as
// expected (ok).
func (w Want) Result(tb testing.TB, err error, ok bool, got any) {
	tb.Helper()
	w.Check(tb, err)
	if err == nil && !ok {
		tb.Fatalf("got %+v", got)
	}
}
