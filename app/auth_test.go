package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

func TestDeskSignIn(t *testing.T) {
	dir := t.TempDir()
	clock := core.NewFixedClock(time.Date(2026, 12, 5, 9, 0, 0, 0, core.Shanghai))
	db := sqlite.NewDB(filepath.Join(dir, "p.db"), rules.All())
	db.Clock = clock
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	sys := core.WithActor(context.Background(), core.System)
	settings := sqlite.NewSettingsStore(db)
	if _, err := settings.SaveBureau(sys, core.Bureau{Name: "临江市规划和自然资源局"}); err != nil {
		t.Fatal(err)
	}
	sec, _ := settings.SaveSection(sys, core.Section{Name: "办公室", Active: true})
	zhou, _ := settings.SavePerson(sys, core.Person{Name: "周明远", SectionID: sec.ID, Role: core.RoleOfficer, Active: true})
	if _, err := db.CreateAccount(sys, zhou.ID, "zhoumy", "Demo-2026", true); err != nil {
		t.Fatal(err)
	}
	desk := &DeskSession{}
	ctx := core.WithActorSource(context.Background(), desk)
	keep := filepath.Join(dir, "keep-signed-in")
	newAuth := func() *AuthService {
		a := NewAuthService(AuthConfig{Store: db, Settings: settings, Desk: desk, KeepFile: keep, Clock: clock,
			IsDemo: func(b core.Bureau) bool { return b.Name == "临江市规划和自然资源局" },
			Demo:   []core.DemoAccount{{Login: "zhoumy", Password: "Demo-2026", Name: "周明远"}}})
		a.startup(ctx)
		return a
	}
	a := newAuth()

	page, err := a.LoginPage()
	if err != nil || !page.NeedsLogin || !page.Demo || len(page.DemoAccounts) != 1 || page.DemoAccounts[0].SectionName != "办公室" {
		t.Fatalf("login page %+v %v", page, err)
	}
	if !page.CanKeep {
		t.Fatalf("one login on this desk: 在本机保持登录 should be offered: %+v", page)
	}
	// A second login on the desk: keeping a sign-in is no longer offered (whoever sits down must sign in).
	li, _ := settings.SavePerson(sys, core.Person{Name: "李四", SectionID: sec.ID, Role: core.RoleHandler, Active: true})
	if _, err := db.CreateAccount(sys, li.ID, "lisi", "Ganbu-2026x", false); err != nil {
		t.Fatal(err)
	}
	if page, err := a.LoginPage(); err != nil || page.CanKeep {
		t.Fatalf("two logins: 在本机保持登录 must not be offered: %+v %v", page, err)
	}
	if _, err := db.SetAccountDisabled(sys, li.ID, true); err != nil {
		t.Fatal(err)
	}
	_, err = a.Me()
	wantCode(t, err, core.ENOTAUTH)
	// Nobody signed in on a desk with logins: the services refuse, nobody acts as the stored current user.
	_, err = settings.SaveSection(ctx, core.Section{Name: "规划科", Active: true})
	wantCode(t, err, core.ENOTAUTH)

	_, err = a.Login("zhoumy", "wrong-Pass1", false)
	wantCode(t, err, core.ENOTAUTH)
	me, err := a.Login("zhoumy", "Demo-2026", true)
	if err != nil || me.Name != "周明远" || !me.Admin || me.SectionID != sec.ID {
		t.Fatalf("login %+v %v", me, err)
	}
	if _, err := settings.SaveSection(ctx, core.Section{Name: "信访科", Active: true}); err != nil {
		t.Fatal(err)
	}
	log, _ := db.AuditLog(sys, core.AuditFilter{Entity: "section", Limit: 10})
	if len(log.Entries) == 0 || log.Entries[0].PersonName != "周明远" || log.Entries[0].ClientKind != core.ClientDesktop {
		t.Fatalf("audit of the signed-in call: %+v", log.Entries)
	}

	// Account management needs a fresh password confirmation.
	_, err = a.UnlockAccount(zhou.ID)
	wantCode(t, err, core.ECONFIRM)
	if _, err := a.ConfirmPassword("Demo-2026"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.UnlockAccount(zhou.ID); err != nil {
		t.Fatal(err)
	}
	clock.Advance(6 * time.Minute)
	_, err = a.UnlockAccount(zhou.ID)
	wantCode(t, err, core.ECONFIRM)

	// 在本机保持登录: a token, not the password, resumes the sign-in after a restart.
	b, err := os.ReadFile(keep)
	if err != nil || len(b) < 40 || string(b) == "Demo-2026" {
		t.Fatalf("kept token %q %v", b, err)
	}
	desk.set(nil)
	ResumeSignIn(ctx, newAuth())
	if me, err := a.Me(); err != nil || me.Name != "周明远" {
		t.Fatalf("resumed %+v %v", me, err)
	}
	if err := a.Logout(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(keep); !os.IsNotExist(err) {
		t.Error("logout keeps the token")
	}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if core.ErrorCode(err) != code {
		t.Fatalf("error %v, want code %s", err, code)
	}
}
