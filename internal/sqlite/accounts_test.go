package sqlite_test

import (
	"context"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/sqlite"
)

func accountFixture(t *testing.T) (*sqlite.DB, context.Context, core.Person, core.Person) {
	t.Helper()
	db := mustOpen(t)
	ctx := core.WithActor(context.Background(), core.System)
	settings := sqlite.NewSettingsStore(db)
	sec := mustSection(t, ctx, settings, "办公室")
	admin := mustPerson(t, ctx, settings, "周明远", sec.ID, core.RoleOfficer)
	clerk := mustPerson(t, ctx, settings, "钱晓峰", sec.ID, core.RoleMailbox)
	if _, err := db.CreateAccount(ctx, admin.ID, "zhoumy", "Zhou-2026a", true); err != nil {
		t.Fatal(err)
	}
	return db, ctx, admin, clerk
}

func as(p core.Person) context.Context {
	return core.WithActor(context.Background(), core.Actor{PersonID: p.ID, Name: p.Name, Role: p.Role, ClientAddr: "10.0.0.7", ClientKind: core.ClientBrowser})
}

func TestAccountsLifecycle(t *testing.T) {
	db, ctx, admin, clerk := accountFixture(t)
	clock := db.Clock.(*core.FixedClock)

	// Only an account administrator manages accounts.
	_, err := db.CreateAccount(as(clerk), clerk.ID, "qianxf", "Qian-2026a", false)
	wantCode(t, err, core.EFORBID)
	acc, err := db.CreateAccount(as(admin), clerk.ID, "qianxf", "Qian-2026a", false)
	if err != nil {
		t.Fatal(err)
	}
	if !acc.MustChangePassword || acc.Name != "钱晓峰" || acc.Version != 1 {
		t.Fatalf("created %+v", acc)
	}
	_, err = db.CreateAccount(as(admin), clerk.ID, "other", "Qian-2026a", false)
	wantCode(t, err, core.ECONFLICT)
	_, err = db.CreateAccount(as(admin), admin.ID, "QIANXF", "Qian-2026a", false)
	wantCode(t, err, core.ECONFLICT)
	_, err = db.CreateAccount(as(admin), clerk.ID, "x y", "Qian-2026a", false)
	wantCode(t, err, core.EINVALID)
	_, err = db.CreateAccount(as(admin), clerk.ID, "qian2", "weak", false)
	wantCode(t, err, core.EINVALID)

	// Sign-in: the login is case-insensitive; a wrong login and a wrong password look the same.
	if _, err := db.Authenticate(ctx, "QianXF", "Qian-2026a"); err != nil {
		t.Fatal(err)
	}
	_, err = db.Authenticate(ctx, "nobody", "Qian-2026a")
	wantCode(t, err, core.ENOTAUTH)
	_, err2 := db.Authenticate(ctx, "qianxf", "wrong")
	if core.ErrorMessage(err) != core.ErrorMessage(err2) {
		t.Errorf("messages differ: %q / %q", core.ErrorMessage(err), core.ErrorMessage(err2))
	}

	// Brute force: the fifth wrong password locks, even the right one is then refused for 15 minutes.
	for i := 2; i <= 5; i++ {
		_, err = db.Authenticate(ctx, "qianxf", "wrong")
		wantCode(t, err, core.ENOTAUTH)
	}
	_, err = db.Authenticate(ctx, "qianxf", "Qian-2026a")
	wantCode(t, err, core.EFORBID)
	clock.Set(clock.Now().Add(15 * time.Minute))
	if _, err := db.Authenticate(ctx, "qianxf", "Qian-2026a"); err != nil {
		t.Fatalf("after the lock: %v", err)
	}

	// Forced change, then a reset by the administrator forces it again.
	_, err = db.ChangePassword(as(clerk), clerk.ID, "wrong", "Qian-2027b")
	wantCode(t, err, core.EINVALID)
	acc, err = db.ChangePassword(as(clerk), clerk.ID, "Qian-2026a", "Qian-2027b")
	if err != nil || acc.MustChangePassword {
		t.Fatalf("change: %+v %v", acc, err)
	}
	_, err = db.ResetPassword(as(clerk), clerk.ID, "Qian-2028c")
	wantCode(t, err, core.EFORBID)
	if acc, err = db.ResetPassword(as(admin), clerk.ID, "Qian-2028c"); err != nil || !acc.MustChangePassword {
		t.Fatalf("reset: %+v %v", acc, err)
	}

	// Disabled accounts cannot sign in and lose their sessions; nobody disables themself.
	token, _, err := db.CreateSession(ctx, clerk.ID, "10.0.0.7", core.ClientBrowser)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Session(ctx, token, 8*time.Hour); err != nil {
		t.Fatal(err)
	}
	_, err = db.SetAccountDisabled(as(admin), admin.ID, true)
	wantCode(t, err, core.EFORBID)
	if _, err := db.SetAccountDisabled(as(admin), clerk.ID, true); err != nil {
		t.Fatal(err)
	}
	_, err = db.Session(ctx, token, 8*time.Hour)
	wantCode(t, err, core.ENOTAUTH)
	_, err = db.Authenticate(ctx, "qianxf", "Qian-2028c")
	wantCode(t, err, core.EFORBID)

	list, err := db.Accounts(as(admin))
	if err != nil || len(list) != 2 {
		t.Fatalf("accounts %v %v", list, err)
	}
	_, err = db.Accounts(as(clerk))
	wantCode(t, err, core.EFORBID)

	// Every sign-in, failure, lockout, password change and account change is in the audit trail, and the chain holds.
	page, err := db.AuditLog(ctx, core.AuditFilter{Entity: "account", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	browser := 0
	for _, e := range page.Entries {
		seen[e.Action]++
		if e.ClientKind == core.ClientBrowser && e.ClientAddr == "10.0.0.7" {
			browser++
		}
	}
	for _, a := range []string{"create", "login", "login_failed", "lockout", "password", "update"} {
		if seen[a] == 0 {
			t.Errorf("no %q entry in %v", a, seen)
		}
	}
	if browser == 0 {
		t.Error("client address and kind not recorded")
	}
	check, err := db.VerifyAudit(ctx)
	if err != nil || !check.OK {
		t.Fatalf("audit chain: %+v %v", check, err)
	}
}

func TestSessions(t *testing.T) {
	db, ctx, admin, _ := accountFixture(t)
	clock := db.Clock.(*core.FixedClock)
	t1, s1, err := db.CreateSession(ctx, admin.ID, "10.0.0.8", core.ClientDesktop)
	if err != nil {
		t.Fatal(err)
	}
	t2, s2, _ := db.CreateSession(ctx, admin.ID, "10.0.0.8", core.ClientDesktop)
	if t1 == t2 || s1.CSRFToken == s2.CSRFToken || len(t1) < 40 {
		t.Fatal("session ids or CSRF tokens repeat")
	}
	_, err = db.Session(ctx, "forged", 8*time.Hour)
	wantCode(t, err, core.ENOTAUTH)
	at, err := db.ConfirmSession(ctx, t1)
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.Session(ctx, t1, 8*time.Hour)
	if err != nil || got.ConfirmedAt != at || got.PersonID != admin.ID {
		t.Fatalf("session %+v %v", got, err)
	}
	if err := db.EndSessionsOf(ctx, admin.ID, t1); err != nil {
		t.Fatal(err)
	}
	_, err = db.Session(ctx, t2, 8*time.Hour)
	wantCode(t, err, core.ENOTAUTH)
	clock.Set(clock.Now().Add(8*time.Hour + time.Second))
	_, err = db.Session(ctx, t1, 8*time.Hour)
	wantCode(t, err, core.ENOTAUTH)
}

// Entries written before team mode (no client columns) keep verifying next to newer ones that have them.
func TestAuditHashOldAndNewEntries(t *testing.T) {
	old := core.AuditEntry{ID: 1, At: "2026-01-01T10:00:00", Action: "create", Entity: "x", EntityID: "1", Changes: "{}", PrevHash: "0"}
	withClient := old
	withClient.ClientAddr, withClient.ClientKind = "10.0.0.1", core.ClientBrowser
	if sqlite.AuditHash(old) == sqlite.AuditHash(withClient) {
		t.Error("client fields are not hashed")
	}
	withClient.ClientAddr = ""
	if sqlite.AuditHash(old) == sqlite.AuditHash(withClient) {
		t.Error("a blanked address keeps the hash")
	}
}
