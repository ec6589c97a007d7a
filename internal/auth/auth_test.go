package auth

import (
	"strings"
	"testing"
	"time"

	"policydesk/internal/core"
)

func code(err error) string { return core.ErrorCode(err) }

func TestCheckPassword(t *testing.T) {
	cases := []struct {
		login, pw string
		want      string
	}{
		{"zhou", "Abc12345", ""},
		{"zhou", "abc12345!", ""},
		{"zhou", "ABC-defg", ""},
		{"zhou", "密码Ab12345", ""},
		{"zhou", "Ab1!", core.EINVALID},                    // too short
		{"zhou", "abcdefgh", core.EINVALID},                // one kind
		{"zhou", "abcd1234", core.EINVALID},                // two kinds
		{"zhou", "Abc 12345", core.EINVALID},               // space
		{"zhou", "Zhou12345", core.EINVALID},               // contains the login
		{"zhou", strings.Repeat("Ab1", 50), core.EINVALID}, // too long
		{"", "Abc12345", ""},
	}
	for _, c := range cases {
		if got := code(CheckPassword(c.login, c.pw)); got != c.want {
			t.Errorf("CheckPassword(%q, %q) = %q, want %q", c.login, c.pw, got, c.want)
		}
	}
	err := CheckPassword("zhou", "abcd1234")
	if !strings.Contains(core.ErrorMessage(err), "至少3类") || core.ErrorField(err) != "password" {
		t.Errorf("message %q field %q", core.ErrorMessage(err), core.ErrorField(err))
	}
}

func TestCheckChange(t *testing.T) {
	if err := CheckChange("zhou", false, "Abc12345", "Xyz-98765"); code(err) != core.EINVALID || core.ErrorField(err) != "oldPassword" ||
		core.ErrorMessage(err) != "原密码不正确" {
		t.Errorf("wrong old password: %v", err)
	}
	if code(CheckChange("zhou", true, "Abc12345", "Abc12345")) != core.EINVALID {
		t.Error("same password accepted")
	}
	if err := CheckChange("zhou", true, "Abc12345", "short"); code(err) != core.EINVALID || core.ErrorField(err) != "newPassword" {
		t.Errorf("weak new password: %v", err)
	}
	if err := CheckChange("zhou", true, "Abc12345", "Xyz-98765"); err != nil {
		t.Error(err)
	}
}

func TestHashVerify(t *testing.T) {
	h, err := Hash("Abc12345")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") || NeedsRehash(h) {
		t.Fatalf("encoding %q", h)
	}
	h2, _ := Hash("Abc12345")
	if h == h2 {
		t.Error("two hashes of one password are equal: salt missing")
	}
	cases := []struct {
		enc, pw string
		want    bool
	}{
		{h, "Abc12345", true},
		{h, "Abc12346", false},
		{h, "", false},
		{"", "Abc12345", false},
		{"plain", "plain", false},
		{strings.Replace(h, "argon2id", "argon2i", 1), "Abc12345", false},
		{strings.Replace(h, "v=19", "v=16", 1), "Abc12345", false},
		{strings.Replace(h, "m=19456", "m=99999999", 1), "Abc12345", false},
		{h[:len(h)-4], "Abc12345", false},
		{h + "$x", "Abc12345", false},
	}
	for i, c := range cases {
		if got := Verify(c.enc, c.pw); got != c.want {
			t.Errorf("case %d: Verify = %v, want %v", i, got, c.want)
		}
	}
	// A hash with other (weaker) parameters still verifies, and asks for a rehash.
	old := encode("Abc12345", []byte("0123456789abcdef"), 8*1024, 1, 1)
	if !Verify(old, "Abc12345") || !NeedsRehash(old) {
		t.Error("older parameters")
	}
}

func TestLockout(t *testing.T) {
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, core.Shanghai)
	var s State
	for i := 1; i <= MaxFailures; i++ {
		if err := CanTry(s, now); err != nil {
			t.Fatalf("attempt %d refused: %v", i, err)
		}
		var locked bool
		s, locked = Failed(s, now)
		if locked != (i == MaxFailures) {
			t.Fatalf("attempt %d locked=%v", i, locked)
		}
		if code(FailureMessage(s, locked)) != core.ENOTAUTH {
			t.Fatal("failure code")
		}
	}
	cases := []struct {
		at   time.Duration
		want string
	}{
		{0, core.EFORBID},
		{14 * time.Minute, core.EFORBID},
		{15 * time.Minute, ""},
		{time.Hour, ""},
	}
	for _, c := range cases {
		if got := code(CanTry(s, now.Add(c.at))); got != c.want {
			t.Errorf("CanTry at +%v = %q, want %q", c.at, got, c.want)
		}
	}
	// After the lock runs out one more failure starts a fresh count rather than locking again.
	s2, locked := Failed(s, now.Add(16*time.Minute))
	if locked || s2.FailedCount != 1 {
		t.Errorf("after expiry: %+v locked=%v", s2, locked)
	}
	if s3 := Succeeded(s); s3.FailedCount != 0 || !s3.LockedUntil.IsZero() {
		t.Error("success keeps the lock")
	}
	if code(CanTry(State{Disabled: true}, now)) != core.EFORBID {
		t.Error("disabled account may try")
	}
	if !strings.Contains(core.ErrorMessage(FailureMessage(State{FailedCount: 3}, false)), "再输错2次") {
		t.Error("warning before the lock")
	}
}

func TestResetForcesChange(t *testing.T) {
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, core.Shanghai)
	s := Reset(State{FailedCount: 5, LockedUntil: now.Add(time.Minute)})
	if !s.MustChange || s.FailedCount != 0 || CanTry(s, now) != nil {
		t.Errorf("reset state %+v", s)
	}
	if code(RequireChanged(s)) != core.EFORBID || RequireChanged(State{}) != nil {
		t.Error("RequireChanged")
	}
}

func TestRequireConfirmed(t *testing.T) {
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, core.Shanghai)
	at := func(d time.Duration) string { return now.Add(d).Format(time.RFC3339) }
	cases := []struct {
		confirmed string
		want      string
	}{
		{"", core.ECONFIRM},
		{"garbage", core.ECONFIRM},
		{at(0), ""},
		{at(-4*time.Minute - 59*time.Second), ""},
		{at(-5 * time.Minute), core.ECONFIRM},
		{at(-time.Hour), core.ECONFIRM},
		{at(2 * time.Minute), core.ECONFIRM}, // from the future: a forged or skewed clock
	}
	for _, c := range cases {
		if got := code(RequireConfirmed(c.confirmed, now)); got != c.want {
			t.Errorf("RequireConfirmed(%q) = %q, want %q", c.confirmed, got, c.want)
		}
	}
}
